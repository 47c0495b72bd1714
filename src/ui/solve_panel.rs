//! What would it take: given the most marketing can deliver at its lead stage, the value each
//! lever alone would need, with a button that applies it.

use leptos::prelude::*;

use super::field_input::FieldInput;
use super::rows::rows;
use super::state::Planner;
use crate::model::format::{self, Show};
use crate::model::levers::{self, Lever, Solve};
use crate::model::wording::labels::solve_panel as words;
use crate::model::wording::levers as wording;
use crate::model::{Edit, Field, Scenario};

/// The limit field, a sentence, and one row per lever with its needed value.
#[component]
pub fn SolvePanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let solve = Memo::new(move |_| {
        planner
            .scenario
            .with(|s| s.costs.lead_limit.map(|limit| levers::solve(s, limit)))
    });
    let count = Memo::new(move |_| solve.with(|s| s.as_ref().map_or(0, |s| s.solutions.len())));
    let lead = move || planner.lead_stage_name();
    let style = planner.style();
    let sentence = move || {
        solve.with(|solve| {
            style.with(|style| match solve {
                Some(solve) => wording::solve_sentence(
                    style,
                    solve.leads,
                    Some(solve.limit),
                    solve.fits,
                    &lead(),
                ),
                None => wording::solve_sentence(style, 0.0, None, false, &lead()),
            })
        })
    };
    view! {
        <section class="result-section solve" aria-labelledby="solve-heading" data-testid="solve">
            <h3 id="solve-heading">{words::WHAT_WOULD_IT_TAKE}</h3>
            <div class="field-grid">
                <FieldInput planner field=Field::Limit/>
            </div>
            <p class="sentence" data-testid="limit-sentence">{sentence}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=words::EACH_LEVER_ALONE>
            <table class="results" data-testid="limit-table">
                <caption>{words::EACH_LEVER_ALONE}</caption>
                <thead>
                    <tr>
                        <th scope="col">{words::LEVER}</th>
                        <th scope="col" class="num">{words::NOW}</th>
                        <th scope="col" class="num">{words::NEEDED}</th>
                        <th scope="col"><span class="visually-hidden">{words::APPLY}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {rows(count, move |index| view! { <SolveRow planner solve index/> }.into_any())}
                </tbody>
            </table>
            </div>
        </section>
    }
}

/// The lever's value in the plan now, in the units its needed value is shown in.
fn current(scenario: &Scenario, lever: Lever) -> f64 {
    match lever {
        Lever::Rate(i) => scenario
            .funnel
            .rate_into(i)
            .map_or(0.0, |r| r.fraction() * 100.0),
        Lever::DealSize => scenario.deal_size.to_f64(),
        Lever::Traffic => scenario.traffic.units(),
        Lever::Share => scenario.marketing_share.fraction() * 100.0,
    }
}

/// One lever: its value now, the value needed, and a button that applies it.
#[component]
fn SolveRow(
    /// The planner's state.
    planner: Planner,
    /// The solved levers.
    solve: Memo<Option<Solve>>,
    /// The row's position.
    index: usize,
) -> impl IntoView {
    let solution = Memo::new(move |_| {
        solve.with(|s| s.as_ref().and_then(|s| s.solutions.get(index).cloned()))
    });
    let style = planner.style();
    // Read three times (`data-name`, the header, the button's label), worked out once.
    let name = Memo::new(move |_| {
        solution.with(|s| {
            s.as_ref()
                .map(|s| wording::lever_name(s.lever, |i| planner.stage_name(i)))
                .unwrap_or_default()
        })
    });
    let cells = move || {
        solution.with(|s| {
            let s = s.as_ref()?;
            let now = planner.scenario.with(|scenario| current(scenario, s.lever));
            Some(style.with(|style| {
                let now = match s.lever {
                    Lever::DealSize => Show::MoneyCents.full(style, now),
                    _ => style.percent(now / 100.0),
                };
                (now, wording::needed_text(style, s))
            }))
        })
    };
    let needed = move || solution.with(|s| s.as_ref().and_then(|s| s.needed).map(format::plain));
    let reachable = move || solution.with(|s| s.as_ref().map(|s| s.setting.is_some().to_string()));
    let apply = move |_| {
        if let Some(setting) = solution.with_untracked(|s| s.as_ref().and_then(|s| s.setting)) {
            planner.edit(Edit::Apply(setting));
        }
    };
    view! {
        <tr data-testid=format!("solve-{index}") data-name=name data-value=needed data-reachable=reachable>
            <th scope="row">{name}</th>
            {move || {
                let (now, needed) = cells().unwrap_or_default();
                view! {
                    <td class="num">{now}</td>
                    <td class="num">{needed}</td>
                }
            }}
            <td>
                <button
                    type="button"
                    data-testid=format!("apply-{index}")
                    disabled=move || solution.with(|s| s.as_ref().is_none_or(|s| s.setting.is_none()))
                    aria-label=move || format!("{} {}", words::APPLY, name.get())
                    on:click=apply
                >
                    {words::APPLY}
                </button>
            </td>
        </tr>
    }
}
