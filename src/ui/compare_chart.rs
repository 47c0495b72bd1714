//! The comparison's funnel chart: every compared scenario's need at each stage overlaid on
//! one scale, with a log-scale switch and its data as a table on request.

use leptos::prelude::*;

use super::chart_canvas::{ChartText, chart_canvas, show_data};
use super::check_box::CheckBox;
use super::state::Planner;
use crate::chart::compare::{self, CompareChart};
use crate::model::compare::Comparison;
use crate::model::wording::charts;
use crate::model::wording::labels::{compare_view as words, funnel_chart};

/// The overlaid funnel chart of `comparison`, log scale first (traffic dwarfs deals).
#[component]
pub fn CompareChartPanel(
    /// The planner's state.
    planner: Planner,
    /// The comparison shown.
    comparison: Memo<Comparison>,
) -> impl IntoView {
    let log = RwSignal::new(true);
    let style = planner.style();
    let data = Memo::new(move |_| comparison.with(|c| CompareChart::of_comparison(c, log.get())));
    let label = move |chart: &CompareChart| {
        style.with_untracked(|style| {
            charts::compare_label(
                style,
                chart.log,
                &chart.stages,
                &chart.scenarios,
                &chart.needed,
            )
        })
    };
    let text = ChartText {
        series: CompareChart::series_json,
        label: Box::new(label),
        height: CompareChart::height,
    };
    let canvas = chart_canvas(
        "compare-chart",
        data,
        text,
        1,
        move |area, chart, palette| {
            style.with_untracked(|style| {
                let _ = compare::draw(
                    area,
                    chart,
                    palette,
                    |value| style.count(value),
                    |value| style.count(value),
                );
            });
        },
    );
    let table = move || {
        view! {
            <table class="results chart-data" data-testid="compare-chart-data">
                <thead><tr>
                    <th scope="col">{funnel_chart::STAGE}</th>
                    {move || data.with(|chart| chart.scenarios.iter().map(|name| view! {
                        <th scope="col" class="num">{name.clone()}</th>
                    }).collect_view())}
                </tr></thead>
                <tbody>
                    {move || data.with(|chart| style.with(|style| chart.stages.iter().enumerate().map(|(j, stage)| {
                        let cells = chart.needed.iter().map(|needs| {
                            let text = needs.get(j).copied().flatten().map_or_else(|| "\u{2014}".to_owned(), |need| style.count(need));
                            view! { <td class="num">{text}</td> }
                        }).collect_view();
                        view! { <tr><th scope="row">{stage.clone()}</th>{cells}</tr> }
                    }).collect_view()))}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="chart-section" aria-labelledby="compare-chart-heading">
            <div class="chart-head">
                <h3 id="compare-chart-heading">{words::CHART}</h3>
                <CheckBox testid="compare-log" checked=log label=funnel_chart::LOG_SCALE/>
            </div>
            <p class="hint">{words::CHART_HINT}</p>
            {canvas}
            {show_data(table)}
        </section>
    }
}
