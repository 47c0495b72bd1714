//! The headline answers: deals needed, pipeline needed, overall conversion, and the forecast.

use leptos::prelude::*;

use crate::model::format::Show;

use super::figure::{Figure, MaybeFigure};
use super::state::Planner;
use super::velocity_figures::VelocityFigures;
use crate::model::wording::labels;
use crate::model::{Share, format, wording};

/// The key figures below the stage table: target, deals, pipeline, forecast and gap.
#[component]
pub fn PlanSummary(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let (scenario, plan) = (planner.scenario, planner.plan);
    let stage_name = move |index: usize| planner.stage_name(index);
    let top_name = move || stage_name(0);
    let last_name = move || scenario.with(|s| stage_name(s.funnel.stage_count() - 1));
    let new_target = Signal::derive(move || plan.with(|p| p.new_target));
    let marketing_deals = Signal::derive(move || plan.with(|p| p.marketing_deals));
    let sales_deals = Signal::derive(move || plan.with(|p| p.sales_deals));
    let deals = Signal::derive(move || plan.with(|p| p.deals_needed));
    let pipeline = Signal::derive(move || plan.with(|p| p.pipeline_needed));
    let conversion = Signal::derive(move || plan.with(|p| p.overall_conversion));
    let forecast_deals = Signal::derive(move || plan.with(|p| p.forecast_deals));
    let revenue = Signal::derive(move || plan.with(|p| p.forecast_revenue));
    let gap = Signal::derive(move || plan.with(|p| p.gap));
    let traffic_gap = Signal::derive(move || scenario.with(|s| plan.with(|p| p.traffic_gap(s))));
    let coverage = Signal::derive(move || plan.with(|p| p.pipeline_coverage));
    let pipeline_note = move || {
        plan.with(|p| {
            format!(
                "{} needed \u{d7} deal size. Coverage = pipeline \u{f7} new-business target:",
                stage_name(p.pipeline_stage)
            )
        })
    };
    view! {
        <div class="summary">
            <dl class="key-figures">
                <div>
                    <dt>{labels::plan_summary::NEW_BUSINESS_TARGET}</dt>
                    <dd><Figure testid="new-target" value=new_target show=Show::Money/></dd>
                    <dd class="note">{Signal::derive(move || scenario.with(|s| planner.style().with(|style| format!("quota {} \u{2212} existing {}", style.amount(s.quota), style.amount(s.existing_amount())))))}</dd>
                </div>
                <div>
                    <dt>{labels::plan_summary::MARKETING_SOURCED_DEALS}</dt>
                    <dd><Figure testid="mkt-deals" value=marketing_deals show=Show::Count/></dd>
                </div>
                <div>
                    <dt>{labels::plan_summary::SALES_SOURCED_DEALS}</dt>
                    <dd><Figure testid="sales-deals" value=sales_deals show=Show::Count/></dd>
                </div>
            </dl>
            <dl class="key-figures">
                <div>
                    <dt>{labels::plan_summary::DEALS_NEEDED}</dt>
                    <dd><Figure testid="deals-needed" value=deals show=Show::Count/></dd>
                </div>
                <div>
                    <dt>{labels::plan_summary::PIPELINE_NEEDED}</dt>
                    <dd><Figure testid="pipeline-needed" value=pipeline show=Show::Money/></dd>
                    <dd class="note">
                        {pipeline_note}" "
                        <MaybeFigure testid="coverage" value=coverage show=Show::Times/>
                    </dd>
                </div>
                <div>
                    <dt>{labels::plan_summary::OVERALL_CONVERSION}</dt>
                    <dd><Figure testid="overall-conversion" value=conversion show=Show::Percent/></dd>
                    <dd class="note">{Signal::derive(move || wording::one_in(&planner.style().read(), conversion.get(), &top_name(), &last_name()))}</dd>
                </div>
            </dl>
            <VelocityFigures planner/>
            <h3>{labels::plan_summary::FORECAST_FROM_PLANNED_TRAFFIC}</h3>
            <dl class="key-figures">
                <div>
                    <dt>{labels::plan_summary::FORECAST_DEALS}</dt>
                    <dd><Figure testid="forecast-deals" value=forecast_deals show=Show::OneDecimal/></dd>
                </div>
                <div>
                    <dt>{labels::plan_summary::FORECAST_REVENUE}</dt>
                    <dd><Figure testid="forecast-revenue" value=revenue show=Show::Money/></dd>
                </div>
                <div class:short={move || gap.get() > 0.5} class:ahead={move || gap.get() < -0.5}>
                    <dt>{labels::plan_summary::GAP_TO_TARGET}</dt>
                    <dd><Figure testid="gap" value=gap show=Show::Money/></dd>
                </div>
            </dl>
            <p class="sentence" data-testid="gap-sentence">
                {Signal::derive(move || {
                    let partial = scenario.with(|s| s.marketing_share != Share::ALL);
                    let sourcing = partial.then(|| wording::Sourcing {
                        forecast_deals: forecast_deals.get(),
                        sales_deals: sales_deals.get(),
                    });
                    wording::gap_sentence(&planner.style().read(), gap.get(), new_target.get(), sourcing)
                })}
            </p>
            <p class="sentence" data-testid="traffic-gap" data-value=Signal::derive(move || format::plain(traffic_gap.get()))>
                {Signal::derive(move || scenario.with(|s| plan.with(|p| wording::traffic_sentence(
                    &planner.style().read(),
                    &top_name(),
                    s.traffic.units(),
                    p.stages.first().map_or(0.0, |t| t.marketing),
                    s.marketing_share != Share::ALL,
                ))))}
            </p>
        </div>
    }
}
