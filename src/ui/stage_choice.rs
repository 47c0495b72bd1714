//! A menu choosing one funnel stage, or the default rule.

use leptos::prelude::*;

use super::state::Planner;
use crate::model::Form;

/// A `<select>` of the funnel's stages with a first option for the default rule.
#[component]
pub fn StageChoice(
    /// The planner's state.
    planner: Planner,
    /// The visible label.
    label: &'static str,
    /// The `data-testid` hook and element id.
    testid: &'static str,
    /// Help in plain words.
    hint: &'static str,
    /// The current choice in the form (`None`: the default).
    current: fn(&Form) -> Option<usize>,
    /// Applies a choice.
    choose: fn(&mut Form, Option<usize>),
    /// The stage the default rule picks now.
    #[prop(into)]
    default_stage: Signal<usize>,
) -> impl IntoView {
    let form = planner.form;
    let names = Memo::new(move |_| {
        form.with(|form| {
            form.stages()
                .iter()
                .map(|stage| stage.name.value.to_string())
                .collect::<Vec<_>>()
        })
    });
    let selected = Memo::new(move |_| form.with(current));
    let on_change = move |event| {
        let value = event_target_value(&event);
        let choice = value.parse::<usize>().ok();
        planner.edit(|form| choose(form, choice));
    };
    view! {
        <div class="field">
            <label for=testid>{label}</label>
            <p class="hint">{hint}</p>
            <select
                id=testid
                data-testid=testid
                on:change=on_change
                prop:value=move || selected.get().map(|i| i.to_string()).unwrap_or_default()
            >
                <option value="" selected=move || selected.get().is_none()>
                    {move || {
                        let name = names.with(|n| n.get(default_stage.get()).cloned().unwrap_or_default());
                        format!("Default ({name})")
                    }}
                </option>
                {move || {
                    names
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(index, name)| {
                            view! {
                                <option value=index.to_string() selected=move || selected.get() == Some(index)>
                                    {format!("{index}: {name}")}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
