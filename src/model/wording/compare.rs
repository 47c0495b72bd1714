//! The words of comparing scenarios: what a comparison link that arrived damaged leaves out,
//! and the warning beside a link long enough for some apps to cut.

/// The comparison's row of a stage's rate: "Rate into MQLs".
#[must_use]
pub fn rate_into(stage: &str) -> String {
    format!("Rate into {stage}")
}

/// Comparison links longer than this many characters may be cut by the apps that carry them:
/// some mail and chat apps shorten links around 2,000 characters.
pub const LONG_LINK: usize = 2_000;

/// A comparison link that lost its end on the way.
#[must_use]
pub fn cut_short(whole: usize) -> String {
    let (scenarios, are) = if whole == 1 {
        ("scenario", "is")
    } else {
        ("scenarios", "are")
    };
    format!(
        "The comparison link was cut short on its way here (some apps shorten long links). The \
         {whole} {scenarios} that arrived whole {are} open; for the rest, ask for the link \
         again or for the scenarios as a JSON file."
    )
}

/// One of a comparison link's scenarios is garbled.
#[must_use]
pub fn garbled(position: usize) -> String {
    format!(
        "Scenario {position} of the comparison link is garbled (a broken % escape), so it is \
         left out."
    )
}

/// The warning beside a comparison link of `length` characters (`shown` as the page writes
/// the number), when it is longer than [`LONG_LINK`].
#[must_use]
pub fn long_link(length: usize, shown: &str) -> Option<String> {
    (length > LONG_LINK).then(|| {
        format!(
            "This link is {shown} characters long, and some mail and chat apps cut links this              long. If it arrives cut, the page opens the scenarios that arrived whole and says              so; to be sure, share the scenarios as a JSON file (Download all scenarios)."
        )
    })
}

/// A value's change from the first scenario's, as its cell shows it: "▲ +20 (+50%)",
/// "▼ −$25,000 (−50%)", "▲ +5 pts (+25%)" for a rate, or "same" when it is too small to
/// show. `amount` is the magnitude as the page writes it, `percent` the percentage's
/// magnitude (left out when under 0.05 %, which would read as 0 %).
#[must_use]
pub fn change(differs: bool, change: f64, amount: &str, percent: Option<&str>) -> String {
    if !differs {
        return "same".to_owned();
    }
    let (mark, sign) = if change > 0.0 {
        ('\u{25b2}', '+')
    } else {
        ('\u{25bc}', '\u{2212}')
    };
    let percent = percent
        .map(|p| format!(" ({sign}{p}%)"))
        .unwrap_or_default();
    format!("{mark} {sign}{amount}{percent}")
}

/// A change of a rate or a share, in percentage points: "5 pts".
#[must_use]
pub fn points(points: &str) -> String {
    format!("{points} pts")
}

/// Beside a comparison while the scenario on screen has fields whose text is not valid.
#[must_use]
pub fn drafts(scenario: &str, fields: usize) -> String {
    let (count, its) = if fields == 1 {
        ("a field".to_owned(), "that field's value")
    } else {
        (format!("{fields} fields"), "those fields' values")
    };
    format!(
        "\u{201c}{scenario}\u{201d} has {count} whose text is not valid: its column uses \
         {its} from before the edit, as the page does."
    )
}

/// Copy comparison link's outcome: copied, or why not.
#[must_use]
pub fn copy_outcome(result: Result<(), String>) -> String {
    match result {
        Ok(()) => {
            "Comparison link copied. Anyone with it sees these scenarios side by side.".to_owned()
        }
        Err(reason) => format!("Could not copy ({reason}): copy the link below."),
    }
}
