//! Renaming the current scenario: a small form whose name is checked as typed in, and
//! applied (an undoable step) on Enter or Save.

use leptos::prelude::*;

use super::state::Planner;
use crate::browser::focus;
use crate::model::wording::labels::scenario_bar as words;

/// The rename form, open while `renaming` is set; it starts from the current name.
#[component]
pub fn ScenarioRename(
    /// The planner's state.
    planner: Planner,
    /// Whether the form is open; cleared when it closes.
    renaming: RwSignal<bool>,
) -> impl IntoView {
    let draft = RwSignal::new(planner.current_name().get_untracked());
    let problem = RwSignal::new(None::<String>);
    let close = move || {
        renaming.set(false);
        focus::focus_later("scenario-rename".to_owned());
    };
    let finish = move || {
        if let Some(message) = planner.rename_scenario(&draft.get_untracked()) {
            problem.set(Some(message));
        } else {
            close();
        }
    };
    let cancel = close;
    view! {
        <form class="scenario-rename" on:submit=move |event| {
            event.prevent_default();
            finish();
        }>
            <label for="scenario-name">{words::NAME}</label>
            <input id="scenario-name" data-testid="scenario-name" type="text"
                maxlength="80" autocomplete="off"
                aria-invalid=move || problem.with(Option::is_some).to_string()
                aria-describedby="scenario-name-message"
                prop:value=move || draft.get()
                on:input=move |event| draft.set(event_target_value(&event))
                on:keydown=move |event| {
                    // The field's own undo, not the plan's.
                    if event.ctrl_key() || event.meta_key() {
                        event.stop_propagation();
                    }
                    if event.key() == "Escape" {
                        cancel();
                    }
                }/>
            <button type="submit" data-testid="scenario-name-save">{words::SAVE}</button>
            <button type="button" class="secondary" on:click=move |_| cancel()>{words::CANCEL}</button>
            <p class="message" id="scenario-name-message" data-testid="scenario-name-message"
                role="alert">{move || problem.get()}</p>
        </form>
    }
}
