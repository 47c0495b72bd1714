//! The month-by-month plan: deals closing and what each stage must generate, month by month.

use leptos::prelude::*;

use super::state::Planner;
use crate::browser::clock;
use crate::model::monthly::DAYS_PER_MONTH;
use crate::model::{YearMonth, format, wording};

/// The month table, with the lead-time sentence above it.
#[component]
pub fn MonthTable(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let (scenario, plan) = (planner.scenario, planner.plan);
    let today = clock::this_month();
    let names = Memo::new(move |_| {
        scenario.with(|s| {
            s.funnel
                .names()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        })
    });
    let month_count = Memo::new(move |_| plan.with(|p| p.months.months.len()));
    let sentence = move || {
        plan.with(|p| {
            scenario.with(|s| {
                let stage = s
                    .funnel
                    .name(p.months.lead_stage)
                    .map(ToString::to_string)
                    .unwrap_or_default();
                wording::lead_window_sentence(
                    &stage,
                    s.period,
                    s.timing.start,
                    p.months.lead_window,
                )
            })
        })
    };
    let overdue = move || {
        plan.with(|p| {
            p.months.overdue_lead_months(today).map(|months| {
                wording::overdue_sentence(&planner.stage_name(p.months.lead_stage), months)
            })
        })
    };
    let notes = move || {
        plan.with(|p| {
            let mut notes = Vec::new();
            if p.months.season_ignored {
                notes.push("Every month of this period has seasonality weight 0, so deals are spread evenly.".to_owned());
            }
            if let Some(mismatch) = p.months.stage_days_mismatch {
                let won = scenario.with(|s| s.funnel.stage_count() - 1);
                notes.push(wording::step_count_sentence(
                    mismatch,
                    &planner.stage_name(p.months.lead_stage),
                    &planner.stage_name(won),
                ));
            }
            notes.join(" ")
        })
    };
    view! {
        <section class="result-section" aria-labelledby="months-heading">
            <h3 id="months-heading">"Month by month"</h3>
            <p class="sentence strong" data-testid="lead-window">{sentence}</p>
            {move || overdue().map(|text| view! { <p class="sentence overdue" data-testid="overdue-leads">{text}</p> })}
            <p class="hint">
                {format!(
                    "Lag of each stage behind Won = its days to Won \u{f7} {DAYS_PER_MONTH}, rounded to the \
                     nearest month. Whole units per month; each stage's months add up to its need."
                )}
            </p>
            <p class="field-error" data-testid="month-notes">{notes}</p>
            <div class="table-scroll">
                <table class="results months" data-testid="month-table">
                    <thead>
                        <tr>
                            <th scope="col">"Month"</th>
                            {move || names.get().into_iter().map(|name| view! { <th scope="col" class="num">{name}</th> }).collect_view()}
                            <th scope="col" class="num">"Deals closing"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || 0..month_count.get()
                            key=|k| *k
                            children=move |k| view! { <MonthRow planner k today/> }
                        />
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">"Total"</th>
                            {move || plan.with(|p| p.stages.iter().map(|s| view! { <td class="num">{format::count(s.need)}</td> }).collect_view())}
                            <td class="num">{move || plan.with(|p| format::count(p.deals_needed))}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
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
) -> impl IntoView {
    let (scenario, plan) = (planner.scenario, planner.plan);
    let past = move || plan.with(|p| p.months.is_past(k, today));
    let month = move || plan.with(|p| p.months.months.get(k).copied());
    let in_period =
        move || scenario.with(|s| month().is_some_and(|m| s.timing.start.months_until(m) >= 0));
    let cells = move || {
        plan.with(|p| {
            p.months
                .volumes
                .get(k)
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(i, units)| {
                    view! {
                        <td class="num" data-testid=format!("plan-{k}-{i}") data-value=format::plain(units)>
                            {format::count(units)}
                        </td>
                    }
                })
                .collect_view()
        })
    };
    let deals = move || plan.with(|p| p.months.deals.get(k).copied().unwrap_or(0.0));
    view! {
        <tr class:lead-time=move || !in_period() class:past=past>
            <th scope="row" data-testid=format!("plan-month-{k}") data-past=move || past().then_some("true")>
                {move || month().map(|m| m.to_string()).unwrap_or_default()}
            </th>
            {cells}
            <td class="num" data-testid=format!("plan-deals-{k}") data-value=move || format::plain(deals())>
                {move || format::count(deals())}
            </td>
        </tr>
    }
}
