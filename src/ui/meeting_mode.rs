//! Meeting mode: the plan in large type for a room, with the key assumptions as steppers the
//! room can try, and the change each try makes against the plan the meeting started with.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::funnel_chart::funnel_canvas;
use super::state::Planner;
use crate::chart::funnel::FunnelChart;
use crate::model::format::{self, Show};
use crate::model::levers;
use crate::model::steps::{self, Knob};
use crate::model::wording::labels::meeting_mode as words;
use crate::model::wording::{self, levers as lever_words, meeting};
use crate::model::{Edit, Field, FieldKey};

/// Meeting mode's view, shown while `planner.present` holds. The P key (outside a field)
/// starts it, Esc leaves it.
#[component]
pub fn MeetingMode(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let present = planner.present;
    let _ = window_event_listener(leptos::ev::keydown, move |event| {
        let typing = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| {
                matches!(element.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
            });
        let plain = !(event.ctrl_key() || event.meta_key() || event.alt_key());
        if event.key() == "Escape" && present.get_untracked() {
            event.prevent_default();
            present.set(false);
        } else if matches!(event.key().as_str(), "p" | "P")
            && plain
            && !typing
            && !present.get_untracked()
        {
            event.prevent_default();
            present.set(true);
        }
    });
    super::shown::shown(
        move || present.get(),
        move || view! { <Meeting planner/> }.into_any(),
    )
}

/// The meeting view itself: built when meeting mode starts, so "before" is the plan then,
/// until the room chooses to compare from the plan as it stands.
#[component]
fn Meeting(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let (scenario, style) = (planner.scenario, planner.style());
    let headline = Memo::new(move |_| {
        let lead = planner.budget().with(|b| b.lead_stage);
        planner
            .stages()
            .with(|s| s.get(lead).map_or(0.0, |s| s.marketing))
    });
    let before = RwSignal::new(headline.get_untracked());
    let lead = Memo::new(move |_| planner.lead_stage_name());
    let change = move || headline.get() - before.get();
    let (names, stages) = (planner.names(), planner.stages());
    let chart = Memo::new(move |_| {
        names.with(|names| stages.with(|stages| FunnelChart::of_plan(names, stages, true)))
    });
    let handoff = planner.handoff();
    let sla = move || {
        handoff.with(|h| {
            style.with(|style| {
                wording::sla_sentence(
                    style,
                    &planner.stage_name(h.stage),
                    h.per_month,
                    h.per_week,
                    h.followup_hours,
                    h.per_rep_week,
                )
            })
        })
    };
    let top_levers = move || {
        let sensitivity = scenario.with(levers::sensitivity);
        style.with(|style| {
            sensitivity
                .effects
                .iter()
                .take(3)
                .map(|e| {
                    let name = lever_words::lever_name(e.lever, |i| planner.stage_name(i));
                    let fewer = lever_words::fewer_text(style, e.leads_fewer);
                    view! { <li>{meeting::lever_line(&name, &lever_words::change_text(style, e.lead_change), &fewer)}</li> }
                })
                .collect_view()
        })
    };
    let rates = Memo::new(move |_| scenario.with(|s| s.funnel.stage_count()));
    view! {
        <div class="meeting" role="dialog" aria-modal="true" aria-labelledby="meeting-heading" data-testid="meeting">
            <div class="meeting-top">
                <h2 id="meeting-heading">{words::MEETING}</h2>
                <button type="button" class="secondary" data-testid="leave-meeting"
                    on:click=move |_| planner.present.set(false)>{words::LEAVE}</button>
            </div>
            <div class="meeting-grid">
                <div class="meeting-headline">
                    <p class="headline-label">{move || scenario.with(|s| wording::headline_label(s.period))}</p>
                    <p class="meeting-value">
                        <span data-testid="meeting-headline" data-value=move || format::plain(headline.get())>
                            {move || style.with(|style| Show::Count.full(style, headline.get()))}
                        </span>
                        " "
                        <span class="headline-unit">{move || lead.get()}</span>
                    </p>
                    <p class="meeting-change" data-testid="meeting-change" data-value=move || format::plain(change())>
                        {move || style.with(|style| meeting::change_text(style, change(), &lead.get()))}
                    </p>
                    <button type="button" class="secondary" data-testid="meeting-rebase"
                        disabled=move || meeting::is_no_change(change())
                        on:click=move |_| before.set(headline.get_untracked())>{words::COMPARE_FROM_HERE}</button>
                    <p class="meeting-sla" data-testid="meeting-sla">{sla}</p>
                    <h3>{words::TOP_LEVERS}</h3>
                    <ol class="meeting-levers" data-testid="meeting-levers">{top_levers}</ol>
                </div>
                <div class="meeting-chart">
                    {funnel_canvas(planner, "meeting-chart-funnel", chart, 2)}
                </div>
            </div>
            <h3>{words::TRY}</h3>
            <p class="hint">{words::TRY_HINT}</p>
            <div class="steppers">
                <Stepper planner knob=Knob::Deal/>
                {move || (1..rates.get()).map(|i| view! { <Stepper planner knob=Knob::Rate(i)/> }).collect_view()}
            </div>
        </div>
    }
}

/// One key assumption as a stepper: − and + buttons around its value; the arrow keys step it
/// while it has focus.
#[component]
fn Stepper(
    /// The planner's state.
    planner: Planner,
    /// The assumption.
    knob: Knob,
) -> impl IntoView {
    let (scenario, style) = (planner.scenario, planner.style());
    let key = match knob {
        Knob::Deal => FieldKey::Field(Field::Deal),
        Knob::Rate(i) => FieldKey::StageRate(i),
    };
    let testid = match knob {
        Knob::Deal => "stepper-deal".to_owned(),
        Knob::Rate(i) => format!("stepper-stage-rate-{i}"),
    };
    let name = move || match knob {
        Knob::Deal => words::DEAL_SIZE.to_owned(),
        Knob::Rate(i) => lever_words::lever_name(levers::Lever::Rate(i), |s| planner.stage_name(s)),
    };
    let value = move || {
        scenario.with(|s| {
            style.with(|style| match knob {
                Knob::Deal => style.amount(s.deal_size),
                Knob::Rate(i) => s
                    .funnel
                    .rate_into(i)
                    .map(|rate| style.percent_text(&rate.percent_plain()))
                    .unwrap_or_default(),
            })
        })
    };
    let step = move |up: bool| {
        if let Some(text) = scenario.with_untracked(|s| steps::stepped(s, knob, up)) {
            planner.edit(Edit::Type(key, text));
            planner.edit(Edit::Commit(key));
        }
    };
    let keys = move |event: leptos::ev::KeyboardEvent| {
        if let Some(up) = crate::browser::focus::arrow_step(&event.key()) {
            event.prevent_default();
            step(up);
        }
    };
    let can = move |up: bool| scenario.with(|s| steps::stepped(s, knob, up).is_some());
    view! {
        <div class="stepper" role="group" tabindex="0" data-testid=testid on:keydown=keys
            aria-label=move || meeting::stepper_label(&name(), &value())>
            <span class="stepper-name">{name}</span>
            <button type="button" tabindex="-1" aria-label=move || meeting::step_label(&name(), false)
                disabled=move || !can(false) on:click=move |_| step(false)>{words::MINUS}</button>
            <span class="stepper-value" aria-live="polite">{value}</span>
            <button type="button" tabindex="-1" aria-label=move || meeting::step_label(&name(), true)
                disabled=move || !can(true) on:click=move |_| step(true)>{words::PLUS}</button>
        </div>
    }
}
