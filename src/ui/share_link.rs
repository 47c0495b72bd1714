//! The Copy link button, and the link itself for browsers that refuse clipboard access.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::Planner;
use crate::browser::{address, clipboard};
use crate::codec::link;

/// Copies a link to the current plan, and shows it so it can be copied by hand.
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
    let copy = move |_| {
        let url = address::share_url(&link::encode(&planner.scenario.get_untracked()));
        revealed.set(true);
        status.set("Copying\u{2026}".to_owned());
        spawn_local(async move {
            status.set(match clipboard::copy(&url).await {
                Ok(()) => "Link copied. Anyone with it sees this plan.".to_owned(),
                Err(reason) => format!("Could not copy ({reason}): copy the link below."),
            });
        });
    };
    view! {
        <div class="share">
            <button type="button" class="primary" data-testid="copy-link" on:click=copy>"Copy link"</button>
            <span class="copy-status" data-testid="copy-status" role="status">{move || status.get()}</span>
            <Show when=move || revealed.get()>
                <label class="visually-hidden" for="share-link">"Link to this plan"</label>
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
            </Show>
        </div>
    }
}
