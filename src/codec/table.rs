//! Tables as text for spreadsheets: CSV files (RFC 4180) and tab-separated text for the
//! clipboard, with cells neutralised against spreadsheet formula injection.
//!
//! Figures are written as plain values (`1234.5`, no thousands separator, no currency sign)
//! so a spreadsheet reads them as numbers whatever the page's number style.

use crate::model::format;
use crate::model::monthly::{MonthPlan, Sources};
use crate::model::wording::labels::table_export as labels;
use crate::model::{Scenario, StagePlan};

/// A table of text cells: a header row, then the body rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The column titles.
    pub header: Vec<String>,
    /// The body rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
}

/// Characters that make a spreadsheet treat a cell as a formula (or strip them first).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Neutralises a cell a spreadsheet could run as a formula by putting an apostrophe first,
/// which spreadsheets read as "this is text". A plain number (`-12.5`) is left alone, so
/// negative figures stay numbers.
#[must_use]
pub fn neutralise(cell: &str) -> String {
    let risky = cell.starts_with(FORMULA_STARTS);
    let number = is_plain_number(cell);
    if risky && !number {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// Whether `cell` is a plain decimal number: an optional `-`, digits, and at most one `.`
/// between digits. (Checked by hand: core's float parser would add kilobytes to the wasm.)
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let mut parts = digits.split('.');
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next();
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    parts.next().is_none() && all_digits(whole) && fraction.is_none_or(all_digits)
}

impl Table {
    /// The table as CSV under RFC 4180: comma-separated, CRLF line ends, and a cell quoted
    /// (with its quotes doubled) when it holds a comma, a quote, CR or LF.
    #[must_use]
    pub fn csv(&self) -> String {
        self.lines(
            |cell| {
                let cell = neutralise(cell);
                if cell.contains([',', '"', '\r', '\n']) {
                    format!("\"{}\"", cell.replace('"', "\"\""))
                } else {
                    cell
                }
            },
            ",",
            "\r\n",
        )
    }

    /// The table as tab-separated text for pasting into a spreadsheet: tabs and line breaks
    /// inside a cell become spaces, so every cell stays in its column.
    #[must_use]
    pub fn tsv(&self) -> String {
        self.lines(
            |cell| neutralise(cell).replace(['\t', '\r', '\n'], " "),
            "\t",
            "\n",
        )
    }

    /// Joins every row, header first, writing each cell with `cell`.
    fn lines(&self, cell: impl Fn(&str) -> String, separator: &str, end: &str) -> String {
        let mut out = String::new();
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
            out.push_str(&cells.join(separator));
            out.push_str(end);
        }
        out
    }
}

/// The stage table: each stage's rate from the stage above, what it needs (all sources and
/// marketing's, per period, month and week) and its forecast from the planned traffic.
#[must_use]
pub fn stage_table(scenario: &Scenario, stages: &[StagePlan]) -> Table {
    let header = labels::STAGE_COLUMNS;
    let rows = stages
        .iter()
        .enumerate()
        .map(|(index, stage)| {
            let rate = scenario
                .funnel
                .rate_into(index)
                .map(crate::model::Rate::percent_plain)
                .unwrap_or_default();
            let name = scenario.funnel.name_text(index);
            let mut row = vec![name, rate];
            row.extend(
                [
                    stage.need,
                    stage.need_per_month,
                    stage.need_per_week,
                    stage.marketing,
                    stage.marketing_per_month,
                    stage.marketing_per_week,
                    (stage.forecast * 10.0).round() / 10.0,
                ]
                .map(format::plain),
            );
            row
        })
        .collect();
    Table {
        header: header.map(str::to_owned).to_vec(),
        rows,
    }
}

/// The comparison of scenarios: one row per figure, a column of values per scenario, then,
/// for each other scenario, its change from the first as an amount and as a percentage. Every
/// cell is a plain number a spreadsheet reads (`-20`, `-50`; percentages as percent, `20` for
/// 20 %), so no cell needs neutralising.
#[must_use]
pub fn compare_table(comparison: &crate::model::compare::Comparison) -> Table {
    use crate::model::compare::Unit;
    let mut header = vec![labels::COMPARE_FIGURE.to_owned()];
    header.extend(comparison.names.iter().cloned());
    for name in comparison.names.iter().skip(1) {
        header.push(labels::compare_change(name));
        header.push(labels::compare_change_percent(name));
    }
    let shown = |unit: Unit, value: f64| match unit {
        Unit::Percent => format::plain((value * 1_000_000.0).round() / 10_000.0),
        Unit::Count | Unit::Money => format::plain((value * 100.0).round() / 100.0),
    };
    let rows = comparison
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![row.label.clone()];
            cells.extend(
                row.values
                    .iter()
                    .map(|v| v.map(|v| shown(row.unit, v)).unwrap_or_default()),
            );
            for index in 1..row.values.len() {
                let difference = row.difference(index);
                cells.push(difference.map_or_else(String::new, |d| shown(row.unit, d.amount)));
                cells.push(
                    difference
                        .and_then(|d| d.percent)
                        .map_or_else(String::new, |p| format::plain((p * 10.0).round() / 10.0)),
                );
            }
            cells
        })
        .collect();
    Table { header, rows }
}

/// The month plan: one row per month (lead time first), one column per stage, for the
/// volumes `sources` names, and a total row.
#[must_use]
pub fn month_table(
    scenario: &Scenario,
    plan: &MonthPlan,
    stages: &[StagePlan],
    sources: Sources,
) -> Table {
    let mut header = vec![labels::MONTH.to_owned()];
    header.extend(scenario.funnel.names().map(ToString::to_string));
    let volumes = plan.volumes_of(sources);
    let mut rows: Vec<Vec<String>> = plan
        .months
        .iter()
        .zip(volumes)
        .map(|(month, row)| {
            std::iter::once(month.to_string())
                .chain(row.iter().map(|&units| format::plain(units)))
                .collect()
        })
        .collect();
    // The total row is the page's: each stage's need for the period.
    let totals = stages.iter().map(|stage| {
        format::plain(match sources {
            Sources::Marketing => stage.marketing,
            Sources::All => stage.need,
        })
    });
    rows.push(
        std::iter::once(labels::TOTAL.to_owned())
            .chain(totals)
            .collect(),
    );
    Table { header, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{YearMonth, compute};

    fn table(cells: &[&str]) -> Table {
        Table {
            header: vec!["a".into(), "b".into()],
            rows: vec![cells.iter().map(|&c| c.to_owned()).collect()],
        }
    }

    /// Each case: a body row's cells, the CSV body line, the TSV body line.
    #[test]
    fn quoting_and_neutralising() {
        let check = |cells: &[&str], csv: &str, tsv: &str| {
            let t = table(cells);
            assert_eq!(t.csv(), format!("a,b\r\n{csv}\r\n"), "csv of {cells:?}");
            assert_eq!(t.tsv(), format!("a\tb\n{tsv}\n"), "tsv of {cells:?}");
        };
        check(&["Leads", "3440"], "Leads,3440", "Leads\t3440");
        check(
            &["Paid, search", "1"],
            "\"Paid, search\",1",
            "Paid, search\t1",
        );
        check(&["say \"hi\"", ""], "\"say \"\"hi\"\"\",", "say \"hi\"\t");
        check(&["two\nlines", "x"], "\"two\nlines\",x", "two lines\tx");
        check(&["=SUM(A1)", "+1"], "'=SUM(A1),'+1", "'=SUM(A1)\t'+1");
        check(&["@cmd", "-2+3"], "'@cmd,'-2+3", "'@cmd\t'-2+3");
        check(&["-12.5", "-3"], "-12.5,-3", "-12.5\t-3");
        check(&["-0.25", "-100"], "-0.25,-100", "-0.25\t-100");
        check(&["\tx", "\rx"], "'\tx,\"'\rx\"", "' x\t' x");
        check(&["=1,2", "a"], "\"'=1,2\",a", "'=1,2\ta");
    }

    #[test]
    fn plan_tables_hold_the_plan_values() {
        let mut scenario = Scenario::starting(YearMonth::new(2027, 1).unwrap());
        scenario.timing.start = YearMonth::new(2027, 1).unwrap();
        let plan = compute(&scenario);
        let stages = stage_table(&scenario, &plan.stages);
        assert_eq!(stages.rows.len(), scenario.funnel.stage_count());
        for (index, (row, stage)) in stages.rows.iter().zip(&plan.stages).enumerate() {
            assert_eq!(row.len(), stages.header.len());
            assert_eq!(row[0], scenario.funnel.name_text(index));
            assert_eq!(row[2], format::plain(stage.need));
            assert_eq!(row[5], format::plain(stage.marketing));
        }
        // The top stage has no rate from above; every other has its rate in percent.
        assert_eq!(stages.rows[0][1], "");
        let rate = scenario.funnel.rate_into(1).unwrap();
        assert_eq!(stages.rows[1][1], rate.percent_plain());

        for sources in Sources::ALL {
            let months = month_table(&scenario, &plan.months, &plan.stages, sources);
            assert_eq!(months.rows.len(), plan.months.months.len() + 1);
            let total = months.rows.last().unwrap();
            let lead = plan.months.lead_stage;
            let sum: f64 = months.rows[..months.rows.len() - 1]
                .iter()
                .map(|row| row[lead + 1].parse::<f64>().unwrap())
                .sum();
            // The lead-stage column adds up to its total, as on the page.
            assert!(
                (sum - total[lead + 1].parse::<f64>().unwrap()).abs() < 1e-6,
                "{sources:?}"
            );
        }
    }

    #[test]
    fn neutralise_leaves_safe_text() {
        for safe in ["Leads", "12", "0.5", "Q1 2027", "", "a=b"] {
            assert_eq!(neutralise(safe), safe);
        }
        for risky in [
            "=A1", "+A1", "-A1", "@A1", "-", "-1e5", "- 1", "-1.", "-.5", "-1.2.3", "--1",
        ] {
            assert_eq!(neutralise(risky), format!("'{risky}"));
        }
    }

    #[test]
    fn compare_table_gives_each_change_as_plain_numbers() {
        let mut base = Scenario::starting(YearMonth::new(2026, 11).unwrap());
        base.deal_size = crate::model::Money::from_units(25_000).unwrap();
        let mut bigger = base.clone();
        bigger.deal_size = crate::model::Money::from_units(50_000).unwrap();
        let comparison = crate::model::compare::compare(&[
            ("Baseline".to_owned(), base),
            ("Bigger, deals".to_owned(), bigger),
        ]);
        let csv = compare_table(&comparison).csv();
        let mut lines = csv.split("\r\n");
        assert_eq!(
            lines.next(),
            Some(
                "Figure (percentages in %),Baseline,\"Bigger, deals\",\"Bigger, deals: change from the first\",\"Bigger, deals: change from the first (%)\""
            )
        );
        let deals = comparison
            .rows
            .iter()
            .find(|r| r.key == "deals-needed")
            .unwrap();
        let (first, second) = (deals.values[0].unwrap(), deals.values[1].unwrap());
        // Twice the deal size halves the deals: the change is minus half, −50 %.
        let expected = format!(
            "Deals needed,{},{},{},-50",
            format::plain(first),
            format::plain(second),
            format::plain(second - first)
        );
        assert!(second < first);
        assert!(csv.split("\r\n").any(|line| line == expected), "{csv}");
        assert!(!csv.contains('\''), "no cell needed neutralising: {csv}");
    }
}
