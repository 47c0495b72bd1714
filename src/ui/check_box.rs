//! A labelled checkbox bound to a signal: the funnel chart's log scale, the stage editor's
//! ranges.

use leptos::prelude::*;

/// A checkbox with its label, checked while `checked` holds; ticking it sets `checked`.
#[component]
pub fn CheckBox(
    /// The `data-testid` hook of the input.
    testid: &'static str,
    /// Whether it is ticked.
    checked: RwSignal<bool>,
    /// The label's words.
    label: &'static str,
) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" data-testid=testid
                prop:checked=move || checked.get()
                on:change=move |event| checked.set(event_target_checked(&event))/>
            {label}
        </label>
    }
}
