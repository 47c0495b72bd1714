//! The sales team's cohorts as rows: how many reps, at what ramp. The rows edit the `reps`
//! field's text, so the field, the link and storage stay one declaration.

use leptos::prelude::*;

use super::state::Planner;
use crate::browser::focus::focus_later;
use crate::model::reps::{MAX_COHORTS, join_cohorts, split_cohorts};
use crate::model::wording::{self, labels};
use crate::model::{Edit, Field, FieldKey};

/// Each cohort's count and ramp texts, as typed.
type Rows = Vec<(String, String)>;

/// The `reps` field's cohorts, one row each, with add and remove buttons.
#[component]
pub fn CohortEditor(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let key = FieldKey::Field(Field::Reps);
    let rows = Memo::new(move |_| {
        planner.form.with(|form| {
            form.text(key)
                .map(|t| split_cohorts(&t.text))
                .unwrap_or_default()
        })
    });
    let count = Memo::new(move |_| rows.with(Vec::len));
    let add = move |_: leptos::ev::MouseEvent| {
        let index = count.get_untracked();
        rewrite(planner, rows, &|cohorts| {
            cohorts.push(("1".to_owned(), "50".to_owned()));
        });
        planner.commit(key);
        focus_later(format!("reps-count-{index}"));
    };
    view! {
        <div class="cohorts">
            <div class="table-scroll" tabindex="0" role="region" aria-label=labels::cohort_editor::COHORTS_BY_RAMP>
            <table class="results cohort-table">
                <caption>{labels::cohort_editor::COHORTS_BY_RAMP}</caption>
                <thead>
                    <tr>
                        <th scope="col">{labels::cohort_editor::REPS}</th>
                        <th scope="col">{labels::cohort_editor::RAMP}</th>
                        <th scope="col"><span class="visually-hidden">{labels::cohort_editor::REMOVE}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {super::rows::rows(count, move |index| view! { <CohortRow planner rows index/> }.into_any())}
                </tbody>
            </table>
            </div>
            <button
                type="button"
                class="secondary"
                data-testid="reps-add"
                disabled={move || count.get() >= MAX_COHORTS}
                on:click=add
            >{labels::cohort_editor::ADD_RAMPING_COHORT}</button>
        </div>
    }
}

/// Rewrites the `reps` field's text from its cohort rows after `change`.
fn rewrite(planner: Planner, rows: Memo<Rows>, change: &dyn Fn(&mut Rows)) {
    let mut cohorts = rows.get_untracked();
    change(&mut cohorts);
    planner.edit(Edit::Type(
        FieldKey::Field(Field::Reps),
        join_cohorts(&cohorts),
    ));
}

/// One cohort: its reps and ramp, and a remove button.
#[component]
fn CohortRow(
    /// The planner's state.
    planner: Planner,
    /// Every cohort's texts.
    rows: Memo<Rows>,
    /// The cohort's position.
    index: usize,
) -> impl IntoView {
    let key = FieldKey::Field(Field::Reps);
    let count = Memo::new(move |_| rows.with(Vec::len));
    let cell = move |ramp: bool| {
        rows.with(|r| {
            r.get(index)
                .map(|(c, p)| if ramp { p.clone() } else { c.clone() })
                .unwrap_or_default()
        })
    };
    let set = move |ramp: bool, text: String| {
        rewrite(planner, rows, &|cohorts| {
            if let Some(row) = cohorts.get_mut(index) {
                if ramp {
                    row.1.clone_from(&text);
                } else {
                    row.0.clone_from(&text);
                }
            }
        });
    };
    let cell_input = move |ramp: bool| {
        let (testid, placeholder) = if ramp {
            ("reps-ramp", "100")
        } else {
            ("reps-count", "")
        };
        view! {
            <input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                placeholder=placeholder
                data-testid=format!("{testid}-{index}")
                aria-label=wording::row_names::cohort_cell(index, ramp)
                prop:value=move || cell(ramp)
                on:input=move |event| set(ramp, event_target_value(&event))
                on:blur=move |_| planner.commit(key)
            />
        }
    };
    view! {
        <tr>
            <td>{cell_input(false)}</td>
            <td>{cell_input(true)}</td>
            <td>
                <button
                    type="button"
                    data-testid=format!("reps-remove-{index}")
                    aria-label=wording::row_names::remove_cohort(index)
                    title=labels::cohort_editor::REMOVE
                    disabled={move || count.get() <= 1}
                    on:click=move |_| {
                        rewrite(planner, rows, &|cohorts| {
                            if cohorts.len() > 1 {
                                cohorts.remove(index);
                            }
                        });
                        planner.commit(key);
                        focus_later("reps-add".to_owned());
                    }
                >"\u{2715}"</button>
            </td>
        </tr>
    }
}
