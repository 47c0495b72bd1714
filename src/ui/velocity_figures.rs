//! Sales velocity: how much revenue the forecast pipeline closes per day and per month.

use leptos::prelude::*;

use super::figure::MaybeFigure;
use super::state::Planner;
use crate::model::format::Show;
use crate::model::monthly::DAYS_PER_MONTH;
use crate::model::wording::{self, labels};

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
    let note = move || {
        plan.with(|p| {
            let stage = planner.stage_name(p.pipeline_stage);
            let won = planner.stage_name(p.pipeline_stage + 1);
            planner.style().with(|style| {
                wording::velocity_note(style, &stage, &won, p.pipeline_days, DAYS_PER_MONTH)
            })
        })
    };
    view! {
        <dl class="key-figures">
            <div>
                <dt>{labels::velocity_figures::SALES_VELOCITY_PER_DAY}</dt>
                <dd><MaybeFigure testid="velocity-per-day" value=per_day show=Show::Money/></dd>
            </div>
            <div>
                <dt>{labels::velocity_figures::SALES_VELOCITY_PER_MONTH}</dt>
                <dd><MaybeFigure testid="velocity-per-month" value=per_month show=Show::Money/></dd>
            </div>
        </dl>
        <p class="note" data-testid="velocity-note">{Signal::derive(note)}</p>
    }
}
