//! The funnel chart: for each stage, the volume marketing must source (a solid bar) against
//! the forecast from planned traffic (an outlined bar), with any shortfall hatched. A log
//! scale shows traffic and deals on one chart.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    Error, Palette, Swatch, VolumeAxis, hatch, json_numbers, json_strings, legend, text_style,
    text_width,
};
use crate::model::StagePlan;

/// Height of the legend above the bars, in CSS pixels (the tornado's too).
pub(crate) const LEGEND: i32 = 26;
/// Height of one stage's row: two bars (the tornado's rows are the same).
pub(crate) const ROW: i32 = 34;
/// Height of the tick labels under the bars.
pub(crate) const AXIS: i32 = 22;

/// One stage's two bars.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelBar {
    /// The stage's name.
    pub name: String,
    /// Volume marketing must source at this stage (the plan's rounding applied).
    pub needed: f64,
    /// Volume the planned traffic brings to this stage.
    pub forecast: f64,
}

/// What the funnel chart plots.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelChart {
    /// One entry per stage, top first.
    pub bars: Vec<FunnelBar>,
    /// Whether the volume axis is logarithmic.
    pub log: bool,
}

/// The chart's fixed words.
#[derive(Clone, Copy, Debug)]
pub struct FunnelWords<'a> {
    /// Legend of the solid bars.
    pub needed: &'a str,
    /// Legend of the outlined bars.
    pub forecast: &'a str,
    /// Legend of the hatched shortfall.
    pub shortfall: &'a str,
}

impl FunnelChart {
    /// The chart of a plan: marketing's need and the forecast at each stage.
    #[must_use]
    pub fn of_plan(names: &[String], stages: &[StagePlan], log: bool) -> Self {
        let bars = names
            .iter()
            .zip(stages)
            .map(|(name, stage)| FunnelBar {
                name: name.clone(),
                needed: stage.marketing,
                forecast: stage.forecast,
            })
            .collect();
        Self { bars, log }
    }

    /// The chart's height in CSS pixels for its number of stages.
    #[must_use]
    pub fn height(&self) -> u32 {
        let rows = i32::try_from(self.bars.len()).unwrap_or(0);
        u32::try_from(LEGEND + rows * ROW + AXIS).unwrap_or(0)
    }

    /// The plotted values as JSON: `{"scale":…,"stages":[…],"needed":[…],"forecast":[…]}`.
    #[must_use]
    pub fn series_json(&self) -> String {
        let mut out = String::from("{\"scale\":");
        out.push_str(if self.log { "\"log\"" } else { "\"linear\"" });
        out.push_str(",\"stages\":");
        json_strings(&mut out, self.bars.iter().map(|bar| bar.name.as_str()));
        out.push_str(",\"needed\":");
        json_numbers(&mut out, self.bars.iter().map(|bar| bar.needed));
        out.push_str(",\"forecast\":");
        json_numbers(&mut out, self.bars.iter().map(|bar| bar.forecast));
        out.push('}');
        out
    }

    /// The largest plotted value.
    fn max(&self) -> f64 {
        self.bars
            .iter()
            .flat_map(|bar| [bar.needed, bar.forecast])
            .filter(|value| value.is_finite())
            .fold(0.0, f64::max)
    }
}

/// Draws `chart` over the whole of `area`, writing needs with `count`, forecasts (which may
/// have a fraction) with `forecast` and axis ticks with `tick`.
///
/// # Errors
/// Whatever the backend reports.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &FunnelChart,
    palette: &Palette,
    words: FunnelWords<'_>,
    count: impl Fn(f64) -> String,
    forecast: impl Fn(f64) -> String,
    tick: impl Fn(f64) -> String,
) -> Result<(), Error<DB>> {
    area.fill(&palette.background)?;
    let shortfall = chart.bars.iter().any(|bar| bar.forecast < bar.needed);
    let mut entries = vec![
        (Swatch::Solid(palette.needed), words.needed),
        (Swatch::Outlined(palette.forecast), words.forecast),
    ];
    if shortfall {
        entries.push((Swatch::Hatched(palette.shortfall), words.shortfall));
    }
    legend(area, palette, &entries)?;

    let axis = VolumeAxis::beside(
        area,
        (chart.max(), chart.log),
        chart.bars.iter().map(|bar| bar.name.as_str()),
        chart
            .bars
            .iter()
            .flat_map(|bar| [count(bar.needed), forecast(bar.forecast)]),
        35,
    );
    let (left, label_width) = (axis.left(), axis.left());
    let x = |value: f64| axis.x(value);
    let rows = i32::try_from(chart.bars.len()).unwrap_or(0);
    let bottom = LEGEND + rows * ROW;
    axis.draw_grid(area, palette, (LEGEND, bottom), tick)?;

    let name_style = text_style(&palette.ink, HPos::Right, VPos::Center);
    let value_style = text_style(&palette.ink, HPos::Left, VPos::Center);
    let forecast_style = text_style(&palette.muted, HPos::Left, VPos::Center);
    for (k, bar) in (0..).zip(&chart.bars) {
        let top_y = LEGEND + k * ROW;
        let name = fit(area, &bar.name, label_width - 12);
        area.draw_text(&name, &name_style, (label_width - 8, top_y + ROW / 2))?;

        let needed_end = x(bar.needed);
        let forecast_end = x(bar.forecast);
        if needed_end > left {
            area.draw(&Rectangle::new(
                [(left, top_y + 4), (needed_end, top_y + 16)],
                palette.needed.filled(),
            ))?;
        }
        area.draw_text(
            &count(bar.needed),
            &value_style,
            (needed_end + 4, top_y + 10),
        )?;

        let (f_top, f_bottom) = (top_y + 19, top_y + 29);
        if forecast_end > left {
            area.draw(&Rectangle::new(
                [(left, f_top), (forecast_end, f_bottom)],
                palette.forecast.mix(0.2).filled(),
            ))?;
            area.draw(&Rectangle::new(
                [(left, f_top), (forecast_end, f_bottom)],
                palette.forecast.stroke_width(1),
            ))?;
        }
        let mut label_at = forecast_end;
        if bar.forecast < bar.needed && needed_end > forecast_end {
            for line in hatch(forecast_end, f_top, needed_end, f_bottom, 5) {
                area.draw(&PathElement::new(line.to_vec(), palette.shortfall))?;
            }
            label_at = needed_end;
        }
        area.draw_text(
            &forecast(bar.forecast),
            &forecast_style,
            (label_at + 4, top_y + 24),
        )?;
    }
    area.draw(&PathElement::new(
        vec![(left, LEGEND), (left, bottom)],
        palette.ink,
    ))?;
    Ok(())
}

/// `text`, cut with an ellipsis to fit `width` pixels.
pub(crate) fn fit<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    width: i32,
) -> String {
    if text_width(area, text) <= width {
        return text.to_owned();
    }
    let mut cut: String = text.to_owned();
    while cut.pop().is_some() {
        let candidate = format!("{}\u{2026}", cut.trim_end());
        if text_width(area, &candidate) <= width {
            return candidate;
        }
    }
    "\u{2026}".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{LIGHT, svg_reading};

    fn chart(log: bool) -> FunnelChart {
        let bar = |name: &str, needed: f64, forecast: f64| FunnelBar {
            name: name.to_owned(),
            needed,
            forecast,
        };
        FunnelChart {
            bars: vec![
                bar("Visitors", 137_600.0, 200_000.0),
                bar("Leads", 3_440.0, 5_000.0),
                bar("MQLs", 1_032.0, 1_500.0),
                bar("Won", 40.0, 30.5),
            ],
            log,
        }
    }

    const WORDS: FunnelWords<'static> = FunnelWords {
        needed: "Marketing needs",
        forecast: "Forecast",
        shortfall: "Shortfall",
    };

    fn svg(chart: &FunnelChart) -> String {
        svg_reading::render(chart.height(), |area| {
            let (count, plain) = (|v: f64| format!("{v:.0}"), |v: f64| format!("{v}"));
            draw(area, chart, &LIGHT, WORDS, count, plain, plain).unwrap();
        })
    }

    /// The `x` and `width` of each `<rect>` filled with `colour`.
    fn rects(svg: &str, colour: &str) -> Vec<(f64, f64)> {
        svg_reading::rects(svg, colour)
            .into_iter()
            .map(|[x, _, width, _]| (x, width))
            .collect()
    }

    #[test]
    fn every_stage_is_labelled_in_order_with_both_values() {
        let out = svg(&chart(false));
        let positions: Vec<usize> = ["Visitors", "Leads", "MQLs", "Won"]
            .iter()
            .map(|name| out.find(&format!("\n{name}\n")).unwrap())
            .collect();
        assert!(
            positions.windows(2).all(|pair| pair[0] < pair[1]),
            "{positions:?}"
        );
        for value in [
            "137600", "200000", "3440", "5000", "1032", "1500", "40", "30.5",
        ] {
            assert!(out.contains(&format!("\n{value}\n")), "{value} missing");
        }
        for word in ["Marketing needs", "Forecast", "Shortfall"] {
            assert!(out.contains(word), "{word} missing");
        }
    }

    #[test]
    fn one_solid_bar_per_stage_longer_for_larger_needs() {
        let out = svg(&chart(true));
        // #0B5CAD is the light theme's needed colour; the legend's swatch is the first rect.
        let bars = rects(&out, "#0B5CAD");
        assert_eq!(bars.len(), 1 + 4, "{out}");
        let widths: Vec<f64> = bars[1..].iter().map(|&(_, width)| width).collect();
        assert!(widths[0] > widths[1] && widths[1] > widths[2] && widths[2] >= widths[3]);
    }

    #[test]
    fn the_log_scale_keeps_small_stages_visible() {
        let linear = rects(&svg(&chart(false)), "#0B5CAD");
        let log = rects(&svg(&chart(true)), "#0B5CAD");
        // Won's 40 deals: no visible bar next to 137,600 visitors on a linear scale, more than
        // a quarter of the Visitors bar on a log scale.
        assert_eq!(linear.len(), 1 + 3, "{linear:?}");
        assert!(log[4].1 > log[1].1 * 0.25, "{log:?}");
        assert!(svg(&chart(true)).contains("\n100000\n"));
    }

    #[test]
    fn no_shortfall_no_hatch_legend() {
        let mut chart = chart(false);
        chart.bars.retain(|bar| bar.forecast >= bar.needed);
        assert!(!svg(&chart).contains("Shortfall"));
    }

    #[test]
    fn series_json_holds_the_plotted_values() {
        assert_eq!(
            chart(true).series_json(),
            r#"{"scale":"log","stages":["Visitors","Leads","MQLs","Won"],"needed":[137600,3440,1032,40],"forecast":[200000,5000,1500,30.5]}"#
        );
    }

    #[test]
    fn long_names_are_cut_to_fit() {
        let mut chart = chart(false);
        chart.bars[0].name = "Marketing qualified leads from every channel we run".to_owned();
        let out = svg(&chart);
        assert!(out.contains('\u{2026}'));
        assert!(!out.contains("every channel we run"));
    }
}
