//! The afwegingskader (since 1-1-2019): five questions in, two decisions out.
//! Beslissing 1: is melden bij Veilig Thuis noodzakelijk? Beslissing 2: is hulp (ook) mogelijk?
//! Melden and helping can both happen. Source: NJi, "Afwegingskader meldcode"
//! (https://www.nji.nl/kindermishandeling/afwegingskader-meldcode) and the Rijksoverheid
//! Basisdocument; the table below is that scheme.

use serde::{Deserialize, Serialize};

/// Where an answer leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Then {
    Ask(u8),
    /// No suspicion: close and record in the dossier.
    Close,
    /// Melden at Veilig Thuis on this norm; questions 3–5 then go together with Veilig Thuis.
    Report(Meldnorm),
    /// Offer or organise help, then evaluate (question 5).
    Help,
    /// Help reached lasting safety: close with agreements on following (un)safety.
    CloseHelp,
}

/// (question, if no, if yes) — the five afwegingen.
const RULES: [(u8, Then, Then); 5] = [
    (1, Then::Close, Then::Ask(2)),
    (2, Then::Ask(3), Then::Report(Meldnorm::AcuteOrStructural)),
    (3, Then::Report(Meldnorm::NoEffectiveHelp), Then::Ask(4)),
    (4, Then::Report(Meldnorm::NoEffectiveHelp), Then::Help),
    (5, Then::Report(Meldnorm::UnsafetyContinues), Then::CloseHelp),
];

/// The three professional norms to melden.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Meldnorm {
    /// Acute and/or structural unsafety (disclosure counts as acute).
    AcuteOrStructural,
    /// The professional cannot offer or organise effective help (or it is not accepted).
    NoEffectiveHelp,
    /// During help, the unsafety does not stop or returns.
    UnsafetyContinues,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    Undecided,
    Yes,
    No,
}

/// What to do next, in order; the view turns each into text and links.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Record the considerations in the dossier and close.
    RecordAndClose,
    /// Acute danger: make sure of safety now (112 when needed).
    EnsureSafetyNow,
    /// Call Veilig Thuis 0800-2000 to melden.
    CallVeiligThuis,
    /// Tell the client about the melding first, unless an exception applies.
    InformClientFirst,
    /// Go through afwegingen 3 to 5 together with Veilig Thuis.
    ContinueWithVeiligThuis,
    /// Offer or organise help with clear safety agreements.
    OfferHelp,
    /// Plan evaluation moments for afweging 5.
    PlanEvaluations,
    /// Close help with agreements on following future (un)safety.
    CloseWithAgreements,
}

/// The answers so far. `None` is not yet answered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    pub answers: [Option<bool>; 5],
    /// The client disclosed violence on their own initiative: acute unsafety, melden.
    #[serde(default)]
    pub disclosure: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Beslissing 1.
    pub melden: Decision,
    /// Beslissing 2.
    pub help: Decision,
    pub meldnorm: Option<Meldnorm>,
    pub actions: Vec<Action>,
    /// The question to answer now, if any.
    pub next: Option<u8>,
    /// Questions an ended path did not ask (answers there are kept but do not count).
    pub skipped: Vec<u8>,
    /// Questions 3–5 are answered together with Veilig Thuis after a melding.
    pub with_veilig_thuis: bool,
}

impl Answers {
    pub fn answer(&self, question: u8) -> Option<bool> {
        self.answers.get(usize::from(question).checked_sub(1)?).copied().flatten()
    }

    pub fn set(&mut self, question: u8, answer: Option<bool>) {
        if let Some(slot) = usize::from(question).checked_sub(1).and_then(|i| self.answers.get_mut(i)) {
            *slot = answer;
        }
    }

    pub fn outcome(&self) -> Outcome {
        let mut outcome = Outcome {
            melden: Decision::Undecided,
            help: Decision::Undecided,
            meldnorm: None,
            actions: Vec::new(),
            next: None,
            skipped: Vec::new(),
            with_veilig_thuis: false,
        };
        let mut asked = Vec::new();
        // Disclosure is acute unsafety: questions 1 and 2 are answered by it.
        let mut question = if self.disclosure {
            asked.extend([1, 2]);
            report(&mut outcome, Meldnorm::AcuteOrStructural, true);
            Some(3)
        } else {
            Some(1)
        };

        while let Some(q) = question {
            let Some(answer) = self.answer(q) else {
                outcome.next = Some(q);
                break;
            };
            asked.push(q);
            let (_, if_no, if_yes) = RULES[usize::from(q) - 1];
            question = match if answer { if_yes } else { if_no } {
                Then::Ask(next) => Some(next),
                Then::Close => {
                    outcome.melden = Decision::No;
                    outcome.help = Decision::No;
                    outcome.actions.push(Action::RecordAndClose);
                    None
                }
                Then::Report(_) if outcome.melden == Decision::Yes => {
                    // Already melded: with Veilig Thuis, a "no" means help is not (or no
                    // longer) possible from here, not a second melding.
                    outcome.help = Decision::No;
                    None
                }
                Then::Report(norm) => {
                    report(&mut outcome, norm, false);
                    if q == 2 {
                        Some(3)
                    } else {
                        outcome.help = Decision::No;
                        None
                    }
                }
                Then::Help => {
                    outcome.help = Decision::Yes;
                    if outcome.melden == Decision::Undecided {
                        outcome.melden = Decision::No;
                    }
                    outcome.actions.extend([Action::OfferHelp, Action::PlanEvaluations]);
                    Some(5)
                }
                Then::CloseHelp => {
                    outcome.actions.push(Action::CloseWithAgreements);
                    None
                }
            };
        }
        // While a question is open, the rest may still come; once the path ends, what it did
        // not ask is skipped.
        if outcome.next.is_none() {
            outcome.skipped = (1..=5).filter(|q| !asked.contains(q)).collect();
        }
        outcome
    }
}

fn report(outcome: &mut Outcome, norm: Meldnorm, acute: bool) {
    outcome.melden = Decision::Yes;
    outcome.meldnorm = Some(norm);
    if acute {
        outcome.actions.push(Action::EnsureSafetyNow);
    }
    outcome.actions.extend([Action::CallVeiligThuis, Action::InformClientFirst]);
    if norm == Meldnorm::AcuteOrStructural {
        outcome.with_veilig_thuis = true;
        outcome.actions.push(Action::ContinueWithVeiligThuis);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(answers: [Option<bool>; 5]) -> Outcome {
        Answers { answers, disclosure: false }.outcome()
    }
    const Y: Option<bool> = Some(true);
    const N: Option<bool> = Some(false);
    const U: Option<bool> = None;

    #[test]
    fn nothing_answered_asks_question_one() {
        let o = run([U; 5]);
        assert_eq!((o.melden, o.help, o.next), (Decision::Undecided, Decision::Undecided, Some(1)));
        assert_eq!(o.skipped, Vec::<u8>::new());
    }

    #[test]
    fn no_suspicion_closes_and_records() {
        let o = run([N, Y, Y, Y, Y]);
        assert_eq!((o.melden, o.help, o.meldnorm), (Decision::No, Decision::No, None));
        assert_eq!(o.actions, [Action::RecordAndClose]);
        assert_eq!(o.skipped, [2, 3, 4, 5], "later answers do not count");
        assert_eq!(o.next, None);
    }

    #[test]
    fn acute_or_structural_unsafety_means_melden_then_3_to_5_with_veilig_thuis() {
        let o = run([Y, Y, U, U, U]);
        assert_eq!(o.melden, Decision::Yes);
        assert_eq!(o.meldnorm, Some(Meldnorm::AcuteOrStructural));
        assert_eq!(o.help, Decision::Undecided);
        assert_eq!(o.next, Some(3));
        assert!(o.with_veilig_thuis);
        assert_eq!(o.actions, [Action::CallVeiligThuis, Action::InformClientFirst, Action::ContinueWithVeiligThuis]);
    }

    #[test]
    fn after_melden_help_can_still_be_possible() {
        let o = run([Y, Y, Y, Y, U]);
        assert_eq!((o.melden, o.help, o.next), (Decision::Yes, Decision::Yes, Some(5)));
        assert!(o.actions.contains(&Action::PlanEvaluations));
        let o = run([Y, Y, Y, Y, Y]);
        assert_eq!((o.melden, o.help), (Decision::Yes, Decision::Yes));
        assert_eq!(o.actions.last(), Some(&Action::CloseWithAgreements));
        assert_eq!(o.meldnorm, Some(Meldnorm::AcuteOrStructural), "no second meldnorm");
    }

    #[test]
    fn after_melden_no_help_possible_ends_there() {
        let o = run([Y, Y, N, U, U]);
        assert_eq!((o.melden, o.help, o.next), (Decision::Yes, Decision::No, None));
        assert_eq!(o.meldnorm, Some(Meldnorm::AcuteOrStructural));
        assert_eq!(o.skipped, [4, 5]);
        let o = run([Y, Y, Y, N, U]);
        assert_eq!((o.melden, o.help), (Decision::Yes, Decision::No));
        let o = run([Y, Y, Y, Y, N]);
        assert_eq!((o.melden, o.help), (Decision::Yes, Decision::No));
        assert_eq!(o.meldnorm, Some(Meldnorm::AcuteOrStructural));
    }

    #[test]
    fn no_effective_help_means_melden() {
        let o = run([Y, N, N, Y, Y]);
        assert_eq!((o.melden, o.help), (Decision::Yes, Decision::No));
        assert_eq!(o.meldnorm, Some(Meldnorm::NoEffectiveHelp));
        assert_eq!(o.skipped, [4, 5]);
        assert!(!o.with_veilig_thuis);
        assert_eq!(o.actions, [Action::CallVeiligThuis, Action::InformClientFirst]);
    }

    #[test]
    fn help_not_accepted_means_melden() {
        let o = run([Y, N, Y, N, U]);
        assert_eq!((o.melden, o.help), (Decision::Yes, Decision::No));
        assert_eq!(o.meldnorm, Some(Meldnorm::NoEffectiveHelp));
        assert_eq!(o.skipped, [5]);
    }

    #[test]
    fn accepted_help_is_offered_and_evaluated_later() {
        let o = run([Y, N, Y, Y, U]);
        assert_eq!((o.melden, o.help, o.next), (Decision::No, Decision::Yes, Some(5)));
        assert_eq!(o.meldnorm, None);
        assert_eq!(o.actions, [Action::OfferHelp, Action::PlanEvaluations]);
    }

    #[test]
    fn lasting_safety_closes_help_with_agreements() {
        let o = run([Y, N, Y, Y, Y]);
        assert_eq!((o.melden, o.help, o.next), (Decision::No, Decision::Yes, None));
        assert_eq!(o.actions.last(), Some(&Action::CloseWithAgreements));
        assert_eq!(o.skipped, Vec::<u8>::new());
    }

    #[test]
    fn unsafety_that_continues_during_help_means_melden_again() {
        let o = run([Y, N, Y, Y, N]);
        assert_eq!(o.melden, Decision::Yes);
        assert_eq!(o.meldnorm, Some(Meldnorm::UnsafetyContinues));
        assert_eq!(o.help, Decision::No);
    }

    #[test]
    fn unanswered_questions_wait_on_the_path() {
        assert_eq!(run([Y, U, U, U, U]).next, Some(2));
        assert_eq!(run([Y, N, U, U, U]).next, Some(3));
        assert_eq!(run([Y, N, Y, U, U]).next, Some(4));
    }

    #[test]
    fn disclosure_is_acute_unsafety_and_means_melden_now() {
        let o = Answers { answers: [U; 5], disclosure: true }.outcome();
        assert_eq!(o.melden, Decision::Yes);
        assert_eq!(o.meldnorm, Some(Meldnorm::AcuteOrStructural));
        assert_eq!(o.actions[..2], [Action::EnsureSafetyNow, Action::CallVeiligThuis]);
        assert_eq!(o.next, Some(3));
        assert!(o.with_veilig_thuis);
        // Earlier "no suspicion" answers do not override a disclosure.
        let o = Answers { answers: [N, N, U, U, U], disclosure: true }.outcome();
        assert_eq!(o.melden, Decision::Yes);
    }

    #[test]
    fn every_combination_of_answers_gives_a_consistent_outcome() {
        let values = [U, Y, N];
        for a in 0..3usize.pow(5) {
            let answers: [Option<bool>; 5] = std::array::from_fn(|i| values[a / 3usize.pow(i as u32) % 3]);
            for disclosure in [false, true] {
                let o = Answers { answers, disclosure }.outcome();
                assert_eq!(o.melden == Decision::Yes, o.meldnorm.is_some(), "{answers:?}");
                assert_eq!(o.melden == Decision::Yes, o.actions.contains(&Action::CallVeiligThuis));
                if o.next.is_none() {
                    assert_ne!(o.melden, Decision::Undecided, "{answers:?} {disclosure}");
                }
                if let Some(next) = o.next {
                    assert_eq!(answers[usize::from(next) - 1], None);
                    assert!(!o.skipped.contains(&next));
                }
            }
        }
    }
}
