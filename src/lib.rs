//! Funnel Planner: from a revenue quota to the volume every funnel stage needs.
//!
//! - [`model`]: the planning math and input rules, pure Rust.
//! - [`codec`]: links and saved plans, text to validated model, pure Rust.
//! - [`chart`]: the charts, drawn over any plotters backend, pure Rust.
//! - [`browser`]: storage, address bar, clipboard; thin web-sys wrappers.
//! - [`ui`]: Leptos components, one per file.
//!
//! [`App`] is the whole page; `main.rs` only mounts it.

pub mod browser;
pub mod chart;
pub mod codec;
pub mod model;
pub mod ui;

use leptos::prelude::*;

use crate::codec::opening;
use crate::model::wording::labels;
use crate::ui::actuals_panel::ActualsPanel;
use crate::ui::budget_panel::BudgetPanel;
use crate::ui::capacity_panel::CapacityPanel;
use crate::ui::chart_canvas::Dark;
use crate::ui::compare_view::CompareView;
use crate::ui::costs_panel::CostsPanel;
use crate::ui::funnel_chart::FunnelChartPanel;
use crate::ui::handoff_panel::HandoffPanel;
use crate::ui::handout::Handout;
use crate::ui::headline::Headline;
use crate::ui::lever_table::LeverTable;
use crate::ui::meeting_mode::MeetingMode;
use crate::ui::month_table::MonthTable;
use crate::ui::notice_area::NoticeArea;
use crate::ui::period_panel::PeriodPanel;
use crate::ui::plan_summary::PlanSummary;
use crate::ui::preset_picker::PresetPicker;
use crate::ui::results_table::ResultsTable;
use crate::ui::rounding_choice::RoundingChoice;
use crate::ui::scenario_bar::ScenarioBar;
use crate::ui::share_link::ShareLink;
use crate::ui::shown::shown;
use crate::ui::sla_panel::SlaPanel;
use crate::ui::solve_panel::SolvePanel;
use crate::ui::stage_costs_table::StageCostsTable;
use crate::ui::stage_editor::StageEditor;
use crate::ui::state::Planner;
use crate::ui::table_export::StageTableExport;
use crate::ui::targets_panel::TargetsPanel;
use crate::ui::team_panel::TeamPanel;
use crate::ui::theme_toggle::ThemeToggle;
use crate::ui::timing_panel::TimingPanel;
use crate::ui::uncertainty_inputs::UncertaintyInputs;
use crate::ui::uncertainty_panel::UncertaintyPanel;
use crate::ui::undo_buttons::UndoButtons;
use crate::ui::update_prompt::UpdatePrompt;

/// The planner page: inputs on one side, the plan on the other. The plan comes first in the
/// page, so that a phone shows the headline and the stage table on its first screen; on wider
/// screens the grid puts the inputs in the left column.
#[component]
pub fn App() -> impl IntoView {
    let planner = Planner::new(opening::resolve(
        &browser::address::current_params(),
        browser::storage::load(),
        browser::locale::local(),
        browser::clock::day_of_month(),
    ));
    ui::figure::provide_style(planner.style());
    // Light or dark: the remembered choice, else the system's, followed as it changes.
    let dark =
        RwSignal::new(browser::theme::remembered().unwrap_or_else(browser::theme::system_dark));
    browser::theme::on_system_change(move |system| {
        if browser::theme::remembered().is_none() {
            dark.set(system);
        }
    });
    provide_context(Dark(dark.into()));
    // A link pasted into the address bar of an open page arrives as a hash change.
    let _ = window_event_listener(leptos::ev::hashchange, move |event| {
        planner.follow_address(&event.new_url());
    });
    // Another tab saved: its changes are merged in, so neither tab overwrites the other.
    let _ = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() == Some(browser::storage::WORKSPACE_KEY) {
            planner.other_tab_saved();
        }
    });
    // The headline and the stage table mount first; everything else (charts, levers, the
    // draws, the inputs) a frame later, so the first result is on screen sooner.
    let later = RwSignal::new(false);
    request_animation_frame(move || later.set(true));
    let after_first =
        move |part: fn(Planner) -> AnyView| shown(move || later.get(), move || part(planner));
    view! {
        <header class="top" inert=move || planner.present.get()>
            <div>
                <h1>{labels::app::FUNNEL_PLANNER}</h1>
                <p class="tagline">{labels::app::HOW_MANY_LEADS_MUST_MARKETING}</p>
            </div>
            <div class="top-actions">
                <UndoButtons planner/>
                <button type="button" class="secondary" data-testid="present"
                    on:click=move |_| planner.present.set(true)>{labels::meeting_mode::PRESENT}</button>
                <ThemeToggle dark/>
                <ShareLink planner/>
            </div>
        </header>
        <UpdatePrompt/>
        <ScenarioBar planner/>
        <NoticeArea planner/>
        {shown(move || planner.compare.with(|ids| !ids.is_empty()), move || view! { <CompareView planner/> }.into_any())}
        <main class="layout" inert=move || planner.present.get()>
            <section class="panel plan" aria-labelledby="plan-heading">
                <h2 id="plan-heading">{labels::app::THE_PLAN}</h2>
                {after_first(|planner| view! { <Handout planner/> }.into_any())}
                <Headline planner/>
                <ResultsTable planner/>
                {after_first(|planner| view! {
                    <StageTableExport planner/>
                    <RoundingChoice planner/>
                    <PlanSummary planner/>
                    <FunnelChartPanel planner/>
                    <LeverTable planner/>
                    <SolvePanel planner/>
                    <UncertaintyPanel planner/>
                    <SlaPanel planner/>
                    <CapacityPanel planner/>
                    <BudgetPanel planner/>
                    <StageCostsTable planner/>
                    <MonthTable planner/>
                    <ActualsPanel planner/>
                }.into_any())}
            </section>
            <div class="inputs">
                {after_first(|planner| view! {
                    <PresetPicker planner/>
                    <TargetsPanel planner/>
                    <StageEditor planner/>
                    <PeriodPanel planner/>
                    <TeamPanel planner/>
                    <CostsPanel planner/>
                    <TimingPanel planner/>
                    <HandoffPanel planner/>
                    <UncertaintyInputs planner/>
                }.into_any())}
            </div>
        </main>
        <footer class="privacy">{labels::app::PRIVACY}</footer>
        {after_first(|planner| view! { <MeetingMode planner/> }.into_any())}
    }
}
