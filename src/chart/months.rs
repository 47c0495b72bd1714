//! The month-by-month chart: what marketing (or all sources) must generate at the lead stage
//! each month, above the deals closing each month. Lead-time months sit on a shaded band
//! labelled "Lead time"; months already past are hatched.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    Error, Palette, Swatch, hatch, json_numbers, json_strings, legend, linear_ticks, px,
    text_style, text_width,
};
use crate::model::monthly::{MonthPlan, Sources};
use crate::model::period::YearMonth;

/// Height of the legend above the panels, in CSS pixels.
const LEGEND: i32 = 26;
/// Height of the month labels under the panels.
const AXIS: i32 = 36;
/// The chart's height.
const HEIGHT: i32 = 300;

/// One calendar month's bars.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthBar {
    /// The calendar month.
    pub month: YearMonth,
    /// Volume to generate at the lead stage in this month.
    pub leads: f64,
    /// Deals closing in this month.
    pub deals: f64,
    /// Whether the month comes before the period (lead time).
    pub lead_time: bool,
    /// Whether the month is already past.
    pub past: bool,
}

/// What the month chart plots.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthChart {
    /// One entry per calendar month, earliest first.
    pub bars: Vec<MonthBar>,
}

/// The chart's words.
#[derive(Clone, Copy, Debug)]
pub struct MonthWords<'a> {
    /// Title of the upper panel ("Leads to generate").
    pub leads: &'a str,
    /// Title of the lower panel ("Deals closing").
    pub deals: &'a str,
    /// Legend of the lead-time band.
    pub lead_time: &'a str,
    /// Legend of the hatched past months.
    pub past: &'a str,
}

impl MonthChart {
    /// The chart of a month plan for `sources`, with the period starting at `start` and
    /// months before `today` marked past.
    #[must_use]
    pub fn of_plan(plan: &MonthPlan, sources: Sources, start: YearMonth, today: YearMonth) -> Self {
        let volumes = plan.volumes_of(sources);
        let bars = plan
            .months
            .iter()
            .enumerate()
            .map(|(k, &month)| {
                let row = volumes.get(k).map_or(&[][..], Vec::as_slice);
                MonthBar {
                    month,
                    leads: row.get(plan.lead_stage).copied().unwrap_or(0.0),
                    deals: row.last().copied().unwrap_or(0.0),
                    lead_time: start.months_until(month) < 0,
                    past: plan.is_past(k, today),
                }
            })
            .collect();
        Self { bars }
    }

    /// The chart's height in CSS pixels.
    #[must_use]
    pub fn height(&self) -> u32 {
        u32::try_from(HEIGHT).unwrap_or(0)
    }

    /// The plotted values as JSON: `{"months":[…],"leads":[…],"deals":[…],"leadTime":[…],
    /// "past":[…]}`, months as `YYYY-MM`.
    #[must_use]
    pub fn series_json(&self) -> String {
        let flags = |read: fn(&MonthBar) -> bool| {
            let texts: Vec<&str> = self
                .bars
                .iter()
                .map(|bar| if read(bar) { "true" } else { "false" })
                .collect();
            format!("[{}]", texts.join(","))
        };
        let months: Vec<String> = self.bars.iter().map(|bar| bar.month.to_string()).collect();
        let mut out = String::from("{\"months\":");
        json_strings(&mut out, months.iter().map(String::as_str));
        out.push_str(",\"leads\":");
        json_numbers(&mut out, self.bars.iter().map(|bar| bar.leads));
        out.push_str(",\"deals\":");
        json_numbers(&mut out, self.bars.iter().map(|bar| bar.deals));
        out.push_str(",\"leadTime\":");
        out.push_str(&flags(|bar| bar.lead_time));
        out.push_str(",\"past\":");
        out.push_str(&flags(|bar| bar.past));
        out.push('}');
        out
    }
}

/// A panel's vertical extent and the largest value on its axis.
struct Panel {
    top: i32,
    bottom: i32,
    max: f64,
}

impl Panel {
    fn y(&self, value: f64) -> i32 {
        let share = if self.max > 0.0 {
            (value / self.max).clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.bottom - px(share * f64::from(self.bottom - self.top))
    }
}

/// Draws `chart` over the whole of `area`, writing axis values with `tick`.
///
/// # Errors
/// Whatever the backend reports.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &MonthChart,
    palette: &Palette,
    words: MonthWords<'_>,
    tick: impl Fn(f64) -> String,
) -> Result<(), Error<DB>> {
    area.fill(&palette.background)?;
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (
        i32::try_from(width).unwrap_or(i32::MAX),
        i32::try_from(height).unwrap_or(i32::MAX),
    );
    let count = i32::try_from(chart.bars.len()).unwrap_or(0).max(1);
    let max_of = |read: fn(&MonthBar) -> f64| {
        chart
            .bars
            .iter()
            .map(read)
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max)
    };
    let lead_ticks = linear_ticks(max_of(|bar| bar.leads), 3);
    let deal_ticks = linear_ticks(max_of(|bar| bar.deals), 2);
    let axis_width = lead_ticks
        .iter()
        .chain(&deal_ticks)
        .map(|&value| text_width(area, &tick(value)))
        .max()
        .unwrap_or(0)
        + 10;
    let (left, right) = (axis_width, (width - 6).max(axis_width + count));
    let column = f64::from(right - left) / f64::from(count);
    let column_x = |k: i32| left + px(f64::from(k) * column);

    let plot_top = LEGEND + 20;
    let plot_bottom = height - AXIS;
    let split = plot_top + (plot_bottom - plot_top) * 60 / 100;
    let leads = Panel {
        top: plot_top,
        bottom: split - 4,
        max: lead_ticks.last().copied().unwrap_or(0.0),
    };
    let deals = Panel {
        top: split + 20,
        bottom: plot_bottom,
        max: deal_ticks.last().copied().unwrap_or(0.0),
    };

    // Lead-time band and past months behind the bars.
    for (k, bar) in (0..).zip(&chart.bars) {
        let (x0, x1) = (column_x(k), column_x(k + 1));
        if bar.lead_time {
            area.draw(&Rectangle::new(
                [(x0, LEGEND + 2), (x1, plot_bottom)],
                palette.band.filled(),
            ))?;
        }
        if bar.past {
            for line in hatch(x0, plot_top, x1, plot_bottom, 6) {
                area.draw(&PathElement::new(line.to_vec(), palette.grid))?;
            }
        }
    }
    // Panels: grid, ticks, title, bars.
    let title = text_style(&palette.ink, HPos::Left, VPos::Bottom);
    let tick_style = text_style(&palette.muted, HPos::Right, VPos::Center);
    for (panel, ticks, name, filled) in [
        (&leads, &lead_ticks, words.leads, true),
        (&deals, &deal_ticks, words.deals, false),
    ] {
        for &value in ticks {
            let y = panel.y(value);
            area.draw(&PathElement::new(vec![(left, y), (right, y)], palette.grid))?;
            area.draw_text(&tick(value), &tick_style, (left - 6, y))?;
        }
        area.draw_text(name, &title, (left + 3, panel.top - 3))?;
        let bar_width = px(column * 0.64).max(1);
        for (k, bar) in (0..).zip(&chart.bars) {
            let value = if filled { bar.leads } else { bar.deals };
            let x0 = column_x(k) + px((column - f64::from(bar_width)) / 2.0);
            let y = panel.y(value);
            if y < panel.bottom {
                let corners = [(x0, y), (x0 + bar_width, panel.bottom)];
                if filled {
                    area.draw(&Rectangle::new(corners, palette.needed.filled()))?;
                } else {
                    area.draw(&Rectangle::new(corners, palette.forecast.mix(0.2).filled()))?;
                    area.draw(&Rectangle::new(corners, palette.forecast.stroke_width(1)))?;
                }
            }
        }
        area.draw(&PathElement::new(
            vec![(left, panel.bottom), (right, panel.bottom)],
            palette.ink,
        ))?;
    }

    month_labels(area, chart, palette, (column_x, column), plot_bottom)?;
    // The legend: lead time and past months (the panels carry their own titles).
    let mut entries = vec![(Swatch::Band(palette.band), words.lead_time)];
    if chart.bars.iter().any(|bar| bar.past) {
        entries.push((Swatch::Hatched(palette.muted), words.past));
    }
    legend(area, palette, &entries)
}

/// The month names under the panels, thinned to fit; the year under the first month and each
/// January. `columns` maps a month's position to its column's left edge, with the column width.
fn month_labels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &MonthChart,
    palette: &Palette,
    (column_x, column): (impl Fn(i32) -> i32, f64),
    plot_bottom: i32,
) -> Result<(), Error<DB>> {
    let label_style = text_style(&palette.ink, HPos::Center, VPos::Top);
    let widest = text_width(area, "May") + 6;
    let every = usize::try_from(px((f64::from(widest) / column.max(1.0)).ceil()))
        .unwrap_or(1)
        .max(1);
    for (k, bar) in (0..).zip(&chart.bars) {
        let index = usize::try_from(k).unwrap_or(0);
        let middle = column_x(k) + px(column / 2.0);
        if index % every == 0 {
            area.draw_text(
                bar.month.short_name(),
                &label_style,
                (middle, plot_bottom + 4),
            )?;
        }
        if index == 0 || bar.month.month() == 1 {
            area.draw_text(
                &bar.month.year().to_string(),
                &label_style,
                (middle, plot_bottom + 19),
            )?;
        }
    }

    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{LIGHT, svg_reading};

    fn month(text: &str) -> YearMonth {
        YearMonth::parse(text).unwrap()
    }

    fn chart() -> MonthChart {
        let bar = |m: &str, leads: f64, deals: f64, lead_time: bool, past: bool| MonthBar {
            month: month(m),
            leads,
            deals,
            lead_time,
            past,
        };
        MonthChart {
            bars: vec![
                bar("2026-11", 1_200.0, 0.0, true, false),
                bar("2026-12", 1_100.0, 0.0, true, false),
                bar("2027-01", 1_000.0, 13.0, false, false),
                bar("2027-02", 0.0, 14.0, false, false),
                bar("2027-03", 0.0, 13.0, false, false),
            ],
        }
    }

    const WORDS: MonthWords<'static> = MonthWords {
        leads: "Leads to generate",
        deals: "Deals closing",
        lead_time: "Lead time",
        past: "Past",
    };

    fn svg(chart: &MonthChart) -> String {
        svg_reading::render(chart.height(), |area| {
            draw(area, chart, &LIGHT, WORDS, |v| format!("{v}")).unwrap();
        })
    }

    fn count_rects(svg: &str, colour: &str) -> usize {
        svg_reading::rects(svg, colour).len()
    }

    #[test]
    fn a_bar_per_month_with_volume_and_a_band_for_lead_time() {
        let out = svg(&chart());
        // Leads: three months have volume. Deals: three outlined bars (fill and outline).
        assert_eq!(count_rects(&out, "#0B5CAD"), 3);
        assert_eq!(
            out.lines()
                .filter(|line| line.contains("<rect") && line.contains("stroke=\"#9A4D00\""))
                .count(),
            3
        );
        // Two lead-time months on the band, plus the legend's swatch.
        assert_eq!(count_rects(&out, "#EEF3F8"), 3);
        for word in ["Leads to generate", "Deals closing", "Lead time"] {
            assert!(out.contains(word), "{word}");
        }
        assert!(!out.contains("\nPast\n"), "no month is past");
    }

    #[test]
    fn months_are_labelled_in_order_with_their_years() {
        let out = svg(&chart());
        let at = |text: &str| {
            out.find(&format!("\n{text}\n"))
                .unwrap_or_else(|| panic!("{text}"))
        };
        assert!(at("Nov") < at("Dec") && at("Dec") < at("Jan") && at("Jan") < at("Feb"));
        assert!(out.contains("\n2026\n") && out.contains("\n2027\n"));
    }

    #[test]
    fn past_months_are_hatched_and_named_in_the_legend() {
        let mut chart = chart();
        chart.bars[0].past = true;
        let out = svg(&chart);
        assert!(out.contains("\nPast\n"));
    }

    #[test]
    fn series_json_holds_the_plotted_values() {
        assert_eq!(
            chart().series_json(),
            r#"{"months":["2026-11","2026-12","2027-01","2027-02","2027-03"],"leads":[1200,1100,1000,0,0],"deals":[0,0,13,14,13],"leadTime":[true,true,false,false,false],"past":[false,false,false,false,false]}"#
        );
    }
}
