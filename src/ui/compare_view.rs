//! Scenarios side by side: pick two to four, and read each figure in a column per scenario,
//! with each one's difference from the first; copy a link carrying them all, or download the
//! table as CSV.

use std::sync::Arc;

use leptos::prelude::*;

use super::state::Planner;
use super::table_export::offer;
use crate::browser::download;
use crate::codec::table;
use crate::model::compare::{self, MOST_COMPARED, Part, Unit};
use crate::model::format::{self, NumberStyle};
use crate::model::wording;
use crate::model::wording::labels::compare_view as words;
use crate::model::{Plan, Scenario, compute};

/// A value as the page shows it.
fn shown(style: &NumberStyle, unit: Unit, value: f64) -> String {
    match unit {
        Unit::Count => style.count(value),
        Unit::Money => style.money(value),
        Unit::Percent => style.percent(value),
    }
}

/// What one cell shows: its value and, under the others, its change from the first.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Figures {
    unit: Unit,
    value: Option<f64>,
    change: Option<compare::Difference>,
    differs: bool,
}

/// Scenario `index`'s cell of row `row`: its value, and under the others its change from the
/// first, marked ▲ or ▼ (not by colour alone). The cell follows its own figures only, so an
/// edit rewrites just the cells it changes.
fn cell(
    style: Memo<NumberStyle>,
    comparison: Memo<compare::Comparison>,
    row: usize,
    key: &str,
    index: usize,
) -> impl IntoView + use<> {
    let figures = Memo::new(move |_| {
        comparison.with(|c| {
            c.rows.get(row).map(|r| Figures {
                unit: r.unit,
                value: r.values.get(index).copied().flatten(),
                change: r.difference(index),
                differs: r.differs(index),
            })
        })
    });
    let testid = format!("compare-{}-{key}", index + 1);
    let text = move || {
        figures
            .get()
            .and_then(|f| Some((f.unit, f.value?)))
            .map_or_else(
                || "\u{2014}".to_owned(),
                |(unit, value)| style.with(|style| shown(style, unit, value)),
            )
    };
    let data = move || {
        figures
            .get()
            .and_then(|f| f.value)
            .map(format::plain)
            .unwrap_or_default()
    };
    let change = (index > 0).then(|| {
        let amount = move || figures.get().and_then(|f| f.change);
        let text = move || {
            figures.get().and_then(|f| Some((f, f.change?))).map(|(f, d)| {
                style.with(|style| {
                    let amount = match f.unit {
                        // A rate's change is in points: "+5 pts", never "+5%".
                        Unit::Percent => {
                            wording::compare::points(&style.one_decimal(d.amount.abs() * 100.0))
                        }
                        unit => shown(style, unit, d.amount.abs()),
                    };
                    wording::compare::change(
                        f.differs,
                        d.amount,
                        &amount,
                        d.percent
                            .filter(|p| p.abs() >= 0.05)
                            .map(|p| style.one_decimal(p.abs()))
                            .as_deref(),
                    )
                })
            })
        };
        view! {
            <span class="change" class:differs=move || figures.get().is_some_and(|f| f.differs)
                data-testid=format!("{testid}-change")
                data-value=move || amount().map(|d| format::plain(d.amount)).unwrap_or_default()
                data-percent=move || amount().and_then(|d| d.percent).map(format::plain).unwrap_or_default()>{text}</span>
        }
    });
    view! { <td data-testid=testid.clone() data-value=data>{text}" "{change}</td> }
}

/// The comparison of the picked scenarios, following their plans. Plans already computed
/// are reused: the one on screen is the page's own, and the others' are kept while their
/// scenarios stay as they are, so an edit computes nothing twice.
fn comparison_of(planner: Planner) -> Memo<compare::Comparison> {
    let computed = StoredValue::new(Vec::<(Scenario, Arc<Plan>)>::new());
    Memo::new(move |_| {
        let scenarios: Vec<(String, Scenario)> = planner
            .compared()
            .into_iter()
            .map(|(name, plan)| (name.to_string(), plan))
            .collect();
        let (live, own) = (planner.scenario.get(), planner.plan.get());
        let plans: Vec<Arc<Plan>> = computed.with_value(|kept| {
            scenarios
                .iter()
                .map(|(_, scenario)| {
                    if *scenario == live {
                        Arc::clone(&own)
                    } else {
                        kept.iter().find(|(s, _)| s == scenario).map_or_else(
                            || Arc::new(compute(scenario)),
                            |(_, plan)| Arc::clone(plan),
                        )
                    }
                })
                .collect()
        });
        computed.set_value(
            scenarios
                .iter()
                .map(|(_, s)| s.clone())
                .zip(plans.iter().cloned())
                .collect(),
        );
        compare::compare_computed(
            &scenarios,
            &plans.iter().map(|plan| &**plan).collect::<Vec<_>>(),
        )
    })
}

/// The checkboxes that pick the scenarios to compare, in the list's order; the columns follow
/// the order they were ticked in.
fn picks(planner: Planner) -> impl IntoView {
    let listing = planner.listing();
    let toggle = move |id: String| {
        planner.compare.update(|ids| {
            if let Some(at) = ids.iter().position(|i| *i == id) {
                ids.remove(at);
            } else if ids.len() < MOST_COMPARED {
                ids.push(id);
            }
        });
    };
    view! {
        <fieldset class="compare-picks">
            <legend>{words::PICK}</legend>
            <For each=move || listing.get() key=Clone::clone let((id, name))>
                {
                    let picked = {
                        let id = id.clone();
                        move || planner.compare.with(|ids| ids.contains(&id))
                    };
                    let full = {
                        let picked = picked.clone();
                        // Four ticked: no more; one ticked: it stays, so the panel stays open
                        // (Compare closes it).
                        move || {
                            let count = planner.compare.with(Vec::len);
                            if picked() { count == 1 } else { count >= MOST_COMPARED }
                        }
                    };
                    view! {
                        <label class="check">
                            <input type="checkbox" data-testid="compare-pick" data-name=name.clone()
                                prop:checked=picked disabled=full
                                on:change=move |_| toggle(id.clone())/>
                            {name.clone()}
                        </label>
                    }
                }
            </For>
        </fieldset>
    }
}

/// The comparison panel, open while scenarios are picked to compare.
#[component]
pub fn CompareView(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let comparison = comparison_of(planner);
    let style = planner.style();
    // Fields whose text is not valid: the compared plan on screen uses the values before.
    let drafts = move || {
        let invalid = planner.form.with(|form| form.invalid_fields().len());
        let name = planner.current_name().get();
        let compared = planner
            .compare
            .with(|ids| ids.contains(&planner.current_id().get()));
        (compared && invalid > 0).then(|| wording::compare::drafts(&name, invalid))
    };
    let status = RwSignal::new(String::new());
    let csv = move |_| {
        let text = comparison.with_untracked(table::compare_table).csv();
        offer(status, words::FILE, &text, download::download_csv);
    };
    // The table's shape (its rows and how many columns) changes only with the picks and the
    // stages; the cells follow their own figures.
    let layout = Memo::new(move |_| {
        comparison.with(|c| {
            let rows: Vec<(String, String, Part)> = c
                .rows
                .iter()
                .map(|row| (row.key.clone(), row.label.clone(), row.part))
                .collect();
            (c.names.len(), rows)
        })
    });
    let rows = move || {
        layout.with(|(columns, rows)| {
            let mut part = None;
            rows.iter()
                .enumerate()
                .map(|(r, (key, label, row_part))| {
                    let heading = (part != Some(*row_part)).then(|| {
                        part = Some(*row_part);
                        let title = match row_part {
                            Part::Result => words::RESULTS,
                            Part::Assumption => words::ASSUMPTIONS,
                        };
                        view! { <tr class="compare-part"><th colspan=columns + 1 scope="colgroup">{title}</th></tr> }
                    });
                    let cells = (0..*columns)
                        .map(|index| cell(style, comparison, r, key, index))
                        .collect_view();
                    view! { {heading}<tr><th scope="row">{label.clone()}</th>{cells}</tr> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel compare" data-testid="compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{words::COMPARE}</h2>
            {picks(planner)}
            <p class="hint warning" data-testid="compare-drafts">{drafts}</p>
            <Show when=move || comparison.with(|c| c.names.len() >= 2)
                fallback=|| view! { <p class="hint">{words::PICK_TWO}</p> }>
                <div class="table-scroll" tabindex="0" role="region" aria-label=words::CAPTION_SHORT>
                    <table class="compare-table" data-testid="compare-table">
                        <caption>{words::CAPTION}</caption>
                        <thead><tr>
                            <th scope="col">{words::FIGURE}</th>
                            {move || comparison.with(|c| c.names.iter().enumerate().map(|(k, n)| view! {
                                <th scope="col">{n.clone()}{(k == 0).then(|| view! { <span class="baseline">{words::BASELINE}</span> })}</th>
                            }).collect_view())}
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <div class="table-export">
                    <button type="button" data-testid="compare-csv" on:click=csv>{words::DOWNLOAD_CSV}</button>
                    <span class="copy-status" data-testid="compare-status" role="status">{status}</span>
                </div>
                <super::compare_link::CompareLink planner=planner/>
                <super::compare_chart::CompareChartPanel planner=planner comparison=comparison/>
            </Show>
        </section>
    }
}
