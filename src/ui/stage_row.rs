//! One funnel stage in the editor: its name, its rate, and buttons to move or remove it.

use leptos::prelude::*;

use super::field_input::KeyInput;
use super::stage_actions::StageActions;
use super::state::Planner;
use crate::model::FieldKey;
use crate::model::wording::{self, labels};

/// One stage's row. Rows are keyed by position: moving a stage moves its text between rows.
#[component]
pub fn StageRow(
    /// The planner's state.
    planner: Planner,
    /// The stage's position, 0 = top.
    index: usize,
) -> impl IntoView {
    let count = planner.stage_count();
    let name = Memo::new(move |_| planner.stage_name(index));
    let rate = FieldKey::StageRate(index);
    // From the names alone, so an edit of a rate does not rebuild the label.
    let rate_label =
        Memo::new(move |_| rate.label_with(|i| planner.stage_name(i), |_| String::new()));
    view! {
        <li class="stage-row" data-testid=format!("stage-{index}")>
            <span class="stage-number" aria-hidden="true">{index + 1}</span>
            <KeyInput
                planner
                key=FieldKey::StageName(index)
                label=wording::row_names::stage_name(index)
                numeric=false
                compact=true
            />
            {if index == 0 {
                view! { <p class="stage-top">{labels::stage_row::TOP_OF_FUNNEL}</p> }.into_any()
            } else {
                view! { <KeyInput planner key=rate label=rate_label unit="%" compact=true/> }
                    .into_any()
            }}
            <StageActions planner index name=name count=count/>
        </li>
    }
}
