//! Timing: the sales cycle, days per stage, and seasonality.

use leptos::prelude::*;

use super::field_input::FieldInput;
use super::state::Planner;
use crate::model::Field;

/// Sales cycle, days per stage and seasonality weights.
#[component]
pub fn TimingPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let summary = move || {
        planner.scenario.with(|s| {
            let season = if s.timing.season.is_some() {
                "seasonal"
            } else {
                "even months"
            };
            format!("{}-day cycle \u{b7} {season}", s.timing.cycle_days)
        })
    };
    view! {
        <details class="panel section" data-testid="section-timing">
            <summary>
                <h2>"Timing"</h2>
                <span class="section-summary">{summary}</span>
            </summary>
            <div class="field-grid">
                <FieldInput planner field=Field::Cycle/>
                <FieldInput planner field=Field::StageDays/>
                <FieldInput planner field=Field::Season/>
            </div>
        </details>
    }
}
