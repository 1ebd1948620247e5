//! Search in the sociale kaart, built once and asked on every keystroke. Text is folded (lower
//! case, no accents), split into words, and every query word must be found in a record, in any
//! order: as the word itself, as its start (while typing), inside a compound ("opvang" in
//! "vrouwenopvang", words of four letters or more) or with one typo (five letters or more).
//! Where a word is found ranks the record: its name, then its organisation, then its themes and
//! target groups, then its description.
//!
//! `SearchIndex` keeps an inverted index from each distinct word to the records that hold it,
//! so a query looks at the vocabulary, not at every record; `linear_search` reads every record
//! and gives the same answer, for tests and to measure what the index saves.

use super::fold::{fold, fold_into};
use super::hours::Hours;
use super::model::{ServiceRecord, Status, Taxonomy};
use crate::ground::postcode::postcode4;
use chrono::NaiveDateTime;
use rustc_hash::FxHashMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    /// A theme id.
    pub theme: Option<String>,
    /// A target group id.
    pub target_group: Option<String>,
    /// Within the service's minimum and maximum age.
    pub age: Option<u8>,
    /// Open at this local time.
    pub open_at: Option<NaiveDateTime>,
    /// An ISO 639-1 code.
    pub language: Option<String>,
    pub area: Option<Area>,
    pub free: bool,
    pub without_referral: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Area {
    /// Covered by one of the service's postcode ranges.
    Postcode(u16),
    /// A gemeente or wijk by name ("Voorbeeldstad", "Gemeente Voorbeeldstad", "Noord").
    Named(String),
}

impl Area {
    /// What a user types: a postcode ("3312 AB", "3312") or the name of a place.
    pub fn parse(input: &str) -> Option<Area> {
        let input = input.trim();
        if input.is_empty() {
            return None;
        }
        Some(postcode4(input).map_or_else(|| Area::Named(input.to_string()), Area::Postcode))
    }
}

/// Words too common to require in a finished query ("hulp bij schulden").
/// The words people use and the words of the themes they mean, kept as content
/// (`content/sociale-kaart-zoekwoorden.json`) so an editor can add to them.
#[derive(serde::Deserialize)]
struct SearchWords {
    stop_words: Vec<String>,
    phrases: Vec<Phrase>,
    synonyms: Vec<Synonyms>,
    compound_parts: Vec<String>,
}

#[derive(serde::Deserialize)]
struct Phrase {
    phrase: String,
    means: Vec<String>,
    /// The phrase's words, split once when the content is read (not on every keystroke).
    #[serde(skip)]
    words: Vec<String>,
}

#[derive(serde::Deserialize)]
struct Synonyms {
    words: Vec<String>,
    means: Vec<String>,
}

fn search_words() -> &'static SearchWords {
    static WORDS: std::sync::OnceLock<SearchWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: SearchWords = serde_json::from_str(include_str!("../../content/sociale-kaart-zoekwoorden.json"))
            .expect("content/sociale-kaart-zoekwoorden.json is checked by cargo test");
        for phrase in &mut words.phrases {
            phrase.words = phrase.phrase.split(' ').map(str::to_string).collect();
        }
        words
    })
}

struct Word {
    text: String,
    letters: usize,
}

impl Word {
    fn new(text: &str) -> Word {
        Word { text: text.to_string(), letters: text.chars().count() }
    }
}

/// One thing the user asked for, in the ways it can be found: each alternative is a set of
/// words that must all match. The first is what was typed; the others are what it means (a
/// synonym, or the parts of a compound: "opvoedsteun" is also "opvoed" and "steun").
type Group = Vec<Vec<Word>>;

fn query_words(query: &str) -> Vec<Group> {
    let words_list = search_words();
    let folded = fold(query);
    let words: Vec<&str> = folded.split_whitespace().collect();
    // The word being typed may become "bijstand"; only finished words are dropped.
    let typing = !query.ends_with(char::is_whitespace);
    let last = words.len().saturating_sub(1);
    let mut groups = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // A phrase people say ("blijf van mijn lijf") stands for its meaning as a whole.
        let phrase = words_list.phrases.iter().find(|p| {
            p.words.len() <= words.len() - i && p.words.iter().zip(&words[i..]).all(|(a, b)| a == b)
        });
        if let Some(phrase) = phrase {
            groups.push(vec![phrase.means.iter().map(|w| Word::new(w)).collect()]);
            i += phrase.words.len();
            continue;
        }
        let word = words[i];
        i += 1;
        if words_list.stop_words.iter().any(|s| s == word) && !(typing && i - 1 == last) {
            continue;
        }
        let mut group = vec![vec![Word::new(word)]];
        for synonyms in words_list.synonyms.iter().filter(|s| s.words.iter().any(|w| w == word)) {
            group.push(synonyms.means.iter().map(|w| Word::new(w)).collect());
        }
        let compound = words_list.compound_parts.iter().find(|part| {
            word.len() >= part.len() + 4 && word.ends_with(part.as_str())
        });
        if let Some(part) = compound {
            group.push(vec![Word::new(&word[..word.len() - part.len()]), Word::new(part)]);
        }
        groups.push(group);
    }
    groups
}

/// Found through what a word means rather than the word itself: ranked after it.
const MEANT: u16 = 1;

/// Where in a record a word was found; lower ranks first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Name = 0,
    Organization = 1,
    Terms = 2,
    Description = 3,
}

/// The record's searchable text by field, the name first, into a list the caller reuses.
fn texts<'a>(record: &'a ServiceRecord, taxonomy: &'a Taxonomy, texts: &mut Vec<(Field, &'a str)>) {
    texts.clear();
    texts.push((Field::Name, record.name.as_str()));
    if let Some(organization) = &record.organization {
        texts.push((Field::Organization, &organization.name));
    }
    let themes = record.themes.iter().filter_map(|id| taxonomy.theme(id));
    let groups = record.target_groups.iter().filter_map(|id| taxonomy.target_group(id));
    for term in themes.chain(groups) {
        texts.push((Field::Terms, &term.label.nl));
        texts.extend(term.label.en.as_deref().map(|en| (Field::Terms, en)));
    }
    texts.extend(record.description.as_deref().map(|d| (Field::Description, d)));
}

/// How well a query word fits a word of a record, combined with where that word is: lower is
/// better, `u8::MAX` not at all.
fn score(field: Field, fit: u8) -> u8 {
    field as u8 * 4 + fit
}

/// 0 the same word, 1 its start, 2 inside it, 3 one typo away.
fn fit(word: &Word, token: &str) -> Option<u8> {
    if token.starts_with(&word.text) {
        Some(if token.len() == word.text.len() { 0 } else { 1 })
    } else if word.letters >= 4 && token.contains(&word.text) {
        Some(2)
    } else if word.letters >= 5 && within_one_edit(&word.text, token) {
        Some(3)
    } else {
        None
    }
}

/// One insertion, deletion, substitution or swap of neighbours.
fn within_one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        one_edit(a.as_bytes(), b.as_bytes())
    } else {
        one_edit(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>())
    }
}

fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[same..], &b[same..]);
    if a.len() == b.len() {
        a.is_empty()
            || a[1..] == b[1..]
            || (a.len() >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..])
    } else if a.len() > b.len() {
        a[1..] == *b
    } else {
        b[1..] == *a
    }
}

/// "Gemeente Voorbeeldstad" and "voorbeeldstad" name the same place.
fn area_key(name: &str) -> String {
    let folded = fold(name);
    let words: Vec<&str> = folded.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"gemeente", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// The filter's gemeente or wijk as an [`area_key`], once per search.
fn named_area_key(filters: &Filters) -> Option<String> {
    match &filters.area {
        Some(Area::Named(name)) => Some(area_key(name)),
        _ => None,
    }
}

/// The filters both searches check straight on the record; open hours and the named area
/// are passed in, since the index keeps them ready.
fn passes(
    record: &ServiceRecord,
    filters: &Filters,
    hours: impl FnOnce() -> bool,
    in_named_area: impl FnOnce() -> bool,
) -> bool {
    let has = |ids: &[String], id: &Option<String>| id.as_ref().is_none_or(|id| ids.contains(id));
    record.visibility().is_ok()
        && has(&record.themes, &filters.theme)
        && has(&record.target_groups, &filters.target_group)
        && filters.age.is_none_or(|age| record.serves_age(age))
        && filters.language.as_deref().is_none_or(|language| record.speaks(language))
        // Only what the source says: an unknown cost is not "free", an unknown referral
        // is not "without referral".
        && (!filters.free || record.cost.free == Some(true))
        && (!filters.without_referral || record.referral == Some(false))
        && match &filters.area {
            Some(Area::Postcode(postcode)) => record.coverage_of(*postcode).is_some(),
            Some(Area::Named(_)) => in_named_area(),
            None => true,
        }
        && (filters.open_at.is_none() || (record.status == Status::Active && hours()))
}

/// Built once from the records; ask it with the same records.
pub struct SearchIndex {
    /// Every distinct folded word, sorted, so words starting alike sit together.
    vocabulary: Vec<Box<str>>,
    /// `postings[starts[w]..starts[w + 1]]` are the records holding word `w`, each as
    /// `record << 2 | field`, with the best field per record.
    starts: Vec<u32>,
    postings: Vec<u32>,
    /// Words by each three-byte piece they contain: a word inside another shares all its pieces.
    trigrams: FxHashMap<[u8; 3], Vec<u32>>,
    /// Words by their number of letters: one typo changes it by one at most.
    by_letters: Vec<Vec<u32>>,
    hours: Vec<Hours>,
    areas: AreaIndex,
    /// Each record's place in alphabetical order (the tie-break), and the other way round.
    name_order: Vec<u32>,
    alphabetical: Vec<u32>,
}

/// Builds a [`SearchIndex`] a slice of records at a time, so the browser can answer its user
/// in between (the quick exit never waits for a large region). One pass over the records,
/// without a list per word or per record: every (word, posting) pair goes into one list,
/// sorted into place by word at the end.
pub struct IndexBuilder<'r> {
    records: &'r [ServiceRecord],
    taxonomy: &'r Taxonomy,
    next: usize,
    word_ids: FxHashMap<Box<str>, u32>,
    pairs: Vec<(u32, u32)>,
    /// Folded names side by side in one string, for the alphabetical order.
    names: String,
    name_ends: Vec<usize>,
    /// The words of texts many records share (organisations, themes), found once.
    shared: FxHashMap<&'r str, Vec<u32>>,
    // Reused per record.
    in_record: Vec<(u32, Field)>,
    fields: Vec<(Field, &'r str)>,
    folded: String,
    own: Vec<u32>,
}

/// Appends the ids of the words of `text` (folded into `folded`), giving new words the next id.
fn words_of(word_ids: &mut FxHashMap<Box<str>, u32>, text: &str, folded: &mut String, ids: &mut Vec<u32>) {
    fold_into(folded, text);
    // Folded text splits words with ASCII spaces only.
    for word in folded.split_ascii_whitespace() {
        let id = match word_ids.get(word) {
            Some(&id) => id,
            None => {
                let id = word_ids.len() as u32;
                word_ids.insert(word.into(), id);
                id
            }
        };
        ids.push(id);
    }
}

impl<'r> IndexBuilder<'r> {
    pub fn new(records: &'r [ServiceRecord], taxonomy: &'r Taxonomy) -> Self {
        IndexBuilder {
            records,
            taxonomy,
            next: 0,
            word_ids: FxHashMap::default(),
            pairs: Vec::new(),
            names: String::new(),
            name_ends: Vec::with_capacity(records.len()),
            shared: FxHashMap::default(),
            in_record: Vec::new(),
            fields: Vec::new(),
            folded: String::new(),
            own: Vec::new(),
        }
    }

    /// Indexes up to `count` more records; `true` once every record is in.
    pub fn add(&mut self, count: usize) -> bool {
        let end = self.records.len().min(self.next.saturating_add(count));
        let IndexBuilder { records, taxonomy, word_ids, pairs, names, name_ends, shared, in_record, fields, folded, own, .. } = self;
        for r in self.next..end {
            let record = &records[r];
            in_record.clear();
            texts(record, taxonomy, fields);
            for &(field, text) in fields.iter() {
                let ids = match field {
                    Field::Organization | Field::Terms => shared.entry(text).or_insert_with(|| {
                        let mut ids = Vec::new();
                        words_of(word_ids, text, folded, &mut ids);
                        ids
                    }),
                    Field::Name | Field::Description => {
                        own.clear();
                        words_of(word_ids, text, folded, own);
                        if field == Field::Name {
                            names.push_str(folded);
                            name_ends.push(names.len());
                        }
                        &*own
                    }
                };
                in_record.extend(ids.iter().map(|&id| (id, field)));
            }
            // Sorted by word, then field: the first of each word is its best field.
            in_record.sort_unstable();
            in_record.dedup_by_key(|(id, _)| *id);
            pairs.extend(in_record.iter().map(|&(id, field)| (id, (r as u32) << 2 | field as u32)));
        }
        self.next = end;
        end == self.records.len()
    }

    /// The index, once [`IndexBuilder::add`] has taken every record.
    pub fn finish(self) -> SearchIndex {
        let IndexBuilder { records, word_ids, pairs, names, name_ends, .. } = self;
        let mut words: Vec<(Box<str>, u32)> = word_ids.into_iter().collect();
        words.sort_unstable();
        let (starts, postings) = postings_by_word(&words, pairs);

        let mut vocabulary = Vec::with_capacity(words.len());
        let mut trigrams: FxHashMap<[u8; 3], Vec<u32>> = FxHashMap::default();
        let mut by_letters: Vec<Vec<u32>> = Vec::new();
        for (w, (word, _)) in words.into_iter().enumerate() {
            for piece in word.as_bytes().windows(3) {
                let list = trigrams.entry([piece[0], piece[1], piece[2]]).or_default();
                if list.last() != Some(&(w as u32)) {
                    list.push(w as u32);
                }
            }
            let letters = word.chars().count();
            if by_letters.len() <= letters {
                by_letters.resize(letters + 1, Vec::new());
            }
            by_letters[letters].push(w as u32);
            vocabulary.push(word);
        }

        let name = |r: usize| &names[r.checked_sub(1).map_or(0, |p| name_ends[p])..name_ends[r]];
        let mut alphabetical: Vec<u32> = (0..records.len() as u32).collect();
        alphabetical.sort_unstable_by(|&a, &b| name(a as usize).cmp(name(b as usize)).then(a.cmp(&b)));
        let mut name_order = vec![0; records.len()];
        for (place, &r) in alphabetical.iter().enumerate() {
            name_order[r as usize] = place as u32;
        }
        SearchIndex {
            vocabulary,
            starts,
            postings,
            trigrams,
            by_letters,
            hours: records.iter().map(ServiceRecord::hours).collect(),
            areas: AreaIndex::new(records),
            name_order,
            alphabetical,
        }
    }
}

impl SearchIndex {
    pub fn new(records: &[ServiceRecord], taxonomy: &Taxonomy) -> SearchIndex {
        let mut builder = IndexBuilder::new(records, taxonomy);
        builder.add(usize::MAX);
        builder.finish()
    }

    /// Indexes into `records`, best first; all listed records that pass the filters when the
    /// query has no words.
    pub fn search(&self, records: &[ServiceRecord], query: &str, filters: &Filters) -> Vec<usize> {
        // Per record: the sum of each word's best score, u16::MAX once a word is missing.
        let mut total = vec![0u16; records.len()];
        let mut best = vec![u8::MAX; records.len()];
        let mut group_best = vec![u16::MAX; records.len()];
        let mut alternative_total = vec![0u16; records.len()];
        for group in query_words(query) {
            group_best.fill(u16::MAX);
            for (a, alternative) in group.iter().enumerate() {
                alternative_total.fill(if a == 0 { 0 } else { MEANT });
                for word in alternative {
                    best.fill(u8::MAX);
                    self.each_match(word, |w, fit| {
                        let range = self.starts[w] as usize..self.starts[w + 1] as usize;
                        for &posting in &self.postings[range] {
                            let (r, field) = ((posting >> 2) as usize, FIELDS[(posting & 3) as usize]);
                            best[r] = best[r].min(score(field, fit));
                        }
                    });
                    for (sum, &best) in alternative_total.iter_mut().zip(&best) {
                        *sum = if best == u8::MAX { u16::MAX } else { sum.saturating_add(best as u16) };
                    }
                }
                for (group, &sum) in group_best.iter_mut().zip(&alternative_total) {
                    *group = (*group).min(sum);
                }
            }
            for (total, &best) in total.iter_mut().zip(&group_best) {
                *total = if best == u16::MAX || *total == u16::MAX { u16::MAX } else { total.saturating_add(best) };
            }
        }
        let named_area = named_area_key(filters).and_then(|key| self.areas.id(&key));
        // Sorted as one number each: score, then place in the alphabet.
        let mut hits: Vec<u64> = (0..records.len())
            .filter(|&r| total[r] != u16::MAX)
            .filter(|&r| {
                let open = || filters.open_at.is_some_and(|at| self.hours[r].is_open_at(at));
                let in_area = || named_area.is_some_and(|id| self.areas.of(r).contains(&id));
                passes(&records[r], filters, open, in_area)
            })
            .map(|r| (total[r] as u64) << 32 | self.name_order[r] as u64)
            .collect();
        hits.sort_unstable();
        hits.into_iter().map(|key| self.alphabetical[key as u32 as usize] as usize).collect()
    }

    /// Calls `found(word index, fit)` for each vocabulary word that fits, perhaps more than
    /// once with different fits; the best one counts. Looks only where a fit can be: the
    /// sorted run of words starting with it, the words sharing its rarest three-byte piece,
    /// and the words one letter shorter or longer.
    fn each_match(&self, word: &Word, mut found: impl FnMut(usize, u8)) {
        let mut check = |w: usize| {
            if let Some(fit) = fit(word, &self.vocabulary[w]) {
                found(w, fit);
            }
        };
        let start = self.vocabulary.partition_point(|w| **w < *word.text);
        let starting = self.vocabulary[start..].iter().take_while(|w| w.starts_with(&word.text));
        (start..start + starting.count()).for_each(&mut check);
        if word.letters >= 4 {
            let pieces = word
                .text
                .as_bytes()
                .windows(3)
                .map(|p| self.trigrams.get(p).map_or(&[][..], |l| l));
            let rarest = pieces.min_by_key(|list| list.len()).unwrap_or_default();
            rarest.iter().for_each(|&w| check(w as usize));
        }
        if word.letters >= 5 {
            let near = self.by_letters.iter().skip(word.letters - 1).take(3);
            near.flatten().for_each(|&w| check(w as usize));
        }
    }
}

/// Where each word's postings start (`starts[w]..starts[w + 1]`, in vocabulary order) and
/// the postings themselves, from (word id, posting) pairs in record order: a counting sort.
fn postings_by_word(words: &[(Box<str>, u32)], pairs: Vec<(u32, u32)>) -> (Vec<u32>, Vec<u32>) {
    let mut place = vec![0u32; words.len()];
    for &(id, _) in &pairs {
        place[id as usize] += 1;
    }
    let mut starts = Vec::with_capacity(words.len() + 1);
    let mut next = 0;
    for (_, id) in words {
        starts.push(next);
        (place[*id as usize], next) = (next, next + place[*id as usize]);
    }
    starts.push(next);
    let mut postings = vec![0u32; pairs.len()];
    for (id, posting) in pairs {
        postings[place[id as usize] as usize] = posting;
        place[id as usize] += 1;
    }
    (starts, postings)
}

/// Each record's area names as ids of [`area_key`]s: most records share a few names, and
/// each is keyed once.
struct AreaIndex {
    ids: FxHashMap<String, u32>,
    /// Record `r`'s areas are `list[starts[r]..starts[r + 1]]`.
    starts: Vec<u32>,
    list: Vec<u32>,
}

impl AreaIndex {
    fn new(records: &[ServiceRecord]) -> AreaIndex {
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut by_name: FxHashMap<&str, u32> = FxHashMap::default();
        let mut starts = Vec::with_capacity(records.len() + 1);
        let mut list = Vec::new();
        for record in records {
            starts.push(list.len() as u32);
            for name in record.area_names() {
                let id = *by_name.entry(name).or_insert_with(|| {
                    let next = ids.len() as u32;
                    *ids.entry(area_key(name)).or_insert(next)
                });
                list.push(id);
            }
        }
        starts.push(list.len() as u32);
        AreaIndex { ids, starts, list }
    }

    fn id(&self, key: &str) -> Option<u32> {
        self.ids.get(key).copied()
    }

    fn of(&self, record: usize) -> &[u32] {
        &self.list[self.starts[record] as usize..self.starts[record + 1] as usize]
    }
}

const FIELDS: [Field; 4] = [Field::Name, Field::Organization, Field::Terms, Field::Description];

/// The same search without an index: every record read and folded for every query.
pub fn linear_search(
    records: &[ServiceRecord],
    taxonomy: &Taxonomy,
    query: &str,
    filters: &Filters,
) -> Vec<usize> {
    let words = query_words(query);
    let named_area = named_area_key(filters);
    let mut hits: Vec<(u16, String, usize)> = Vec::new();
    for (r, record) in records.iter().enumerate() {
        let open = || filters.open_at.is_some_and(|at| record.hours().is_open_at(at));
        let in_area = || {
            named_area.as_deref().is_some_and(|key| record.area_names().any(|n| area_key(n) == key))
        };
        if !passes(record, filters, open, in_area) {
            continue;
        }
        let mut fields = Vec::new();
        texts(record, taxonomy, &mut fields);
        let folded: Vec<(Field, String)> =
            fields.into_iter().map(|(field, text)| (field, fold(text))).collect();
        let mut total = 0u16;
        let best_of = |word: &Word| {
            folded
                .iter()
                .flat_map(|(field, text)| {
                    text.split_whitespace()
                        .filter_map(|token| fit(word, token).map(|f| score(*field, f) as u16))
                })
                .min()
        };
        let all_found = words.iter().all(|group| {
            let best = group
                .iter()
                .enumerate()
                .filter_map(|(a, alternative)| {
                    let start = if a == 0 { 0 } else { MEANT };
                    alternative.iter().try_fold(start, |sum, word| best_of(word).map(|b| sum + b))
                })
                .min();
            best.inspect(|&best| total += best).is_some()
        });
        if all_found {
            hits.push((total, fold(&record.name), r));
        }
    }
    hits.sort_unstable();
    hits.into_iter().map(|(_, _, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sociale_kaart::hours::parse_compact;
    use crate::sociale_kaart::model::{Cost, Organization, ServiceArea};
    use crate::ground::postcode::PostcodeRange;
    use crate::sociale_kaart::hours::{Schedule, ALL_DAYS};
    use chrono::NaiveDate;

    fn record(id: &str, name: &str) -> ServiceRecord {
        ServiceRecord::new(id, name)
    }

    fn ids(records: &[ServiceRecord], hits: &[usize]) -> Vec<String> {
        hits.iter().map(|&i| records[i].id.clone()).collect()
    }

    /// Both searches, checked to agree, as ids.
    fn find(records: &[ServiceRecord], query: &str, filters: &Filters) -> Vec<String> {
        let taxonomy = Taxonomy::default();
        let index = SearchIndex::new(records, &taxonomy);
        let indexed = index.search(records, query, filters);
        assert_eq!(
            indexed,
            linear_search(records, &taxonomy, query, filters),
            "{query:?} {filters:?}"
        );
        ids(records, &indexed)
    }

    fn all(query: &str, records: &[ServiceRecord]) -> Vec<String> {
        find(records, query, &Filters::default())
    }

    #[test]
    fn folding_ignores_case_accents_and_punctuation() {
        assert_eq!(fold("Coöperatie ÉÉN-loket, café’s"), "cooperatie een loket  cafe s");
        assert_eq!(fold("Straße İstanbul"), "straße istanbul");
        assert_eq!(fold("مرحبا"), "مرحبا");
    }

    #[test]
    fn name_matches_rank_before_organisation_themes_and_description() {
        let mut by_org = record("org", "Stichting Zilver");
        by_org.organization = Some(Organization {
            id: None,
            name: "Schuldenlab".into(),
            description: None,
            website: None,
            email: None,
            phones: Vec::new(),
        });
        let mut by_theme = record("theme", "Geldloket");
        by_theme.themes = vec!["schulden".into()];
        let mut by_description = record("description", "Buurthuis De Kade");
        by_description.description = Some("Ook voor vragen over schulden.".into());
        let records = vec![by_description, by_theme, by_org, record("name", "Hulp bij schulden")];
        assert_eq!(all("schulden", &records), ["name", "org", "theme", "description"]);
    }

    #[test]
    fn typos_accents_word_order_and_typing_are_forgiven() {
        let mut shelter = record("opvang", "Vrouwenopvang De Vuurtoren");
        shelter.description = Some("Een veilige plek, dag en nacht.".into());
        let records = vec![
            shelter,
            record("coop", "Coöperatie Thuiszorg Één"),
            record("team", "Buurtteam Noord"),
            record("cjg", "CJG Voorbeeldstad"),
        ];
        let only = |id: &str| vec![id.to_string()];
        assert_eq!(all("vuurtoren vrouwenopvang", &records), only("opvang"), "word order");
        assert_eq!(all("VROUWENOPVANG", &records), only("opvang"), "case");
        assert_eq!(all("cooperatie een", &records), only("coop"), "accents");
        assert_eq!(all("coöperatie", &records), only("coop"), "accents in the query");
        assert_eq!(all("vrouwenop", &records), only("opvang"), "typing");
        assert_eq!(all("opvang", &records), only("opvang"), "inside a compound");
        assert_eq!(all("vrouwenopvnag", &records), only("opvang"), "swapped letters");
        assert_eq!(all("buurtteem", &records), only("team"), "one wrong letter");
        assert_eq!(all("burtteam", &records), only("team"), "one letter missing");
        assert_eq!(all("buurtteam noord ", &records), only("team"));
        assert!(all("cjh", &records).is_empty(), "short words need to be exact or a start");
        assert!(all("buurtteam zuid", &records).is_empty(), "every word must be found");
        assert_eq!(
            all("plek bij veilige ", &records),
            only("opvang"),
            "finished stopwords are dropped"
        );
        assert_eq!(all("", &records).len(), 4, "no words: everything, alphabetically");
        assert_eq!(all("", &records)[0], "team");
    }

    /// Sorted, so only which records pass counts.
    fn filtered(records: &[ServiceRecord], filters: Filters) -> Vec<String> {
        let mut ids = find(records, "", &filters);
        ids.sort();
        ids
    }

    #[test]
    fn every_filter() {
        let mut youth = record("youth", "Jongerenpunt");
        youth.themes = vec!["jeugd".into()];
        youth.target_groups = vec!["jongeren".into()];
        youth.minimum_age = Some(12);
        youth.maximum_age = Some(23);
        youth.languages = vec!["nl".into(), "en".into()];
        youth.cost = Cost { free: Some(true), description: None, options: Vec::new() };
        youth.referral = Some(false);
        youth.schedules = parse_compact("ma-vr 09:00-17:00").unwrap();
        youth.areas = vec![ServiceArea {
            name: Some("Noord".into()),
            postcodes: vec![PostcodeRange::parse("3311-3313").unwrap()],
        }];
        let mut shelter = record("shelter", "Vrouwenopvang");
        shelter.themes = vec!["vrouwenopvang".into()];
        shelter.target_groups = vec!["slachtoffers".into()];
        shelter.minimum_age = Some(18);
        shelter.referral = Some(true);
        shelter.schedules = vec![Schedule::day_and_night()];
        shelter.areas = vec![ServiceArea {
            name: Some("Gemeente Voorbeeldstad".into()),
            postcodes: vec![PostcodeRange::parse("3311-3319").unwrap()],
        }];
        let mut closed = record("closed", "Tijdelijk dicht");
        closed.status = Status::TemporarilyClosed;
        closed.schedules = vec![Schedule::day_and_night()];
        let mut gone = record("gone", "Opgeheven");
        gone.status = Status::Defunct;
        let records = vec![youth, shelter, closed, gone];

        let f = Filters::default;
        assert_eq!(filtered(&records, f()), ["closed", "shelter", "youth"], "never defunct");
        assert_eq!(filtered(&records, Filters { theme: Some("jeugd".into()), ..f() }), ["youth"]);
        assert_eq!(
            filtered(&records, Filters { target_group: Some("slachtoffers".into()), ..f() }),
            ["shelter"]
        );
        assert_eq!(filtered(&records, Filters { age: Some(15), ..f() }), ["closed", "youth"]);
        assert_eq!(filtered(&records, Filters { age: Some(30), ..f() }), ["closed", "shelter"]);
        assert_eq!(filtered(&records, Filters { language: Some("en".into()), ..f() }), ["youth"]);
        assert_eq!(
            filtered(&records, Filters { language: Some("nl".into()), ..f() }),
            ["closed", "shelter", "youth"]
        );
        assert_eq!(filtered(&records, Filters { free: true, ..f() }), ["youth"]);
        // Only what the data says: "closed" says nothing about a referral.
        assert_eq!(filtered(&records, Filters { without_referral: true, ..f() }), ["youth"]);

        let saturday = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap().and_hms_opt(12, 0, 0);
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(12, 0, 0);
        assert_eq!(filtered(&records, Filters { open_at: saturday, ..f() }), ["shelter"]);
        assert_eq!(filtered(&records, Filters { open_at: monday, ..f() }), ["shelter", "youth"]);

        let area = |text: &str| Filters { area: Area::parse(text), ..f() };
        assert_eq!(filtered(&records, area("3312 AB")), ["shelter", "youth"]);
        assert_eq!(filtered(&records, area("3318")), ["shelter"]);
        assert_eq!(filtered(&records, area("noord")), ["youth"]);
        assert_eq!(filtered(&records, area("Voorbeeldstad")), ["shelter"]);
        assert_eq!(filtered(&records, area("gemeente voorbeeldstad")), ["shelter"]);
        assert!(filtered(&records, area("Zuid")).is_empty());
        assert_eq!(Area::parse("  "), None);
    }

    /// A deterministic made-up directory: names, organisations and descriptions drawn from
    /// word lists, with themes, ages, languages, areas and hours spread over the records.
    pub(crate) fn generated(count: usize) -> Vec<ServiceRecord> {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let kinds = [
            "Buurtteam",
            "Jongerenwerk",
            "Schuldhulp",
            "Huisartsenpraktijk",
            "Opvoedpunt",
            "Vrouwenopvang",
            "Coöperatie",
            "Ouderenadvies",
            "Taalcafé",
            "Inloophuis",
            "Maatjesproject",
            "Slachtofferloket",
            "Woonwijzer",
            "Mantelzorgsteunpunt",
            "Praatgroep",
        ];
        let places = [
            "Noord",
            "Centrum",
            "Zuid",
            "Havenkwartier",
            "De Kade",
            "Lindehof",
            "Bloemenbuurt",
            "Schepenwijk",
            "Oosterpark",
            "Molenveld",
            "Weverij",
            "Sluiskwartier",
            "Éénhoorn",
        ];
        let orgs = [
            "Stichting Samen Sterk",
            "Welzijn Voorbeeldstad",
            "GGZ Rivierland",
            "Gemeente Voorbeeldstad",
            "Zorggroep De Linde",
            "Vereniging Thuis",
            "Humanitas Regio",
        ];
        let words = [
            "hulp",
            "bij",
            "opvoeden",
            "schulden",
            "geldzorgen",
            "wonen",
            "huiselijk",
            "geweld",
            "jongeren",
            "ouders",
            "kinderen",
            "gesprek",
            "advies",
            "inloop",
            "spreekuur",
            "gratis",
            "vertrouwelijk",
            "samen",
            "zorgen",
            "thuis",
            "veilig",
            "buurt",
            "school",
            "ondersteuning",
            "mantelzorg",
            "eenzaamheid",
            "formulieren",
            "administratie",
            "echtscheiding",
            "rouw",
            "vrijwilligers",
            "café",
            "coördinator",
            "crèche",
            "financiële",
            "begeleiding",
        ];
        let themes = Taxonomy::default().themes;
        let groups = Taxonomy::default().target_groups;
        let languages = ["nl", "en", "ar", "tr", "pl", "uk"];
        // Made-up street names give the vocabulary the size of real data.
        let syllables = [
            "berg", "hof", "meer", "dijk", "kamp", "bos", "veld", "wijk", "lin", "de", "ro", "za",
            "ker", "mo", "len", "vaart", "horst", "brink", "es", "ter", "wa", "bee", "ka", "dorp",
        ];
        let hours = [
            "ma-vr 09:00-17:00",
            "24/7",
            "di,do 19:00-22:00",
            "vr-zo 22:00-02:00",
            "za 10:00-12:00",
        ];
        (0..count)
            .map(|i| {
                let name = format!("{} {}", kinds[next(kinds.len())], places[next(places.len())]);
                let mut r = ServiceRecord::new(format!("dienst-{i}"), name);
                if next(4) > 0 {
                    r.organization = Some(Organization {
                        id: None,
                        name: orgs[next(orgs.len())].into(),
                        description: None,
                        website: None,
                        email: None,
                        phones: Vec::new(),
                    });
                }
                let length = 4 + next(20);
                let street: String =
                    (0..2 + next(3)).map(|_| syllables[next(syllables.len())]).collect();
                let text: Vec<&str> = (0..length).map(|_| words[next(words.len())]).collect();
                r.description =
                    Some(format!("{} Adres: {street}straat {}.", text.join(" "), 1 + next(200)));
                r.themes =
                    (0..1 + next(2)).map(|_| themes[next(themes.len())].id.clone()).collect();
                r.target_groups =
                    (0..next(3)).map(|_| groups[next(groups.len())].id.clone()).collect();
                if next(3) == 0 {
                    r.minimum_age = Some(next(19) as u8);
                    r.maximum_age = Some(18 + next(80) as u8);
                }
                r.languages =
                    (0..next(3)).map(|_| languages[next(languages.len())].to_string()).collect();
                let from = 3311 + next(9) as u16;
                r.areas = vec![ServiceArea {
                    name: Some(places[next(4)].into()),
                    postcodes: vec![PostcodeRange { from, to: from + next(3) as u16 }],
                }];
                if next(5) > 0 {
                    r.schedules = parse_compact(hours[next(hours.len())]).unwrap();
                }
                r.cost.free = [None, Some(true), Some(false)][next(3) as usize];
                r.referral = [None, Some(true), Some(false)][next(3) as usize];
                r.status = [
                    Status::Active,
                    Status::Active,
                    Status::Active,
                    Status::TemporarilyClosed,
                    Status::Defunct,
                ][next(5)];
                r
            })
            .collect()
    }

    /// Query words taken from the records, cut short, misspelt, capitalised or accented.
    fn queries(records: &[ServiceRecord], count: usize) -> Vec<String> {
        let mut seed = 12345u64;
        let mut next = move |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) % n as u64) as usize
        };
        let mut queries = vec!["".to_string(), "de ".into(), "zzzz".into(), "ééé".into()];
        while queries.len() < count {
            let words = 1 + next(3);
            let query: Vec<String> = (0..words)
                .map(|_| {
                    let record = &records[next(records.len())];
                    let text =
                        format!("{} {}", record.name, record.description.as_deref().unwrap_or(""));
                    let tokens: Vec<&str> = text.split_whitespace().collect();
                    let mut word: Vec<char> = tokens[next(tokens.len())].chars().collect();
                    match next(6) {
                        0 if word.len() > 2 => word.truncate(1 + next(word.len() - 1)),
                        1 if word.len() > 3 => {
                            let at = next(word.len() - 1);
                            word.swap(at, at + 1);
                        }
                        2 if word.len() > 3 => {
                            word.remove(next(word.len()));
                        }
                        3 => word.iter_mut().for_each(|c| *c = c.to_ascii_uppercase()),
                        4 if word.len() > 3 => word.insert(next(word.len()), 'e'),
                        _ => {}
                    }
                    word.into_iter().collect()
                })
                .collect();
            queries.push(query.join(" ") + if next(2) == 0 { " " } else { "" });
        }
        queries
    }

    #[test]
    fn the_index_finds_exactly_what_reading_every_record_finds() {
        let records = generated(2_000);
        let taxonomy = Taxonomy::default();
        let index = SearchIndex::new(&records, &taxonomy);
        let monday_noon = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(12, 0, 0);
        let filter_sets = [
            Filters::default(),
            Filters { theme: Some("schulden".into()), age: Some(16), ..Filters::default() },
            Filters { open_at: monday_noon, language: Some("nl".into()), ..Filters::default() },
            Filters {
                area: Area::parse("3314"),
                free: true,
                without_referral: true,
                ..Filters::default()
            },
            Filters {
                area: Area::parse("Noord"),
                target_group: Some("ouders".into()),
                ..Filters::default()
            },
        ];
        let mut found_any = 0;
        for (i, query) in queries(&records, 120).iter().enumerate() {
            let filters = &filter_sets[i % filter_sets.len()];
            let indexed = index.search(&records, query, filters);
            assert_eq!(
                indexed,
                linear_search(&records, &taxonomy, query, filters),
                "{query:?} {filters:?}"
            );
            found_any += usize::from(!indexed.is_empty());
        }
        assert!(found_any > 60, "the generated queries should mostly find something: {found_any}");
    }

    #[test]
    fn an_index_built_a_slice_at_a_time_finds_what_one_built_at_once_finds() {
        let records = generated(1_000);
        let taxonomy = Taxonomy::default();
        let whole = SearchIndex::new(&records, &taxonomy);
        let mut builder = IndexBuilder::new(&records, &taxonomy);
        let mut slices = 1;
        while !builder.add(37) {
            slices += 1;
        }
        assert_eq!(slices, 1_000usize.div_ceil(37));
        let sliced = builder.finish();
        let filters = Filters { area: Area::parse("Noord"), ..Filters::default() };
        for query in queries(&records, 60).iter().chain([&String::new()]) {
            for filters in [&Filters::default(), &filters] {
                assert_eq!(sliced.search(&records, query, filters), whole.search(&records, query, filters), "{query:?}");
            }
        }
    }

    #[test]
    fn the_search_words_are_written_as_the_search_reads_them_and_mean_words_of_themes() {
        let words = search_words();
        let labels: Vec<String> = Taxonomy::default().themes.iter().map(|t| fold(&t.label.nl)).collect();
        let in_a_label = |w: &String| labels.iter().any(|l| l.split(' ').any(|part| part == w));
        for word in words.stop_words.iter().chain(&words.compound_parts).chain(words.synonyms.iter().flat_map(|s| &s.words)) {
            assert_eq!(&fold(word), word, "{word:?} must be lower case, without accents or hyphens");
            assert!(!word.contains(' '), "{word:?}: one word");
        }
        for phrase in &words.phrases {
            assert_eq!(fold(&phrase.phrase), phrase.phrase);
            assert!(phrase.means.iter().all(in_a_label), "{:?}", phrase.means);
        }
        for synonyms in &words.synonyms {
            assert!(synonyms.means.iter().all(in_a_label), "{:?} must be words of a theme's name", synonyms.means);
        }
    }

    #[test]
    fn people_find_help_with_the_words_they_use() {
        let records = crate::sociale_kaart::import::hsds::import_hsds(
            "kaart.json",
            include_str!("../../public/regions/voorbeeldstad-sociale-kaart.json"),
            &Taxonomy::default(), crate::sociale_kaart::import::test_today(),
        )
        .records;
        let taxonomy = Taxonomy::default();
        let index = SearchIndex::new(&records, &taxonomy);
        let themes_of = |query: &str| {
            let found = index.search(&records, query, &Filters::default());
            assert_eq!(found, linear_search(&records, &taxonomy, query, &Filters::default()), "{query}");
            found.into_iter().map(|r| records[r].themes.clone()).collect::<Vec<_>>()
        };
        for (query, theme) in [
            ("ik word geslagen", "huiselijk-geweld"),
            ("blijf van mijn lijf", "vrouwenopvang"),
            ("Blijf-van-mijn-lijf", "vrouwenopvang"),
            ("opvoedsteun", "opvoeden"),
            ("mishandeling", "huiselijk-geweld"),
            ("geen geld", "schulden"),
        ] {
            let found = themes_of(query);
            assert!(!found.is_empty(), "{query:?} finds nothing");
            assert!(found.iter().all(|themes| themes.iter().any(|t| t == theme)) || found[0].iter().any(|t| t == theme),
                "{query:?} should find {theme} first: {found:?}");
        }
        // What was typed ranks before what it means.
        let literal = index.search(&records, "buurtteam", &Filters::default());
        assert!(records[literal[0]].name.to_lowercase().contains("buurtteam"));
    }

    #[test]
    fn the_generated_directory_has_every_day_and_area() {
        let records = generated(500);
        let with_hours = records.iter().filter(|r| !r.hours().is_empty()).count();
        assert!(with_hours > 300);
        for day in ALL_DAYS {
            let at = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(23, 0, 0).unwrap()
                + chrono::Days::new(day.num_days_from_monday() as u64);
            assert!(records.iter().any(|r| r.hours().is_open_at(at)), "{day:?}");
        }
        assert!(records.iter().any(|r| r.coverage_of(3319).is_some()));
    }
}
