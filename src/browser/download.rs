//! Saving text to a file the user downloads: unreadable saved data, and exported tables.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a plain-text download named `file_name`.
///
/// # Errors
/// Returns a reason when the browser refuses.
pub fn download_text(file_name: &str, text: &str) -> Result<(), String> {
    download(file_name, text, "text/plain;charset=utf-8")
}

/// Offers `text` as a CSV download named `file_name`.
///
/// # Errors
/// Returns a reason when the browser refuses.
pub fn download_csv(file_name: &str, text: &str) -> Result<(), String> {
    download(file_name, text, "text/csv;charset=utf-8")
}

/// Offers JSON `text` as a download named `file_name`.
///
/// # Errors
/// Says why when the browser refuses.
pub fn download_json(file_name: &str, text: &str) -> Result<(), String> {
    download(file_name, text, "application/json")
}

/// Offers `text` as a download of type `mime` named `file_name`.
fn download(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |_: JsValue| "the browser refused the download".to_owned();
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| "no page".to_owned())?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "the browser refused the download".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The click has started the download; the object URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
