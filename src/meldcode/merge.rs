//! Two tabs, one dossier: a three-way merge of what this tab made from `base` (`mine`) with
//! what another tab stored since (`theirs`). Changes to different fields or entries both
//! stay; where both changed the same text differently, this tab's text stays in the field and
//! the other is kept beside it as a [`TextConflict`] for the user to settle. Nothing typed is
//! ever dropped.

use super::dossier::{Dossier, TextConflict};
use serde_json::{Map, Value};

/// What a tab knows of a stored dossier: the version its copy stands on, and the ones before.
/// Tabs read each other's writes late (browsers sync localStorage between processes as they
/// can), so a write can land on one the writer never saw; the write counts each version
/// carries show which versions two copies both stand on, and the change a write hid is merged
/// back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known {
    writer: String,
    pub version: Dossier,
    /// The versions this tab read or wrote before `version`, oldest first: the candidates
    /// for the newest version two copies both stand on.
    earlier: Vec<Dossier>,
}

/// A version remembers the write counts of this many tabs, the latest first.
const MAX_WRITERS: usize = 16;
/// How many earlier versions a tab keeps to merge against.
const MAX_EARLIER: usize = 16;

/// Whether `seer` has seen every write that `seen` has (by the write counts).
fn has_seen(seer: &Dossier, seen: &Dossier) -> bool {
    if seen.writes.is_empty() {
        // Written before write counts existed: its revision is all there is.
        return seen.revision <= seer.revision;
    }
    seen.writes.iter().all(|(writer, count)| writes_of(seer, writer) >= *count)
}

fn writes_of(dossier: &Dossier, writer: &str) -> u64 {
    dossier.writes.iter().find(|(w, _)| w == writer).map_or(0, |(_, n)| *n)
}

impl Known {
    /// `writer`: this tab's id; `version`: as read from storage.
    pub fn new(writer: &str, version: Dossier) -> Known {
        Known { writer: writer.to_string(), version, earlier: Vec::new() }
    }

    /// The same tab, now knowing `version` as read from storage.
    pub fn read(&self, version: Dossier) -> Known {
        self.then(version)
    }

    fn then(&self, version: Dossier) -> Known {
        let mut earlier = self.earlier.clone();
        earlier.push(self.version.clone());
        if earlier.len() > MAX_EARLIER {
            earlier.remove(0);
        }
        Known { writer: self.writer.clone(), version, earlier }
    }

    /// The version to merge `stored` against: the newest one this tab knew that `stored`
    /// stands on too. `None` when `stored` is old news (this tab has seen every write in it).
    fn base_for(&self, stored: &Dossier) -> Option<&Dossier> {
        if stored == &self.version || has_seen(&self.version, stored) {
            return None;
        }
        let known = self.earlier.iter().chain([&self.version]);
        known.clone().filter(|v| has_seen(stored, v)).last().or(self.earlier.first()).or(Some(&self.version))
    }

    /// `working` (this tab's copy) with what another tab stored since in `stored`; `None`
    /// when nothing changed elsewhere.
    pub fn merged(&self, working: &Dossier, stored: &Dossier) -> Option<Dossier> {
        self.merged_keeping(working, stored, Keep::Theirs)
    }

    fn merged_keeping(&self, working: &Dossier, stored: &Dossier, keep: Keep) -> Option<Dossier> {
        self.base_for(stored).map(|base| merge_keeping(base, working, stored, keep))
    }

    /// What to write for `mine` while `stored` is in storage, and what the tab knows once it
    /// is written.
    pub fn write(&self, mine: &Dossier, stored: Option<&Dossier>) -> (Dossier, Known) {
        let mut next = stored.and_then(|stored| self.merged_keeping(mine, stored, Keep::Mine)).unwrap_or_else(|| mine.clone());
        next.revision = stored.map_or(0, |s| s.revision).max(self.version.revision).max(mine.revision) + 1;
        // Write counts: the higher of what both sides know, this tab's one more, first.
        let mut writes: Vec<(String, u64)> = Vec::new();
        for (writer, count) in stored.into_iter().flat_map(|s| &s.writes).chain(&self.version.writes) {
            match writes.iter_mut().find(|(w, _)| w == writer) {
                Some(known) => known.1 = known.1.max(*count),
                None => writes.push((writer.clone(), *count)),
            }
        }
        let mine_count = writes_of(&self.version, &self.writer).max(stored.map_or(0, |s| writes_of(s, &self.writer))) + 1;
        writes.retain(|(w, _)| *w != self.writer);
        writes.insert(0, (self.writer.clone(), mine_count));
        writes.truncate(MAX_WRITERS);
        next.writes = writes;
        let known = match stored {
            Some(stored) if stored != &self.version => self.then(stored.clone()).then(next.clone()),
            _ => self.then(next.clone()),
        };
        (next, known)
    }
}

/// Which text stays in a field both sides changed; the other is kept beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// This tab's: the user is typing in it.
    Mine,
    /// The stored one: taking another tab's write, so two open tabs agree instead of handing
    /// the field back and forth.
    Theirs,
}

/// The merged dossier, with the revision of `theirs` (the store counts on from there).
pub fn merge(base: &Dossier, mine: &Dossier, theirs: &Dossier) -> Dossier {
    merge_keeping(base, mine, theirs, Keep::Mine)
}

pub fn merge_keeping(base: &Dossier, mine: &Dossier, theirs: &Dossier, keep: Keep) -> Dossier {
    let as_value = |d: &Dossier| serde_json::to_value(d).unwrap_or(Value::Null);
    let (base_value, mine_value, theirs_value) = (as_value(base), as_value(mine), as_value(theirs));
    let mut conflicts = Vec::new();
    let merged = merge_value(&base_value, &mine_value, &theirs_value, "", keep, &mut conflicts);
    let Ok(mut merged) = serde_json::from_value::<Dossier>(merged) else {
        // Cannot happen for two dossiers of one version (a test holds it to that); keep mine
        // rather than lose it.
        debug_assert!(false, "a merged dossier does not read back");
        return mine.clone();
    };
    merged.revision = theirs.revision;
    merged.updated = mine.updated.max(theirs.updated);
    // The conflicts either side has that the other did not settle, then the new ones; one
    // entry per text.
    let settled_by = |side: &Dossier, c: &TextConflict| base.conflicts.contains(c) && !side.conflicts.contains(c);
    let mut all: Vec<TextConflict> = Vec::new();
    let kept = theirs.conflicts.iter().filter(|c| !settled_by(mine, c)).chain(mine.conflicts.iter().filter(|c| !settled_by(theirs, c)));
    for conflict in kept.cloned().chain(conflicts) {
        add_conflict(&mut all, conflict);
    }
    // A conflict whose other text the field now holds whole is settled: nothing of it is lost.
    all.retain(|c| field_text(&merged, &c.field).is_some_and(|text| !text.contains(&c.other)));
    merged.conflicts = all;
    merged
}

/// Adds `conflict` unless it is known; a text that grew since (the other tab kept typing)
/// replaces its earlier form.
fn add_conflict(all: &mut Vec<TextConflict>, conflict: TextConflict) {
    if conflict.other.is_empty() {
        return;
    }
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

fn merge_value(base: &Value, mine: &Value, theirs: &Value, at: &str, keep: Keep, conflicts: &mut Vec<TextConflict>) -> Value {
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
                if at.is_empty() && ["conflicts", "revision", "updated", "writes"].contains(&key.as_str()) {
                    if let Some(value) = m.get(key) {
                        out.insert(key.clone(), value.clone());
                    }
                    continue;
                }
                let pick = |side: &Map<String, Value>| side.get(key).cloned().unwrap_or(Value::Null);
                let value = merge_value(&pick(b), &pick(m), &pick(t), &format!("{at}/{key}"), keep, conflicts);
                out.insert(key.clone(), value);
            }
            Value::Object(out)
        }
        (base, Value::Array(m), Value::Array(t)) => merge_list(base.as_array().map_or(&[][..], Vec::as_slice), m, t, at, keep, conflicts),
        // One text goes on from the other: the same typing seen at two moments, by tabs that
        // read each other late. The longer one holds every letter. Not the other way round
        // while this tab types: its field would change under the cursor.
        (_, Value::String(m), Value::String(t)) if m.starts_with(t.as_str()) => mine.clone(),
        (_, Value::String(m), Value::String(t)) if keep == Keep::Theirs && t.starts_with(m.as_str()) => theirs.clone(),
        (_, Value::String(m), Value::String(t)) => {
            let (stays, other) = match keep {
                Keep::Mine => (m, t),
                Keep::Theirs => (t, m),
            };
            conflicts.push(TextConflict { field: at.to_string(), other: other.clone() });
            Value::String(stays.clone())
        }
        // A choice both changed: the later change, this tab's, stands.
        _ => mine.clone(),
    }
}

/// Lists of entries (signals, consultations) and of ids (ticked items).
fn merge_list(base: &[Value], mine: &[Value], theirs: &[Value], at: &str, keep: Keep, conflicts: &mut Vec<TextConflict>) -> Value {
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
        out.push(merge_value(&base[i], &mine[i], &theirs[i], &format!("{at}/{i}"), keep, conflicts));
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
        let known = Known::new("tab-a", base.clone());
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
        let (written, known) = Known::new("tab-a", base.clone()).write(&mine, Some(&base));
        let (mut theirs, _) = Known::new("tab-b", base.clone()).write(&base, Some(&base));
        theirs.weighing.nature = "L".into();
        // This tab's next keystroke, or the other tab's write arriving: "H" comes back.
        let mut typed = written.clone();
        typed.weighing.risk = "Ho".into();
        let (next, _) = known.write(&typed, Some(&theirs));
        assert_eq!((next.weighing.risk.as_str(), next.weighing.nature.as_str()), ("Ho", "L"));
        assert!(next.conflicts.is_empty());
        assert_eq!(known.merged(&written, &theirs).unwrap().weighing.risk, "H");
        // When the other tab had read this tab's write, its version stands on it: no question.
        let mut nature = written.clone();
        nature.weighing.nature = "L".into();
        let (seen, _) = Known::new("tab-b", written.clone()).write(&nature, Some(&written));
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
        let mut known = [Known::new("tab-a", history[0].clone()), Known::new("tab-b", history[0].clone())];
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

    /// Two tabs type into one field and into one field each, keystroke by keystroke. As in a
    /// browser, each tab reads its own writes at once and the other's late but in order; each
    /// takes the other's writes only once the user leaves the field. Every fragment must end
    /// up whole in the field or beside it, and each tab's own field must be exactly as typed.
    #[test]
    fn two_tabs_reading_each_other_late_lose_nothing() {
        for seed in 1..300u64 {
            let mut state = seed;
            let mut random = |n: usize| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % n as u64) as usize
            };
            let start = dossier();
            let mut known = [Known::new("a", start.clone()), Known::new("b", start.clone())];
            let mut working = [start.clone(), start.clone()];
            // What each tab's storage holds, and the other tab's writes still on their way.
            let mut cache = [start.clone(), start.clone()];
            let mut on_the_way: [Vec<Dossier>; 2] = [Vec::new(), Vec::new()];
            let fragments: [Vec<String>; 2] = [(1..=6).map(|i| format!("[A-{i}]")).collect(), (1..=6).map(|i| format!("[B-{i}]")).collect()];
            let (mut next, mut letters) = ([0usize; 2], [0usize; 2]);
            let write = |tab: usize, mine: Dossier, known: &mut [Known; 2], cache: &mut [Dossier; 2], on_the_way: &mut [Vec<Dossier>; 2]| {
                let (written, now) = known[tab].write(&mine, Some(&cache[tab]));
                known[tab] = now;
                cache[tab] = written.clone();
                on_the_way[1 - tab].push(written.clone());
                written
            };
            while next[0] < 6 || next[1] < 6 {
                let tab = random(2);
                if next[tab] >= 6 {
                    continue;
                }
                for _ in 0..random(on_the_way[tab].len() + 1) {
                    cache[tab] = on_the_way[tab].remove(0);
                }
                let fragment = &fragments[tab][next[tab]];
                let key = &fragment[letters[tab]..letters[tab] + 1];
                working[tab].weighing.severity.push_str(key);
                if tab == 0 { working[tab].weighing.risk.push_str(key) } else { working[tab].weighing.nature.push_str(key) }
                letters[tab] += 1;
                if letters[tab] == fragment.len() {
                    letters[tab] = 0;
                    next[tab] += 1;
                }
                working[tab] = write(tab, working[tab].clone(), &mut known, &mut cache, &mut on_the_way);
            }
            // Both leave their fields and every write arrives: storage holds the last one
            // written, and each tab takes it and writes back what it lacks, until none does.
            let mut rounds = 0;
            loop {
                rounds += 1;
                assert!(rounds < 20, "seed {seed}: the tabs keep writing back and forth");
                let mut wrote = false;
                for tab in 0..2 {
                    let latest = if on_the_way[tab].is_empty() { cache[tab].clone() } else { on_the_way[tab].last().unwrap().clone() };
                    // The last write of all: the other tab's newest if it came after this one's.
                    let stored = std::mem::take(&mut on_the_way[tab]).into_iter().last().filter(|_| true).unwrap_or(latest);
                    cache[tab] = stored.clone();
                    let Some(merged) = known[tab].merged(&working[tab], &stored) else { continue };
                    let lacking = { let mut m = merged.clone(); m.revision = stored.revision; m.writes = stored.writes.clone(); m != stored };
                    if lacking {
                        working[tab] = write(tab, merged, &mut known, &mut cache, &mut on_the_way);
                        wrote = true;
                    } else {
                        known[tab] = known[tab].read(stored.clone());
                        working[tab] = stored;
                    }
                }
                if !wrote && on_the_way.iter().all(Vec::is_empty) {
                    break;
                }
            }
            let last = &working[0];
            assert_eq!(&working[1].weighing, &last.weighing, "seed {seed}: both tabs show the same");
            assert_eq!(last.weighing.risk, fragments[0].concat(), "seed {seed}: a field of its own");
            assert_eq!(last.weighing.nature, fragments[1].concat(), "seed {seed}: a field of its own");
            let texts: Vec<&str> = std::iter::once(last.weighing.severity.as_str()).chain(last.conflicts.iter().map(|c| c.other.as_str())).collect();
            for fragment in fragments.iter().flatten() {
                assert!(texts.iter().any(|t| t.contains(fragment.as_str())), "seed {seed}: {fragment} lost: {texts:?}");
            }
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
