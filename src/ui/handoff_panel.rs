//! The marketing-to-sales handoff inputs: which stage, how fast, by how many reps.

use leptos::prelude::*;

use super::form_field::FormField;
use super::stage_choice::StageChoice;
use super::state::Planner;
use crate::model::{Form, Volume};

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
    let followup = FormField {
        label: "Follow-up within (hours)",
        testid: "followup",
        hint: "How fast sales contacts each handed-off unit.",
        entry: |form| &form.followup_hours,
        show: ToString::to_string,
        edit: Form::set_followup_hours,
        unit: None,
    };
    let fte = FormField {
        label: "Reps working handed-off units (optional)",
        testid: "ftereps",
        hint: "Empty means the whole sales team.",
        entry: |form| &form.fte_reps,
        show: |reps: &Option<Volume>| reps.map(Volume::to_display).unwrap_or_default(),
        edit: Form::set_fte_reps,
        unit: None,
    };
    view! {
        <details class="panel section" data-testid="section-handoff">
            <summary>
                <h2>"Marketing \u{2192} sales handoff"</h2>
                <span class="section-summary">{summary}</span>
            </summary>
            <div class="field-grid">
                <StageChoice
                    planner
                    label="Marketing hands over"
                    testid="handoff"
                    hint="The stage at which leads become sales' responsibility."
                    current=Form::handoff_stage
                    choose=Form::set_handoff_stage
                    default_stage=default_stage
                />
                {followup.view(planner)}
                {fte.view(planner)}
            </div>
        </details>
    }
}
