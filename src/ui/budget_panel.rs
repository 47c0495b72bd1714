//! Marketing's budget: spend, unit costs, CAC, ROI, channels and what a cap affords.

use leptos::prelude::*;

use crate::model::format::Show;

use super::cap_figures::CapFigures;
use super::channel_table::ChannelTable;
use super::figure::{Figure, MaybeFigure};
use super::state::Planner;
use crate::model::wording;
use crate::model::wording::labels;

/// Budget figures, the channel split and the budget cap.
#[component]
pub fn BudgetPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let budget = planner.budget();
    let read = move |f: fn(&crate::model::budget::BudgetPlan) -> f64| {
        Signal::derive(move || budget.with(f))
    };
    let maybe = move |f: fn(&crate::model::budget::BudgetPlan) -> Option<f64>| {
        Signal::derive(move || budget.with(f))
    };
    let lead_name = move || planner.lead_stage_name();
    let scaling = move || {
        planner.scenario.with(|s| {
            budget.with(|b| {
                let shares: Vec<(String, f64)> = s
                    .costs
                    .channels
                    .iter()
                    .zip(&b.channels)
                    .map(|(channel, part)| (channel.name.to_string(), part.share))
                    .collect();
                wording::channel_scaling_sentence(
                    &planner.style().read(),
                    b.shares_total_ppm,
                    &shares,
                )
            })
        })
    };
    view! {
        <section class="result-section" aria-labelledby="budget-heading">
            <h3 id="budget-heading">{labels::budget_panel::MARKETING_BUDGET}</h3>
            <dl class="key-figures">
                <div>
                    <dt>{labels::budget_panel::BUDGET_NEEDED}</dt>
                    <dd><Figure testid="budget" value=read(|b| b.budget) show=Show::Money/></dd>
                    <dd class="note">{Signal::derive(move || format!("marketing's {} \u{d7} cost per lead", lead_name()))}</dd>
                </div>
                <div>
                    <dt>{labels::budget_panel::BLENDED_COST_PER_LEAD}</dt>
                    <dd><Figure testid="blended-cpl" value=read(|b| b.blended_cpl) show=Show::MoneyCents/></dd>
                    <dd class="note">{Signal::derive(move || wording::blended_cost_note(!planner.scenario.with(|s| s.costs.channels.is_empty())))}</dd>
                </div>
                <div>
                    <dt>{labels::budget_panel::CAC}</dt>
                    <dd><MaybeFigure testid="cac" value=maybe(|b| b.cac) show=Show::Money/></dd>
                    <dd class="note">{labels::budget_panel::BUDGET_MARKETING_SOURCED_DEALS}</dd>
                </div>
                <div>
                    <dt>{labels::budget_panel::ROI}</dt>
                    <dd><MaybeFigure testid="roi" value=maybe(|b| b.roi_percent) show=Show::PercentPoints/></dd>
                    <dd class="note">{labels::budget_panel::MARKETING_SOURCED_REVENUE_BUDGET_BUDGET}</dd>
                </div>
                <div>
                    <dt>{Signal::derive(move || planner.style().with(wording::revenue_per_unit_label))}</dt>
                    <dd><MaybeFigure testid="roi-multiple" value=maybe(|b| b.roi_multiple) show=Show::Times/></dd>
                    <dd class="note">{labels::budget_panel::MARKETING_SOURCED_REVENUE_BUDGET}</dd>
                </div>
                <div>
                    <dt>{labels::budget_panel::SPEND_THE_PLANNED_TRAFFIC_IMPLIES}</dt>
                    <dd><Figure testid="forecast-spend" value=read(|b| b.forecast_spend) show=Show::Money/></dd>
                </div>
            </dl>
            <p class="sentence" data-testid="channel-scaling">{Signal::derive(scaling)}</p>
            <ChannelTable planner/>
            <CapFigures planner/>
        </section>
    }
}
