//! Every source a user can read names a public document a librarian can look up (issue 15,
//! item 5). A `source` (see `content::Source`) is one or more citations separated by "; ",
//! each written as
//!
//! `Publisher, Title (year)[, section, page or article][ (https://…)]`
//!
//! - the year is `2017`, `ca. 2015`, `2017-2018`, or `z.d.` (zonder datum) for a web page
//!   that gives no date, which then must have its URL: its `checked` date is when it was read;
//! - a document without URL must say where in it (hoofdstuk, bijlage, artikel, thema, …);
//! - nothing may name an internal file or note: "seed", "domeinbrief", "shared/", ".md",
//!   line numbers ("L1561", "r. 229-311");
//! - the made-up example data of `public/regions/` may say so ("Voorbeeld: verzonnen …"), and
//!   a made-up practice case may say "Verzonnen oefencasus" beside the document it follows.
//!
//! Every file under `content/` and `public/regions/` is read, so a new content file is
//! checked too.

use serde_json::Value;
use std::path::{Path, PathBuf};

const PLACES: [&str; 12] =
    ["hoofdstuk", "bijlage", "artikel", "art.", "thema", "inleiding", "§", "p.", "pagina", "stap", "afweging", "paragraaf"];

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") && !path.to_string_lossy().ends_with(".schema.json") {
            out.push(path);
        }
    }
}

fn sources(value: &Value, at: String, out: &mut Vec<(String, String, Option<String>)>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(source)) = map.get("source") {
                let checked = map.get("checked").and_then(Value::as_str).map(String::from);
                out.push((at.clone(), source.clone(), checked));
            }
            for (key, v) in map {
                sources(v, format!("{at}.{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                sources(v, format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// What is wrong with one citation, if anything.
fn citation_problem(citation: &str, made_up_allowed: bool) -> Option<String> {
    let lower = citation.to_lowercase();
    for word in ["seed", "domeinbrief", "shared/", ".md", "meldwijzer"] {
        if lower.contains(word) {
            return Some(format!("names an internal file or note ({word:?})"));
        }
    }
    let bytes: Vec<char> = citation.chars().collect();
    for (i, w) in bytes.windows(2).enumerate() {
        let before_ok = i == 0 || !bytes[i - 1].is_alphanumeric();
        if before_ok && w[0] == 'L' && w[1].is_ascii_digit() {
            return Some("gives line numbers (\"L…\")".into());
        }
    }
    if lower.contains("r. ") && lower.split("r. ").skip(1).any(|rest| rest.starts_with(|c: char| c.is_ascii_digit())) {
        return Some("gives line numbers (\"r. …\")".into());
    }
    if citation == "Verzonnen oefencasus" || (made_up_allowed && citation.starts_with("Voorbeeld: verzonnen")) {
        return None;
    }
    let Some((publisher, rest)) = citation.split_once(", ") else {
        return Some("has no \"Publisher, Title\"".into());
    };
    if publisher.trim().is_empty() || publisher.contains('(') {
        return Some("has no publisher before the first comma".into());
    }
    // The year: the first "(…)" holding a year or "z.d.".
    let mut year = None;
    let mut after = "";
    let mut from = 0;
    while let Some(open) = rest[from..].find(" (") {
        let open = from + open;
        let Some(close) = rest[open..].find(')') else { break };
        let inside = &rest[open + 2..open + close];
        let is_year = inside == "z.d."
            || inside.trim_start_matches("ca. ").split(['-', ',']).next().is_some_and(|y| {
                y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) && (y.starts_with("19") || y.starts_with("20"))
            });
        if is_year {
            year = Some(inside.to_string());
            after = &rest[open + close + 1..];
            if rest[..open].trim().is_empty() {
                return Some("has no title before the year".into());
            }
            break;
        }
        from = open + 2;
    }
    let Some(year) = year else { return Some("has no year \"(2017)\" or \"(z.d.)\" after its title".into()) };
    let url = after.find("(https://").map(|at| &after[at + 1..]);
    if after.contains("http://") {
        return Some("links with http:// instead of https://".into());
    }
    if let Some(url) = url {
        if !url.ends_with(')') || url[..url.len() - 1].contains([' ', ')']) {
            return Some("does not end with its URL in brackets".into());
        }
    } else {
        if year == "z.d." {
            return Some("is undated (z.d.) and has no URL".into());
        }
        let place = after.trim_start_matches(", ").to_lowercase();
        if !after.starts_with(", ") || !PLACES.iter().any(|p| place.contains(p)) {
            return Some("has no URL and does not say where in the document (hoofdstuk, bijlage, artikel, thema …)".into());
        }
    }
    None
}

#[test]
fn every_source_names_a_public_document() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    json_files(&root.join("content"), &mut files);
    json_files(&root.join("public/regions"), &mut files);
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        let name = file.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        let made_up_allowed = name.starts_with("public/regions/");
        let mut here = Vec::new();
        sources(&value, String::new(), &mut here);
        for (at, source, checked) in here {
            match checked.as_deref().map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")) {
                Some(Ok(_)) => {}
                _ => problems.push(format!("{name} {at}: no checked date (YYYY-MM-DD) beside {source:?}")),
            }
            let citations: Vec<&str> = source.split("; ").collect();
            if citations.iter().all(|c| *c == "Verzonnen oefencasus") {
                problems.push(format!("{name} {at}: a made-up case must name the document it follows"));
            }
            for citation in citations {
                if let Some(problem) = citation_problem(citation, made_up_allowed) {
                    problems.push(format!("{name} {at}: {problem}: {citation:?}"));
                }
            }
            found.push(source);
        }
    }
    assert!(found.len() > 100, "read only {} sources: is content/ where it was?", found.len());
    assert!(problems.is_empty(), "{} source(s) a reader cannot look up:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_rule_refuses_what_a_librarian_could_not_find() {
    let bad = [
        "Meldwijzer domeinbrief, Numbers a citizen needs (shared/domain/README.md)",
        "Seed 000 (convenant Groningen, 2006), r. 229-311",
        "Digitale handreiking Aanpak Kindermishandeling (seed 004), L1561-1564",
        "https://www.ikvermoedhuiselijkgeweld.nl/",
        "NJi, Afwegingskader meldcode (https://www.nji.nl/kindermishandeling/afwegingskader-meldcode)",
        "CMO Groningen, Convenant sluitende aanpak kindermishandeling (2006)",
        "Augeo, Kindcheck (z.d.)",
        "Augeo, Kindcheck (z.d.) (http://www.augeo.nl/)",
        "Voorbeeld: verzonnen gegevens",
    ];
    for citation in bad {
        assert!(citation_problem(citation, false).is_some(), "accepted {citation:?}");
    }
    let good = [
        "Rijksoverheid, Besluit verplichte meldcode huiselijk geweld en kindermishandeling (2013), art. 2 (https://wetten.overheid.nl/BWBR0033723)",
        "VNG en ministeries van VWS en VenJ, Digitale handreiking Aanpak Kindermishandeling (ca. 2015), hoofdstuk 5 Wet verplichte Meldcode: Kindcheck",
        "Gemeente Zwijndrecht, Geïntensiveerde aanpak kindermishandeling 2017-2018 (2017), thema 4 Informatie delen en privacy",
        "Augeo, Kindcheck (z.d.) (https://www.augeo.nl/nl-nl/kindcheck)",
        "Verzonnen oefencasus",
    ];
    for citation in good {
        assert_eq!(citation_problem(citation, false), None, "refused {citation:?}");
    }
    assert_eq!(citation_problem("Voorbeeld: verzonnen gegevens voor de demoregio", true), None);
}
