//! One funnel stage in the editor: its name, its rate, and buttons to move or remove it.

use leptos::prelude::*;

use super::field_input::KeyInput;
use super::shown::shown;
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
    /// Whether each rate's low and high are shown beside it.
    ranges: RwSignal<bool>,
) -> impl IntoView {
    let count = planner.stage_count();
    let name = Memo::new(move |_| planner.stage_name(index));
    let rate = FieldKey::StageRate(index);
    // From the names alone, so an edit of a rate does not rebuild the label.
    let rate_label =
        Memo::new(move |_| rate.label_with(|i| planner.stage_name(i), |_| String::new()));
    let range_label = move |key: FieldKey| {
        Memo::new(move |_| key.label_with(|i| planner.stage_name(i), |_| String::new()))
    };
    let (low, high) = (FieldKey::StageLow(index), FieldKey::StageHigh(index));
    let (low_label, high_label) = (range_label(low), range_label(high));
    let range = move || {
        view! {
            <div class="stage-range">
                <span class="range-word" aria-hidden="true">{labels::stage_row::LOW}</span>
                <KeyInput planner key=low label=low_label unit="%" compact=true/>
                <span class="range-word" aria-hidden="true">{labels::stage_row::HIGH}</span>
                <KeyInput planner key=high label=high_label unit="%" compact=true/>
            </div>
        }
        .into_any()
    };
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
            {(index > 0).then(|| shown(move || ranges.get(), range))}
        </li>
    }
}
