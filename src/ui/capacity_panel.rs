//! Team capacity against the new-business target.

use leptos::prelude::*;

use crate::model::format::Show;

use super::figure::{Figure, MaybeFigure};
use super::state::Planner;
use crate::model::wording;
use crate::model::wording::labels;

/// Capacity, the gap to the target, and how many more reps that is.
#[component]
pub fn CapacityPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let capacity = planner.capacity();
    let total = Signal::derive(move || capacity.with(|c| c.capacity));
    let ramped = Signal::derive(move || capacity.with(|c| c.ramped_reps));
    let gap = Signal::derive(move || capacity.with(|c| c.gap));
    let reps_short = Signal::derive(move || capacity.with(|c| c.reps_short));
    view! {
        <section class="result-section" aria-labelledby="capacity-heading">
            <h3 id="capacity-heading">{labels::capacity_panel::TEAM_CAPACITY}</h3>
            <dl class="key-figures">
                <div>
                    <dt>{labels::capacity_panel::RAMPED_REPS}</dt>
                    <dd><Figure testid="ramped-reps" value=ramped show=Show::TwoDecimals/></dd>
                    <dd class="note">{labels::capacity_panel::REPS_RAMP}</dd>
                </div>
                <div>
                    <dt>{labels::capacity_panel::CAPACITY}</dt>
                    <dd><Figure testid="capacity" value=total show=Show::Money/></dd>
                    <dd class="note">{labels::capacity_panel::RAMPED_REPS_QUOTA_PER_REP}</dd>
                </div>
                <div class:short={move || gap.get() > 0.5}>
                    <dt>{labels::capacity_panel::CAPACITY_GAP}</dt>
                    <dd><Figure testid="capacity-gap" value=gap show=Show::Money/></dd>
                    <dd class="note">{labels::capacity_panel::TARGET_CAPACITY}</dd>
                </div>
                <div>
                    <dt>{labels::capacity_panel::MORE_REPS_NEEDED}</dt>
                    <dd><MaybeFigure testid="reps-short" value=reps_short show=Show::Count/></dd>
                </div>
            </dl>
            <p class="sentence" data-testid="capacity-sentence">
                {Signal::derive(move || wording::capacity_sentence(&planner.style().read(), gap.get(), reps_short.get()))}
            </p>
        </section>
    }
}
