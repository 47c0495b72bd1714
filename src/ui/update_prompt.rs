//! The quiet "update available" prompt: shown when a new version of the page has been
//! deployed while this one is open (boot.js marks it), with a button to reload. The page
//! never reloads itself: an edit under way is the user's, and reloading is their choice.

use leptos::leptos_dom::helpers::window_event_listener_untyped;
use leptos::prelude::*;

use crate::model::wording::labels::update_prompt as words;

/// Whether boot.js has marked the page as running the version before a deploy.
fn marked() -> bool {
    document()
        .document_element()
        .and_then(|root| root.get_attribute("data-update"))
        .is_some_and(|state| state == "ready")
}

/// The prompt, shown once a new version is ready.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let ready = RwSignal::new(marked());
    let _ = window_event_listener_untyped("funnel-planner-update", move |_| ready.set(true));
    // The pending save is written on `pagehide`, before the page goes.
    let reload = move |_| {
        let _ = window().location().reload();
    };
    move || {
        ready.get().then(|| {
            view! {
                <div class="update-prompt" role="status" data-testid="update-available">
                    <span>{words::UPDATE_AVAILABLE}</span>
                    <button type="button" class="secondary" data-testid="update-reload" on:click=reload>
                        {words::RELOAD}
                    </button>
                </div>
            }
        })
    }
}
