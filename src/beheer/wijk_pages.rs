//! What Beheer's print of every wijk puts on paper: one page per wijk the pack names, with the
//! local team a burger of that wijk sees (`routekaart::local::contacts_for`, as the app's own
//! printed routekaart) and the oldest check of what is on the page (`oldest_check`, the
//! same rule). Pure Rust.

use crate::content::Content;
use crate::ground::contact::Contact;
use crate::routekaart::local::{contacts_for, oldest_check, wijken};

/// One printed page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WijkPage {
    /// The wijk's name as the pack writes it: "Noord".
    pub wijk: String,
    /// Its local team and the other contacts serving it, narrowest first.
    pub contacts: Vec<Contact>,
    /// The oldest `checked` date of the numbers and contacts on the page: the paper is as
    /// current as its stalest fact (the same rule as the routekaart's own print).
    pub checked: Option<chrono::NaiveDate>,
}

/// A page for every wijk the pack's contacts serve, in the order of `routekaart::local::wijken`
/// (by name); none without a region pack or contacts.
pub fn wijk_pages(content: &Content) -> Vec<WijkPage> {
    let all = content.contacts();
    wijken(all)
        .into_iter()
        .map(|wijk| {
            let contacts: Vec<Contact> = contacts_for(all, &wijk).into_iter().cloned().collect();
            let checked = oldest_check(content.numbers().map(|n| n.source.checked), &contacts);
            WijkPage { wijk, contacts, checked }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::validate::parse_region_pack;
    use crate::content::NationalContent;

    fn example(edit: impl FnOnce(&mut serde_json::Value)) -> Content {
        let mut value: serde_json::Value = serde_json::from_str(include_str!("../../public/regions/voorbeeldstad.json")).unwrap();
        edit(&mut value);
        let national = NationalContent::load();
        let pack = parse_region_pack("voorbeeldstad.json", &value.to_string(), &national.number_ids(), crate::sociale_kaart::import::test_today()).unwrap();
        Content::new(national, Some(pack))
    }

    #[test]
    fn every_wijk_gets_a_page_with_the_team_a_burger_there_sees() {
        let content = example(|_| {});
        let pages = wijk_pages(&content);
        let names: Vec<&str> = pages.iter().map(|p| p.wijk.as_str()).collect();
        assert_eq!(names, wijken(content.contacts()));
        for page in &pages {
            let expected: Vec<&Contact> = contacts_for(content.contacts(), &page.wijk);
            assert_eq!(page.contacts.iter().collect::<Vec<_>>(), expected, "{}", page.wijk);
            assert!(!page.contacts.is_empty(), "{} has a team", page.wijk);
        }
        let havenkwartier = pages.iter().find(|p| p.wijk == "Havenkwartier").unwrap();
        assert_eq!(havenkwartier.contacts[0].id, "buurtteam-zuid", "a team serving two wijken is on both pages");
        assert!(pages.iter().any(|p| p.wijk == "Zuid" && p.contacts[0].id == "buurtteam-zuid"));
    }

    #[test]
    fn a_page_is_as_current_as_its_oldest_check() {
        let content = example(|v| v["contacts"][0]["checked"] = "2025-03-04".into());
        let pages = wijk_pages(&content);
        let oldest_number = content.numbers().map(|n| n.source.checked).min().unwrap();
        let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let noord = pages.iter().find(|p| p.wijk == "Noord").unwrap();
        assert_eq!(noord.checked, Some(date("2025-03-04").min(oldest_number)));
        let zuid = pages.iter().find(|p| p.wijk == "Zuid").unwrap();
        let zuid_contacts = zuid.contacts.iter().map(|c| c.source.checked).min().unwrap();
        assert_eq!(zuid.checked, Some(zuid_contacts.min(oldest_number)), "Noord's old date is not on Zuid's page");
    }

    #[test]
    fn no_region_no_pages() {
        assert!(wijk_pages(&Content::new(NationalContent::load(), None)).is_empty());
    }
}
