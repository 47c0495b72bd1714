//! The funnel stage list: 2 to 20 stages, top first, the last being closed-won deals.

use leptos::prelude::*;

use super::check_box::CheckBox;
use super::rows::rows;
use super::stage_row::StageRow;
use super::state::Planner;
use crate::browser::focus::focus_later;
use crate::model::wording::{self, labels};
use crate::model::{Edit, Funnel};

/// The editable list of stages with an Add stage button.
#[component]
pub fn StageEditor(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let count = planner.stage_count();
    // Low–high ranges beside each rate: shown when the plan has any, or on request.
    let ranges =
        RwSignal::new(planner.scenario.with_untracked(|s| {
            (1..s.funnel.stage_count()).any(|i| s.funnel.bounds_into(i).is_set())
        }));
    let add = move |_: leptos::ev::MouseEvent| {
        let index = count.get_untracked().saturating_sub(1);
        if count.get_untracked() < Funnel::MAX_STAGES {
            planner.edit(Edit::AddStage);
            focus_later(format!("stage-name-{index}"));
        }
    };
    view! {
        <section class="panel" aria-labelledby="stages-heading">
            <h2 id="stages-heading">{labels::stage_editor::FUNNEL_STAGES}</h2>
            <p class="hint">{wording::STAGES_HELP}</p>
            <CheckBox testid="show-ranges" checked=ranges label=labels::stage_editor::SHOW_RANGES/>
            <ol class="stages">
                {rows(count, move |index| view! { <StageRow planner index ranges/> }.into_any())}
            </ol>
            <button
                type="button"
                class="secondary"
                data-testid="stage-add"
                disabled={move || count.get() >= Funnel::MAX_STAGES}
                on:click=add
            >{labels::stage_editor::ADD_STAGE}</button>
            <span class="hint">
                {Signal::derive(move || format!("{} of at most {} stages", count.get(), Funnel::MAX_STAGES))}
            </span>
        </section>
    }
}
