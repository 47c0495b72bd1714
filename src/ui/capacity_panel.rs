//! Team capacity against the new-business target.

use leptos::prelude::*;

use crate::model::format::Show;

use super::figure::{Figure, MaybeFigure};
use super::state::Planner;
use crate::model::wording;

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
            <h3 id="capacity-heading">"Team capacity"</h3>
            <dl class="key-figures">
                <div>
                    <dt>"Ramped reps"</dt>
                    <dd><Figure testid="ramped-reps" value=ramped show=Show::TwoDecimals/></dd>
                    <dd class="note">"\u{3a3} reps \u{d7} ramp"</dd>
                </div>
                <div>
                    <dt>"Capacity"</dt>
                    <dd><Figure testid="capacity" value=total show=Show::Money/></dd>
                    <dd class="note">"ramped reps \u{d7} quota per rep \u{d7} attainment"</dd>
                </div>
                <div class:short={move || gap.get() > 0.5}>
                    <dt>"Capacity gap"</dt>
                    <dd><Figure testid="capacity-gap" value=gap show=Show::Money/></dd>
                    <dd class="note">"target \u{2212} capacity"</dd>
                </div>
                <div>
                    <dt>"More reps needed"</dt>
                    <dd><MaybeFigure testid="reps-short" value=reps_short show=Show::Count/></dd>
                </div>
            </dl>
            <p class="sentence" data-testid="capacity-sentence">
                {Signal::derive(move || wording::capacity_sentence(&planner.style().read(), gap.get(), reps_short.get()))}
            </p>
        </section>
    }
}
