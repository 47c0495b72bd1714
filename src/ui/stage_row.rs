//! One funnel stage in the editor: its name, its rate, and buttons to move or remove it.

use leptos::prelude::*;

use super::form_field::still_using;
use super::number_field::InputField;
use super::stage_actions::StageActions;
use super::state::Planner;
use crate::model::{Form, StageEntry};

/// Reads something from stage `index` of the form, or a default while the row is going away.
fn read_stage<T: Default>(form: &Form, index: usize, read: impl FnOnce(&StageEntry) -> T) -> T {
    form.stages().get(index).map(read).unwrap_or_default()
}

/// One stage's row. Rows are keyed by position: moving a stage moves its text between rows.
#[component]
pub fn StageRow(
    /// The planner's state.
    planner: Planner,
    /// The stage's position, 0 = top.
    index: usize,
) -> impl IntoView {
    let form = planner.form;
    let count = Memo::new(move |_| form.with(|form| form.stages().len()));
    let name =
        Memo::new(move |_| form.with(|f| read_stage(f, index, |s| s.name.value.to_string())));
    let name_text =
        Signal::derive(move || form.with(|f| read_stage(f, index, |s| s.name.text.clone())));
    let name_error = Signal::derive(move || {
        form.with(|f| {
            read_stage(f, index, |s| {
                still_using(&s.name, |n| format!("\u{201c}{n}\u{201d}"))
            })
        })
    });
    let above = Memo::new(move |_| {
        form.with(|f| {
            index
                .checked_sub(1)
                .map(|i| read_stage(f, i, |s| s.name.value.to_string()))
        })
    });
    let rate_text = Signal::derive(move || {
        form.with(|f| {
            read_stage(f, index, |s| s.rate.as_ref().map(|r| r.text.clone())).unwrap_or_default()
        })
    });
    let rate_error = Signal::derive(move || {
        form.with(|f| {
            read_stage(f, index, |s| {
                s.rate
                    .as_ref()
                    .and_then(|rate| still_using(rate, |r| format!("{} %", r.percent_plain())))
            })
        })
    });

    view! {
        <li class="stage-row" data-testid=format!("stage-{index}")>
            <span class="stage-number" aria-hidden="true">{index + 1}</span>
            <InputField
                label=format!("Stage {} name", index + 1)
                testid=format!("stage-name-{index}")
                text=name_text
                error=name_error
                numeric=false
                compact=true
                on_input=Callback::new(move |text: String| planner.edit(|form| form.set_stage_name(index, &text)))
            />
            {if index == 0 {
                view! { <p class="stage-top">"Top of funnel"</p> }.into_any()
            } else {
                view! {
                    <InputField
                        label=Signal::derive(move || {
                            format!("Conversion rate from {} to {}", above.get().unwrap_or_default(), name.get())
                        })
                        testid=format!("stage-rate-{index}")
                        text=rate_text
                        error=rate_error
                        unit="%"
                        compact=true
                        on_input=Callback::new(move |text: String| planner.edit(|form| form.set_stage_rate(index, &text)))
                    />
                }.into_any()
            }}
            <StageActions planner index name=name count=count/>
        </li>
    }
}
