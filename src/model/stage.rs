//! Funnel stages: their names and the funnel they form, top first.

use std::fmt;

use super::rate::Rate;
use super::uncertainty::Bounds;

/// Longest stage name, in characters.
pub const MAX_NAME_CHARS: usize = 40;

/// A stage's name: 1 to [`MAX_NAME_CHARS`] characters, trimmed, with no control characters
/// and no `<` or `>` (names travel in links pasted into chats and emails).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StageName(String);

/// Why a text cannot be a stage name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameError {
    /// The name is empty or only spaces.
    Empty,
    /// The name is longer than [`MAX_NAME_CHARS`].
    TooLong,
    /// The name holds a character that names may not: `<`, `>` or a control character.
    Forbidden(char),
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("Give the stage a name."),
            Self::TooLong => write!(f, "Keep stage names to {MAX_NAME_CHARS} characters."),
            Self::Forbidden(c) if c.is_control() || is_invisible(*c) => {
                f.write_str("Stage names cannot contain control or invisible characters.")
            }
            Self::Forbidden(c) => write!(f, "Stage names cannot contain \u{201c}{c}\u{201d}."),
        }
    }
}

impl std::error::Error for NameError {}

/// The first character a name may not hold: a control or invisible character, `<` or `>`.
#[must_use]
pub fn forbidden_in_name(name: &str) -> Option<char> {
    name.chars()
        .find(|&c| c.is_control() || is_invisible(c) || c == '<' || c == '>')
}

/// Whether a character is invisible yet changes how text reads: bidirectional controls
/// (U+202E can show a name backwards) and zero-width characters (two names that look equal).
#[must_use]
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{61c}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

impl StageName {
    /// Checks and trims a stage name.
    ///
    /// # Errors
    /// Returns a [`NameError`] when the text is not an acceptable name.
    pub fn new(text: &str) -> Result<Self, NameError> {
        let name = text.trim();
        if name.is_empty() {
            return Err(NameError::Empty);
        }
        if let Some(c) = forbidden_in_name(name) {
            return Err(NameError::Forbidden(c));
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(NameError::TooLong);
        }
        Ok(Self(name.to_owned()))
    }

    /// Returns the name as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for StageName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A stage below the top of the funnel, with the rate at which the stage above converts into it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The stage's name.
    pub name: StageName,
    /// The share of the stage above that reaches this stage.
    pub rate: Rate,
    /// The rate's low and high, for the Monte Carlo simulation; each at most and at least the
    /// rate (see [`crate::model::uncertainty::Range::rate_around`]).
    pub bounds: Bounds<Rate>,
}

impl Step {
    /// A stage with a rate and no range.
    #[must_use]
    pub fn new(name: StageName, rate: Rate) -> Self {
        Self {
            name,
            rate,
            bounds: Bounds::NONE,
        }
    }
}

/// The funnel: [`Funnel::MIN_STAGES`] to [`Funnel::MAX_STAGES`] stages, top first; the last is
/// closed-won deals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Funnel {
    top: StageName,
    steps: Vec<Step>,
}

/// Why a list of stages is not a funnel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FunnelError {
    /// Fewer than [`Funnel::MIN_STAGES`] stages; holds the count given.
    TooFewStages(usize),
    /// More than [`Funnel::MAX_STAGES`] stages; holds the count given.
    TooManyStages(usize),
}

impl fmt::Display for FunnelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooFewStages(count) => write!(
                f,
                "a funnel needs at least {} stages, not {count}",
                Funnel::MIN_STAGES
            ),
            Self::TooManyStages(count) => write!(
                f,
                "a funnel has at most {} stages, not {count}",
                Funnel::MAX_STAGES
            ),
        }
    }
}

impl std::error::Error for FunnelError {}

impl Funnel {
    /// Fewest stages in a funnel: something enters, something closes.
    pub const MIN_STAGES: usize = 2;
    /// Most stages in a funnel.
    pub const MAX_STAGES: usize = 20;

    /// Builds a funnel from its top stage and the stages below it.
    ///
    /// # Errors
    /// Returns a [`FunnelError`] when the stage count is outside 2..=20.
    pub fn new(top: StageName, steps: Vec<Step>) -> Result<Self, FunnelError> {
        let count = steps.len() + 1;
        if count < Self::MIN_STAGES {
            Err(FunnelError::TooFewStages(count))
        } else if count > Self::MAX_STAGES {
            Err(FunnelError::TooManyStages(count))
        } else {
            Ok(Self { top, steps })
        }
    }

    /// Returns the top stage's name.
    #[must_use]
    pub fn top(&self) -> &StageName {
        &self.top
    }

    /// Returns the stages below the top, in order.
    #[must_use]
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// Returns how many stages the funnel has, the top included.
    #[must_use]
    pub fn stage_count(&self) -> usize {
        self.steps.len() + 1
    }

    /// Returns the name of stage `index` (0 is the top), or `None` past the last.
    #[must_use]
    pub fn name(&self, index: usize) -> Option<&StageName> {
        match index {
            0 => Some(&self.top),
            i => self.steps.get(i - 1).map(|step| &step.name),
        }
    }

    /// Returns the name of stage `index` as text, or an empty string past the last, for
    /// sentences and labels.
    #[must_use]
    pub fn name_text(&self, index: usize) -> String {
        self.name(index)
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    /// Returns the rate into stage `index` from the stage above, or `None` for the top stage
    /// and past the last.
    #[must_use]
    pub fn rate_into(&self, index: usize) -> Option<Rate> {
        index
            .checked_sub(1)
            .and_then(|i| self.steps.get(i))
            .map(|step| step.rate)
    }

    /// Returns the low and high of the rate into stage `index`; none for the top stage and
    /// past the last.
    #[must_use]
    pub fn bounds_into(&self, index: usize) -> Bounds<Rate> {
        index
            .checked_sub(1)
            .and_then(|i| self.steps.get(i))
            .map_or(Bounds::NONE, |step| step.bounds)
    }

    /// Returns the funnel with the low and high of the rate into stage `index` replaced;
    /// unchanged for the top stage and past the last. The caller checks them against the
    /// rate.
    #[must_use]
    pub fn with_bounds(&self, index: usize, bounds: Bounds<Rate>) -> Self {
        let mut funnel = self.clone();
        if let Some(step) = index.checked_sub(1).and_then(|i| funnel.steps.get_mut(i)) {
            step.bounds = bounds;
        }
        funnel
    }

    /// Returns the funnel with stage `index`'s name replaced; unchanged past the last stage.
    #[must_use]
    pub fn with_name(&self, index: usize, name: StageName) -> Self {
        let mut funnel = self.clone();
        match index {
            0 => funnel.top = name,
            i => {
                if let Some(step) = funnel.steps.get_mut(i - 1) {
                    step.name = name;
                }
            }
        }
        funnel
    }

    /// Returns the funnel with the rate into stage `index` replaced; unchanged for the top
    /// stage and past the last.
    #[must_use]
    pub fn with_rate(&self, index: usize, rate: Rate) -> Self {
        let mut funnel = self.clone();
        if let Some(step) = index.checked_sub(1).and_then(|i| funnel.steps.get_mut(i)) {
            step.rate = rate;
        }
        funnel
    }

    /// Splits the funnel into its names (top first) and the rates into each stage below the
    /// top with their bounds, for list edits; [`Funnel::from_parts`] puts them back together.
    #[must_use]
    pub fn into_parts(self) -> (Vec<StageName>, Vec<(Rate, Bounds<Rate>)>) {
        let mut names = Vec::with_capacity(self.steps.len() + 1);
        names.push(self.top);
        let mut rates = Vec::with_capacity(self.steps.len());
        for step in self.steps {
            names.push(step.name);
            rates.push((step.rate, step.bounds));
        }
        (names, rates)
    }

    /// Builds a funnel from names (top first) and one rate, with its bounds, per stage below
    /// the top.
    ///
    /// # Errors
    /// Returns a [`FunnelError`] for a stage count outside 2..=20, or when the counts of names
    /// and rates do not match.
    pub fn from_parts(
        names: Vec<StageName>,
        rates: Vec<(Rate, Bounds<Rate>)>,
    ) -> Result<Self, FunnelError> {
        if rates.len() + 1 != names.len() {
            return Err(FunnelError::TooFewStages(names.len().min(rates.len() + 1)));
        }
        let mut names = names.into_iter();
        let top = names.next().ok_or(FunnelError::TooFewStages(0))?;
        let steps = names
            .zip(rates)
            .map(|(name, (rate, bounds))| Step { name, rate, bounds })
            .collect();
        Self::new(top, steps)
    }

    /// Returns every stage's name, top first.
    pub fn names(&self) -> impl Iterator<Item = &StageName> {
        std::iter::once(&self.top).chain(self.steps.iter().map(|step| &step.name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> StageName {
        StageName::new(text).unwrap()
    }

    fn step(text: &str, percent: &str) -> Step {
        Step::new(name(text), Rate::parse_percent(percent).unwrap())
    }

    #[test]
    fn names_are_trimmed_and_checked() {
        assert_eq!(name("  MQLs ").as_str(), "MQLs");
        assert_eq!(name("R&D: inbound, paid").as_str(), "R&D: inbound, paid");
        assert_eq!(StageName::new("   "), Err(NameError::Empty));
        assert_eq!(
            StageName::new("<script>alert(1)</script>"),
            Err(NameError::Forbidden('<'))
        );
        assert_eq!(
            StageName::new("a\u{0}b"),
            Err(NameError::Forbidden('\u{0}'))
        );
        assert_eq!(StageName::new(&"x".repeat(41)), Err(NameError::TooLong));
        assert!(StageName::new(&"\u{e9}".repeat(40)).is_ok());
        // Invisible characters that reverse or hide text are refused like control characters.
        for c in ['\u{202e}', '\u{200b}', '\u{2066}', '\u{feff}'] {
            let error = StageName::new(&format!("Le{c}ads")).unwrap_err();
            assert_eq!(error, NameError::Forbidden(c));
            assert!(error.to_string().contains("invisible"), "{error}");
        }
    }

    #[test]
    fn list_edits_keep_a_funnel() {
        let funnel =
            Funnel::new(name("Leads"), vec![step("MQLs", "20"), step("Won", "10")]).unwrap();
        let renamed = funnel
            .with_name(1, name("SQLs"))
            .with_rate(2, Rate::parse_percent("15").unwrap());
        assert_eq!(renamed.name(1).unwrap().as_str(), "SQLs");
        assert_eq!(renamed.rate_into(2).unwrap().ppm(), 150_000);
        assert_eq!(
            funnel.with_rate(0, Rate::WHOLE),
            funnel,
            "the top has no rate"
        );
        assert_eq!(
            funnel.with_name(9, name("X")),
            funnel,
            "past the last is ignored"
        );
        let (names, rates) = funnel.clone().into_parts();
        assert_eq!((names.len(), rates.len()), (3, 2));
        assert_eq!(Funnel::from_parts(names, rates), Ok(funnel));
        assert!(Funnel::from_parts(vec![name("A"), name("B")], vec![]).is_err());
    }

    #[test]
    fn funnel_has_two_to_twenty_stages() {
        assert_eq!(
            Funnel::new(name("Leads"), vec![]),
            Err(FunnelError::TooFewStages(1))
        );
        let steps = vec![step("S", "50"); 20];
        assert_eq!(
            Funnel::new(name("Top"), steps),
            Err(FunnelError::TooManyStages(21))
        );
        let funnel = Funnel::new(name("Leads"), vec![step("Won", "10")]).unwrap();
        assert_eq!(funnel.stage_count(), 2);
        assert_eq!(funnel.name(1).unwrap().as_str(), "Won");
        assert_eq!(funnel.rate_into(0), None);
        assert_eq!(funnel.rate_into(1).unwrap().ppm(), 100_000);
        assert_eq!(funnel.rate_into(2), None);
    }
}
