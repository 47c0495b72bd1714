//! A menu choosing one funnel stage, or the default rule.

use leptos::prelude::*;

use super::state::Planner;
use crate::model::wording;
use crate::model::{Edit, Field, FieldKey};

/// A `<select>` of the funnel's stages, numbered from 1 as on screen, with a first option for
/// the default rule. Its values are 0-based stage indices, as links write them.
#[component]
pub fn StageChoice(
    /// The planner's state.
    planner: Planner,
    /// Which input: the lead stage or the handoff stage.
    field: Field,
    /// The stage the default rule picks now.
    #[prop(into)]
    default_stage: Signal<usize>,
) -> impl IntoView {
    let spec = field.spec();
    let key = FieldKey::Field(field);
    let scenario = planner.scenario;
    let names = planner.names();
    let selected = Memo::new(move |_| scenario.with(|s| key.show(s)));
    let on_change = move |event| planner.edit(Edit::Type(key, event_target_value(&event)));
    view! {
        <div class="field">
            <label for=spec.key>{spec.label}</label>
            <p class="hint">{spec.hint}</p>
            <select
                id=spec.key
                data-testid=spec.key
                on:change=on_change
                prop:value=move || selected.get()
            >
                <option value="" selected=move || selected.with(String::is_empty)>
                    {Signal::derive(move || {
                        let stage = default_stage.get();
                        let name = names.with(|n| n.get(stage).cloned().unwrap_or_default());
                        wording::default_stage_option(stage, &name)
                    })}
                </option>
                {move || {
                    names
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(index, name)| {
                            let value = index.to_string();
                            let is_selected = value.clone();
                            view! {
                                <option value=value selected=move || selected.with(|s| *s == is_selected)>
                                    {format!("{}: {name}", index + 1)}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
