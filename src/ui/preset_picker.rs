//! Presets: a menu of published starting points, the sources of the one chosen, and a button
//! that applies it to the plan (an undoable edit, like any other).

use leptos::prelude::*;

use super::state::Planner;
use crate::browser::locale;
use crate::codec::presets::{self, PRESETS};
use crate::model::Edit;
use crate::model::wording::labels::preset_picker as words;

/// The preset menu, its source note and the Apply button.
#[component]
pub fn PresetPicker(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let chosen = RwSignal::new(0_usize);
    let status = RwSignal::new(String::new());
    let apply = move |_| {
        let preset = &PRESETS[chosen.get_untracked().min(PRESETS.len() - 1)];
        let scenario = presets::apply(preset, &planner.scenario.get_untracked(), locale::local());
        planner.edit(Edit::Replace(Box::new(scenario)));
        status.set(words::applied(preset.name));
    };
    let source = move || PRESETS.get(chosen.get()).map_or("", |p| p.source);
    view! {
        <section class="panel presets" aria-labelledby="presets-heading">
            <h2 id="presets-heading">{words::START_FROM}</h2>
            <p class="hint">{words::STARTING_POINTS}</p>
            <div class="field inline">
                <label for="preset">{words::PRESET}</label>
                <select id="preset" data-testid="preset"
                    on:change=move |event| chosen.set(event_target_value(&event).parse().unwrap_or(0))>
                    {PRESETS
                        .iter()
                        .enumerate()
                        .map(|(index, preset)| view! { <option value=index.to_string()>{preset.name}</option> })
                        .collect_view()}
                </select>
                <button type="button" class="secondary" data-testid="preset-apply" on:click=apply>
                    {words::APPLY}
                </button>
            </div>
            <p class="hint" data-testid="preset-source">{source}</p>
            <p class="hint" role="status" data-testid="preset-status">{move || status.get()}</p>
        </section>
    }
}
