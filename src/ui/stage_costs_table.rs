//! Per-stage costs and load: what each unit costs marketing and what each rep must work.

use leptos::prelude::*;

use super::figure::figure;
use super::rows::rows;
use super::state::Planner;
use crate::model::format::Show;
use crate::model::wording::labels;

/// One row per stage: cost per unit in the plan and in the forecast, load per rep per month.
#[component]
pub fn StageCostsTable(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let count = Memo::new(move |_| planner.scenario.with(|s| s.funnel.stage_count()));
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=labels::stage_costs_table::COST_AND_LOAD_PER_STAGE>
        <table class="results" data-testid="stage-costs-table">
            <caption>{labels::stage_costs_table::COST_AND_LOAD_PER_STAGE}</caption>
            <thead>
                <tr>
                    <th scope="col">{labels::stage_costs_table::STAGE}</th>
                    <th scope="col" class="num">{labels::stage_costs_table::COST_PER_UNIT_PLAN}</th>
                    <th scope="col" class="num">{labels::stage_costs_table::COST_PER_UNIT_FORECAST}</th>
                    <th scope="col" class="num">{labels::stage_costs_table::PER_REP_PER_MONTH}</th>
                </tr>
            </thead>
            <tbody>
                {rows(count, move |index| view! { <StageCostRow planner index/> }.into_any())}
            </tbody>
        </table>
        </div>
    }
}

/// One stage's row of the cost table.
#[component]
fn StageCostRow(
    /// The planner's state.
    planner: Planner,
    /// The stage's position, 0 = top.
    index: usize,
) -> impl IntoView {
    let (budget, capacity) = (planner.budget(), planner.capacity());
    let name = move || planner.stage_name(index);
    let style = planner.style();
    // The row's figures from one closure: an edit re-runs it once for the row.
    let cells = move || {
        let (cost, forecast_cost) = budget.with(|b| {
            (
                b.cost_per.get(index).copied().flatten(),
                b.forecast_cost_per.get(index).copied().flatten(),
            )
        });
        let per_rep = capacity.with(|c| {
            c.per_rep_month
                .as_ref()
                .and_then(|load| load.get(index).copied())
        });
        style.with(|style| {
            view! {
                <td class="num">{figure(format!("cost-per-{index}"), cost, Show::MoneyCents, style)}</td>
                <td class="num">{figure(format!("forecast-cost-per-{index}"), forecast_cost, Show::MoneyCents, style)}</td>
                <td class="num">{figure(format!("per-rep-month-{index}"), per_rep, Show::OneDecimal, style)}</td>
            }
        })
    };
    view! {
        <tr>
            <th scope="row">{Signal::derive(name)}</th>
            {cells}
        </tr>
    }
}
