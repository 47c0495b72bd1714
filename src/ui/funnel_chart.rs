//! The funnel chart: what marketing must source at each stage against the forecast from
//! planned traffic, with a log-scale switch and its data as a table on request.

use leptos::prelude::*;

use super::chart_canvas::{ChartText, chart_canvas, show_data};
use super::check_box::CheckBox;
use super::state::Planner;
use crate::chart::funnel::{self, FunnelChart, FunnelWords};
use crate::model::wording::{charts, labels};

/// The funnel chart with its log-scale switch and "Show data" table.
#[component]
pub fn FunnelChartPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let log = RwSignal::new(false);
    let (names, stages, style) = (planner.names(), planner.stages(), planner.style());
    let data = Memo::new(move |_| {
        names.with(|names| stages.with(|stages| FunnelChart::of_plan(names, stages, log.get())))
    });
    let canvas = funnel_canvas(planner, "chart-funnel", data, 1);
    let table = move || {
        view! {
            <table class="results chart-data" data-testid="chart-funnel-data">
                <thead>
                    <tr>
                        <th scope="col">{labels::funnel_chart::STAGE}</th>
                        <th scope="col" class="num">{labels::funnel_chart::MARKETING_NEEDS}</th>
                        <th scope="col" class="num">{labels::funnel_chart::FORECAST}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || data.with(|chart| style.with(|style| chart.bars.iter().map(|bar| view! {
                        <tr>
                            <th scope="row">{bar.name.clone()}</th>
                            <td class="num">{style.count(bar.needed)}</td>
                            <td class="num">{style.one_decimal(bar.forecast)}</td>
                        </tr>
                    }).collect_view()))}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="result-section chart-section" aria-labelledby="funnel-chart-heading">
            <div class="chart-head">
                <h3 id="funnel-chart-heading">{labels::funnel_chart::FUNNEL_CHART}</h3>
                <CheckBox testid="funnel-log" checked=log label=labels::funnel_chart::LOG_SCALE/>
            </div>
            {canvas}
            {show_data(table)}
        </section>
    }
}

/// A funnel chart canvas with test id `testid` drawing `data`, its type `zoom` times the
/// page's; the page and meeting mode share it.
pub fn funnel_canvas(
    planner: Planner,
    testid: &'static str,
    data: Memo<FunnelChart>,
    zoom: u32,
) -> impl IntoView {
    let style = planner.style();
    let label = move |chart: &FunnelChart| {
        style.with_untracked(|style| {
            charts::funnel_label(
                style,
                chart.log,
                chart
                    .bars
                    .iter()
                    .map(|bar| (bar.name.as_str(), bar.needed, bar.forecast)),
            )
        })
    };
    let text = ChartText {
        series: FunnelChart::series_json,
        label: Box::new(label),
        height: FunnelChart::height,
    };
    chart_canvas(testid, data, text, zoom, move |area, chart, palette| {
        let words = FunnelWords {
            needed: labels::funnel_chart::MARKETING_NEEDS,
            forecast: labels::funnel_chart::FORECAST,
            shortfall: labels::funnel_chart::SHORTFALL,
        };
        style.with_untracked(|style| {
            let _ = funnel::draw(
                area,
                chart,
                palette,
                words,
                |value| style.count(value),
                |value| style.one_decimal(value),
                |value| style.count(value),
            );
        });
    })
}
