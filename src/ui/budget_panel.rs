//! Marketing's budget: spend, unit costs, CAC, ROI, channels and what a cap affords.

use leptos::prelude::*;

use crate::model::format::Show;

use super::cap_figures::CapFigures;
use super::channel_table::ChannelTable;
use super::figure::{Figure, MaybeFigure};
use super::state::Planner;
use crate::model::wording;

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
            <h3 id="budget-heading">"Marketing budget"</h3>
            <dl class="key-figures">
                <div>
                    <dt>"Budget needed"</dt>
                    <dd><Figure testid="budget" value=read(|b| b.budget) show=Show::Money/></dd>
                    <dd class="note">{Signal::derive(move || format!("marketing's {} \u{d7} cost per lead", lead_name()))}</dd>
                </div>
                <div>
                    <dt>"Blended cost per lead"</dt>
                    <dd><Figure testid="blended-cpl" value=read(|b| b.blended_cpl) show=Show::MoneyCents/></dd>
                    <dd class="note">{Signal::derive(move || if planner.scenario.with(|s| s.costs.channels.is_empty()) {
                        "as entered".to_owned()
                    } else {
                        "\u{3a3} channel share \u{d7} channel cost (channels replace the blended figure)".to_owned()
                    })}</dd>
                </div>
                <div>
                    <dt>"CAC"</dt>
                    <dd><MaybeFigure testid="cac" value=maybe(|b| b.cac) show=Show::Money/></dd>
                    <dd class="note">"budget \u{f7} marketing-sourced deals"</dd>
                </div>
                <div>
                    <dt>"ROI"</dt>
                    <dd><MaybeFigure testid="roi" value=maybe(|b| b.roi_percent) show=Show::PercentPoints/></dd>
                    <dd class="note">"(marketing-sourced revenue \u{2212} budget) \u{f7} budget"</dd>
                </div>
                <div>
                    <dt>"Revenue per 1 spent"</dt>
                    <dd><MaybeFigure testid="roi-multiple" value=maybe(|b| b.roi_multiple) show=Show::Times/></dd>
                    <dd class="note">"marketing-sourced revenue \u{f7} budget"</dd>
                </div>
                <div>
                    <dt>"Spend the planned traffic implies"</dt>
                    <dd><Figure testid="forecast-spend" value=read(|b| b.forecast_spend) show=Show::Money/></dd>
                </div>
            </dl>
            <p class="sentence" data-testid="channel-scaling">{Signal::derive(scaling)}</p>
            <ChannelTable planner/>
            <CapFigures planner/>
        </section>
    }
}
