//! Timing: the sales cycle, days per stage, and seasonality.

use leptos::prelude::*;

use super::field_input::FieldInput;
use super::state::Planner;
use crate::model::wording::labels;
use crate::model::{Field, wording};

/// Sales cycle, days per stage and seasonality weights.
#[component]
pub fn TimingPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let summary = move || {
        planner
            .scenario
            .with(|s| wording::timing_summary(s.timing.cycle_days, s.timing.season.is_some()))
    };
    // Days that do not fit the steps from the lead stage to Won: the plan splits the cycle
    // evenly instead, and says so beside the field.
    let stage_days_advice = Signal::derive(move || {
        let mismatch = planner.months().with(|m| m.stage_days_mismatch)?;
        let lead = planner.months().with(|m| m.lead_stage);
        let won = planner.scenario.with(|s| s.funnel.stage_count() - 1);
        Some(wording::step_count_sentence(
            mismatch,
            &planner.stage_name(lead),
            &planner.stage_name(won),
        ))
    });
    view! {
        <details class="panel section" data-testid="section-timing">
            <summary>
                <h2>{labels::timing_panel::TIMING}</h2>
                <span class="section-summary">{Signal::derive(summary)}</span>
            </summary>
            <div class="field-grid">
                <FieldInput planner field=Field::Cycle/>
                <FieldInput planner field=Field::StageDays advice=stage_days_advice/>
                <FieldInput planner field=Field::Season/>
            </div>
        </details>
    }
}
