//! Lists every source in the content files once, for the Bronnen screen: the shell shows all of
//! them without carrying the capabilities' content (`$OUT_DIR/sources.json`).

use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Content file and the part of the app it belongs to (keys `sources.part.<part>`).
const FILES: [(&str, &str); 4] = [
    ("content/national.json", "national"),
    ("content/routes.json", "routekaart"),
    ("content/meldcode.json", "meldcode"),
    ("content/self-check.json", "zelftest"),
];

fn walk(value: &Value, part: &str, out: &mut BTreeMap<String, (String, Vec<String>)>) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::String(source)), Some(Value::String(checked))) = (map.get("source"), map.get("checked")) {
                // "Verzonnen oefencasus" says a practice case is made up: a note, not a document.
                for citation in source.split("; ").map(str::trim).filter(|c| !c.is_empty() && *c != "Verzonnen oefencasus") {
                    let entry = out.entry(citation.to_string()).or_insert_with(|| (checked.clone(), Vec::new()));
                    // The oldest check of any use: every use was checked on or after it.
                    if *checked < entry.0 {
                        entry.0 = checked.clone();
                    }
                    if !entry.1.iter().any(|p| p == part) {
                        entry.1.push(part.to_string());
                    }
                }
            }
            map.values().for_each(|v| walk(v, part, out));
        }
        Value::Array(items) => items.iter().for_each(|v| walk(v, part, out)),
        _ => {}
    }
}

fn main() {
    let mut all = BTreeMap::new();
    for (file, part) in FILES {
        println!("cargo:rerun-if-changed={file}");
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        walk(&value, part, &mut all);
    }
    println!("cargo:rerun-if-changed=build.rs");
    let list: Vec<Value> = all
        .into_iter()
        .map(|(citation, (checked, parts))| {
            let mut item = Map::new();
            item.insert("citation".into(), json!(citation));
            item.insert("checked".into(), json!(checked));
            item.insert("parts".into(), json!(parts));
            Value::Object(item)
        })
        .collect();
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("sources.json");
    std::fs::write(out, serde_json::to_string(&list).unwrap()).unwrap();
}
