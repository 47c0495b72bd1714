//! What the page shows when it opens, or when its address changes: the link's plan, the saved
//! plan, or the default, and what to tell the user about it.

use super::link::{self, LinkParams};
use super::saved::{SavedPlan, Stored};
use crate::model::workspace::{ScenarioName, Workspace};
use crate::model::{Local, Scenario};

/// Storage key named in messages about unreadable saved text (see `browser::storage`).
pub const UNREADABLE_KEY: &str = "funnel-planner.plan.unreadable";

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
    /// The plan to show.
    pub scenario: Scenario,
    /// Field text that was not valid when the plan was saved, keyed by `data-testid`.
    pub drafts: Vec<(String, String)>,
    /// What to tell the user.
    pub notices: Vec<Notice>,
    /// The plan saved in this browser, when a link's different plan is shown instead: the page
    /// offers to bring it back, and does not overwrite it until the user edits.
    pub saved_offer: Option<SavedPlan>,
    /// Whether the page may save to storage. It may not when storage is blocked, when the
    /// saved plan could not be read, or when unreadable saved text could not be backed up:
    /// nothing is ever written over what could not be read.
    pub autosave: bool,
}

impl Opening {
    /// Opens a plan with nothing to say about it.
    #[must_use]
    pub fn plan(scenario: Scenario) -> Self {
        Self {
            scenario,
            drafts: Vec::new(),
            notices: Vec::new(),
            saved_offer: None,
            autosave: true,
        }
    }
}

/// Decides what to show from the address's parameters and the browser's saved plan, at
/// `local`: this month (which sets the default first month) and the reader's currency.
///
/// A link with scenario parameters wins, and a different saved plan is offered back; without
/// one, the saved plan is shown; without that, the default. Storage that cannot be read, or
/// unreadable text that could not be backed up, turns autosave off and is reported.
#[must_use]
pub fn resolve(params: &LinkParams, stored: Stored, local: impl Into<Local>) -> Opening {
    let local = local.into();
    let mut notices = Vec::new();
    let mut autosave = true;
    let saved = match stored {
        Stored::Plan(plan) => Some(*plan),
        Stored::Empty => None,
        Stored::Unavailable => {
            autosave = false;
            notices.push(Notice::problem(
                "This browser blocks local storage, so the plan will not be saved here. \
                 Use Copy link to keep it.",
            ));
            None
        }
        Stored::ReadFailed(reason) => {
            autosave = false;
            notices.push(Notice::problem(format!(
                "Your saved plan could not be read from this browser's storage ({reason}). \
                 So that nothing saved is lost, this page will not save here: changes stay in \
                 this tab. Use Copy link to keep them."
            )));
            None
        }
        Stored::Unreadable { error, kept } => {
            let kept = if kept {
                format!(
                    " The unreadable data is kept in local storage under \u{201c}{UNREADABLE_KEY}\u{201d}."
                )
            } else {
                autosave = false;
                " There is no room to keep a copy of it, so this page will not save over it: \
                 changes stay in this tab. Download the unreadable data, then clear it to save \
                 here again."
                    .to_owned()
            };
            notices.push(Notice::problem(format!(
                "Your saved plan could not be read: {error}. Starting from the default plan.{kept}"
            )));
            None
        }
    };
    if params.has_scenario() {
        let decoded = link::decode(params, local);
        notices.extend(
            decoded
                .problems
                .iter()
                .map(|problem| Notice::problem(problem.to_string())),
        );
        // The same plan as the saved one (a reload): its drafts come back too.
        let (drafts, saved_offer) = match saved {
            Some(saved) if saved.scenario == decoded.scenario => (saved.drafts, None),
            other => (Vec::new(), other),
        };
        Opening {
            scenario: decoded.scenario,
            drafts,
            notices,
            saved_offer,
            autosave,
        }
    } else if let Some(saved) = saved {
        notices.extend(
            saved
                .problems
                .iter()
                .map(|problem| Notice::problem(problem.message("saved plan"))),
        );
        Opening {
            scenario: saved.scenario,
            drafts: saved.drafts,
            notices,
            saved_offer: None,
            autosave,
        }
    } else {
        Opening {
            notices,
            autosave,
            ..Opening::plan(Scenario::starting(local))
        }
    }
}

/// The name a shared link's plan takes when the link names none: `Shared plan 2026-11-23`,
/// for the day it was opened (`local`'s month, and `day` of it).
#[must_use]
pub fn shared_plan_name(local: impl Into<Local>, day: u8) -> ScenarioName {
    let text = format!("Shared plan {}-{day:02}", local.into().today);
    ScenarioName::new(&text).unwrap_or_else(|_| ScenarioName::untitled())
}

/// Opens a link's plan in the workspace, as a scenario: the one holding the same plan becomes
/// current (opening a link twice never duplicates it), or else the plan is added, named by
/// the link's `name` or [`shared_plan_name`]. Nothing already there is replaced. Returns
/// what to tell the user, or `None` when the link carries no plan.
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
    let decoded = link::decode(params, local);
    let mut notices: Vec<Notice> = decoded
        .problems
        .iter()
        .map(|problem| Notice::problem(problem.to_string()))
        .collect();
    let name = match link::scenario_name(params) {
        Ok(Some(name)) => name,
        Ok(None) => shared_plan_name(local, day),
        Err(problem) => {
            notices.push(Notice::problem(problem.to_string()));
            shared_plan_name(local, day)
        }
    };
    let (index, added) = workspace.open(name, decoded.scenario);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::saved::SavedError;
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

    #[test]
    fn no_link_and_no_saved_plan_opens_the_default_quietly() {
        let opening = resolve(&linked(""), Stored::Empty, today());
        assert_eq!(opening.scenario, Scenario::starting(today()));
        assert_eq!(opening.notices, []);
        assert_eq!(opening.saved_offer, None);
    }

    #[test]
    fn saved_plan_opens_without_a_link() {
        let opening = resolve(
            &linked("v=1"),
            Stored::Plan(Box::new(SavedPlan::clean(plan(5)))),
            today(),
        );
        assert_eq!(opening.scenario, plan(5));
        assert_eq!(opening.saved_offer, None);
    }

    #[test]
    fn link_wins_and_a_different_saved_plan_is_offered_back() {
        let opening = resolve(
            &linked("quota=7"),
            Stored::Plan(Box::new(SavedPlan::clean(plan(5)))),
            today(),
        );
        assert_eq!(opening.scenario, plan(7));
        assert_eq!(opening.saved_offer, Some(SavedPlan::clean(plan(5))));
        let same = resolve(
            &linked("quota=5"),
            Stored::Plan(Box::new(SavedPlan::clean(plan(5)))),
            today(),
        );
        assert_eq!(same.saved_offer, None);
    }

    #[test]
    fn unreadable_storage_is_reported_and_named() {
        let stored = Stored::Unreadable {
            error: SavedError::Format("EOF".into()),
            kept: true,
        };
        let opening = resolve(&linked(""), stored, today());
        assert_eq!(opening.scenario, Scenario::starting(today()));
        assert_eq!(opening.notices.len(), 1);
        assert_eq!(opening.notices[0].tone, Tone::Problem);
        assert!(opening.notices[0].text.contains(UNREADABLE_KEY));
    }

    #[test]
    fn link_problems_become_notices() {
        let opening = resolve(&linked("quota=abc"), Stored::Unavailable, today());
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
        );
        assert!(!failed.autosave);
        assert!(failed.notices[0].text.contains("SecurityError"));
        assert!(failed.notices[0].text.contains("will not save here"));
        let unkept = Stored::Unreadable {
            error: SavedError::Format("EOF".into()),
            kept: false,
        };
        let opening = resolve(&linked(""), unkept, today());
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
        assert!(resolve(&linked(""), kept, today()).autosave);
        assert!(!resolve(&linked("quota=5"), Stored::Unavailable, today()).autosave);
    }

    #[test]
    fn a_saved_plan_opens_with_its_drafts_and_its_problems() {
        let saved = SavedPlan {
            scenario: plan(5),
            drafts: vec![("deal".into(), "450%".into())],
            problems: link::decode(&linked("quota=abc"), today()).problems,
        };
        let opening = resolve(&linked(""), Stored::Plan(Box::new(saved)), today());
        assert_eq!(opening.drafts, [("deal".to_owned(), "450%".to_owned())]);
        assert!(
            opening.notices[0]
                .text
                .starts_with("The saved plan's quota")
        );
        assert!(opening.autosave);
    }
}
