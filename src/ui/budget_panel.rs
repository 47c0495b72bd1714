//! Marketing's budget: spend, unit costs, CAC, ROI, channels and what a cap affords.

use leptos::prelude::*;

use super::figure::{Figure, MaybeFigure};
use super::state::Planner;
use crate::model::format;

/// Budget figures, the channel split and the budget cap.
#[component]
pub fn BudgetPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let (scenario, plan) = (planner.scenario, planner.plan);
    let read = move |f: fn(&crate::model::budget::BudgetPlan) -> f64| {
        Signal::derive(move || plan.with(|p| f(&p.budget)))
    };
    let maybe = move |f: fn(&crate::model::budget::BudgetPlan) -> Option<f64>| {
        Signal::derive(move || plan.with(|p| f(&p.budget)))
    };
    let lead_name = move || {
        plan.with(|p| {
            scenario.with(|s| s.funnel.name(p.budget.lead_stage).map(ToString::to_string))
        })
        .unwrap_or_default()
    };
    let channel_count = Memo::new(move |_| scenario.with(|s| s.costs.channels.len()));
    let has_cap = Memo::new(move |_| plan.with(|p| p.budget.cap.is_some()));
    let cap_figure = move |f: fn(&crate::model::budget::Affordable) -> f64| {
        Signal::derive(move || plan.with(|p| p.budget.cap.as_ref().map_or(0.0, f)))
    };
    let cap_sentence = move || {
        plan.with(|p| {
            p.budget.cap.as_ref().map(|cap| {
                if cap.budget_gap > 0.5 {
                    format!(
                        "The cap is {} short of the plan's budget: it buys {} {}, enough for about {} deals.",
                        format::money(cap.budget_gap),
                        format::count(cap.leads),
                        lead_name(),
                        format::one_decimal(cap.deals)
                    )
                } else {
                    format!(
                        "The cap covers the plan with {} to spare.",
                        format::money(-cap.budget_gap)
                    )
                }
            })
        })
    };
    view! {
        <section class="result-section" aria-labelledby="budget-heading">
            <h3 id="budget-heading">"Marketing budget"</h3>
            <dl class="key-figures">
                <div>
                    <dt>"Budget needed"</dt>
                    <dd><Figure testid="budget" value=read(|b| b.budget) display=format::money/></dd>
                    <dd class="note">{move || format!("marketing's {} \u{d7} cost per lead", lead_name())}</dd>
                </div>
                <div>
                    <dt>"Blended cost per lead"</dt>
                    <dd><Figure testid="blended-cpl" value=read(|b| b.blended_cpl) display=format::two_decimals/></dd>
                </div>
                <div>
                    <dt>"CAC"</dt>
                    <dd><MaybeFigure testid="cac" value=maybe(|b| b.cac) display=format::money/></dd>
                    <dd class="note">"budget \u{f7} marketing-sourced deals"</dd>
                </div>
                <div>
                    <dt>"ROI"</dt>
                    <dd><MaybeFigure testid="roi" value=maybe(|b| b.roi_percent) display=|v| format!("{} %", format::one_decimal(v))/></dd>
                    <dd class="note">"(marketing-sourced revenue \u{2212} budget) \u{f7} budget"</dd>
                </div>
                <div>
                    <dt>"Revenue per 1 spent"</dt>
                    <dd><MaybeFigure testid="roi-multiple" value=maybe(|b| b.roi_multiple) display=|v| format!("{}\u{d7}", format::two_decimals(v))/></dd>
                    <dd class="note">"marketing-sourced revenue \u{f7} budget"</dd>
                </div>
                <div>
                    <dt>"Spend the planned traffic implies"</dt>
                    <dd><Figure testid="forecast-spend" value=read(|b| b.forecast_spend) display=format::money/></dd>
                </div>
            </dl>
            <Show when=move || { channel_count.get() > 0 }>
                <table class="results" data-testid="channel-table">
                    <caption>"By channel"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Channel"</th>
                            <th scope="col" class="num">"Share"</th>
                            <th scope="col" class="num">{move || lead_name()}</th>
                            <th scope="col" class="num">"Budget"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || 0..channel_count.get()
                            key=|index| *index
                            children=move |index| {
                                let channel = move |f: fn(&crate::model::budget::ChannelPlan) -> f64| {
                                    Signal::derive(move || plan.with(|p| p.budget.channels.get(index).map_or(0.0, f)))
                                };
                                let label = move || scenario.with(|s| s.costs.channels.get(index).map(|c| (c.name.to_string(), format!("{} %", c.share.percent_plain()))).unwrap_or_default());
                                view! {
                                    <tr>
                                        <th scope="row">{move || label().0}</th>
                                        <td class="num">{move || label().1}</td>
                                        <td class="num"><Figure testid=format!("channel-leads-{index}") value=channel(|c| c.leads) display=format::one_decimal/></td>
                                        <td class="num"><Figure testid=format!("channel-budget-{index}") value=channel(|c| c.budget) display=format::money/></td>
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
            </Show>
            <Show when=move || has_cap.get()>
                <dl class="key-figures">
                    <div>
                        <dt>{move || format!("{} the cap affords", lead_name())}</dt>
                        <dd><Figure testid="affordable-leads" value=cap_figure(|c| c.leads) display=format::count/></dd>
                    </div>
                    <div>
                        <dt>"Deals they yield"</dt>
                        <dd><Figure testid="affordable-deals" value=cap_figure(|c| c.deals) display=format::one_decimal/></dd>
                    </div>
                    <div>
                        <dt>"Revenue they yield"</dt>
                        <dd><Figure testid="affordable-revenue" value=cap_figure(|c| c.revenue) display=format::money/></dd>
                    </div>
                    <div>
                        <dt>"Budget gap"</dt>
                        <dd><Figure testid="budget-gap" value=cap_figure(|c| c.budget_gap) display=format::money/></dd>
                        <dd class="note">"budget needed \u{2212} cap"</dd>
                    </div>
                </dl>
                <p class="sentence" data-testid="cap-sentence">{cap_sentence}</p>
            </Show>
        </section>
    }
}
