//! The saved plan in `localStorage`, through gloo-storage.
//!
//! Keys (documented in the README): [`PLAN_KEY`] holds the plan; [`UNREADABLE_KEY`] keeps
//! stored text that could not be read, instead of deleting it; [`PREVIOUS_KEY`] keeps the
//! saved plan that editing an opened link replaced.

use gloo_storage::{LocalStorage, Storage};

use crate::codec::saved::{self, SavedEnvelope, Stored};
use crate::model::Scenario;

/// Key of the saved plan.
pub const PLAN_KEY: &str = "funnel-planner.plan";
/// Key under which unreadable stored text is kept.
pub use crate::codec::opening::UNREADABLE_KEY;
/// Key under which the saved plan replaced by an opened link's plan is kept.
pub const PREVIOUS_KEY: &str = "funnel-planner.plan.previous";

/// Whether `localStorage` can be touched at all; some browsers throw on access.
fn available() -> bool {
    web_sys::window().is_some_and(|window| matches!(window.local_storage(), Ok(Some(_))))
}

/// Reads the saved plan. Unreadable text is copied to [`UNREADABLE_KEY`] before anything can
/// overwrite it.
#[must_use]
pub fn load() -> Stored {
    if !available() {
        return Stored::Unavailable;
    }
    let Ok(Some(text)) = LocalStorage::raw().get_item(PLAN_KEY) else {
        return Stored::Empty;
    };
    match saved::decode(&text, super::clock::this_month()) {
        Ok(scenario) => Stored::Plan(Box::new(scenario)),
        Err(error) => {
            // Keep an earlier backup if it holds something else: write beside it instead.
            let kept = match LocalStorage::raw().get_item(UNREADABLE_KEY) {
                Ok(Some(existing)) if existing == text => true,
                Ok(None) => LocalStorage::raw().set_item(UNREADABLE_KEY, &text).is_ok(),
                _ => LocalStorage::raw()
                    .set_item(&format!("{UNREADABLE_KEY}.{}", js_sys::Date::now()), &text)
                    .is_ok(),
            };
            Stored::Unreadable { error, kept }
        }
    }
}

/// Saves a plan.
///
/// # Errors
/// Returns the browser's reason when it refuses (storage full or blocked).
pub fn save(scenario: &Scenario) -> Result<(), String> {
    if !available() {
        return Err("this browser blocks local storage".to_owned());
    }
    LocalStorage::set(PLAN_KEY, SavedEnvelope::from(scenario)).map_err(|error| error.to_string())
}

/// Keeps a copy of a saved plan that is about to be replaced.
pub fn keep_previous(scenario: &Scenario) {
    if available() {
        // Best effort: if this fails, so will the save that follows, and that one is reported.
        let _ = LocalStorage::raw().set_item(PREVIOUS_KEY, &saved::encode(scenario));
    }
}
