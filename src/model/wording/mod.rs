//! The page's words, in one place: plain-language sentences about a plan (here) and the fixed
//! labels, headings and buttons of each component ([`labels`]). Inputs' labels and help are
//! declared with the inputs, in `model::field::FIELDS`.

pub mod actuals;
pub mod charts;
pub mod compare;
pub mod handout;
pub mod labels;
pub mod levers;
pub mod meeting;
pub mod uncertainty;

use super::assumptions::StepCountError;
use super::format::NumberStyle;
use super::monthly::Sources;
use super::period::{Period, YearMonth};

/// Deals behind the forecast when marketing sources only part of them: the deals planned
/// traffic brings, and the deals sales sources itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sourcing {
    /// Marketing-sourced deals expected from the planned traffic.
    pub forecast_deals: f64,
    /// Deals sales sources itself.
    pub sales_deals: f64,
}

/// Describes the forecast's gap to the new-business target: a shortfall, a surplus, or on
/// target. With `sourcing` (a marketing share under 100 %), it says that the forecast counts
/// the deals sales sources beside those the planned traffic brings.
#[must_use]
pub fn gap_sentence(
    style: &NumberStyle,
    gap: f64,
    quota: f64,
    sourcing: Option<Sourcing>,
) -> String {
    let lead = sourcing.map_or_else(String::new, |s| {
        format!(
            "Planned traffic brings {} marketing-sourced deals; with the {} that sales sources, ",
            style.one_decimal(s.forecast_deals),
            style.one_decimal(s.sales_deals)
        )
    });
    let forecast = if lead.is_empty() {
        "The forecast"
    } else {
        "the forecast"
    };
    let share = |amount: f64| {
        if quota > 0.0 {
            format!(" ({} of target)", style.percent(amount / quota))
        } else {
            String::new()
        }
    };
    // Money is shown in whole units: a gap that rounds to 0 meets the target.
    if gap.abs() < 0.5 {
        format!("{lead}{forecast} meets the target exactly.")
    } else if gap > 0.0 {
        format!(
            "{lead}{forecast} falls short of the new-business target by {}{}.",
            style.money(gap),
            share(gap)
        )
    } else {
        format!(
            "{lead}{forecast} beats the new-business target by {}{}.",
            style.money(-gap),
            share(-gap)
        )
    }
}

/// Says that channel shares not totalling 100 % are scaled for the budget, and to what:
/// "Shares total 75 %: scaled to 100 %, Paid search 53.3 %, Content 46.7 %." `None` when they
/// total 100 % or there are no channels.
#[must_use]
pub fn channel_scaling_sentence(
    style: &NumberStyle,
    total_ppm: u64,
    channels: &[(String, f64)],
) -> Option<String> {
    if channels.is_empty() || total_ppm == 1_000_000 {
        return None;
    }
    let parts: Vec<String> = channels
        .iter()
        .map(|(name, share)| format!("{name} {} %", style.one_decimal(share * 100.0)))
        .collect();
    let how = if total_ppm == 0 {
        "split equally"
    } else {
        "scaled to 100 %"
    };
    Some(format!(
        "Shares total {} %: {how}, {}.",
        super::rate::ppm_percent_plain(u32::try_from(total_ppm).unwrap_or(u32::MAX)),
        parts.join(", ")
    ))
}

/// Compares the planned traffic with the traffic marketing's share of the quota needs
/// (`marketing_only`: a share under 100 %) or the whole quota.
#[must_use]
pub fn traffic_sentence(
    style: &NumberStyle,
    top_stage: &str,
    planned: f64,
    needed: f64,
    marketing_only: bool,
) -> String {
    let stage = top_stage;
    let quota = if marketing_only {
        "marketing's share of the quota"
    } else {
        "the quota"
    };
    let (planned_text, needed_text) = (style.one_decimal(planned), style.count(needed));
    if planned >= needed {
        format!(
            "You plan {planned_text} {stage}; {quota} needs {needed_text}, so {} to spare.",
            style.one_decimal(planned - needed)
        )
    } else {
        format!(
            "You plan {planned_text} {stage}; {quota} needs {needed_text}: {} more.",
            style.one_decimal(needed - planned)
        )
    }
}

/// Describes the overall conversion as "1 in N".
#[must_use]
pub fn one_in(style: &NumberStyle, conversion: f64, top_stage: &str, last_stage: &str) -> String {
    if conversion <= 0.0 {
        return String::new();
    }
    format!(
        "About 1 in {} {top_stage} reaches {last_stage}.",
        style.count(1.0 / conversion),
    )
}

/// Describes whether the sales team can carry the new-business target.
#[must_use]
pub fn capacity_sentence(style: &NumberStyle, gap: f64, reps_short: Option<f64>) -> String {
    if gap <= 0.0 {
        format!(
            "The team can carry the plan, with {} of capacity to spare.",
            style.money(-gap)
        )
    } else {
        match reps_short {
            Some(reps) => format!(
                "The team is {} short of the new-business target: about {} more ramped {}.",
                style.money(gap),
                style.count(reps),
                if (0.5..1.5).contains(&reps) {
                    "rep"
                } else {
                    "reps"
                }
            ),
            None => format!(
                "The team is {} short, and reps with no quota cannot close the gap.",
                style.money(gap)
            ),
        }
    }
}

/// Names a period in words: `Jan 2027`, `Q1 2027` (calendar quarters), `2027` (calendar
/// years), otherwise its first and last months (`Feb–Apr 2027`, `Feb 2027–Jan 2028`).
#[must_use]
pub fn period_name(period: Period, start: YearMonth) -> String {
    let end = start
        .add_months(i32::try_from(period.months()).unwrap_or(1) - 1)
        .unwrap_or(start);
    match period {
        Period::Month => start.label(),
        Period::Quarter if (start.month() - 1).is_multiple_of(3) => {
            format!("Q{} {}", (start.month() - 1) / 3 + 1, start.year())
        }
        Period::Year if start.month() == 1 => start.year().to_string(),
        _ if start.year() == end.year() => {
            format!(
                "{}\u{2013}{} {}",
                start.short_name(),
                end.short_name(),
                end.year()
            )
        }
        _ => format!("{}\u{2013}{}", start.label(), end.label()),
    }
}

/// Says whose volumes the month table shows and what its lead-stage column adds up to.
#[must_use]
pub fn month_caption(
    style: &NumberStyle,
    sources: Sources,
    share_percent: &str,
    lead: &str,
    total: f64,
) -> String {
    match sources {
        Sources::Marketing => format!(
            "Marketing-sourced volumes ({} of deals): the {lead} column adds up to the \
             headline, {}.",
            style.percent_text(share_percent),
            style.count(total)
        ),
        Sources::All => format!(
            "All sources, marketing and sales together: the {lead} column adds up to the \
             {lead} needed, {}.",
            style.count(total)
        ),
    }
}

/// Names a run of months: `Sep 2026`, `Jul\u{2013}Sep 2026`, `Nov 2026\u{2013}Jan 2027`.
#[must_use]
pub fn month_range(from: YearMonth, to: YearMonth) -> String {
    if from == to {
        from.label()
    } else if from.year() == to.year() {
        format!(
            "{}\u{2013}{} {}",
            from.short_name(),
            to.short_name(),
            to.year()
        )
    } else {
        format!("{}\u{2013}{}", from.label(), to.label())
    }
}

/// Says that lead-stage volume was due in months that have already gone by.
#[must_use]
pub fn overdue_sentence(stage: &str, months: (YearMonth, YearMonth)) -> String {
    format!(
        "{stage} for these deals should already have been generated in {}.",
        month_range(months.0, months.1)
    )
}

/// Says when the lead stage's volume must be generated for the period's deals.
#[must_use]
pub fn lead_window_sentence(
    stage: &str,
    period: Period,
    start: YearMonth,
    window: (YearMonth, YearMonth),
) -> String {
    let (from, to) = window;
    let when = if from == to {
        format!("in {}", from.label())
    } else if from.year() == to.year() {
        format!(
            "from {} to {} {}",
            from.short_name(),
            to.short_name(),
            to.year()
        )
    } else {
        format!("from {} to {}", from.label(), to.label())
    };
    format!(
        "{stage} for {} deals must be generated {when}.",
        period_name(period, start)
    )
}

/// Asks for days per step that fit the steps from the lead stage `lead` to Won (`won`).
#[must_use]
pub fn step_count_request(error: StepCountError, lead: &str, won: &str) -> String {
    let StepCountError { given, steps } = error;
    if steps == 0 {
        return format!(
            "{lead} is the last stage, so there are no steps for days per stage; leave them \
             empty."
        );
    }
    format!(
        "Give {steps} {}, one per step from {lead} to {won}, not {given}.",
        if steps == 1 { "number" } else { "numbers" }
    )
}

/// Says that days per step do not fit the steps from the lead stage `lead` to Won (`won`), and
/// that the cycle is split evenly instead.
#[must_use]
pub fn step_count_sentence(error: StepCountError, lead: &str, won: &str) -> String {
    format!(
        "{} The cycle is split evenly instead.",
        step_count_request(error, lead, won)
    )
}

/// States the marketing-to-sales agreement both teams sign.
#[must_use]
pub fn sla_sentence(
    style: &NumberStyle,
    stage: &str,
    per_month: f64,
    per_week: f64,
    hours: u32,
    per_rep_week: Option<f64>,
) -> String {
    let reps = per_rep_week.map_or_else(String::new, |load| {
        format!(" \u{2014} about {} per rep per week", style.count(load))
    });
    format!(
        "Marketing delivers at least {} {stage} per month ({} per week); sales follows up \
         each within {hours} hours{reps}.",
        style.count(per_month),
        style.count(per_week),
    )
}

/// The headline's label: "Marketing must deliver, per quarter".
#[must_use]
pub fn headline_label(period: Period) -> String {
    format!("Marketing must deliver, per {}", period.as_str())
}

/// The headline's note when existing customers cover the whole quota.
pub const QUOTA_COVERED: &str =
    "Existing customers cover the quota: no new business is needed, so zero leads is the plan.";

/// What Copy link says about fields it leaves out, given each as "label (value used)"; empty
/// when none is.
#[must_use]
pub fn link_leaves_out(fields: &[String]) -> String {
    match fields {
        [] => String::new(),
        [one] => format!(" It leaves out 1 field that is not valid: {one}."),
        many => format!(
            " It leaves out {} fields that are not valid: {}.",
            many.len(),
            many.join("; ")
        ),
    }
}

/// Copy link's status while the clipboard is being written.
/// Saved text that the browser's JSON parser refuses; its own words (where, what) follow.
pub const NOT_VALID_JSON: &str = "it is not valid JSON";

/// Saved text that is JSON, but not of a saved plan's shape.
pub const NOT_THE_SHAPE: &str = "a value is of the wrong kind, missing or not expected";

/// Shown while the link is being copied.
pub const COPYING: &str = "Copying\u{2026}";

/// Copy link's outcome: copied, or why not; then what the link leaves out.
#[must_use]
pub fn copy_outcome(result: Result<(), String>, left_out: &str) -> String {
    match result {
        Ok(()) => format!("Link copied. Anyone with it sees this plan.{left_out}"),
        Err(reason) => format!("Could not copy ({reason}): copy the link below.{left_out}"),
    }
}

/// Copy stage table's outcome: copied as tab-separated text, or why not.
#[must_use]
pub fn table_copy_outcome(result: Result<(), String>) -> String {
    match result {
        Ok(()) => "Stage table copied: paste it into a spreadsheet.".to_owned(),
        Err(reason) => format!("Could not copy ({reason}): download the CSV instead."),
    }
}

/// A download's outcome: started, or why not.
#[must_use]
pub fn download_outcome(file_name: &str, result: Result<(), String>) -> String {
    match result {
        Ok(()) => format!("Downloaded {file_name}."),
        Err(reason) => format!("Could not download {file_name} ({reason})."),
    }
}

/// A stage menu's default option: "Default (2: Leads)", numbered from 1 as the page does.
#[must_use]
pub fn default_stage_option(index: usize, name: &str) -> String {
    format!("Default ({}: {name})", index + 1)
}

/// Why the unreadable data's download did not start.
#[must_use]
pub fn download_failed(reason: &str) -> String {
    format!("The download did not start: {reason}.")
}

/// Why the unreadable data could not be cleared.
#[must_use]
pub fn clear_failed(reason: &str) -> String {
    format!("The unreadable data could not be cleared: {reason}.")
}

/// The timing section's summary: "30-day cycle · seasonal".
#[must_use]
pub fn timing_summary(cycle_days: u32, seasonal: bool) -> String {
    let season = if seasonal { "seasonal" } else { "even months" };
    format!("{cycle_days}-day cycle \u{b7} {season}")
}

/// The channel editor's note when shares do not total 100 %.
#[must_use]
pub fn shares_total_note(total_percent: &str) -> String {
    format!("Shares total {total_percent} %: the budget scales them to 100 %.")
}

/// Why **Scale to 100 %** waits.
pub const FIX_SHARE_FIRST: &str = "Fix the share marked first";

/// How the blended cost per lead was found: entered, or from the channels.
#[must_use]
pub fn blended_cost_note(from_channels: bool) -> &'static str {
    if from_channels {
        "\u{3a3} channel share \u{d7} channel cost (channels replace the blended figure)"
    } else {
        "as entered"
    }
}

/// Accessible names of row inputs and buttons, numbered from 1 as the page shows rows.
pub mod row_names {
    /// "Stage 2 name".
    #[must_use]
    pub fn stage_name(index: usize) -> String {
        format!("Stage {} name", index + 1)
    }

    /// "Channel 2 name".
    #[must_use]
    pub fn channel_name(index: usize) -> String {
        format!("Channel {} name", index + 1)
    }

    /// "Remove channel Content".
    #[must_use]
    pub fn remove_channel(name: &str) -> String {
        format!("Remove channel {name}")
    }

    /// "Move Leads up".
    #[must_use]
    pub fn move_up(name: &str) -> String {
        format!("Move {name} up")
    }

    /// "Move Leads down".
    #[must_use]
    pub fn move_down(name: &str) -> String {
        format!("Move {name} down")
    }

    /// "Remove Leads".
    #[must_use]
    pub fn remove_stage(name: &str) -> String {
        format!("Remove {name}")
    }

    /// "Cohort 2 reps" or "Cohort 2 ramp, percent".
    #[must_use]
    pub fn cohort_cell(index: usize, ramp: bool) -> String {
        let what = if ramp { "ramp, percent" } else { "reps" };
        format!("Cohort {} {what}", index + 1)
    }

    /// "Remove cohort 2".
    #[must_use]
    pub fn remove_cohort(index: usize) -> String {
        format!("Remove cohort {}", index + 1)
    }
}

/// The cap's sentence: how far it falls short of the plan's budget and what it buys, or what
/// it leaves to spare.
#[must_use]
pub fn cap_sentence(
    style: &NumberStyle,
    budget_gap: f64,
    leads: f64,
    lead_stage: &str,
    deals: f64,
) -> String {
    if budget_gap > 0.5 {
        format!(
            "The cap is {} short of the plan's budget: it buys {} {lead_stage}, enough for about {} deals.",
            style.money(budget_gap),
            style.count(leads),
            style.one_decimal(deals)
        )
    } else {
        format!(
            "The cap covers the plan with {} to spare.",
            style.money(-budget_gap)
        )
    }
}

/// How sales velocity is computed, with the days used, or what it needs.
#[must_use]
pub fn velocity_note(
    style: &NumberStyle,
    stage: &str,
    won: &str,
    days: f64,
    days_per_month: f64,
) -> String {
    if days > 0.0 {
        format!(
            "Forecast {stage} \u{d7} their rate to {won} \u{d7} deal size \u{f7} {} days from \
             {stage} to {won}. Per month = per day \u{d7} {days_per_month}.",
            style.one_decimal(days),
        )
    } else {
        format!("Needs the days from {stage} to {won}: set a sales cycle or days per stage.")
    }
}

/// Notices about saving, scenarios and other tabs.
pub mod storage_notices {
    /// Why a plan was not written: the page has no text for it.
    pub const NOTHING_TO_SAVE: &str = "the page could not write the plan as text";

    /// A save did not fit; what was saved before is intact.
    #[must_use]
    pub fn not_saved(reason: &str) -> String {
        format!(
            "Your scenarios could not be saved in the browser: {reason}. What was saved before \
             is kept as it was, and the page keeps working in this tab; use Download plan \
             (JSON) or Copy link to keep this plan."
        )
    }

    /// The earlier version's saved plan could not be read; it stays where it is.
    #[must_use]
    pub fn old_plan_unreadable(key: &str, error: &str) -> String {
        format!(
            "The plan saved by an earlier version of this page could not be read ({error}). \
             It is left in local storage under \u{201c}{key}\u{201d}, untouched."
        )
    }

    /// Both tabs changed one scenario: both versions are kept.
    #[must_use]
    pub fn kept_as_copy(theirs: &str, copy: &str) -> String {
        format!(
            "Another tab changed \u{201c}{theirs}\u{201d} while it was being edited here. Both \
             versions are kept: the other tab's as \u{201c}{theirs}\u{201d}, this tab's as \
             \u{201c}{copy}\u{201d}."
        )
    }

    /// Another tab deleted the scenario on screen here.
    #[must_use]
    pub fn deleted_elsewhere(name: &str, now: &str) -> String {
        format!(
            "Another tab deleted \u{201c}{name}\u{201d}, so \u{201c}{now}\u{201d} is open \
             here. Undo in that tab brings it back."
        )
    }

    /// A scenario was deleted here.
    #[must_use]
    pub fn deleted(name: &str) -> String {
        format!("Deleted \u{201c}{name}\u{201d}. Undo (Ctrl+Z) brings it back.")
    }

    /// The button that switches back to the scenario a link replaced on screen.
    #[must_use]
    pub fn back_to(name: &str) -> String {
        format!("Back to \u{201c}{name}\u{201d}")
    }
}

/// Help under the stage editor's heading.
pub const STAGES_HELP: &str = "Top of the funnel first; the last stage is closed-won deals. \
    Each rate is the share of the stage above that reaches this stage.";

/// Help under the channel editor's heading, with published cost ranges.
pub const CHANNELS_HELP: &str = "Optional. Split marketing's leads by channel, each with its own \
    cost per lead (B2B SaaS, in US dollars: search 20\u{2013}100, LinkedIn 40\u{2013}200, \
    paid social 80\u{2013}200). Shares should total 100 %.";

/// The month table's note when every month of the period weighs 0.
pub const SEASON_ALL_ZERO: &str =
    "Every month of this period has seasonality weight 0, so deals are spread evenly.";

/// How the month table spreads volumes.
#[must_use]
pub fn month_table_help(days_per_month: f64) -> String {
    format!(
        "Lag of each stage behind Won = its days to Won \u{f7} {days_per_month}, rounded to the \
         nearest month. Whole units per month; each stage's months add up to its total. The \
         last column is the deals closing each month."
    )
}

/// The label of revenue per unit of budget, in the plan's currency: "Revenue per $1 spent".
#[must_use]
pub fn revenue_per_unit_label(style: &NumberStyle) -> String {
    format!("Revenue per {} spent", style.money.wrap("1"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_is_worded_plainly() {
        assert_eq!(
            gap_sentence(&NumberStyle::default(), 40_000.0, 1_000_000.0, None),
            "The forecast falls short of the new-business target by 40,000 (4% of target)."
        );
        assert_eq!(
            gap_sentence(&NumberStyle::default(), -200_000.0, 1_000_000.0, None),
            "The forecast beats the new-business target by 200,000 (20% of target)."
        );
        assert_eq!(
            gap_sentence(&NumberStyle::default(), 0.2, 1.0, None),
            "The forecast meets the target exactly."
        );
        assert_eq!(
            gap_sentence(&NumberStyle::default(), -5.0, 0.0, None),
            "The forecast beats the new-business target by 5."
        );
        let sourcing = Sourcing {
            forecast_deals: 38.4,
            sales_deals: 14.0,
        };
        assert_eq!(
            gap_sentence(
                &NumberStyle::default(),
                -135_000.0,
                1_175_000.0,
                Some(sourcing)
            ),
            "Planned traffic brings 38.4 marketing-sourced deals; with the 14 that sales \
             sources, the forecast beats the new-business target by 135,000 (11.49% of target)."
        );
    }

    #[test]
    fn traffic_is_compared_with_the_need() {
        assert_eq!(
            traffic_sentence(
                &NumberStyle::default(),
                "Visitors",
                200_000.0,
                208_750.0,
                false
            ),
            "You plan 200,000 Visitors; the quota needs 208,750: 8,750 more."
        );
        assert_eq!(
            traffic_sentence(&NumberStyle::default(), "Leads", 300.0, 250.0, false),
            "You plan 300 Leads; the quota needs 250, so 50 to spare."
        );
        assert_eq!(
            traffic_sentence(
                &NumberStyle::default(),
                "Visitors",
                200_000.0,
                171_875.0,
                true
            ),
            "You plan 200,000 Visitors; marketing's share of the quota needs 171,875, so \
             28,125 to spare."
        );
        assert_eq!(
            channel_scaling_sentence(
                &NumberStyle::default(),
                750_000,
                &[
                    ("Paid search".into(), 40.0 / 75.0),
                    ("Content".into(), 35.0 / 75.0)
                ]
            )
            .as_deref(),
            Some("Shares total 75 %: scaled to 100 %, Paid search 53.3 %, Content 46.7 %.")
        );
        assert_eq!(
            channel_scaling_sentence(&NumberStyle::default(), 1_000_000, &[("A".into(), 1.0)]),
            None
        );
    }

    #[test]
    fn overall_conversion_reads_as_one_in_n() {
        assert_eq!(
            one_in(&NumberStyle::default(), 0.000_192, "Visitors", "Won"),
            "About 1 in 5,208 Visitors reaches Won."
        );
        assert_eq!(one_in(&NumberStyle::default(), 0.0, "A", "B"), "");
    }

    fn ym(text: &str) -> YearMonth {
        YearMonth::parse(text).unwrap()
    }

    #[test]
    fn capacity_is_worded_for_shortfall_and_headroom() {
        assert_eq!(
            capacity_sentence(&NumberStyle::default(), 200_000.0, Some(1.0)),
            "The team is 200,000 short of the new-business target: about 1 more ramped rep."
        );
        assert_eq!(
            capacity_sentence(&NumberStyle::default(), -250_000.0, Some(0.0)),
            "The team can carry the plan, with 250,000 of capacity to spare."
        );
        assert!(capacity_sentence(&NumberStyle::default(), 5.0, None).contains("no quota"));
    }

    #[test]
    fn periods_are_named_as_planners_say_them() {
        assert_eq!(period_name(Period::Quarter, ym("2027-01")), "Q1 2027");
        assert_eq!(period_name(Period::Quarter, ym("2027-10")), "Q4 2027");
        assert_eq!(
            period_name(Period::Quarter, ym("2027-02")),
            "Feb\u{2013}Apr 2027"
        );
        assert_eq!(
            period_name(Period::Quarter, ym("2027-12")),
            "Dec 2027\u{2013}Feb 2028"
        );
        assert_eq!(period_name(Period::Year, ym("2027-01")), "2027");
        assert_eq!(period_name(Period::Month, ym("2027-03")), "Mar 2027");
    }

    #[test]
    fn lead_window_reads_like_the_issue() {
        assert_eq!(
            lead_window_sentence(
                "Leads",
                Period::Quarter,
                ym("2027-01"),
                (ym("2026-10"), ym("2026-12"))
            ),
            "Leads for Q1 2027 deals must be generated from Oct to Dec 2026."
        );
        assert_eq!(
            lead_window_sentence(
                "Leads",
                Period::Quarter,
                ym("2027-01"),
                (ym("2026-12"), ym("2027-02"))
            ),
            "Leads for Q1 2027 deals must be generated from Dec 2026 to Feb 2027."
        );
    }

    #[test]
    fn overdue_leads_read_like_the_issue() {
        assert_eq!(
            overdue_sentence("Leads", (ym("2026-07"), ym("2026-09"))),
            "Leads for these deals should already have been generated in Jul\u{2013}Sep 2026."
        );
        assert_eq!(
            overdue_sentence("MQLs", (ym("2026-09"), ym("2026-09"))),
            "MQLs for these deals should already have been generated in Sep 2026."
        );
        assert_eq!(
            month_range(ym("2026-11"), ym("2027-01")),
            "Nov 2026\u{2013}Jan 2027"
        );
    }

    #[test]
    fn days_per_step_that_do_not_fit_are_explained() {
        assert_eq!(
            step_count_sentence(StepCountError { given: 2, steps: 4 }, "Leads", "Won"),
            "Give 4 numbers, one per step from Leads to Won, not 2. The cycle is split evenly \
             instead."
        );
        assert_eq!(
            step_count_sentence(StepCountError { given: 3, steps: 1 }, "Opps", "Won"),
            "Give 1 number, one per step from Opps to Won, not 3. The cycle is split evenly \
             instead."
        );
        assert!(
            step_count_sentence(StepCountError { given: 3, steps: 0 }, "Won", "Won")
                .contains("no steps")
        );
    }

    #[test]
    fn the_month_caption_says_whose_volumes() {
        assert_eq!(
            month_caption(
                &NumberStyle::default(),
                Sources::Marketing,
                "70",
                "Leads",
                2_400.0
            ),
            "Marketing-sourced volumes (70% of deals): the Leads column adds up to the \
             headline, 2,400."
        );
        assert_eq!(
            month_caption(
                &NumberStyle::default(),
                Sources::All,
                "70",
                "Leads",
                3_340.0
            ),
            "All sources, marketing and sales together: the Leads column adds up to the Leads \
             needed, 3,340."
        );
    }

    #[test]
    fn sla_reads_as_both_teams_sign_it() {
        assert_eq!(
            sla_sentence(&NumberStyle::default(), "MQLs", 279.0, 65.0, 24, Some(13.0)),
            "Marketing delivers at least 279 MQLs per month (65 per week); sales follows up each \
             within 24 hours \u{2014} about 13 per rep per week."
        );
    }
}
