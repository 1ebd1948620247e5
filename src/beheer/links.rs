//! The addresses of Beheer's parts, for its navigation and for the report's links (apart from
//! the screen's layout, so the parts it shows can link without importing it back).

use crate::ground::route::Screen;

/// The link to a Beheer part: `#/beheer` for `""`, `#/beheer/bekijken` for `"bekijken"`.
pub fn href(sub: &str) -> String {
    if sub.is_empty() {
        Screen::Admin.href()
    } else {
        Screen::Admin.href_to(&[sub])
    }
}

/// `#/beheer/dienst/<id>`: a service the report names, when its id can stand in the address
/// as it is (letters, digits, `-`, `_`, `.`).
pub fn record_href(id: &str) -> Option<String> {
    let plain = !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    plain.then(|| Screen::Admin.href_to(&["dienst", id]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_service_is_linked_only_by_an_id_that_stays_one_segment() {
        assert_eq!(href(""), "#/beheer");
        assert_eq!(href("insluiten"), "#/beheer/insluiten");
        assert_eq!(record_href("buurtteam-noord").as_deref(), Some("#/beheer/dienst/buurtteam-noord"));
        for bad in ["", "a/b", "a#b", "a b", "x?y"] {
            assert_eq!(record_href(bad), None, "{bad}");
        }
    }
}
