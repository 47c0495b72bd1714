//! The rounding rule menu and its explanation in plain words.

use leptos::prelude::*;

use super::state::Planner;
use crate::model::Rounding;

/// A menu to choose how needs are rounded, with the rule stated beside it.
#[component]
pub fn RoundingChoice(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let rounding = Memo::new(move |_| planner.form.with(|form| form.rounding));
    let choose = move |event| {
        let name = event_target_value(&event);
        if let Some(rule) = Rounding::from_name(&name) {
            planner.edit(|form| form.rounding = rule);
        }
    };
    view! {
        <div class="rounding">
            <label for="round">"Rounding"</label>
            <select id="round" data-testid="round" on:change=choose prop:value=move || rounding.get().as_str()>
                {Rounding::ALL
                    .into_iter()
                    .map(|rule| view! {
                        <option value=rule.as_str() selected=move || rounding.get() == rule>{rule.label()}</option>
                    })
                    .collect_view()}
            </select>
            <p class="hint" data-testid="round-explanation">{move || rounding.get().explanation()}</p>
        </div>
    }
}
