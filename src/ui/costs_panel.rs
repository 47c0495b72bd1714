//! Marketing's costs: the stage it pays for, cost per lead, channels, and a budget cap.

use leptos::prelude::*;

use super::channel_editor::ChannelEditor;
use super::form_field::FormField;
use super::stage_choice::StageChoice;
use super::state::Planner;
use crate::model::{Form, Money};

/// Lead stage, blended cost per lead, channels and budget cap.
#[component]
pub fn CostsPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let scenario = planner.scenario;
    let default_stage =
        Signal::derive(move || scenario.with(|s| usize::from(s.funnel.stage_count() >= 3)));
    let summary = move || {
        planner.plan.with(|plan| {
            scenario.with(|s| {
                let stage = s
                    .funnel
                    .name(plan.budget.lead_stage)
                    .map(ToString::to_string)
                    .unwrap_or_default();
                format!(
                    "{} per {stage}{}",
                    crate::model::format::two_decimals(plan.budget.blended_cpl),
                    s.costs.cap.map_or(String::new(), |cap| format!(
                        " \u{b7} cap {}",
                        cap.to_display()
                    ))
                )
            })
        })
    };
    let cpl = FormField {
        label: "Cost per lead (blended)",
        testid: "cpl",
        hint: "What one unit at the lead stage costs across channels. B2B SaaS: about $30\u{2013}150.",
        entry: |form| &form.cost_per_lead,
        show: |money: &Money| money.to_display(),
        edit: Form::set_cost_per_lead,
        unit: None,
    };
    let cap = FormField {
        label: "Available marketing budget",
        testid: "cap",
        hint: "Optional. Leave empty for no cap; with one, see what it affords.",
        entry: |form| &form.cap,
        show: |cap: &Option<Money>| cap.map(Money::to_display).unwrap_or_default(),
        edit: Form::set_cap,
        unit: None,
    };
    view! {
        <details class="panel section" data-testid="section-costs">
            <summary>
                <h2>"Costs and channels"</h2>
                <span class="section-summary">{summary}</span>
            </summary>
            <div class="field-grid">
                <StageChoice
                    planner
                    label="Marketing pays for"
                    testid="leadstage"
                    hint="The stage whose units marketing buys (its cost per lead)."
                    current=Form::lead_stage
                    choose=Form::set_lead_stage
                    default_stage=default_stage
                />
                {cpl.view(planner)}
                {cap.view(planner)}
            </div>
            <ChannelEditor planner/>
        </details>
    }
}
