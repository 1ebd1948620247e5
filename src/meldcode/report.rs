//! The dossier as a document, ordered like the Veilig Thuis melding form (melder, betrokkenen,
//! melding, ondersteunend netwerk, overige informatie) followed by the step-by-step record.
//! One builder serves the print view and "copy as text", so both always say the same.

use super::content::MeldcodeContent;
use super::dossier::{Dossier, Responsibility};
use super::engine::{Decision, Meldnorm};
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

pub fn decision_key(decision: Decision) -> &'static str {
    match decision {
        Decision::Yes => "answer.yes",
        Decision::No => "answer.no",
        Decision::Undecided => "decision.undecided",
    }
}

pub fn meldnorm_key(norm: Meldnorm) -> &'static str {
    match norm {
        Meldnorm::AcuteOrStructural => "meldnorm.acute_or_structural",
        Meldnorm::NoEffectiveHelp => "meldnorm.no_effective_help",
        Meldnorm::UnsafetyContinues => "meldnorm.unsafety_continues",
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
    let client = match d.client {
        ClientKind::Child => "client.child",
        ClientKind::Adult => "client.adult",
    };
    b.field("profile.client", t(lang, client));
    b.field("melding.betrokkenen", d.melding.betrokkenen.clone());
    if d.client == ClientKind::Adult {
        let children = b.yes_no(d.kindcheck.children_in_care);
        b.field("kindcheck.children_in_care", children);
        let safe = b.yes_no(d.kindcheck.safety_established);
        b.field("kindcheck.safety_established", safe);
        b.field("kindcheck.note", d.kindcheck.note.clone());
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
    b.field("decision.melden", t(lang, decision_key(outcome.melden)));
    b.field("decision.help", t(lang, decision_key(outcome.help)));
    if let Some(norm) = outcome.meldnorm {
        b.field("decision.meldnorm", t(lang, meldnorm_key(norm)));
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
    for number in 1..=5u8 {
        let Some(answer) = d.afwegingen.answer(number) else { continue };
        let question = content.afweging(number).map(|a| a.question.get(lang).to_string()).unwrap_or_default();
        let label = t_with(lang, "report.afweging", &[("number", &number.to_string())]);
        let motivation = &d.motivations[usize::from(number) - 1];
        let answer = b.yes_no(Some(answer));
        b.row(label, format!("{question} {answer}. {motivation}"));
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
}
