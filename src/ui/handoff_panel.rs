//! The marketing-to-sales handoff inputs: which stage, how fast, by how many reps.

use leptos::prelude::*;

use super::field_input::FieldInput;
use super::stage_choice::StageChoice;
use super::state::Planner;
use crate::model::Field;
use crate::model::wording::labels;

/// Handoff stage, follow-up hours and the reps who work handed-off units.
#[component]
pub fn HandoffPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let scenario = planner.scenario;
    let default_stage = Signal::derive(move || {
        scenario.with(|s| crate::model::Handoff::default().stage_in(&s.funnel))
    });
    let summary = move || {
        scenario.with(|s| {
            let stage = s
                .funnel
                .name(s.handoff.stage_in(&s.funnel))
                .map(ToString::to_string)
                .unwrap_or_default();
            format!(
                "{stage} \u{b7} follow-up within {} h",
                s.handoff.followup_hours
            )
        })
    };
    view! {
        <details class="panel section" data-testid="section-handoff">
            <summary>
                <h2>{labels::handoff_panel::MARKETING_SALES_HANDOFF}</h2>
                <span class="section-summary">{Signal::derive(summary)}</span>
            </summary>
            <div class="field-grid">
                <StageChoice planner field=Field::Handoff default_stage=default_stage/>
                <FieldInput planner field=Field::Followup/>
                <FieldInput planner field=Field::FteReps/>
            </div>
        </details>
    }
}
