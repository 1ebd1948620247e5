//! The dossier as a document, ordered like the Veilig Thuis melding form (melder, betrokkenen,
//! melding, ondersteunend netwerk, overige informatie) followed by the step-by-step record.
//! One builder serves the print view and "copy as text", so both always say the same.

use super::content::MeldcodeContent;
use super::dossier::{Dossier, KindcheckConclusion, Responsibility};
use super::engine::{Decision, Meldnorm, NotAskedBecause, Outcome, Question};
use super::profile::{ClientKind, Profile};
use crate::i18n::{long_date, t, t_with, Lang};
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub rows: Vec<Row>,
}

struct Builder {
    lang: Lang,
    sections: Vec<Section>,
}

impl Builder {
    fn section(&mut self, title_key: &str) {
        self.sections.push(Section { title: t(self.lang, title_key), rows: Vec::new() });
    }

    /// Adds a row unless the value is empty: the document shows what was recorded.
    fn row(&mut self, label: String, value: impl Into<String>) {
        let value = value.into();
        if !value.trim().is_empty() {
            if let Some(section) = self.sections.last_mut() {
                section.rows.push(Row { label, value });
            }
        }
    }

    fn field(&mut self, label_key: &str, value: impl Into<String>) {
        let label = t(self.lang, label_key);
        self.row(label, value);
    }

    fn date(&self, date: Option<NaiveDate>) -> String {
        date.map(|d| long_date(self.lang, d)).unwrap_or_else(|| t(self.lang, "report.no_date"))
    }

    fn yes_no(&self, value: Option<bool>) -> String {
        match value {
            Some(true) => t(self.lang, "answer.yes"),
            Some(false) => t(self.lang, "answer.no"),
            None => String::new(),
        }
    }
}

/// A decision in one or two words (the zelftest's comparison table).
pub fn decision_key(decision: Decision) -> &'static str {
    match decision {
        Decision::Yes => "answer.yes",
        Decision::No => "answer.no",
        Decision::Undecided => "decision.undecided",
        Decision::NotApplicable => "decision.not_applicable",
        Decision::WithVeiligThuis => "decision.with_veilig_thuis",
    }
}

pub fn meldnorm_key(norm: Meldnorm) -> &'static str {
    match norm {
        Meldnorm::AcuteOrStructural => "meldnorm.acute_or_structural",
        Meldnorm::NoEffectiveHelp => "meldnorm.no_effective_help",
        Meldnorm::UnsafetyContinues => "meldnorm.unsafety_continues",
    }
}

/// The meldnorm's number in the afwegingskader.
pub fn meldnorm_number(norm: Meldnorm) -> u8 {
    match norm {
        Meldnorm::AcuteOrStructural => 1,
        Meldnorm::NoEffectiveHelp => 2,
        Meldnorm::UnsafetyContinues => 3,
    }
}

/// Beslissing 1 as a sentence.
pub fn melden_text(outcome: &Outcome, lang: Lang) -> String {
    t(lang, decision_key(outcome.melden))
}

/// Beslissing 2 as a sentence: "niet van toepassing" where the path does not ask it, "samen
/// met Veilig Thuis" where help did not bring safety.
pub fn help_text(outcome: &Outcome, lang: Lang) -> String {
    match outcome.help {
        Decision::NotApplicable => t(lang, "decision.help_not_applicable"),
        Decision::WithVeiligThuis => t(lang, "decision.help_with_veilig_thuis"),
        Decision::Undecided if outcome.with_veilig_thuis => t(lang, "decision.help_undecided_with_veilig_thuis"),
        other => t(lang, decision_key(other)),
    }
}

/// The meldnormen that apply, each with its number ("3. De onveiligheid stopt niet …").
pub fn meldnormen_text(outcome: &Outcome, lang: Lang) -> String {
    outcome
        .meldnormen
        .iter()
        .map(|norm| format!("{}. {}", meldnorm_number(*norm), t(lang, meldnorm_key(*norm))))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The decision as label and text: both decisions, the meldnormen that apply and, for a
/// dossier about an adult, the kindcheck's conclusion. The screen and the print both use it.
pub fn decision_rows(outcome: &Outcome, kindcheck: Option<KindcheckConclusion>, lang: Lang) -> Vec<Row> {
    let mut rows = vec![
        Row { label: t(lang, "decision.melden"), value: melden_text(outcome, lang) },
        Row { label: t(lang, "decision.help"), value: help_text(outcome, lang) },
    ];
    if !outcome.meldnormen.is_empty() {
        rows.push(Row { label: t(lang, "decision.meldnorm"), value: meldnormen_text(outcome, lang) });
    }
    if let Some(conclusion) = kindcheck {
        rows.push(Row { label: t(lang, "kindcheck.conclusion"), value: t(lang, conclusion.key()) });
    }
    rows
}

/// What the next actions say, in order.
pub fn action_texts(outcome: &Outcome, lang: Lang) -> Vec<String> {
    outcome.actions.iter().map(|a| t(lang, a.key())).collect()
}

/// Why a question is not answered here: not asked on this path, answered by the disclosure,
/// or waiting for an earlier one. `None` for a question to answer.
pub fn question_note(question: Question, lang: Lang) -> Option<String> {
    match question {
        Question::Answered(_) | Question::Next => None,
        Question::ByDisclosure => Some(t(lang, "afweging.by_disclosure")),
        Question::Later { after } => Some(t_with(lang, "afweging.later", &[("number", &after.to_string())])),
        Question::NotAsked(because) => Some(t(
            lang,
            match because {
                NotAskedBecause::NoSuspicion => "afweging.not_asked.no_suspicion",
                NotAskedBecause::NoEffectiveHelp => "afweging.not_asked.no_effective_help",
                NotAskedBecause::HelpNotAccepted => "afweging.not_asked.help_not_accepted",
            },
        )),
    }
}

pub fn build(d: &Dossier, profile: &Profile, content: &MeldcodeContent, lang: Lang) -> Vec<Section> {
    let mut b = Builder { lang, sections: Vec::new() };
    let outcome = d.outcome();

    b.section("report.melder");
    b.field("profile.organisation", profile.organisation.clone());
    b.field("profile.sector", t(lang, d.sector.label_key()));
    let af = [profile.aandachtsfunctionaris.as_str(), profile.aandachtsfunctionaris_phone.as_str()]
        .iter()
        .filter(|s| !s.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    b.field("profile.aandachtsfunctionaris", af);
    b.field("profile.decider", profile.decider.clone());

    b.section("report.betrokkenen");
    b.field("dossier.case_code", d.case_code.clone());
    b.field("dossier.client", t(lang, client_key(d.client)));
    b.field("melding.betrokkenen", d.melding.betrokkenen.clone());
    if d.client == ClientKind::Adult {
        let children = b.yes_no(d.kindcheck.children_in_care);
        b.field("kindcheck.children_in_care", children);
        let safe = b.yes_no(d.kindcheck.safety_established);
        b.field("kindcheck.safety_established", safe);
        b.field("kindcheck.note", d.kindcheck.note.clone());
    }
    if let Some(conclusion) = d.kindcheck_conclusion() {
        b.field("kindcheck.conclusion", t(lang, conclusion.key()));
    }

    b.section("report.melding");
    for entry in &d.signals {
        let label = t_with(lang, "report.signal", &[("date", &b.date(entry.date))]);
        let mut value = entry.observed.clone();
        if !entry.interpretation.trim().is_empty() {
            value.push_str(&format!(" ({}: {})", t(lang, "signal.interpretation"), entry.interpretation));
        }
        b.row(label, value);
    }
    let ticked: Vec<&str> =
        d.ticked.iter().filter_map(|id| content.item_label(id)).map(|l| l.get(lang)).collect();
    b.field("report.ticked", ticked.join("; "));
    b.field("weighing.risk", d.weighing.risk.clone());
    b.field("weighing.nature", d.weighing.nature.clone());
    b.field("weighing.severity", d.weighing.severity.clone());
    if d.afwegingen.disclosure {
        b.field("report.disclosure", t(lang, "answer.yes"));
    }
    for row in decision_rows(&outcome, None, lang) {
        b.row(row.label, row.value);
    }
    let informed = b.yes_no(d.melding.client_informed);
    b.field("melding.client_informed", informed);
    b.field("melding.not_informed_reason", d.melding.not_informed_reason.clone());
    if let Some(date) = d.melding.made_on {
        b.field("melding.made_on", long_date(lang, date));
    }

    b.section("report.network");
    b.field("melding.network", d.melding.network.clone());

    b.section("report.other");
    b.field("melding.other", d.melding.other.clone());

    b.section("report.steps");
    for c in &d.consultations {
        let label = t_with(lang, "report.consultation", &[("date", &b.date(c.date))]);
        b.row(label, format!("{} ({}): {}", t(lang, c.kind.label_key()), c.who, c.advice));
    }
    match d.conversation.skipped {
        Some(reason) => {
            let value = format!("{} {}", t(lang, reason.label_key()), d.conversation.skip_note);
            b.field("conversation.skipped", value);
        }
        None if d.conversation.date.is_some() || !d.conversation.said.trim().is_empty() => {
            let label = t_with(lang, "report.conversation", &[("date", &b.date(d.conversation.date))]);
            let value = format!("{} / {}", d.conversation.said, d.conversation.reaction);
            b.row(label, value);
        }
        None => {}
    }
    // Only what the path asked counts: an answer left from another path is not printed.
    for number in 1..=5u8 {
        let Some(status) = outcome.question(number) else { continue };
        let question = content.afweging(number).map(|a| a.question.get(lang).to_string()).unwrap_or_default();
        let label = t_with(lang, "report.afweging", &[("number", &number.to_string())]);
        let value = match status {
            Question::Answered(answer) => {
                let motivation = &d.motivations[usize::from(number) - 1];
                format!("{question} {}. {motivation}", b.yes_no(Some(answer)))
            }
            Question::ByDisclosure | Question::NotAsked(_) => {
                format!("{question} {}", question_note(status, lang).unwrap_or_default())
            }
            Question::Next | Question::Later { .. } => continue,
        };
        b.row(label, value);
    }
    for e in &d.evaluations {
        b.field("evaluation.moment", format!("{}: {}", b.date(e.date), e.note));
    }
    let responsible = match d.responsibility() {
        Responsibility::Professional { .. } => t(lang, "responsibility.professional_short"),
        Responsibility::VeiligThuis { since } => {
            t_with(lang, "responsibility.veilig_thuis_short", &[("date", &long_date(lang, since))])
        }
    };
    b.field("responsibility.title", responsible);
    b.sections
}

pub fn client_key(client: ClientKind) -> &'static str {
    match client {
        ClientKind::Child => "client.child",
        ClientKind::Adult => "client.adult",
    }
}

/// Plain text for pasting into the organisation's own client record.
pub fn as_text(title: &str, sections: &[Section]) -> String {
    let mut text = format!("{title}\n");
    for section in sections.iter().filter(|s| !s.rows.is_empty()) {
        text.push_str(&format!("\n{}\n", section.title.to_uppercase()));
        for row in &section.rows {
            text.push_str(&format!("- {}: {}\n", row.label, row.value));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Dossier {
        Dossier::from_stored(include_str!("../../tests/fixtures/dossier-v1.json")).unwrap()
    }

    #[test]
    fn sections_follow_the_veilig_thuis_melding_form() {
        let sections = build(&fixture(), &Profile::default(), &MeldcodeContent::load(), Lang::Nl);
        let titles: Vec<&str> = sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Melder", "Betrokkenen", "Melding", "Ondersteunend netwerk", "Overige informatie", "Stap voor stap"]
        );
    }

    #[test]
    fn the_text_holds_what_was_recorded_and_leaves_out_what_was_not() {
        let d = fixture();
        let sections = build(&d, &Profile::default(), &MeldcodeContent::load(), Lang::Nl);
        let text = as_text("Dossier KO-2026-014", &sections);
        assert!(text.contains("Casuscode: KO-2026-014"), "{text}");
        assert!(text.contains("Signaal van 2 november 2026: Cliënt vertelt dat haar partner"), "{text}");
        assert!(text.contains("Zijn er kinderen voor wie de cliënt zorgt?: Ja"), "{text}");
        assert!(text.contains("Melden bij Veilig Thuis nodig?: Ja"), "{text}");
        assert!(text.contains("Zus van cliënt."), "{text}");
        assert!(!text.contains("OVERIGE INFORMATIE"), "an empty section is left out: {text}");
    }

    fn texts(answers: &crate::meldcode::engine::Answers, lang: Lang) -> (Vec<Row>, Vec<String>) {
        let outcome = answers.outcome(crate::meldcode::engine::Circumstances::default());
        (decision_rows(&outcome, None, lang), action_texts(&outcome, lang))
    }

    fn value<'a>(rows: &'a [Row], label: &str) -> &'a str {
        rows.iter().find(|r| r.label == label).map(|r| r.value.as_str()).unwrap_or("")
    }

    #[test]
    fn the_reported_path_reads_true_melden_on_meldnorm_3_and_help_decided_with_veilig_thuis() {
        let answers = crate::meldcode::engine::Answers { answers: [Some(true), Some(false), Some(true), Some(true), Some(false)], disclosure: false };
        let (rows, actions) = texts(&answers, Lang::Nl);
        assert_eq!(value(&rows, "Melden bij Veilig Thuis nodig?"), "Ja");
        assert_eq!(value(&rows, "Meldnorm"), "3. De onveiligheid stopt niet of komt terug tijdens de hulp.");
        assert!(value(&rows, "Is hulp (ook) mogelijk?").contains("samen met Veilig Thuis"), "{rows:?}");
        assert_eq!(actions[0], "Meld bij Veilig Thuis.");
        assert!(actions.iter().any(|a| a.contains("samen met Veilig Thuis of en hoe uw hulp doorgaat")), "{actions:?}");
        assert!(!actions.iter().any(|a| a.starts_with("Bied of organiseer hulp") || a.starts_with("Plan evaluatiemomenten")), "{actions:?}");
    }

    /// Every way through the afwegingskader, in both languages: the decisions and the actions
    /// say the same thing.
    #[test]
    fn every_path_s_decisions_and_actions_agree() {
        for lang in [Lang::Nl, Lang::En] {
            let label = |key| t(lang, key);
            let offer = t(lang, "action_step.offer_help");
            let plan = t(lang, "action_step.plan_evaluations");
            let close = t(lang, "action_step.close_with_agreements");
            for answers in crate::meldcode::engine::reachable_paths() {
                let outcome = answers.outcome(crate::meldcode::engine::Circumstances::default());
                let (rows, actions) = texts(&answers, lang);
                let case = format!("{answers:?} {lang:?}");
                let (melden, help) = (value(&rows, &label("decision.melden")), value(&rows, &label("decision.help")));
                for text in rows.iter().map(|r| &r.value).chain(&actions) {
                    let untranslated = ["decision.", "action_step.", "meldnorm.", "answer."].iter().any(|k| text.starts_with(k));
                    assert!(!text.is_empty() && !untranslated, "{case}: untranslated {text}");
                }
                let helps = actions.iter().any(|a| *a == offer || *a == plan || *a == close);
                if helps {
                    assert_eq!(help, t(lang, "answer.yes"), "{case}: help actions need help = ja");
                }
                if help == t(lang, "answer.no") || outcome.help == Decision::NotApplicable || outcome.help == Decision::WithVeiligThuis {
                    assert!(!helps, "{case}: {actions:?}");
                }
                // After "no suspicion", help does not apply, and says so.
                let not_applicable = outcome.counted_answer(1) == Some(false);
                assert_eq!(help == t(lang, "decision.help_not_applicable"), not_applicable, "{case}");
                // Melden: ja, with its meldnorm and the call; nee, without either.
                let norms = value(&rows, &label("decision.meldnorm"));
                let calls = actions.iter().any(|a| *a == t(lang, "action_step.call_veilig_thuis") || *a == t(lang, "action_step.report_again"));
                assert_eq!(melden == t(lang, "answer.yes"), !norms.is_empty(), "{case}");
                assert_eq!(melden == t(lang, "answer.yes"), calls, "{case}");
                // Help did not bring safety: meldnorm 3, and help goes on only as decided with Veilig Thuis.
                if outcome.counted_answer(5) == Some(false) {
                    assert_eq!(melden, t(lang, "answer.yes"), "{case}");
                    assert!(norms.contains(&format!("3. {}", t(lang, "meldnorm.unsafety_continues"))), "{case}: {norms}");
                    assert_eq!(help, t(lang, "decision.help_with_veilig_thuis"), "{case}");
                    assert!(actions.contains(&t(lang, "action_step.decide_help_with_veilig_thuis")), "{case}");
                }
                if answers.disclosure {
                    assert_eq!(actions[0], t(lang, "action_step.ensure_safety"), "{case}");
                }
                // What the path does not ask says why.
                for q in outcome.not_asked() {
                    let note = question_note(outcome.question(q).unwrap(), lang).unwrap_or_default();
                    assert!(!note.is_empty() && !note.starts_with("afweging."), "{case}: {q}");
                }
            }
        }
    }

    #[test]
    fn the_print_holds_the_decision_and_the_kindcheck_s_conclusion_and_no_uncounted_answer() {
        let mut d = fixture();
        d.afwegingen.answers = [Some(false), Some(true), Some(true), Some(true), Some(true)];
        d.motivations[2] = "Oude motivering van een ander pad".into();
        let text = as_text("Dossier", &build(&d, &Profile::default(), &MeldcodeContent::load(), Lang::Nl));
        assert!(text.contains("Over wie gaat dit dossier?: Een volwassene"), "{text}");
        assert!(text.contains("Conclusie kindcheck: U kunt niet vaststellen dat de kinderen veilig zijn."), "{text}");
        assert!(text.contains("Melden bij Veilig Thuis nodig?: Nee"), "{text}");
        assert!(text.contains("Is hulp (ook) mogelijk?: Niet van toepassing"), "{text}");
        assert!(text.contains("Niet gevraagd"), "{text}");
        assert!(!text.contains("Oude motivering"), "{text}");
        d.client = ClientKind::Child;
        let text = as_text("Dossier", &build(&d, &Profile::default(), &MeldcodeContent::load(), Lang::Nl));
        assert!(!text.contains("kindcheck"), "no kindcheck for a child: {text}");
    }
}
