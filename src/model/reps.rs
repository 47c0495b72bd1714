//! The sales reps who carry quota, as cohorts of reps at the same ramp.
//!
//! Written `15, 5@25, 3@60, 2@85`: 15 fully ramped reps, 5 at 25 % of full productivity, 3 at
//! 60 % and 2 at 85 %. A plain number (`5`) keeps its meaning: that many ramped reps. The team
//! is worth Σ count × ramp **ramped reps** (19.75 in that example).

use std::fmt;

use super::amount::Volume;
use super::number::NumberError;
use super::rate::Share;

/// Most cohorts a team can have.
pub const MAX_COHORTS: usize = 12;

/// Reps at the same ramp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cohort {
    /// How many reps (fractions for part-time reps).
    pub count: Volume,
    /// Their productivity as a share of a fully ramped rep's, 0 to 100 %.
    pub ramp: Share,
}

/// The team's reps: one or more cohorts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reps(Vec<Cohort>);

/// Why text is not a team of reps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RepsError {
    /// Cohort `n` (from 1) has a bad count.
    Count(usize, NumberError),
    /// Cohort `n` (from 1) has a bad ramp.
    Ramp(usize, NumberError),
    /// More than [`MAX_COHORTS`] cohorts; holds the count.
    TooMany(usize),
}

impl fmt::Display for RepsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Count(1, error) => error.fmt(f),
            Self::Count(n, error) => write!(f, "Cohort {n}'s reps: {error}"),
            Self::Ramp(n, error) => write!(f, "Cohort {n}'s ramp: {error}"),
            Self::TooMany(count) => write!(
                f,
                "Give at most {MAX_COHORTS} cohorts (count or count@ramp), not {count}."
            ),
        }
    }
}

impl std::error::Error for RepsError {}

impl Reps {
    /// A team of `count` fully ramped reps.
    #[must_use]
    pub fn ramped(count: Volume) -> Self {
        Self(vec![Cohort {
            count,
            ramp: Share::ALL,
        }])
    }

    /// Reads `count` or `count@ramp` items separated by commas (`15, 5@25, 3@60`).
    ///
    /// # Errors
    /// Returns a [`RepsError`] naming the cohort whose count or ramp is not acceptable.
    pub fn parse(text: &str) -> Result<Self, RepsError> {
        let parts: Vec<&str> = text.split(',').collect();
        if parts.len() > MAX_COHORTS {
            return Err(RepsError::TooMany(parts.len()));
        }
        parts
            .iter()
            .enumerate()
            .map(|(index, part)| {
                let (count, ramp) = part.split_once('@').unwrap_or((part, ""));
                let count = Volume::parse(count).map_err(|e| RepsError::Count(index + 1, e))?;
                let ramp = if ramp.trim().is_empty() && !part.contains('@') {
                    Share::ALL
                } else {
                    Share::parse_percent(ramp).map_err(|e| RepsError::Ramp(index + 1, e))?
                };
                Ok(Cohort { count, ramp })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    /// The cohorts, in the order given.
    #[must_use]
    pub fn cohorts(&self) -> &[Cohort] {
        &self.0
    }

    /// The team in fully ramped reps: Σ count × ramp.
    #[must_use]
    pub fn ramped_reps(&self) -> f64 {
        self.0
            .iter()
            .map(|cohort| cohort.count.units() * cohort.ramp.fraction())
            .sum()
    }

    /// How many reps there are, whatever their ramp: Σ count. Loads per rep (units to work,
    /// handoffs to follow up) are spread over every rep.
    #[must_use]
    pub fn headcount(&self) -> f64 {
        self.0.iter().map(|cohort| cohort.count.units()).sum()
    }

    /// Writes the team as links write it: `15,5@25,3@60`.
    #[must_use]
    pub fn to_plain(&self) -> String {
        self.write(",", Volume::to_plain)
    }

    /// Writes the team as the field shows it: `15, 5@25, 3@60`, grouping large counts.
    #[must_use]
    pub fn to_display(&self) -> String {
        self.write(", ", Volume::to_display)
    }

    /// Writes the cohorts with a separator and a way to write counts.
    fn write(&self, separator: &str, count: fn(Volume) -> String) -> String {
        self.0
            .iter()
            .map(|cohort| {
                if cohort.ramp == Share::ALL {
                    count(cohort.count)
                } else {
                    format!("{}@{}", count(cohort.count), cohort.ramp.percent_plain())
                }
            })
            .collect::<Vec<_>>()
            .join(separator)
    }
}

/// Splits a team's text into its cohorts' count and ramp texts as typed, for a row editor;
/// the ramp is empty for a cohort written without `@`.
#[must_use]
pub fn split_cohorts(text: &str) -> Vec<(String, String)> {
    text.split(',')
        .map(|part| {
            let (count, ramp) = part.split_once('@').unwrap_or((part, ""));
            (count.trim().to_owned(), ramp.trim().to_owned())
        })
        .collect()
}

/// Joins cohort texts back into a team's text: `count` alone when the ramp is empty.
#[must_use]
pub fn join_cohorts(cohorts: &[(String, String)]) -> String {
    cohorts
        .iter()
        .map(|(count, ramp)| {
            if ramp.is_empty() {
                count.clone()
            } else {
                format!("{count}@{ramp}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "the arithmetic under test is exact")]
mod tests {
    use super::*;

    #[test]
    fn cohorts_add_up_to_ramped_reps() {
        // The example: 15 + 5 × 25 % + 3 × 60 % + 2 × 85 % = 15 + 1.25 + 1.8 + 1.7.
        let reps = Reps::parse("15,5@25,3@60,2@85").unwrap();
        assert_eq!(reps.cohorts().len(), 4);
        assert!((reps.ramped_reps() - 19.75).abs() < 1e-12);
        assert_eq!(reps.headcount(), 25.0);
        assert_eq!(reps.to_plain(), "15,5@25,3@60,2@85");
        assert_eq!(reps.to_display(), "15, 5@25, 3@60, 2@85");
        assert_eq!(Reps::parse(&reps.to_display()), Ok(reps));
    }

    #[test]
    fn a_plain_number_keeps_its_meaning() {
        let reps = Reps::parse("2.5").unwrap();
        assert_eq!(reps, Reps::ramped(Volume::parse("2.5").unwrap()));
        assert_eq!(reps.ramped_reps(), 2.5);
        assert_eq!(reps.to_plain(), "2.5");
        assert_eq!(Reps::parse("3@100%").unwrap().to_plain(), "3");
    }

    #[test]
    fn bad_cohorts_are_named() {
        let cases = [
            ("", "Enter a number."),
            (
                "5,x@20",
                "Cohort 2's reps: \u{201c}x\u{201d} is not a number.",
            ),
            ("5,2@", "Cohort 2's ramp: Enter a number."),
            ("5,2@150", "Cohort 2's ramp: Too large: at most 100 %."),
            ("-1", "Must not be negative."),
        ];
        for (text, expected) in cases {
            assert_eq!(
                Reps::parse(text).unwrap_err().to_string(),
                expected,
                "{text}"
            );
        }
        let many = vec!["1"; 13].join(",");
        assert_eq!(Reps::parse(&many), Err(RepsError::TooMany(13)));
    }

    #[test]
    fn rows_split_and_join_as_typed() {
        let rows = split_cohorts("15, 5@2x,3");
        assert_eq!(
            rows,
            [
                ("15".to_owned(), String::new()),
                ("5".to_owned(), "2x".to_owned()),
                ("3".to_owned(), String::new())
            ]
        );
        assert_eq!(join_cohorts(&rows), "15, 5@2x, 3");
    }
}
