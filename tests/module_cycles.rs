//! No file under `src/` may import one that imports it back (issue 15, item 1).
//!
//! Reads every `.rs` file of the library (not `src/bin/` or `src/main.rs`: nothing imports a
//! binary), takes each `use` statement (`crate::…`, `super::…`, `self::…`, a child module's
//! name, nested `{…}` groups included) and every `crate::…` / `super::…` path written inline in
//! the code, resolves each to the file of the deepest module it names, and looks for strongly
//! connected components in that graph: each is an import cycle. `mod x;` lines only say where
//! a child file is, so they are not edges; `#[cfg(test)] mod tests { … }` blocks are left out.
//!
//! The cycles that exist today are listed in `KNOWN_CYCLES` so that the suite stays green while
//! they are taken apart; a cycle that is not inside one of them (a new one, or a known one that
//! grew) fails the test and is printed file by file. When a known cycle is gone, the test
//! says so: remove it from the list.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Today's import cycles (December 2026), each as the set of files in it. Taking them apart is
/// issue 15, item 1. Never add to this list: break the new cycle instead.
const KNOWN_CYCLES: &[&[&str]] = &[
    // content/ imports the capabilities' types (`meldcode::Profile` through meldcode/mod.rs,
    // the routekaart's and zelftest's region sections, `SocialMapSources`) and calls their
    // loaders (content/validate.rs); they take `Source`, `Problem`, `tel_uri`, the link and id
    // checks and `MAX_PACK_BYTES` from content/. The shell and the sociale kaart's model,
    // hours and search ride along through meldcode/mod.rs and sociale_kaart/import.rs.
    &[
        "content/mod.rs",
        "content/validate.rs",
        "meldcode/content.rs",
        "meldcode/mod.rs",
        "routekaart/model.rs",
        "self_check/model.rs",
        "shell/facts.rs",
        "shell/home.rs",
        "shell/mod.rs",
        "shell/region.rs",
        "sociale_kaart/hours.rs",
        "sociale_kaart/import.rs",
        "sociale_kaart/import/hsds.rs",
        "sociale_kaart/import/tabular.rs",
        "sociale_kaart/import/template.rs",
        "sociale_kaart/model.rs",
        "sociale_kaart/search.rs",
        "sociale_kaart/source.rs",
    ],
    // The editor shows the decision's steps, which draw with the editor's `entry_list`,
    // `guide_view` and `VeiligThuisCall`.
    &["meldcode/decision.rs", "meldcode/editor.rs"],
    // The dossier's import plan calls import.rs's id and nesting checks; import.rs reads the
    // dossier's types. (Not in issue 15's list: written inline as `super::import::…`.)
    &["meldcode/dossier.rs", "meldcode/import.rs"],
];

fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without comments, string contents and `#[cfg(test)] mod tests { … }`.
fn code_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]")
            && lines.peek().is_some_and(|next| next.trim_start().starts_with("mod tests"))
        {
            break; // test modules sit at the end of a file
        }
        let mut in_string = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if !in_string && c == '/' && chars.peek() == Some(&'/') {
                break;
            }
            if c == '"' {
                in_string = !in_string;
                out.push(' ');
                continue;
            }
            if c == '\\' && in_string {
                chars.next();
                continue;
            }
            out.push(if in_string { ' ' } else { c });
        }
        out.push('\n');
    }
    out
}

/// Expands `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    fn go(prefix: &str, tree: &str, out: &mut Vec<String>) {
        if let Some(open) = tree.find('{') {
            let head = &tree[..open];
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let mut depth = 0;
            let mut start = 0;
            let bytes: Vec<char> = inner.chars().collect();
            let mut parts = Vec::new();
            for (i, c) in bytes.iter().enumerate() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        parts.push(bytes[start..i].iter().collect::<String>());
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            parts.push(bytes[start..].iter().collect::<String>());
            for part in parts.iter().filter(|p| !p.is_empty()) {
                go(&format!("{prefix}{head}"), part, out);
            }
        } else {
            let path = tree.split(" as ").next().unwrap_or(tree);
            let path = path.split("as").next().unwrap_or(path);
            out.push(format!("{prefix}{path}"));
        }
    }
    let mut out = Vec::new();
    go("", &tree, &mut out);
    out
}

/// Absolute module path for a path as written in `module`.
fn absolute(module: &[String], written: &str, children: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let segments: Vec<&str> = written.split("::").filter(|s| !s.is_empty()).collect();
    let first = *segments.first()?;
    let mut base: Vec<String> = match first {
        "crate" => vec![],
        "self" => module.to_vec(),
        "super" => module.to_vec(),
        _ => {
            let mut child = module.to_vec();
            child.push(first.to_string());
            if !children.contains(&child) {
                return None; // an external crate or a name in scope
            }
            module.to_vec()
        }
    };
    let mut rest = &segments[..];
    if first == "crate" || first == "self" {
        rest = &segments[1..];
    }
    while rest.first() == Some(&"super") {
        base.pop()?;
        rest = &rest[1..];
    }
    base.extend(rest.iter().map(|s| s.to_string()));
    Some(base)
}

fn graph() -> (BTreeMap<String, BTreeSet<String>>, usize) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut modules: BTreeMap<Vec<String>, String> = BTreeMap::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        if rel.starts_with("bin") || rel == Path::new("main.rs") {
            continue;
        }
        modules.insert(module_of(rel), rel.to_string_lossy().replace('\\', "/"));
    }
    let known: BTreeSet<Vec<String>> = modules.keys().cloned().collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut paths_read = 0;
    for (module, name) in &modules {
        let code = code_of(&fs::read_to_string(src.join(name)).unwrap());
        let mut written: Vec<String> = Vec::new();
        // `use` statements, up to their `;`.
        let mut rest = code.as_str();
        while let Some(at) = find_word(rest, "use") {
            let after = &rest[at + 3..];
            let end = after.find(';').unwrap_or(after.len());
            written.extend(expand(&after[..end]));
            rest = &after[end..];
        }
        // Paths written inline: `crate::x::y(…)`, `super::x::Y`.
        for start in ["crate::", "super::"] {
            let mut from = 0;
            while let Some(at) = code[from..].find(start) {
                let at = from + at;
                let before = code[..at].chars().last();
                let path: String = code[at..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                if !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    written.push(path.clone());
                }
                from = at + path.len().max(1);
            }
        }
        for path in written {
            let Some(mut target) = absolute(module, &path, &known) else { continue };
            paths_read += 1;
            while !target.is_empty() && !known.contains(&target) {
                target.pop();
            }
            if let Some(file) = modules.get(&target) {
                if file != name {
                    edges.entry(name.clone()).or_default().insert(file.clone());
                }
            }
        }
        edges.entry(name.clone()).or_default();
    }
    (edges, paths_read)
}

fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find(word) {
        let at = from + at;
        let before_ok = text[..at].chars().last().is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let after_ok = text[at + word.len()..].chars().next().is_some_and(char::is_whitespace);
        if before_ok && after_ok {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// Tarjan's strongly connected components with more than one file.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<BTreeSet<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        next: usize,
        found: Vec<BTreeSet<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.edges.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[w].min(s.low[v]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.index[w].min(s.low[v]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = BTreeSet::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.insert(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                s.found.push(component);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.found
}

/// One shortest way round a cycle from `start`, to show a reader where it goes back.
fn a_loop(edges: &BTreeMap<String, BTreeSet<String>>, component: &BTreeSet<String>, start: &str) -> Vec<String> {
    let mut previous: BTreeMap<String, String> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start.to_string()]);
    while let Some(v) = queue.pop_front() {
        for w in edges.get(&v).into_iter().flatten().filter(|w| component.contains(*w)) {
            if w == start {
                let mut path = vec![v.clone()];
                while let Some(p) = previous.get(path.last().unwrap()) {
                    path.push(p.clone());
                }
                path.reverse(); // start … v
                path.push(start.to_string());
                return path;
            }
            if w != start && !previous.contains_key(w) {
                previous.insert(w.clone(), v.clone());
                queue.push_back(w.clone());
            }
        }
    }
    vec![start.to_string()]
}

#[test]
fn no_new_import_cycle_among_src_files() {
    let (edges, paths_read) = graph();
    assert!(edges.len() > 50 && paths_read > 300, "read too little of src/: {} files, {paths_read} paths", edges.len());
    let found = cycles(&edges);
    let known: Vec<BTreeSet<String>> =
        KNOWN_CYCLES.iter().map(|c| c.iter().map(|f| f.to_string()).collect()).collect();
    println!("{} files, {} import edges, {} cycle(s):", edges.len(), edges.values().map(BTreeSet::len).sum::<usize>(), found.len());
    let mut new = Vec::new();
    for component in &found {
        let first = component.iter().next().unwrap();
        println!("  {} files: {}", component.len(), component.iter().cloned().collect::<Vec<_>>().join(", "));
        println!("    for example {}", a_loop(&edges, component, first).join(" -> "));
        if !known.iter().any(|k| component.is_subset(k)) {
            new.push(component);
        }
    }
    for k in &known {
        let still: usize = found.iter().filter(|c| c.is_subset(k)).map(BTreeSet::len).sum();
        if still < k.len() {
            println!("  known cycle of {} files is now {still} files in cycles: shrink KNOWN_CYCLES", k.len());
        }
    }
    let report: Vec<String> = new
        .iter()
        .map(|c| {
            let outside: Vec<&String> =
                c.iter().filter(|f| !known.iter().any(|k| k.contains(*f))).collect();
            let first = outside.first().map(|f| f.as_str()).unwrap_or_else(|| c.iter().next().unwrap());
            format!(
                "new import cycle: {}\n  files not in a known cycle: {:?}",
                a_loop(&edges, c, first).join(" -> "),
                outside
            )
        })
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}
