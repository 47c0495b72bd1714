//! Per-stage costs and load: what each unit costs marketing and what each rep must work.

use leptos::prelude::*;

use super::figure::MaybeFigure;
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
    let cost = Signal::derive(move || budget.with(|b| b.cost_per.get(index).copied().flatten()));
    let forecast_cost =
        Signal::derive(move || budget.with(|b| b.forecast_cost_per.get(index).copied().flatten()));
    let per_rep = Signal::derive(move || {
        capacity.with(|c| {
            c.per_rep_month
                .as_ref()
                .and_then(|load| load.get(index).copied())
        })
    });
    view! {
        <tr>
            <th scope="row">{Signal::derive(name)}</th>
            <td class="num"><MaybeFigure testid=format!("cost-per-{index}") value=cost show=Show::MoneyCents/></td>
            <td class="num"><MaybeFigure testid=format!("forecast-cost-per-{index}") value=forecast_cost show=Show::MoneyCents/></td>
            <td class="num"><MaybeFigure testid=format!("per-rep-month-{index}") value=per_rep show=Show::OneDecimal/></td>
        </tr>
    }
}
