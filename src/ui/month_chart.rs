//! The month-by-month chart: lead-stage volume to generate and deals closing, per calendar
//! month, for the sources the month table shows, with its data as a table on request.

use leptos::prelude::*;

use super::chart_canvas::{ChartText, chart_canvas, show_data};
use super::state::Planner;
use crate::chart::months::{self, MonthChart, MonthWords};
use crate::model::YearMonth;
use crate::model::monthly::Sources;
use crate::model::wording::charts::{self, MonthFigures};
use crate::model::wording::labels;

/// The month chart and its "Show data" table.
#[component]
pub fn MonthChartView(
    /// The planner's state.
    planner: Planner,
    /// Whose volumes are shown (the month table's switch).
    sources: RwSignal<Sources>,
    /// The current month; months before it are marked past.
    today: YearMonth,
) -> impl IntoView {
    let (scenario, plan, style) = (planner.scenario, planner.months(), planner.style());
    let data = Memo::new(move |_| {
        let start = scenario.with(|s| s.timing.start);
        plan.with(|plan| MonthChart::of_plan(plan, sources.get(), start, today))
    });
    let lead_name = Memo::new(move |_| planner.lead_stage_name());
    let label = move |chart: &MonthChart| {
        let names: Vec<String> = chart.bars.iter().map(|bar| bar.month.label()).collect();
        let whose = charts::whose(sources.get_untracked());
        style.with_untracked(|style| {
            charts::months_label(
                style,
                whose,
                &lead_name.get_untracked(),
                chart
                    .bars
                    .iter()
                    .zip(&names)
                    .map(|(bar, name)| MonthFigures {
                        name,
                        leads: bar.leads,
                        deals: bar.deals,
                        lead_time: bar.lead_time,
                        past: bar.past,
                    }),
            )
        })
    };
    let text = ChartText {
        series: MonthChart::series_json,
        label: Box::new(label),
        height: MonthChart::height,
    };
    let canvas = chart_canvas(
        "chart-months",
        data,
        text,
        1,
        move |area, chart, palette| {
            let leads = charts::to_generate(&lead_name.get_untracked());
            let words = MonthWords {
                leads: &leads,
                deals: labels::month_chart::DEALS_CLOSING,
                lead_time: labels::month_chart::LEAD_TIME,
                past: labels::month_chart::PAST,
            };
            style.with_untracked(|style| {
                let _ = months::draw(area, chart, palette, words, |value| style.count(value));
            });
        },
    );
    let table = move || {
        view! {
            <table class="results chart-data" data-testid="chart-months-data">
                <thead>
                    <tr>
                        <th scope="col">{labels::month_chart::MONTH}</th>
                        <th scope="col" class="num">{move || charts::to_generate(&lead_name.get())}</th>
                        <th scope="col" class="num">{labels::month_chart::DEALS_CLOSING}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || data.with(|chart| style.with(|style| chart.bars.iter().map(|bar| view! {
                        <tr class:lead-time=bar.lead_time class:past=bar.past>
                            <th scope="row">{bar.month.label()}</th>
                            <td class="num">{style.count(bar.leads)}</td>
                            <td class="num">{style.count(bar.deals)}</td>
                        </tr>
                    }).collect_view()))}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <div class="chart-section">
            {canvas}
            {show_data(table)}
        </div>
    }
}
