//! A source as a reader looks it up. Each `source` holds one or more citations separated by
//! "; ", each `Publisher, Title (year)[, section][ (https://…)]` (tests/sources.rs holds every
//! content file to that form).

use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// Who published it: the text before the first comma.
    pub publisher: String,
    /// The citation without its URL.
    pub text: String,
    pub url: Option<String>,
}

/// The citations of one `source`, in order.
pub fn citations(source: &str) -> Vec<Citation> {
    source
        .split("; ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| {
            let (text, url) = match c.rfind(" (https://") {
                Some(at) if c.ends_with(')') => (c[..at].to_string(), Some(c[at + 2..c.len() - 1].to_string())),
                _ if c.starts_with("https://") => (c.to_string(), Some(c.to_string())),
                _ => (c.to_string(), None),
            };
            let publisher = text.split_once(", ").map(|(p, _)| p).unwrap_or(&text).to_string();
            Citation { publisher, text, url }
        })
        .collect()
}

/// One citation as the Bronnen screen lists it: once, with the oldest date any use of it was
/// checked and the parts of the app that use it.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct ListedSource {
    pub citation: String,
    pub checked: NaiveDate,
    pub parts: Vec<String>,
}

/// Every citation in the content files (national, routekaart, meldcode, zelftest), each once,
/// grouped by publisher in alphabetical order (made by build.rs).
pub fn all_sources() -> Vec<(String, Vec<(Citation, ListedSource)>)> {
    let list: Vec<ListedSource> =
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/sources.json"))).unwrap_or_default();
    group_by_publisher(list)
}

pub fn group_by_publisher(list: Vec<ListedSource>) -> Vec<(String, Vec<(Citation, ListedSource)>)> {
    let mut groups: Vec<(String, Vec<(Citation, ListedSource)>)> = Vec::new();
    for listed in list {
        let Some(citation) = citations(&listed.citation).into_iter().next() else { continue };
        match groups.iter_mut().find(|(p, _)| *p == citation.publisher) {
            Some((_, items)) => items.push((citation, listed)),
            None => groups.push((citation.publisher.clone(), vec![(citation, listed)])),
        }
    }
    groups.sort_by_key(|(p, _)| p.to_lowercase());
    for (_, items) in &mut groups {
        items.sort_by_key(|(c, _)| c.text.to_lowercase());
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_splits_into_publisher_text_and_link() {
        let found = citations(
            "Rijksoverheid, Besluit verplichte meldcode (2013), art. 2 (https://wetten.overheid.nl/BWBR0033723); CMO Groningen, Convenant (2006), bijlage 4",
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].publisher, "Rijksoverheid");
        assert_eq!(found[0].text, "Rijksoverheid, Besluit verplichte meldcode (2013), art. 2");
        assert_eq!(found[0].url.as_deref(), Some("https://wetten.overheid.nl/BWBR0033723"));
        assert_eq!(found[1].publisher, "CMO Groningen");
        assert_eq!(found[1].url, None);
    }

    #[test]
    fn every_content_source_is_listed_once_by_publisher() {
        let groups = all_sources();
        let items: Vec<&ListedSource> = groups.iter().flat_map(|(_, items)| items.iter().map(|(_, l)| l)).collect();
        assert!(items.len() > 40, "only {} sources listed", items.len());
        let mut citations: Vec<&str> = items.iter().map(|l| l.citation.as_str()).collect();
        let count = citations.len();
        citations.sort();
        citations.dedup();
        assert_eq!(citations.len(), count, "a source is listed twice");
        let publishers: Vec<&str> = groups.iter().map(|(p, _)| p.as_str()).collect();
        let mut sorted = publishers.clone();
        sorted.sort_by_key(|p| p.to_lowercase());
        assert_eq!(publishers, sorted);
        assert!(publishers.contains(&"Rijksoverheid"));
        let besluit = items.iter().find(|l| l.citation.contains("BWBR0033723")).unwrap();
        for part in ["national", "routekaart", "meldcode", "zelftest"] {
            assert!(besluit.parts.iter().any(|p| p == part), "the Besluit is used in {part}");
        }
    }
}
