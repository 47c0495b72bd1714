//! The calendar: which month it is, for the default first month of a plan.

use crate::model::YearMonth;

/// Returns the current month on this computer's calendar (local time).
#[must_use]
pub fn this_month() -> YearMonth {
    let now = js_sys::Date::new_0();
    let year = i32::try_from(now.get_full_year()).unwrap_or(2026);
    YearMonth::new(year, now.get_month() + 1)
        .or_else(|| YearMonth::new(2026, 1))
        .unwrap_or_else(|| unreachable!("2026-01 is in range"))
}

/// Returns today's date on this computer's calendar as `YYYY-MM-DD`.
#[must_use]
pub fn today_iso() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Returns today's day of the month on this computer's calendar (1 to 31).
#[must_use]
pub fn day_of_month() -> u8 {
    u8::try_from(js_sys::Date::new_0().get_date()).unwrap_or(1)
}
