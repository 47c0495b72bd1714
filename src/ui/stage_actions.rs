//! The buttons beside a stage: move up, move down, remove. Focus follows the moved stage.

use leptos::prelude::*;

use super::state::Planner;
use crate::browser::focus::focus_later;
use crate::model::Edit;
use crate::model::wording::{self, labels};

/// Move-up, move-down and remove buttons for stage `index`, labelled with the stage's name.
#[component]
pub fn StageActions(
    /// The planner's state.
    planner: Planner,
    /// The stage's position, 0 = top.
    index: usize,
    /// The stage's name, for the buttons' accessible labels.
    name: Memo<String>,
    /// How many stages the funnel has.
    count: Memo<usize>,
) -> impl IntoView {
    let move_up = move |_: leptos::ev::MouseEvent| {
        if planner
            .form
            .with_untracked(|f| index > 0 && index < f.stages().len())
        {
            planner.edit(Edit::MoveStageUp(index));
            let to = index - 1;
            focus_later(if to == 0 {
                "stage-down-0".to_owned()
            } else {
                format!("stage-up-{to}")
            });
        }
    };
    let move_down = move |_: leptos::ev::MouseEvent| {
        let last = count.get_untracked().saturating_sub(1);
        if index < last {
            planner.edit(Edit::MoveStageDown(index));
            let to = index + 1;
            focus_later(if to == last {
                format!("stage-up-{to}")
            } else {
                format!("stage-down-{to}")
            });
        }
    };
    let remove = move |_: leptos::ev::MouseEvent| {
        if count.get_untracked() > 2 {
            planner.edit(Edit::RemoveStage(index));
            let left = count.get_untracked();
            focus_later(format!("stage-name-{}", index.min(left.saturating_sub(1))));
        }
    };

    view! {
        <div class="stage-actions">
                <button
                    type="button"
                    data-testid=format!("stage-up-{index}")
                    aria-label=move || wording::row_names::move_up(&name.get())
                    title=labels::stage_actions::MOVE_UP
                    disabled=move || index == 0
                    on:click=move_up
                >"\u{2191}"</button>
                <button
                    type="button"
                    data-testid=format!("stage-down-{index}")
                    aria-label=move || wording::row_names::move_down(&name.get())
                    title=labels::stage_actions::MOVE_DOWN
                    disabled={move || index + 1 >= count.get()}
                    on:click=move_down
                >"\u{2193}"</button>
                <button
                    type="button"
                    data-testid=format!("stage-remove-{index}")
                    aria-label=move || wording::row_names::remove_stage(&name.get())
                    title=labels::stage_actions::REMOVE
                    disabled={move || count.get() <= 2}
                    on:click=remove
                >"\u{2715}"</button>
            </div>
    }
}
