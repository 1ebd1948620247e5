//! The route model: one small graph of questions and steps, read from `content/routes.json`,
//! shown plainly to burgers (`citizen_start`) and precisely to professionals
//! (`professional_start`). A region pack adds local steps to nodes by id. Pure Rust.

use crate::ground::source::Source;
use crate::i18n::Text;
use crate::sociale_kaart::model::Taxonomy;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet, VecDeque};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteMap {
    pub version: u32,
    pub citizen_start: String,
    pub professional_start: String,
    pub nodes: Vec<Node>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    pub title: Text,
    pub text: Text,
    #[serde(flatten)]
    pub kind: NodeKind,
    #[serde(flatten)]
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum NodeKind {
    /// "Is er nu direct gevaar?": each answer leads to another node.
    Question { answers: Vec<Answer> },
    /// What to know and do, who to call, and what happens next.
    Steps(Steps),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub label: Text,
    pub next: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Steps {
    #[serde(default)]
    pub sections: Vec<Section>,
    #[serde(default)]
    pub actions: Vec<RouteAction>,
    /// What happens after the call, in order.
    #[serde(default)]
    pub stages: Vec<Stage>,
    /// Show the local team and contacts for the user's postcode or wijk.
    #[serde(default)]
    pub local_help: bool,
    /// Where to go on from here, such as the chain after a melding.
    #[serde(default)]
    pub next: Option<String>,
    /// The meldcode step this route leads into (professionals).
    #[serde(default)]
    pub meldcode_step: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: Text,
    pub items: Vec<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RouteAction {
    /// Call a number from the content pack, by id.
    Call { call: String, why: Text },
    /// Find a service with this sociale kaart theme: the one for the user's postcode when the
    /// region's sociale kaart has it ("the wijkteam for your area"), else a search by theme.
    Find { find: String, why: Text },
    /// Talk, write down, look up.
    Do { kind: ActionKind, text: Text },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActionKind {
    Talk,
    Write,
    Look,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub who: Text,
    pub what: Text,
    #[serde(default)]
    pub when: Option<Text>,
}

/// What a region pack adds to the national routes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionRoutes {
    #[serde(default)]
    pub local_steps: Vec<LocalStep>,
}

/// A region's own step on a national node: "In Voorbeeldstad belt u eerst het buurtteam".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalStep {
    pub node: String,
    pub text: Text,
    #[serde(flatten)]
    pub source: Source,
}

pub const ROUTES_JSON: &str = include_str!("../../content/routes.json");

/// What is wrong with a route, by node id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RouteProblem {
    DuplicateNode,
    /// An answer, `next` or start names a node that does not exist.
    UnknownNode { target: String },
    UnknownNumber { number: String },
    /// A `find` action names a theme the sociale kaart does not know.
    UnknownTheme { theme: String },
    /// A question nobody can answer: fewer than two answers.
    DeadEnd,
    Unreachable,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteIssue {
    pub node: String,
    pub problem: RouteProblem,
}

impl RouteMap {
    /// The national routes, compiled in; their validity is guarded by a native test.
    pub fn national() -> RouteMap {
        serde_json::from_str(ROUTES_JSON).expect("content/routes.json is checked by cargo test")
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn node_ids(&self) -> Vec<&str> {
        self.nodes.iter().map(|n| n.id.as_str()).collect()
    }

    /// Every problem at once: duplicate ids, references that do not resolve (nodes, numbers
    /// and sociale kaart themes), questions without a way on, and nodes no start leads to.
    pub fn validate(&self, number_ids: &[&str]) -> Vec<RouteIssue> {
        let taxonomy = Taxonomy::default();
        let mut issues = Vec::new();
        let mut seen = HashSet::new();
        for node in &self.nodes {
            if !seen.insert(node.id.as_str()) {
                issues.push(RouteIssue { node: node.id.clone(), problem: RouteProblem::DuplicateNode });
            }
        }
        let mut report = |node: &str, problem| issues.push(RouteIssue { node: node.to_string(), problem });
        for start in [&self.citizen_start, &self.professional_start] {
            if !seen.contains(start.as_str()) {
                report("", RouteProblem::UnknownNode { target: start.clone() });
            }
        }
        for node in &self.nodes {
            for target in node.targets() {
                if !seen.contains(target) {
                    report(&node.id, RouteProblem::UnknownNode { target: target.to_string() });
                }
            }
            match &node.kind {
                NodeKind::Question { answers } if answers.len() < 2 => report(&node.id, RouteProblem::DeadEnd),
                NodeKind::Steps(steps) => {
                    for action in &steps.actions {
                        match action {
                            RouteAction::Call { call, .. } if !number_ids.contains(&call.as_str()) => {
                                report(&node.id, RouteProblem::UnknownNumber { number: call.clone() })
                            }
                            RouteAction::Find { find, .. } if taxonomy.theme(find).is_none() => {
                                report(&node.id, RouteProblem::UnknownTheme { theme: find.clone() })
                            }
                            _ => {}
                        }
                    }
                }
                NodeKind::Question { .. } => {}
            }
        }
        let reachable = self.reachable();
        for node in &self.nodes {
            if !reachable.contains(node.id.as_str()) {
                report(&node.id, RouteProblem::Unreachable);
            }
        }
        issues
    }

    fn reachable(&self) -> HashSet<&str> {
        let by_id: HashMap<&str, &Node> = self.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut queue: VecDeque<&str> = [self.citizen_start.as_str(), self.professional_start.as_str()].into();
        while let Some(id) = queue.pop_front() {
            if let Some(node) = by_id.get(id).filter(|_| seen.insert(id)) {
                queue.extend(node.targets());
            }
        }
        seen
    }

    /// The path of questions and answers from `start` to `target`, for "you are here".
    pub fn path_to(&self, start: &str, target: &str) -> Vec<(&Node, &Answer)> {
        // Breadth first, so the shortest way a user could have come.
        let mut came_from: HashMap<&str, (&str, usize)> = HashMap::new();
        let mut queue = VecDeque::from([start]);
        let mut seen = HashSet::from([start]);
        while let Some(id) = queue.pop_front() {
            if id == target {
                break;
            }
            if let Some(NodeKind::Question { answers }) = self.node(id).map(|n| &n.kind) {
                for (i, answer) in answers.iter().enumerate() {
                    if seen.insert(answer.next.as_str()) {
                        came_from.insert(answer.next.as_str(), (id, i));
                        queue.push_back(answer.next.as_str());
                    }
                }
            }
        }
        let mut path = Vec::new();
        let mut at = target;
        while let Some(&(from, i)) = came_from.get(at) {
            if let Some(node) = self.node(from) {
                if let NodeKind::Question { answers } = &node.kind {
                    path.push((node, &answers[i]));
                }
            }
            at = from;
        }
        path.reverse();
        path
    }
}

impl RouteMap {
    /// The question whose answers the printed routekaart ("Wie kan ik bellen?") lists, each
    /// with its number. Rule: from the citizen start, follow the one answer that leads on to
    /// another question (the answers that end in steps there are the acute ones, such as
    /// "direct gevaar", which the paper prints at the top with every number) until a question
    /// whose answers do not lead on to exactly one question: that is the first question a
    /// burger who is not in acute danger answers ("Over wie maakt u zich zorgen?"). The order
    /// of the answers in `routes.json` does not matter.
    pub fn printed_question(&self) -> Option<&Node> {
        let mut at = self.node(&self.citizen_start)?;
        let mut seen = HashSet::from([at.id.as_str()]);
        loop {
            let NodeKind::Question { answers } = &at.kind else { return None };
            let mut onward = answers
                .iter()
                .filter_map(|a| self.node(&a.next))
                .filter(|n| matches!(n.kind, NodeKind::Question { .. }));
            match (onward.next(), onward.next()) {
                (Some(next), None) if seen.insert(next.id.as_str()) => at = next,
                _ => return Some(at),
            }
        }
    }

    /// The lines of the printed routekaart: each answer of [`RouteMap::printed_question`]
    /// that ends in steps with a number to call, with the first number those steps name, in
    /// the order the question asks them.
    pub fn printed_paths(&self) -> Vec<(&Answer, &str)> {
        let Some(NodeKind::Question { answers }) = self.printed_question().map(|n| &n.kind) else { return Vec::new() };
        answers
            .iter()
            .filter_map(|answer| {
                let NodeKind::Steps(steps) = &self.node(&answer.next)?.kind else { return None };
                let call = steps.actions.iter().find_map(|a| match a {
                    RouteAction::Call { call, .. } => Some(call.as_str()),
                    _ => None,
                })?;
                Some((answer, call))
            })
            .collect()
    }
}

impl RegionRoutes {
    /// The region's own steps on `node`, in the order the pack gives them.
    pub fn steps_for(&self, node: &str) -> Vec<&LocalStep> {
        self.local_steps.iter().filter(|s| s.node == node).collect()
    }
}

impl Node {
    /// The nodes this one leads to.
    pub fn targets(&self) -> Vec<&str> {
        match &self.kind {
            NodeKind::Question { answers } => answers.iter().map(|a| a.next.as_str()).collect(),
            NodeKind::Steps(steps) => steps.next.iter().map(String::as_str).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::NationalContent;

    fn national_numbers() -> Vec<String> {
        NationalContent::load().numbers.iter().map(|n| n.id.clone()).collect()
    }

    fn check(routes: &RouteMap) -> Vec<RouteIssue> {
        let numbers = national_numbers();
        routes.validate(&numbers.iter().map(String::as_str).collect::<Vec<_>>())
    }

    #[test]
    fn the_national_routes_are_complete() {
        let routes = RouteMap::national();
        assert_eq!(check(&routes), []);
        assert!(routes.nodes.iter().all(|n| !n.source.source.is_empty()), "every node names its source");
    }

    #[test]
    fn burgers_start_with_direct_danger_then_who_the_worry_is_about() {
        let routes = RouteMap::national();
        let start = routes.node(&routes.citizen_start).unwrap();
        assert_eq!(start.title.nl, "Is er nu direct gevaar?");
        let NodeKind::Question { answers } = &start.kind else { panic!("start is a question") };
        let danger = routes.node(&answers[0].next).unwrap();
        let NodeKind::Steps(steps) = &danger.kind else { panic!() };
        assert!(matches!(&steps.actions[0], RouteAction::Call { call, .. } if call == "112"));
        let who = routes.node(&answers[1].next).unwrap();
        let NodeKind::Question { answers } = &who.kind else { panic!() };
        let ends: Vec<&str> = answers.iter().map(|a| a.next.as_str()).collect();
        assert_eq!(ends, ["kind", "partner", "oudere", "zelf", "jongere"]);
        let young = routes.node("jongere").unwrap();
        let NodeKind::Steps(steps) = &young.kind else { panic!() };
        assert!(matches!(&steps.actions[0], RouteAction::Call { call, .. } if call == "kindertelefoon"));
    }

    #[test]
    fn broken_routes_are_reported_by_node_id() {
        let mut routes = RouteMap::national();
        if let NodeKind::Question { answers } = &mut routes.nodes[0].kind {
            answers[1].next = "bestaat-niet".into();
        }
        routes.nodes.push(Node { id: "kind".into(), ..routes.nodes[3].clone() });
        let issues = check(&routes);
        assert!(issues.contains(&RouteIssue { node: "start".into(), problem: RouteProblem::UnknownNode { target: "bestaat-niet".into() } }));
        assert!(issues.contains(&RouteIssue { node: "kind".into(), problem: RouteProblem::DuplicateNode }));
        assert!(issues.contains(&RouteIssue { node: "wie".into(), problem: RouteProblem::Unreachable }), "{issues:?}");
    }

    #[test]
    fn unknown_numbers_themes_and_dead_ends_are_found() {
        let mut routes = RouteMap::national();
        let gevaar = routes.nodes.iter_mut().find(|n| n.id == "gevaar").unwrap();
        let NodeKind::Steps(steps) = &mut gevaar.kind else { panic!() };
        steps.actions.push(RouteAction::Call { call: "0900-nep".into(), why: Text { nl: "x".into(), en: None } });
        steps.actions.push(RouteAction::Find { find: "ruimtevaart".into(), why: Text { nl: "x".into(), en: None } });
        let wie = routes.nodes.iter_mut().find(|n| n.id == "wie").unwrap();
        wie.kind = NodeKind::Question { answers: vec![] };
        let issues = check(&routes);
        assert!(issues.contains(&RouteIssue { node: "gevaar".into(), problem: RouteProblem::UnknownNumber { number: "0900-nep".into() } }));
        assert!(issues.contains(&RouteIssue { node: "wie".into(), problem: RouteProblem::DeadEnd }));
        assert!(issues.contains(&RouteIssue { node: "gevaar".into(), problem: RouteProblem::UnknownTheme { theme: "ruimtevaart".into() } }));
    }

    #[test]
    fn the_path_to_a_node_lists_the_answers_given() {
        let routes = RouteMap::national();
        let path = routes.path_to("pro-start", "pro-huisartsenpost");
        let answers: Vec<&str> = path.iter().map(|(_, a)| a.label.nl.as_str()).collect();
        assert_eq!(answers, ["Gezondheidszorg", "Huisartsenpost, 's avonds en in het weekend"]);
        assert!(routes.path_to("start", "pro-start").is_empty());
    }

    fn printed(routes: &RouteMap) -> Vec<(String, String)> {
        routes.printed_paths().into_iter().map(|(a, call)| (a.label.nl.clone(), call.to_string())).collect()
    }

    #[test]
    fn the_printed_routekaart_lists_who_the_worry_is_about_with_the_first_number() {
        let routes = RouteMap::national();
        assert_eq!(routes.printed_question().map(|n| n.id.as_str()), Some("wie"));
        let paths = printed(&routes);
        let ends: Vec<&str> = routes.printed_paths().iter().map(|(a, _)| a.next.as_str()).collect();
        assert_eq!(ends, ["kind", "partner", "oudere", "zelf", "jongere"]);
        // Each line's number is the first one its steps say to call.
        for (answer, call) in routes.printed_paths() {
            let NodeKind::Steps(steps) = &routes.node(&answer.next).unwrap().kind else { panic!() };
            let first = steps.actions.iter().find_map(|a| match a { RouteAction::Call { call, .. } => Some(call.as_str()), _ => None });
            assert_eq!(first, Some(call), "{}", answer.next);
        }
        assert_eq!(paths.len(), 5);
    }

    #[test]
    fn reordering_answers_does_not_change_the_printed_walk() {
        let routes = RouteMap::national();
        let before = printed(&routes);
        // The start's answers the other way round: "direct gevaar" last used to be printed.
        let mut reordered = routes.clone();
        for node in &mut reordered.nodes {
            if node.id == reordered.citizen_start {
                if let NodeKind::Question { answers } = &mut node.kind {
                    answers.reverse();
                }
            }
        }
        assert_eq!(reordered.printed_question().map(|n| n.id.as_str()), Some("wie"));
        assert_eq!(printed(&reordered), before);
        // Every question reversed: the same question, the same lines, only listed the other way.
        for node in &mut reordered.nodes {
            if let NodeKind::Question { answers } = &mut node.kind {
                answers.reverse();
            }
        }
        let mut after = printed(&reordered);
        after.reverse();
        assert_eq!(after, before);
    }

    #[test]
    fn a_printed_walk_that_loops_stops() {
        let mut routes = RouteMap::national();
        // "wie" leads back to the start as its only onward question: the walk does not go round.
        for node in &mut routes.nodes {
            if node.id == "wie" {
                if let NodeKind::Question { answers } = &mut node.kind {
                    answers[0].next = "start".into();
                }
            }
        }
        assert_eq!(routes.printed_question().map(|n| n.id.as_str()), Some("wie"));
    }

    #[test]
    fn local_steps_are_those_of_the_node_in_the_packs_order() {
        let step = |node: &str, text: &str| LocalStep {
            node: node.into(),
            text: Text { nl: text.into(), en: None },
            source: Source { source: "Gemeente Voorbeeldstad".into(), checked: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() },
        };
        let region = RegionRoutes { local_steps: vec![step("kind", "eerst"), step("partner", "ander"), step("kind", "dan")] };
        let texts: Vec<&str> = region.steps_for("kind").iter().map(|s| s.text.nl.as_str()).collect();
        assert_eq!(texts, ["eerst", "dan"]);
        assert!(region.steps_for("bestaat-niet").is_empty());
        assert!(RegionRoutes::default().steps_for("kind").is_empty());
    }
}
