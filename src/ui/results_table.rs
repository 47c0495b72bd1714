//! The stage-by-stage table: what each stage needs for the quota and what the traffic brings.

use leptos::prelude::*;

use crate::model::format::Show;

use super::figure::Figure;
use super::rows::rows;
use super::state::Planner;
use crate::model::Rounding;
use crate::model::wording::labels;

/// One row per stage: name, rate from above, volume needed, forecast from planned traffic.
#[component]
pub fn ResultsTable(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let count = Memo::new(move |_| planner.scenario.with(|s| s.funnel.stage_count()));
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
                {rows(count, move |index| view! { <ResultRow planner index/> }.into_any())}
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
) -> impl IntoView {
    let scenario = planner.scenario;
    let name = move || planner.stage_name(index);
    let style = planner.style();
    let rate = move || {
        scenario.with(|s| {
            s.funnel.rate_into(index).map_or_else(
                || "\u{2014}".to_owned(),
                |rate| style.with(|style| style.percent_text(&rate.percent_plain())),
            )
        })
    };
    let row = Memo::new(move |_| planner.stages().with(|stages| stages.get(index).cloned()));
    let figure = move |read: fn(&crate::model::StagePlan) -> f64| {
        Signal::derive(move || row.with(|s| s.as_ref().map_or(0.0, read)))
    };
    let exact_note = move || {
        let exact = scenario.with(|s| s.rounding == Rounding::Exact);
        row.with(|stage| {
            stage
                .as_ref()
                .filter(|s| exact && s.need_exact < s.need)
                .map(|s| {
                    format!(
                        "exact {}",
                        style.with(|style| style.two_decimals(s.need_exact))
                    )
                })
        })
    };
    view! {
        <tr>
            <th scope="row">{Signal::derive(name)}</th>
            <td class="num">{Signal::derive(rate)}</td>
            <td class="num need">
                <Figure testid=format!("need-{index}") value=figure(|s| s.need) show=Show::Count/>
                {move || exact_note().map(|note| view! { <span class="exact-note">{note}</span> })}
            </td>
            <td class="num"><Figure testid=format!("need-per-month-{index}") value=figure(|s| s.need_per_month) show=Show::Count/></td>
            <td class="num"><Figure testid=format!("need-per-week-{index}") value=figure(|s| s.need_per_week) show=Show::Count/></td>
            <td class="num marketing strong"><Figure testid=format!("mkt-need-{index}") value=figure(|s| s.marketing) show=Show::Count/></td>
            <td class="num marketing"><Figure testid=format!("mkt-need-per-month-{index}") value=figure(|s| s.marketing_per_month) show=Show::Count/></td>
            <td class="num marketing"><Figure testid=format!("mkt-need-per-week-{index}") value=figure(|s| s.marketing_per_week) show=Show::Count/></td>
            <td class="num">
                <Figure testid=format!("forecast-{index}") value=figure(|s| s.forecast) show=Show::OneDecimal/>
            </td>
        </tr>
    }
}
