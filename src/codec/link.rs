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
use crate::model::{
    Funnel, FunnelError, Money, NameError, NumberError, Rate, Rounding, Scenario, StageName, Step,
    Volume,
};

/// The link format version this page writes and reads.
pub const VERSION: &str = "1";

/// Longest raw value quoted back in a problem message.
const QUOTE_CHARS: usize = 24;

/// A link's parameters as raw, still percent-encoded text: the first decoding step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkParams {
    /// `v`: the link format version.
    pub version: Option<String>,
    /// `quota`: revenue quota.
    pub quota: Option<String>,
    /// `deal`: average deal size.
    pub deal: Option<String>,
    /// `traffic`: planned volume entering the top stage.
    pub traffic: Option<String>,
    /// `stages`: comma-separated stages, top first, `Name:rate` below the top.
    pub stages: Option<String>,
    /// `round`: `stage` or `exact`.
    pub round: Option<String>,
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
            let slot = match key.as_str() {
                "v" => &mut params.version,
                "quota" => &mut params.quota,
                "deal" => &mut params.deal,
                "traffic" => &mut params.traffic,
                "stages" => &mut params.stages,
                "round" => &mut params.round,
                _ => {
                    params.unknown.push(quote(&key));
                    continue;
                }
            };
            if slot.replace(value.to_owned()).is_some() && !params.repeated.contains(&key) {
                params.repeated.push(key);
            }
        }
        params
    }

    /// Combines the query string's parameters with the fragment's; the fragment wins.
    #[must_use]
    pub fn merge(query: Self, fragment: Self) -> Self {
        let mut unknown = query.unknown;
        unknown.extend(fragment.unknown);
        let mut repeated = query.repeated;
        repeated.extend(fragment.repeated);
        Self {
            version: fragment.version.or(query.version),
            quota: fragment.quota.or(query.quota),
            deal: fragment.deal.or(query.deal),
            traffic: fragment.traffic.or(query.traffic),
            stages: fragment.stages.or(query.stages),
            round: fragment.round.or(query.round),
            unknown,
            repeated,
        }
    }

    /// Whether the link carries any scenario parameter (an empty link means "no scenario").
    #[must_use]
    pub fn has_scenario(&self) -> bool {
        [
            &self.quota,
            &self.deal,
            &self.traffic,
            &self.stages,
            &self.round,
        ]
        .iter()
        .any(|param| param.is_some())
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

/// Validates a link's parameters into a scenario: the second decoding step.
#[must_use]
pub fn decode(params: &LinkParams) -> Decoded {
    let mut problems = Vec::new();
    if let Some(version) = &params.version {
        let version = percent::decode(version).unwrap_or_else(|| version.clone());
        if version != VERSION {
            problems.push(LinkProblem::UnknownVersion(quote(&version)));
        }
    }
    let quota = number_param(
        "quota",
        params.quota.as_deref(),
        Money::parse,
        Scenario::default_quota(),
        |money| money.to_display(),
        &mut problems,
    );
    let deal_size = number_param(
        "deal",
        params.deal.as_deref(),
        Money::parse_positive,
        Scenario::default_deal_size(),
        |money| money.to_display(),
        &mut problems,
    );
    let funnel = match params.stages.as_deref().map(decode_stages) {
        None => Scenario::default_funnel(),
        Some(Ok(funnel)) => funnel,
        Some(Err(problem)) => {
            problems.push(problem);
            Scenario::default_funnel()
        }
    };
    let traffic = number_param(
        "traffic",
        params.traffic.as_deref(),
        Volume::parse,
        Scenario::default_traffic(),
        |volume| volume.to_display(),
        &mut problems,
    );
    let rounding = match params.round.as_deref() {
        None => Rounding::default(),
        Some(raw) => {
            let text = percent::decode(raw).unwrap_or_else(|| raw.to_owned());
            Rounding::from_name(text.trim()).unwrap_or_else(|| {
                problems.push(LinkProblem::Rounding(quote(&text)));
                Rounding::default()
            })
        }
    };
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
        },
        problems,
    }
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
    format!(
        "v={VERSION}&quota={}&deal={}&stages={stages}&traffic={}&round={}",
        scenario.quota.to_plain(),
        scenario.deal_size.to_plain(),
        scenario.traffic.to_plain(),
        scenario.rounding.as_str(),
    )
}

/// Decodes and validates one number parameter, falling back to its default with a problem.
fn number_param<T>(
    param: &'static str,
    raw: Option<&str>,
    parse: impl FnOnce(&str) -> Result<T, NumberError>,
    default: T,
    show: impl FnOnce(&T) -> String,
    problems: &mut Vec<LinkProblem>,
) -> T {
    let Some(raw) = raw else {
        return default;
    };
    let Some(text) = percent::decode(raw) else {
        problems.push(LinkProblem::BadEncoding { param });
        return default;
    };
    parse(&text).unwrap_or_else(|error| {
        problems.push(LinkProblem::Number {
            param,
            text: quote(&text),
            error,
            default: show(&default),
        });
        default
    })
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
    use crate::model::compute;
    use proptest::prelude::*;

    fn open(text: &str) -> Decoded {
        decode(&LinkParams::parse(text))
    }

    #[test]
    fn default_scenario_link_reads_as_documented() {
        assert_eq!(
            encode(&Scenario::default()),
            "v=1&quota=1000000&deal=25000\
             &stages=Visitors,Leads:2,MQLs:20,SQLs:40,Opportunities:60,Won:20\
             &traffic=200000&round=stage"
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
                ..Scenario::default()
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
    fn fragment_overrides_query() {
        let merged = LinkParams::merge(
            LinkParams::parse("quota=5&deal=2&utm_source=mail"),
            LinkParams::parse("quota=9"),
        );
        let decoded = decode(&merged);
        assert_eq!(decoded.scenario.quota, Money::from_units(9).unwrap());
        assert_eq!(decoded.scenario.deal_size, Money::from_units(2).unwrap());
        assert_eq!(
            decoded.problems,
            [LinkProblem::UnknownParam("utm_source".into())]
        );
    }

    fn arbitrary_scenario() -> impl Strategy<Value = Scenario> {
        let name = "[A-Za-z0-9 ,:&%+=#?/\u{e9}\u{4e2d}-]{1,20}"
            .prop_filter_map("valid name", |text| StageName::new(&text).ok());
        (
            0u64..=100_000_000_000_000_000,
            1u64..=100_000_000_000_000_000,
            0u64..=100_000_000_000_000_000,
            name.clone(),
            proptest::collection::vec((name, 1u32..=1_000_000), 1..20),
            any::<bool>(),
        )
            .prop_map(|(quota, deal, traffic, top, steps, exact)| Scenario {
                quota: Money::from_cents(quota).unwrap(),
                deal_size: Money::from_cents(deal).unwrap(),
                traffic: Volume::from_hundredths(traffic).unwrap(),
                funnel: Funnel::new(
                    top,
                    steps
                        .into_iter()
                        .map(|(name, ppm)| Step {
                            name,
                            rate: Rate::from_ppm(ppm).unwrap(),
                        })
                        .collect(),
                )
                .unwrap(),
                rounding: if exact {
                    Rounding::Exact
                } else {
                    Rounding::Stage
                },
            })
    }

    proptest! {
        #[test]
        fn link_round_trip_is_identity(scenario in arbitrary_scenario()) {
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
