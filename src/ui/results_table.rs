//! The stage-by-stage table: what each stage needs for the quota and what the traffic brings.

use leptos::prelude::*;

use crate::model::format::Show;

use super::figure::figure;
use super::rows::rows;
use super::state::Planner;
use crate::model::wording::labels;
use crate::model::{Rounding, StagePlan};

/// One row per stage: name, rate from above, volume needed, forecast from planned traffic.
#[component]
pub fn ResultsTable(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let count = Memo::new(move |_| planner.scenario.with(|s| s.funnel.stage_count()));
    let exact = Memo::new(move |_| planner.scenario.with(|s| s.rounding == Rounding::Exact));
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=labels::results_table::VOLUME_NEEDED_AND_FORECAST_AT>
        <table class="results" data-testid="results-table">
            <caption class="visually-hidden">{labels::results_table::VOLUME_NEEDED_AND_FORECAST_AT}</caption>
            <thead>
                <tr>
                    <th scope="col" rowspan="2">{labels::results_table::STAGE}</th>
                    <th scope="col" rowspan="2" class="num">{labels::results_table::RATE}</th>
                    <th scope="colgroup" colspan="3" class="num group">{labels::results_table::NEEDED_ALL_SOURCES}</th>
                    <th scope="colgroup" colspan="3" class="num group marketing">{labels::results_table::MARKETING_SOURCES}</th>
                    <th scope="col" rowspan="2" class="num">{labels::results_table::FORECAST}</th>
                </tr>
                <tr>
                    <th scope="col" class="num">{labels::results_table::PERIOD}</th>
                    <th scope="col" class="num">{labels::results_table::MONTH}</th>
                    <th scope="col" class="num">{labels::results_table::WEEK}</th>
                    <th scope="col" class="num marketing">{labels::results_table::PERIOD}</th>
                    <th scope="col" class="num marketing">{labels::results_table::MONTH}</th>
                    <th scope="col" class="num marketing">{labels::results_table::WEEK}</th>
                </tr>
            </thead>
            <tbody>
                {rows(count, move |index| view! { <ResultRow planner index exact/> }.into_any())}
            </tbody>
        </table>
        </div>
    }
}

/// One stage's row of the results table.
#[component]
fn ResultRow(
    /// The planner's state.
    planner: Planner,
    /// The stage's position, 0 = top.
    index: usize,
    /// Whether the plan rounds exactly (the row then notes exact needs).
    exact: Memo<bool>,
) -> impl IntoView {
    let scenario = planner.scenario;
    let name = move || planner.stage_name(index);
    let style = planner.style();
    let row = Memo::new(move |_| planner.stages().with(|stages| stages.get(index).cloned()));
    // Narrow memos, so an edit that leaves this row alone does not redraw it.
    // (Memos of types the page already has: each new memo type costs its own reactive code.)
    let rate = Memo::new(move |_| {
        scenario.with(|s| s.funnel.rate_into(index)).map_or_else(
            || "\u{2014}".to_owned(),
            |rate| style.with(|style| style.percent_text(&rate.percent_plain())),
        )
    });
    // Every cell but the name from one closure: an edit re-runs it once for the row, and the
    // rebuild touches only what changed.
    let cells = move || {
        let (rate, exact) = (rate.get(), exact.get());
        style.with(|style| {
            row.with(|stage| {
                let value = |read: fn(&StagePlan) -> f64| Some(stage.as_ref().map_or(0.0, read));
                let note = stage
                    .as_ref()
                    .filter(|s| exact && s.need_exact < s.need)
                    .map(|s| format!("exact {}", style.two_decimals(s.need_exact)));
                view! {
                    <td class="num">{rate}</td>
                    <td class="num need">
                        {figure(format!("need-{index}"), value(|s| s.need), Show::Count, style)}
                        {note.map(|note| view! { <span class="exact-note">{note}</span> })}
                    </td>
                    <td class="num">{figure(format!("need-per-month-{index}"), value(|s| s.need_per_month), Show::Count, style)}</td>
                    <td class="num">{figure(format!("need-per-week-{index}"), value(|s| s.need_per_week), Show::Count, style)}</td>
                    <td class="num marketing strong">{figure(format!("mkt-need-{index}"), value(|s| s.marketing), Show::Count, style)}</td>
                    <td class="num marketing">{figure(format!("mkt-need-per-month-{index}"), value(|s| s.marketing_per_month), Show::Count, style)}</td>
                    <td class="num marketing">{figure(format!("mkt-need-per-week-{index}"), value(|s| s.marketing_per_week), Show::Count, style)}</td>
                    <td class="num">{figure(format!("forecast-{index}"), value(|s| s.forecast), Show::OneDecimal, style)}</td>
                }
            })
        })
    };
    view! {
        <tr>
            <th scope="row">{Signal::derive(name)}</th>
            {cells}
        </tr>
    }
}
