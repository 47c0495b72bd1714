//! The rounding rule menu and its explanation in plain words.

use leptos::prelude::*;

use super::state::Planner;
use crate::model::wording::labels;
use crate::model::{Edit, Field, FieldKey, Rounding};

/// A menu to choose how needs are rounded, with the rule stated beside it.
#[component]
pub fn RoundingChoice(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let rounding = Memo::new(move |_| planner.scenario.with(|s| s.rounding));
    let choose = move |event| {
        planner.edit(Edit::Type(
            FieldKey::Field(Field::Round),
            event_target_value(&event),
        ));
    };
    view! {
        <div class="rounding">
            <label for="round">{labels::rounding_choice::ROUNDING}</label>
            <select id="round" data-testid="round" on:change=choose prop:value=move || rounding.get().as_str()>
                {Rounding::ALL
                    .into_iter()
                    .map(|rule| view! {
                        <option value=rule.as_str() selected=move || rounding.get() == rule>{rule.label()}</option>
                    })
                    .collect_view()}
            </select>
            <p class="hint" data-testid="round-explanation">{Signal::derive(move || rounding.get().explanation().to_owned())}</p>
        </div>
    }
}
