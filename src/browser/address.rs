//! The address bar: reading a link's parameters and keeping the current plan's link in it.

use wasm_bindgen::JsValue;

use crate::codec::link::LinkParams;

/// Reads the scenario parameters of the current address: the query string's, overridden by
/// the fragment's.
#[must_use]
pub fn current_params() -> LinkParams {
    let Some(location) = web_sys::window().map(|window| window.location()) else {
        return LinkParams::default();
    };
    let query = location.search().unwrap_or_default();
    let fragment = location.hash().unwrap_or_default();
    LinkParams::merge(
        LinkParams::parse(query.strip_prefix('?').unwrap_or(&query)),
        LinkParams::parse(fragment.strip_prefix('#').unwrap_or(&fragment)),
    )
}

/// Reads the scenario parameters of an address the page navigated to (a hash change's new
/// address): its fragment's. The address bar may already hold another by the time the event
/// is handled, so the event's own address is read.
#[must_use]
pub fn params_of(url: &str) -> LinkParams {
    url.split_once('#')
        .map(|(_, fragment)| LinkParams::parse(fragment))
        .unwrap_or_default()
}

/// Returns the page's address without query string or fragment.
fn page_address() -> String {
    let href = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    let end = href.find(['?', '#']).unwrap_or(href.len());
    href[..end].to_owned()
}

/// Returns the full link to a plan: this page with `fragment` after `#`.
#[must_use]
pub fn share_url(fragment: &str) -> String {
    format!("{}#{fragment}", page_address())
}

/// Puts a plan's link in the address bar without adding a history entry. The query string is
/// dropped, so plan figures typed into a query do not linger where servers log them.
pub fn replace_fragment(fragment: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let target = share_url(fragment);
    if window.location().href().ok().as_deref() == Some(target.as_str()) {
        return;
    }
    if let Ok(history) = window.history() {
        // A refusal (some sandboxed frames) leaves the old address; the page still works.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&target));
    }
}
