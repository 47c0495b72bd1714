//! The marketing-to-sales agreement, in words both teams sign.

use leptos::prelude::*;

use super::figure::{Figure, MaybeFigure};
use super::state::Planner;
use crate::model::{format, wording};

/// The SLA sentence and its figures.
#[component]
pub fn SlaPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let (scenario, plan) = (planner.scenario, planner.plan);
    let per_month = Signal::derive(move || plan.with(|p| p.handoff.per_month));
    let per_week = Signal::derive(move || plan.with(|p| p.handoff.per_week));
    let per_rep = Signal::derive(move || plan.with(|p| p.handoff.per_rep_week));
    let stage = move || {
        plan.with(|p| scenario.with(|s| s.funnel.name(p.handoff.stage).map(ToString::to_string)))
            .unwrap_or_default()
    };
    view! {
        <section class="result-section sla" aria-labelledby="sla-heading" data-testid="sla">
            <h3 id="sla-heading">"Marketing \u{2192} sales agreement"</h3>
            <p class="sla-text" data-testid="sla-sentence">
                {Signal::derive(move || plan.with(|p| wording::sla_sentence(
                    &stage(),
                    p.handoff.per_month,
                    p.handoff.per_week,
                    p.handoff.followup_hours,
                    p.handoff.per_rep_week,
                )))}
            </p>
            <dl class="key-figures">
                <div>
                    <dt>{Signal::derive(move || format!("{} per month", stage()))}</dt>
                    <dd><Figure testid="sla-per-month" value=per_month display=format::count/></dd>
                </div>
                <div>
                    <dt>{Signal::derive(move || format!("{} per week", stage()))}</dt>
                    <dd><Figure testid="sla-per-week" value=per_week display=format::count/></dd>
                </div>
                <div>
                    <dt>"Per rep per week"</dt>
                    <dd><MaybeFigure testid="sla-per-rep-week" value=per_rep display=format::count/></dd>
                </div>
            </dl>
        </section>
    }
}
