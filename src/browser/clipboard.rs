//! Copying text to the clipboard.

use wasm_bindgen_futures::JsFuture;

/// Copies `text` to the clipboard.
///
/// # Errors
/// Returns an explanation when the browser refuses (no permission, insecure page).
pub async fn copy(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no browser window")?;
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "the browser did not allow copying".to_owned())
}
