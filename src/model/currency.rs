//! Currencies: the ISO 4217 codes a plan may be shown in, and each region's usual currency.
//!
//! The plan keeps a [`Currency`] so that a shared link shows the same money everywhere; the
//! browser's locale only picks the currency of a first visit ([`Currency::of_region`]). The
//! symbol and its place around an amount come from the browser (`Intl.NumberFormat`), not
//! from here.

use std::fmt;

/// An ISO 4217 currency code from [`CODES`], such as `EUR`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Currency([u8; 3]);

/// Why text is not a currency the planner knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CurrencyError {
    /// Not three letters.
    NotACode,
    /// Three letters that ISO 4217 does not list; holds them in capitals.
    Unknown(String),
}

impl fmt::Display for CurrencyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotACode => {
                f.write_str("Give a three-letter ISO 4217 currency code, such as EUR, GBP or USD.")
            }
            Self::Unknown(code) => write!(
                f,
                "\u{201c}{code}\u{201d} is not a currency this page can show (the ISO 4217 \
                 codes browsers format). Try EUR, GBP or USD."
            ),
        }
    }
}

impl std::error::Error for CurrencyError {}

impl Currency {
    /// US dollars: the currency of plans from before currencies were recorded, when the
    /// browser's region has none.
    pub const USD: Self = Self(*b"USD");

    /// Reads a currency code, in any case and with surrounding spaces (` eur ` is `EUR`).
    ///
    /// # Errors
    /// Returns [`CurrencyError`] for text that is not three letters, or not a listed code.
    pub fn parse(text: &str) -> Result<Self, CurrencyError> {
        let code = text.trim().to_ascii_uppercase();
        let bytes: [u8; 3] = code
            .as_bytes()
            .try_into()
            .map_err(|_| CurrencyError::NotACode)?;
        if !bytes.iter().all(u8::is_ascii_uppercase) {
            return Err(CurrencyError::NotACode);
        }
        if codes().any(|known| known == code) {
            Ok(Self(bytes))
        } else {
            Err(CurrencyError::Unknown(code))
        }
    }

    /// Returns the code, such as `EUR`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Only listed codes, which are ASCII, are ever built.
        std::str::from_utf8(&self.0).unwrap_or("USD")
    }

    /// Returns the usual currency of a region, given as an ISO 3166 code (`DE` gives `EUR`),
    /// or `None` for a region the table does not hold.
    #[must_use]
    pub fn of_region(region: &str) -> Option<Self> {
        let region = region.as_bytes();
        REGIONS
            .as_bytes()
            .chunks_exact(5)
            .find(|entry| &entry[..2] == region)
            .and_then(|entry| entry[2..].try_into().ok())
            .map(Self)
    }
}

impl Default for Currency {
    fn default() -> Self {
        Self::USD
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every code a plan may use, in alphabetical order.
pub fn codes() -> impl Iterator<Item = &'static str> {
    CODES
        .as_bytes()
        .chunks_exact(3)
        .filter_map(|code| std::str::from_utf8(code).ok())
}

// The tables below were written by a script: the codes of ISO 4217's list one (Debian's
// iso-codes 4.15) that Chromium 156's `Intl.supportedValuesOf("currency")` names, 159 of 181
// (funds, metals, test codes and the 2022 leone and digital bolivar are left out), and CLDR
// 47's legal tender of each region on 2026-11-23 through Babel 2.18, with Bulgaria moved to
// the euro, which it adopted on 2026-01-01. A wasm test checks that the browser knows each.

/// The ISO 4217 codes, three letters each, in alphabetical order.
const CODES: &str = concat!(
    "AEDAFNALLAMDANGAOAARSAUDAWGAZNBAMBBDBDTBGNBHDBIFBMDBNDBOBBRLBSDBTNBWPBYNBZDCADCDFCHF",
    "CLPCNYCOPCRCCUCCUPCVECZKDJFDKKDOPDZDEGPERNETBEURFJDFKPGBPGELGHSGIPGMDGNFGTQGYDHKDHNL",
    "HRKHTGHUFIDRILSINRIQDIRRISKJMDJODJPYKESKGSKHRKMFKPWKRWKWDKYDKZTLAKLBPLKRLRDLSLLYDMAD",
    "MDLMGAMKDMMKMNTMOPMRUMURMVRMWKMXNMYRMZNNADNGNNIONOKNPRNZDOMRPABPENPGKPHPPKRPLNPYGQAR",
    "RONRSDRUBRWFSARSBDSCRSDGSEKSGDSHPSLLSOSSRDSSPSTNSVCSYPSZLTHBTJSTMTTNDTOPTRYTTDTWDTZS",
    "UAHUGXUSDUYUUZSVESVNDVUVWSTXAFXCDXDRXOFXPFXSUYERZARZMWZWL"
);

/// Each region's currency: two letters of ISO 3166 and three of ISO 4217, in region order.
const REGIONS: &str = concat!(
    "ACSHPADEURAEAEDAFAFNAGXCDAIXCDALALLAMAMDAOAOAARARSASUSDATEURAUAUDAWAWGAXEURAZAZNBABAM",
    "BBBBDBDBDTBEEURBFXOFBGEURBHBHDBIBIFBJXOFBLEURBMBMDBNBNDBOBOBBQUSDBRBRLBSBSDBTINRBVNOK",
    "BWBWPBYBYNBZBZDCACADCCAUDCDCDFCFXAFCGXAFCHCHFCIXOFCKNZDCLCLPCMXAFCNCNYCOCOPCRCRCCUCUP",
    "CVCVECXAUDCYEURCZCZKDEEURDGUSDDJDJFDKDKKDMXCDDODOPDZDZDEAEURECUSDEEEUREGEGPEHMADERERN",
    "ESEURETETBEUEURFIEURFJFJDFKFKPFMUSDFODKKFREURGAXAFGBGBPGDXCDGEGELGFEURGGGBPGHGHSGIGIP",
    "GLDKKGMGMDGNGNFGPEURGQXAFGREURGSGBPGTGTQGUUSDGWXOFGYGYDHKHKDHMAUDHNHNLHREURHTHTGHUHUF",
    "ICEURIDIDRIEEURILILSIMGBPININRIOUSDIQIQDIRIRRISISKITEURJEGBPJMJMDJOJODJPJPYKEKESKGKGS",
    "KHKHRKIAUDKMKMFKNXCDKPKPWKRKRWKWKWDKYKYDKZKZTLALAKLBLBPLCXCDLICHFLKLKRLRLRDLSZARLTEUR",
    "LUEURLVEURLYLYDMAMADMCEURMDMDLMEEURMFEURMGMGAMHUSDMKMKDMLXOFMMMMKMNMNTMOMOPMPUSDMQEUR",
    "MRMRUMSXCDMTEURMUMURMVMVRMWMWKMXMXNMYMYRMZMZNNAZARNCXPFNEXOFNFAUDNGNGNNINIONLEURNONOK",
    "NPNPRNRAUDNUNZDNZNZDOMOMRPAPABPEPENPFXPFPGPGKPHPHPPKPKRPLPLNPMEURPNNZDPRUSDPSILSPTEUR",
    "PWUSDPYPYGQAQARREEURRORONRSRSDRURUBRWRWFSASARSBSBDSCSCRSDSDGSESEKSGSGDSHSHPSIEURSJNOK",
    "SKEURSMEURSNXOFSOSOSSRSRDSSSSPSTSTNSVUSDSYSYPSZSZLTAGBPTCUSDTDXAFTFEURTGXOFTHTHBTJTJS",
    "TKNZDTLUSDTMTMTTNTNDTOTOPTRTRYTTTTDTVAUDTWTWDTZTZSUAUAHUGUGXUMUSDUSUSDUYUYUUZUZSVAEUR",
    "VCXCDVEVESVGUSDVIUSDVNVNDVUVUVWFXPFWSWSTXKEURYEYERYTEURZAZARZMZMWZWUSD"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_codes_in_any_case_and_refuses_others() {
        assert_eq!(
            Currency::parse(" eur ").map(|c| c.to_string()),
            Ok("EUR".to_owned())
        );
        assert_eq!(
            Currency::parse("JPY").map(|c| c.to_string()),
            Ok("JPY".to_owned())
        );
        assert_eq!(Currency::parse("EURO"), Err(CurrencyError::NotACode));
        assert_eq!(Currency::parse("€"), Err(CurrencyError::NotACode));
        assert_eq!(Currency::parse("E1R"), Err(CurrencyError::NotACode));
        assert_eq!(
            Currency::parse("ABC"),
            Err(CurrencyError::Unknown("ABC".to_owned()))
        );
    }

    #[test]
    fn the_tables_are_well_formed() {
        assert_eq!(CODES.len() % 3, 0);
        assert_eq!(REGIONS.len() % 5, 0);
        let codes: Vec<&str> = codes().collect();
        assert_eq!(codes.len(), 159);
        assert!(
            codes.windows(2).all(|pair| pair[0] < pair[1]),
            "sorted, no repeats"
        );
        for entry in REGIONS.as_bytes().chunks_exact(5) {
            let code = std::str::from_utf8(&entry[2..]).unwrap();
            assert!(Currency::parse(code).is_ok(), "{code} is listed");
        }
    }

    #[test]
    fn regions_give_their_currency() {
        for (region, code) in [
            ("DE", "EUR"),
            ("US", "USD"),
            ("GB", "GBP"),
            ("IN", "INR"),
            ("JP", "JPY"),
            ("CH", "CHF"),
            ("BG", "EUR"),
        ] {
            assert_eq!(
                Currency::of_region(region)
                    .map(|c| c.to_string())
                    .as_deref(),
                Some(code),
                "{region}"
            );
        }
        assert_eq!(Currency::of_region("ZZ"), None);
        assert_eq!(Currency::of_region("D"), None);
    }
}
