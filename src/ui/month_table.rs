//! The month-by-month plan: what each stage must generate, month by month, for marketing's
//! volumes (the default) or all sources.

use leptos::either::Either;
use leptos::prelude::*;

use super::month_chart::MonthChartView;
use super::month_export::MonthTableExport;
use super::month_sentences::MonthSentences;
use super::rows::rows;
use super::state::Planner;
use crate::browser::clock;
use crate::model::monthly::Sources;
use crate::model::wording::labels;
use crate::model::{YearMonth, format, wording};

/// The month table, with the lead-time sentences above it and a switch between marketing's
/// volumes and all sources.
#[component]
pub fn MonthTable(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let sources = RwSignal::new(Sources::default());
    let (scenario, months, stages) = (planner.scenario, planner.months(), planner.stages());
    let today = clock::this_month();
    let names = planner.names();
    let month_count = Memo::new(move |_| months.with(|m| m.months.len()));
    let caption = move || {
        stages.with(|all| {
            let lead = months.with(|m| m.lead_stage);
            let shown = sources.get();
            let total = all.get(lead).map_or(0.0, |stage| match shown {
                Sources::Marketing => stage.marketing,
                Sources::All => stage.need,
            });
            let share = scenario.with(|s| s.marketing_share.percent_plain());
            wording::month_caption(
                &planner.style().read(),
                shown,
                &share,
                &planner.stage_name(lead),
                total,
            )
        })
    };
    let choose = move |event| {
        if let Some(choice) = Sources::from_name(&event_target_value(&event)) {
            sources.set(choice);
        }
    };
    let totals = move || {
        stages.with(|all| {
            let shown = sources.get();
            all.iter()
                .map(|stage| {
                    let total = match shown {
                        Sources::Marketing => stage.marketing,
                        Sources::All => stage.need,
                    };
                    view! { <td class="num">{planner.style().with(|style| style.count(total))}</td> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="result-section" aria-labelledby="months-heading">
            <h3 id="months-heading">{labels::month_table::MONTH_BY_MONTH}</h3>
            <MonthSentences planner today/>
            <div class="field inline">
                <label for="month-sources">{labels::month_table::VOLUMES_SHOWN}</label>
                <select id="month-sources" data-testid="month-sources" on:change=choose prop:value=move || sources.get().as_str()>
                    {Sources::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.as_str() selected=move || sources.get() == s>{s.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <MonthChartView planner sources today/>
            <div class="table-scroll" tabindex="0" role="region" aria-label=labels::month_table::MONTH_TABLE>
                <table class="results months" data-testid="month-table">
                    <caption data-testid="month-caption">{Signal::derive(caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{labels::month_table::MONTH}</th>
                            {move || names.get().into_iter().map(|name| view! { <th scope="col" class="num">{name}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows(month_count, move |k| view! { <MonthRow planner k today sources/> }.into_any())}
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{labels::month_table::TOTAL}</th>
                            {totals}
                        </tr>
                    </tfoot>
                </table>
            </div>
            <MonthTableExport planner sources/>
        </section>
    }
}

/// One month's row.
#[component]
fn MonthRow(
    /// The planner's state.
    planner: Planner,
    /// The month's position, 0 = earliest.
    k: usize,
    /// The current month; months before it are marked as past.
    today: YearMonth,
    /// Whose volumes are shown.
    sources: RwSignal<Sources>,
) -> impl IntoView {
    let (scenario, months) = (planner.scenario, planner.months());
    // Whether the month is in the period (not lead time), as a memo of its own, so the row
    // does not redraw for edits that leave the months alone.
    let in_period = Memo::new(move |_| {
        let start = scenario.with(|s| s.timing.start);
        months.with(|m| {
            m.months
                .get(k)
                .is_some_and(|&month| start.months_until(month) >= 0)
        })
    });
    let style = planner.style();
    // The whole row from one closure: an edit re-runs it once, and the rebuild touches only
    // the cells, classes and attributes whose value changed.
    move || {
        let (shown, in_period) = (sources.get(), in_period.get());
        style.with(|style| {
            months.with(|m| {
                let month = m.months.get(k).copied();
                let past = m.is_past(k, today);
                let row = m.volumes_of(shown).get(k).map_or(&[][..], Vec::as_slice);
                let last = row.len().saturating_sub(1);
                let cells = row
                    .iter()
                    .enumerate()
                    .map(|(i, &units)| {
                        // The last stage's cell is the deals closing, also hooked as plan-deals-{k}.
                        let text = if i == last {
                            Either::Right(view! {
                                <span data-testid=format!("plan-deals-{k}") data-value=format::plain(units)>
                                    {style.count(units)}
                                </span>
                            })
                        } else {
                            Either::Left(style.count(units))
                        };
                        view! {
                            <td class="num" data-testid=format!("plan-{k}-{i}") data-value=format::plain(units)>
                                {text}
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr class:lead-time=!in_period class:past=past>
                        <th scope="row" data-testid=format!("plan-month-{k}") data-past=past.then_some("true")>
                            {month.map(|m| m.to_string()).unwrap_or_default()}
                        </th>
                        {cells}
                    </tr>
                }
            })
        })
    }
}
