//! The light/dark toggle: the page follows the system until the user picks a theme, which is
//! then remembered.

use leptos::prelude::*;

use crate::browser::theme;
use crate::model::wording::labels;

/// A button that switches between the light and the dark theme and remembers the choice.
#[component]
pub fn ThemeToggle(
    /// Whether the dark theme is shown; the toggle sets it.
    dark: RwSignal<bool>,
) -> impl IntoView {
    let switch = move |_| {
        let now = !dark.get_untracked();
        theme::choose(now);
        dark.set(now);
    };
    view! {
        <button type="button" class="secondary theme-toggle" data-testid="theme-toggle"
            aria-pressed=move || if dark.get() { "true" } else { "false" }
            on:click=switch>
            {labels::app::DARK_THEME}
        </button>
    }
}
