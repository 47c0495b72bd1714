//! The scenarios: one button per scenario to switch to it, and New, Duplicate, Rename and
//! Delete, each an undoable step.

use leptos::prelude::*;

use super::scenario_files::{Outcome, ScenarioFiles};
use super::scenario_rename::ScenarioRename;
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
    let start_rename = move |_| {
        renaming.set(true);
        focus::focus_later("scenario-name".to_owned());
    };
    let outcome = RwSignal::new(Outcome::default());
    let export_status = RwSignal::new(String::new());
    view! {
        <nav class="scenarios" aria-label=words::SCENARIOS inert=move || planner.present.get()>
            <div class="scenario-strip">
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
                <button type="button" class="secondary" data-testid="scenario-compare"
                    aria-pressed=move || planner.compare.with(|ids| !ids.is_empty()).to_string()
                    on:click=move |_| planner.toggle_compare()>{words::COMPARE}</button>
                <ScenarioFiles planner outcome export_status/>
            </div>
            </div>
            <div class="import-status" data-testid="import-status" role="status">
                <span>{move || outcome.with(|o| o.said.clone())}</span>
                {move || outcome.with(|o| (!o.problems.is_empty()).then(|| view! {
                    <ul>{o.problems.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                }))}
                <span data-testid="export-workspace-status">{export_status}</span>
            </div>
            <Show when=move || renaming.get()>
                <ScenarioRename planner renaming/>
            </Show>
        </nav>
    }
}
