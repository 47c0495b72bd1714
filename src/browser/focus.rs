//! Moving keyboard focus to an element once the page has drawn it.

use leptos::prelude::request_animation_frame;
use wasm_bindgen::JsCast;

/// Focuses the element whose `data-testid` is `testid`, after the next frame is drawn (the
/// element may be created or moved by the update that asked for focus).
pub fn focus_later(testid: String) {
    request_animation_frame(move || {
        let element = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| {
                document
                    .query_selector(&format!("[data-testid=\"{testid}\"]"))
                    .ok()
                    .flatten()
            })
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// The step an arrow key asks of a stepper: `Some(true)` up (↑ or →), `Some(false)` down (↓
/// or ←), `None` for any other key (`key` as `KeyboardEvent.key` names it).
#[must_use]
pub fn arrow_step(key: &str) -> Option<bool> {
    match key {
        "ArrowUp" | "ArrowRight" => Some(true),
        "ArrowDown" | "ArrowLeft" => Some(false),
        _ => None,
    }
}
