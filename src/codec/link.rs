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
use crate::model::form::join_days;
use crate::model::{
    Attainment, Channel, Costs, Funnel, FunnelError, Handoff, Money, NameError, NumberError,
    Period, Rate, Rounding, Scenario, Season, Share, StageName, Step, Team, Timing, Volume,
    YearMonth,
};
use crate::model::{assumptions, monthly, wording};

/// The link format version this page writes and reads.
pub const VERSION: &str = "1";

/// What a link without usable days per stage uses, in words.
const EVEN_SPLIT: &str = "an even split of the cycle";

/// Longest raw value quoted back in a problem message.
const QUOTE_CHARS: usize = 24;

/// Every parameter a link may carry, in the order links write them.
pub const PARAMS: [&str; 23] = [
    "v",
    "quota",
    "deal",
    "stages",
    "traffic",
    "round",
    "period",
    "existing",
    "share",
    "reps",
    "repquota",
    "attain",
    "leadstage",
    "cpl",
    "channels",
    "cap",
    "start",
    "cycle",
    "season",
    "stagedays",
    "handoff",
    "followup",
    "ftereps",
];

/// A link's parameters as raw, still percent-encoded text: the first decoding step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkParams {
    /// Known parameters and their raw values (the last one given wins).
    values: Vec<(&'static str, String)>,
    /// Names of parameters this page does not know, in order of appearance.
    pub unknown: Vec<String>,
    /// Names of known parameters given more than once (the last one is used).
    pub repeated: Vec<String>,
}

impl LinkParams {
    /// Splits `key=value&key=value` text (a query string or fragment, without `?` or `#`).
    #[must_use]
    pub fn parse(text: &str) -> Self {
        let mut params = Self::default();
        for pair in text.split('&').filter(|pair| !pair.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = percent::decode(key).unwrap_or_else(|| key.to_owned());
            let Some(known) = PARAMS.iter().copied().find(|&name| name == key) else {
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

    /// Returns a parameter's raw (still percent-encoded) value.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&str> {
        self.values
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
    /// A number parameter is not acceptable; its default is used.
    Number {
        /// The parameter's name.
        param: &'static str,
        /// The value as given, shortened.
        text: String,
        /// What is wrong with it.
        error: NumberError,
        /// The default used instead, formatted.
        default: String,
    },
    /// `round` is neither `stage` nor `exact`.
    Rounding(String),
    /// A parameter other than a plain number is not acceptable; its default is used.
    Invalid {
        /// The parameter's name.
        param: &'static str,
        /// The value as given, shortened.
        text: String,
        /// What is wrong with it, as a sentence.
        reason: String,
        /// The default used instead, in words.
        default: String,
    },
    /// `stages` is not a funnel; the default stages are used.
    Stages(StagesProblem),
    /// A parameter this page does not use; ignored.
    UnknownParam(String),
    /// A parameter given more than once; the last is used.
    Repeated(String),
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

impl fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadEncoding { param } => write!(
                f,
                "The link's {param} is garbled (a broken % escape); using the default {param}."
            ),
            Self::UnknownVersion(version) => write!(
                f,
                "The link says it is version \u{201c}{version}\u{201d}; this page reads version \
                 {VERSION}, so some of it may be read differently."
            ),
            Self::Number {
                param,
                text,
                error,
                default,
            } => write!(
                f,
                "The link's {param} \u{201c}{text}\u{201d} is not usable: {error} Using the \
                 default, {default}."
            ),
            Self::Invalid {
                param,
                text,
                reason,
                default,
            } => write!(
                f,
                "The link's {param} \u{201c}{text}\u{201d} is not usable: {reason} Using {default}."
            ),
            Self::Rounding(text) => write!(
                f,
                "The link's rounding \u{201c}{text}\u{201d} is not stage or exact; using stage."
            ),
            Self::Stages(problem) => write!(
                f,
                "The link's stages are not usable: {problem}. Using the default stages."
            ),
            Self::UnknownParam(name) => write!(
                f,
                "The link's parameter \u{201c}{name}\u{201d} is not one this page uses; ignored."
            ),
            Self::Repeated(name) => write!(
                f,
                "The link gives {name} more than once; using the last one."
            ),
        }
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

    /// Reads a number parameter, falling back to `default` with a problem.
    fn number<T>(
        &mut self,
        param: &'static str,
        parse: impl FnOnce(&str) -> Result<T, NumberError>,
        default: T,
        show: impl FnOnce(&T) -> String,
    ) -> T {
        let Some(text) = self.text(param) else {
            return default;
        };
        parse(&text).unwrap_or_else(|error| {
            self.problems.push(LinkProblem::Number {
                param,
                text: quote(&text),
                error,
                default: show(&default),
            });
            default
        })
    }

    /// Reads any other parameter, falling back to `default` (described as `default_words`).
    fn value<T, E: fmt::Display>(
        &mut self,
        param: &'static str,
        parse: impl FnOnce(&str) -> Result<T, E>,
        default: T,
        default_words: &str,
    ) -> T {
        let Some(text) = self.text(param) else {
            return default;
        };
        parse(&text).unwrap_or_else(|error| {
            self.problems.push(LinkProblem::Invalid {
                param,
                text: quote(&text),
                reason: sentence(&error.to_string()),
                default: default_words.to_owned(),
            });
            default
        })
    }
}

impl Reader<'_> {
    /// Reads the sales team's parameters.
    fn team(&mut self, defaults: &Scenario) -> Team {
        let show_money = |money: &Money| money.to_display();
        Team {
            reps: self.number("reps", Volume::parse, defaults.team.reps, |v| {
                v.to_display()
            }),
            rep_quota: self.number(
                "repquota",
                Money::parse,
                defaults.team.rep_quota,
                show_money,
            ),
            attainment: self.number(
                "attain",
                Attainment::parse_percent,
                defaults.team.attainment,
                |a| format!("{} %", a.percent_plain()),
            ),
        }
    }

    /// Reads marketing's cost parameters for a funnel of `count` stages.
    fn costs(&mut self, defaults: &Scenario, count: usize) -> Costs {
        let params = self.params;
        let show_money = |money: &Money| money.to_display();
        Costs {
            lead_stage: self.value(
                "leadstage",
                |t| stage_index(t, count),
                None,
                "the default lead stage",
            ),
            cost_per_lead: self.number(
                "cpl",
                Money::parse,
                defaults.costs.cost_per_lead,
                show_money,
            ),
            channels: match params.get("channels").map(decode_channels_raw) {
                None => Vec::new(),
                Some(Ok(channels)) => channels,
                Some(Err(reason)) => {
                    let raw = params.get("channels").unwrap_or_default();
                    self.problems.push(LinkProblem::Invalid {
                        param: "channels",
                        text: quote(&percent::decode(raw).unwrap_or_else(|| raw.to_owned())),
                        reason: sentence(&reason),
                        default: "the blended cost per lead".to_owned(),
                    });
                    Vec::new()
                }
            },
            cap: self.value(
                "cap",
                |text| Money::parse(text).map(Some),
                None,
                "no budget cap",
            ),
        }
    }

    /// Reads the timing parameters; `start_default` is the default first month (the next
    /// period that has not started). Days per stage must give one number per step from the
    /// funnel's lead stage to Won; otherwise they are dropped and the cycle is split evenly.
    fn timing(&mut self, start_default: YearMonth, funnel: &Funnel, lead_stage: usize) -> Timing {
        let mut timing = Timing {
            start: self.value(
                "start",
                YearMonth::parse,
                start_default,
                &start_default.to_string(),
            ),
            cycle_days: self.number("cycle", assumptions::parse_days, 0, ToString::to_string),
            season: self.value(
                "season",
                |t| Season::parse(t).map(Some),
                None,
                "even months",
            ),
            stage_days: self.value(
                "stagedays",
                |t| assumptions::parse_stage_days(t).map(Some),
                None,
                EVEN_SPLIT,
            ),
        };
        let last = funnel.stage_count() - 1;
        if let Err(mismatch) = timing.step_days(last.saturating_sub(lead_stage)) {
            let name = |index: usize| {
                funnel
                    .name(index)
                    .map(ToString::to_string)
                    .unwrap_or_default()
            };
            self.problems.push(LinkProblem::Invalid {
                param: "stagedays",
                text: quote(
                    &timing
                        .stage_days
                        .as_deref()
                        .map(join_days)
                        .unwrap_or_default(),
                ),
                reason: wording::step_count_request(mismatch, &name(lead_stage), &name(last)),
                default: EVEN_SPLIT.to_owned(),
            });
            timing.stage_days = None;
        }
        timing
    }

    /// Reads the handoff parameters for a funnel of `count` stages.
    fn handoff(&mut self, defaults: &Scenario, count: usize) -> Handoff {
        Handoff {
            stage: self.value(
                "handoff",
                |t| stage_index(t, count),
                None,
                "the default handoff stage",
            ),
            followup_hours: self.number(
                "followup",
                assumptions::parse_followup,
                defaults.handoff.followup_hours,
                ToString::to_string,
            ),
            fte_reps: self.value(
                "ftereps",
                |text| Volume::parse(text).map(Some),
                None,
                "the team's reps",
            ),
        }
    }
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

/// Why a stage index is not usable: holds the stage count.
struct StageIndexError(usize);

impl fmt::Display for StageIndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Give a stage number from 0 (top) to {}.", self.0 - 1)
    }
}

/// Reads a stage index below `count`.
fn stage_index(text: &str, count: usize) -> Result<Option<usize>, StageIndexError> {
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|&index| index < count)
        .map(Some)
        .ok_or(StageIndexError(count))
}

/// Validates a link's parameters into a scenario: the second decoding step. Parameters left
/// out take their defaults; `today` sets the default first month.
#[must_use]
pub fn decode(params: &LinkParams, today: YearMonth) -> Decoded {
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
    let defaults = Scenario::starting(today);
    let show_money = |money: &Money| money.to_display();
    let quota = read.number("quota", Money::parse, defaults.quota, show_money);
    let deal_size = read.number(
        "deal",
        Money::parse_positive,
        defaults.deal_size,
        show_money,
    );
    // Stages split on raw separators, so they are decoded from the raw value.
    let funnel = match params.get("stages").map(decode_stages) {
        None => defaults.funnel.clone(),
        Some(Ok(funnel)) => funnel,
        Some(Err(problem)) => {
            read.problems.push(problem);
            defaults.funnel.clone()
        }
    };
    let traffic = read.number("traffic", Volume::parse, defaults.traffic, |v| {
        v.to_display()
    });
    let rounding = match read.text("round") {
        None => Rounding::default(),
        Some(text) => Rounding::from_name(text.trim()).unwrap_or_else(|| {
            read.problems.push(LinkProblem::Rounding(quote(&text)));
            Rounding::default()
        }),
    };
    let period = read.value(
        "period",
        |text| Period::from_name(text.trim()).ok_or("use month, quarter or year"),
        defaults.period,
        "quarter",
    );
    let existing = read.number("existing", Money::parse, defaults.existing, show_money);
    let marketing_share = read.number(
        "share",
        Share::parse_percent,
        defaults.marketing_share,
        |share| format!("{} %", share.percent_plain()),
    );
    let count = funnel.stage_count();
    let team = read.team(&defaults);
    let costs = read.costs(&defaults, count);
    let timing = read.timing(
        today.next_period_start(period),
        &funnel,
        costs.lead_stage_in(&funnel),
    );
    let handoff = read.handoff(&defaults, count);
    let mut problems = read.problems;
    problems.extend(params.repeated.iter().cloned().map(LinkProblem::Repeated));
    problems.extend(
        params
            .unknown
            .iter()
            .cloned()
            .map(LinkProblem::UnknownParam),
    );
    Decoded {
        scenario: Scenario {
            quota,
            deal_size,
            traffic,
            funnel,
            rounding,
            period,
            existing,
            marketing_share,
            team,
            costs,
            timing,
            handoff,
        },
        problems,
    }
}

/// Decodes `channels=Name:share:cost,…` (raw), checking that the shares total 100 %.
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
            let name = StageName::new(name).map_err(|e| format!("channel {}: {e}", index + 1))?;
            let share = Share::parse_percent(share).map_err(|e| format!("{name}'s share: {e}"))?;
            let cost_per_lead = Money::parse(cost).map_err(|e| format!("{name}'s cost: {e}"))?;
            Ok(Channel {
                name,
                share,
                cost_per_lead,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    assumptions::check_channels(&channels).map_err(|error| error.to_string())?;
    Ok(channels)
}

/// Writes a scenario as link parameters (without the leading `#`).
#[must_use]
pub fn encode(scenario: &Scenario) -> String {
    let mut stages = percent::encode(scenario.funnel.top().as_str());
    for step in scenario.funnel.steps() {
        stages.push(',');
        stages.push_str(&percent::encode(step.name.as_str()));
        stages.push(':');
        stages.push_str(&step.rate.percent_plain());
    }
    let team = &scenario.team;
    let costs = &scenario.costs;
    let timing = &scenario.timing;
    let handoff = &scenario.handoff;
    let mut link = format!(
        "v={VERSION}&quota={}&deal={}&stages={stages}&traffic={}&round={}&period={}\
         &existing={}&share={}&reps={}&repquota={}&attain={}&cpl={}&start={}&cycle={}\
         &followup={}",
        scenario.quota.to_plain(),
        scenario.deal_size.to_plain(),
        scenario.traffic.to_plain(),
        scenario.rounding.as_str(),
        scenario.period.as_str(),
        scenario.existing.to_plain(),
        scenario.marketing_share.percent_plain(),
        team.reps.to_plain(),
        team.rep_quota.to_plain(),
        team.attainment.percent_plain(),
        costs.cost_per_lead.to_plain(),
        timing.start,
        timing.cycle_days,
        handoff.followup_hours,
    );
    let optional: [(&str, Option<String>); 7] = [
        ("leadstage", costs.lead_stage.map(|s| s.to_string())),
        ("handoff", handoff.stage.map(|s| s.to_string())),
        ("cap", costs.cap.map(Money::to_plain)),
        ("ftereps", handoff.fte_reps.map(Volume::to_plain)),
        ("season", timing.season.as_ref().map(Season::to_plain)),
        // Days per stage that no longer fit the funnel are not used, so they are not written.
        (
            "stagedays",
            timing
                .step_days(monthly::steps_to_won(scenario))
                .ok()
                .flatten()
                .map(join_days),
        ),
        (
            "channels",
            (!costs.channels.is_empty()).then(|| {
                let items: Vec<String> = costs
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
                items.join(",")
            }),
        ),
    ];
    for (key, value) in optional {
        if let Some(value) = value {
            link.push('&');
            link.push_str(key);
            link.push('=');
            link.push_str(&value);
        }
    }
    link
}

/// Decodes the `stages` parameter into a funnel.
fn decode_stages(raw: &str) -> Result<Funnel, LinkProblem> {
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
    for (index, item) in items.into_iter().enumerate() {
        let (raw_name, raw_rate) = match item.split_once(':') {
            Some((name, rate)) => (name, Some(rate)),
            None => (item, None),
        };
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
            rates.push(rate);
        }
        names.push(name);
    }
    let mut names = names.into_iter();
    let top = names
        .next()
        .ok_or(LinkProblem::Stages(StagesProblem::Count(
            FunnelError::TooFewStages(0),
        )))?;
    let steps = names
        .zip(rates)
        .map(|(name, rate)| Step { name, rate })
        .collect();
    Funnel::new(top, steps).map_err(|error| LinkProblem::Stages(StagesProblem::Count(error)))
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
#[allow(clippy::float_cmp, reason = "the arithmetic under test is exact")]
mod tests {
    use super::*;
    use crate::model::{Period, compute};
    use proptest::prelude::*;

    fn today() -> YearMonth {
        YearMonth::new(2026, 11).unwrap()
    }

    fn open(text: &str) -> Decoded {
        decode(&LinkParams::parse(text), today())
    }

    #[test]
    fn default_scenario_link_reads_as_documented() {
        assert_eq!(
            encode(&Scenario::starting(today())),
            "v=1&quota=1000000&deal=25000\
             &stages=Visitors,Leads:2,MQLs:20,SQLs:40,Opportunities:60,Won:20\
             &traffic=200000&round=stage&period=quarter&existing=0&share=100&reps=5\
             &repquota=250000&attain=100&cpl=100&start=2027-01&cycle=0&followup=24"
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
        assert!(kinds[0].contains("quota \u{201c}abc\u{201d}") && kinds[0].contains("1,000,000"));
        assert!(kinds[1].contains("\u{201c}Won\u{201d} has rate \u{201c}0\u{201d}"));
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
        assert_eq!(s.existing, Money::from_units(600_000).unwrap());
        assert_eq!(s.marketing_share.ppm(), 600_000);
        assert_eq!(s.team.reps, Volume::from_units(8).unwrap());
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
                     to 2199. Using 2027-01."
                )]
            );
        }
    }

    #[test]
    fn bad_planning_parameters_fall_back_alone_with_reasons() {
        let decoded = open(
            "period=week&share=120&attain=0&leadstage=9&channels=Search:60:50,Events:30:200\
             &start=2027-13&cycle=1.5&season=1,2,3&followup=0&ftereps=-1&deal=40000",
        );
        let messages: Vec<String> = decoded.problems.iter().map(ToString::to_string).collect();
        let expect = [
            "period \u{201c}week\u{201d} is not usable: Use month, quarter or year. Using quarter.",
            "share \u{201c}120\u{201d} is not usable: Too large: at most 100 %.",
            "attain \u{201c}0\u{201d} is not usable: Must be more than 0.",
            "leadstage \u{201c}9\u{201d} is not usable: Give a stage number from 0 (top) to 5.",
            "Channel shares must total 100 %, but they total 90 %. Using the blended cost per lead.",
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
    fn days_per_stage_must_give_one_per_step() {
        // The default funnel has 4 steps from Leads to Won.
        let decoded = open("stagedays=10,20&cycle=60");
        assert_eq!(decoded.scenario.timing.stage_days, None);
        assert_eq!(decoded.scenario.timing.cycle_days, 60);
        let messages: Vec<String> = decoded.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "The link's stagedays \u{201c}10,20\u{201d} is not usable: Give 4 numbers, one per \
              step from Leads to Won, not 2. Using an even split of the cycle."
            ]
        );
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
    fn days_per_stage_that_no_longer_fit_are_not_written() {
        let mut scenario = Scenario::starting(today());
        scenario.timing.stage_days = Some(vec![10, 20, 30, 40]);
        assert!(encode(&scenario).ends_with("&stagedays=10,20,30,40"));
        // Paying for SQLs leaves 2 steps: the 4 days are not used, and links leave them out.
        scenario.costs.lead_stage = Some(3);
        let link = encode(&scenario);
        assert!(!link.contains("stagedays"), "{link}");
        assert_eq!(open(&link).problems, []);
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
