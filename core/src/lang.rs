//! The languages of the widget's interface, and how each writes a date.
//!
//! The corpus stays in English; what changes with the language is every string
//! the interface says, including date labels ("July 2017", "julio de 2017").

use serde::{Deserialize, Serialize};

use crate::number::decimal;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// Spanish.
    Es,
    /// French.
    Fr,
    /// Indonesian.
    Id,
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_SHORT_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_SHORT_ES: [&str; 12] = [
    "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
];
const MONTHS_SHORT_FR: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
const MONTHS_SHORT_ID: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
];

impl Lang {
    /// Every supported language.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Es, Lang::Fr, Lang::Id];

    /// The language for a BCP 47 tag such as `es`, `fr-CA` or `id-ID`, if supported.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            "fr" => Some(Lang::Fr),
            "id" | "in" => Some(Lang::Id),
            _ => None,
        }
    }

    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::Id => "id",
        }
    }

    /// The month's name (1–12) as used inside a date; empty for a month that does not exist.
    pub fn month(self, month: u8) -> &'static str {
        let names = match self {
            Lang::En => &MONTHS_EN,
            Lang::Es => &MONTHS_ES,
            Lang::Fr => &MONTHS_FR,
            Lang::Id => &MONTHS_ID,
        };
        names
            .get(usize::from(month).wrapping_sub(1))
            .copied()
            .unwrap_or("")
    }

    /// The month's short name for axis ticks.
    pub fn month_short(self, month: u8) -> &'static str {
        let names = match self {
            Lang::En => &MONTHS_SHORT_EN,
            Lang::Es => &MONTHS_SHORT_ES,
            Lang::Fr => &MONTHS_SHORT_FR,
            Lang::Id => &MONTHS_SHORT_ID,
        };
        names
            .get(usize::from(month).wrapping_sub(1))
            .copied()
            .unwrap_or("")
    }

    /// "July 2017", "julio de 2017", "juillet 2017", "Juli 2017".
    pub fn month_year(self, month: u8, year: u16) -> String {
        match self {
            Lang::Es => self.month(month).to_owned() + " de " + &decimal(year.into()),
            _ => self.month(month).to_owned() + " " + &decimal(year.into()),
        }
    }

    /// "18 December", "18 de diciembre".
    pub fn day_month(self, day: u8, month: u8) -> String {
        match self {
            Lang::Es => decimal(day.into()) + " de " + self.month(month),
            Lang::Fr if day == 1 => "1er ".to_owned() + self.month(month),
            _ => decimal(day.into()) + " " + self.month(month),
        }
    }

    /// "18 December 2016", "18 de diciembre de 2016", "18 décembre 2016", "18 Desember 2016".
    pub fn day_month_year(self, day: u8, month: u8, year: u16) -> String {
        match self {
            Lang::Es => self.day_month(day, month) + " de " + &decimal(year.into()),
            _ => self.day_month(day, month) + " " + &decimal(year.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_resolve_by_primary_subtag() {
        assert_eq!(Lang::from_tag("es"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("ID_id"), Some(Lang::Id));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn days_and_months_read_as_each_language_writes_them() {
        assert_eq!(Lang::Fr.day_month(1, 5), "1er mai");
        assert_eq!(Lang::Fr.day_month_year(2, 5, 2015), "2 mai 2015");
        assert_eq!(Lang::Es.day_month(18, 12), "18 de diciembre");
        assert_eq!(Lang::Es.month_year(7, 2017), "julio de 2017");
        assert_eq!(Lang::Id.day_month_year(9, 8, 2023), "9 Agustus 2023");
        assert_eq!(Lang::En.month_year(11, 2015), "November 2015");
    }

    #[test]
    fn impossible_months_have_no_name() {
        assert_eq!(Lang::En.month(0), "");
        assert_eq!(Lang::En.month(13), "");
        assert_eq!(Lang::Fr.month(8), "août");
    }
}
