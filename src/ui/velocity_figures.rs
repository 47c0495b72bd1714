//! Sales velocity: how much revenue the forecast pipeline closes per day and per month.

use leptos::prelude::*;

use super::figure::MaybeFigure;
use super::state::Planner;
use crate::model::format::Show;
use crate::model::monthly::DAYS_PER_MONTH;

/// Sales velocity per day and per month, with how it is computed; a dash when the stage above
/// Won takes 0 days to close.
#[component]
pub fn VelocityFigures(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let plan = planner.plan;
    let per_day = Signal::derive(move || plan.with(|p| p.velocity_per_day));
    let per_month = Signal::derive(move || plan.with(|p| p.velocity_per_month));
    let note =
        move || {
            plan.with(|p| {
            let stage = planner.stage_name(p.pipeline_stage);
            let won = planner.stage_name(p.pipeline_stage + 1);
            if p.pipeline_days > 0.0 {
                format!(
                    "Forecast {stage} \u{d7} their rate to {won} \u{d7} deal size \u{f7} {} days \
                     from {stage} to {won}. Per month = per day \u{d7} {DAYS_PER_MONTH}.",
                    planner.style().with(|style| style.one_decimal(p.pipeline_days)),
                )
            } else {
                format!(
                    "Needs the days from {stage} to {won}: set a sales cycle or days per stage."
                )
            }
        })
        };
    view! {
        <dl class="key-figures">
            <div>
                <dt>"Sales velocity per day"</dt>
                <dd><MaybeFigure testid="velocity-per-day" value=per_day show=Show::Money/></dd>
            </div>
            <div>
                <dt>"Sales velocity per month"</dt>
                <dd><MaybeFigure testid="velocity-per-month" value=per_month show=Show::Money/></dd>
            </div>
        </dl>
        <p class="note" data-testid="velocity-note">{Signal::derive(note)}</p>
    }
}
