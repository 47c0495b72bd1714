//! Messages about the opened link and the saved scenarios, and the offer to switch back to the
//! scenario a link's plan took the place of.

use leptos::prelude::*;

use super::rows::rows;
use super::shown::shown;
use super::state::Planner;
use crate::codec::opening::Tone;
use crate::model::wording::{self, labels};

/// The notice area: link and storage problems, the switch-back offer, invalid-field count.
#[component]
pub fn NoticeArea(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let notices = planner.notices;
    let count = Memo::new(move |_| notices.with(Vec::len));
    // The name of the scenario an opened link's plan took the place of.
    let back = Memo::new(move |_| {
        let id = planner.back_to.get()?;
        planner.listing().with(|list| {
            list.iter()
                .find(|(i, _)| *i == id)
                .map(|(_, name)| name.clone())
        })
    });
    let invalid = Memo::new(move |_| planner.form.with(crate::model::Form::invalid_count));
    view! {
        <div class="notices" data-testid="notice" role="status" aria-live="polite">
            {shown(move || back.get().is_some(), move || view! {
                <div class="notice info offer">
                    <button type="button" data-testid="restore-saved" on:click=move |_| planner.go_back()>
                        {move || back.get().map(|name| wording::storage_notices::back_to(&name))}
                    </button>
                </div>
            }.into_any())}
            {shown(move || planner.unreadable_pending.get(), move || view! {
                <div class="notice problem offer" data-testid="unreadable-offer">
                    <button type="button" data-testid="download-unreadable" on:click=move |_| planner.download_unreadable()>
                        {labels::notice_area::DOWNLOAD_THE_UNREADABLE_DATA}
                    </button>
                    " "
                    <button type="button" data-testid="clear-unreadable" on:click=move |_| planner.clear_unreadable()>
                        {labels::notice_area::CLEAR_IT_AND_SAVE_HERE}
                    </button>
                </div>
            }.into_any())}
            {rows(count, move |index| {
                let notice = move || notices.with(|list| list.get(index).map(|n| (n.tone, n.text.clone())));
                let class = move || match notice().map(|(tone, _)| tone) {
                    Some(Tone::Info) => "notice info",
                    _ => "notice problem",
                };
                view! { <p class=class>{move || notice().map(|(_, text)| text)}</p> }.into_any()
            })}
            {shown(move || !notices.with(Vec::is_empty), move || view! {
                <button type="button" class="link-button" data-testid="dismiss-notices" on:click=move |_| notices.set(Vec::new())>
                    {labels::notice_area::DISMISS_MESSAGES}
                </button>
            }.into_any())}
            {shown(move || { invalid.get() > 0 }, move || view! {
                <p class="notice problem" data-testid="invalid-fields">
                    {Signal::derive(move || match invalid.get() {
                        1 => "1 field needs attention; the plan uses its value from before the edit.".to_owned(),
                        n => format!("{n} fields need attention; the plan uses their values from before the edits."),
                    })}
                </p>
            }.into_any())}
        </div>
    }
}
