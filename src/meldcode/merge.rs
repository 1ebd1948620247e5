//! Two tabs, one dossier: a three-way merge of what this tab made from `base` (`mine`) with
//! what another tab stored since (`theirs`). Changes to different fields or entries both
//! stay; where both changed the same text differently, this tab's text stays in the field and
//! the other is kept beside it as a [`TextConflict`] for the user to settle. Nothing typed is
//! ever dropped.

use super::dossier::{Dossier, TextConflict};
use serde_json::{Map, Value};

/// What to store when this tab writes `mine`, made from its copy `base` (none for a new
/// dossier), while `stored` is in storage now: mine as it is when nobody wrote in between,
/// else merged with what was; one revision on from the newest.
pub fn next_write(base: Option<&Dossier>, mine: &Dossier, stored: Option<&Dossier>) -> Dossier {
    let mut next = match (base, stored) {
        (Some(base), Some(stored)) if stored.revision != base.revision => merge(base, mine, stored),
        // Stored without this tab knowing it (a new dossier of the same id cannot happen;
        // an import can): merge from nothing shared.
        (None, Some(stored)) if stored != mine => merge(stored, mine, stored),
        _ => mine.clone(),
    };
    next.revision = stored.map_or(0, |s| s.revision).max(mine.revision) + 1;
    next
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
        let mut mine = base.clone();
        mine.weighing.risk = "Mijn tekst".into();
        // Nobody wrote in between: mine, one revision on.
        let next = next_write(Some(&base), &mine, Some(&base));
        assert_eq!((next.weighing.risk.as_str(), next.revision), ("Mijn tekst", 4));
        // Another tab wrote revision 4 meanwhile: merged, and revision 5.
        let mut theirs = base.clone();
        theirs.weighing.nature = "Hun tekst".into();
        theirs.revision = 4;
        let next = next_write(Some(&base), &mine, Some(&theirs));
        assert_eq!((next.weighing.risk.as_str(), next.weighing.nature.as_str(), next.revision), ("Mijn tekst", "Hun tekst", 5));
        // A new dossier: revision 1.
        let mut new = dossier();
        new.revision = 0;
        assert_eq!(next_write(None, &new, None).revision, 1);
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
        // Each keystroke is a save; each tab merges with what the other stored last.
        let mut stored = dossier();
        let mut known = [stored.clone(), stored.clone()];
        let fragments = [["[A-1]", "[A-2]", "[A-3]"], ["[B-1]", "[B-2]", "[B-3]"]];
        for round in 0..3 {
            for tab in 0..2 {
                let mut mine = known[tab].clone();
                mine.weighing.risk.push_str(fragments[tab][round]);
                let mut merged = if stored.revision != known[tab].revision { merge(&known[tab], &mine, &stored) } else { mine };
                merged.revision = stored.revision + 1;
                stored = merged.clone();
                known[tab] = merged;
            }
        }
        let everything: String = std::iter::once(stored.weighing.risk.clone()).chain(stored.conflicts.iter().map(|c| c.other.clone())).collect();
        for fragment in fragments.iter().flatten() {
            assert!(everything.contains(fragment), "{fragment} lost: {stored:#?}");
        }
        assert!(!stored.weighing.risk.contains("[A") || !stored.weighing.risk.contains("[B"), "never interleaved: {}", stored.weighing.risk);
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
