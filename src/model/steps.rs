//! Meeting mode's steppers: the next value up or down of a key assumption, in round steps a
//! room can follow ("MQL→SQL at 45 %?").

use super::amount::Money;
use super::rate::{Rate, ppm_percent_plain};
use super::scenario::Scenario;

/// An assumption meeting mode steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Knob {
    /// The average deal size.
    Deal,
    /// The rate into stage `i` (1 or more).
    Rate(usize),
}

/// The text of `knob`'s next value one step up (or down), as the field reads it; `None` when
/// it cannot move that way (a rate at 100 % or at its smallest step, a deal of one step).
///
/// - Rates move by one percentage point, or by a tenth of one below 1 %, to the next multiple
///   of that step: 42.5 % goes up to 43 % and down to 42 %. They stay above 0 and at most 100 %.
/// - The deal size moves by a round step of about 1 to 10 % of its value (25,000 by 1,000;
///   4,500 by 100), to the next multiple of that step, and stays above 0.
#[must_use]
pub fn stepped(scenario: &Scenario, knob: Knob, up: bool) -> Option<String> {
    match knob {
        Knob::Rate(i) => {
            let ppm = scenario.funnel.rate_into(i)?.ppm();
            let step = if ppm < 10_000 || (ppm == 10_000 && !up) {
                1_000
            } else {
                10_000
            };
            let next = next_multiple(u64::from(ppm), step, up);
            let next = u32::try_from(next).ok().filter(|&n| n > 0)?;
            Rate::from_ppm(next).map(|_| ppm_percent_plain(next))
        }
        Knob::Deal => {
            let cents = scenario.deal_size.cents();
            let units = cents / 100;
            let step = round_step(if up { units } else { units.saturating_sub(1) });
            let next = next_multiple(cents, step * 100, up);
            Money::from_cents(next)
                .filter(|_| next > 0)
                .map(|money| (money.cents() / 100).to_string())
        }
    }
}

/// A round step for a value: a power of ten about a tenth to a hundredth of it (at least 1).
fn round_step(units: u64) -> u64 {
    let mut step = 1;
    while step * 100 <= units {
        step *= 10;
    }
    step
}

/// The next multiple of `step` above `value` (or below it, going down).
fn next_multiple(value: u64, step: u64, up: bool) -> u64 {
    if up {
        (value / step + 1) * step
    } else if value.is_multiple_of(step) {
        value.saturating_sub(step)
    } else {
        value / step * step
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::link::{LinkParams, decode};
    use crate::model::YearMonth;

    fn scenario(link: &str) -> Scenario {
        decode(&LinkParams::parse(link), YearMonth::new(2026, 11).unwrap()).scenario
    }

    fn check(link: &str, knob: Knob, up: bool, expected: Option<&str>) {
        assert_eq!(
            stepped(&scenario(link), knob, up).as_deref(),
            expected,
            "{link} {knob:?} up={up}"
        );
    }

    #[test]
    fn rates_step_by_whole_points_to_round_values() {
        let stages = "stages=Visitors,Leads:2,MQLs:42.5,SQLs:100,Won:0.5";
        check(stages, Knob::Rate(2), true, Some("43"));
        check(stages, Knob::Rate(2), false, Some("42"));
        check(stages, Knob::Rate(1), true, Some("3"));
        check(stages, Knob::Rate(1), false, Some("1"));
        // At 100 % a rate cannot rise; below 1 % it steps by tenths and stays above 0.
        check(stages, Knob::Rate(3), true, None);
        check(stages, Knob::Rate(3), false, Some("99"));
        check(stages, Knob::Rate(4), true, Some("0.6"));
        check(stages, Knob::Rate(4), false, Some("0.4"));
        check("stages=A,B:1", Knob::Rate(1), false, Some("0.9"));
        check("stages=A,B:0.1", Knob::Rate(1), false, None);
        check(stages, Knob::Rate(0), true, None);
    }

    #[test]
    fn the_deal_size_steps_by_round_amounts() {
        check("deal=25000", Knob::Deal, true, Some("26000"));
        check("deal=25000", Knob::Deal, false, Some("24000"));
        check("deal=4550", Knob::Deal, true, Some("4600"));
        check("deal=4550", Knob::Deal, false, Some("4500"));
        // 1,000 steps down by 10 (not to 0 by 1,000), and 1 cannot go lower.
        check("deal=1000", Knob::Deal, false, Some("990"));
        check("deal=1", Knob::Deal, false, None);
        check("deal=0.5", Knob::Deal, true, Some("1"));
    }
}
