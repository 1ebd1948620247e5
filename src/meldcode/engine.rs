//! The afwegingskader (since 1-1-2019): five questions in, two decisions out.
//! Beslissing 1: is melden bij Veilig Thuis noodzakelijk? Beslissing 2: is hulp (ook) mogelijk?
//! Melden and helping can both happen. Source: NJi, "Afwegingskader meldcode"
//! (https://www.nji.nl/kindermishandeling/afwegingskader-meldcode) and the Rijksoverheid
//! Basisdocument; the table below is that scheme.

use serde::{Deserialize, Serialize};

/// The three professional norms to melden (meldnormen), numbered as the afwegingskader does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Meldnorm {
    /// 1: acute and/or structural unsafety (disclosure counts as acute).
    AcuteOrStructural,
    /// 2: the professional cannot offer or organise effective help (or it is not accepted).
    NoEffectiveHelp,
    /// 3: during help, the unsafety does not stop or returns.
    UnsafetyContinues,
}

/// One of the two decisions (beslissing 1: melden; beslissing 2: is hulp (ook) mogelijk?).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    Undecided,
    Yes,
    No,
    /// The path does not ask it: after "no suspicion" there is nothing to help with.
    NotApplicable,
    /// Help did not bring safety: whether it goes on is decided with Veilig Thuis.
    WithVeiligThuis,
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
    /// Melden again: the unsafety continues after an earlier melding.
    ReportAgain,
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
    /// Help did not bring safety: decide with Veilig Thuis whether and how it goes on.
    DecideHelpWithVeiligThuis,
    /// A doctor or dentist (KNMG-meldcode) who has not asked Veilig Thuis for advice yet:
    /// consult Veilig Thuis before the melding.
    ConsultVeiligThuisFirst,
}

impl Action {
    /// The translation key of what the action says (content/ui); the screen and the print
    /// both use it.
    pub fn key(self) -> &'static str {
        match self {
            Action::RecordAndClose => "action_step.record_and_close",
            Action::EnsureSafetyNow => "action_step.ensure_safety",
            Action::CallVeiligThuis => "action_step.call_veilig_thuis",
            Action::ReportAgain => "action_step.report_again",
            Action::InformClientFirst => "action_step.inform_client",
            Action::ContinueWithVeiligThuis => "action_step.continue_with_veilig_thuis",
            Action::OfferHelp => "action_step.offer_help",
            Action::PlanEvaluations => "action_step.plan_evaluations",
            Action::CloseWithAgreements => "action_step.close_with_agreements",
            Action::DecideHelpWithVeiligThuis => "action_step.decide_help_with_veilig_thuis",
            Action::ConsultVeiligThuisFirst => "action_step.consult_veilig_thuis_first",
        }
    }

    /// Every action, for checks that each says something.
    pub const ALL: [Action; 11] = [
        Action::RecordAndClose,
        Action::EnsureSafetyNow,
        Action::CallVeiligThuis,
        Action::ReportAgain,
        Action::InformClientFirst,
        Action::ContinueWithVeiligThuis,
        Action::OfferHelp,
        Action::PlanEvaluations,
        Action::CloseWithAgreements,
        Action::DecideHelpWithVeiligThuis,
        Action::ConsultVeiligThuisFirst,
    ];

    /// The actions that are a call to Veilig Thuis (the screen shows its number with them).
    pub fn calls_veilig_thuis(self) -> bool {
        matches!(self, Action::CallVeiligThuis | Action::ReportAgain | Action::ConsultVeiligThuisFirst)
    }
}

/// What besides the five answers decides the outcome: the dossier and the professional whose
/// it is. `Dossier::outcome` fills it in from the dossier; the default is nothing beyond the
/// answers (a practice case of the zelftest, which has no professional).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Circumstances {
    /// A doctor or dentist who has not asked Veilig Thuis for advice yet: the KNMG-meldcode
    /// has them consult Veilig Thuis before a melding.
    pub consult_veilig_thuis_first: bool,
}

/// Why a path does not ask a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAskedBecause {
    /// Afweging 1 = nee: no suspicion, the meldcode closes.
    NoSuspicion,
    /// Afweging 3 = nee: no effective help possible, so there is no help to accept or evaluate.
    NoEffectiveHelp,
    /// Afweging 4 = nee: help is not accepted, so there is no help to evaluate.
    HelpNotAccepted,
}

/// Where one of the five questions stands on the path the answers take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    /// Asked and answered; the answer counts.
    Answered(bool),
    /// Answered "ja" by the disclosure (afwegingen 1 and 2).
    ByDisclosure,
    /// The question to answer now.
    Next,
    /// On the path, after the question to answer now (`after`).
    Later { after: u8 },
    /// Not asked on this path; a stored answer does not count.
    NotAsked(NotAskedBecause),
}

impl Question {
    /// Whether the user can answer it now (or change the answer).
    pub fn answerable(self) -> bool {
        matches!(self, Question::Answered(_) | Question::Next)
    }
}

/// The answers so far. `None` is not yet answered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    pub answers: [Option<bool>; 5],
    /// The client disclosed violence on their own initiative: acute unsafety, melden.
    #[serde(default)]
    pub disclosure: bool,
}

/// The decision the answers lead to. The only way to get one is `Answers::outcome`, which
/// takes the circumstances (for a dossier: `Dossier::outcome`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Beslissing 1.
    pub melden: Decision,
    /// Beslissing 2.
    pub help: Decision,
    /// The meldnormen that apply, in the order they arose (after a melding on norm 1, norm 3
    /// can follow: opnieuw melden).
    pub meldnormen: Vec<Meldnorm>,
    pub actions: Vec<Action>,
    /// The question to answer now, if any.
    pub next: Option<u8>,
    /// Each of the five questions on this path.
    pub questions: [Question; 5],
    /// Questions 3–5 are answered together with Veilig Thuis after a melding on meldnorm 1.
    pub with_veilig_thuis: bool,
    /// Questions 1 and 2 were answered by a disclosure.
    pub by_disclosure: bool,
}

impl Outcome {
    pub fn question(&self, number: u8) -> Option<Question> {
        self.questions.get(usize::from(number).checked_sub(1)?).copied()
    }

    /// Questions this path does not ask.
    pub fn not_asked(&self) -> Vec<u8> {
        (1..=5u8).filter(|q| matches!(self.question(*q), Some(Question::NotAsked(_)))).collect()
    }

    /// The answer that counts for a question on this path (a disclosure counts as "ja").
    pub fn counted_answer(&self, number: u8) -> Option<bool> {
        match self.question(number)? {
            Question::Answered(answer) => Some(answer),
            Question::ByDisclosure => Some(true),
            _ => None,
        }
    }

    /// The path reached both decisions.
    pub fn decided(&self) -> bool {
        self.next.is_none()
    }
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

    /// The outcome in these circumstances: the afwegingskader's decisions and actions, with
    /// what the circumstances add (a doctor consults Veilig Thuis before the melding). The one
    /// way to an outcome, so no caller can leave a rule of the dossier out.
    pub fn outcome(&self, circumstances: Circumstances) -> Outcome {
        let mut outcome = self.walk();
        if circumstances.consult_veilig_thuis_first && outcome.melden == Decision::Yes {
            // Before the first call: after making sure of safety now, before the melding.
            let at = outcome.actions.iter().position(|a| matches!(a, Action::CallVeiligThuis | Action::ReportAgain));
            outcome.actions.insert(at.unwrap_or(outcome.actions.len()), Action::ConsultVeiligThuisFirst);
        }
        outcome
    }

    /// The afwegingskader: each answer leads to the next question or to an end, and each end
    /// gives both decisions with the actions that follow from them (never one that the
    /// decisions contradict).
    fn walk(&self) -> Outcome {
        use Question::*;
        let mut questions = [Later { after: 1 }; 5];
        // Afwegingen 1 and 2: a disclosure is acute unsafety and answers both.
        let (suspicion, unsafe_now) = if self.disclosure {
            questions[0] = ByDisclosure;
            questions[1] = ByDisclosure;
            (Some(true), Some(true))
        } else {
            (self.answer(1), self.answer(2))
        };
        let mut path = Path { questions: &mut questions, answers: self };
        let end = 'walk: {
            match suspicion {
                None => break 'walk path.wait(1),
                Some(false) => {
                    path.record(1);
                    path.not_asked(2..=5, NotAskedBecause::NoSuspicion);
                    break 'walk End::NoSuspicion;
                }
                Some(true) => path.record(1),
            }
            let with_vt = match unsafe_now {
                None => break 'walk path.wait(2),
                Some(answer) => {
                    path.record(2);
                    answer
                }
            };
            match self.answer(3) {
                None => {
                    path.wait(3);
                    break 'walk if with_vt { End::ReportedAwaiting } else { End::Waiting };
                }
                Some(false) => {
                    path.record(3);
                    path.not_asked(4..=5, NotAskedBecause::NoEffectiveHelp);
                    break 'walk End::NoHelp { with_vt };
                }
                Some(true) => path.record(3),
            }
            match self.answer(4) {
                None => {
                    path.wait(4);
                    break 'walk if with_vt { End::ReportedAwaiting } else { End::Waiting };
                }
                Some(false) => {
                    path.record(4);
                    path.not_asked(5..=5, NotAskedBecause::HelpNotAccepted);
                    break 'walk End::NoHelp { with_vt };
                }
                Some(true) => path.record(4),
            }
            match self.answer(5) {
                None => {
                    path.wait(5);
                    End::Helping { with_vt }
                }
                Some(true) => {
                    path.record(5);
                    End::SafeAfterHelp { with_vt }
                }
                Some(false) => {
                    path.record(5);
                    End::UnsafeAfterHelp { with_vt }
                }
            }
        };
        end.outcome(questions, self.disclosure)
    }
}

/// Marks each question on the path as it is walked.
struct Path<'a> {
    questions: &'a mut [Question; 5],
    answers: &'a Answers,
}

impl Path<'_> {
    fn record(&mut self, q: u8) {
        let i = usize::from(q) - 1;
        if self.questions[i] != Question::ByDisclosure {
            self.questions[i] = self.answers.answer(q).map_or(Question::Next, Question::Answered);
        }
    }

    fn wait(&mut self, q: u8) -> End {
        self.questions[usize::from(q) - 1] = Question::Next;
        for later in self.questions.iter_mut().skip(usize::from(q)) {
            *later = Question::Later { after: q };
        }
        End::Waiting
    }

    fn not_asked(&mut self, range: std::ops::RangeInclusive<u8>, because: NotAskedBecause) {
        for q in range {
            self.questions[usize::from(q) - 1] = Question::NotAsked(because);
        }
    }
}

/// Where the walk stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    /// A question on the path is still open, nothing is decided yet.
    Waiting,
    /// Melden on meldnorm 1 is decided; afweging 3 or 4 is open, to answer with Veilig Thuis.
    ReportedAwaiting,
    /// Afweging 1 = nee.
    NoSuspicion,
    /// Afweging 3 or 4 = nee.
    NoHelp { with_vt: bool },
    /// Afweging 4 = ja, afweging 5 open: help is offered and evaluated.
    Helping { with_vt: bool },
    /// Afweging 5 = ja.
    SafeAfterHelp { with_vt: bool },
    /// Afweging 5 = nee: meldnorm 3.
    UnsafeAfterHelp { with_vt: bool },
}

impl End {
    fn outcome(self, questions: [Question; 5], disclosure: bool) -> Outcome {
        use Action::*;
        use Decision::*;
        let next = questions.iter().position(|q| *q == Question::Next).map(|i| i as u8 + 1);
        // A melding on meldnorm 1 comes first: acute guidance, the call, open melden.
        // After a disclosure, making sure of safety comes before anything else.
        let acute = |then: &[Action]| {
            let mut actions = if disclosure { vec![EnsureSafetyNow] } else { Vec::new() };
            actions.extend_from_slice(then);
            actions
        };
        let reported = |extra: &[Action]| acute(&[&[CallVeiligThuis, InformClientFirst], extra].concat());
        let norm_1 = vec![Meldnorm::AcuteOrStructural];
        let (melden, help, meldnormen, actions) = match self {
            End::Waiting => (Undecided, Undecided, Vec::new(), Vec::new()),
            End::ReportedAwaiting => (Yes, Undecided, norm_1, reported(&[ContinueWithVeiligThuis])),
            End::NoSuspicion => (No, NotApplicable, Vec::new(), vec![RecordAndClose]),
            // Afweging 3 or 4 = nee: melden (meldnorm 2), or after a melding on meldnorm 1 no
            // help from here: Veilig Thuis organises it.
            End::NoHelp { with_vt: true } => (Yes, No, norm_1, reported(&[])),
            End::NoHelp { with_vt: false } => {
                (Yes, No, vec![Meldnorm::NoEffectiveHelp], vec![CallVeiligThuis, InformClientFirst])
            }
            End::Helping { with_vt: true } => (Yes, Yes, norm_1, reported(&[OfferHelp, PlanEvaluations])),
            End::Helping { with_vt: false } => (No, Yes, Vec::new(), vec![OfferHelp, PlanEvaluations]),
            End::SafeAfterHelp { with_vt: true } => (Yes, Yes, norm_1, reported(&[CloseWithAgreements])),
            End::SafeAfterHelp { with_vt: false } => (No, Yes, Vec::new(), vec![CloseWithAgreements]),
            // Meldnorm 3: (opnieuw) melden; whether help goes on is decided with Veilig Thuis.
            End::UnsafeAfterHelp { with_vt: true } => (
                Yes,
                WithVeiligThuis,
                vec![Meldnorm::AcuteOrStructural, Meldnorm::UnsafetyContinues],
                acute(&[ReportAgain, InformClientFirst, DecideHelpWithVeiligThuis]),
            ),
            End::UnsafeAfterHelp { with_vt: false } => (
                Yes,
                WithVeiligThuis,
                vec![Meldnorm::UnsafetyContinues],
                vec![CallVeiligThuis, InformClientFirst, DecideHelpWithVeiligThuis],
            ),
        };
        let with_veilig_thuis = matches!(
            self,
            End::ReportedAwaiting
                | End::NoHelp { with_vt: true, .. }
                | End::Helping { with_vt: true }
                | End::SafeAfterHelp { with_vt: true }
                | End::UnsafeAfterHelp { with_vt: true }
        );
        Outcome { melden, help, meldnormen, actions, next, questions, with_veilig_thuis, by_disclosure: disclosure }
    }
}

/// Every way through the afwegingskader the flow can reach: each stop on the way (a question
/// still open) and each end, as the answers that count (not asked: `None`), without and with a
/// disclosure (which answers 1 and 2).
pub fn reachable_paths() -> Vec<Answers> {
    fn walk(answers: Answers, out: &mut Vec<Answers>) {
        out.push(answers.clone());
        if let Some(next) = answers.walk().next {
            for value in [true, false] {
                let mut more = answers.clone();
                more.set(next, Some(value));
                walk(more, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(Answers::default(), &mut out);
    walk(Answers { answers: [None; 5], disclosure: true }, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;
    use Decision::*;

    fn run(answers: [Option<bool>; 5]) -> Outcome {
        Answers { answers, disclosure: false }.outcome(Circumstances::default())
    }
    const Y: Option<bool> = Some(true);
    const N: Option<bool> = Some(false);
    const U: Option<bool> = None;

    /// Every end of the afwegingskader, with both decisions, the meldnormen and the actions.
    #[test]
    fn every_end_gives_the_decisions_of_the_afwegingskader() {
        use Meldnorm::*;
        let cases: [([Option<bool>; 5], Decision, Decision, &[Meldnorm], &[Action]); 9] = [
            ([N, U, U, U, U], No, NotApplicable, &[], &[RecordAndClose]),
            ([Y, Y, N, U, U], Yes, No, &[AcuteOrStructural], &[CallVeiligThuis, InformClientFirst]),
            ([Y, Y, Y, N, U], Yes, No, &[AcuteOrStructural], &[CallVeiligThuis, InformClientFirst]),
            ([Y, Y, Y, Y, Y], Yes, Yes, &[AcuteOrStructural], &[CallVeiligThuis, InformClientFirst, CloseWithAgreements]),
            (
                [Y, Y, Y, Y, N],
                Yes,
                WithVeiligThuis,
                &[AcuteOrStructural, UnsafetyContinues],
                &[ReportAgain, InformClientFirst, DecideHelpWithVeiligThuis],
            ),
            ([Y, N, N, U, U], Yes, No, &[NoEffectiveHelp], &[CallVeiligThuis, InformClientFirst]),
            ([Y, N, Y, N, U], Yes, No, &[NoEffectiveHelp], &[CallVeiligThuis, InformClientFirst]),
            ([Y, N, Y, Y, Y], No, Yes, &[], &[CloseWithAgreements]),
            (
                [Y, N, Y, Y, N],
                Yes,
                WithVeiligThuis,
                &[UnsafetyContinues],
                &[CallVeiligThuis, InformClientFirst, DecideHelpWithVeiligThuis],
            ),
        ];
        for (answers, melden, help, norms, actions) in cases {
            let o = run(answers);
            assert_eq!((o.melden, o.help), (melden, help), "{answers:?}");
            assert_eq!(o.meldnormen, norms, "{answers:?}");
            assert_eq!(o.actions, actions, "{answers:?}");
            assert!(o.decided(), "{answers:?}");
        }
    }

    #[test]
    fn the_reported_bug_path_reads_as_one_decision() {
        // 1 ja, 2 nee, 3 ja, 4 ja, 5 nee: help did not bring safety.
        let o = run([Y, N, Y, Y, N]);
        assert_eq!(o.melden, Yes);
        assert_eq!(o.meldnormen, [Meldnorm::UnsafetyContinues]);
        assert_eq!(o.help, WithVeiligThuis);
        assert!(!o.actions.contains(&OfferHelp) && !o.actions.contains(&PlanEvaluations), "{:?}", o.actions);
        assert!(o.actions.contains(&DecideHelpWithVeiligThuis));
    }

    #[test]
    fn stops_on_the_way_decide_only_what_is_decided() {
        let o = run([U; 5]);
        assert_eq!((o.melden, o.help, o.next), (Undecided, Undecided, Some(1)));
        assert_eq!(o.questions, [Question::Next, Question::Later { after: 1 }, Question::Later { after: 1 }, Question::Later { after: 1 }, Question::Later { after: 1 }]);
        assert_eq!(run([Y, U, U, U, U]).next, Some(2));
        assert_eq!(run([Y, N, U, U, U]).next, Some(3));
        let o = run([Y, N, Y, U, U]);
        assert_eq!((o.melden, o.help, o.next), (Undecided, Undecided, Some(4)));
        let o = run([Y, N, Y, Y, U]);
        assert_eq!((o.melden, o.help, o.next), (No, Yes, Some(5)));
        assert_eq!(o.actions, [OfferHelp, PlanEvaluations]);
        let o = run([Y, Y, U, U, U]);
        assert_eq!((o.melden, o.help, o.next), (Yes, Undecided, Some(3)));
        assert!(o.with_veilig_thuis);
        assert_eq!(o.actions, [CallVeiligThuis, InformClientFirst, ContinueWithVeiligThuis]);
        let o = run([Y, Y, Y, Y, U]);
        assert_eq!((o.melden, o.help, o.next), (Yes, Yes, Some(5)));
        assert_eq!(o.actions, [CallVeiligThuis, InformClientFirst, OfferHelp, PlanEvaluations]);
    }

    #[test]
    fn questions_a_path_does_not_ask_say_why_and_their_answers_do_not_count() {
        let o = run([N, Y, Y, Y, N]);
        assert_eq!(o.not_asked(), [2, 3, 4, 5]);
        assert_eq!(o.question(2), Some(Question::NotAsked(NotAskedBecause::NoSuspicion)));
        assert_eq!(o, run([N, U, U, U, U]), "later answers do not count");
        let o = run([Y, N, N, Y, N]);
        assert_eq!(o.question(4), Some(Question::NotAsked(NotAskedBecause::NoEffectiveHelp)));
        assert_eq!(o, run([Y, N, N, U, U]));
        let o = run([Y, N, Y, N, Y]);
        assert_eq!(o.question(5), Some(Question::NotAsked(NotAskedBecause::HelpNotAccepted)));
        assert_eq!(o, run([Y, N, Y, N, U]));
        // Questions after the open one wait and cannot be answered yet.
        let o = run([Y, U, Y, Y, Y]);
        assert_eq!(o.question(3), Some(Question::Later { after: 2 }));
        assert!(!o.question(3).unwrap().answerable());
        assert_eq!(o, run([Y, U, U, U, U]));
    }

    #[test]
    fn disclosure_answers_1_and_2_and_means_melden_now() {
        let o = Answers { answers: [U; 5], disclosure: true }.outcome(Circumstances::default());
        assert_eq!(o.melden, Yes);
        assert_eq!(o.meldnormen, [Meldnorm::AcuteOrStructural]);
        assert_eq!(o.actions, [EnsureSafetyNow, CallVeiligThuis, InformClientFirst, ContinueWithVeiligThuis]);
        assert_eq!(o.next, Some(3));
        assert_eq!(o.questions[..2], [Question::ByDisclosure, Question::ByDisclosure]);
        assert_eq!((o.counted_answer(1), o.counted_answer(2)), (Some(true), Some(true)));
        assert!(o.with_veilig_thuis && o.by_disclosure);
        // Earlier "no suspicion" answers do not override a disclosure.
        let o = Answers { answers: [N, N, U, U, U], disclosure: true }.outcome(Circumstances::default());
        assert_eq!((o.melden, o.next), (Yes, Some(3)));
        let o = Answers { answers: [N, N, Y, Y, N], disclosure: true }.outcome(Circumstances::default());
        assert_eq!((o.melden, o.help), (Yes, WithVeiligThuis));
        assert_eq!(o.actions, [EnsureSafetyNow, ReportAgain, InformClientFirst, DecideHelpWithVeiligThuis]);
    }

    #[test]
    fn every_combination_of_answers_gives_a_coherent_outcome() {
        let values = [U, Y, N];
        for a in 0..3usize.pow(5) {
            let answers: [Option<bool>; 5] = std::array::from_fn(|i| values[a / 3usize.pow(i as u32) % 3]);
            for disclosure in [false, true] {
                let o = Answers { answers, disclosure }.outcome(Circumstances::default());
                let case = format!("{answers:?} disclosure={disclosure}");
                let melds = o.actions.contains(&CallVeiligThuis) || o.actions.contains(&ReportAgain);
                assert_eq!(o.melden == Yes, !o.meldnormen.is_empty(), "{case}");
                assert_eq!(o.melden == Yes, melds, "{case}");
                // No help actions where help is not (or no longer) the professional's.
                let helping = [OfferHelp, PlanEvaluations, CloseWithAgreements].iter().any(|a| o.actions.contains(a));
                if helping {
                    assert_eq!(o.help, Yes, "{case}");
                }
                assert_eq!(o.actions.contains(&PlanEvaluations), o.next == Some(5), "{case}");
                assert_eq!(o.help == NotApplicable, o.counted_answer(1) == Some(false), "{case}");
                let norm_3 = o.meldnormen.contains(&Meldnorm::UnsafetyContinues);
                assert_eq!(norm_3, o.counted_answer(5) == Some(false), "{case}");
                assert_eq!(norm_3, o.help == WithVeiligThuis, "{case}");
                assert_eq!(norm_3, o.actions.contains(&DecideHelpWithVeiligThuis), "{case}");
                assert_eq!(o.with_veilig_thuis, o.counted_answer(2) == Some(true), "{case}");
                assert_eq!(o.actions.first() == Some(&EnsureSafetyNow), disclosure && o.melden == Yes, "{case}");
                if o.decided() {
                    assert!(o.melden != Undecided && o.help != Undecided, "{case}");
                }
                if let Some(next) = o.next {
                    assert_eq!(o.question(next), Some(Question::Next), "{case}");
                    assert_eq!(answers[usize::from(next) - 1], None, "{case}");
                }
                // Only the answers the path asks count: clearing the others changes nothing.
                let mut counted = Answers { answers, disclosure };
                for q in 1..=5u8 {
                    if !matches!(o.question(q), Some(Question::Answered(_))) {
                        counted.set(q, None);
                    }
                }
                assert_eq!(counted.outcome(Circumstances::default()), o, "{case}");
            }
        }
    }

    #[test]
    fn the_reachable_paths_are_every_stop_and_end() {
        let paths = reachable_paths();
        // Without disclosure 9 ends and 8 stops; with it (1 and 2 answered), 4 ends and 3 stops.
        assert_eq!(paths.len(), 17 + 7);
        assert_eq!(paths.iter().filter(|a| a.outcome(Circumstances::default()).decided()).count(), 9 + 4);
    }

    #[test]
    fn a_doctor_consults_veilig_thuis_before_every_melding_and_nothing_else_changes() {
        let doctor = Circumstances { consult_veilig_thuis_first: true };
        let values = [U, Y, N];
        for a in 0..3usize.pow(5) {
            let answers: [Option<bool>; 5] = std::array::from_fn(|i| values[a / 3usize.pow(i as u32) % 3]);
            for disclosure in [false, true] {
                let answers = Answers { answers, disclosure };
                let (plain, theirs) = (answers.outcome(Circumstances::default()), answers.outcome(doctor));
                let case = format!("{answers:?}");
                assert_eq!((theirs.melden, theirs.help, &theirs.meldnormen, theirs.next), (plain.melden, plain.help, &plain.meldnormen, plain.next), "{case}");
                let mut without: Vec<Action> = theirs.actions.clone();
                without.retain(|a| *a != ConsultVeiligThuisFirst);
                assert_eq!(without, plain.actions, "{case}");
                assert_eq!(theirs.actions.contains(&ConsultVeiligThuisFirst), plain.melden == Yes, "{case}");
                if let Some(at) = theirs.actions.iter().position(|a| *a == ConsultVeiligThuisFirst) {
                    assert!(matches!(theirs.actions[at + 1], CallVeiligThuis | ReportAgain), "{case}: before the melding");
                    assert_eq!(theirs.actions.first() == Some(&EnsureSafetyNow), disclosure, "{case}: safety still first");
                }
            }
        }
    }

    #[test]
    fn every_action_says_something_in_both_languages() {
        use crate::i18n::{t, Lang};
        let keys: std::collections::HashSet<&str> = Action::ALL.iter().map(|a| a.key()).collect();
        assert_eq!(keys.len(), Action::ALL.len(), "one key per action");
        for action in Action::ALL {
            for lang in [Lang::Nl, Lang::En] {
                let text = t(lang, action.key());
                assert!(!text.is_empty() && text != action.key(), "{action:?} {lang:?}");
            }
        }
        assert_ne!(t(Lang::Nl, CallVeiligThuis.key()), t(Lang::En, CallVeiligThuis.key()));
    }
}
