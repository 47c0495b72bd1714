//! The sentences above the month table: when leads must be generated, which of them are
//! already late, how lags are counted, and notes on inputs the plan could not use.

use leptos::prelude::*;

use super::state::Planner;
use crate::model::monthly::DAYS_PER_MONTH;
use crate::model::{YearMonth, wording};

/// The lead window, overdue leads, the lag rule and the month notes.
#[component]
pub fn MonthSentences(
    /// The planner's state.
    planner: Planner,
    /// The current month, from the browser's calendar.
    today: YearMonth,
) -> impl IntoView {
    let (scenario, months) = (planner.scenario, planner.months());
    let sentence = move || {
        months.with(|m| {
            scenario.with(|s| {
                wording::lead_window_sentence(
                    &planner.stage_name(m.lead_stage),
                    s.period,
                    s.timing.start,
                    m.lead_window,
                )
            })
        })
    };
    let overdue = move || {
        months.with(|m| {
            m.overdue_lead_months(today)
                .map(|count| wording::overdue_sentence(&planner.stage_name(m.lead_stage), count))
        })
    };
    let notes = move || {
        months.with(|m| {
            let mut notes = Vec::new();
            if m.season_ignored {
                notes.push(wording::SEASON_ALL_ZERO.to_owned());
            }
            if let Some(mismatch) = m.stage_days_mismatch {
                let won = scenario.with(|s| s.funnel.stage_count() - 1);
                notes.push(wording::step_count_sentence(
                    mismatch,
                    &planner.stage_name(m.lead_stage),
                    &planner.stage_name(won),
                ));
            }
            notes.join(" ")
        })
    };
    view! {
        <p class="sentence strong" data-testid="lead-window">{Signal::derive(sentence)}</p>
        {move || overdue().map(|text| view! { <p class="sentence overdue" data-testid="overdue-leads">{text}</p> })}
        <p class="hint">
            {wording::month_table_help(DAYS_PER_MONTH)}
        </p>
        <p class="field-error" data-testid="month-notes">{Signal::derive(notes)}</p>
    }
}
