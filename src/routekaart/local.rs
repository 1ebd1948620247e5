//! Local help for a postcode or wijk: which of the region's contacts serve it. Pure Rust.

use crate::ground::contact::Contact;
use crate::ground::postcode::{postcode4, PostcodeRange};

/// The contacts serving `place` (a postcode such as "3312 AB", or a wijk name), narrowest
/// first; none when the place is empty or unknown.
pub fn contacts_for<'a>(contacts: &'a [Contact], place: &str) -> Vec<&'a Contact> {
    let place = place.trim();
    if place.is_empty() {
        return Vec::new();
    }
    let postcode = postcode4(place);
    let mut found: Vec<(u16, &Contact)> = contacts
        .iter()
        .filter_map(|contact| {
            let widths = contact.areas.iter().flat_map(|area| {
                let by_name = area.name.eq_ignore_ascii_case(place).then_some(0);
                let by_postcode = postcode.and_then(|pc| {
                    area.postcodes
                        .iter()
                        .filter_map(|r| PostcodeRange::parse(r))
                        .filter(|r| r.contains(pc))
                        .map(|r| r.width())
                        .min()
                });
                by_name.into_iter().chain(by_postcode)
            });
            widths.min().map(|width| (width, contact))
        })
        .collect();
    found.sort_by_key(|(width, _)| *width);
    found.into_iter().map(|(_, contact)| contact).collect()
}

/// The date a printed routekaart's data was last checked: the oldest check of what is on it
/// (the `checked` dates of its numbers and of the `local` contacts), as the paper is as
/// current as its stalest fact.
pub fn oldest_check(numbers_checked: impl IntoIterator<Item = chrono::NaiveDate>, local: &[Contact]) -> Option<chrono::NaiveDate> {
    numbers_checked.into_iter().chain(local.iter().map(|c| c.source.checked)).min()
}

/// The wijken a region names, for a choice list.
pub fn wijken(contacts: &[Contact]) -> Vec<String> {
    let mut names: Vec<String> = contacts.iter().flat_map(|c| c.areas.iter().map(|a| a.name.clone())).collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::validate::parse_region_pack;

    fn contacts() -> Vec<Contact> {
        let text = include_str!("../../public/regions/voorbeeldstad.json");
        parse_region_pack("voorbeeldstad.json", text, &[], chrono::Local::now().date_naive()).unwrap().contacts
    }

    #[test]
    fn a_postcode_finds_its_own_team_before_the_citywide_ones() {
        let all = contacts();
        let names: Vec<&str> = contacts_for(&all, "3312 AB").iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Buurtteam Noord", "Centrum voor Jeugd en Gezin Voorbeeldstad"]);
        let names: Vec<&str> = contacts_for(&all, "3319").iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names[0], "Buurtteam Zuid");
    }

    #[test]
    fn a_wijk_name_finds_its_team_and_nothing_finds_nothing() {
        let all = contacts();
        let names: Vec<&str> = contacts_for(&all, "havenkwartier").iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Buurtteam Zuid"]);
        assert!(contacts_for(&all, "").is_empty());
        assert!(contacts_for(&all, "9999").is_empty());
        assert!(wijken(&all).contains(&"Noord".to_string()));
    }

    #[test]
    fn a_printed_routekaart_is_as_current_as_its_oldest_check() {
        let mut local = contacts();
        local.truncate(2);
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        local[0].source.checked = day(20);
        local[1].source.checked = day(10);
        assert_eq!(oldest_check([day(15), day(25)], &local), Some(day(10)));
        assert_eq!(oldest_check([day(5)], &local), Some(day(5)));
        assert_eq!(oldest_check([], &[]), None);
    }
}
