//! The sales team's inputs: reps, quota per rep, attainment.

use leptos::prelude::*;

use super::form_field::FormField;
use super::state::Planner;
use crate::model::{Attainment, Form, Money, Volume};

/// Reps, quota per rep and expected attainment.
#[component]
pub fn TeamPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let summary = move || {
        planner.scenario.with(|s| {
            format!(
                "{} reps \u{d7} {} at {} %",
                s.team.reps.to_display(),
                s.team.rep_quota.to_display(),
                s.team.attainment.percent_plain()
            )
        })
    };
    let reps = FormField {
        label: "Ramped sales reps",
        testid: "reps",
        hint: "Reps carrying quota in the period; 2.5 for part-time or ramping reps.",
        entry: |form| &form.reps,
        show: |volume: &Volume| volume.to_display(),
        edit: Form::set_reps,
        unit: None,
    };
    let rep_quota = FormField {
        label: "Quota per rep",
        testid: "repquota",
        hint: "One rep's quota for the planning period.",
        entry: |form| &form.rep_quota,
        show: |money: &Money| money.to_display(),
        edit: Form::set_rep_quota,
        unit: None,
    };
    let attain = FormField {
        label: "Expected attainment",
        testid: "attain",
        hint: "Share of quota the average rep attains (above 0, up to 200).",
        entry: |form| &form.attainment,
        show: |a: &Attainment| format!("{} %", a.percent_plain()),
        edit: Form::set_attainment,
        unit: Some("%"),
    };
    view! {
        <details class="panel section" data-testid="section-team">
            <summary>
                <h2>"Sales team"</h2>
                <span class="section-summary">{summary}</span>
            </summary>
            <div class="field-grid">
                {reps.view(planner)}
                {rep_quota.view(planner)}
                {attain.view(planner)}
            </div>
        </details>
    }
}
