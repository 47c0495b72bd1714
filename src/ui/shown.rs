//! Parts of the page shown only while a condition holds, all drawn by one `Show`, so its code
//! is generated once rather than once per use (each `Show` cost about 1 KB of wasm).

use std::sync::Arc;

use leptos::prelude::*;

/// Shows `child` while `when` is true; it is built anew each time `when` becomes true.
pub fn shown(
    when: impl Fn() -> bool + Send + Sync + 'static,
    child: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    erased(Signal::derive(when), Arc::new(child))
}

/// The one `Show` behind [`shown`].
fn erased(when: Signal<bool>, child: Arc<dyn Fn() -> AnyView + Send + Sync>) -> impl IntoView {
    view! { <Show when=move || when.get()>{child()}</Show> }
}
