//! Messages about the opened link and the saved plan, and the offer to bring a saved plan back.

use leptos::prelude::*;

use super::state::Planner;
use crate::codec::opening::Tone;

/// The notice area: link and storage problems, the bring-back offer, invalid-field count.
#[component]
pub fn NoticeArea(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let notices = planner.notices;
    let offer = Memo::new(move |_| planner.saved_offer.with(Option::is_some));
    let invalid = Memo::new(move |_| planner.form.with(crate::model::Form::invalid_count));
    view! {
        <div class="notices" data-testid="notice" role="status" aria-live="polite">
            <Show when=move || offer.get()>
                <div class="notice info offer">
                    <p>
                        "You opened a shared plan. Your own saved plan is still in this browser, \
                         untouched until you edit this one (a copy is kept then too)."
                    </p>
                    <button type="button" data-testid="restore-saved" on:click=move |_| planner.restore_saved()>
                        "Bring back my saved plan"
                    </button>
                </div>
            </Show>
            <Show when=move || planner.other_tab.with(Option::is_some)>
                <div class="notice info offer" data-testid="other-tab">
                    <p>
                        "Another tab saved a different plan. This tab stops saving until you \
                         choose: load that plan here, or keep this one (the other is then kept \
                         under a backup key, never deleted)."
                    </p>
                    <button type="button" data-testid="load-other-tab" on:click=move |_| planner.load_other_tab()>
                        "Load the other tab's plan"
                    </button>
                    " "
                    <button type="button" data-testid="keep-this-tab" on:click=move |_| planner.keep_this_tab()>
                        "Keep this plan"
                    </button>
                </div>
            </Show>
            <Show when=move || planner.unreadable_pending.get()>
                <div class="notice problem offer" data-testid="unreadable-offer">
                    <button type="button" data-testid="download-unreadable" on:click=move |_| planner.download_unreadable()>
                        "Download the unreadable data"
                    </button>
                    " "
                    <button type="button" data-testid="clear-unreadable" on:click=move |_| planner.clear_unreadable()>
                        "Clear it and save here"
                    </button>
                </div>
            </Show>
            <For
                each=move || notices.get().into_iter().enumerate()
                key=|(index, notice)| (*index, notice.text.clone())
                children=move |(_, notice)| {
                    let class = match notice.tone {
                        Tone::Problem => "notice problem",
                        Tone::Info => "notice info",
                    };
                    view! { <p class=class>{notice.text}</p> }
                }
            />
            <Show when=move || !notices.with(Vec::is_empty)>
                <button type="button" class="link-button" data-testid="dismiss-notices" on:click=move |_| notices.set(Vec::new())>
                    "Dismiss messages"
                </button>
            </Show>
            <Show when=move || { invalid.get() > 0 }>
                <p class="notice problem" data-testid="invalid-fields">
                    {Signal::derive(move || match invalid.get() {
                        1 => "1 field needs attention; the plan uses its value from before the edit.".to_owned(),
                        n => format!("{n} fields need attention; the plan uses their values from before the edits."),
                    })}
                </p>
            </Show>
        </div>
    }
}
