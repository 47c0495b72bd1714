//! Scenarios side by side: pick two to four, and read each figure in a column per scenario,
//! with each one's difference from the first; copy a link carrying them all, or download the
//! table as CSV.

use leptos::prelude::*;

use super::state::Planner;
use super::table_export::offer;
use crate::browser::download;
use crate::codec::table;
use crate::model::compare::{self, MOST_COMPARED, Part, Unit};
use crate::model::format::{self, NumberStyle};
use crate::model::wording::labels::compare_view as words;

/// A value as the page shows it.
fn shown(style: &NumberStyle, unit: Unit, value: f64) -> String {
    match unit {
        Unit::Count => style.count(value),
        Unit::Money => style.money(value),
        Unit::Percent => style.percent(value),
    }
}

/// Scenario `index`'s cell of `row`: its value, and under the others its change from the
/// first, marked ▲ or ▼ (not by colour alone).
fn cell(style: &NumberStyle, row: &compare::Row, index: usize) -> impl IntoView + use<> {
    let value = row.values.get(index).copied().flatten();
    let testid = format!("compare-{}-{}", index + 1, row.key);
    let text = value.map_or_else(|| "\u{2014}".to_owned(), |v| shown(style, row.unit, v));
    let data = value.map(format::plain).unwrap_or_default();
    let change = row.difference(index).map(|d| {
        let differs = row.differs(index);
        let sign = if d.amount > 0.0 { "+" } else { "" };
        let text = if differs {
            let mark = if d.amount > 0.0 {
                "\u{25b2} "
            } else {
                "\u{25bc} "
            };
            let percent = d
                .percent
                .map(|p| format!(" ({sign}{}%)", style.one_decimal(p)))
                .unwrap_or_default();
            format!("{mark}{sign}{}{percent}", shown(style, row.unit, d.amount))
        } else {
            words::SAME.to_owned()
        };
        view! {
            <span class="change" class:differs=differs
                data-testid=format!("{testid}-change")
                data-value=format::plain(d.amount)
                data-percent=d.percent.map(format::plain).unwrap_or_default()>{text}</span>
        }
    });
    view! { <td data-testid=testid data-value=data>{text}" "{change}</td> }
}

/// The comparison panel, open while scenarios are picked to compare.
#[component]
pub fn CompareView(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let comparison = Memo::new(move |_| compare::compare(&planner.compared()));
    let style = planner.style();
    let listing = planner.listing();
    let status = RwSignal::new(String::new());
    let toggle = move |id: String| {
        planner.compare.update(|ids| {
            if let Some(at) = ids.iter().position(|i| *i == id) {
                ids.remove(at);
            } else if ids.len() < MOST_COMPARED {
                ids.push(id);
            }
        });
    };
    let csv = move |_| {
        let text = comparison.with_untracked(table::compare_table).csv();
        offer(status, words::FILE, &text, download::download_csv);
    };
    let rows = move || {
        comparison.with(|c| {
            style.with(|style| {
                let mut part = None;
                c.rows
                    .iter()
                    .map(|row| {
                        let heading = (part != Some(row.part)).then(|| {
                            part = Some(row.part);
                            let title = match row.part {
                                Part::Result => words::RESULTS,
                                Part::Assumption => words::ASSUMPTIONS,
                            };
                            view! { <tr class="compare-part"><th colspan=c.names.len() + 1 scope="colgroup">{title}</th></tr> }
                        });
                        let cells = (0..row.values.len())
                            .map(|index| cell(style, row, index))
                            .collect_view();
                        view! { {heading}<tr><th scope="row">{row.label.clone()}</th>{cells}</tr> }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="panel compare" data-testid="compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{words::COMPARE}</h2>
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
                            move || !picked() && planner.compare.with(Vec::len) >= MOST_COMPARED
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
            <Show when=move || comparison.with(|c| c.names.len() >= 2)
                fallback=|| view! { <p class="hint">{words::PICK_TWO}</p> }>
                <div class="table-scroll">
                    <table class="compare-table" data-testid="compare-table">
                        <caption>{words::CAPTION}</caption>
                        <thead><tr>
                            <th scope="col">{words::FIGURE}</th>
                            {move || comparison.with(|c| c.names.iter().map(|n| view! { <th scope="col">{n.clone()}</th> }).collect_view())}
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
