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

/// Shows a number that may be undefined (a cost per deal with no deals): the figure as
/// [`Figure`] does, or a dash with no `data-value` when it is `None`.
#[component]
pub fn MaybeFigure(
    /// The `data-testid` hook.
    #[prop(into)]
    testid: String,
    /// The number to show, if defined.
    #[prop(into)]
    value: Signal<Option<f64>>,
    /// Turns the number into display text.
    display: fn(f64) -> String,
) -> impl IntoView {
    view! {
        <span
            class="figure"
            data-testid=testid
            data-value=move || value.get().map(format::plain)
        >
            {move || value.get().map_or_else(|| "\u{2014}".to_owned(), display)}
        </span>
    }
}
