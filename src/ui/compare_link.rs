//! The comparison's Copy link button, the link itself for browsers that refuse clipboard
//! access, and a warning when the link is long enough for some apps to cut.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::Planner;
use crate::browser::{address, clipboard};
use crate::model::wording::compare as words;
use crate::model::wording::labels::compare_view as labels;

/// Copies one link carrying every compared scenario, and shows it.
#[component]
pub fn CompareLink(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let revealed = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    // Follows the compared plans, so a shown link is never stale; read only once copied, so
    // it costs an edit nothing before.
    let url = Memo::new(move |_| address::share_url(&planner.compare_link()));
    let style = planner.style();
    let long = move || {
        let length = revealed.get().then(|| url.with(String::len))?;
        let shown = f64::from(u32::try_from(length).unwrap_or(u32::MAX));
        style.with(|style| words::long_link(length, &style.count(shown)))
    };
    let copy = move |_| {
        let url = url.get_untracked();
        revealed.set(true);
        status.set(crate::model::wording::COPYING.to_owned());
        spawn_local(async move {
            status.set(words::copy_outcome(clipboard::copy(&url).await));
        });
    };
    view! {
        <div class="share compare-share">
            <button type="button" data-testid="compare-copy-link" on:click=copy>{labels::COPY_LINK}</button>
            <span class="copy-status" data-testid="compare-copy-status" role="status">{status}</span>
            {super::shown::shown(move || revealed.get(), move || view! {
                <label class="visually-hidden" for="compare-link">{labels::LINK}</label>
                <input id="compare-link" data-testid="compare-link" type="text" readonly
                    prop:value=move || url.get()/>
            }.into_any())}
            {move || long().map(|text| view! { <p class="hint warning" data-testid="compare-link-long">{text}</p> })}
        </div>
    }
}
