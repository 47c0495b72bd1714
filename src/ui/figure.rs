//! A figure in the results: formatted for people, with the plain number in `data-value`.

use leptos::prelude::*;

use crate::model::format;

/// Shows a number formatted for reading, carrying `data-testid` and the plain number in
/// `data-value` for tests and scripts.
#[component]
pub fn Figure(
    /// The `data-testid` hook.
    #[prop(into)]
    testid: String,
    /// The number to show.
    #[prop(into)]
    value: Signal<f64>,
    /// Turns the number into display text.
    display: fn(f64) -> String,
) -> impl IntoView {
    view! {
        <span
            class="figure"
            data-testid=testid
            data-value=move || format::plain(value.get())
        >
            {move || display(value.get())}
        </span>
    }
}
