//! The saved plan in `localStorage`, through gloo-storage.
//!
//! Keys (documented in the README): [`PLAN_KEY`] holds the plan; [`UNREADABLE_KEY`] keeps
//! stored text that could not be read, instead of deleting it; [`PREVIOUS_KEY`] keeps a saved
//! plan that this tab replaced (an opened link's plan, or another tab's plan kept aside).
//!
//! Nothing saved is ever destroyed: a copy is written before anything is replaced, and when
//! the copy does not fit, the replacement does not happen. `setItem` either stores a whole
//! value or throws, so a save that does not fit leaves the previous save as it was.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

use crate::codec::saved::{self, Stored};
use crate::model::wording;

/// Key of the saved plan.
pub const PLAN_KEY: &str = "funnel-planner.plan";
/// Key under which unreadable stored text is kept.
pub use crate::codec::opening::UNREADABLE_KEY;
/// Key under which a saved plan replaced by this tab is kept.
pub const PREVIOUS_KEY: &str = "funnel-planner.plan.previous";

/// Returns `localStorage`, or `None` when the browser blocks it (some throw on access).
fn local() -> Option<web_sys::Storage> {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .map(|_| LocalStorage::raw())
}

/// The browser's reason for a failure, in words.
fn reason(error: &JsValue) -> String {
    js_sys::Error::from(error.clone())
        .message()
        .as_string()
        .filter(|message| !message.is_empty())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser refused".to_owned())
}

/// Reads the saved plan. Unreadable text is copied to [`UNREADABLE_KEY`] before anything can
/// overwrite it; when there is no room for the copy, the caller must not save at all.
#[must_use]
pub fn load() -> Stored {
    let Some(storage) = local() else {
        return Stored::Unavailable;
    };
    let text = match storage.get_item(PLAN_KEY) {
        Ok(Some(text)) => text,
        Ok(None) => return Stored::Empty,
        Err(error) => return Stored::ReadFailed(reason(&error)),
    };
    match saved::decode(&super::json::BrowserJson, &text, super::locale::local()) {
        Ok(plan) => {
            // Values that fell back to their defaults are still in the stored text: it is
            // copied aside before autosave replaces it. Best effort: if there is no room, the
            // notices still say what fell back.
            if !plan.problems.is_empty() {
                let _ = keep_copy(UNREADABLE_KEY, &text);
            }
            Stored::Plan(Box::new(plan))
        }
        Err(error) => {
            let kept = keep_copy(UNREADABLE_KEY, &text).is_ok();
            Stored::Unreadable { error, kept }
        }
    }
}

/// Returns the saved plan's raw text, for a download of unreadable data.
#[must_use]
pub fn raw_plan() -> Option<String> {
    local()?.get_item(PLAN_KEY).ok().flatten()
}

/// Saves a plan's stored text over the saved plan.
///
/// # Errors
/// Returns the browser's reason when it refuses (storage full or blocked); the previous save
/// is then untouched.
pub fn save(text: &str) -> Result<(), String> {
    refuse_empty(text)?;
    let storage = local().ok_or_else(|| "this browser blocks local storage".to_owned())?;
    storage
        .set_item(PLAN_KEY, text)
        .map_err(|error| reason(&error))
}

/// Keeps a copy of `text` under `key`, or beside it (`key.<milliseconds>`) when `key` already
/// holds other text. Returns the key used.
///
/// # Errors
/// Returns the browser's reason when the copy cannot be written.
pub fn keep_copy(key: &str, text: &str) -> Result<String, String> {
    refuse_empty(text)?;
    let storage = local().ok_or_else(|| "this browser blocks local storage".to_owned())?;
    let key = match storage.get_item(key) {
        Ok(Some(existing)) if existing == text => return Ok(key.to_owned()),
        Ok(None) => key.to_owned(),
        _ => format!("{key}.{}", js_sys::Date::now()),
    };
    storage
        .set_item(&key, text)
        .map(|()| key)
        .map_err(|error| reason(&error))
}

/// Never writes empty text over a plan: the browser's JSON writer gives none for a plan it
/// could not write (which plain data never is), and nothing would be saved but the loss.
fn refuse_empty(text: &str) -> Result<(), String> {
    if text.is_empty() {
        Err(wording::storage_notices::NOTHING_TO_SAVE.to_owned())
    } else {
        Ok(())
    }
}

/// Removes the saved plan (after its unreadable text was downloaded).
///
/// # Errors
/// Returns the browser's reason when it refuses.
pub fn clear_plan() -> Result<(), String> {
    let storage = local().ok_or_else(|| "this browser blocks local storage".to_owned())?;
    storage
        .remove_item(PLAN_KEY)
        .map_err(|error| reason(&error))
}
