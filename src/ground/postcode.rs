//! Dutch postcodes: the four digits of an address, and the areas ("3311" or "3311-3315")
//! that a region pack's wijken and contacts and a sociale kaart's service areas list.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Dutch four-digit postcodes, "3311" or "3311-3315" (inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostcodeRange {
    pub from: u16,
    pub to: u16,
}

impl PostcodeRange {
    /// As published data writes it: spaces around each number are left out ("3311 - 3315").
    pub fn parse(text: &str) -> Option<PostcodeRange> {
        PostcodeRange::read(text, true)
    }

    /// Exactly as the region pack's schema says: "3311" or "3311-3315", nothing around.
    pub fn parse_exact(text: &str) -> Option<PostcodeRange> {
        PostcodeRange::read(text, false)
    }

    /// The one rule: four digits, at least 1000; a range runs upwards.
    fn read(text: &str, trim: bool) -> Option<PostcodeRange> {
        let pc4 = |s: &str| {
            let s = if trim { s.trim() } else { s };
            (s.len() == 4).then(|| s.parse::<u16>().ok()).flatten().filter(|n| *n >= 1000)
        };
        let (from, to) = match text.split_once('-') {
            Some((from, to)) => (pc4(from)?, pc4(to)?),
            None => (pc4(text)?, pc4(text)?),
        };
        (from <= to).then_some(PostcodeRange { from, to })
    }

    pub fn contains(self, postcode: u16) -> bool {
        (self.from..=self.to).contains(&postcode)
    }

    pub fn width(self) -> u16 {
        self.to - self.from
    }
}

impl fmt::Display for PostcodeRange {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.from == self.to {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}-{}", self.from, self.to)
        }
    }
}

/// The four digits of a Dutch postcode ("3311 AB", "3311ab", "3311").
pub fn postcode4(postal_code: &str) -> Option<u16> {
    let compact: String = postal_code.chars().filter(|c| !c.is_whitespace()).collect();
    let (digits, letters) = compact.split_at_checked(4)?;
    let letters_ok = letters.is_empty()
        || (letters.len() == 2 && letters.chars().all(|c| c.is_ascii_alphabetic()));
    PostcodeRange::parse(digits).filter(|_| letters_ok).map(|r| r.from)
}

/// "3311" or "3311-3315": Dutch four-digit postcode areas, as a region pack writes them.
pub fn is_postcode_range(value: &str) -> bool {
    PostcodeRange::parse_exact(value).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_data_may_put_spaces_around_the_numbers_a_region_pack_may_not() {
        let range = PostcodeRange { from: 3311, to: 3315 };
        for text in ["3311-3315", " 3311 - 3315 ", "3311 -3315", "3311- 3315"] {
            assert_eq!(PostcodeRange::parse(text), Some(range), "{text:?}");
        }
        assert_eq!(PostcodeRange::parse(" 3311 "), Some(PostcodeRange { from: 3311, to: 3311 }));
        assert!(is_postcode_range("3311-3315") && is_postcode_range("3311"));
        for text in [" 3311-3315", "3311 - 3315", "3311 ", "3311-3315 "] {
            assert!(!is_postcode_range(text), "{text:?}");
        }
    }

    #[test]
    fn both_forms_refuse_what_is_no_postcode() {
        for text in ["33AB", "0999", "3315-3311", "331", "33111", "", "-", "3311-"] {
            assert_eq!(PostcodeRange::parse(text), None, "{text:?}");
            assert!(!is_postcode_range(text), "{text:?}");
        }
    }

    #[test]
    fn the_four_digits_of_an_address() {
        assert_eq!(postcode4("3311 AB"), Some(3311));
        assert_eq!(postcode4("3311ab"), Some(3311));
        assert_eq!(postcode4("3311"), Some(3311));
        assert_eq!(postcode4("3311 A"), None);
        assert_eq!(postcode4("0311 AB"), None);
    }
}
