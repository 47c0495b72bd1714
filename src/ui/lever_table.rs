//! Which lever matters most: every stage rate, the deal size and the traffic improved by 10 %
//! alone, ranked by how much they cut marketing's lead-stage need.

use leptos::prelude::*;

use super::chart_canvas::{ChartText, chart_canvas};
use super::rows::rows;
use super::state::Planner;
use crate::chart::tornado::{self, Tornado, TornadoBar, TornadoWords};
use crate::model::format;
use crate::model::levers::{self, Sensitivity};
use crate::model::wording::charts;
use crate::model::wording::labels::lever_table as words;
use crate::model::wording::labels::tornado as tornado_words;
use crate::model::wording::levers as wording;

/// The ranked levers, the sentence about the best one and the compounding note.
#[component]
pub fn LeverTable(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let sensitivity = Memo::new(move |_| planner.scenario.with(levers::sensitivity));
    let count = Memo::new(move |_| sensitivity.with(|s| s.effects.len()));
    let lead = move || planner.lead_stage_name();
    let style = planner.style();
    let sentence = move || {
        sensitivity.with(|s| {
            let best = s.effects.first();
            let name = best.map(|e| wording::lever_name(e.lever, |i| planner.stage_name(i)));
            style.with(|style| {
                wording::sensitivity_sentence(
                    style,
                    best,
                    name.as_deref().unwrap_or_default(),
                    &lead(),
                )
            })
        })
    };
    let note = move || {
        sensitivity.with(|s: &Sensitivity| {
            style.with(|style| {
                wording::compounding_note(style, s.steps, s.steps_below_lead, &lead())
            })
        })
    };
    let tornado = tornado_chart(planner, sensitivity);
    view! {
        <section class="result-section levers" aria-labelledby="levers-heading" data-testid="levers">
            <h3 id="levers-heading">{words::WHICH_LEVER_MATTERS_MOST}</h3>
            <p class="sentence" data-testid="levers-sentence">{sentence}</p>
            {tornado}
            <div class="table-scroll" tabindex="0" role="region" aria-label=words::EACH_LEVER_IMPROVED_BY_10>
            <table class="results" data-testid="levers-table">
                <caption>{words::EACH_LEVER_IMPROVED_BY_10}</caption>
                <thead>
                    <tr>
                        <th scope="col">{words::LEVER}</th>
                        <th scope="col" class="num">{move || format!("{} ({})", words::LEADS_NEEDED, lead())}</th>
                        <th scope="col" class="num">{words::FEWER}</th>
                        <th scope="col" class="num">{words::FORECAST_REVENUE}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows(count, move |rank| view! { <LeverRow planner sensitivity rank/> }.into_any())}
                </tbody>
            </table>
            </div>
            <p class="note" data-testid="levers-compounding">{note}</p>
        </section>
    }
}

/// The tornado chart of the ranked levers (`chart-sensitivity`).
fn tornado_chart(planner: Planner, sensitivity: Memo<Sensitivity>) -> impl IntoView {
    let style = planner.style();
    let data = Memo::new(move |_| {
        sensitivity.with(|s| Tornado {
            bars: s
                .effects
                .iter()
                .map(|e| TornadoBar {
                    name: wording::lever_name(e.lever, |i| planner.stage_name(i)),
                    lead_change: e.lead_change.map_or(0.0, |c| c * 100.0),
                    revenue_change: e.revenue_change.map_or(0.0, |c| c * 100.0),
                })
                .collect(),
        })
    });
    let change = move |percent: f64| {
        style.with_untracked(|style| wording::change_text(style, Some(percent / 100.0)))
    };
    let label = move |chart: &Tornado| {
        charts::tornado_label(
            &planner.lead_stage_name(),
            chart.bars.iter().map(|bar| {
                (
                    bar.name.as_str(),
                    change(bar.lead_change),
                    change(bar.revenue_change),
                )
            }),
        )
    };
    let text = ChartText {
        series: Tornado::series_json,
        label: Box::new(label),
        height: Tornado::height,
    };
    chart_canvas(
        "chart-sensitivity",
        data,
        text,
        1,
        move |area, chart, palette| {
            let lead = charts::needed(&planner.lead_stage_name());
            let words = TornadoWords {
                lead: &lead,
                revenue: tornado_words::FORECAST_REVENUE,
            };
            let _ = tornado::draw(area, chart, palette, words, change);
        },
    )
}

/// One ranked lever: its name, the change in the lead-stage need and in forecast revenue.
#[component]
fn LeverRow(
    /// The planner's state.
    planner: Planner,
    /// Every lever's effect, ranked.
    sensitivity: Memo<Sensitivity>,
    /// The row's place in the ranking, 0 = most helpful.
    rank: usize,
) -> impl IntoView {
    let effect = Memo::new(move |_| sensitivity.with(|s| s.effects.get(rank).cloned()));
    let style = planner.style();
    // Read twice (the row's `data-name` and its header), worked out once.
    let name = Memo::new(move |_| {
        effect.with(|e| {
            e.as_ref().map_or_else(String::new, |e| {
                let name = wording::lever_name(e.lever, |i| planner.stage_name(i));
                if e.capped {
                    format!("{name}{}", words::CAPPED)
                } else {
                    name
                }
            })
        })
    });
    let percent = |change: Option<f64>| change.map(|c| format::plain(c * 100.0));
    let lead_change = move || effect.with(|e| e.as_ref().and_then(|e| percent(e.lead_change)));
    let revenue_change =
        move || effect.with(|e| e.as_ref().and_then(|e| percent(e.revenue_change)));
    let cells = move || {
        effect.with(|e| {
            style.with(|style| {
                let e = e.as_ref();
                (
                    wording::change_text(style, e.and_then(|e| e.lead_change)),
                    wording::fewer_text(style, e.map_or(0.0, |e| e.leads_fewer)),
                    wording::change_text(style, e.and_then(|e| e.revenue_change)),
                )
            })
        })
    };
    view! {
        <tr
            data-testid=format!("sens-{rank}")
            data-name=name
            data-lead-change=lead_change
            data-revenue-change=revenue_change
        >
            <th scope="row">{name}</th>
            {move || {
                let (lead, fewer, revenue) = cells();
                view! {
                    <td class="num">{lead}</td>
                    <td class="num">{fewer}</td>
                    <td class="num">{revenue}</td>
                }
            }}
        </tr>
    }
}
