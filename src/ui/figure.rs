//! A figure in the results: formatted for people, with the plain number in `data-value`.
//!
//! Tables draw a row's figures from one reactive closure with [`figure`], so an edit re-runs
//! one closure per row; [`Figure`] and [`MaybeFigure`] stand alone, one closure each.
//!
//! Figures read the page's [`NumberStyle`] from context (see [`provide_style`]): the reader's
//! separators and the plan's currency, so a new currency redraws them in place.
//!
//! A figure too large for its card ([`Show::short`]) is shown in compact form (`$1.2T`); its
//! full value is in the compact text's `title` and is what screen readers say.

use leptos::either::Either;
use leptos::prelude::*;

use crate::model::format::{self, NumberStyle, Show};

/// The page's number style, shared through context.
#[derive(Clone, Copy)]
struct Style(Memo<NumberStyle>);

/// Makes `style` the number style of every figure below this component.
pub fn provide_style(style: Memo<NumberStyle>) {
    provide_context(Style(style));
}

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
    /// How to show it.
    show: Show,
) -> impl IntoView {
    view! { <MaybeFigure testid value=Signal::derive(move || Some(value.get())) show/> }
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
    /// How to show it.
    show: Show,
) -> impl IntoView {
    let style = use_context::<Style>().map(|Style(style)| style);
    move || match style {
        Some(style) => style.with(|style| figure(testid.clone(), value.get(), show, style)),
        None => figure(testid.clone(), value.get(), show, &NumberStyle::default()),
    }
}

/// A figure as it is now: a `span` with the `data-testid` hook, the plain number in
/// `data-value` and the formatted text, or a dash with no `data-value` when `value` is `None`.
///
/// Tables and panels call it from one reactive closure per row, so an edit re-runs one closure
/// for the row rather than one per figure; rebuilding in place touches only the text and
/// attributes whose value changed.
pub fn figure(
    testid: String,
    value: Option<f64>,
    show: Show,
    style: &NumberStyle,
) -> impl IntoView + use<> {
    let text = value.map(|value| (show.full(style, value), show.short(style, value)));
    view! {
        <span class="figure" data-testid=testid data-value=value.map(format::plain)>
            {match text {
                None => Either::Left("\u{2014}".to_owned()),
                Some((full, None)) => Either::Left(full),
                Some((full, Some(short))) => Either::Right(view! {
                    <span aria-hidden="true" title=full.clone()>{short}</span>
                    <span class="visually-hidden">{full}</span>
                }),
            }}
        </span>
    }
}
