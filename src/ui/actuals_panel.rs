//! Plan against actual: a grid of what each month really brought, stage by stage and in
//! revenue, then pace against plan, observed conversion rates and the re-forecast for the
//! months left. Figures are recorded in the scenario on commit (Enter or leaving the cell),
//! each one an undo step; a cell whose text is not a number records nothing and says so.

use leptos::prelude::*;

use super::state::Planner;
use crate::model::actuals::{self, ActualsLog, Figure, PlanVsActual};
use crate::model::wording::actuals as words;
use crate::model::wording::labels::actuals_panel as labels;
use crate::model::{Money, Volume, YearMonth, format};

/// The text a cell shows for what is recorded.
fn recorded_text(log: &ActualsLog, month: YearMonth, figure: &Figure) -> String {
    match figure {
        Figure::Stage(name) => log.volume(month, name).map(Volume::to_display),
        Figure::Revenue => log.revenue(month).map(Money::to_display),
    }
    .unwrap_or_default()
}

/// One input of the grid.
fn cell_input(
    planner: Planner,
    log: Memo<ActualsLog>,
    month: YearMonth,
    cell: Figure,
    testid: String,
    label: String,
    problems: RwSignal<Vec<(String, String)>>,
) -> impl IntoView {
    // The cell follows its own figure only, so a bad text typed here survives other cells'
    // changes.
    let shown = {
        let cell = cell.clone();
        Memo::new(move |_| log.with(|l| recorded_text(l, month, &cell)))
    };
    let commit = {
        let testid = testid.clone();
        let label = label.clone();
        move |event| {
            let text = event_target_value(&event);
            let next = log.with_untracked(|l| l.with_text(month, &cell, &text));
            match next {
                Ok(next) => {
                    if problems.with_untracked(|p| p.iter().any(|(id, _)| *id == testid)) {
                        problems.update(|p| p.retain(|(id, _)| *id != testid));
                    }
                    if log.with_untracked(|l| *l != next) {
                        planner.record_actuals(next);
                    }
                }
                Err(error) => problems.update(|p| {
                    let message = format!("{label}: {}", words::bad_figure(&error.to_string()));
                    match p.iter_mut().find(|(id, _)| *id == testid) {
                        Some(known) => known.1 = message,
                        None => p.push((testid.clone(), message)),
                    }
                }),
            }
        }
    };
    let invalid = {
        let testid = testid.clone();
        move || problems.with(|p| p.iter().any(|(id, _)| *id == testid))
    };
    view! {
        <td>
            <input type="text" inputmode="decimal" class="actual" data-testid=testid
                aria-label=label aria-invalid=move || invalid().then_some("true")
                prop:value=move || shown.get() on:change=commit/>
        </td>
    }
}

/// The plan-against-actual section.
#[component]
pub fn ActualsPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let (months, names) = (planner.months(), planner.names());
    let log = Memo::new(move |_| planner.workspace.with(|w| w.current().actuals.clone()));
    // Every cell whose text is not a figure, in the order they were typed.
    let problems = RwSignal::new(Vec::<(String, String)>::new());
    let month_list = Memo::new(move |_| months.with(|m| m.months.clone()));
    let rates = Memo::new(move |_| {
        planner.scenario.with(|s| {
            (1..s.funnel.stage_count())
                .map(|i| s.funnel.rate_into(i).map_or(0.0, |r| r.fraction() * 100.0))
                .collect::<Vec<f64>>()
        })
    });
    let result = Memo::new(move |_| {
        let grid = log.with(|l| month_list.with(|m| names.with(|n| l.grid(m, n))));
        months.with(|m| rates.with(|r| actuals::compare(m, &grid, r)))
    });
    let revenue = Memo::new(move |_| {
        let deal = planner.scenario.with(|s| s.deal_size);
        months.with(|m| log.with(|l| actuals::revenue_pace(m, l, deal)))
    });
    let unplaced = move || {
        log.with(|l| month_list.with(|m| names.with(|n| words::unplaced(l.unplaced(m, n)))))
    };
    let grid = move || {
        let list = month_list.get();
        let stage_names = names.get();
        list.iter()
            .enumerate()
            .map(|(k, &month)| {
                let month_name = month.label();
                let cells = stage_names
                    .iter()
                    .enumerate()
                    .map(|(i, name)| {
                        cell_input(
                            planner,
                            log,
                            month,
                            Figure::Stage(name.clone()),
                            format!("actual-{k}-{i}"),
                            format!("{month_name}, {name}"),
                            problems,
                        )
                    })
                    .collect_view();
                let revenue = cell_input(
                    planner,
                    log,
                    month,
                    Figure::Revenue,
                    format!("actual-{k}-revenue"),
                    format!("{month_name}, {}", words::REVENUE),
                    problems,
                );
                view! { <tr><th scope="row">{month_name.clone()}</th>{cells}{revenue}</tr> }
            })
            .collect_view()
    };
    let any = move || log.with(|l| !l.is_empty());
    // Closed until wanted (open from the start when the scenario has actuals): the grid's
    // inputs exist only while it is open, so they cost an edit nothing otherwise.
    let open = RwSignal::new(log.with_untracked(|l| !l.is_empty()));
    let toggle = move |event: leptos::ev::Event| {
        use leptos::wasm_bindgen::JsCast;
        if let Some(details) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            open.set(details.has_attribute("open"));
        }
    };
    let body = move || {
        view! {
            <p class="hint">{labels::HINT}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=labels::GRID>
                <table class="results actuals-grid" data-testid="actuals-grid">
                    <thead><tr>
                        <th scope="col">{labels::MONTH}</th>
                        {move || names.get().into_iter().map(|n| view! { <th scope="col" class="num">{n}</th> }).collect_view()}
                        <th scope="col" class="num">{words::REVENUE}</th>
                    </tr></thead>
                    <tbody>{grid}</tbody>
                </table>
            </div>
            <p class="field-error" data-testid="actuals-error" role="alert">{move || problems.with(|p| p.iter().map(|(_, text)| text.clone()).collect::<Vec<_>>().join(" "))}</p>
            <p class="hint" data-testid="actuals-unplaced">{unplaced}</p>
            <Show when=any fallback=|| view! { <p class="hint" data-testid="actuals-nothing">{labels::NOTHING_YET}</p> }>
                <ActualsFigures planner result revenue/>
            </Show>
        }
        .into_any()
    };
    view! {
        <section class="result-section actuals" data-testid="actuals" aria-labelledby="actuals-heading">
            <details data-testid="section-actuals" open=open.get_untracked() on:toggle=toggle>
                <summary><h3 id="actuals-heading">{labels::HEADING}</h3></summary>
                {super::shown::shown(move || open.get(), body)}
            </details>
        </section>
    }
}

/// Pace, observed rates and the re-forecast of what is recorded.
#[component]
fn ActualsFigures(
    /// The planner's state.
    planner: Planner,
    /// The plan against its actuals.
    result: Memo<PlanVsActual>,
    /// Revenue's pace, when any revenue is recorded.
    revenue: Memo<Option<actuals::Pace>>,
) -> impl IntoView {
    let (names, style, months) = (planner.names(), planner.style(), planner.months());
    let pace_row =
        move |testid: String, name: String, pace: &actuals::Pace, money: bool| {
            style.with(|style| {
            let shown = |v: f64| if money { style.money(v) } else { style.count(v) };
            view! {
                <tr data-testid=testid data-value=format::plain(pace.ahead)
                    data-percent=pace.percent.map(format::plain).unwrap_or_default()
                    data-actual=format::plain(pace.actual) data-planned=format::plain(pace.planned)>
                    <th scope="row">{name}</th>
                    <td class="num">{shown(pace.actual)}</td>
                    <td class="num">{shown(pace.planned)}</td>
                    <td class="num">{words::pace(style, pace.ahead, pace.percent, money)}</td>
                </tr>
            }
        })
        };
    let pace_rows = move || {
        let stage_names = names.get();
        let mut rows: Vec<AnyView> = result.with(|r| {
            r.pace
                .iter()
                .enumerate()
                .filter_map(|(i, pace)| {
                    let pace = pace.as_ref()?;
                    Some(
                        pace_row(
                            format!("pace-{i}"),
                            stage_names.get(i).cloned().unwrap_or_default(),
                            pace,
                            false,
                        )
                        .into_any(),
                    )
                })
                .collect()
        });
        if let Some(pace) = revenue.get() {
            rows.push(
                pace_row(
                    "pace-revenue".to_owned(),
                    words::REVENUE.to_owned(),
                    &pace,
                    true,
                )
                .into_any(),
            );
        }
        rows
    };
    let observed_rows = move || {
        let stage_names = names.get();
        result.with(|r| {
            style.with(|style| {
                r.observed
                    .iter()
                    .enumerate()
                    .map(|(step, observed)| {
                        let i = step + 1;
                        let name = format!(
                            "{} \u{2192} {}",
                            stage_names.get(step).cloned().unwrap_or_default(),
                            stage_names.get(i).cloned().unwrap_or_default()
                        );
                        let text = observed.rate.map_or_else(|| labels::NOT_YET.to_owned(), |rate| format!("{}%", style.one_decimal(rate)));
                        view! {
                            <tr data-testid=format!("observed-{i}")
                                data-value=observed.rate.map(format::plain).unwrap_or_default()
                                data-assumed=format::plain(observed.assumed)>
                                <th scope="row">{name}</th>
                                <td class="num">{text}</td>
                                <td class="num">{format!("{}%", style.one_decimal(observed.assumed))}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let reforecast_rows = move || {
        let list = months.with(|m| m.months.clone());
        result.with(|r| {
            style.with(|style| {
                let (first, _) = r.months_left;
                r.per_month
                    .iter()
                    .enumerate()
                    .map(|(j, row)| {
                        let k = first + j;
                        let month = list.get(k).map(|m| m.label()).unwrap_or_default();
                        let cells = row
                            .iter()
                            .enumerate()
                            .map(|(i, &value)| view! { <td class="num" data-testid=format!("reforecast-{k}-{i}") data-value=format::plain(value)>{style.count(value)}</td> })
                            .collect_view();
                        view! { <tr><th scope="row">{month}</th>{cells}</tr> }
                    })
                    .collect_view()
            })
        })
    };
    let sentence = move || {
        let lead = months.with(|m| m.lead_stage);
        let name = planner.stage_name(lead);
        result.with(|r| {
            style.with(|style| {
                words::reforecast_sentence(
                    style,
                    &name,
                    r.remaining.get(lead).copied().unwrap_or(0.0),
                    r.months_left.1,
                )
            })
        })
    };
    view! {
        <h4>{labels::PACE}</h4>
        <div class="table-scroll" tabindex="0" role="region" aria-label=labels::PACE>
            <table class="results" data-testid="pace-table">
                <caption>{labels::PACE_CAPTION}</caption>
                <thead><tr>
                    <th scope="col">{labels::STAGE}</th>
                    <th scope="col" class="num">{labels::ACTUAL}</th>
                    <th scope="col" class="num">{labels::PLANNED}</th>
                    <th scope="col" class="num">{labels::AHEAD}</th>
                </tr></thead>
                <tbody>{pace_rows}</tbody>
            </table>
        </div>
        <h4>{labels::OBSERVED}</h4>
        <div class="table-scroll" tabindex="0" role="region" aria-label=labels::OBSERVED>
            <table class="results" data-testid="observed-table">
                <caption>{labels::OBSERVED_CAPTION}</caption>
                <thead><tr>
                    <th scope="col">{labels::STEP}</th>
                    <th scope="col" class="num">{labels::OBSERVED_RATE}</th>
                    <th scope="col" class="num">{labels::ASSUMED}</th>
                </tr></thead>
                <tbody>{observed_rows}</tbody>
            </table>
        </div>
        <h4>{labels::REFORECAST}</h4>
        <p data-testid="reforecast-sentence">{sentence}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=labels::REFORECAST>
            <table class="results" data-testid="reforecast-table">
                <caption>{labels::REFORECAST_CAPTION}</caption>
                <thead><tr>
                    <th scope="col">{labels::MONTH}</th>
                    {move || names.get().into_iter().map(|n| view! { <th scope="col" class="num">{n}</th> }).collect_view()}
                </tr></thead>
                <tbody>{reforecast_rows}</tbody>
            </table>
        </div>
    }
}
