//! The sales team's inputs: reps, quota per rep, attainment.

use leptos::prelude::*;

use super::cohort_editor::CohortEditor;
use super::field_input::FieldInput;
use super::state::Planner;
use crate::model::Field;
use crate::model::wording::labels;

/// Reps, quota per rep and expected attainment.
#[component]
pub fn TeamPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let style = planner.style();
    let summary = move || {
        let style = style.read();
        planner.scenario.with(|s| {
            format!(
                "{} ramped reps \u{d7} {} at {}",
                style.one_decimal(s.team.reps.ramped_reps()),
                style.amount(s.team.rep_quota),
                style.percent_text(&s.team.attainment.percent_plain())
            )
        })
    };
    view! {
        <details class="panel section" data-testid="section-team">
            <summary>
                <h2>{labels::team_panel::SALES_TEAM}</h2>
                <span class="section-summary">{Signal::derive(summary)}</span>
            </summary>
            <div class="field-grid">
                <FieldInput planner field=Field::Reps/>
                <FieldInput planner field=Field::RepQuota/>
                <FieldInput planner field=Field::Attain/>
            </div>
            <CohortEditor planner/>
        </details>
    }
}
