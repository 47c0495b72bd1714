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
    // Once revealed, the link follows the plan, so it is never stale; hidden, it costs nothing.
    let shown = Signal::derive(move || {
        revealed
            .get()
            .then(|| address::share_url(&link::encode(&planner.scenario.get())))
    });
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
        let url = address::share_url(&link::encode(&planner.scenario.get_untracked()));
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
