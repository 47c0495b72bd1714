//! The scenarios: one button per scenario to switch to it, and New, Duplicate, Rename and
//! Delete, each an undoable step.

use leptos::prelude::*;

use super::state::Planner;
use crate::browser::focus;
use crate::model::wording::labels::scenario_bar as words;

/// The scenario list and its actions.
#[component]
pub fn ScenarioBar(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let listing = planner.listing();
    let current = planner.current_id();
    let renaming = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let start_rename = move |_| {
        draft.set(planner.current_name().get_untracked());
        problem.set(None);
        renaming.set(true);
        focus::focus_later("scenario-name".to_owned());
    };
    let finish = move || {
        let text = draft.get_untracked();
        if let Some(message) = planner.rename_scenario(&text) {
            problem.set(Some(message));
        } else {
            renaming.set(false);
            focus::focus_later("scenario-rename".to_owned());
        }
    };
    let cancel = move || {
        renaming.set(false);
        focus::focus_later("scenario-rename".to_owned());
    };
    view! {
        <nav class="scenarios" aria-label=words::SCENARIOS inert=move || planner.present.get()>
            <span class="scenarios-label" id="scenarios-label">{words::SCENARIOS}</span>
            <ul class="scenario-list" aria-labelledby="scenarios-label">
                <For each=move || listing.get() key=Clone::clone let((id, name))>
                    {
                        let is_current = {
                            let id = id.clone();
                            move || current.with(|c| *c == id)
                        };
                        let is_current_too = is_current.clone();
                        view! {
                            <li>
                                <button type="button" class="scenario" data-testid="scenario-item"
                                    data-name=name.clone()
                                    aria-current=move || is_current().then_some("true")
                                    on:click=move |_| {
                                        if !is_current_too() {
                                            renaming.set(false);
                                            planner.switch_to(&id);
                                        }
                                    }>{name.clone()}</button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <div class="scenario-actions" role="group" aria-label=words::ACTIONS>
                <button type="button" class="secondary" data-testid="scenario-new"
                    on:click=move |_| planner.new_scenario()>{words::NEW}</button>
                <button type="button" class="secondary" data-testid="scenario-duplicate"
                    on:click=move |_| planner.duplicate_scenario()>{words::DUPLICATE}</button>
                <button type="button" class="secondary" data-testid="scenario-rename"
                    aria-expanded=move || renaming.get().to_string()
                    on:click=start_rename>{words::RENAME}</button>
                <button type="button" class="secondary" data-testid="scenario-delete"
                    title=words::DELETE_TITLE
                    disabled=move || listing.with(|list| list.len() < 2)
                    on:click=move |_| {
                        renaming.set(false);
                        planner.delete_scenario();
                    }>{words::DELETE}</button>
            </div>
            <Show when=move || renaming.get()>
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
            </Show>
        </nav>
    }
}
