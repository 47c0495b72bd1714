//! Timing: the sales cycle, days per stage, and seasonality.

use leptos::prelude::*;

use super::form_field::{FormField, still_using};
use super::number_field::InputField;
use super::state::Planner;
use crate::model::form::join_days;
use crate::model::{Form, Season, wording};

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
    let cycle = FormField {
        label: "Sales cycle (days)",
        testid: "cycle",
        hint: "Average days from the lead stage to closed-won. SMB 14\u{2013}30, mid-market 30\u{2013}90, enterprise 90\u{2013}180.",
        entry: |form| &form.cycle_days,
        show: ToString::to_string,
        edit: Form::set_cycle_days,
        unit: None,
    };
    let form = planner.form;
    let show_days = |days: &Option<Vec<u32>>| days.as_deref().map(join_days).unwrap_or_default();
    // Beside the field: what is wrong with the text, else why the days do not fit the funnel.
    let stage_days_error = Signal::derive(move || {
        form.with(|form| still_using(&form.stage_days, show_days))
            .or_else(|| {
                let mismatch = planner.plan.with(|p| p.months.stage_days_mismatch)?;
                let lead = planner.plan.with(|p| p.months.lead_stage);
                let won = planner.scenario.with(|s| s.funnel.stage_count() - 1);
                Some(wording::step_count_sentence(
                    mismatch,
                    &planner.stage_name(lead),
                    &planner.stage_name(won),
                ))
            })
    });
    let season = FormField {
        label: "Seasonality (optional)",
        testid: "season",
        hint: "12 relative weights, January to December, for when deals close, e.g. 1,1,1.2,1,1,0.8,0.6,0.6,1,1.2,1.3,1.5. Empty spreads deals evenly.",
        entry: |form| &form.season,
        show: |season: &Option<Season>| season.as_ref().map(Season::to_plain).unwrap_or_default(),
        edit: Form::set_season,
        unit: None,
    };
    view! {
        <details class="panel section" data-testid="section-timing">
            <summary>
                <h2>"Timing"</h2>
                <span class="section-summary">{summary}</span>
            </summary>
            <div class="field-grid">
                {cycle.view(planner)}
                <InputField
                    label="Days per stage (optional)"
                    testid="stagedays"
                    hint="One number per step from the lead stage to Won, e.g. 10,20,30,30. Empty splits the cycle evenly."
                    text=Signal::derive(move || form.with(|form| form.stage_days.text.clone()))
                    error=stage_days_error
                    on_input=Callback::new(move |text: String| planner.edit(|form| form.set_stage_days(&text)))
                />
                {season.view(planner)}
            </div>
        </details>
    }
}
