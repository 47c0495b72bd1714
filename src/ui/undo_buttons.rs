//! Undo and redo: two buttons, and the keys every editor uses (Ctrl/⌘+Z, Shift+Ctrl/⌘+Z and
//! Ctrl+Y), wherever the focus is. The plan's own history replaces the browser's undo inside
//! a field, so a field and the plan never disagree.

use leptos::prelude::*;

use super::state::Planner;
use crate::model::wording::labels::undo_buttons as words;

/// What a key press asks of the history.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Undo,
    Redo,
}

/// Reads an undo or redo shortcut from a key press, or `None` for any other key.
fn shortcut(event: &web_sys::KeyboardEvent) -> Option<Step> {
    if !(event.ctrl_key() || event.meta_key()) || event.alt_key() {
        return None;
    }
    let key = event.key();
    if key.eq_ignore_ascii_case("z") {
        Some(if event.shift_key() {
            Step::Redo
        } else {
            Step::Undo
        })
    } else if key.eq_ignore_ascii_case("y") && !event.shift_key() {
        Some(Step::Redo)
    } else {
        None
    }
}

/// The Undo and Redo buttons, each disabled when there is nothing to step to, and the
/// shortcuts.
#[component]
pub fn UndoButtons(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let _ = window_event_listener(leptos::ev::keydown, move |event| {
        if let Some(step) = shortcut(&event) {
            event.prevent_default();
            match step {
                Step::Undo => planner.undo(),
                Step::Redo => planner.redo(),
            }
        }
    });
    let undoable = planner.undoable;
    view! {
        <div class="undo-buttons" role="group" aria-label=words::HISTORY>
            <button type="button" class="secondary" data-testid="undo" title=words::UNDO_TITLE
                aria-keyshortcuts="Control+Z Meta+Z"
                disabled=move || !undoable.get().0
                on:click=move |_| planner.undo()>{words::UNDO}</button>
            <button type="button" class="secondary" data-testid="redo" title=words::REDO_TITLE
                aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
                disabled=move || !undoable.get().1
                on:click=move |_| planner.redo()>{words::REDO}</button>
        </div>
    }
}
