//! Exact non-negative fractions for the plan's whole-number arithmetic.

/// A non-negative fraction `num / den` held exactly, in lowest terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Ratio {
    /// The numerator.
    pub num: u128,
    /// The denominator, never 0.
    pub den: u128,
}

/// Greatest common divisor (Euclid); `gcd(0, n) = n`.
pub(crate) fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Ratio {
    /// Returns `num / den` in lowest terms, or `None` when `den` is 0.
    pub(crate) fn new(num: u128, den: u128) -> Option<Self> {
        let divisor = gcd(num, den);
        (den != 0).then(|| Self {
            num: num / divisor,
            den: den / divisor,
        })
    }

    /// Returns `self × num / den`, or `None` when `den` is 0 or the result does not fit in
    /// `u128` even in lowest terms.
    pub(crate) fn times(self, num: u128, den: u128) -> Option<Self> {
        // Cross-cancel first so the products stay as small as the value allows.
        let left = gcd(self.num, den).max(1);
        let right = gcd(num, self.den).max(1);
        Self::new(
            (self.num / left).checked_mul(num / right)?,
            (self.den / right).checked_mul(den / left)?,
        )
    }

    /// Returns the smallest whole number at or above the fraction.
    pub(crate) fn ceil(self) -> u128 {
        self.num.div_ceil(self.den)
    }

    /// Returns the fraction as the nearest `f64` (to about 16 significant digits).
    #[allow(
        clippy::cast_precision_loss,
        reason = "the exact value beneath a need is shown to a few decimals"
    )]
    pub(crate) fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }
}
