//! Marketing's budget: cost per lead (blended or by channel), cost per stage, CAC, ROI, a
//! budget cap, and the spend the planned traffic implies.

use super::assumptions::Channel;
use super::scenario::Scenario;
use super::stage_plan::StagePlan;

/// One channel's part of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelPlan {
    /// The share of marketing's lead-stage volume the budget gives this channel, as a
    /// fraction: its entered share scaled so that all shares total 100 % (equal parts when
    /// they total 0 %).
    pub share: f64,
    /// Lead-stage volume from this channel: its share of marketing's volume, unrounded.
    pub leads: f64,
    /// What those leads cost: leads × the channel's cost per lead.
    pub budget: f64,
}

/// What a capped budget affords.
#[derive(Clone, Debug, PartialEq)]
pub struct Affordable {
    /// Whole lead-stage units the cap buys at the blended cost per lead.
    pub leads: f64,
    /// Deals those leads yield at the funnel's rates, unrounded.
    pub deals: f64,
    /// Revenue from those deals.
    pub revenue: f64,
    /// Planned budget − cap: positive is a shortfall, negative is headroom.
    pub budget_gap: f64,
}

/// Marketing's budget and costs.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetPlan {
    /// The stage marketing pays for.
    pub lead_stage: usize,
    /// Cost of one lead-stage unit: the blended figure, or Σ channel share × channel cost.
    pub blended_cpl: f64,
    /// Marketing's lead-stage volume × blended cost per lead.
    pub budget: f64,
    /// Budget ÷ marketing's volume at each stage; `None` where that volume is 0.
    pub cost_per: Vec<Option<f64>>,
    /// Customer acquisition cost: budget ÷ marketing-sourced deals; `None` without deals.
    pub cac: Option<f64>,
    /// Revenue from marketing-sourced deals.
    pub marketing_revenue: f64,
    /// (Marketing revenue − budget) ÷ budget × 100; `None` without budget.
    pub roi_percent: Option<f64>,
    /// Marketing revenue ÷ budget; `None` without budget.
    pub roi_multiple: Option<f64>,
    /// One entry per channel, in order; empty without channels.
    pub channels: Vec<ChannelPlan>,
    /// What the entered channel shares total, in parts per million; the budget scales them
    /// to 100 % when this is not 1,000,000. 0 without channels.
    pub shares_total_ppm: u64,
    /// What the budget cap affords; `None` without a cap or when leads cost nothing.
    pub cap: Option<Affordable>,
    /// Spend implied by the planned traffic: forecast lead-stage volume × blended cost.
    pub forecast_spend: f64,
    /// Forecast spend ÷ forecast volume at each stage; `None` where that volume is 0.
    pub forecast_cost_per: Vec<Option<f64>>,
}

/// Divides, or `None` when the divisor is 0.
fn per(amount: f64, units: f64) -> Option<f64> {
    (units > 0.0).then(|| amount / units)
}

/// Each channel's share as a fraction of the entered total (`total_ppm`), so the shares add up
/// to 1; equal parts when the total is 0.
#[allow(
    clippy::cast_precision_loss,
    reason = "parts per million and channel counts are far below 2^53"
)]
fn scaled_shares(channels: &[Channel], total_ppm: u64) -> Vec<f64> {
    channels
        .iter()
        .map(|channel| {
            if total_ppm == 0 {
                1.0 / channels.len() as f64
            } else {
                f64::from(channel.share.ppm()) / total_ppm as f64
            }
        })
        .collect()
}

/// Computes marketing's budget from the scenario and the stages' needs.
#[must_use]
pub fn compute(scenario: &Scenario, stages: &[StagePlan]) -> BudgetPlan {
    let costs = &scenario.costs;
    let lead_stage = costs.lead_stage_in(&scenario.funnel);
    let shares_total_ppm: u64 = costs
        .channels
        .iter()
        .map(|c| u64::from(c.share.ppm()))
        .sum();
    let shares: Vec<f64> = scaled_shares(&costs.channels, shares_total_ppm);
    let blended_cpl = if costs.channels.is_empty() {
        costs.cost_per_lead.to_f64()
    } else {
        costs
            .channels
            .iter()
            .zip(&shares)
            .map(|(channel, share)| share * channel.cost_per_lead.to_f64())
            .sum()
    };
    let leads = stages[lead_stage].marketing;
    let budget = leads * blended_cpl;
    let marketing_deals = stages.last().map_or(0.0, |stage| stage.marketing);
    let marketing_revenue = marketing_deals * scenario.deal_size.to_f64();
    let channels = costs
        .channels
        .iter()
        .zip(&shares)
        .map(|(channel, &share)| {
            let leads = leads * share;
            ChannelPlan {
                share,
                leads,
                budget: leads * channel.cost_per_lead.to_f64(),
            }
        })
        .collect();
    // Conversion from the lead stage to Won, to see what affordable leads yield.
    let lead_to_won: f64 = scenario.funnel.steps()[lead_stage..]
        .iter()
        .map(|step| step.rate.fraction())
        .product();
    let cap = costs.cap.filter(|_| blended_cpl > 0.0).map(|cap| {
        let cap = cap.to_f64();
        let leads = (cap / blended_cpl + 1e-9).floor();
        let deals = leads * lead_to_won;
        Affordable {
            leads,
            deals,
            revenue: deals * scenario.deal_size.to_f64(),
            budget_gap: budget - cap,
        }
    });
    let forecast_spend = stages[lead_stage].forecast * blended_cpl;
    BudgetPlan {
        lead_stage,
        blended_cpl,
        budget,
        cost_per: stages.iter().map(|s| per(budget, s.marketing)).collect(),
        cac: per(budget, marketing_deals),
        marketing_revenue,
        roi_percent: per(marketing_revenue - budget, budget).map(|ratio| ratio * 100.0),
        roi_multiple: per(marketing_revenue, budget),
        channels,
        shares_total_ppm,
        cap,
        forecast_spend,
        forecast_cost_per: stages
            .iter()
            .map(|s| per(forecast_spend, s.forecast))
            .collect(),
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "the arithmetic under test is exact")]
mod tests {
    use crate::model::{Channel, Money, Scenario, Share, StageName, Volume, YearMonth, compute};

    fn scenario() -> Scenario {
        Scenario::starting(YearMonth::new(2027, 1).unwrap())
    }

    fn channel(name: &str, share: &str, cpl: u64) -> Channel {
        Channel {
            name: StageName::new(name).unwrap(),
            share: Share::parse_percent(share).unwrap(),
            cost_per_lead: Money::from_units(cpl).unwrap(),
        }
    }

    #[test]
    fn blended_budget_costs_cac_and_roi() {
        // Default: 4,175 leads × 100 = 417,500; 40 deals → CAC 10,437.50;
        // revenue 40 × 25,000 = 1,000,000; ROI (1,000,000 − 417,500) ÷ 417,500 = 139.5 %.
        let budget = compute(&scenario()).budget;
        assert_eq!(budget.lead_stage, 1);
        assert_eq!(budget.blended_cpl, 100.0);
        assert_eq!(budget.budget, 417_500.0);
        assert_eq!(budget.cost_per[1], Some(100.0));
        assert_eq!(budget.cost_per[2], Some(417_500.0 / 835.0));
        assert_eq!(budget.cac, Some(10_437.5));
        assert_eq!(budget.marketing_revenue, 1_000_000.0);
        assert!((budget.roi_percent.unwrap() - 582_500.0 / 417_500.0 * 100.0).abs() < 1e-9);
        assert!((budget.roi_multiple.unwrap() - 1_000_000.0 / 417_500.0).abs() < 1e-12);
        assert!(budget.channels.is_empty());
        assert_eq!(budget.cap, None);
    }

    #[test]
    fn channels_blend_their_costs_by_share() {
        // 60 % at 50 and 40 % at 200: blended 0.6 × 50 + 0.4 × 200 = 110 per lead.
        let mut scenario = scenario();
        scenario.costs.channels = vec![channel("Search", "60", 50), channel("Events", "40", 200)];
        let budget = compute(&scenario).budget;
        assert!((budget.blended_cpl - 110.0).abs() < 1e-12);
        assert!((budget.budget - 4_175.0 * 110.0).abs() < 1e-6);
        assert!((budget.channels[0].leads - 2_505.0).abs() < 1e-9);
        assert!((budget.channels[1].budget - 1_670.0 * 200.0).abs() < 1e-6);
        let total: f64 = budget.channels.iter().map(|c| c.budget).sum();
        assert!((total - budget.budget).abs() < 1e-6);
    }

    #[test]
    fn shares_not_totalling_one_hundred_are_scaled_never_dropped() {
        // The case: three channels, one removed, 40 % + 35 % = 75 % left. The budget
        // scales them to 53.33 % and 46.67 %: blended (40 × 50 + 35 × 200) ÷ 75 = 120.
        let mut scenario = scenario();
        scenario.costs.channels = vec![channel("Search", "40", 50), channel("Events", "35", 200)];
        let budget = compute(&scenario).budget;
        assert_eq!(budget.shares_total_ppm, 750_000);
        assert!((budget.channels[0].share - 40.0 / 75.0).abs() < 1e-12);
        assert!((budget.blended_cpl - 120.0).abs() < 1e-9);
        assert!((budget.budget - 4_175.0 * 120.0).abs() < 1e-6);
        let total: f64 = budget.channels.iter().map(|c| c.budget).sum();
        assert!((total - budget.budget).abs() < 1e-6);
        // Shares of 0 % each: equal parts.
        scenario.costs.channels = vec![channel("Search", "0", 50), channel("Events", "0", 150)];
        let budget = compute(&scenario).budget;
        assert_eq!(budget.blended_cpl, 100.0);
    }

    #[test]
    fn a_cap_shows_what_it_affords_and_the_shortfall() {
        // Cap 200,000 at 100 per lead: 2,000 leads × 20 % × 40 % × 60 % × 20 % = 19.2 deals.
        let mut scenario = scenario();
        scenario.costs.cap = Some(Money::from_units(200_000).unwrap());
        let cap = compute(&scenario).budget.cap.unwrap();
        assert_eq!(cap.leads, 2_000.0);
        assert!((cap.deals - 19.2).abs() < 1e-9);
        assert!((cap.revenue - 480_000.0).abs() < 1e-6);
        assert_eq!(cap.budget_gap, 417_500.0 - 200_000.0);
        scenario.costs.cost_per_lead = Money::from_units(0).unwrap();
        assert_eq!(compute(&scenario).budget.cap, None);
    }

    #[test]
    fn zero_volumes_give_no_unit_costs_instead_of_infinity() {
        let mut scenario = scenario();
        scenario.marketing_share = Share::NONE;
        scenario.traffic = Volume::from_units(0).unwrap();
        let budget = compute(&scenario).budget;
        assert_eq!(budget.budget, 0.0);
        assert_eq!(budget.cac, None);
        assert_eq!(budget.roi_percent, None);
        assert!(budget.cost_per.iter().all(Option::is_none));
        assert!(budget.forecast_cost_per.iter().all(Option::is_none));
    }

    #[test]
    fn forecast_spend_is_the_lead_stage_forecast_times_cost() {
        // 200,000 visitors × 2 % = 4,000 leads × 100 = 400,000; the top stage when it is paid.
        let mut scenario = scenario();
        assert_eq!(compute(&scenario).budget.forecast_spend, 400_000.0);
        scenario.costs.lead_stage = Some(0);
        scenario.costs.cost_per_lead = Money::parse("0.5").unwrap();
        let budget = compute(&scenario).budget;
        assert_eq!(budget.forecast_spend, 100_000.0);
        assert_eq!(budget.forecast_cost_per[1], Some(25.0));
    }
}
