//! Light or dark: the system's choice, unless the user picked one with the toggle, which is
//! remembered in `localStorage` under [`THEME_KEY`].
//!
//! `boot.js` applies a remembered choice (as `data-theme` on the root element) before the
//! app starts, so the page never flashes the other theme; the CSS follows
//! `prefers-color-scheme` when no choice is set.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Key of the remembered theme: `light` or `dark`.
pub const THEME_KEY: &str = "funnel-planner.theme";

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// The choice remembered by the toggle: `Some(true)` for dark, `Some(false)` for light, `None`
/// when the page follows the system (or storage is blocked).
#[must_use]
pub fn remembered() -> Option<bool> {
    let storage = web_sys::window()?.local_storage().ok()??;
    match storage.get_item(THEME_KEY).ok()??.as_str() {
        "dark" => Some(true),
        "light" => Some(false),
        _ => None,
    }
}

/// Remembers `dark` and applies it to the page. When storage is blocked or full, the choice
/// still holds until the page is closed.
pub fn choose(dark: bool) {
    let name = if dark { "dark" } else { "light" };
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("data-theme", name);
    }
    if let Some(storage) =
        web_sys::window().and_then(|window| window.local_storage().ok().flatten())
    {
        let _ = storage.set_item(THEME_KEY, name);
    }
}

/// Whether the system asks for dark mode.
#[must_use]
pub fn system_dark() -> bool {
    web_sys::window()
        .and_then(|window| window.match_media(DARK_QUERY).ok().flatten())
        .is_some_and(|query| query.matches())
}

/// Calls `changed` with the system's new preference whenever it changes, for the page's life.
pub fn on_system_change(changed: impl Fn(bool) + 'static) {
    let Some(query) =
        web_sys::window().and_then(|window| window.match_media(DARK_QUERY).ok().flatten())
    else {
        return;
    };
    let listener = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
        move |event: web_sys::MediaQueryListEvent| changed(event.matches()),
    );
    let _ = query.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    listener.forget();
}
