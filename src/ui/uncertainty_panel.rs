//! How sure are we: the Monte Carlo figures for the plan's ranges, computed in slices off the
//! typing path, with the histogram of the lead-stage need.

use std::time::Duration;

use leptos::prelude::*;

use super::chart_canvas::{ChartText, chart_canvas};
use super::figure::MaybeFigure;
use super::state::Planner;
use crate::chart::histogram::{self, HistogramChart, HistogramWords};
use crate::model::format::{self, Show};
use crate::model::uncertainty::{Accumulator, Figures, Simulation};
use crate::model::wording::labels::uncertainty_panel as words;
use crate::model::wording::uncertainty as wording;

/// Draws run per slice: one slice takes a few milliseconds, so input stays responsive.
const SLICE: u32 = 1_000;
/// How long input must rest before the draws start.
const SETTLE: Duration = Duration::from_millis(150);

/// The draws' figures, the sentences about them and the histogram.
#[component]
pub fn UncertaintyPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let (scenario, style) = (planner.scenario, planner.style());
    let draws = Draws::new();
    let Draws {
        figures, running, ..
    } = draws;
    // Every change of the plan starts a new run once input settles; it replaces any under way.
    Effect::new(move || {
        let simulation = scenario.with(Simulation::new);
        draws.start(simulation);
    });
    let lead = Memo::new(move |_| planner.lead_stage_name());
    let plan_need = Memo::new(move |_| {
        planner.stages().with(|stages| {
            let lead_stage = scenario.with(|s| s.costs.lead_stage_in(&s.funnel));
            stages.get(lead_stage).map_or(0.0, |stage| stage.marketing)
        })
    });
    let ranged = Memo::new(move |_| scenario.with(crate::model::Scenario::has_ranges));
    let figure = move |read: fn(&Figures) -> f64| {
        Signal::derive(move || figures.with(|f| f.as_ref().map(read)))
    };
    let sentence = move || {
        figures.with(|f| {
            f.as_ref().map_or_else(String::new, |f| {
                style.with(|style| wording::summary_sentence(style, f, &lead.get()))
            })
        })
    };
    let status = move || {
        running
            .get()
            .map(|(done, total)| style.with(|style| wording::progress_sentence(style, done, total)))
            .unwrap_or_default()
    };
    let canvas = histogram_chart(planner, figures, lead, plan_need);
    view! {
        <section class="result-section uncertainty" aria-labelledby="mc-heading" data-testid="mc"
            data-state=move || if running.get().is_some() { "updating" } else { "done" }
            aria-busy=move || if running.get().is_some() { "true" } else { "false" }>
            <h3 id="mc-heading">{words::HOW_SURE_ARE_WE}</h3>
            <p class="hint" data-testid="mc-status" role="status">{status}</p>
            <p class="sentence strong" data-testid="mc-sentence">{sentence}</p>
            <p class="hint" data-testid="mc-no-ranges" hidden=move || ranged.get()>{wording::NO_RANGES}</p>
            <dl class="key-figures" class:stale=move || running.get().is_some()>
                <div>
                    <dt>{move || wording::need_title(&lead.get())}</dt>
                    <dd>
                        <MaybeFigure testid="mc-need-p10" value=figure(|f| f.need.p10) show=Show::Count/>
                        {words::TO}
                        <MaybeFigure testid="mc-need-p90" value=figure(|f| f.need.p90) show=Show::Count/>
                    </dd>
                    <dd class="note">{words::MEDIAN}<MaybeFigure testid="mc-need-p50" value=figure(|f| f.need.p50) show=Show::Count/></dd>
                </div>
                <div>
                    <dt>{words::REVENUE}</dt>
                    <dd>
                        <MaybeFigure testid="mc-revenue-p10" value=figure(|f| f.revenue.p10) show=Show::Money/>
                        {words::TO}
                        <MaybeFigure testid="mc-revenue-p90" value=figure(|f| f.revenue.p90) show=Show::Money/>
                    </dd>
                    <dd class="note">{words::MEDIAN}<MaybeFigure testid="mc-revenue-p50" value=figure(|f| f.revenue.p50) show=Show::Money/></dd>
                </div>
                <div>
                    <dt>{words::CHANCE}</dt>
                    <dd>
                        <span class="figure" data-testid="mc-hit"
                            data-value=move || figures.with(|f| f.as_ref().map(|f| format::plain(f.hit_percent)))>
                            {move || figures.with(|f| f.as_ref().map_or_else(|| "\u{2014}".to_owned(), |f| style.with(|style| wording::hit_text(style, f))))}
                        </span>
                    </dd>
                </div>
            </dl>
            {canvas}
            <p class="note">{move || scenario.with(|s| wording::method_note(s.rounding))}</p>
        </section>
    }
}

/// The histogram of the last complete run (`chart-uncertainty`).
fn histogram_chart(
    planner: Planner,
    figures: RwSignal<Option<Figures>>,
    lead: Memo<String>,
    plan_need: Memo<f64>,
) -> impl IntoView {
    let style = planner.style();
    let data = Memo::new(move |_| {
        figures.with(|f| {
            f.as_ref().map_or_else(
                || HistogramChart {
                    edges: vec![0.0, 1.0],
                    counts: vec![0],
                    percentiles: [0.0; 3],
                    plan: 0.0,
                },
                |f| HistogramChart {
                    edges: f.histogram.edges.clone(),
                    counts: f.histogram.counts.clone(),
                    percentiles: [f.need.p10, f.need.p50, f.need.p90],
                    plan: plan_need.get(),
                },
            )
        })
    });
    let label = move |chart: &HistogramChart| {
        style.with_untracked(|style| {
            wording::histogram_label(style, chart.percentiles, chart.plan, &lead.get_untracked())
        })
    };
    let text = ChartText {
        series: HistogramChart::series_json,
        label: Box::new(label),
        height: HistogramChart::height,
    };
    chart_canvas(
        "chart-uncertainty",
        data,
        text,
        1,
        move |area, chart, palette| {
            let words = HistogramWords {
                draws: words::DRAWS,
                plan: words::THE_PLAN,
            };
            style.with_untracked(|style| {
                let _ = histogram::draw(area, chart, palette, words, |value| style.count(value));
            });
        },
    )
}

/// The state of the draws: the last complete run's figures, the run under way (draws done of
/// the total), and which run is current.
#[derive(Clone, Copy)]
struct Draws {
    figures: RwSignal<Option<Figures>>,
    running: RwSignal<Option<(u32, u32)>>,
    generation: StoredValue<u64>,
}

impl Draws {
    fn new() -> Self {
        Self {
            figures: RwSignal::new(None),
            running: RwSignal::new(None),
            generation: StoredValue::new(0),
        }
    }

    /// Starts a run of `simulation` after [`SETTLE`]; any run under way stops at its next
    /// slice.
    fn start(self, simulation: Simulation) {
        let run = self.generation.get_value().wrapping_add(1);
        self.generation.set_value(run);
        self.running.set(Some((0, simulation.draws())));
        let accumulator = simulation.accumulator();
        set_timeout(move || self.slice(run, simulation, accumulator, 0), SETTLE);
    }

    /// One slice of draws from `from`, then the next in a later task, so input is never
    /// blocked for more than a slice; the figures are published when every draw has run.
    fn slice(self, run: u64, simulation: Simulation, mut accumulator: Accumulator, from: u32) {
        if self.generation.try_get_value() != Some(run) {
            return;
        }
        let total = simulation.draws();
        let to = from.saturating_add(SLICE).min(total);
        simulation.run(from, to, &mut accumulator);
        if to < total {
            self.running.set(Some((to, total)));
            set_timeout(
                move || self.slice(run, simulation, accumulator, to),
                Duration::ZERO,
            );
        } else {
            self.figures.set(simulation.figures(&accumulator));
            self.running.set(None);
        }
    }
}
