//! Lists of rows addressed by position (stages, channels, months, cohorts), all drawn by one
//! `For`, so the list code is generated once rather than once per list.

use std::sync::Arc;

use leptos::prelude::*;

/// Draws `row(0)`, `row(1)`, … up to `count`, keyed by position: a row stays in place while
/// the count changes around it.
pub fn rows(
    count: Memo<usize>,
    row: impl Fn(usize) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    indexed(count, Arc::new(row))
}

/// The one `For` behind [`rows`].
fn indexed(count: Memo<usize>, row: Arc<dyn Fn(usize) -> AnyView + Send + Sync>) -> impl IntoView {
    view! { <For each=move || 0..count.get() key=|index| *index children=move |index| row(index)/> }
}
