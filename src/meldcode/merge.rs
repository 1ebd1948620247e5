//! Two tabs, one dossier: a three-way merge of what this tab made from `base` (`mine`) with
//! what another tab stored since (`theirs`). Changes to different fields or entries both
//! stay; where both changed the same text differently, this tab's text stays in the field and
//! the other is kept beside it as a [`TextConflict`] for the user to settle. Nothing typed is
//! ever dropped.

use super::dossier::{Dossier, TextConflict};
use serde_json::{Map, Value};

/// What a tab knows of a stored dossier: the version its copy stands on and, when that is the
/// tab's own write, the version that write stood on. Tabs read each other's writes late
/// (browsers sync localStorage between processes as they can), so a write can land on one the
/// writer never saw; the revision it carries shows it, and the change it hid is merged back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known {
    pub version: Dossier,
    written_from: Option<Dossier>,
}

impl Known {
    /// A version read from storage.
    pub fn read(version: Dossier) -> Known {
        Known { version, written_from: None }
    }

    /// The version to merge `stored` against.
    fn base_for(&self, stored: &Dossier) -> &Dossier {
        match &self.written_from {
            // Another tab wrote over this tab's write without having read it: both counted on
            // from the same revision, and this tab's change is only in its own copy.
            Some(from) if stored != &self.version && stored.revision <= self.version.revision => from,
            _ => &self.version,
        }
    }

    /// `working` (this tab's copy) with what another tab stored since in `stored`; `None`
    /// when nothing changed elsewhere.
    pub fn merged(&self, working: &Dossier, stored: &Dossier) -> Option<Dossier> {
        (stored != &self.version).then(|| merge(self.base_for(stored), working, stored))
    }

    /// What to write for `mine` while `stored` is in storage, and what the tab knows once it
    /// is written. Revisions count on from the newest either side has seen.
    pub fn write(&self, mine: &Dossier, stored: Option<&Dossier>) -> (Dossier, Known) {
        let mut next = stored.and_then(|stored| self.merged(mine, stored)).unwrap_or_else(|| mine.clone());
        next.revision = stored.map_or(0, |s| s.revision).max(self.version.revision).max(mine.revision) + 1;
        let from = stored.cloned().unwrap_or_else(|| self.version.clone());
        (next.clone(), Known { version: next, written_from: Some(from) })
    }
}

/// The merged dossier, with the revision of `theirs` (the store counts on from there).
pub fn merge(base: &Dossier, mine: &Dossier, theirs: &Dossier) -> Dossier {
    let as_value = |d: &Dossier| serde_json::to_value(d).unwrap_or(Value::Null);
    let (base_value, mine_value, theirs_value) = (as_value(base), as_value(mine), as_value(theirs));
    let mut conflicts = Vec::new();
    let merged = merge_value(&base_value, &mine_value, &theirs_value, "", &mut conflicts);
    let Ok(mut merged) = serde_json::from_value::<Dossier>(merged) else {
        // Cannot happen for two dossiers of one version; keep mine rather than lose it.
        return mine.clone();
    };
    merged.revision = theirs.revision;
    merged.updated = mine.updated.max(theirs.updated);
    // The conflicts both sides knew, then the new ones; one entry per text.
    let mut all: Vec<TextConflict> = Vec::new();
    for conflict in theirs.conflicts.iter().chain(&mine.conflicts).cloned().chain(conflicts) {
        add_conflict(&mut all, conflict);
    }
    // A conflict whose other text is now the field's own text is settled.
    all.retain(|c| field_text(&merged, &c.field).is_some_and(|text| text != c.other));
    merged.conflicts = all;
    merged
}

/// Adds `conflict` unless it is known; a text that grew since (the other tab kept typing)
/// replaces its earlier form.
fn add_conflict(all: &mut Vec<TextConflict>, conflict: TextConflict) {
    match all.iter_mut().find(|c| c.field == conflict.field && (conflict.other.starts_with(&c.other) || c.other.starts_with(&conflict.other))) {
        Some(known) if conflict.other.len() > known.other.len() => *known = conflict,
        Some(_) => {}
        None => all.push(conflict),
    }
}

/// The text at `pointer` ("/signals/0/observed") in `dossier`, when it is text.
pub fn field_text(dossier: &Dossier, pointer: &str) -> Option<String> {
    let value = serde_json::to_value(dossier).ok()?;
    value.pointer(pointer)?.as_str().map(str::to_string)
}

/// Sets the text at `pointer`, and forgets the conflicts on it: the user settled them.
pub fn settle(dossier: &Dossier, pointer: &str, text: String) -> Dossier {
    let Ok(mut value) = serde_json::to_value(dossier) else { return dossier.clone() };
    if let Some(slot) = value.pointer_mut(pointer).filter(|slot| slot.is_string()) {
        *slot = Value::String(text);
    }
    let Ok(mut settled) = serde_json::from_value::<Dossier>(value) else { return dossier.clone() };
    settled.conflicts.retain(|c| c.field != pointer);
    settled
}

fn merge_value(base: &Value, mine: &Value, theirs: &Value, at: &str, conflicts: &mut Vec<TextConflict>) -> Value {
    if mine == theirs || theirs == base {
        return mine.clone();
    }
    if mine == base {
        return theirs.clone();
    }
    match (base, mine, theirs) {
        (Value::Object(b), Value::Object(m), Value::Object(t)) => {
            let mut out = Map::new();
            for key in m.keys().chain(t.keys().filter(|k| !m.contains_key(*k))) {
                // The bookkeeping is set by `merge` itself.
                if at.is_empty() && ["conflicts", "revision", "updated"].contains(&key.as_str()) {
                    out.insert(key.clone(), m.get(key).cloned().unwrap_or(Value::Null));
                    continue;
                }
                let pick = |side: &Map<String, Value>| side.get(key).cloned().unwrap_or(Value::Null);
                let value = merge_value(&pick(b), &pick(m), &pick(t), &format!("{at}/{key}"), conflicts);
                out.insert(key.clone(), value);
            }
            Value::Object(out)
        }
        (base, Value::Array(m), Value::Array(t)) => merge_list(base.as_array().map_or(&[][..], Vec::as_slice), m, t, at, conflicts),
        // One text goes on from the other: the same typing, seen at two moments by tabs that
        // read each other late. The longer one keeps every letter.
        (_, Value::String(m), Value::String(t)) if m.starts_with(t.as_str()) => mine.clone(),
        (_, Value::String(m), Value::String(t)) if t.starts_with(m.as_str()) => theirs.clone(),
        (_, Value::String(m), Value::String(t)) => {
            conflicts.push(TextConflict { field: at.to_string(), other: t.clone() });
            Value::String(m.clone())
        }
        // A choice both changed: the later change, this tab's, stands.
        _ => mine.clone(),
    }
}

/// Lists of entries (signals, consultations) and of ids (ticked items).
fn merge_list(base: &[Value], mine: &[Value], theirs: &[Value], at: &str, conflicts: &mut Vec<TextConflict>) -> Value {
    // Ticked ids: a set; what either side added stays, what one side removed goes.
    if [base, mine, theirs].iter().all(|list| list.iter().all(Value::is_string)) {
        let keep = |v: &&Value| {
            let (in_mine, in_theirs, in_base) = (mine.contains(v), theirs.contains(v), base.contains(v));
            (in_mine && in_theirs) || (!in_base && (in_mine || in_theirs))
        };
        let mut out: Vec<Value> = mine.iter().filter(keep).cloned().collect();
        out.extend(theirs.iter().filter(keep).filter(|v| !mine.contains(v)).cloned());
        return Value::Array(out);
    }
    // Entries by position: the ones all three have merge field by field; entries added on
    // either side are all kept, theirs first. An entry one side removed goes unless the other
    // side changed it: then it stays, so no text is lost.
    let common = base.len().min(mine.len()).min(theirs.len());
    let mut out = Vec::new();
    for i in 0..common {
        out.push(merge_value(&base[i], &mine[i], &theirs[i], &format!("{at}/{i}"), conflicts));
    }
    let shortened = |side: &[Value], other: &[Value]| side.len() < base.len() && other.len() >= base.len();
    if shortened(mine, theirs) || shortened(theirs, mine) {
        let (short, long) = if mine.len() < base.len() { (mine, theirs) } else { (theirs, mine) };
        // Removed by one side: only those the other side left as they were go.
        for (i, entry) in long.iter().enumerate().skip(common) {
            let unchanged = base.get(i) == Some(entry);
            if !unchanged || i >= base.len() {
                out.push(entry.clone());
            }
        }
        let added: Vec<Value> = short.iter().skip(common).filter(|e| !out.contains(e)).cloned().collect();
        out.extend(added);
        return Value::Array(out);
    }
    out.extend(theirs.iter().skip(common).cloned());
    out.extend(mine.iter().skip(common).cloned());
    Value::Array(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meldcode::dossier::SignalEntry;
    use crate::meldcode::profile::Profile;
    use chrono::{TimeZone, Utc};

    fn dossier() -> Dossier {
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let mut d = Dossier::new("d-1".into(), "BA-risk-07".into(), &Profile::default(), now);
        d.signals.push(SignalEntry { date: None, observed: "Blauwe plek op de arm.".into(), interpretation: String::new() });
        d.revision = 3;
        d
    }

    #[test]
    fn a_write_from_an_older_copy_never_replaces_a_newer_one() {
        let base = dossier();
        let known = Known::read(base.clone());
        let mut mine = base.clone();
        mine.weighing.risk = "Mijn tekst".into();
        // Nobody wrote in between: mine, one revision on.
        let (next, _) = known.write(&mine, Some(&base));
        assert_eq!((next.weighing.risk.as_str(), next.revision), ("Mijn tekst", 4));
        // Another tab wrote revision 4 meanwhile: merged, and revision 5.
        let mut theirs = base.clone();
        theirs.weighing.nature = "Hun tekst".into();
        theirs.revision = 4;
        let (next, _) = known.write(&mine, Some(&theirs));
        assert_eq!((next.weighing.risk.as_str(), next.weighing.nature.as_str(), next.revision), ("Mijn tekst", "Hun tekst", 5));
    }

    #[test]
    fn a_write_that_landed_on_one_it_never_saw_gives_the_hidden_change_back() {
        // Both tabs stand on revision 3. This tab writes 4; the other, reading late, writes
        // its own 4 over it.
        let base = dossier();
        let mut mine = base.clone();
        mine.weighing.risk = "H".into();
        let (written, known) = Known::read(base.clone()).write(&mine, Some(&base));
        let mut theirs = base.clone();
        theirs.weighing.nature = "L".into();
        theirs.revision = written.revision;
        // This tab's next keystroke, or the other tab's write arriving: "H" comes back.
        let mut typed = written.clone();
        typed.weighing.risk = "Ho".into();
        let (next, _) = known.write(&typed, Some(&theirs));
        assert_eq!((next.weighing.risk.as_str(), next.weighing.nature.as_str()), ("Ho", "L"));
        assert!(next.conflicts.is_empty());
        assert_eq!(known.merged(&written, &theirs).unwrap().weighing.risk, "H");
        // When the other tab had read this tab's write, its version stands on it: no question.
        let mut seen = written.clone();
        seen.weighing.nature = "L".into();
        seen.revision = written.revision + 1;
        let (next, _) = known.write(&typed, Some(&seen));
        assert_eq!((next.weighing.risk.as_str(), next.weighing.nature.as_str()), ("Ho", "L"));
        assert!(next.conflicts.is_empty(), "typing on in one's own text is no conflict");
    }

    #[test]
    fn changes_to_different_fields_both_stay() {
        let base = dossier();
        let mut mine = base.clone();
        mine.weighing.risk = "Hoog risico".into();
        mine.ticked.push("kind-angstig".into());
        let mut theirs = base.clone();
        theirs.weighing.nature = "Lichamelijk".into();
        theirs.ticked.push("ouder-stress".into());
        theirs.revision = 4;
        let merged = merge(&base, &mine, &theirs);
        assert_eq!((merged.weighing.risk.as_str(), merged.weighing.nature.as_str()), ("Hoog risico", "Lichamelijk"));
        assert_eq!(merged.ticked, ["kind-angstig", "ouder-stress"]);
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.revision, 4, "counted on from theirs");
    }

    #[test]
    fn the_same_text_changed_twice_keeps_both_and_asks() {
        let base = dossier();
        let mut mine = base.clone();
        mine.signals[0].observed = "Blauwe plek op de arm, zegt gevallen te zijn.".into();
        let mut theirs = base.clone();
        theirs.signals[0].observed = "Blauwe plek op de arm en de rug.".into();
        theirs.revision = 4;
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.signals[0].observed, mine.signals[0].observed, "this tab's text stays in the field");
        assert_eq!(merged.conflicts, [TextConflict { field: "/signals/0/observed".into(), other: theirs.signals[0].observed.clone() }]);
        // The other tab, merging back, sees the same two texts: nothing is lost on either side.
        let again = merge(&theirs, &theirs, &merged);
        assert_eq!(again.signals[0].observed, mine.signals[0].observed);
        assert_eq!(again.conflicts.len(), 1);
        // Settled: the chosen text, and no question left.
        let settled = settle(&merged, "/signals/0/observed", format!("{}\n{}", mine.signals[0].observed, theirs.signals[0].observed));
        assert!(settled.conflicts.is_empty());
        assert!(settled.signals[0].observed.contains("de rug") && settled.signals[0].observed.contains("gevallen"));
    }

    #[test]
    fn two_tabs_typing_into_one_field_never_interleave_and_keep_every_fragment() {
        // Each keystroke is a write; every other write reads storage one write late, as a tab
        // in another process may.
        let mut history = vec![dossier()];
        let mut known = [Known::read(history[0].clone()), Known::read(history[0].clone())];
        let mut working = [history[0].clone(), history[0].clone()];
        let fragments = [["[A-1]", "[A-2]", "[A-3]", "[A-4]"], ["[B-1]", "[B-2]", "[B-3]", "[B-4]"]];
        for round in 0..4 {
            for tab in 0..2 {
                working[tab].weighing.risk.push_str(fragments[tab][round]);
                let late = (round + tab) % 2 == 1 && history.len() > 1;
                let stored = history[history.len() - if late { 2 } else { 1 }].clone();
                let (written, next) = known[tab].write(&working[tab], Some(&stored));
                history.push(written.clone());
                known[tab] = next;
                working[tab] = written;
            }
        }
        // Each tab reads the last write once more (the storage event), and writes if it had
        // something the store lacked.
        for tab in 0..2 {
            let stored = history.last().unwrap().clone();
            if let Some(merged) = known[tab].merged(&working[tab], &stored) {
                let (written, next) = known[tab].write(&merged, Some(&stored));
                history.push(written);
                known[tab] = next;
            }
        }
        let last = history.last().unwrap();
        let texts: Vec<&str> = std::iter::once(last.weighing.risk.as_str()).chain(last.conflicts.iter().map(|c| c.other.as_str())).collect();
        for fragment in fragments.iter().flatten() {
            assert!(texts.iter().any(|t| t.contains(fragment)), "{fragment} lost: {texts:?}");
        }
        for text in &texts {
            let pieces = text.replace("][", "]|[");
            assert!(pieces.split('|').all(|p| p.len() == 5 && p.starts_with('[')), "a fragment broken up: {text}");
        }
    }

    #[test]
    fn entries_added_in_both_tabs_are_all_kept() {
        let base = dossier();
        let mut mine = base.clone();
        mine.signals.push(SignalEntry { observed: "Komt vaak te laat.".into(), ..Default::default() });
        let mut theirs = base.clone();
        theirs.signals.push(SignalEntry { observed: "Trekt zich terug.".into(), ..Default::default() });
        let merged = merge(&base, &mine, &theirs);
        let observed: Vec<&str> = merged.signals.iter().map(|s| s.observed.as_str()).collect();
        assert_eq!(observed, ["Blauwe plek op de arm.", "Trekt zich terug.", "Komt vaak te laat."]);
    }

    #[test]
    fn an_entry_removed_in_one_tab_and_changed_in_the_other_stays() {
        let base = dossier();
        let mut mine = base.clone();
        mine.signals.clear();
        let mut theirs = base.clone();
        theirs.signals[0].interpretation = "Mogelijk letsel".into();
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.signals.len(), 1, "the changed entry is not lost");
        assert_eq!(merged.signals[0].interpretation, "Mogelijk letsel");
        // Removed and otherwise untouched: gone.
        let untouched = merge(&base, &mine, &base);
        assert!(untouched.signals.is_empty());
    }
}
