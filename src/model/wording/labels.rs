//! Labels, headings and button text of the page, by component: the page's fixed words,
//! kept with its sentences so that the page, print and exports say the same thing.
//! Inputs' labels and help are in the field table (`model::field::FIELDS`).

#![allow(missing_docs, reason = "a label's text is its own documentation")]

/// Words of the `budget_panel` component.
pub mod budget_panel {
    pub const MARKETING_BUDGET: &str = "Marketing budget";
    pub const BUDGET_NEEDED: &str = "Budget needed";
    pub const BLENDED_COST_PER_LEAD: &str = "Blended cost per lead";
    pub const CAC: &str = "CAC";
    pub const BUDGET_MARKETING_SOURCED_DEALS: &str = "budget \u{f7} marketing-sourced deals";
    pub const ROI: &str = "ROI";
    pub const MARKETING_SOURCED_REVENUE_BUDGET_BUDGET: &str =
        "(marketing-sourced revenue \u{2212} budget) \u{f7} budget";
    pub const MARKETING_SOURCED_REVENUE_BUDGET: &str = "marketing-sourced revenue \u{f7} budget";
    pub const SPEND_THE_PLANNED_TRAFFIC_IMPLIES: &str = "Spend the planned traffic implies";
}

/// Words of the `cap_figures` component.
pub mod cap_figures {
    pub const DEALS_THEY_YIELD: &str = "Deals they yield";
    pub const REVENUE_THEY_YIELD: &str = "Revenue they yield";
    pub const BUDGET_GAP: &str = "Budget gap";
    pub const BUDGET_NEEDED_CAP: &str = "budget needed \u{2212} cap";
}

/// Words of the `funnel_chart` component.
pub mod funnel_chart {
    pub const FUNNEL_CHART: &str = "Needed and forecast, stage by stage";
    pub const MARKETING_NEEDS: &str = "Marketing must source";
    pub const FORECAST: &str = "Forecast from planned traffic";
    pub const SHORTFALL: &str = "Shortfall";
    pub const LOG_SCALE: &str = "Log scale";
    pub const SHOW_DATA: &str = "Show data";
    pub const STAGE: &str = "Stage";
}

/// Words of the `lever_table` component's tornado chart.
pub mod tornado {
    pub const FORECAST_REVENUE: &str = "Forecast revenue";
}

/// Words of the `uncertainty_panel` component.
pub mod uncertainty_panel {
    pub const HOW_SURE_ARE_WE: &str = "How sure are we";
    pub const REVENUE: &str = "Forecast revenue, P10\u{2013}P90";
    pub const CHANCE: &str = "Chance planned traffic reaches the target";
    pub const MEDIAN: &str = "median ";
    pub const TO: &str = " \u{2013} ";
    pub const DRAWS: &str = "Draws";
    pub const THE_PLAN: &str = "The plan without ranges";
}

/// Words of the `uncertainty_inputs` component.
pub mod uncertainty_inputs {
    pub const HOW_SURE_ARE_WE: &str = "How sure are we";
    pub const RANGES_HINT: &str = "Optional low and high for the deal size here, and beside each \
        rate in the stage list: the range you think likely. The value you plan with is the most \
        likely.";
}

/// Words of the `handout` component.
pub mod handout {
    pub const HANDOUT: &str = "Printed handout";
    pub const ASSUMPTIONS: &str = "Assumptions";
    pub const THIS_PLAN_ONLINE: &str = "This plan online";
    pub const QR_LABEL: &str = "QR code of the link to this plan";
}

/// Words of the `meeting_mode` component.
pub mod meeting_mode {
    pub const MEETING: &str = "Meeting mode";
    pub const LEAVE: &str = "Leave (Esc)";
    pub const PRESENT: &str = "Present";
    pub const TOP_LEVERS: &str = "Top three levers, +10\u{a0}% each";
    pub const TRY: &str = "Try it";
    pub const TRY_HINT: &str = "Step an assumption with its buttons, or focus it and use the arrow keys. Each step changes the plan itself; the headline shows the change since the meeting started, or since Compare from here.";
    pub const COMPARE_FROM_HERE: &str = "Compare from here";
    pub const DEAL_SIZE: &str = "Deal size";
    pub const MINUS: &str = "\u{2212}";
    pub const PLUS: &str = "+";
}

/// Words of the `month_chart` component.
pub mod month_chart {
    pub const DEALS_CLOSING: &str = "Deals closing";
    pub const LEAD_TIME: &str = "Lead time";
    pub const PAST: &str = "Past";
    pub const MONTH: &str = "Month";
}

/// Words of the `capacity_panel` component.
pub mod capacity_panel {
    pub const TEAM_CAPACITY: &str = "Team capacity";
    pub const RAMPED_REPS: &str = "Ramped reps";
    pub const REPS_RAMP: &str = "\u{3a3} reps \u{d7} ramp";
    pub const CAPACITY: &str = "Capacity";
    pub const RAMPED_REPS_QUOTA_PER_REP: &str =
        "ramped reps \u{d7} quota per rep \u{d7} attainment";
    pub const CAPACITY_GAP: &str = "Capacity gap";
    pub const TARGET_CAPACITY: &str = "target \u{2212} capacity";
    pub const MORE_REPS_NEEDED: &str = "More reps needed";
}

/// Words of the `channel_editor` component.
pub mod channel_editor {
    pub const CHANNELS: &str = "Channels";
    pub const WITH_CHANNELS_THEIR_COSTS_REPLACE: &str =
        "With channels, their costs replace the blended cost per lead above.";
    pub const SCALE_TO_100: &str = "Scale to 100 %";
    pub const ADD_CHANNEL: &str = "+ Add channel";
    pub const REMOVE: &str = "Remove";
}

/// Words of the `channel_table` component.
pub mod channel_table {
    pub const BY_CHANNEL: &str = "By channel";
    pub const CHANNEL: &str = "Channel";
    pub const SHARE: &str = "Share";
    pub const BUDGET: &str = "Budget";
}

/// Words of the `cohort_editor` component.
pub mod cohort_editor {
    pub const COHORTS_BY_RAMP: &str = "Cohorts by ramp";
    pub const REPS: &str = "Reps";
    pub const RAMP: &str = "Ramp %";
    pub const REMOVE: &str = "Remove";
    pub const ADD_RAMPING_COHORT: &str = "+ Add ramping cohort";
}

/// Words of the `costs_panel` component.
pub mod costs_panel {
    pub const COSTS_AND_CHANNELS: &str = "Costs and channels";
}

/// Words of the `handoff_panel` component.
pub mod handoff_panel {
    pub const MARKETING_SALES_HANDOFF: &str = "Marketing \u{2192} sales handoff";
}

/// Words of the `month_table` component.
pub mod month_table {
    pub const MONTH_BY_MONTH: &str = "Month by month";
    pub const MONTH_TABLE: &str = "Month-by-month table";
    pub const VOLUMES_SHOWN: &str = "Volumes shown";
    pub const MONTH: &str = "Month";
    pub const TOTAL: &str = "Total";
}

/// Words of the `notice_area` component.
pub mod notice_area {
    pub const DOWNLOAD_THE_UNREADABLE_DATA: &str = "Download the unreadable data";
    pub const CLEAR_IT_AND_SAVE_HERE: &str = "Clear it and save here";
    pub const DISMISS_MESSAGES: &str = "Dismiss messages";
}

/// Words of the `period_panel` component.
pub mod period_panel {
    pub const PERIOD_AND_SOURCING: &str = "Period and sourcing";
}

/// Words of the `plan_summary` component.
pub mod plan_summary {
    pub const NEW_BUSINESS_TARGET: &str = "New-business target";
    pub const MARKETING_SOURCED_DEALS: &str = "Marketing-sourced deals";
    pub const SALES_SOURCED_DEALS: &str = "Sales-sourced deals";
    pub const DEALS_NEEDED: &str = "Deals needed";
    pub const PIPELINE_NEEDED: &str = "Pipeline needed";
    pub const OVERALL_CONVERSION: &str = "Overall conversion";
    pub const FORECAST_FROM_PLANNED_TRAFFIC: &str = "Forecast from planned traffic";
    pub const FORECAST_DEALS: &str = "Forecast deals";
    pub const FORECAST_REVENUE: &str = "Forecast revenue";
    pub const GAP_TO_TARGET: &str = "Gap to target";
}

/// Words of the `results_table` component.
pub mod results_table {
    pub const VOLUME_NEEDED_AND_FORECAST_AT: &str = "Volume needed and forecast at each stage";
    pub const STAGE: &str = "Stage";
    pub const RATE: &str = "Rate";
    pub const NEEDED_ALL_SOURCES: &str = "Needed (all sources)";
    pub const MARKETING_SOURCES: &str = "Marketing sources";
    pub const FORECAST: &str = "Forecast";
    pub const PERIOD: &str = "Period";
    pub const MONTH: &str = "/ month";
    pub const WEEK: &str = "/ week";
}

/// Words of the `table_export` component and of the exported tables' columns.
pub mod table_export {
    pub const DOWNLOAD_STAGE_CSV: &str = "Download stage table (CSV)";
    pub const COPY_STAGE_TABLE: &str = "Copy stage table";
    pub const DOWNLOAD_MONTH_CSV: &str = "Download month plan (CSV)";
    pub const DOWNLOAD_PLAN_JSON: &str = "Download plan (JSON)";
    pub const PLAN_FILE: &str = "funnel-plan.json";
    pub const STAGE_FILE: &str = "funnel-plan-stages.csv";
    pub const MONTH_FILE: &str = "funnel-plan-months.csv";
    pub const MONTH: &str = "Month";
    pub const TOTAL: &str = "Total";
    pub const STAGE_COLUMNS: [&str; 9] = [
        "Stage",
        "Rate from stage above (%)",
        "Needed, all sources (period)",
        "Needed, all sources (per month)",
        "Needed, all sources (per week)",
        "Marketing must source (period)",
        "Marketing must source (per month)",
        "Marketing must source (per week)",
        "Forecast from planned traffic",
    ];
    pub const COMPARE_FIGURE: &str = "Figure (percentages in %)";
    pub const COMPARE_FILE: &str = "funnel-plan-compare.csv";

    /// The column of a scenario's differences from the first.
    #[must_use]
    pub fn compare_change(name: &str) -> String {
        format!("{name}: change from the first")
    }

    /// The column of a scenario's differences from the first, in percent.
    #[must_use]
    pub fn compare_change_percent(name: &str) -> String {
        format!("{name}: change from the first (%)")
    }
}

/// Words of the `rounding_choice` component.
pub mod rounding_choice {
    pub const ROUNDING: &str = "Rounding";
}

/// Words of the `share_link` component.
pub mod share_link {
    pub const COPY_LINK: &str = "Copy link";
    pub const LINK_TO_THIS_PLAN: &str = "Link to this plan";
    pub const INCLUDE_ACTUALS: &str = "Include the actuals recorded";
}

/// Words of the `sla_panel` component.
pub mod sla_panel {
    pub const MARKETING_SALES_AGREEMENT: &str = "Marketing \u{2192} sales agreement";
    pub const PER_REP_PER_WEEK: &str = "Per rep per week";
}

/// Words of the `stage_actions` component.
pub mod stage_actions {
    pub const MOVE_UP: &str = "Move up";
    pub const MOVE_DOWN: &str = "Move down";
    pub const REMOVE: &str = "Remove";
}

/// Words of the `stage_costs_table` component.
pub mod stage_costs_table {
    pub const COST_AND_LOAD_PER_STAGE: &str = "Cost and load per stage";
    pub const STAGE: &str = "Stage";
    pub const COST_PER_UNIT_PLAN: &str = "Cost per unit (plan)";
    pub const COST_PER_UNIT_FORECAST: &str = "Cost per unit (forecast)";
    pub const PER_REP_PER_MONTH: &str = "Per rep per month";
}

/// Words of the `stage_editor` component.
pub mod stage_editor {
    pub const FUNNEL_STAGES: &str = "Funnel stages";
    pub const ADD_STAGE: &str = "+ Add stage";
    pub const SHOW_RANGES: &str = "Low\u{2013}high range beside each rate (for How sure are we)";
}

/// Words of the `stage_row` component.
pub mod stage_row {
    pub const TOP_OF_FUNNEL: &str = "Top of funnel";
    pub const LOW: &str = "low";
    pub const HIGH: &str = "high";
}

/// Words of the `targets_panel` component.
pub mod targets_panel {
    pub const TARGETS: &str = "Targets";
    pub const TYPE_FIGURES_AS_YOU_LIKE: &str =
        "Type figures as you like: 1,000,000 or 1M, 60k, $25,000.";
}

/// Words of the `team_panel` component.
pub mod team_panel {
    pub const SALES_TEAM: &str = "Sales team";
}

/// Words of the `timing_panel` component.
pub mod timing_panel {
    pub const TIMING: &str = "Timing";
}

/// Words of the `velocity_figures` component.
pub mod velocity_figures {
    pub const SALES_VELOCITY_PER_DAY: &str = "Sales velocity per day";
    pub const SALES_VELOCITY_PER_MONTH: &str = "Sales velocity per month";
}

/// Words of the `preset_picker` component.
pub mod preset_picker {
    pub const START_FROM: &str = "Start from a preset";
    pub const STARTING_POINTS: &str = "Published benchmarks, as starting points, not truths: \
        put in your own figures as soon as you have them. Applying a preset replaces the stages, \
        rates, deal size, sales cycle and cost per lead, and keeps your quota, period, team and \
        traffic.";
    pub const PRESET: &str = "Preset";
    pub const APPLY: &str = "Apply preset";

    /// What the status line says once a preset is applied.
    #[must_use]
    pub fn applied(name: &str) -> String {
        format!("Applied \u{201c}{name}\u{201d}. Undo brings back the plan before it.")
    }
}

/// Words of the `update_prompt` component.
pub mod update_prompt {
    pub const UPDATE_AVAILABLE: &str = "A new version of Funnel Planner is available: \
        reload when you are ready.";
    pub const RELOAD: &str = "Reload";
}

/// Words of the `undo_buttons` component.
pub mod undo_buttons {
    pub const HISTORY: &str = "Undo and redo";
    pub const UNDO: &str = "Undo";
    pub const REDO: &str = "Redo";
    pub const UNDO_TITLE: &str = "Undo the last change (Ctrl+Z or \u{2318}Z)";
    pub const REDO_TITLE: &str = "Redo what was undone (Ctrl+Shift+Z, \u{2318}\u{21e7}Z or Ctrl+Y)";
}

/// Words of the `scenario_bar` component.
pub mod scenario_bar {
    pub const SCENARIOS: &str = "Scenarios";
    pub const ACTIONS: &str = "Scenario actions";
    pub const NEW: &str = "New";
    pub const DUPLICATE: &str = "Duplicate";
    pub const RENAME: &str = "Rename";
    pub const DELETE: &str = "Delete";
    pub const COMPARE: &str = "Compare";
    pub const DELETE_TITLE: &str = "Delete this scenario (Undo brings it back)";
    pub const NAME: &str = "Scenario name";
    pub const SAVE: &str = "Save";
    pub const CANCEL: &str = "Cancel";
    pub const IMPORT: &str = "Import (JSON)";
    pub const IMPORTING: &str = "Reading the file\u{2026}";
    pub const NOT_IMPORTED: &str = "Nothing was imported from this file:";
    pub const DOWNLOAD_ALL: &str = "Download all scenarios (JSON)";
    pub const WORKSPACE_FILE: &str = "funnel-planner-scenarios.json";

    /// What an import added.
    #[must_use]
    pub fn imported(names: &[String]) -> String {
        let list = names
            .iter()
            .map(|n| format!("\u{201c}{n}\u{201d}"))
            .collect::<Vec<_>>()
            .join(", ");
        match names.len() {
            1 => format!("Imported 1 scenario: {list}. Nothing already here was replaced."),
            n => format!("Imported {n} scenarios: {list}. Nothing already here was replaced."),
        }
    }

    /// Why a chosen file could not be read at all.
    #[must_use]
    pub fn unreadable_file(reason: &str) -> String {
        format!("The file could not be read: {reason}.")
    }
}

/// Words of the `compare_view` component.
pub mod compare_view {
    pub const COMPARE: &str = "Compare scenarios";
    pub const PICK: &str = "Scenarios to compare (two to four; the first is the baseline)";
    pub const PICK_TWO: &str = "Pick at least two scenarios to compare.";
    pub const CAPTION: &str = "Each scenario's figures, and under the others their change from the first (\u{25b2} more, \u{25bc} less).";
    pub const FIGURE: &str = "Figure";
    pub const CAPTION_SHORT: &str = "Comparison table";
    pub const BASELINE: &str = "baseline";
    pub const RESULTS: &str = "Results";
    pub const ASSUMPTIONS: &str = "Assumptions";
    pub const DOWNLOAD_CSV: &str = "Download comparison (CSV)";
    pub const FILE: &str = "funnel-plan-compare.csv";
    pub const COPY_LINK: &str = "Copy comparison link";
    pub const CHART: &str = "What marketing must source, scenario by scenario";
    pub const CHART_HINT: &str =
        "Each stage's row holds a bar per scenario, shaped as in the legend.";
    pub const LINK: &str = "Link to this comparison";
}

/// Words of the `actuals_panel` component.
pub mod actuals_panel {
    pub const HEADING: &str = "Plan against actual";
    pub const HINT: &str = "Type what each month really brought, from all sources as your CRM reports them (the last stage is deals won). Leave a cell empty where nothing is recorded. The figures stay with this scenario.";
    pub const GRID: &str = "Actuals by month";
    pub const MONTH: &str = "Month";
    pub const PACE: &str = "Pace against plan";
    pub const PACE_CAPTION: &str =
        "The months with actuals, against what the plan asks of the same months (all sources).";
    pub const STAGE: &str = "Stage";
    pub const ACTUAL: &str = "Actual";
    pub const PLANNED: &str = "Planned";
    pub const AHEAD: &str = "Ahead or behind";
    pub const OBSERVED: &str = "Observed conversion";
    pub const OBSERVED_CAPTION: &str = "Each step's rate over the months that record both stages, against the rate the plan assumes.";
    pub const STEP: &str = "Step";
    pub const OBSERVED_RATE: &str = "Observed";
    pub const ASSUMED: &str = "Assumed";
    pub const NOT_YET: &str = "not yet";
    pub const REFORECAST: &str = "Re-forecast for the months left";
    pub const REFORECAST_CAPTION: &str = "What each stage still needs, spread over the months after the last with actuals by the plan's own proportions.";
    pub const NOTHING_YET: &str = "Nothing recorded yet: pace, observed rates and the re-forecast appear with the first figure.";
}

/// Words of the `app` component.
pub mod app {
    pub const FUNNEL_PLANNER: &str = "Funnel Planner";
    pub const HOW_MANY_LEADS_MUST_MARKETING: &str =
        "How many leads must marketing deliver for sales to hit its quota?";
    pub const THE_PLAN: &str = "The plan";
    pub const DARK_THEME: &str = "Dark theme";
    pub const PRIVACY: &str = "Your plan stays in this browser. Links carry it after the #, \
        which browsers never send to a server.";
}

#[cfg(test)]
mod tests {
    /// The page's words live here and in the sentences beside this module: no component
    /// writes a text node, an accessible name, a title or a `format!` sentence of its own.
    #[test]
    fn components_take_their_words_from_the_wording_module() {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/src/ui"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        paths.push(format!("{root}/src/lib.rs").into());
        let mut found = Vec::new();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            for (number, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                let words = |rest: &str| rest.chars().take(2).all(|c| c.is_ascii_alphabetic());
                let literal_node = code
                    .match_indices(">\"")
                    .any(|(at, _)| words(&code[at + 2..]));
                let literal_name =
                    ["aria-label=\"", "title=\"", "placeholder=\""]
                        .iter()
                        .any(|attr| {
                            code.match_indices(attr)
                                .any(|(at, _)| words(&code[at + attr.len()..]))
                        });
                let sentence = code.match_indices("format!(\"").any(|(at, _)| {
                    let rest = &code[at + 9..];
                    rest.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                        && rest.contains(' ')
                });
                let bare = code.starts_with('"')
                    && code.chars().nth(1).is_some_and(|c| c.is_ascii_uppercase())
                    && code.contains(' ');
                if literal_node || literal_name || sentence || bare {
                    found.push(format!("{}:{}: {code}", path.display(), number + 1));
                }
            }
        }
        assert!(
            found.is_empty(),
            "words outside the wording module:\n{}",
            found.join("\n")
        );
    }
}

/// Words of the `lever_table` component.
pub mod lever_table {
    pub const WHICH_LEVER_MATTERS_MOST: &str = "Which lever matters most";
    pub const EACH_LEVER_IMPROVED_BY_10: &str = "Each lever improved by 10\u{a0}%, alone, ranked";
    pub const LEVER: &str = "Lever, +10\u{a0}%";
    pub const LEADS_NEEDED: &str = "Lead-stage need";
    pub const FEWER: &str = "Units";
    pub const FORECAST_REVENUE: &str = "Forecast revenue";
    pub const CAPPED: &str = " (capped at 100\u{a0}%)";
}

/// Words of the `solve_panel` component.
pub mod solve_panel {
    pub const WHAT_WOULD_IT_TAKE: &str = "What would it take";
    pub const EACH_LEVER_ALONE: &str = "The value each lever alone would need for the limit";
    pub const LEVER: &str = "Lever";
    pub const NOW: &str = "Now";
    pub const NEEDED: &str = "Needed";
    pub const APPLY: &str = "Apply";
}
