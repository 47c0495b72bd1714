//! The uncertainty histogram: how many of the Monte Carlo draws need each lead-stage volume,
//! with P10, P50 and P90 marked by labelled lines, and the plan's own need as a dashed line.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    Error, Palette, Swatch, json_numbers, legend, linear_ticks, px, text_style, text_width,
};

/// The chart's height in CSS pixels.
const HEIGHT: i32 = 240;
/// Height of the legend row.
const LEGEND: i32 = 24;
/// Height of the volume labels under the bars.
const AXIS: i32 = 22;

/// What the histogram plots.
#[derive(Clone, Debug, PartialEq)]
pub struct HistogramChart {
    /// Bin edges, ascending: one more than the counts.
    pub edges: Vec<f64>,
    /// Draws per bin.
    pub counts: Vec<u32>,
    /// P10, P50 and P90 of the need.
    pub percentiles: [f64; 3],
    /// The plan's own need (without ranges).
    pub plan: f64,
}

/// The chart's words.
#[derive(Clone, Copy, Debug)]
pub struct HistogramWords<'a> {
    /// Legend of the bars ("Draws").
    pub draws: &'a str,
    /// Legend of the plan's own line.
    pub plan: &'a str,
}

impl HistogramChart {
    /// The chart's height in CSS pixels.
    #[must_use]
    pub fn height(&self) -> u32 {
        u32::try_from(HEIGHT).unwrap_or(0)
    }

    /// The plotted values as JSON: `{"edges":[…],"counts":[…],"p10":…,"p50":…,"p90":…,
    /// "plan":…}`.
    #[must_use]
    pub fn series_json(&self) -> String {
        let mut out = String::from("{\"edges\":");
        json_numbers(&mut out, self.edges.iter().copied());
        out.push_str(",\"counts\":");
        json_numbers(&mut out, self.counts.iter().map(|&count| f64::from(count)));
        for (name, value) in ["p10", "p50", "p90"].iter().zip(self.percentiles) {
            out.push_str(",\"");
            out.push_str(name);
            out.push_str("\":");
            out.push_str(&crate::model::format::plain(value));
        }
        out.push_str(",\"plan\":");
        out.push_str(&crate::model::format::plain(self.plan));
        out.push('}');
        out
    }
}

/// Draws `chart` over the whole of `area`, writing volumes and counts with `count`.
///
/// # Errors
/// Whatever the backend reports.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &HistogramChart,
    palette: &Palette,
    words: HistogramWords<'_>,
    count: impl Fn(f64) -> String,
) -> Result<(), Error<DB>> {
    area.fill(&palette.background)?;
    legend(
        area,
        palette,
        &[
            (Swatch::Solid(palette.needed), words.draws),
            (Swatch::Dashed(palette.forecast), words.plan),
        ],
    )?;
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (
        i32::try_from(width).unwrap_or(i32::MAX),
        i32::try_from(height).unwrap_or(i32::MAX),
    );
    let most = chart.counts.iter().copied().max().unwrap_or(0);
    let ticks = linear_ticks(f64::from(most), 3);
    let top_count = ticks.last().copied().unwrap_or(1.0).max(1.0);
    let axis_width = ticks
        .iter()
        .map(|&value| text_width(area, &count(value)))
        .max()
        .unwrap_or(0)
        + 10;
    let (left, right) = (axis_width, (width - 8).max(axis_width + 20));
    let (top, bottom) = (LEGEND + 22, height - AXIS);
    let (low, high) = (
        chart.edges.first().copied().unwrap_or(0.0),
        chart.edges.last().copied().unwrap_or(1.0),
    );
    let span = if high > low { high - low } else { 1.0 };
    let x =
        |value: f64| left + px(((value - low) / span).clamp(0.0, 1.0) * f64::from(right - left));
    let y = |value: f64| bottom - px((value / top_count).clamp(0.0, 1.0) * f64::from(bottom - top));

    let tick_style = text_style(&palette.muted, HPos::Right, VPos::Center);
    for &value in &ticks {
        area.draw(&PathElement::new(
            vec![(left, y(value)), (right, y(value))],
            palette.grid,
        ))?;
        area.draw_text(&count(value), &tick_style, (left - 6, y(value)))?;
    }
    for (k, &drawn) in chart.counts.iter().enumerate() {
        let (Some(&from), Some(&to)) = (chart.edges.get(k), chart.edges.get(k + 1)) else {
            continue;
        };
        if drawn > 0 {
            area.draw(&Rectangle::new(
                [(x(from) + 1, y(f64::from(drawn))), (x(to) - 1, bottom)],
                palette.needed.filled(),
            ))?;
        }
    }
    area.draw(&PathElement::new(
        vec![(left, bottom), (right, bottom)],
        palette.ink,
    ))?;

    // P10, P50, P90: solid lines labelled above the bars; the plan: a dashed line.
    let label_style = text_style(&palette.ink, HPos::Center, VPos::Bottom);
    for (name, value) in ["P10", "P50", "P90"].into_iter().zip(chart.percentiles) {
        let at = x(value);
        area.draw(&PathElement::new(
            vec![(at, top - 4), (at, bottom)],
            palette.ink.stroke_width(2),
        ))?;
        area.draw_text(name, &label_style, (at, top - 6))?;
    }
    let plan_at = x(chart.plan);
    let mut dash = top;
    while dash < bottom {
        area.draw(&PathElement::new(
            vec![(plan_at, dash), (plan_at, (dash + 5).min(bottom))],
            palette.forecast.stroke_width(2),
        ))?;
        dash += 9;
    }

    let edge_style = text_style(&palette.muted, HPos::Center, VPos::Top);
    area.draw_text(
        &count(low),
        &edge_style.pos(plotters::style::text_anchor::Pos::new(
            HPos::Left,
            VPos::Top,
        )),
        (left, bottom + 4),
    )?;
    area.draw_text(
        &count(high),
        &edge_style.pos(plotters::style::text_anchor::Pos::new(
            HPos::Right,
            VPos::Top,
        )),
        (right, bottom + 4),
    )?;

    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{LIGHT, svg_reading};

    fn chart() -> HistogramChart {
        HistogramChart {
            edges: (0..=4).map(|k| 3_000.0 + 500.0 * f64::from(k)).collect(),
            counts: vec![100, 600, 250, 50],
            percentiles: [3_400.0, 3_800.0, 4_300.0],
            plan: 3_700.0,
        }
    }

    fn svg(chart: &HistogramChart) -> String {
        svg_reading::render(chart.height(), |area| {
            let words = HistogramWords {
                draws: "Draws",
                plan: "The plan",
            };
            draw(area, chart, &LIGHT, words, |v| format!("{v}")).unwrap();
        })
    }

    #[test]
    fn a_bar_per_bin_with_draws_taller_for_more_draws() {
        let out = svg(&chart());
        let heights: Vec<f64> = svg_reading::rects(&out, "#0B5CAD")
            .into_iter()
            .skip(1)
            .map(|[_, _, _, height]| height)
            .collect();
        assert_eq!(heights.len(), 4);
        assert!(heights[1] > heights[2] && heights[2] > heights[0] && heights[0] > heights[3]);
    }

    #[test]
    fn percentiles_and_ends_are_labelled() {
        let out = svg(&chart());
        for text in ["P10", "P50", "P90", "3000", "5000", "Draws", "The plan"] {
            assert!(out.contains(&format!("\n{text}\n")), "{text}");
        }
    }

    #[test]
    fn series_json_holds_the_bins_and_percentiles() {
        assert_eq!(
            chart().series_json(),
            r#"{"edges":[3000,3500,4000,4500,5000],"counts":[100,600,250,50],"p10":3400,"p50":3800,"p90":4300,"plan":3700}"#
        );
    }
}
