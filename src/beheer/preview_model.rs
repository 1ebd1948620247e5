//! What Beheer's preview needs besides the app's own screens: the theme an editor types (CSS
//! custom properties, checked before they touch the page) and the routes that end at the
//! local team. Pure Rust.

use crate::routekaart::model::{NodeKind, RouteMap};

/// One custom property of the theme: `--mw-color-primary` with `#8a1538`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThemeValue {
    pub name: String,
    pub value: String,
}

/// A declaration the preview leaves out, by its line (from 1), with a key in
/// `content/ui/beheer-preview.*.json` saying why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThemeError {
    pub line: usize,
    pub key: &'static str,
}

const MAX_NAME: usize = 80;
const MAX_VALUE: usize = 200;

/// The declarations in `text`, as written in a stylesheet or an NL Design System theme
/// (`--mw-color-primary: #8a1538;`, several on a line, `/* comments */` and blank lines
/// skipped). Only custom properties (`--name`) are taken: they are all the app's theming
/// reads (README "Embedding"). A value with markup, braces, `url(…)` or `@import` is left
/// out: a theme never fetches anything or ends the declaration early.
pub fn parse_theme(text: &str) -> (Vec<ThemeValue>, Vec<ThemeError>) {
    let mut values: Vec<ThemeValue> = Vec::new();
    let mut errors = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = strip_comments(line);
        for declaration in line.split(';').map(str::trim).filter(|d| !d.is_empty()) {
            match declaration_of(declaration) {
                Ok(value) => {
                    values.retain(|v| v.name != value.name);
                    values.push(value);
                }
                Err(key) => errors.push(ThemeError { line: index + 1, key }),
            }
        }
    }
    (values, errors)
}

fn strip_comments(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..].find("*/").map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

fn declaration_of(declaration: &str) -> Result<ThemeValue, &'static str> {
    let Some((name, value)) = declaration.split_once(':') else { return Err("beheer.preview.theme.no_colon") };
    let (name, value) = (name.trim(), value.trim());
    let name_ok = name.len() > 2
        && name.len() <= MAX_NAME
        && name.starts_with("--")
        && name[2..].chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !name_ok {
        return Err("beheer.preview.theme.bad_name");
    }
    let lower = value.to_ascii_lowercase();
    let unsafe_value = value.chars().any(|c| matches!(c, '{' | '}' | '<' | '>' | '\\' | ';') || c.is_control())
        || ["url(", "image(", "image-set(", "@import", "expression("].iter().any(|bad| lower.contains(bad));
    if value.is_empty() || value.len() > MAX_VALUE || unsafe_value {
        return Err("beheer.preview.theme.bad_value");
    }
    Ok(ThemeValue { name: name.to_string(), value: value.to_string() })
}

/// The citizen route's steps that show the local team for a postcode or wijk, in the order a
/// burger reaches them (by id, with their title), for the preview's choice of route.
pub fn local_help_steps(routes: &RouteMap) -> Vec<(String, crate::i18n::Text)> {
    routes
        .nodes
        .iter()
        .filter(|node| matches!(&node.kind, NodeKind::Steps(steps) if steps.local_help))
        .filter(|node| !routes.path_to(&routes.citizen_start, &node.id).is_empty())
        .map(|node| (node.id.clone(), node.title.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_properties_are_read_as_a_stylesheet_writes_them() {
        let (values, errors) = parse_theme("--mw-color-primary: #8a1538;\n\n/* NL Design System */ --utrecht-link-color: rgb(1, 2, 3); --mw-font-family: \"Fira Sans\", sans-serif\n--mw-color-primary: darkred");
        assert_eq!(errors, []);
        let pairs: Vec<(&str, &str)> = values.iter().map(|v| (v.name.as_str(), v.value.as_str())).collect();
        assert_eq!(pairs, [("--utrecht-link-color", "rgb(1, 2, 3)"), ("--mw-font-family", "\"Fira Sans\", sans-serif"), ("--mw-color-primary", "darkred")]);
    }

    #[test]
    fn what_is_not_a_safe_custom_property_is_left_out_by_line() {
        let (values, errors) = parse_theme("color: red\n--mw-x url(a)\n--mw-bg: url(https://evil.example/a.png)\n--mw-a: }body{\n--mw-ok: 1px");
        assert_eq!(values, [ThemeValue { name: "--mw-ok".into(), value: "1px".into() }]);
        let lines: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.key)).collect();
        assert_eq!(
            lines,
            [(1, "beheer.preview.theme.bad_name"), (2, "beheer.preview.theme.no_colon"), (3, "beheer.preview.theme.bad_value"), (4, "beheer.preview.theme.bad_value")]
        );
        assert_eq!(parse_theme(""), (vec![], vec![]));
    }

    #[test]
    fn the_citizen_routes_to_a_local_team_are_offered() {
        let routes = RouteMap::national();
        let steps = local_help_steps(&routes);
        assert!(!steps.is_empty());
        for (id, _) in &steps {
            assert!(!id.starts_with("pro-"), "{id} is a professional's step");
            assert!(matches!(&routes.node(id).unwrap().kind, NodeKind::Steps(s) if s.local_help));
        }
    }
}
