//! Shareable links: a scenario in the URL fragment (or query string), and back.
//!
//! Syntax (a public contract, documented in the README):
//! `v=1&quota=2000000&deal=60000&stages=Visitors,Leads:2.5,MQLs:20&traffic=200000&round=stage`.
//!
//! Decoding takes two steps: [`LinkParams::parse`] splits raw text into raw parameter values
//! (never failing), then [`decode`] validates each parameter into the [`Scenario`]. A bad
//! parameter falls back to its default alone and is reported as a [`LinkProblem`].

use std::fmt;

use super::percent;
use crate::model::actuals::{ActualsLog, Figure, Recorded};
use crate::model::assumptions::MAX_CHANNELS;
use crate::model::field::{FIELDS, Field, FieldError, FieldSpec, bounds_plain, channel_name};
use crate::model::form::join_days;
use crate::model::uncertainty::{self, Bounds, Side};
use crate::model::workspace::{ScenarioName, ScenarioNameError};
use crate::model::{
    Channel, Funnel, FunnelError, Local, Money, NameError, NumberError, Rate, Scenario, Share,
    StageName,
};
use crate::model::{YearMonth, monthly, wording};

/// The link format version this page writes and reads.
pub const VERSION: &str = "1";

/// Longest raw value quoted back in a problem message.
const QUOTE_CHARS: usize = 24;

/// Parameters a link carries beside the inputs of [`FIELDS`]: the format version, the stages,
/// the channels, the scenario's name (`name`, percent-encoded like stage names; read when
/// a link is opened as a scenario, see [`scenario_name`]) and, only when the user asks, its
/// actuals (`actuals`, see [`encode_actuals`]).
const LIST_PARAMS: [&str; 5] = ["v", "stages", "channels", "name", "actuals"];

/// Page parameters: how the page shows the plan, never part of the plan. They are kept apart
/// from the scenario's parameters ([`LinkParams::page`]), never saved, and written after them.
/// `present=1` opens meeting mode.
pub const PAGE_PARAMS: [&str; 2] = ["present", "compare"];

/// The page parameters a link carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PageParams {
    /// Meeting mode (`present=1`).
    pub present: bool,
}

impl PageParams {
    /// Reads the page parameters of `params`: `present=1` is meeting mode; any other value
    /// (`0`, empty) is not.
    #[must_use]
    pub fn read(params: &LinkParams) -> Self {
        Self {
            present: params.page("present") == Some("1"),
        }
    }

    /// The page parameters as link text to append to a scenario's link (`&present=1`), or
    /// nothing.
    #[must_use]
    pub fn suffix(self) -> &'static str {
        if self.present { "&present=1" } else { "" }
    }
}

/// Returns the name of a parameter this page reads, or `None` for any other.
fn known_param(key: &str) -> Option<&'static str> {
    LIST_PARAMS
        .into_iter()
        .chain(FIELDS.iter().map(|spec| spec.key))
        .find(|&name| name == key)
}

/// A link's parameters as raw, still percent-encoded text: the first decoding step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkParams {
    /// Known parameters and their raw values (the last one given wins).
    values: Vec<(&'static str, String)>,
    /// Names of parameters this page does not know, in order of appearance.
    pub unknown: Vec<String>,
    /// Names of known parameters given more than once (the last one is used).
    pub repeated: Vec<String>,
    /// Page parameters ([`PAGE_PARAMS`]) and their raw values.
    page: Vec<(&'static str, String)>,
}

impl LinkParams {
    /// Splits `key=value&key=value` text (a query string or fragment, without `?` or `#`).
    #[must_use]
    pub fn parse(text: &str) -> Self {
        let mut params = Self::default();
        for pair in text.split('&').filter(|pair| !pair.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = percent::decode(key).unwrap_or_else(|| key.to_owned());
            if let Some(page) = PAGE_PARAMS.into_iter().find(|&name| name == key) {
                params.page.retain(|(name, _)| *name != page);
                params.page.push((page, value.to_owned()));
                continue;
            }
            let Some(known) = known_param(&key) else {
                params.unknown.push(quote(&key));
                continue;
            };
            params.set(known, value.to_owned());
        }
        params
    }

    /// Sets a parameter's raw value, noting when it was already given.
    fn set(&mut self, key: &'static str, value: String) {
        if let Some(slot) = self.values.iter_mut().find(|(name, _)| *name == key) {
            slot.1 = value;
            if !self.repeated.iter().any(|name| name == key) {
                self.repeated.push(key.to_owned());
            }
        } else {
            self.values.push((key, value));
        }
    }

    /// Builds parameters from name and raw-value pairs, as storage keeps them.
    #[must_use]
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut params = Self::default();
        for (key, value) in pairs {
            match known_param(key) {
                Some(known) => params.set(known, value.to_owned()),
                None => params.unknown.push(quote(key)),
            }
        }
        params
    }

    /// Returns every parameter and its raw value, in the order given.
    pub fn pairs(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.values
            .iter()
            .map(|(key, value)| (*key, value.as_str()))
    }

    /// Returns a parameter's raw (still percent-encoded) value.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, value)| value.as_str())
    }

    /// Returns a page parameter's raw value.
    #[must_use]
    pub fn page(&self, key: &str) -> Option<&str> {
        self.page
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, value)| value.as_str())
    }

    /// Combines the query string's parameters with the fragment's; the fragment wins.
    #[must_use]
    pub fn merge(query: Self, fragment: Self) -> Self {
        let mut merged = query;
        for (key, value) in fragment.values {
            if let Some(slot) = merged.values.iter_mut().find(|(name, _)| *name == key) {
                slot.1 = value;
            } else {
                merged.values.push((key, value));
            }
        }
        for (key, value) in fragment.page {
            merged.page.retain(|(name, _)| *name != key);
            merged.page.push((key, value));
        }
        merged.unknown.extend(fragment.unknown);
        merged.repeated.extend(fragment.repeated);
        merged
    }

    /// Whether the link carries any scenario parameter (an empty link means "no scenario").
    #[must_use]
    pub fn has_scenario(&self) -> bool {
        self.values.iter().any(|(name, _)| *name != "v")
    }
}

/// Something wrong with a link, and what the page did about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// A parameter's value has a broken `%` escape or is not UTF-8.
    BadEncoding {
        /// The parameter's name.
        param: &'static str,
    },
    /// `v` names a format version this page does not know.
    UnknownVersion(String),
    /// An input's value is not acceptable; its default is used.
    Field {
        /// The parameter's name.
        param: &'static str,
        /// The value as given, shortened.
        text: String,
        /// What is wrong with it.
        error: FieldError,
        /// The default used instead, in words.
        default: String,
    },
    /// Days per stage that are not one per step from the lead stage to Won: kept, while the
    /// plan splits the cycle evenly.
    StepCount {
        /// The days as given, shortened.
        text: String,
        /// How many numbers to give instead, as a sentence.
        request: String,
    },
    /// The channel list is not readable; no channels are used.
    Channels {
        /// The value as given, shortened.
        text: String,
        /// What is wrong with it, as a sentence.
        reason: String,
    },
    /// `stages` is not a funnel; the default stages are used.
    Stages(StagesProblem),
    /// A stage's low or high is not usable; the stage and its rate are kept, without that
    /// end of the range.
    StageBound {
        /// Position, 0 = top.
        index: usize,
        /// The stage's name.
        name: String,
        /// Which end.
        side: Side,
        /// The value as given, shortened.
        text: String,
        /// What is wrong with it.
        error: FieldError,
    },
    /// A stage's rate carries more than a low and a high; the extra is ignored.
    StageBoundsExtra {
        /// Position, 0 = top.
        index: usize,
        /// The stage's name.
        name: String,
    },
    /// A parameter this page does not use; ignored.
    UnknownParam(String),
    /// A parameter given more than once; the last is used.
    Repeated(String),
    /// `name` cannot name a scenario; the plan is named by date instead.
    Name {
        /// The name as given, shortened.
        text: String,
        /// What is wrong with it.
        error: ScenarioNameError,
    },
    /// A comparison link that does not end with the count of the scenarios it carries: it
    /// was cut short on the way, and its last scenario may be cut too, so it is left out.
    CompareCut {
        /// How many scenarios arrived whole.
        whole: usize,
    },
    /// An entry of `actuals` that cannot be read; left out alone, the rest is read.
    Actuals {
        /// The entry as given, shortened.
        text: String,
        /// What is wrong with it, as a sentence.
        reason: String,
    },
    /// One of a comparison link's scenarios is garbled (a broken `%` escape); left out.
    CompareGarbled {
        /// Its position in the link, 1 = first.
        position: usize,
    },
}

/// What is wrong with a link's `stages` parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StagesProblem {
    /// Too few or too many stages.
    Count(FunnelError),
    /// Stage `index` (0 = top) has a bad name.
    Name {
        /// Position, 0 = top.
        index: usize,
        /// The name as given, shortened.
        text: String,
        /// What is wrong with it.
        error: NameError,
    },
    /// Stage `index` has no `:rate`.
    MissingRate {
        /// Position, 0 = top.
        index: usize,
        /// The stage's name.
        name: String,
    },
    /// Stage `index` has a bad rate.
    Rate {
        /// Position, 0 = top.
        index: usize,
        /// The stage's name.
        name: String,
        /// The rate as given, shortened.
        text: String,
        /// What is wrong with it.
        error: NumberError,
    },
}

impl fmt::Display for StagesProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Count(error) => write!(f, "{error}"),
            Self::Name { index, text, error } => {
                write!(f, "stage {} \u{201c}{text}\u{201d}: {error}", index + 1)
            }
            Self::MissingRate { index, name } => write!(
                f,
                "stage {} \u{201c}{name}\u{201d} has no conversion rate (write {name}:20 for 20 %)",
                index + 1
            ),
            Self::Rate {
                index,
                name,
                text,
                error,
            } => write!(
                f,
                "stage {} \u{201c}{name}\u{201d} has rate \u{201c}{text}\u{201d}: {error}",
                index + 1
            ),
        }
    }
}

impl LinkProblem {
    /// The problem in words, naming where the plan came from: `source` is "link" or
    /// "saved plan".
    #[must_use]
    pub fn message(&self, source: &str) -> String {
        match self {
            Self::BadEncoding { param } => format!(
                "The {source}'s {param} is garbled (a broken % escape); using the default {param}."
            ),
            Self::UnknownVersion(version) => format!(
                "The {source} says it is version \u{201c}{version}\u{201d}; this page reads \
                 version {VERSION}, so some of it may be read differently."
            ),
            Self::Field {
                param,
                text,
                error,
                default,
            } => format!(
                "The {source}'s {param} \u{201c}{text}\u{201d} is not usable: {error} Using \
                 {default}."
            ),
            Self::Channels { text, reason } => format!(
                "The {source}'s channels \u{201c}{text}\u{201d} are not usable: {reason} Using \
                 no channels (the blended cost per lead)."
            ),
            Self::StepCount { text, request } => format!(
                "The {source}'s stagedays \u{201c}{text}\u{201d} do not fit the funnel: {request} \
                 The plan splits the cycle evenly until they do."
            ),
            Self::Stages(problem) => format!(
                "The {source}'s stages are not usable: {}. Using the default stages.",
                problem.to_string().trim_end_matches('.')
            ),
            Self::StageBound {
                index,
                name,
                side,
                text,
                error,
            } => wording::uncertainty::bound_problem(
                source,
                *index,
                name,
                *side,
                text,
                &error.to_string(),
            ),
            Self::StageBoundsExtra { index, name } => {
                wording::uncertainty::bounds_extra_problem(source, *index, name)
            }
            Self::UnknownParam(name) => format!(
                "The {source}'s parameter \u{201c}{name}\u{201d} is not one this page uses; \
                 ignored."
            ),
            Self::Repeated(name) => {
                format!("The {source} gives {name} more than once; using the last one.")
            }
            Self::Name { text, error } => format!(
                "The {source}'s name \u{201c}{text}\u{201d} is not usable: {error} Naming the \
                 plan by date instead."
            ),
            Self::CompareCut { whole } => wording::compare::cut_short(*whole),
            Self::Actuals { text, reason } => format!(
                "The {source}'s actuals \u{201c}{text}\u{201d} are not usable: {reason} Those \
                 figures are left out."
            ),
            Self::CompareGarbled { position } => wording::compare::garbled(*position),
        }
    }
}

impl fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message("link"))
    }
}

impl std::error::Error for LinkProblem {}

/// A decoded link: the scenario to show and everything that had to be fixed to show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The scenario, with defaults where the link was unusable.
    pub scenario: Scenario,
    /// What was wrong, in the order of the parameters.
    pub problems: Vec<LinkProblem>,
}

/// Reads parameters one by one, recording problems and falling back to defaults.
struct Reader<'a> {
    params: &'a LinkParams,
    problems: Vec<LinkProblem>,
}

impl Reader<'_> {
    /// Returns a parameter's percent-decoded text, or `None` when absent or garbled (garbled
    /// text is recorded as a problem).
    fn text(&mut self, param: &'static str) -> Option<String> {
        let raw = self.params.get(param)?;
        let text = percent::decode(raw);
        if text.is_none() {
            self.problems.push(LinkProblem::BadEncoding { param });
        }
        text
    }

    /// Reads one input into the scenario, keeping the value already there (its default) when
    /// the text is not acceptable.
    fn field(&mut self, spec: &'static FieldSpec, scenario: &mut Scenario) {
        let Some(text) = self.text(spec.key) else {
            return;
        };
        if let Err(error) = (spec.parse)(&text, scenario) {
            let default = spec.describe(scenario);
            self.problems.push(LinkProblem::Field {
                param: spec.key,
                text: quote(&text),
                error,
                default: if spec.is_optional() {
                    default
                } else {
                    format!("the default, {default}")
                },
            });
        }
    }
}

/// Validates a link's parameters into a scenario: the second decoding step. Parameters left
/// out take their defaults; `local` sets the default first month (from this month) and the
/// default currency (the reader's).
#[must_use]
pub fn decode(params: &LinkParams, local: impl Into<Local>) -> Decoded {
    let local = local.into();
    let today = local.today;
    let mut read = Reader {
        params,
        problems: Vec::new(),
    };
    if let Some(version) = read.text("v")
        && version != VERSION
    {
        read.problems
            .push(LinkProblem::UnknownVersion(quote(&version)));
    }
    let mut scenario = Scenario::starting(local);
    // Stages split on raw separators, so they are decoded from the raw value. They come
    // first: the lead and handoff stages are checked against them.
    match params.get("stages").map(decode_stages) {
        None => {}
        Some(Ok((funnel, problems))) => {
            scenario.funnel = funnel;
            read.problems.extend(problems);
        }
        Some(Err(problem)) => read.problems.push(problem),
    }
    if let Some(raw) = params.get("channels") {
        match decode_channels_raw(raw) {
            Ok(channels) => scenario.costs.channels = channels,
            Err(reason) => read.problems.push(LinkProblem::Channels {
                text: quote(&percent::decode(raw).unwrap_or_else(|| raw.to_owned())),
                reason: sentence(&reason),
            }),
        }
    }
    for spec in &FIELDS {
        if spec.field == Field::Start {
            // The default first month is the next period that has not started, for the
            // period read just before.
            scenario.timing.start = today.next_period_start(scenario.period);
        }
        read.field(spec, &mut scenario);
    }
    let mut problems = read.problems;
    // Days per stage are kept as given; while they are not one per step, the plan splits the
    // cycle evenly and says so beside the field.
    let steps = monthly::steps_to_won(&scenario);
    if let (Err(mismatch), Some(days)) = (
        scenario.timing.step_days(steps),
        scenario.timing.stage_days.as_deref(),
    ) {
        let name = |index: usize| scenario.funnel.name_text(index);
        let lead = scenario.costs.lead_stage_in(&scenario.funnel);
        let won = scenario.funnel.stage_count() - 1;
        problems.push(LinkProblem::StepCount {
            text: quote(&join_days(days)),
            request: wording::step_count_request(mismatch, &name(lead), &name(won)),
        });
    }
    problems.extend(params.repeated.iter().cloned().map(LinkProblem::Repeated));
    problems.extend(
        params
            .unknown
            .iter()
            .cloned()
            .map(LinkProblem::UnknownParam),
    );
    Decoded { scenario, problems }
}

/// Makes a message a sentence: capitalised, ending in a full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let first = chars
        .next()
        .map(|c| c.to_ascii_uppercase())
        .unwrap_or_default();
    let rest: String = chars.collect();
    let text = format!("{first}{rest}");
    if text.ends_with('.') {
        text
    } else {
        format!("{text}.")
    }
}

/// Decodes `channels=Name:share:cost,…` (raw). Shares need not total 100 %: the plan scales
/// them and says so.
fn decode_channels_raw(raw: &str) -> Result<Vec<Channel>, String> {
    let channels = raw
        .split(',')
        .enumerate()
        .map(|(index, item)| {
            let parts: Vec<String> = item
                .split(':')
                .map(|part| percent::decode(part).ok_or("a broken % escape".to_owned()))
                .collect::<Result<_, _>>()?;
            let [name, share, cost] = &parts[..] else {
                return Err(format!(
                    "channel {} is not written Name:share:cost (for example Search:60:45)",
                    index + 1
                ));
            };
            let name = channel_name(name).map_err(|e| format!("channel {}: {e}", index + 1))?;
            let share = Share::parse_percent(share).map_err(|e| format!("{name}'s share: {e}"))?;
            let cost_per_lead = Money::parse(cost).map_err(|e| format!("{name}'s cost: {e}"))?;
            Ok(Channel {
                name,
                share,
                cost_per_lead,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    if channels.len() > MAX_CHANNELS {
        return Err(format!(
            "at most {MAX_CHANNELS} channels, not {}",
            channels.len()
        ));
    }
    Ok(channels)
}

/// Writes a scenario as link parameters (without the leading `#`): the version, every input
/// that is set, then the stages and the channels.
#[must_use]
pub fn encode(scenario: &Scenario) -> String {
    let mut link = format!("v={VERSION}");
    for spec in &FIELDS {
        if let Some(value) = (spec.plain)(scenario) {
            link.push('&');
            link.push_str(spec.key);
            link.push('=');
            // Values are plain numbers, months and lists: their separators need no escape.
            link.push_str(&percent::encode_list(&value));
        }
    }
    link.push_str("&stages=");
    link.push_str(&percent::encode(scenario.funnel.top().as_str()));
    for step in scenario.funnel.steps() {
        link.push(',');
        link.push_str(&percent::encode(step.name.as_str()));
        link.push(':');
        link.push_str(&step.rate.percent_plain());
        link.push_str(&bounds_plain(step.bounds));
    }
    if !scenario.costs.channels.is_empty() {
        let items: Vec<String> = scenario
            .costs
            .channels
            .iter()
            .map(|c| {
                format!(
                    "{}:{}:{}",
                    percent::encode(c.name.as_str()),
                    c.share.percent_plain(),
                    c.cost_per_lead.to_plain()
                )
            })
            .collect();
        link.push_str("&channels=");
        link.push_str(&items.join(","));
    }
    link
}

/// Writes a scenario's link with its name, so that the link opens as a scenario of that name.
#[must_use]
pub fn encode_named(scenario: &Scenario, name: &ScenarioName) -> String {
    format!(
        "{}&name={}",
        encode(scenario),
        percent::encode(name.as_str())
    )
}

/// A link to a comparison: `compare=`, each scenario's own link (its plan and `name`)
/// percent-encoded whole, then the number of scenarios, all separated by commas
/// (`compare=<link 1>,<link 2>,2`). The count at the end tells a whole link from one an app
/// cut short.
#[must_use]
pub fn encode_compare<'a>(
    scenarios: impl IntoIterator<Item = (&'a ScenarioName, &'a Scenario)>,
) -> String {
    let mut parts: Vec<String> = scenarios
        .into_iter()
        .map(|(name, plan)| percent::encode(&encode_named(plan, name)))
        .collect();
    parts.push(parts.len().to_string());
    format!("compare={}", parts.join(","))
}

/// The scenarios' links a comparison link carries, in order, or `None` when it carries none.
/// A part that cannot be decoded is left out, with its problem. When the link does not end
/// with its count it was cut short: its last part may be cut too, so it is left out, and
/// the problem says so.
#[must_use]
pub fn compare_links(params: &LinkParams) -> Option<(Vec<LinkParams>, Vec<LinkProblem>)> {
    let raw = params.page("compare").filter(|raw| !raw.is_empty())?;
    let mut parts: Vec<&str> = raw.split(',').collect();
    let count = parts.last().and_then(|last| last.parse::<usize>().ok());
    let mut problems = Vec::new();
    // The last part goes either way: it is the count, or (a part never being a bare number,
    // as it always holds `%3D`) the part where the link was cut.
    parts.pop();
    if count != Some(parts.len()) {
        problems.push(LinkProblem::CompareCut { whole: parts.len() });
    }
    let links = parts
        .iter()
        .enumerate()
        .filter_map(|(index, part)| {
            let text = percent::decode(part);
            if text.is_none() {
                problems.push(LinkProblem::CompareGarbled {
                    position: index + 1,
                });
            }
            text.map(|text| LinkParams::parse(&text))
        })
        .collect();
    Some((links, problems))
}

/// Writes a scenario's actuals as a link parameter, `&actuals=…`, or nothing when none are
/// recorded. Months are separated by commas; each is `YYYY-MM`, then `;name:value` for each
/// stage (the name percent-encoded, as in `stages`) and `;:value` for its revenue:
/// `actuals=2027-01;Leads:900;MQLs:200;:100000,2027-02;Leads:850`.
#[must_use]
pub fn encode_actuals(log: &ActualsLog) -> String {
    if log.is_empty() {
        return String::new();
    }
    let months: Vec<String> = log
        .months()
        .map(|(month, recorded)| {
            let mut text = month.to_string();
            for (name, volume) in &recorded.stages {
                text.push(';');
                text.push_str(&percent::encode(name));
                text.push(':');
                text.push_str(&volume.to_plain());
            }
            if let Some(revenue) = recorded.revenue {
                text.push_str(";:");
                text.push_str(&revenue.to_plain());
            }
            text
        })
        .collect();
    format!("&actuals={}", months.join(","))
}

/// Reads the actuals a link carries (none when it carries no `actuals`); an entry that cannot
/// be read is left out alone, with its problem.
#[must_use]
pub fn decode_actuals(params: &LinkParams) -> (ActualsLog, Vec<LinkProblem>) {
    let Some(raw) = params.get("actuals").filter(|raw| !raw.is_empty()) else {
        return (ActualsLog::default(), Vec::new());
    };
    let mut problems = Vec::new();
    let mut problem = |text: &str, reason: String| {
        problems.push(LinkProblem::Actuals {
            text: quote(text),
            reason,
        });
    };
    let mut months = Vec::new();
    for month_text in raw.split(',') {
        let mut parts = month_text.split(';');
        let Ok(month) = YearMonth::parse(parts.next().unwrap_or_default()) else {
            problem(month_text, wording::actuals::LINK_MONTH.to_owned());
            continue;
        };
        let mut recorded = Recorded::default();
        for part in parts {
            let Some((raw_name, value)) = part.split_once(':') else {
                problem(part, wording::actuals::LINK_ENTRY.to_owned());
                continue;
            };
            let figure = if raw_name.is_empty() {
                Figure::Revenue
            } else if let Some(name) = percent::decode(raw_name) {
                Figure::Stage(name)
            } else {
                problem(part, wording::actuals::LINK_ENTRY.to_owned());
                continue;
            };
            if let Err(error) = recorded.read(&figure, value) {
                problem(part, error.to_string());
            }
        }
        months.push((month, recorded));
    }
    (ActualsLog::new(months), problems)
}

/// Reads the scenario name a link carries, if it carries one.
///
/// # Errors
/// Returns a [`LinkProblem`] when `name` is garbled or cannot name a scenario.
pub fn scenario_name(params: &LinkParams) -> Result<Option<ScenarioName>, LinkProblem> {
    let Some(raw) = params.get("name") else {
        return Ok(None);
    };
    let text = percent::decode(raw).ok_or(LinkProblem::BadEncoding { param: "name" })?;
    ScenarioName::new(&text)
        .map(Some)
        .map_err(|error| LinkProblem::Name {
            text: quote(&text),
            error,
        })
}

/// Decodes the `stages` parameter into a funnel: items `Name` (the top), then `Name:rate` or
/// `Name:rate:low:high` (either end may be empty). A bad low or high is reported and left
/// out alone; the stage and its rate are kept.
fn decode_stages(raw: &str) -> Result<(Funnel, Vec<LinkProblem>), LinkProblem> {
    // Split on the raw separators: commas and colons inside names arrive as %2C and %3A.
    let items: Vec<&str> = raw.split(',').collect();
    let count = items.len();
    if count > Funnel::MAX_STAGES {
        return Err(LinkProblem::Stages(StagesProblem::Count(
            FunnelError::TooManyStages(count),
        )));
    }
    let mut names = Vec::with_capacity(count);
    let mut rates = Vec::with_capacity(count);
    let mut problems = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        let mut parts = item.split(':');
        let raw_name = parts.next().unwrap_or_default();
        let raw_rate = parts.next();
        let name_text =
            percent::decode(raw_name).ok_or(LinkProblem::BadEncoding { param: "stages" })?;
        let name = StageName::new(&name_text).map_err(|error| {
            LinkProblem::Stages(StagesProblem::Name {
                index,
                text: quote(&name_text),
                error,
            })
        })?;
        if index > 0 {
            let Some(raw_rate) = raw_rate else {
                return Err(LinkProblem::Stages(StagesProblem::MissingRate {
                    index,
                    name: name.to_string(),
                }));
            };
            let rate_text =
                percent::decode(raw_rate).ok_or(LinkProblem::BadEncoding { param: "stages" })?;
            let rate = Rate::parse_percent(&rate_text).map_err(|error| {
                LinkProblem::Stages(StagesProblem::Rate {
                    index,
                    name: name.to_string(),
                    text: quote(&rate_text),
                    error,
                })
            })?;
            let bounds = decode_bounds(index, &name, rate, &mut parts, &mut problems);
            rates.push((rate, bounds));
        }
        names.push(name);
    }
    Funnel::from_parts(names, rates)
        .map(|funnel| (funnel, problems))
        .map_err(|error| LinkProblem::Stages(StagesProblem::Count(error)))
}

/// Reads a stage's `:low:high` after its rate, reporting and leaving out each end that is not
/// usable.
fn decode_bounds<'a>(
    index: usize,
    name: &StageName,
    rate: Rate,
    parts: &mut impl Iterator<Item = &'a str>,
    problems: &mut Vec<LinkProblem>,
) -> Bounds<Rate> {
    let mut bounds = Bounds::NONE;
    for side in [Side::Low, Side::High] {
        let Some(raw) = parts.next() else {
            break;
        };
        let read = match percent::decode(raw) {
            Some(text) => {
                uncertainty::parse_rate_bound(&text, side, rate).map_err(FieldError::from)
            }
            None => Err(FieldError::Number(NumberError::NotANumber(quote(raw)))),
        };
        match read {
            Ok(bound) => match side {
                Side::Low => bounds.low = bound,
                Side::High => bounds.high = bound,
            },
            Err(error) => problems.push(LinkProblem::StageBound {
                index,
                name: name.to_string(),
                side,
                text: quote(&percent::decode(raw).unwrap_or_else(|| raw.to_owned())),
                error,
            }),
        }
    }
    if parts.next().is_some() {
        problems.push(LinkProblem::StageBoundsExtra {
            index,
            name: name.to_string(),
        });
    }
    bounds
}

/// Shortens text quoted back in a message and strips characters that could disguise it.
fn quote(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).collect();
    if clean.chars().count() <= QUOTE_CHARS {
        clean
    } else {
        let head: String = clean.chars().take(QUOTE_CHARS).collect();
        format!("{head}\u{2026}")
    }
}

#[cfg(test)]
mod page_tests {
    use super::*;

    #[test]
    fn present_is_a_page_parameter_not_a_problem_nor_part_of_the_plan() {
        let params = LinkParams::parse("quota=2000000&present=1");
        assert!(PageParams::read(&params).present);
        assert!(params.unknown.is_empty());
        assert_eq!(
            params.pairs().map(|(key, _)| key).collect::<Vec<_>>(),
            ["quota"]
        );
        assert!(!PageParams::read(&LinkParams::parse("present=0")).present);
        assert!(!LinkParams::parse("present=1").has_scenario());
        // The fragment wins over the query string, as for every parameter.
        let merged = LinkParams::merge(
            LinkParams::parse("present=1"),
            LinkParams::parse("present=0"),
        );
        assert!(!PageParams::read(&merged).present);
        assert_eq!(PageParams { present: true }.suffix(), "&present=1");
        assert_eq!(PageParams::default().suffix(), "");
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "the arithmetic under test is exact")]
mod tests {
    use super::*;
    use crate::model::YearMonth;
    use crate::model::{Period, Rounding, Volume, compute};
    use proptest::prelude::*;

    fn today() -> YearMonth {
        YearMonth::new(2026, 11).unwrap()
    }

    fn open(text: &str) -> Decoded {
        decode(&LinkParams::parse(text), today())
    }

    #[test]
    fn the_currency_is_always_written_and_defaults_to_the_readers() {
        let german = crate::model::Local {
            today: today(),
            currency: crate::model::Currency::parse("EUR").unwrap(),
        };
        // A link without a currency (older links) shows the reader's.
        let decoded = decode(&LinkParams::parse("quota=5"), german);
        assert_eq!(decoded.scenario.currency.as_str(), "EUR");
        assert!(encode(&decoded.scenario).contains("&currency=EUR&"));
        // A link's own currency wins, in any case.
        assert_eq!(
            decode(&LinkParams::parse("currency=gbp"), german)
                .scenario
                .currency
                .as_str(),
            "GBP"
        );
        let bad = decode(&LinkParams::parse("currency=XYZ"), german);
        assert_eq!(bad.scenario.currency.as_str(), "EUR");
        assert_eq!(
            bad.problems[0].to_string(),
            "The link's currency \u{201c}XYZ\u{201d} is not usable: \u{201c}XYZ\u{201d} is not a currency this page can show (the ISO 4217 codes browsers format). Try EUR, GBP or USD. Using the default, EUR."
        );
    }

    #[test]
    fn default_scenario_link_reads_as_documented() {
        assert_eq!(
            encode(&Scenario::starting(today())),
            "v=1&quota=1000000&deal=25000&traffic=200000&round=stage&period=quarter\
             &existing=0&share=100&reps=5&repquota=250000&attain=100&cpl=100&start=2027-01\
             &cycle=0&followup=24&currency=USD\
             &stages=Visitors,Leads:2,MQLs:20,SQLs:40,Opportunities:60,Won:20"
        );
    }

    #[test]
    fn hand_written_link_reproduces_a_scenario() {
        let decoded = open(
            "v=1&quota=2000000&deal=60000&stages=Visitors,Leads:2.5,MQLs:20,SQLs:40,\
             Opportunities:60,Won:20&traffic=150000&round=exact",
        );
        assert_eq!(decoded.problems, []);
        let scenario = decoded.scenario;
        assert_eq!(scenario.quota, Money::from_units(2_000_000).unwrap());
        assert_eq!(scenario.deal_size, Money::from_units(60_000).unwrap());
        assert_eq!(scenario.traffic.units(), 150_000.0);
        assert_eq!(scenario.rounding, Rounding::Exact);
        assert_eq!(scenario.funnel.rate_into(1).unwrap().ppm(), 25_000);
        assert_eq!(scenario.funnel.name(4).unwrap().as_str(), "Opportunities");
    }

    #[test]
    fn names_are_percent_encoded_with_plus_or_percent20() {
        let decoded = open("stages=Site+visits,Closed%20won%2C+net%3A+new:1.5%25");
        assert_eq!(decoded.problems, []);
        let funnel = decoded.scenario.funnel;
        assert_eq!(funnel.top().as_str(), "Site visits");
        assert_eq!(funnel.name(1).unwrap().as_str(), "Closed won, net: new");
        assert_eq!(funnel.rate_into(1).unwrap().ppm(), 15_000);
    }

    #[test]
    fn missing_parameters_take_their_defaults() {
        let decoded = open("quota=500000");
        assert_eq!(decoded.problems, []);
        assert_eq!(
            decoded.scenario,
            Scenario {
                quota: Money::from_units(500_000).unwrap(),
                ..Scenario::starting(today())
            }
        );
        assert!(LinkParams::parse("quota=5").has_scenario());
        assert!(!LinkParams::parse("v=1").has_scenario());
        assert!(!LinkParams::parse("").has_scenario());
    }

    #[test]
    fn each_bad_parameter_falls_back_alone() {
        let decoded =
            open("v=1&quota=abc&deal=60000&stages=Leads,Won:0&traffic=1e308&round=up&color=red");
        let scenario = &decoded.scenario;
        assert_eq!(scenario.quota, Scenario::default_quota());
        assert_eq!(scenario.deal_size, Money::from_units(60_000).unwrap());
        assert_eq!(scenario.funnel, Scenario::default_funnel());
        assert_eq!(scenario.traffic, Scenario::default_traffic());
        assert_eq!(scenario.rounding, Rounding::Stage);
        let kinds: Vec<String> = decoded.problems.iter().map(ToString::to_string).collect();
        assert_eq!(kinds.len(), 5, "{kinds:#?}");
        // Stages are read first: the lead and handoff stages are checked against them.
        assert!(kinds[0].contains("\u{201c}Won\u{201d} has rate \u{201c}0\u{201d}"));
        assert!(
            kinds[1].contains("quota \u{201c}abc\u{201d}")
                && kinds[1].contains("Using the default, 1,000,000.")
        );
        assert!(kinds[2].contains("traffic") && kinds[2].contains("at most"));
        assert!(kinds[3].contains("\u{201c}up\u{201d}"));
        assert!(kinds[4].contains("\u{201c}color\u{201d}"));
    }

    #[test]
    fn malformed_stage_lists_are_explained() {
        let problem = |text: &str| {
            open(text)
                .problems
                .into_iter()
                .next()
                .map(|p| p.to_string())
        };
        let many = format!("stages=Top{}", ",S:50".repeat(499));
        let cases = [
            ("stages=Leads", "at least 2 stages, not 1"),
            (many.as_str(), "at most 20 stages, not 500"),
            ("stages=Leads,Won:150", "cannot be above 100 %"),
            ("stages=Leads,Won", "has no conversion rate"),
            ("stages=Leads,,Won:5", "Give the stage a name"),
            (
                "stages=%3Cscript%3Ealert(1)%3C%2Fscript%3E,Won:5",
                "cannot contain \u{201c}<\u{201d}",
            ),
            ("stages=<script>,Won:5", "cannot contain \u{201c}<\u{201d}"),
            ("stages=Leads,Won:5%", "garbled"),
        ];
        for (link, expected) in cases {
            let message = problem(link).unwrap_or_default();
            assert!(message.contains(expected), "{link}: {message}");
            assert_eq!(open(link).scenario.funnel, Scenario::default_funnel());
        }
    }

    #[test]
    fn stages_carry_optional_ranges_written_only_when_set() {
        let text = "stages=Visitors,Leads:2:1.5:3,MQLs:20::30,SQLs:40:35,Opportunities:60:60:60,Won:20\
                    &deallow=20000&dealhigh=30k&draws=20%2C000";
        let decoded = open(text);
        assert_eq!(decoded.problems, []);
        let s = &decoded.scenario;
        let ppm = |r: Option<Rate>| r.map(Rate::ppm);
        let bounds: Vec<(Option<u32>, Option<u32>)> = (1..6)
            .map(|i| {
                let b = s.funnel.bounds_into(i);
                (ppm(b.low), ppm(b.high))
            })
            .collect();
        assert_eq!(
            bounds,
            [
                (Some(15_000), Some(30_000)),
                (None, Some(300_000)),
                (Some(350_000), None),
                (Some(600_000), Some(600_000)),
                (None, None),
            ]
        );
        assert_eq!(
            s.uncertainty.deal.low,
            Some(Money::from_units(20_000).unwrap())
        );
        assert_eq!(
            s.uncertainty.deal.high,
            Some(Money::from_units(30_000).unwrap())
        );
        assert_eq!(s.uncertainty.draw_count().get(), 20_000);
        let link = encode(s);
        assert!(
            link.contains("&deal=25000&deallow=20000&dealhigh=30000&traffic="),
            "{link}"
        );
        assert!(link.contains("&draws=20000&"), "{link}");
        assert!(
            link.ends_with(
                "&stages=Visitors,Leads:2:1.5:3,MQLs:20::30,SQLs:40:35,Opportunities:60:60:60,Won:20"
            ),
            "{link}"
        );
        // Without ranges, links are as before.
        assert!(!encode(&Scenario::starting(today())).contains("draws"));
    }

    #[test]
    fn a_bad_low_or_high_falls_back_alone_keeping_the_stage_and_its_rate() {
        let decoded = open(
            "stages=Visitors,Leads:2:3:4,MQLs:20:x:25,SQLs:40:30:45:50,Won:20:0\
             &deallow=30000&dealhigh=1000&draws=500",
        );
        let messages: Vec<String> = decoded.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "The link's stage 2 \u{201c}Leads\u{201d} has a low \u{201c}3\u{201d} that is not \
                 usable: The low must be at most the rate, 2 %. Using no low; the stage and its \
                 rate are kept.",
                "The link's stage 3 \u{201c}MQLs\u{201d} has a low \u{201c}x\u{201d} that is not \
                 usable: \u{201c}x\u{201d} is not a number. Using no low; the stage and its rate \
                 are kept.",
                "The link's stage 4 \u{201c}SQLs\u{201d} has more than rate:low:high; the rest is \
                 ignored.",
                "The link's stage 5 \u{201c}Won\u{201d} has a low \u{201c}0\u{201d} that is not \
                 usable: A conversion rate must be above 0 %: at 0 % nothing converts. Using no \
                 low; the stage and its rate are kept.",
                "The link's deallow \u{201c}30000\u{201d} is not usable: The low must be at most the \
                 deal size, 25,000. Using no low.",
                "The link's dealhigh \u{201c}1000\u{201d} is not usable: The high must be at least \
                 the deal size, 25,000. Using no high.",
                "The link's draws \u{201c}500\u{201d} is not usable: Too small: at least 1,000. \
                 Using 10,000 draws.",
            ]
        );
        let funnel = &decoded.scenario.funnel;
        let names: Vec<&str> = funnel.names().map(StageName::as_str).collect();
        assert_eq!(names, ["Visitors", "Leads", "MQLs", "SQLs", "Won"]);
        assert_eq!(funnel.rate_into(1).unwrap().ppm(), 20_000);
        assert_eq!(funnel.bounds_into(1).high.map(Rate::ppm), Some(40_000));
        assert_eq!(funnel.bounds_into(2).high.map(Rate::ppm), Some(250_000));
        assert_eq!(funnel.bounds_into(3).high.map(Rate::ppm), Some(450_000));
        assert_eq!(
            decoded.scenario.uncertainty,
            crate::model::Uncertainty::default()
        );
    }

    #[test]
    fn repeated_and_versioned_links_are_reported() {
        let decoded = open("v=2&quota=5&quota=7");
        assert_eq!(decoded.scenario.quota, Money::from_units(7).unwrap());
        assert_eq!(
            decoded.problems,
            [
                LinkProblem::UnknownVersion("2".into()),
                LinkProblem::Repeated("quota".into())
            ]
        );
    }

    #[test]
    fn every_planning_parameter_reads_from_a_hand_written_link() {
        let decoded = open(
            "quota=3000000&deal=50000&period=year&existing=600000&share=60&reps=8\
             &repquota=400000&attain=85&leadstage=2&cpl=120&channels=Search:70:80,Events%2C+EU:30:300\
             &cap=500000&start=2027-02&cycle=90&season=1,1,1,1,1,1,0.5,0.5,1,1,1,2\
             &stagedays=20,30,40&handoff=3&followup=48&ftereps=3.5",
        );
        assert_eq!(decoded.problems, []);
        let s = decoded.scenario;
        assert_eq!(s.period, Period::Year);
        assert_eq!(
            s.existing,
            crate::model::Existing::Amount(Money::from_units(600_000).unwrap())
        );
        assert_eq!(s.marketing_share.ppm(), 600_000);
        assert_eq!(
            s.team.reps,
            crate::model::Reps::ramped(Volume::from_units(8).unwrap())
        );
        assert_eq!(s.team.rep_quota, Money::from_units(400_000).unwrap());
        assert_eq!(s.team.attainment.ppm(), 850_000);
        assert_eq!(s.costs.lead_stage, Some(2));
        assert_eq!(s.costs.cost_per_lead, Money::from_units(120).unwrap());
        assert_eq!(s.costs.channels.len(), 2);
        assert_eq!(s.costs.channels[1].name.as_str(), "Events, EU");
        assert_eq!(s.costs.cap, Some(Money::from_units(500_000).unwrap()));
        assert_eq!(s.timing.start.to_string(), "2027-02");
        assert_eq!(s.timing.cycle_days, 90);
        assert_eq!(s.timing.season.as_ref().unwrap().weight(7), 50);
        assert_eq!(s.timing.stage_days, Some(vec![20, 30, 40]));
        assert_eq!(s.handoff.stage, Some(3));
        assert_eq!(s.handoff.followup_hours, 48);
        assert_eq!(s.handoff.fte_reps, Some(Volume::parse("3.5").unwrap()));
    }

    #[test]
    fn the_default_first_month_is_the_next_period_that_has_not_started() {
        // Today is 2026-11: the next quarter is 2027-01, the next month 2026-12, the next
        // year 2027.
        assert_eq!(open("quota=1").scenario.timing.start.to_string(), "2027-01");
        assert_eq!(
            open("period=year").scenario.timing.start.to_string(),
            "2027-01"
        );
        assert_eq!(
            open("period=month").scenario.timing.start.to_string(),
            "2026-12"
        );
        // A link's start is kept, in any accepted form, and written back as YYYY-MM.
        let decoded = open("start=Q2%202027");
        assert_eq!(decoded.problems, []);
        assert_eq!(decoded.scenario.timing.start.to_string(), "2027-04");
        assert!(encode(&decoded.scenario).contains("&start=2027-04&"));
        assert_eq!(
            open("start=jan+2028").scenario.timing.start.to_string(),
            "2028-01"
        );
    }

    #[test]
    fn first_months_outside_2000_to_2199_fall_back_with_a_reason() {
        for text in ["1970-01", "9999-12", "2200-01"] {
            let decoded = open(&format!("start={text}&period=year"));
            assert_eq!(decoded.scenario.timing.start.to_string(), "2027-01");
            let messages: Vec<String> = decoded.problems.iter().map(ToString::to_string).collect();
            assert_eq!(
                messages,
                [format!(
                    "The link's start \u{201c}{text}\u{201d} is not usable: Use a year from 2000 \
                     to 2199. Using the default, 2027-01."
                )]
            );
        }
    }

    #[test]
    fn days_per_stage_must_give_one_per_step() {
        // The default funnel has 4 steps from Leads to Won. Two days are kept as given, and
        // the plan splits the cycle evenly until they fit.
        let decoded = open("stagedays=10,20&cycle=60");
        assert_eq!(decoded.scenario.timing.stage_days, Some(vec![10, 20]));
        assert_eq!(decoded.scenario.timing.cycle_days, 60);
        let messages: Vec<String> = decoded.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "The link's stagedays \u{201c}10,20\u{201d} do not fit the funnel: Give 4 numbers, \
                 one per step from Leads to Won, not 2. The plan splits the cycle evenly until \
                 they do."
            ]
        );
        assert!(encode(&decoded.scenario).contains("&stagedays=10,20&"));
        // 250,000 entries are refused as they are read.
        let many = format!("stagedays={}", vec!["1"; 250_000].join(","));
        let messages: Vec<String> = open(&many)
            .problems
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(messages.len(), 1);
        assert!(
            messages[0].contains("at most 19, not 250,000"),
            "{}",
            messages[0]
        );
        // The steps follow the lead stage: from MQLs (leadstage=2) there are 3.
        let decoded = open("leadstage=2&stagedays=10,20,30");
        assert_eq!(decoded.problems, []);
        assert_eq!(decoded.scenario.timing.stage_days, Some(vec![10, 20, 30]));
        let decoded = open("leadstage=2&stagedays=10,20,30,40");
        assert!(
            decoded.problems[0]
                .to_string()
                .contains("Give 3 numbers, one per step from MQLs to Won, not 4.")
        );
    }

    #[test]
    fn bad_planning_parameters_fall_back_alone_with_reasons() {
        let decoded = open(
            "period=week&share=120&attain=0&leadstage=9&channels=Search:60:50,Ev%3Cents:30:200\
             &start=2027-13&cycle=1.5&season=1,2,3&followup=0&ftereps=-1&deal=40000",
        );
        let messages: Vec<String> = decoded.problems.iter().map(ToString::to_string).collect();
        let expect = [
            "period \u{201c}week\u{201d} is not usable: Use month, quarter or year. Using the default, quarter.",
            "share \u{201c}120\u{201d} is not usable: Too large: at most 100 %.",
            "attain \u{201c}0\u{201d} is not usable: Must be more than 0.",
            "leadstage \u{201c}9\u{201d} is not usable: Give a stage number from 0 (top) to 5.",
            "channels \u{201c}Search:60:50,Ev<ents:30:\u{2026}\u{201d} are not usable: Channel 2: \
             Channel names cannot contain \u{201c}<\u{201d}. Using no channels",
            "start \u{201c}2027-13\u{201d} is not usable: Use a month from 1 to 12.",
            "cycle \u{201c}1.5\u{201d} is not usable: Use a whole number.",
            "season \u{201c}1,2,3\u{201d} is not usable: Give 12 weights, January to December, not 3.",
            "followup \u{201c}0\u{201d} is not usable: Must be more than 0.",
            "ftereps \u{201c}-1\u{201d} is not usable: Must not be negative.",
        ];
        for fragment in expect {
            assert!(
                messages.iter().any(|m| m.contains(fragment)),
                "missing {fragment:?} in {messages:#?}"
            );
        }
        assert_eq!(messages.len(), expect.len(), "{messages:#?}");
        let s = decoded.scenario;
        let defaults = Scenario::starting(today());
        assert_eq!(
            s.deal_size,
            Money::from_units(40_000).unwrap(),
            "good values are kept"
        );
        assert_eq!(
            (s.period, s.marketing_share),
            (defaults.period, defaults.marketing_share)
        );
        assert!(s.costs.channels.is_empty());
        assert_eq!(s.timing, defaults.timing);
    }

    #[test]
    fn channels_are_read_whatever_their_shares_total() {
        // The budget scales such shares and says so; the link keeps them as entered.
        let decoded = open("channels=Search:40:50,Content:35:200");
        assert_eq!(decoded.problems, []);
        let shares: Vec<u32> = decoded
            .scenario
            .costs
            .channels
            .iter()
            .map(|c| c.share.ppm())
            .collect();
        assert_eq!(shares, [400_000, 350_000]);
        assert!(encode(&decoded.scenario).ends_with("&channels=Search:40:50,Content:35:200"));
    }

    #[test]
    fn fragment_overrides_query() {
        let merged = LinkParams::merge(
            LinkParams::parse("quota=5&deal=2&utm_source=mail"),
            LinkParams::parse("quota=9"),
        );
        let decoded = decode(&merged, today());
        assert_eq!(decoded.scenario.quota, Money::from_units(9).unwrap());
        assert_eq!(decoded.scenario.deal_size, Money::from_units(2).unwrap());
        assert_eq!(
            decoded.problems,
            [LinkProblem::UnknownParam("utm_source".into())]
        );
    }

    proptest! {
        #[test]
        fn link_round_trip_is_identity(scenario in crate::codec::arbitrary::scenario()) {
            let decoded = open(&encode(&scenario));
            prop_assert_eq!(decoded.problems, vec![]);
            prop_assert_eq!(compute(&decoded.scenario), compute(&scenario));
            prop_assert_eq!(decoded.scenario, scenario);
        }

        #[test]
        fn any_text_decodes_without_panic_to_a_finite_plan(text in any::<String>()) {
            let plan = compute(&open(&text).scenario);
            prop_assert!(plan.stages.iter().all(|s| s.need.is_finite()));
        }

        #[test]
        fn link_like_text_decodes_without_panic(
            text in "(v|quota|deal|stages|traffic|round)=[-0-9a-z.,:%+eE<>]{0,30}(&[a-z]{1,6}=[-0-9a-z.,:%+]{0,30}){0,5}"
        ) {
            let decoded = open(&text);
            prop_assert!(compute(&decoded.scenario).gap.is_finite());
        }
    }
}
