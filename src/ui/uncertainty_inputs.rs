//! The inputs of "How sure are we": the deal size's low and high, and how many draws.
//! Rates' lows and highs sit beside each rate in the stage editor.

use leptos::prelude::*;

use super::field_input::FieldInput;
use super::state::Planner;
use crate::model::Field;
use crate::model::wording::{labels, uncertainty as wording};

/// The deal size's range and the number of draws, in a collapsible section.
#[component]
pub fn UncertaintyInputs(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let scenario = planner.scenario;
    let style = planner.style();
    let summary = move || style.with(|style| scenario.with(|s| wording::inputs_summary(style, s)));
    view! {
        <details class="panel section" data-testid="section-uncertainty">
            <summary>
                <h2>{labels::uncertainty_inputs::HOW_SURE_ARE_WE}</h2>
                <span class="section-summary">{Signal::derive(summary)}</span>
            </summary>
            <p class="hint">{labels::uncertainty_inputs::RANGES_HINT}</p>
            <div class="field-grid">
                <FieldInput planner field=Field::DealLow/>
                <FieldInput planner field=Field::DealHigh/>
                <FieldInput planner field=Field::Draws/>
            </div>
        </details>
    }
}
