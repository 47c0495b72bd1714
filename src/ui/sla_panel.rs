//! The marketing-to-sales agreement, in words both teams sign.

use leptos::prelude::*;

use crate::model::format::Show;

use super::figure::{Figure, MaybeFigure};
use super::state::Planner;
use crate::model::wording;
use crate::model::wording::labels;

/// The SLA sentence and its figures.
#[component]
pub fn SlaPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let handoff = planner.handoff();
    let per_month = Signal::derive(move || handoff.with(|h| h.per_month));
    let per_week = Signal::derive(move || handoff.with(|h| h.per_week));
    let per_rep = Signal::derive(move || handoff.with(|h| h.per_rep_week));
    let stage = move || planner.stage_name(handoff.with(|h| h.stage));
    view! {
        <section class="result-section sla" aria-labelledby="sla-heading" data-testid="sla">
            <h3 id="sla-heading">{labels::sla_panel::MARKETING_SALES_AGREEMENT}</h3>
            <p class="sla-text" data-testid="sla-sentence">
                {Signal::derive(move || handoff.with(|h| wording::sla_sentence(
                    &planner.style().read(),
                    &stage(),
                    h.per_month,
                    h.per_week,
                    h.followup_hours,
                    h.per_rep_week,
                )))}
            </p>
            <dl class="key-figures">
                <div>
                    <dt>{Signal::derive(move || format!("{} per month", stage()))}</dt>
                    <dd><Figure testid="sla-per-month" value=per_month show=Show::Count/></dd>
                </div>
                <div>
                    <dt>{Signal::derive(move || format!("{} per week", stage()))}</dt>
                    <dd><Figure testid="sla-per-week" value=per_week show=Show::Count/></dd>
                </div>
                <div>
                    <dt>{labels::sla_panel::PER_REP_PER_WEEK}</dt>
                    <dd><MaybeFigure testid="sla-per-rep-week" value=per_rep show=Show::Count/></dd>
                </div>
            </dl>
        </section>
    }
}
