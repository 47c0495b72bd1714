//! What the page shows when it opens, or when its address changes: the link's plan, the saved
//! plan, or the default, and what to tell the user about it.

use super::link::{self, LinkParams};
use super::saved::Stored;
use crate::model::actuals::ActualsLog;
use crate::model::workspace::{ScenarioName, ScenarioStep, Workspace};
use crate::model::{Local, Scenario};

/// Storage key named in messages about unreadable saved text (see `browser::storage`).
pub const UNREADABLE_KEY: &str = "funnel-planner.workspace.unreadable";

/// How a message should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Something was wrong and the page worked around it.
    Problem,
    /// Worth knowing, nothing wrong.
    Info,
}

/// A message for the notice area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// How it should look.
    pub tone: Tone,
    /// The message, in plain words.
    pub text: String,
}

impl Notice {
    /// A problem message.
    #[must_use]
    pub fn problem(text: impl Into<String>) -> Self {
        Self {
            tone: Tone::Problem,
            text: text.into(),
        }
    }

    /// An informational message.
    #[must_use]
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            tone: Tone::Info,
            text: text.into(),
        }
    }
}

/// The page's state on opening.
#[derive(Clone, Debug, PartialEq)]
pub struct Opening {
    /// The scenarios, the one to show current.
    pub workspace: Workspace,
    /// What to tell the user.
    pub notices: Vec<Notice>,
    /// The scenario that was current before an opened link's plan took its place: the page
    /// offers to switch back to it.
    pub back_to: Option<String>,
    /// The scenarios a comparison link asked to compare (identities, in order); empty for
    /// any other link.
    pub compare: Vec<String>,
    /// Whether the page may save to storage. It may not when storage is blocked, when the
    /// saved workspace could not be read, or when unreadable saved text could not be backed
    /// up: nothing is ever written over what could not be read.
    pub autosave: bool,
}

/// What to say when storage holds something the page cannot use, and whether it may save.
fn storage_notice(stored: &Stored) -> Option<(Notice, bool)> {
    let (text, autosave) = match stored {
        Stored::Workspace(_) | Stored::Empty => return None,
        Stored::Unavailable => (
            "This browser blocks local storage, so your scenarios will not be saved here. \
             Use Copy link or Download plan (JSON) to keep them."
                .to_owned(),
            false,
        ),
        Stored::ReadFailed(reason) => (
            format!(
                "Your saved scenarios could not be read from this browser's storage \
                 ({reason}). So that nothing saved is lost, this page will not save here: \
                 changes stay in this tab. Use Copy link to keep them."
            ),
            false,
        ),
        Stored::Unreadable { error, kept } => {
            let (kept, autosave) = if *kept {
                (
                    format!(
                        " The unreadable data is kept in local storage under \u{201c}{UNREADABLE_KEY}\u{201d}."
                    ),
                    true,
                )
            } else {
                (
                    " There is no room to keep a copy of it, so this page will not save over \
                     it: changes stay in this tab. Download the unreadable data, then clear it \
                     to save here again."
                        .to_owned(),
                    false,
                )
            };
            (
                format!(
                    "Your saved scenarios could not be read: {error}. Starting from the default \
                     plan.{kept}"
                ),
                autosave,
            )
        }
    };
    Some((Notice::problem(text), autosave))
}

/// Decides what to show from the address's parameters and the browser's saved workspace, at
/// `local` (this month, which sets the default first month, and the reader's currency), on
/// `day` of the month (which names a shared plan).
///
/// A link with scenario parameters opens as a scenario of the saved workspace (see
/// [`open_link`]), and the scenario it replaced on screen is offered back. Without a link the
/// saved current scenario opens; without a saved workspace, the link's plan or the default
/// is the only scenario. Storage that cannot be read, or unreadable text that could not be
/// backed up, turns autosave off and is reported.
#[must_use]
pub fn resolve(params: &LinkParams, stored: Stored, local: impl Into<Local>, day: u8) -> Opening {
    let local = local.into();
    let mut notices = Vec::new();
    let mut autosave = true;
    if let Some((notice, may_save)) = storage_notice(&stored) {
        notices.push(notice);
        autosave = may_save;
    }
    let saved = match stored {
        Stored::Workspace(read) => {
            notices.extend(read.problems.iter().cloned().map(Notice::problem));
            if read.migrated {
                notices.push(Notice::info(MIGRATED_NOTICE));
            }
            Some(read.workspace)
        }
        _ => None,
    };
    let compared = link::compare_links(params).and_then(|(links, _)| links.into_iter().next());
    let Some(mut workspace) = saved else {
        // Nothing saved: the link's plan (a comparison's first), or the default, is the only
        // scenario.
        let first = compared.as_ref().unwrap_or(params);
        let mut workspace = if first.has_scenario() {
            let (name, plan, actuals) = read_link(first, local, day, &mut notices);
            let mut workspace = Workspace::new(name, plan, Vec::new());
            if !actuals.is_empty() {
                let id = workspace.current().id.clone();
                workspace.apply(ScenarioStep::Actuals {
                    id,
                    actuals: Box::new(actuals),
                });
            }
            workspace
        } else {
            Workspace::new(first_name(), Scenario::starting(local), Vec::new())
        };
        let compare = open_compare(&mut workspace, params, local, day)
            .map(|(ids, more)| {
                notices.extend(more);
                ids
            })
            .unwrap_or_default();
        return Opening {
            workspace,
            notices,
            back_to: None,
            compare,
            autosave,
        };
    };
    let before = workspace.current().id.clone();
    let mut back_to = None;
    if let Some(more) = open_link(&mut workspace, params, local, day) {
        notices.extend(more);
    }
    let compare = open_compare(&mut workspace, params, local, day)
        .map(|(ids, more)| {
            notices.extend(more);
            ids
        })
        .unwrap_or_default();
    if workspace.current().id != before {
        back_to = Some(before);
    }
    Opening {
        workspace,
        notices,
        back_to,
        compare,
        autosave,
    }
}

/// Told once, when the page first opens a plan saved by an earlier version.
pub const MIGRATED_NOTICE: &str = "Your saved plan is now the scenario \u{201c}My plan\u{201d}; \
     a plan kept aside earlier is \u{201c}Previous plan\u{201d}. The earlier saved data is left \
     in storage as it was.";

/// The name of the first scenario of a new workspace.
#[must_use]
pub fn first_name() -> ScenarioName {
    ScenarioName::new(super::workspace::MIGRATED_NAME).unwrap_or_else(|_| ScenarioName::untitled())
}

/// The name a shared link's plan takes when the link names none: `Shared plan 2026-11-23`,
/// for the day it was opened (`local`'s month, and `day` of it).
#[must_use]
pub fn shared_plan_name(local: impl Into<Local>, day: u8) -> ScenarioName {
    let text = format!("Shared plan {}-{day:02}", local.into().today);
    ScenarioName::new(&text).unwrap_or_else(|_| ScenarioName::untitled())
}

/// Reads a link's scenario: its name (or "Shared plan" and the day), its plan and the
/// actuals it carries, with every problem added to `notices`.
fn read_link(
    params: &LinkParams,
    local: Local,
    day: u8,
    notices: &mut Vec<Notice>,
) -> (ScenarioName, Scenario, ActualsLog) {
    let decoded = link::decode(params, local);
    let (actuals, actual_problems) = link::decode_actuals(params);
    let name = match link::scenario_name(params) {
        Ok(Some(name)) => name,
        Ok(None) => shared_plan_name(local, day),
        Err(problem) => {
            notices.push(Notice::problem(problem.to_string()));
            shared_plan_name(local, day)
        }
    };
    notices.extend(
        decoded
            .problems
            .iter()
            .chain(&actual_problems)
            .map(|problem| Notice::problem(problem.to_string())),
    );
    (name, decoded.scenario, actuals)
}

/// Opens a link's plan in the workspace, as a scenario: the one holding the same plan (and
/// the same actuals, when the link carries any) becomes current, so opening a link twice
/// never duplicates it; or else the plan is added, named by the link's `name` or
/// [`shared_plan_name`]. Nothing already there is replaced. Returns what to tell the user, or
/// `None` when the link carries no plan.
pub fn open_link(
    workspace: &mut Workspace,
    params: &LinkParams,
    local: impl Into<Local>,
    day: u8,
) -> Option<Vec<Notice>> {
    if !params.has_scenario() {
        return None;
    }
    let local = local.into();
    let mut notices = Vec::new();
    let (name, plan, actuals) = read_link(params, local, day, &mut notices);
    let before = workspace.current_index();
    let (index, added) = workspace.open(name, plan, actuals);
    if !added && index == before {
        // The scenario on screen already (a reload of its own address): nothing to say.
        return Some(notices);
    }
    let shown = &workspace.entries()[index].name;
    notices.push(Notice::info(if added {
        format!(
            "The link\u{2019}s plan is open as a new scenario, \u{201c}{shown}\u{201d}. Your \
             other scenarios are as they were."
        )
    } else {
        format!("The link\u{2019}s plan is already here, as \u{201c}{shown}\u{201d}: it is open.")
    }));
    Some(notices)
}

/// Opens a comparison link's scenarios in the workspace, each as [`open_link`] opens one (a
/// plan already there is not added again), and makes the first current. Returns the
/// compared scenarios' identities, in the link's order and at most
/// [`crate::model::compare::MOST_COMPARED`], with what to tell the user; `None` when the link
/// is not a comparison.
pub fn open_compare(
    workspace: &mut Workspace,
    params: &LinkParams,
    local: impl Into<Local>,
    day: u8,
) -> Option<(Vec<String>, Vec<Notice>)> {
    let local = local.into();
    let (links, problems) = link::compare_links(params)?;
    let mut notices: Vec<Notice> = problems
        .iter()
        .map(|problem| Notice::problem(problem.to_string()))
        .collect();
    let mut ids: Vec<String> = Vec::new();
    for params in links.iter().take(crate::model::compare::MOST_COMPARED) {
        if let Some(more) = open_link(workspace, params, local, day) {
            // Each scenario's own problems; its "open as a new scenario" is said once below.
            notices.extend(more.into_iter().filter(|n| n.tone == Tone::Problem));
            let id = workspace.current().id.clone();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    if let Some(index) = ids.first().and_then(|id| workspace.find(id)) {
        workspace.switch(index);
    }
    notices.push(Notice::info(format!(
        "The link compares {} scenarios; each is in your scenarios now, and nothing you had \
         was replaced.",
        ids.len()
    )));
    Some((ids, notices))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::saved::SavedError;
    use crate::codec::workspace::ReadWorkspace;
    use crate::model::Money;
    use crate::model::YearMonth;

    fn today() -> YearMonth {
        YearMonth::new(2026, 11).unwrap()
    }

    fn linked(text: &str) -> LinkParams {
        LinkParams::parse(text)
    }

    #[test]
    fn a_link_opens_as_a_new_scenario_once_named_by_its_name_or_the_date() {
        let mine = ScenarioName::new("Mine").unwrap();
        let mut workspace = Workspace::new(mine, plan(5), Vec::new());
        let notices = open_link(
            &mut workspace,
            &linked("quota=7&name=Stretch%2C%20EU"),
            today(),
            3,
        )
        .unwrap();
        assert_eq!(workspace.current().name.as_str(), "Stretch, EU");
        assert_eq!(workspace.current().plan, plan(7));
        assert!(notices[0].text.contains("new scenario"));
        // The same link again: no copy, it is simply open.
        workspace.switch(0);
        let again = open_link(
            &mut workspace,
            &linked("quota=7&name=Stretch%2C%20EU"),
            today(),
            3,
        )
        .unwrap();
        assert_eq!(workspace.entries().len(), 2);
        assert_eq!(workspace.current().plan, plan(7));
        assert!(again[0].text.contains("already here"));
        // Unnamed, or badly named: named by the day it was opened.
        open_link(&mut workspace, &linked("quota=8"), today(), 23).unwrap();
        assert_eq!(workspace.current().name.as_str(), "Shared plan 2026-11-23");
        let bad = open_link(
            &mut workspace,
            &linked("quota=9&name=%E2%80%AEx"),
            today(),
            23,
        )
        .unwrap();
        assert_eq!(
            workspace.current().name.as_str(),
            "Shared plan 2026-11-23 (2)"
        );
        assert!(bad[0].text.contains("name"), "{bad:?}");
        assert_eq!(bad[0].tone, Tone::Problem);
        // The scenario opened first is untouched, and a link without a plan opens nothing.
        assert_eq!(workspace.entries()[0].plan, plan(5));
        assert!(open_link(&mut workspace, &linked("v=1"), today(), 1).is_none());
    }

    #[test]
    fn a_comparison_link_opens_each_scenario_once_and_reads_back() {
        let names = [
            ScenarioName::new("Base, EU").unwrap(),
            ScenarioName::new("Stretch").unwrap(),
        ];
        let text = link::encode_compare([(&names[0], &plan(5)), (&names[1], &plan(9))]);
        assert!(
            text.starts_with("compare=") && text.ends_with(",2") && text.matches(',').count() == 2,
            "{text}"
        );
        let mut workspace = Workspace::new(ScenarioName::new("Mine").unwrap(), plan(5), Vec::new());
        let (ids, notices) = open_compare(&mut workspace, &linked(&text), today(), 3).unwrap();
        assert_eq!(
            workspace.names(),
            ["Mine", "Stretch"],
            "the same plan is not added twice"
        );
        assert_eq!(ids, ["s1", "s2"]);
        assert_eq!(
            workspace.current().name.as_str(),
            "Mine",
            "the first compared is current"
        );
        assert_eq!(workspace.entries()[1].plan, plan(9));
        assert!(notices.iter().all(|n| n.tone == Tone::Info), "{notices:?}");
        assert!(open_compare(&mut workspace, &linked("quota=5"), today(), 3).is_none());
        let (_, broken) = open_compare(
            &mut workspace,
            &linked("compare=quota%3D7,%E2%28"),
            today(),
            3,
        )
        .unwrap();
        assert_eq!(broken[0].tone, Tone::Problem);
    }

    #[test]
    fn a_comparison_link_cut_short_opens_what_arrived_whole_and_says_so() {
        let names = ["A", "B", "C"].map(|n| ScenarioName::new(n).unwrap());
        let text = link::encode_compare([
            (&names[0], &plan(5)),
            (&names[1], &plan(6)),
            (&names[2], &plan(7)),
        ]);
        let whole = |text: &str| {
            let (links, problems) = link::compare_links(&linked(text)).unwrap();
            let plans: Vec<Scenario> = links
                .iter()
                .map(|params| link::decode(params, today()).scenario)
                .collect();
            (plans, problems)
        };
        let (plans, problems) = whole(&text);
        assert_eq!(plans, [plan(5), plan(6), plan(7)]);
        assert_eq!(problems, []);
        // Cut anywhere after the first scenario: never a damaged plan, always said.
        let first_end = text.find(',').unwrap();
        for cut in (first_end + 1..text.len() - 1).step_by(7) {
            let (plans, problems) = whole(&text[..cut]);
            assert!(!plans.is_empty() && plans.len() < 3, "cut at {cut}");
            assert_eq!(
                plans[..],
                [plan(5), plan(6), plan(7)][..plans.len()],
                "cut at {cut}"
            );
            assert_eq!(
                problems,
                [link::LinkProblem::CompareCut { whole: plans.len() }],
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn a_link_with_actuals_opens_them_in_a_scenario_of_their_own() {
        use crate::model::actuals::ActualsLog;
        use crate::model::{Volume, YearMonth};
        let jan = YearMonth::new(2027, 1).unwrap();
        let log = ActualsLog::default()
            .with_volume(jan, "Leads, EU", Some(Volume::from_units(900).unwrap()))
            .with_revenue(jan, Some(Money::from_units(100_000).unwrap()));
        let name = ScenarioName::new("Q1 actuals").unwrap();
        let text = format!(
            "{}{}",
            link::encode_named(&plan(5), &name),
            link::encode_actuals(&log)
        );
        assert!(
            text.ends_with("&actuals=2027-01;Leads%2C+EU:900;:100000"),
            "{text}"
        );
        // Mine holds the same plan without actuals: the link's figures get a scenario of their own.
        let mut workspace = Workspace::new(ScenarioName::new("Mine").unwrap(), plan(5), Vec::new());
        let notices = open_link(&mut workspace, &linked(&text), today(), 3).unwrap();
        assert!(notices.iter().all(|n| n.tone == Tone::Info), "{notices:?}");
        assert_eq!(workspace.names(), ["Mine", "Q1 actuals"]);
        assert_eq!(workspace.current().actuals, log);
        assert!(workspace.entries()[0].actuals.is_empty(), "mine untouched");
        // Opened again: the same scenario, not a copy.
        open_link(&mut workspace, &linked(&text), today(), 3).unwrap();
        assert_eq!(workspace.entries().len(), 2);
        // A bad figure is left out alone and said; the rest is read.
        let bad = text.replace(";:100000", ";:lots;SQLs:40,soon;Leads:1");
        let mut other = Workspace::new(ScenarioName::new("Other").unwrap(), plan(9), Vec::new());
        let notices = open_link(&mut other, &linked(&bad), today(), 3).unwrap();
        let problems: Vec<&Notice> = notices.iter().filter(|n| n.tone == Tone::Problem).collect();
        assert_eq!(problems.len(), 2, "{notices:?}");
        let opened = &other.current().actuals;
        assert_eq!(opened.volume(jan, "SQLs"), Volume::from_units(40));
        assert_eq!(opened.volume(jan, "Leads, EU"), Volume::from_units(900));
        assert_eq!(opened.revenue(jan), None);
        assert_eq!(link::encode_actuals(&ActualsLog::default()), "");
    }

    #[test]
    fn a_named_link_reads_back_its_name() {
        let name = ScenarioName::new("Q1 \u{2013} stretch: 20 %").unwrap();
        let text = link::encode_named(&plan(7), &name);
        let params = linked(&text);
        assert_eq!(link::scenario_name(&params), Ok(Some(name)));
        assert_eq!(link::decode(&params, today()).scenario, plan(7));
        assert_eq!(link::decode(&params, today()).problems, []);
    }

    fn plan(quota: u64) -> Scenario {
        Scenario {
            quota: Money::from_units(quota).unwrap(),
            ..Scenario::starting(today())
        }
    }

    fn saved(workspace: Workspace) -> Stored {
        Stored::Workspace(Box::new(ReadWorkspace {
            workspace,
            problems: Vec::new(),
            migrated: false,
        }))
    }

    fn two() -> Workspace {
        let mut workspace = Workspace::new(ScenarioName::new("Mine").unwrap(), plan(5), Vec::new());
        workspace.add(ScenarioName::new("Other").unwrap(), plan(6), Vec::new());
        workspace.switch(0);
        workspace
    }

    #[test]
    fn no_link_and_nothing_saved_opens_the_default_quietly() {
        let opening = resolve(&linked(""), Stored::Empty, today(), 3);
        assert_eq!(opening.workspace.names(), ["My plan"]);
        assert_eq!(
            opening.workspace.current().plan,
            Scenario::starting(today())
        );
        assert_eq!(opening.notices, []);
        assert_eq!(opening.back_to, None);
        assert!(opening.autosave);
    }

    #[test]
    fn the_saved_current_scenario_opens_without_a_link() {
        let mut workspace = two();
        workspace.switch(1);
        let opening = resolve(&linked("v=1"), saved(workspace.clone()), today(), 3);
        assert_eq!(opening.workspace, workspace);
        assert_eq!(opening.notices, []);
    }

    #[test]
    fn a_link_opens_as_a_scenario_and_the_one_it_replaced_is_offered_back() {
        let opening = resolve(&linked("quota=7"), saved(two()), today(), 3);
        assert_eq!(
            opening.workspace.names(),
            ["Mine", "Other", "Shared plan 2026-11-03"]
        );
        assert_eq!(opening.workspace.current().plan, plan(7));
        assert_eq!(opening.back_to.as_deref(), Some("s1"));
        // A reload of the page's own address: the same scenario, nothing said.
        let again = resolve(&linked("quota=5&name=Mine"), saved(two()), today(), 3);
        assert_eq!(again.workspace, two());
        assert_eq!((again.notices, again.back_to), (Vec::new(), None));
        // With nothing saved, the link's plan is the only scenario.
        let fresh = resolve(&linked("quota=7&name=Stretch"), Stored::Empty, today(), 3);
        assert_eq!(fresh.workspace.names(), ["Stretch"]);
    }

    #[test]
    fn unreadable_storage_is_reported_and_named() {
        let stored = Stored::Unreadable {
            error: SavedError::Format("EOF".into()),
            kept: true,
        };
        let opening = resolve(&linked(""), stored, today(), 3);
        assert_eq!(
            opening.workspace.current().plan,
            Scenario::starting(today())
        );
        assert_eq!(opening.notices.len(), 1);
        assert_eq!(opening.notices[0].tone, Tone::Problem);
        assert!(opening.notices[0].text.contains(UNREADABLE_KEY));
    }

    #[test]
    fn link_problems_become_notices() {
        let opening = resolve(&linked("quota=abc"), Stored::Unavailable, today(), 3);
        assert_eq!(opening.notices.len(), 2);
        assert!(opening.notices[0].text.contains("blocks local storage"));
        assert!(opening.notices[1].text.contains("\u{201c}abc\u{201d}"));
    }

    #[test]
    fn nothing_is_written_over_what_could_not_be_read() {
        let failed = resolve(
            &linked(""),
            Stored::ReadFailed("SecurityError".into()),
            today(),
            3,
        );
        assert!(!failed.autosave);
        assert!(failed.notices[0].text.contains("SecurityError"));
        assert!(failed.notices[0].text.contains("will not save here"));
        let unkept = Stored::Unreadable {
            error: SavedError::Format("EOF".into()),
            kept: false,
        };
        let opening = resolve(&linked(""), unkept, today(), 3);
        assert!(!opening.autosave);
        assert!(
            opening.notices[0]
                .text
                .contains("Download the unreadable data")
        );
        let kept = Stored::Unreadable {
            error: SavedError::Format("EOF".into()),
            kept: true,
        };
        assert!(resolve(&linked(""), kept, today(), 3).autosave);
        assert!(!resolve(&linked("quota=5"), Stored::Unavailable, today(), 3).autosave);
    }

    #[test]
    fn saved_problems_and_a_migration_are_told() {
        let read = ReadWorkspace {
            workspace: two(),
            problems: vec!["Scenario 2 (\u{201c}Other\u{201d}): its quota fell back.".into()],
            migrated: true,
        };
        let opening = resolve(&linked(""), Stored::Workspace(Box::new(read)), today(), 3);
        assert_eq!(opening.notices[0].tone, Tone::Problem);
        assert!(opening.notices[0].text.starts_with("Scenario 2"));
        assert_eq!(opening.notices[1], Notice::info(MIGRATED_NOTICE));
        assert!(opening.autosave);
    }
}
