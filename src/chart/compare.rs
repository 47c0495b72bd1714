//! The comparison's funnel chart: every compared scenario's need at each stage overlaid on
//! one scale, a bar per scenario in each stage's row. Scenarios are told apart by the bar's
//! shape (solid, outlined, hatched, dashed outline) and the legend's names, never by colour
//! alone. Stages are matched by position and named by the first scenario's stages, as in the
//! comparison table.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::funnel::{AXIS, LEGEND, fit};
use super::{Error, Palette, Swatch, VolumeAxis, hatch, json_strings, legend, text_style};
use crate::model::compare::Comparison;
use crate::model::format;

/// Height of one scenario's bar in a stage's row, with the gap below it.
const BAR: i32 = 11;
/// Space above and below a stage's bars.
const PAD: i32 = 5;

/// What the comparison's funnel chart plots.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareChart {
    /// The stages' names (the first scenario's), top first.
    pub stages: Vec<String>,
    /// The compared scenarios' names, in order.
    pub scenarios: Vec<String>,
    /// For each scenario, marketing's need at each stage (`None` past its last stage).
    pub needed: Vec<Vec<Option<f64>>>,
    /// Whether the volume axis is logarithmic.
    pub log: bool,
}

impl CompareChart {
    /// The chart of a comparison: each scenario's need at each stage.
    #[must_use]
    pub fn of_comparison(comparison: &Comparison, log: bool) -> Self {
        Self {
            stages: comparison.stages.clone(),
            scenarios: comparison.names.clone(),
            needed: comparison.needs.clone(),
            log,
        }
    }

    /// The chart's height in CSS pixels for its stages and scenarios.
    #[must_use]
    pub fn height(&self) -> u32 {
        u32::try_from(LEGEND + self.rows() * self.row() + AXIS).unwrap_or(0)
    }

    /// The height of one stage's row.
    fn row(&self) -> i32 {
        2 * PAD + i32::try_from(self.scenarios.len()).unwrap_or(0) * BAR
    }

    /// The number of stage rows.
    fn rows(&self) -> i32 {
        i32::try_from(self.stages.len()).unwrap_or(0)
    }

    /// The plotted values as JSON:
    /// `{"scale":…,"stages":[…],"scenarios":[…],"needed":[[…],…]}`, `null` where a
    /// scenario has no such stage.
    #[must_use]
    pub fn series_json(&self) -> String {
        let mut out = String::from("{\"scale\":");
        out.push_str(if self.log { "\"log\"" } else { "\"linear\"" });
        out.push_str(",\"stages\":");
        json_strings(&mut out, self.stages.iter().map(String::as_str));
        out.push_str(",\"scenarios\":");
        json_strings(&mut out, self.scenarios.iter().map(String::as_str));
        out.push_str(",\"needed\":[");
        for (k, values) in self.needed.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            out.push('[');
            for (j, value) in values.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                match value {
                    Some(value) => out.push_str(&format::plain(*value)),
                    None => out.push_str("null"),
                }
            }
            out.push(']');
        }
        out.push_str("]}");
        out
    }

    /// The largest plotted value.
    fn max(&self) -> f64 {
        self.needed
            .iter()
            .flatten()
            .flatten()
            .copied()
            .filter(|value| value.is_finite())
            .fold(0.0, f64::max)
    }
}

/// Scenario `k`'s legend swatch: its bar's shape.
fn swatch(palette: &Palette, k: usize) -> Swatch {
    match k % 4 {
        0 => Swatch::Solid(palette.needed),
        1 => Swatch::Outlined(palette.forecast),
        2 => Swatch::Hatched(palette.ink),
        _ => Swatch::Dashed(palette.muted),
    }
}

/// Draws scenario `k`'s bar from `left` to `end` between `top` and `bottom`, shaped as its
/// swatch.
fn bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    palette: &Palette,
    k: usize,
    [left, top, end, bottom]: [i32; 4],
) -> Result<(), Error<DB>> {
    let corners = [(left, top), (end, bottom)];
    match swatch(palette, k) {
        Swatch::Solid(color) => area.draw(&Rectangle::new(corners, color.filled()))?,
        Swatch::Outlined(color) => {
            area.draw(&Rectangle::new(corners, color.mix(0.2).filled()))?;
            area.draw(&Rectangle::new(corners, color.stroke_width(1)))?;
        }
        Swatch::Hatched(color) => {
            for line in hatch(left, top, end, bottom, 4) {
                area.draw(&PathElement::new(line.to_vec(), color))?;
            }
            area.draw(&Rectangle::new(corners, color.stroke_width(1)))?;
        }
        Swatch::Band(color) | Swatch::Dashed(color) => {
            let mut x = left;
            while x < end {
                let to = (x + 5).min(end);
                for y in [top, bottom] {
                    area.draw(&PathElement::new(
                        vec![(x, y), (to, y)],
                        color.stroke_width(1),
                    ))?;
                }
                x += 9;
            }
            area.draw(&PathElement::new(vec![(end, top), (end, bottom)], color))?;
        }
    }
    Ok(())
}

/// Draws `chart` over the whole of `area`, writing needs with `count` and axis ticks with
/// `tick`.
///
/// # Errors
/// Whatever the backend reports.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &CompareChart,
    palette: &Palette,
    count: impl Fn(f64) -> String,
    tick: impl Fn(f64) -> String,
) -> Result<(), Error<DB>> {
    area.fill(&palette.background)?;
    let (width, _) = area.dim_in_pixel();
    let width = i32::try_from(width).unwrap_or(i32::MAX);
    let each = width / i32::try_from(chart.scenarios.len().max(1)).unwrap_or(1) - 38;
    let names: Vec<String> = chart
        .scenarios
        .iter()
        .map(|name| fit(area, name, each.max(24)))
        .collect();
    let entries: Vec<(Swatch, &str)> = names
        .iter()
        .enumerate()
        .map(|(k, name)| (swatch(palette, k), name.as_str()))
        .collect();
    legend(area, palette, &entries)?;

    let axis = VolumeAxis::beside(
        area,
        (chart.max(), chart.log),
        chart.stages.iter().map(String::as_str),
        chart
            .needed
            .iter()
            .flatten()
            .flatten()
            .map(|&value| count(value)),
        30,
    );
    let (left, label_width) = (axis.left(), axis.left());
    let x = |value: f64| axis.x(value);
    let row = chart.row();
    let bottom = LEGEND + chart.rows() * row;
    axis.draw_grid(area, palette, (LEGEND, bottom), tick)?;
    let name_style = text_style(&palette.ink, HPos::Right, VPos::Center);
    let value_style = text_style(&palette.ink, HPos::Left, VPos::Center);
    for (j, stage) in (0..).zip(&chart.stages) {
        let row_top = LEGEND + j * row;
        let name = fit(area, stage, label_width - 12);
        area.draw_text(&name, &name_style, (label_width - 8, row_top + row / 2))?;
        for (k, values) in (0..).zip(&chart.needed) {
            let Some(&Some(value)) = values.get(usize::try_from(j).unwrap_or(usize::MAX)) else {
                continue;
            };
            let top = row_top + PAD + k * BAR;
            let end = x(value);
            if end > left {
                let index = usize::try_from(k).unwrap_or(0);
                bar(area, palette, index, [left, top, end, top + BAR - 3])?;
            }
            area.draw_text(&count(value), &value_style, (end + 4, top + (BAR - 3) / 2))?;
        }
    }
    area.draw(&PathElement::new(
        vec![(left, LEGEND), (left, bottom)],
        palette.ink,
    ))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{LIGHT, svg_reading};

    fn chart(log: bool) -> CompareChart {
        CompareChart {
            stages: vec!["Visitors".into(), "Leads".into(), "Won".into()],
            scenarios: vec!["Baseline".into(), "Stretch".into(), "Short".into()],
            needed: vec![
                vec![Some(137_600.0), Some(3_440.0), Some(40.0)],
                vec![Some(206_400.0), Some(5_160.0), Some(60.0)],
                vec![Some(1_000.0), Some(25.0), None],
            ],
            log,
        }
    }

    fn svg(chart: &CompareChart) -> String {
        svg_reading::render(chart.height(), |area| {
            draw(
                area,
                chart,
                &LIGHT,
                |v| format!("{v:.0}"),
                |v| format!("{v}"),
            )
            .unwrap();
        })
    }

    #[test]
    fn every_scenario_is_named_and_every_value_labelled() {
        let out = svg(&chart(true));
        for word in ["Baseline", "Stretch", "Short", "Visitors", "Leads", "Won"] {
            assert!(out.contains(&format!("\n{word}\n")), "{word} missing");
        }
        for value in ["137600", "3440", "40", "206400", "5160", "60", "1000", "25"] {
            assert!(out.contains(&format!("\n{value}\n")), "{value} missing");
        }
    }

    #[test]
    fn the_first_scenario_has_a_solid_bar_per_stage_in_order_of_size() {
        let out = svg(&chart(false));
        // #0B5CAD is the light theme's needed colour; the legend's swatch is the first rect.
        let bars = svg_reading::rects(&out, "#0B5CAD");
        // Won's 40 of 206,400 is under a pixel on a linear scale: no bar, still its label.
        assert_eq!(bars.len(), 1 + 2, "{out}");
        assert!(bars[1][2] > bars[2][2]);
        let log = svg_reading::rects(&svg(&chart(true)), "#0B5CAD");
        assert_eq!(log.len(), 1 + 3);
        // The second scenario's bars are outlined, below the first's in each row.
        let outlined = svg_reading::rects(&svg(&chart(true)), "#9A4D00");
        assert_eq!(outlined.len(), 1 + 3, "a light fill per bar");
        assert!(outlined[1][1] > log[1][1]);
    }

    #[test]
    fn series_json_holds_each_scenarios_values_and_gaps() {
        let json = chart(true).series_json();
        assert_eq!(
            json,
            r#"{"scale":"log","stages":["Visitors","Leads","Won"],"scenarios":["Baseline","Stretch","Short"],"needed":[[137600,3440,40],[206400,5160,60],[1000,25,null]]}"#
        );
    }

    #[test]
    fn a_taller_chart_for_more_scenarios() {
        let mut two = chart(false);
        two.scenarios.truncate(2);
        two.needed.truncate(2);
        assert!(chart(false).height() > two.height());
    }
}
