//! The files under `src/` depend on each other one way (issue 15, item 1): no file imports one
//! that imports it back, and no file imports a layer above its own.
//!
//! Reads every `.rs` file of the library (not `src/bin/` or `src/main.rs`: nothing imports a
//! binary), takes each `use` statement (`crate::…`, `super::…`, `self::…`, a child module's
//! name, nested `{…}` groups included) and every `crate::…`, `super::…` or `child::…` path
//! written inline in the code, resolves each to the file of the deepest module it names, and looks for strongly
//! connected components in that graph: each is an import cycle. `mod x;` lines only say where
//! a child file is, so they are not edges; `#[cfg(test)] mod tests { … }` blocks are left out.
//! A re-export (`pub use`) is an edge to the file it re-exports from, and a path through a
//! re-export is an edge to the re-exporting file: import an item from the file that defines it.
//!
//! The layers, bottom up (README "How the code is built"):
//! 1. ground: `ground/` (sources, contacts, problems, checks, postcodes, limits, routes) and
//!    `i18n.rs`;
//! 2. capability domains: the pure files of each capability, listed in `DOMAIN`;
//! 3. region pack: `content/`, which composes the capabilities' sections;
//! 4. views and shell: every other file (the capabilities' components, `shell/`, `storage`).
//! A file may import its own layer and those below it, never one above. A new file of a
//! capability folder is a view until it is listed in `DOMAIN`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The capabilities' domain files: plain Rust, tested natively, importing only ground and each
/// other. Everything else in a capability folder is a component.
const DOMAIN: &[&str] = &[
    "meldcode/content.rs",
    "meldcode/dossier.rs",
    "meldcode/engine.rs",
    "meldcode/import.rs",
    "meldcode/keeping.rs",
    "meldcode/merge.rs",
    "meldcode/profile.rs",
    "meldcode/report.rs",
    "meldcode/vault.rs",
    "routekaart/local.rs",
    "routekaart/model.rs",
    "self_check/model.rs",
    "sociale_kaart/bench.rs",
    "sociale_kaart/directory.rs",
    "sociale_kaart/export.rs",
    "sociale_kaart/fold.rs",
    "sociale_kaart/hours.rs",
    "sociale_kaart/import.rs",
    "sociale_kaart/import/hsds.rs",
    "sociale_kaart/import/tabular.rs",
    "sociale_kaart/import/template.rs",
    "sociale_kaart/model.rs",
    "sociale_kaart/query.rs",
    "sociale_kaart/search.rs",
    "sociale_kaart/source.rs",
];

/// Beheer's pure files: they check and write region packs, so they sit with the region pack
/// (they use `content/`) and may import nothing above it (no shell, no components).
const BEHEER_PURE: &[&str] = &[
    "beheer/fixes.rs",
    "beheer/links.rs",
    "beheer/new_pack.rs",
    "beheer/preview_model.rs",
    "beheer/snippet.rs",
    "beheer/staleness.rs",
    "beheer/wijk_pages.rs",
    "beheer/workspace.rs",
];

const LAYERS: [&str; 4] = ["ground", "capability domain", "region pack", "views and shell"];

/// The layer of a file under `src/`, as an index into `LAYERS`.
fn layer(file: &str) -> usize {
    if file.starts_with("ground/") || file == "i18n.rs" {
        0
    } else if DOMAIN.contains(&file) {
        1
    } else if file.starts_with("content/") || BEHEER_PURE.contains(&file) {
        2
    } else {
        3
    }
}

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
        // Paths written inline: `crate::x::y(…)`, `super::x::Y`, and a child module's name
        // (`home::Home()` in shell/mod.rs).
        let children: Vec<String> = known
            .iter()
            .filter(|m| m.len() == module.len() + 1 && m.starts_with(module))
            .map(|m| format!("{}::", m.last().unwrap()))
            .collect();
        for start in ["crate::", "super::"].into_iter().chain(children.iter().map(String::as_str)) {
            let mut from = 0;
            while let Some(at) = code[from..].find(start) {
                let at = from + at;
                let before = code[..at].chars().last();
                let path: String = code[at..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                // `super::{a::B, c}` is a `use` group, read above with its items: the bare
                // `super::` before it names no item of the parent.
                let group = path.ends_with("::") && code[at + path.len()..].starts_with('{');
                if !group && !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
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
fn no_import_cycle_among_src_files() {
    let (edges, paths_read) = graph();
    assert!(edges.len() > 50 && paths_read > 300, "read too little of src/: {} files, {paths_read} paths", edges.len());
    let found = cycles(&edges);
    println!("{} files, {} import edges, {} cycle(s)", edges.len(), edges.values().map(BTreeSet::len).sum::<usize>(), found.len());
    // Never allow a cycle here: break it (move what both sides need into a file below them).
    let report: Vec<String> = found
        .iter()
        .map(|c| {
            let first = c.iter().next().unwrap();
            format!(
                "import cycle of {} files: {}\n  for example {}",
                c.len(),
                c.iter().cloned().collect::<Vec<_>>().join(", "),
                a_loop(&edges, c, first).join(" -> ")
            )
        })
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn no_file_imports_a_layer_above_its_own() {
    let (edges, _) = graph();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for file in DOMAIN {
        assert!(src.join(file).is_file(), "DOMAIN lists {file}, which is not a file under src/");
    }
    let mut wrong = Vec::new();
    for (from, targets) in &edges {
        for to in targets {
            if layer(to) > layer(from) {
                wrong.push(format!(
                    "{from} ({}) imports {to} ({}), a layer above it",
                    LAYERS[layer(from)],
                    LAYERS[layer(to)]
                ));
            }
        }
    }
    let count: Vec<usize> = (0..LAYERS.len()).map(|l| edges.keys().filter(|f| layer(f) == l).count()).collect();
    println!("files per layer: {:?}", LAYERS.iter().zip(&count).collect::<Vec<_>>());
    assert!(count.iter().all(|&n| n > 0), "a layer has no files: {count:?}");
    assert!(wrong.is_empty(), "{} import(s) against the layers:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn layers_are_read_as_the_readme_draws_them() {
    assert_eq!(layer("ground/checks.rs"), 0);
    assert_eq!(layer("i18n.rs"), 0);
    assert_eq!(layer("sociale_kaart/search.rs"), 1);
    assert_eq!(layer("content/validate.rs"), 2);
    assert_eq!(layer("sociale_kaart/results.rs"), 3);
    assert_eq!(layer("meldcode/mod.rs"), 3);
    assert_eq!(layer("shell/mod.rs"), 3);
    assert_eq!(layer("storage.rs"), 3);
}

