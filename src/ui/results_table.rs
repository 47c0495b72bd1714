//! The stage-by-stage table: what each stage needs for the quota and what the traffic brings.

use leptos::prelude::*;

use super::figure::Figure;
use super::rows::rows;
use super::state::Planner;
use crate::model::{Rounding, format};

/// One row per stage: name, rate from above, volume needed, forecast from planned traffic.
#[component]
pub fn ResultsTable(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let count = Memo::new(move |_| planner.scenario.with(|s| s.funnel.stage_count()));
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Volume needed and forecast at each stage">
        <table class="results" data-testid="results-table">
            <caption class="visually-hidden">"Volume needed and forecast at each stage"</caption>
            <thead>
                <tr>
                    <th scope="col" rowspan="2">"Stage"</th>
                    <th scope="col" rowspan="2" class="num">"Rate"</th>
                    <th scope="colgroup" colspan="3" class="num group">"Needed (all sources)"</th>
                    <th scope="colgroup" colspan="3" class="num group marketing">"Marketing sources"</th>
                    <th scope="col" rowspan="2" class="num">"Forecast"</th>
                </tr>
                <tr>
                    <th scope="col" class="num">"Period"</th>
                    <th scope="col" class="num">"/ month"</th>
                    <th scope="col" class="num">"/ week"</th>
                    <th scope="col" class="num marketing">"Period"</th>
                    <th scope="col" class="num marketing">"/ month"</th>
                    <th scope="col" class="num marketing">"/ week"</th>
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
    let rate = move || {
        scenario.with(|s| {
            s.funnel.rate_into(index).map_or_else(
                || "\u{2014}".to_owned(),
                |rate| format!("{}\u{a0}%", rate.percent_plain()),
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
                .map(|s| format!("exact {}", format::two_decimals(s.need_exact)))
        })
    };
    view! {
        <tr>
            <th scope="row">{Signal::derive(name)}</th>
            <td class="num">{Signal::derive(rate)}</td>
            <td class="num need">
                <Figure testid=format!("need-{index}") value=figure(|s| s.need) display=format::count/>
                {move || exact_note().map(|note| view! { <span class="exact-note">{note}</span> })}
            </td>
            <td class="num"><Figure testid=format!("need-per-month-{index}") value=figure(|s| s.need_per_month) display=format::count/></td>
            <td class="num"><Figure testid=format!("need-per-week-{index}") value=figure(|s| s.need_per_week) display=format::count/></td>
            <td class="num marketing strong"><Figure testid=format!("mkt-need-{index}") value=figure(|s| s.marketing) display=format::count/></td>
            <td class="num marketing"><Figure testid=format!("mkt-need-per-month-{index}") value=figure(|s| s.marketing_per_month) display=format::count/></td>
            <td class="num marketing"><Figure testid=format!("mkt-need-per-week-{index}") value=figure(|s| s.marketing_per_week) display=format::count/></td>
            <td class="num">
                <Figure testid=format!("forecast-{index}") value=figure(|s| s.forecast) display=format::one_decimal/>
            </td>
        </tr>
    }
}
