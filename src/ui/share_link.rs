//! The Copy link button, and the link itself for browsers that refuse clipboard access.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::Planner;
use crate::browser::{address, clipboard};
use crate::codec::link;
use crate::model::wording::{self, labels};

/// Copies a link to the current plan, and shows it so it can be copied by hand. Links carry
/// valid values only: while fields hold text that is not valid, the status names them.
#[component]
pub fn ShareLink(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let revealed = RwSignal::new(false);
    // Actuals are confidential figures: a link carries them only when asked, each time.
    let with_actuals = RwSignal::new(false);
    let has_actuals =
        Memo::new(move |_| planner.workspace.with(|w| !w.current().actuals.is_empty()));
    let fragment = move || {
        let mut text = link::encode(&planner.scenario.get());
        if with_actuals.get() && has_actuals.get() {
            text.push_str(
                &planner
                    .workspace
                    .with(|w| link::encode_actuals(&w.current().actuals)),
            );
        }
        text
    };
    // Once revealed, the link follows the plan, so it is never stale; hidden, it costs nothing.
    let shown = Signal::derive(move || revealed.get().then(|| address::share_url(&fragment())));
    let status = RwSignal::new(String::new());
    let left_out = move || {
        planner.form.with_untracked(|form| {
            let names: Vec<String> = form
                .invalid_fields()
                .into_iter()
                .map(|key| {
                    format!(
                        "{} (still {})",
                        key.label(form.scenario()),
                        form.describe(key)
                    )
                })
                .collect();
            wording::link_leaves_out(&names)
        })
    };
    let copy = move |_| {
        let url = address::share_url(&untrack(fragment));
        let left_out = left_out();
        revealed.set(true);
        status.set(wording::COPYING.to_owned());
        spawn_local(async move {
            status.set(wording::copy_outcome(
                clipboard::copy(&url).await,
                &left_out,
            ));
        });
    };
    view! {
        <div class="share">
            <button type="button" class="primary" data-testid="copy-link" on:click=copy>{labels::share_link::COPY_LINK}</button>
            <span class="copy-status" data-testid="copy-status" role="status">{status}</span>
            {super::shown::shown(move || has_actuals.get(), move || view! {
                <super::check_box::CheckBox testid="copy-link-actuals" checked=with_actuals label=labels::share_link::INCLUDE_ACTUALS/>
            }.into_any())}
            {super::shown::shown(move || revealed.get(), move || view! {
                <label class="visually-hidden" for="share-link">{labels::share_link::LINK_TO_THIS_PLAN}</label>
                <input
                    id="share-link"
                    data-testid="share-link"
                    type="text"
                    readonly
                    prop:value=move || shown.get().unwrap_or_default()
                    on:focus=move |event| {
                        use leptos::wasm_bindgen::JsCast;
                        if let Some(input) = event
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                        {
                            input.select();
                        }
                    }
                />
            }.into_any())}
        </div>
    }
}
