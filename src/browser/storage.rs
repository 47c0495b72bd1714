//! The saved workspace in `localStorage`, through gloo-storage.
//!
//! Keys (documented in the README): [`WORKSPACE_KEY`] holds the workspace (every scenario);
//! [`UNREADABLE_KEY`] keeps stored text that could not be read, instead of deleting it. The
//! keys of earlier versions, [`PLAN_KEY`] and [`PREVIOUS_KEY`] (with its `.<milliseconds>`
//! copies), are read once to migrate them and never written or removed.
//!
//! Nothing saved is ever destroyed: a copy is written before anything is replaced, and when
//! the copy does not fit, the replacement does not happen. `setItem` either stores a whole
//! value or throws, so a save that does not fit leaves the previous save as it was.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

use crate::codec::saved::{self, Stored};
use crate::codec::workspace::{self, ReadWorkspace};
use crate::model::workspace::Workspace;
use crate::model::{Scenario, wording};

/// Key of the saved workspace.
pub const WORKSPACE_KEY: &str = "funnel-planner.workspace";
/// Key under which unreadable stored text is kept.
pub use crate::codec::opening::UNREADABLE_KEY;
/// Key of the single saved plan of versions 1 to 3, read to migrate it.
pub const PLAN_KEY: &str = "funnel-planner.plan";
/// Key (and prefix of the keys) under which versions 1 to 3 kept a replaced plan aside.
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

/// Reads the saved workspace, or migrates the earlier versions' saved plans into one.
/// Unreadable text is copied to [`UNREADABLE_KEY`] before anything can overwrite it; when
/// there is no room for the copy, the caller must not save at all.
#[must_use]
pub fn load() -> Stored {
    let Some(storage) = local() else {
        return Stored::Unavailable;
    };
    let json = super::json::BrowserJson;
    let today = super::locale::local();
    let text = match storage.get_item(WORKSPACE_KEY) {
        Ok(Some(text)) => text,
        Ok(None) => return migrate(&storage),
        Err(error) => return Stored::ReadFailed(reason(&error)),
    };
    match workspace::decode(&json, &text, today) {
        Ok(read) => {
            // Values that fell back to their defaults are still in the stored text: it is
            // copied aside before autosave replaces it. Best effort: if there is no room, the
            // notices still say what fell back.
            if !read.problems.is_empty() {
                let _ = keep_copy(UNREADABLE_KEY, &text);
            }
            Stored::Workspace(Box::new(read))
        }
        Err(error) => {
            let kept = keep_copy(UNREADABLE_KEY, &text).is_ok();
            Stored::Unreadable { error, kept }
        }
    }
}

/// Builds the first workspace from the saved plan of versions 1 to 3 and its kept-aside
/// copies (oldest first), which stay in storage untouched.
fn migrate(storage: &web_sys::Storage) -> Stored {
    let json = super::json::BrowserJson;
    let today = super::locale::local();
    let plan = storage.get_item(PLAN_KEY).ok().flatten();
    let mut keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(PREVIOUS_KEY) && !key.ends_with(".unreadable"))
        .collect();
    // `….previous` first, then its copies by the time they were made.
    keys.sort_by_key(|key| (key.len(), key.clone()));
    let previous: Vec<String> = keys
        .iter()
        .filter_map(|key| storage.get_item(key).ok().flatten())
        .collect();
    let mut read = workspace::migrate(
        &json,
        plan.as_deref(),
        previous.iter().map(String::as_str),
        today,
    );
    // A saved plan that cannot be read is said, and left where it is.
    if let Some(Err(error)) = plan
        .as_deref()
        .map(|text| saved::decode(&json, text, today))
    {
        let problem = wording::storage_notices::old_plan_unreadable(PLAN_KEY, &error.to_string());
        let read = read.get_or_insert_with(|| ReadWorkspace {
            workspace: Workspace::new(
                crate::codec::opening::first_name(),
                Scenario::starting(today),
                Vec::new(),
            ),
            problems: Vec::new(),
            migrated: false,
        });
        read.problems.insert(0, problem);
    }
    read.map_or(Stored::Empty, |read| Stored::Workspace(Box::new(read)))
}

/// Returns the saved workspace's raw text, as stored.
#[must_use]
pub fn raw_workspace() -> Option<String> {
    local()?.get_item(WORKSPACE_KEY).ok().flatten()
}

/// Saves the workspace's stored text over the saved workspace.
///
/// # Errors
/// Returns the browser's reason when it refuses (storage full or blocked); the previous save
/// is then untouched.
pub fn save(text: &str) -> Result<(), String> {
    refuse_empty(text)?;
    let storage = local().ok_or_else(|| "this browser blocks local storage".to_owned())?;
    storage
        .set_item(WORKSPACE_KEY, text)
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

/// Removes the saved workspace (after its unreadable text was downloaded).
///
/// # Errors
/// Returns the browser's reason when it refuses.
pub fn clear_workspace() -> Result<(), String> {
    let storage = local().ok_or_else(|| "this browser blocks local storage".to_owned())?;
    storage
        .remove_item(WORKSPACE_KEY)
        .map_err(|error| reason(&error))
}
