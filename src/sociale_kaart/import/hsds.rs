//! HSDS 3.x JSON as published: a list of services, each with its `organization`,
//! `service_at_locations[].location`, phones, schedules, service areas, languages and
//! `attributes[].taxonomy_term`. An API page (`{"contents": [...]}`) or a single service reads
//! too. Unknown fields are ignored and every field may be missing or null.
//!
//! Meldwijzer's conventions within HSDS: a service area lists its postcodes as text
//! (`extent_type` "text", `extent` "3311-3313, 3314"); themes and target groups are taxonomy
//! terms (taxonomy "doelgroep" for target groups); the terms "gratis" and "verwijzing-nodig"
//! mark a free service and one that needs a referral. Times are local; offsets are ignored.

use super::{Checker, Import, IssueOutcome, Problem, MAX_SERVICES};
use crate::ground::limits::MAX_DATA_FILE_BYTES;
use crate::ground::problem::Problem as PackProblem;
use crate::sociale_kaart::hours::{occurs_on, parse_day, parse_time_with_offset, to_netherlands_time};
use crate::sociale_kaart::model::{Address, Link, Location, Organization, Phone, ServiceArea, ServiceAtLocation, ServiceRecord, Taxonomy};
use crate::sociale_kaart::hours::{Repeat, Schedule, ALL_DAYS};
use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use serde::de::{IgnoredAny, SeqAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use serde_json::Value;
use rustc_hash::FxHashMap;

/// Reads an HSDS JSON file; its dates (schedules, `assured_date`) are held against `today`.
pub fn import_hsds(file: &str, text: &str, taxonomy: &Taxonomy, today: NaiveDate) -> Import {
    let mut reader = HsdsReader::new(file, text, taxonomy, today);
    loop {
        if let Some(import) = reader.read(usize::MAX) {
            return import;
        }
    }
}

/// An HSDS import that stops between services: the browser reads a large file a slice at a
/// time and answers its user in between (the quick exit must never wait for an import).
///
/// A list of well-formed services, the usual case, is read and checked one service at a
/// time, each borrowed from the file. Anything else is read as JSON values at the end, all at
/// once, to name each record of the wrong shape and keep the rest.
pub struct HsdsReader<'a> {
    file: &'a str,
    text: &'a str,
    taxonomy: &'a Taxonomy,
    check: Option<Checker<'a>>,
    /// Where the next service starts; `None` before the list's `[` was found.
    at: Option<usize>,
    count: usize,
    /// Ids of files read before, for the careful path's fresh start.
    known: rustc_hash::FxHashSet<String>,
    today: NaiveDate,
}

/// What the next bytes of the list hold.
enum Next {
    Service(usize),
    End,
    /// Not a plain list of services: read it the careful way.
    Other,
}

impl<'a> HsdsReader<'a> {
    pub fn new(file: &'a str, text: &'a str, taxonomy: &'a Taxonomy, today: NaiveDate) -> Self {
        let check = Some(Checker::new(file, taxonomy, today));
        HsdsReader { file, text, taxonomy, check, at: None, count: 0, known: Default::default(), today }
    }

    /// Read after other files with the services `known`: a repeated id is reported, not shown twice.
    pub fn after(mut self, known: rustc_hash::FxHashSet<String>) -> Self {
        if let Some(check) = &mut self.check {
            check.known_ids(known.clone());
        }
        self.known = known;
        self
    }

    /// The whole file the careful way, after the files read before it.
    fn careful(&mut self) -> Import {
        careful(self.file, self.text, self.taxonomy, std::mem::take(&mut self.known), self.today)
    }

    /// Reads up to `services` more services; the whole import once the file is done.
    pub fn read(&mut self, services: usize) -> Option<Import> {
        let text = self.text;
        if text.len() > MAX_DATA_FILE_BYTES {
            let check = self.check.take()?;
            return Some(check.refuse("", Problem::Pack(PackProblem::TooLarge { size: text.len(), max: MAX_DATA_FILE_BYTES })));
        }
        let mut at = match self.at {
            Some(at) => at,
            None => match skip_space(text, 0) {
                Some((at, b'[')) => at + 1,
                _ => return Some(self.careful()),
            },
        };
        for _ in 0..services {
            let next = match skip_space(text, at) {
                Some((end, b']')) => {
                    // Only white space may follow the list.
                    if skip_space(text, end + 1).is_some() { Next::Other } else { Next::End }
                }
                Some((start, _)) if self.count == 0 => Next::Service(start),
                Some((comma, b',')) if self.count > 0 => match skip_space(text, comma + 1) {
                    Some((start, _)) => Next::Service(start),
                    None => Next::Other,
                },
                _ => Next::Other,
            };
            match next {
                Next::End => {
                    let check = self.check.take()?;
                    return Some(if self.count > MAX_SERVICES {
                        check.refuse("", Problem::TooManyServices { count: self.count })
                    } else {
                        check.finish()
                    });
                }
                Next::Other => return Some(self.careful()),
                Next::Service(start) => {
                    let check = self.check.as_mut()?;
                    let mut stream = serde_json::Deserializer::from_str(&text[start..]);
                    // Past the limit only counted, for the message.
                    let read = if self.count < MAX_SERVICES {
                        next_service(&mut stream).map(|raw| {
                            // Not a service but a record holding some: the careful path reads those.
                            let holder = raw.service.is_some() || raw.services.is_some();
                            if !holder {
                                read_service(check, self.count, raw);
                            }
                            holder
                        })
                    } else {
                        IgnoredAny::deserialize(&mut stream).map(|_| false)
                    };
                    if !matches!(read, Ok(false)) {
                        return Some(self.careful());
                    }
                    at = start + stream.into_iter::<IgnoredAny>().byte_offset();
                    self.count += 1;
                }
            }
        }
        self.at = Some(at);
        None
    }
}

/// The first byte at or after `at` that is not JSON white space, with its position.
fn skip_space(text: &str, at: usize) -> Option<(usize, u8)> {
    let bytes = text.as_bytes();
    (at..bytes.len()).find(|&i| !matches!(bytes[i], b' ' | b'\n' | b'\r' | b'\t')).map(|i| (i, bytes[i]))
}

/// Every service of the file as a JSON value first, naming each record of the wrong shape.
fn careful(file: &str, text: &str, taxonomy: &Taxonomy, known: rustc_hash::FxHashSet<String>, today: NaiveDate) -> Import {
    let mut check = Checker::new(file, taxonomy, today);
    check.known_ids(known);
    let services: Vec<Result<(RawService, Vec<String>), Shape>> = match values(text) {
        Ok(values) => values.into_iter().map(typed).collect(),
        Err(problem) => return check.refuse("", problem),
    };
    if services.len() > MAX_SERVICES {
        return check.refuse("", Problem::TooManyServices { count: services.len() });
    }
    for (index, parsed) in services.into_iter().enumerate() {
        read_typed(&mut check, index, parsed);
    }
    check.finish()
}

/// One service given as a JSON value of the shape HSDS JSON gives it: the HSDS tabular form
/// joins its rows into such values, so both forms share this one mapping to the domain.
pub(super) fn read_value(check: &mut Checker, index: usize, value: Value) {
    read_typed(check, index, typed(value));
}

fn read_typed(check: &mut Checker, index: usize, parsed: Result<(RawService<'static>, Vec<String>), Shape>) {
    match parsed {
        Ok((raw, dropped)) => {
            check.start_record(index, None, raw.id.as_ref().and_then(Scalar::text));
            for path in dropped {
                check.report(&path, Problem::BadShape, IssueOutcome::Dropped);
            }
            if let Some(record) = service(check, raw) {
                check.accept(record);
            }
        }
        Err(Shape { id, path }) => {
            check.start_record(index, None, id.as_deref());
            check.report(&path, Problem::BadShape, IssueOutcome::Skipped);
        }
    }
}

/// Checks one service and keeps it when its id and name passed. Never inlined, like
/// `next_service`: a browser swaps in its optimised code for a function only between calls,
/// so the work per service is a function of its own, not the body of one long loop.
#[inline(never)]
fn read_service(check: &mut Checker, index: usize, raw: RawService) {
    check.start_record(index, None, raw.id.as_ref().and_then(Scalar::text));
    if let Some(record) = service(check, raw) {
        check.accept(record);
    }
}

#[inline(never)]
fn next_service<'de>(json: &mut serde_json::Deserializer<serde_json::de::StrRead<'de>>) -> serde_json::Result<RawService<'de>> {
    RawService::deserialize(json)
}

/// The services of a list, an API page (`{"contents": [...]}`) or a single service.
fn values(text: &str) -> Result<Vec<Value>, Problem> {
    let records = match serde_json::from_str(text) {
        Ok(Value::Array(records)) => records,
        Ok(Value::Object(mut page)) => match page.remove("contents") {
            Some(Value::Array(records)) => records,
            _ if page.contains_key("name") || page.contains_key("service") => vec![Value::Object(page)],
            _ => return Err(Problem::NotAServiceList),
        },
        Ok(_) => return Err(Problem::NotAServiceList),
        Err(e) => return Err(Problem::Pack(PackProblem::NotJson { line: e.line(), column: e.column() })),
    };
    Ok(services_of(records))
}

/// The services in HSDS records of any of the published kinds: a service; an `organization`
/// with its `services` (each gets the organisation, without its list); a
/// `service_at_location` with its `service` and `location` (the service gets that place,
/// and several records of one service give it all their places).
fn services_of(records: Vec<Value>) -> Vec<Value> {
    let mut services: Vec<Value> = Vec::new();
    let mut by_id: FxHashMap<String, usize> = FxHashMap::default();
    let mut add = |services: &mut Vec<Value>, service: Value, place: Option<Value>| {
        let id = service.get("id").and_then(Value::as_str).map(str::to_string);
        let at = match id.as_ref().and_then(|id| by_id.get(id)) {
            Some(&at) if place.is_some() => at,
            _ => {
                services.push(service);
                if let Some(id) = id {
                    by_id.entry(id).or_insert(services.len() - 1);
                }
                services.len() - 1
            }
        };
        if let (Some(place), Some(Value::Object(service))) = (place, services.get_mut(at)) {
            let list = service.entry("service_at_locations").or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(list) = list {
                list.push(place);
            }
        }
    };
    for record in records {
        match record {
            Value::Object(mut object) if object.contains_key("services") => {
                let Some(Value::Array(list)) = object.remove("services") else { continue };
                for mut service in list {
                    if let Value::Object(service) = &mut service {
                        service.entry("organization").or_insert_with(|| Value::Object(object.clone()));
                    }
                    add(&mut services, service, None);
                }
            }
            Value::Object(mut object) if object.get("service").is_some_and(Value::is_object) => {
                let service = object.remove("service").unwrap_or_default();
                add(&mut services, service, Some(Value::Object(object)));
            }
            other => add(&mut services, other, None),
        }
    }
    services
}

/// Where a record has a shape that cannot be a service (a list, or an id or name that is
/// not text).
struct Shape {
    id: Option<String>,
    path: String,
}

/// A service read field by field: a field of the wrong shape is taken out and named, and the
/// rest read again, so one mistyped field never costs the whole service.
fn typed(mut value: Value) -> Result<(RawService<'static>, Vec<String>), Shape> {
    let id = value.get("id").and_then(|id| Scalar::deserialize(id).ok()?.text().map(str::to_string));
    let mut dropped = Vec::new();
    // Each round takes one field out; a service has a few dozen at most.
    for _ in 0..64 {
        match serde_path_to_error::deserialize::<_, RawService>(value.clone()) {
            Ok(raw) => return Ok((raw, dropped)),
            Err(e) => {
                let segments: Vec<_> = e.path().iter().cloned().collect();
                let path = e.path().to_string();
                // Without an id and a name it is not a service.
                let essential = matches!(path.as_str(), "." | "id" | "name");
                if essential || !take_out(&mut value, &segments) {
                    return Err(Shape { id, path: if path == "." { String::new() } else { path } });
                }
                dropped.push(path);
            }
        }
    }
    Err(Shape { id, path: String::new() })
}

/// Removes the value at `path` (an object's key, a list's item); `false` when there is none.
fn take_out(value: &mut Value, path: &[serde_path_to_error::Segment]) -> bool {
    use serde_path_to_error::Segment;
    let Some((last, parents)) = path.split_last() else { return false };
    let mut at = value;
    for segment in parents {
        let next = match segment {
            Segment::Seq { index } => at.get_mut(*index),
            Segment::Map { key } => at.get_mut(key.as_str()),
            _ => None,
        };
        match next {
            Some(next) => at = next,
            None => return false,
        }
    }
    match (last, at) {
        (Segment::Map { key }, Value::Object(map)) => map.remove(key.as_str()).is_some(),
        (Segment::Seq { index }, Value::Array(list)) if *index < list.len() => {
            list.remove(*index);
            true
        }
        _ => false,
    }
}

/// An id or number as published: a JSON string or number, borrowed from the file where it
/// can be (no allocation per id in a large region). Anything else is kept as its JSON text,
/// for the message.
enum Scalar<'a> {
    Text(Str<'a>),
    Other(String),
}

impl Scalar<'_> {
    fn text(&self) -> Option<&str> {
        match self {
            Scalar::Text(text) => Some(text),
            Scalar::Other(_) => None,
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Scalar<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
        use serde::de::{Error, MapAccess};
        struct Read<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Read<'a> {
            type Value = Scalar<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a number")
            }
            // Strings as `Str` reads them: borrowed unless they have escapes.
            fn visit_borrowed_str<E: Error>(self, v: &'de str) -> Result<Scalar<'a>, E> {
                ReadStr(std::marker::PhantomData).visit_borrowed_str(v).map(Scalar::Text)
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<Scalar<'a>, E> {
                ReadStr(std::marker::PhantomData).visit_str(v).map(Scalar::Text)
            }
            fn visit_u64<E: Error>(self, v: u64) -> Result<Scalar<'a>, E> {
                Ok(Scalar::Text(Str(Cow::Owned(v.to_string()))))
            }
            fn visit_i64<E: Error>(self, v: i64) -> Result<Scalar<'a>, E> {
                Ok(Scalar::Text(Str(Cow::Owned(v.to_string()))))
            }
            fn visit_f64<E: Error>(self, v: f64) -> Result<Scalar<'a>, E> {
                Ok(Scalar::Text(Str(Cow::Owned(Value::from(v).to_string()))))
            }
            fn visit_bool<E: Error>(self, v: bool) -> Result<Scalar<'a>, E> {
                Ok(Scalar::Other(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Scalar<'a>, A::Error> {
                Ok(Scalar::Other(Value::deserialize(MapAccessDeserializer::new(map))?.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Scalar<'a>, A::Error> {
                Ok(Scalar::Other(Value::deserialize(SeqAccessDeserializer::new(seq))?.to_string()))
            }
        }
        deserializer.deserialize_any(Read(std::marker::PhantomData))
    }
}

/// A JSON string, borrowed from the file unless it has escapes. serde reads an
/// `Option<Cow<str>>` as an owned copy even with `#[serde(borrow)]`: that was a third of the
/// allocations of a large region.
struct Str<'a>(Cow<'a, str>);

impl std::ops::Deref for Str<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ReadStr(std::marker::PhantomData))
    }
}

struct ReadStr<'a>(std::marker::PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for ReadStr<'a> {
    type Value = Str<'a>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Str<'a>, E> {
        Ok(Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Str<'a>, E> {
        Ok(Str(Cow::Owned(v.to_string())))
    }
}

#[derive(Deserialize)]
struct RawService<'a> {
    /// Present on a `service_at_location` or an `organization` record, which the fast path
    /// leaves to [`services_of`].
    service: Option<IgnoredAny>,
    services: Option<IgnoredAny>,
    #[serde(borrow)]
    application_process: Option<Str<'a>>,
    #[serde(borrow)]
    required_documents: Option<Vec<RawDocument<'a>>>,
    #[serde(borrow)]
    additional_urls: Option<Vec<RawUrl<'a>>>,
    #[serde(borrow)]
    contacts: Option<Vec<RawContact<'a>>>,
    #[serde(borrow)]
    id: Option<Scalar<'a>>,
    #[serde(borrow)]
    name: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow)]
    url: Option<Str<'a>>,
    #[serde(borrow)]
    email: Option<Str<'a>>,
    #[serde(borrow)]
    status: Option<Str<'a>>,
    #[serde(borrow)]
    alert: Option<Str<'a>>,
    #[serde(borrow)]
    eligibility_description: Option<Str<'a>>,
    #[serde(borrow)]
    minimum_age: Option<Scalar<'a>>,
    #[serde(borrow)]
    maximum_age: Option<Scalar<'a>>,
    #[serde(borrow)]
    fees_description: Option<Str<'a>>,
    #[serde(borrow)]
    assured_date: Option<Str<'a>>,
    #[serde(borrow)]
    organization: Option<RawOrganization<'a>>,
    #[serde(borrow)]
    phones: Option<Vec<RawPhone<'a>>>,
    #[serde(borrow)]
    schedules: Option<Vec<RawSchedule<'a>>>,
    #[serde(borrow)]
    service_areas: Option<Vec<RawServiceArea<'a>>>,
    #[serde(borrow)]
    service_at_locations: Option<Vec<RawServiceAtLocation<'a>>>,
    #[serde(borrow)]
    languages: Option<Vec<RawLanguage<'a>>>,
    #[serde(borrow)]
    cost_options: Option<Vec<RawCostOption<'a>>>,
    #[serde(borrow)]
    attributes: Option<Vec<RawAttribute<'a>>>,
}

#[derive(Deserialize)]
struct RawOrganization<'a> {
    #[serde(borrow)]
    id: Option<Scalar<'a>>,
    #[serde(borrow)]
    name: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow)]
    email: Option<Str<'a>>,
    #[serde(borrow)]
    website: Option<Str<'a>>,
    #[serde(borrow)]
    phones: Option<Vec<RawPhone<'a>>>,
}

#[derive(Deserialize)]
struct RawDocument<'a> {
    #[serde(borrow)]
    document: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct RawUrl<'a> {
    /// HSDS 3.1 calls it `label`; some exports write `title`.
    #[serde(borrow, alias = "title")]
    label: Option<Str<'a>>,
    #[serde(borrow)]
    url: Option<Str<'a>>,
}

/// A person or desk to reach, with their own phones.
#[derive(Deserialize)]
struct RawContact<'a> {
    #[serde(borrow)]
    name: Option<Str<'a>>,
    #[serde(borrow)]
    title: Option<Str<'a>>,
    #[serde(borrow)]
    phones: Option<Vec<RawPhone<'a>>>,
}

#[derive(Deserialize)]
struct RawPhone<'a> {
    #[serde(borrow)]
    number: Option<Str<'a>>,
    #[serde(borrow)]
    extension: Option<Scalar<'a>>,
    #[serde(rename = "type")]
    #[serde(borrow)]
    kind: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct RawSchedule<'a> {
    #[serde(borrow)]
    freq: Option<Str<'a>>,
    interval: Option<Scalar<'a>>,
    #[serde(borrow)]
    bymonthday: Option<Scalar<'a>>,
    #[serde(borrow)]
    byweekno: Option<Scalar<'a>>,
    #[serde(borrow)]
    valid_from: Option<Str<'a>>,
    #[serde(borrow)]
    valid_to: Option<Str<'a>>,
    #[serde(borrow)]
    until: Option<Str<'a>>,
    #[serde(borrow)]
    byday: Option<Str<'a>>,
    #[serde(borrow)]
    byyearday: Option<Scalar<'a>>,
    #[serde(borrow)]
    dtstart: Option<Str<'a>>,
    #[serde(borrow)]
    count: Option<Scalar<'a>>,
    #[serde(borrow)]
    timezone: Option<Scalar<'a>>,
    #[serde(borrow)]
    opens_at: Option<Str<'a>>,
    #[serde(borrow)]
    closes_at: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct RawServiceArea<'a> {
    #[serde(borrow)]
    name: Option<Str<'a>>,
    #[serde(borrow)]
    extent: Option<Str<'a>>,
    #[serde(borrow)]
    extent_type: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct RawServiceAtLocation<'a> {
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow)]
    service_areas: Option<Vec<RawServiceArea<'a>>>,
    #[serde(borrow)]
    phones: Option<Vec<RawPhone<'a>>>,
    #[serde(borrow)]
    schedules: Option<Vec<RawSchedule<'a>>>,
    #[serde(borrow)]
    location: Option<RawLocation<'a>>,
}

#[derive(Deserialize)]
struct RawLocation<'a> {
    #[serde(borrow)]
    id: Option<Scalar<'a>>,
    #[serde(borrow)]
    name: Option<Str<'a>>,
    #[serde(borrow)]
    addresses: Option<Vec<RawAddress<'a>>>,
    #[serde(borrow)]
    accessibility: Option<Vec<RawAccessibility<'a>>>,
    #[serde(default, deserialize_with = "lenient_number")]
    latitude: Option<f64>,
    #[serde(default, deserialize_with = "lenient_number")]
    longitude: Option<f64>,
    #[serde(borrow)]
    phones: Option<Vec<RawPhone<'a>>>,
    #[serde(borrow)]
    schedules: Option<Vec<RawSchedule<'a>>>,
}

#[derive(Deserialize)]
struct RawAddress<'a> {
    #[serde(borrow)]
    address_1: Option<Str<'a>>,
    #[serde(borrow)]
    address_2: Option<Str<'a>>,
    #[serde(borrow)]
    city: Option<Str<'a>>,
    #[serde(borrow)]
    postal_code: Option<Str<'a>>,
    #[serde(borrow)]
    address_type: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct RawAccessibility<'a> {
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow)]
    url: Option<Str<'a>>,
    #[serde(borrow)]
    details: Option<Str<'a>>,
}

/// A language as HSDS gives it (`{"code": "nl"}`), or as many files do: just `"nl"`.
struct RawLanguage<'a> {
    code: Option<Str<'a>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for RawLanguage<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Object<'a> {
            #[serde(borrow)]
            code: Option<Str<'a>>,
        }
        struct Read<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Read<'a> {
            type Value = RawLanguage<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a language")
            }
            // Strings as `Str` reads them: borrowed unless they have escapes.
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<RawLanguage<'a>, E> {
                ReadStr(std::marker::PhantomData).visit_borrowed_str(v).map(|code| RawLanguage { code: Some(code) })
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawLanguage<'a>, E> {
                ReadStr(std::marker::PhantomData).visit_str(v).map(|code| RawLanguage { code: Some(code) })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawLanguage<'a>, A::Error> {
                let object = Object::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(RawLanguage { code: object.code })
            }
        }
        deserializer.deserialize_any(Read(std::marker::PhantomData))
    }
}

#[derive(Deserialize)]
struct RawCostOption<'a> {
    #[serde(default, deserialize_with = "lenient_number")]
    amount: Option<f64>,
    #[serde(borrow)]
    option: Option<Str<'a>>,
    #[serde(borrow)]
    currency: Option<Str<'a>>,
    #[serde(borrow)]
    amount_description: Option<Str<'a>>,
}

/// A number, or a number written as text ("0.00", "52.37"), as many exports write them.
fn lenient_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    match Option::<Scalar>::deserialize(deserializer)? {
        None => Ok(None),
        Some(Scalar::Text(text)) => text.trim().parse::<f64>().map(Some).map_err(|_| serde::de::Error::custom("not a number")),
        Some(Scalar::Other(_)) => Err(serde::de::Error::custom("not a number")),
    }
}

#[derive(Deserialize)]
struct RawAttribute<'a> {
    #[serde(borrow)]
    taxonomy_term: Option<RawTerm<'a>>,
}

#[derive(Deserialize)]
struct RawTerm<'a> {
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    name: Option<Str<'a>>,
    #[serde(borrow)]
    taxonomy: Option<Str<'a>>,
}

/// Checks every field, so an editor hears all problems at once; None when the id or name
/// failed.
fn service(check: &mut Checker, raw: RawService<'_>) -> Option<ServiceRecord> {
    let id = check.id("id", raw.id.as_ref().and_then(Scalar::text));
    let name = check.required("name", raw.name.as_deref());
    let passed = id.is_some() && name.is_some();
    let mut record = ServiceRecord::new(id.unwrap_or_default(), name.unwrap_or_default());
    record.description = check.text("description", raw.description.as_deref());
    record.website = check.website("url", raw.url.as_deref());
    record.email = check.email("email", raw.email.as_deref());
    record.status = check.status("status", raw.status.as_deref());
    record.alert = check.text("alert", raw.alert.as_deref());
    record.eligibility =
        check.text("eligibility_description", raw.eligibility_description.as_deref());
    let min = raw.minimum_age.as_ref().and_then(|v| age(check, "minimum_age", v));
    let max = raw.maximum_age.as_ref().and_then(|v| age(check, "maximum_age", v));
    (record.minimum_age, record.maximum_age) = check.age_range("minimum_age", min, max);
    record.cost.description = check.text("fees_description", raw.fees_description.as_deref());
    let options = raw.cost_options.unwrap_or_default();
    let amounts: Vec<f64> = options.iter().filter_map(|c| c.amount).collect();
    // Amounts say free or not; no amounts say nothing.
    record.cost.free = (!amounts.is_empty()).then(|| amounts.iter().all(|a| *a == 0.0));
    // Each option as the data gives it: "Eigen bijdrage: € 25,00 per maand".
    for (i, option) in options.iter().enumerate() {
        let at = format!("cost_options[{i}]");
        let what = check.text(format_args!("{at}.option"), option.option.as_deref());
        let per = check.text(format_args!("{at}.amount_description"), option.amount_description.as_deref());
        let amount = option.amount.filter(|a| *a > 0.0).map(|a| {
            let currency = option.currency.as_deref().map(str::trim).unwrap_or("EUR");
            let number = format!("{a:.2}").replace('.', ",");
            if currency.eq_ignore_ascii_case("eur") { format!("€ {number}") } else { format!("{number} {currency}") }
        });
        let text = [what, amount, per].into_iter().flatten().collect::<Vec<_>>();
        let text = match text.as_slice() {
            [] => None,
            [what, rest @ ..] if !rest.is_empty() && option.option.is_some() => Some(format!("{what}: {}", rest.join(" "))),
            parts => Some(parts.join(" ")),
        };
        record.cost.options.extend(text);
    }
    record.assured_date = check.date("assured_date", raw.assured_date.as_deref());
    record.organization = raw.organization.and_then(|org| organization(check, org));
    record.phones = phones(check, At::top("phones"), raw.phones);
    // A contact's phones, each said to be that contact's ("Mw. Jansen, jeugdverpleegkundige").
    for (i, contact) in raw.contacts.unwrap_or_default().into_iter().enumerate() {
        let at = At::top("contacts").item(i);
        let who = [contact.name.as_deref(), contact.title.as_deref()].into_iter().flatten().map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ");
        let who = check.text(format_args!("{at}.name"), Some(&who));
        for mut phone in phones(check, at.field("phones"), contact.phones) {
            phone.description = match (who.clone(), phone.description.take()) {
                (Some(who), Some(text)) => Some(format!("{who}: {text}")),
                (who, text) => who.or(text),
            };
            if !record.phones.iter().any(|p| p.dials_same(&phone)) {
                record.phones.push(phone);
            }
        }
    }
    record.application_process = check.text("application_process", raw.application_process.as_deref());
    for (i, document) in raw.required_documents.unwrap_or_default().into_iter().enumerate() {
        let text = check.text(format_args!("required_documents[{i}].document"), document.document.as_deref());
        record.required_documents.extend(text.filter(|t| !record.required_documents.contains(t)));
    }
    for (i, link) in raw.additional_urls.unwrap_or_default().into_iter().enumerate() {
        let url = check.website(format_args!("additional_urls[{i}].url"), link.url.as_deref());
        let title = check.text(format_args!("additional_urls[{i}].label"), link.label.as_deref());
        record.links.extend(url.map(|url| Link { title, url }));
    }
    record.schedules = schedules(check, At::top("schedules"), raw.schedules);
    record.areas = areas(check, At::top("service_areas"), raw.service_areas.unwrap_or_default());
    for (i, mut raw) in raw.service_at_locations.unwrap_or_default().into_iter().enumerate() {
        let at = At::top("service_at_locations").item(i);
        // HSDS 3.1 gives the areas a service covers from a place on the place.
        let place_areas = areas(check, at.field("service_areas"), raw.service_areas.take().unwrap_or_default());
        for area in place_areas {
            if !record.areas.contains(&area) {
                record.areas.push(area);
            }
        }
        record.locations.extend(service_at_location(check, at, raw));
    }
    for (i, language) in raw.languages.unwrap_or_default().into_iter().enumerate() {
        let code =
            language.code.and_then(|c| check.language(format_args!("languages[{i}].code"), &c));
        record.languages.extend(code.filter(|c| !record.languages.contains(c)));
    }
    for (i, attribute) in raw.attributes.unwrap_or_default().into_iter().enumerate() {
        if let Some(raw_term) = attribute.taxonomy_term {
            let at = At::top("attributes").item(i);
            term(check, at.field("taxonomy_term"), raw_term, &mut record);
        }
    }
    record.hours_notes = check.take_notes();
    passed.then_some(record)
}

fn age(check: &mut Checker, field: &str, value: &Scalar) -> Option<u8> {
    match value {
        Scalar::Text(text) => check.age(field, text),
        Scalar::Other(json) => {
            check.report(field, Problem::NotANumber { value: json.clone() }, IssueOutcome::Dropped);
            None
        }
    }
}

/// A theme, a target group, or one of the two marks.
fn term(check: &mut Checker, at: At, raw: RawTerm<'_>, record: &mut ServiceRecord) {
    // A term with its own code and a name: known by either, and shown by its name.
    let name = raw.name.filter(|name| !name.trim().is_empty());
    let known = |check: &Checker, text: &str| check.themes.find(text).or(check.target_groups.find(text)).is_some();
    let value = match (raw.code, name.as_deref()) {
        (Some(code), Some(name)) if !known(check, &code) && known(check, name) => name.to_string(),
        (Some(code), _) => code.to_string(),
        (None, Some(name)) => name.to_string(),
        (None, None) => return,
    };
    let field = at.field("code");
    match &*super::slug(&value) {
        "gratis" => record.cost.free = Some(true),
        "verwijzing-nodig" => record.referral = Some(true),
        "zonder-verwijzing" | "geen-verwijzing-nodig" => record.referral = Some(false),
        _ => {
            let taxonomy = raw.taxonomy.as_deref().map(super::slug);
            let is_group = matches!(taxonomy.as_deref(), Some("doelgroep" | "doelgroepen"))
                || (check.themes.find(&value).is_none()
                    && check.target_groups.find(&value).is_some());
            let found = check.term(&field, &value, name.as_deref(), is_group);
            let list = if is_group { &mut record.target_groups } else { &mut record.themes };
            if let Some(id) = found.filter(|id| !list.contains(id)) {
                list.push(id);
            }
        }
    }
}

fn organization(check: &mut Checker, raw: RawOrganization<'_>) -> Option<Organization> {
    let at = At::top("organization");
    let name = check.text(format_args!("{at}.name"), raw.name.as_deref());
    let named = name.is_some();
    let organization = Organization {
        id: check.text(format_args!("{at}.id"), raw.id.as_ref().and_then(Scalar::text)),
        name: name.unwrap_or_default(),
        description: check.text(format_args!("{at}.description"), raw.description.as_deref()),
        website: check.website(format_args!("{at}.website"), raw.website.as_deref()),
        email: check.email(format_args!("{at}.email"), raw.email.as_deref()),
        phones: phones(check, at.field("phones"), raw.phones),
    };
    if !named {
        let problem = PackProblem::MissingField { field: "name".into() };
        check.report(at, Problem::Pack(problem), IssueOutcome::Dropped);
    }
    named.then_some(organization)
}

fn phones(check: &mut Checker, at: At, raw: Option<Vec<RawPhone<'_>>>) -> Vec<Phone> {
    let mut phones = Vec::new();
    for (i, raw) in raw.unwrap_or_default().into_iter().enumerate() {
        let at = at.item(i);
        let description = check.text(format_args!("{at}.description"), raw.description.as_deref());
        match raw.number.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            Some(number) => {
                let field = format_args!("{at}.number");
                let extension = raw.extension.as_ref().and_then(Scalar::text).map(str::trim).filter(|e| !e.is_empty());
                let extension = match extension {
                    Some(e) if e.len() <= 10 && e.bytes().all(|b| b.is_ascii_digit()) => Some(e.to_string()),
                    Some(_) => {
                        check.pack(format_args!("{at}.extension"), PackProblem::BadPhone, IssueOutcome::Dropped);
                        None
                    }
                    None => None,
                };
                phones.extend(check.phone(field, number, raw.kind.as_deref(), description).map(|mut phone| {
                    phone.extension = extension;
                    phone
                }))
            }
            None => {
                let problem = PackProblem::MissingField { field: "number".into() };
                check.report(&at, Problem::Pack(problem), IssueOutcome::Dropped);
            }
        }
    }
    phones
}

fn schedules(check: &mut Checker, at: At, raw: Option<Vec<RawSchedule<'_>>>) -> Vec<Schedule> {
    let mut schedules = Vec::new();
    for (i, raw) in raw.unwrap_or_default().into_iter().enumerate() {
        schedules.extend(schedule(check, at.item(i), raw));
    }
    schedules
}

fn schedule(check: &mut Checker, at: At, raw: RawSchedule<'_>) -> Option<Schedule> {
    let description = check.text(format_args!("{at}.description"), raw.description.as_deref());
    let date = |check: &mut Checker, name: &str, value: &Option<Str>| check.any_date(format_args!("{at}.{name}"), value.as_deref());
    let dtstart = date(check, "dtstart", &raw.dtstart);
    let from = [date(check, "valid_from", &raw.valid_from), dtstart].into_iter().flatten().max();
    let mut end = [date(check, "valid_to", &raw.valid_to), date(check, "until", &raw.until)].into_iter().flatten().min();
    // Hours that ended are not today's hours: an expired schedule must never say "Nu open".
    if end.is_some_and(|end| end < check.today()) {
        check.report(at, Problem::NotCurrent, IssueOutcome::Dropped);
        return None;
    }
    let no_times = raw.opens_at.as_deref().is_none_or(|t| t.trim().is_empty())
        && raw.closes_at.as_deref().is_none_or(|t| t.trim().is_empty());
    // What no rule here can express (days of the year, every other week without a first
    // date) is shown as the data's own text, never as hours.
    let rule = recurrence(&raw, dtstart);
    let expressible = rule.is_some();
    let Some((days, mut repeat)) = rule.filter(|_| !no_times) else {
        match description {
            Some(text) => check.note(text),
            None if !expressible => check.report(format_args!("{at}.freq"), Problem::NotWeekly, IssueOutcome::Dropped),
            None => {}
        }
        return None;
    };
    let Some(days) = days else {
        let value = raw.byday.as_deref().unwrap_or_default().to_string();
        check.report(format_args!("{at}.byday"), Problem::BadHours { value }, IssueOutcome::Dropped);
        return None;
    };
    // `count` occurrences from `dtstart` end on the date of the last one.
    if let (Some(count), Some(first)) = (raw.count.as_ref().and_then(Scalar::text).and_then(|c| c.trim().parse::<u32>().ok()), dtstart) {
        let probe = Schedule { days: days.clone(), opens_at: NaiveTime::MIN, closes_at: NaiveTime::MIN, description: None, repeat: Some(repeat.clone()) };
        let last = first.iter_days().take(MAX_COUNT_DAYS).filter(|d| occurs_on(&probe, *d)).nth(count.saturating_sub(1) as usize);
        end = [end, last].into_iter().flatten().min();
    }
    repeat.start = from.filter(|from| *from > check.today()).or(repeat.start);
    repeat.end = end;
    let plain = repeat == Repeat::every_week();
    // Times without an offset are in `timezone` (an offset in hours) when the schedule has one.
    let zone = raw.timezone.as_ref().and_then(Scalar::text).and_then(|z| z.trim().parse::<f64>().ok()).filter(|z| z.abs() <= 14.0);
    let mut time = |name: &str, value: Option<Str>| match value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
    {
        None => {
            let problem = PackProblem::MissingField { field: name.into() };
            check.report(at, Problem::Pack(problem), IssueOutcome::Dropped);
            None
        }
        Some(text) => {
            // A time with an offset ("09:00Z") is converted to Dutch local time as of today.
            let today = check.today();
            let parsed = parse_time_with_offset(text).map(|(time, offset)| match offset.or(zone.map(|z| (z * 60.0) as i32)) {
                Some(offset) => to_netherlands_time(time, offset, today),
                None => time,
            });
            if parsed.is_none() {
                let problem = Problem::BadHours { value: text.into() };
                check.report(format_args!("{at}.{name}"), problem, IssueOutcome::Dropped);
            }
            parsed
        }
    };
    let (opens_at, closes_at) = (time("opens_at", raw.opens_at), time("closes_at", raw.closes_at));
    Some(Schedule { days, opens_at: opens_at?, closes_at: closes_at?, description, repeat: (!plain).then_some(repeat) })
}

/// How far `count` is followed from `dtstart`: ten years.
const MAX_COUNT_DAYS: usize = 3660;

/// The days and the rule of an HSDS schedule, as RFC 5545 reads `freq`, `interval`, `byday`,
/// `bymonthday` and `byweekno`. `None` when no rule here can express it; `Some((None, _))`
/// when `byday` cannot be read.
fn recurrence(raw: &RawSchedule<'_>, dtstart: Option<NaiveDate>) -> Option<(Option<Vec<Weekday>>, Repeat)> {
    let freq = raw.freq.as_deref().map(|f| f.trim().to_ascii_uppercase()).unwrap_or_default();
    let monthly = match freq.as_str() {
        "" | "WEEKLY" | "DAILY" => false,
        "MONTHLY" => true,
        // Yearly only by week numbers: the weeks of every year.
        "YEARLY" if raw.byweekno.is_some() => false,
        _ => return None,
    };
    if raw.byyearday.is_some() {
        return None;
    }
    let numbers = |value: &Option<Scalar>| -> Option<Vec<i8>> {
        let Some(value) = value else { return Some(Vec::new()) };
        let text = value.text()?;
        text.split(',').map(str::trim).filter(|n| !n.is_empty()).map(|n| n.trim_start_matches('+').parse::<i8>().ok().filter(|n| *n != 0)).collect()
    };
    let interval = match raw.interval.as_ref() {
        None => 1,
        Some(value) => value.text()?.trim().parse::<u32>().ok().filter(|n| (1..=52).contains(n))?,
    };
    let mut repeat = Repeat::every_week();
    repeat.monthly = monthly;
    repeat.interval = interval;
    repeat.month_days = numbers(&raw.bymonthday)?;
    repeat.week_numbers = numbers(&raw.byweekno)?;
    if repeat.month_days.iter().any(|d| d.abs() > 31) || repeat.week_numbers.iter().any(|w| w.abs() > 53) || (!monthly && !repeat.month_days.is_empty()) {
        return None;
    }
    // Every other week or month is counted from `dtstart`; without it no date can be known.
    let byday_given = raw.byday.as_deref().is_some_and(|d| !d.trim().is_empty());
    if interval > 1 || (monthly && !byday_given && repeat.month_days.is_empty()) {
        repeat.start = Some(dtstart?);
    }
    let days = match raw.byday.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        // Without days, RFC 5545 takes the weekday of `dtstart`; published files rarely
        // give it, and then the hours hold every day.
        None if monthly => Some(Vec::new()),
        None => Some(dtstart.filter(|_| freq != "DAILY").map_or(ALL_DAYS.to_vec(), |d| vec![d.weekday()])),
        Some(byday) => {
            let mut days = Vec::new();
            let mut ok = true;
            for part in byday.split(',').map(str::trim) {
                if let Some(day) = parse_day(part) {
                    days.push(day);
                    continue;
                }
                // "2TU", "-1FR": an ordinal and an RFC 5545 day code.
                let split = part.len().saturating_sub(2);
                let (nth, day) = match (part.get(..split), part.get(split..)) {
                    (Some(nth), Some(day)) => (nth, parse_day(day)),
                    _ => ("", None),
                };
                match (nth.trim_start_matches('+').parse::<i8>(), day) {
                    (_, None) => ok = false,
                    (Ok(n), Some(day)) if monthly && n != 0 && n.abs() <= 5 => repeat.nth_weekdays.push((n, day)),
                    // An ordinal only means something in a month.
                    (Ok(_), Some(_)) => return None,
                    (Err(_), Some(day)) if nth.is_empty() => days.push(day),
                    (Err(_), Some(_)) => ok = false,
                }
            }
            ok.then_some(days)
        }
    };
    Some((days, repeat))
}

fn areas(check: &mut Checker, at: At, raw: Vec<RawServiceArea<'_>>) -> Vec<ServiceArea> {
    let mut areas = Vec::new();
    for (i, raw) in raw.into_iter().enumerate() {
        let at = at.item(i);
        let name = check.text(format_args!("{at}.name"), raw.name.as_deref());
        let is_text =
            raw.extent_type.as_deref().is_none_or(|t| t.trim().eq_ignore_ascii_case("text"));
        let postcodes = match raw.extent.as_deref().filter(|_| is_text) {
            Some(extent) => check.postcodes(format_args!("{at}.extent"), extent),
            None => Vec::new(),
        };
        if name.is_some() || !postcodes.is_empty() {
            areas.push(ServiceArea { name, postcodes });
        }
    }
    areas
}

fn service_at_location(
    check: &mut Checker,
    at: At,
    raw: RawServiceAtLocation<'_>,
) -> Option<ServiceAtLocation> {
    let description = check.text(format_args!("{at}.description"), raw.description.as_deref());
    let phones = phones(check, at.field("phones"), raw.phones);
    let schedules = schedules(check, at.field("schedules"), raw.schedules);
    let Some(raw_location) = raw.location else {
        let problem = PackProblem::MissingField { field: "location".into() };
        check.report(at, Problem::Pack(problem), IssueOutcome::Dropped);
        return None;
    };
    let location = location(check, at.field("location"), raw_location);
    Some(ServiceAtLocation { description, phones, schedules, location })
}

fn location(check: &mut Checker, at: At, raw: RawLocation<'_>) -> Location {
    // The visiting address when there are several.
    let mut addresses = raw.addresses.unwrap_or_default();
    let visiting = addresses
        .iter()
        .position(|a| a.address_type.as_deref().is_some_and(|t| t.eq_ignore_ascii_case("physical")))
        .unwrap_or(0);
    let address = (!addresses.is_empty()).then(|| addresses.swap_remove(visiting)).map(|raw| {
        let at = at.field("addresses").item(visiting);
        let street = joined([raw.address_1.as_deref(), raw.address_2.as_deref()], ", ");
        Address {
            street: check.text(format_args!("{at}.address_1"), Some(&street)),
            postal_code: check
                .postal_code(format_args!("{at}.postal_code"), raw.postal_code.as_deref()),
            city: check.text(format_args!("{at}.city"), raw.city.as_deref()),
        }
    });
    let accessibility = raw.accessibility.unwrap_or_default();
    let accessibility_url = accessibility.iter().enumerate().find_map(|(i, a)| {
        a.url.as_deref().and_then(|url| check.website(format_args!("{at}.accessibility[{i}].url"), Some(url)))
    });
    let accessibility = joined(
        accessibility.iter().flat_map(|a| [a.description.as_deref(), a.details.as_deref()]),
        "\n",
    );
    let (latitude, longitude) = match (raw.latitude, raw.longitude) {
        (Some(lat), Some(lon))
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
        {
            (Some(lat), Some(lon))
        }
        (None, None) => (None, None),
        (lat, lon) => {
            let value = format!("{}, {}", lat.unwrap_or_default(), lon.unwrap_or_default());
            let problem =
                Problem::OutOfRange { value, min: "-90, -180".into(), max: "90, 180".into() };
            check.report(format_args!("{at}.latitude"), problem, IssueOutcome::Dropped);
            (None, None)
        }
    };
    Location {
        id: check.text(format_args!("{at}.id"), raw.id.as_ref().and_then(Scalar::text)),
        name: check.text(format_args!("{at}.name"), raw.name.as_deref()),
        address,
        accessibility: check.text(format_args!("{at}.accessibility"), Some(&accessibility)),
        accessibility_url,
        latitude,
        longitude,
        phones: phones(check, at.field("phones"), raw.phones),
        schedules: schedules(check, at.field("schedules"), raw.schedules),
    }
}

/// The parts that have text, trimmed, with `between` between; borrowed when there is one.
fn joined<'t>(parts: impl IntoIterator<Item = Option<&'t str>>, between: &str) -> Cow<'t, str> {
    let mut parts = parts.into_iter().flatten().map(str::trim).filter(|p| !p.is_empty());
    let Some(first) = parts.next() else { return Cow::Borrowed("") };
    let mut all = Cow::Borrowed(first);
    for part in parts {
        let all = all.to_mut();
        all.push_str(between);
        all.push_str(part);
    }
    all
}

/// Where a field sits in a service (`service_at_locations[0].location.phones[1]`), written
/// out only when an issue names it: most records have none, and a string per nested list
/// was a tenth of the import of a large region.
#[derive(Clone, Copy)]
struct At<'a> {
    parent: Option<&'a At<'a>>,
    name: &'static str,
    index: Option<usize>,
}

impl<'a> At<'a> {
    fn top(name: &'static str) -> At<'static> {
        At { parent: None, name, index: None }
    }

    fn field(&'a self, name: &'static str) -> At<'a> {
        At { parent: Some(self), name, index: None }
    }

    fn item(self, index: usize) -> At<'a> {
        At { index: Some(index), ..self }
    }
}

impl std::fmt::Display for At<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(parent) = self.parent {
            write!(f, "{parent}.")?;
        }
        f.write_str(self.name)?;
        match self.index {
            Some(index) => write!(f, "[{index}]"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sociale_kaart::hours::OpenState;
    use crate::sociale_kaart::model::{PhoneKind, Status};
    use chrono::{NaiveDate, Weekday};

    const EXAMPLE: &str = include_str!("../../../tests/fixtures/sociale-kaart/hsds-example.json");
    const VOORBEELDSTAD: &str =
        include_str!("../../../public/regions/voorbeeldstad-sociale-kaart.json");

    fn import(text: &str) -> Import {
        import_hsds("kaart.json", text, &Taxonomy::default(), crate::sociale_kaart::import::test_today())
    }

    fn issue<'a>(
        import: &'a Import,
        index: usize,
        field: &str,
    ) -> Option<&'a super::super::ImportIssue> {
        import
            .issues
            .iter()
            .find(|i| i.record.as_ref().is_some_and(|r| r.index == index) && i.field == field)
    }

    /// Reads `text` `slice` services at a time, as the browser does between its tasks.
    fn import_in_slices(text: &str, slice: usize) -> (Import, usize) {
        let taxonomy = Taxonomy::default();
        let mut reader = HsdsReader::new("kaart.json", text, &taxonomy, crate::sociale_kaart::import::test_today());
        let mut slices = 1;
        loop {
            match reader.read(slice) {
                Some(import) => return (import, slices),
                None => slices += 1,
            }
        }
    }

    #[test]
    fn read_in_slices_a_file_gives_exactly_what_it_gives_at_once() {
        let whole = import(VOORBEELDSTAD);
        let (sliced, slices) = import_in_slices(VOORBEELDSTAD, 7);
        assert_eq!(sliced, whole);
        assert!(slices >= whole.records.len() / 7, "{slices} slices");
        // A bad record halfway, text around the list, and an API page: the careful path, the
        // same answer either way.
        let mut services: Vec<Value> = serde_json::from_str(VOORBEELDSTAD).unwrap();
        services[30]["name"] = Value::from(12);
        let broken = Value::from(services.clone()).to_string();
        assert_eq!(import_in_slices(&broken, 5).0, import(&broken));
        assert!(import(&broken).issues.iter().any(|i| i.record.as_ref().is_some_and(|r| r.index == 30)));
        for odd in [format!("{broken} x"), "[]".to_string(), " [ ] ".to_string(), "[,]".to_string(), "[{}".to_string(),
                    serde_json::json!({ "contents": services }).to_string()] {
            assert_eq!(import_in_slices(&odd, 3).0, import(&odd), "{odd:.40}");
        }
        assert!(import("[]").records.is_empty() && import("[]").issues.is_empty());
        assert!(!import("[,]").issues.is_empty());
    }

    #[test]
    fn the_example_reads_with_everything_nested() {
        let import = import(EXAMPLE);
        assert_eq!(import.records.len(), 5, "{:#?}", import.issues);
        let team = &import.records[0];
        assert_eq!(team.id, "buurtteam-noord");
        assert_eq!(team.organization.as_ref().unwrap().name, "Stichting Buurtwerk Voorbeeldstad");
        assert_eq!(team.phones[0].tel_uri(), "tel:0105550101");
        assert_eq!(team.themes, ["wijkteam", "opvoeden"]);
        assert!(team.target_groups.contains(&"ouders".to_string()));
        assert_eq!(team.areas[0].postcodes[0].to_string(), "3311-3313");
        let place = &team.locations[0].location;
        assert_eq!(place.postcode(), Some(3312));
        assert!(place.accessibility.as_deref().unwrap().contains("rolstoel"));
        assert_eq!(team.assured_date, NaiveDate::from_ymd_opt(2026, 10, 15));
        let monday_ten =
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(10, 0, 0).unwrap();
        assert!(matches!(team.open_state(monday_ten), Some(OpenState::OpenUntil(_))));

        let shelter =
            import.records.iter().find(|r| r.themes.contains(&"vrouwenopvang".into())).unwrap();
        assert_eq!(shelter.open_state(monday_ten), Some(OpenState::OpenDayAndNight));
        assert!(shelter.locations.iter().all(|l| l.location.address.is_none()), "secret address");
        assert!(import.records.iter().any(|r| r.phones.iter().any(|p| p.kind == PhoneKind::Text)));
        assert!(import.records.iter().any(|r| r.cost.free == Some(true) && r.referral != Some(true)));
        assert!(import.records.iter().any(|r| r.referral == Some(true)));
        assert!(import
            .records
            .iter()
            .any(|r| r.status == Status::TemporarilyClosed && r.alert.is_some()));
        assert!(import.records.iter().any(|r| r.languages.contains(&"ar".to_string())));
        // A monthly evening hour is read by its rule, and said with the data's own words.
        let evening = import.records.iter().flat_map(|r| r.hours().other_lines(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), crate::i18n::Lang::Nl)).find(|line| line.contains("van de maand"));
        assert_eq!(evening.as_deref(), Some("Elke 2e dinsdag van de maand, 19:00–21:00 (Avondspreekuur elke tweede dinsdag van de maand.)"));
        // The example keeps a real-world oddity; it is named and left out alone.
        let fields: Vec<&str> = import.issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["service_at_locations[0].location.latitude"]);
        assert!(import.issues.iter().all(|i| i.outcome == IssueOutcome::Dropped));
    }

    #[test]
    fn a_geojson_area_counts_by_its_name_and_the_service_by_its_own_address() {
        // As directory data often has it: the area as a shape, which the app has no map to
        // test a postcode against, with the wijk's name.
        let services = serde_json::json!([{
            "id": "buurtteam-noord", "name": "Buurtteam Noord",
            "service_areas": [{ "name": "Noord", "extent_type": "geojson",
                "extent": "{\"type\":\"Polygon\",\"coordinates\":[[[4.47,51.92],[4.49,51.92],[4.49,51.93],[4.47,51.92]]]}" }],
            "service_at_locations": [{ "location": { "id": "l", "addresses": [{ "address_1": "Noordsingel 4", "postal_code": "3316 AB", "city": "Voorbeeldstad" }] } }]
        }]);
        let mut import = super::import_hsds("k.json", &services.to_string(), &Taxonomy::default(), crate::sociale_kaart::import::test_today());
        assert!(import.issues.is_empty(), "{:?}", import.issues);
        let named = vec![("Noord".to_string(), vec!["3311-3313".to_string()])];
        crate::sociale_kaart::model::resolve_named_areas(&mut import.records, &named);
        let team = &import.records[0];
        assert!(team.coverage_of(3312).is_some(), "the wijk's postcodes, by the area's name");
        assert!(team.coverage_of(3316).is_some(), "the postcode of its own door");
        assert_eq!(team.coverage_of(3318), None);
    }

    #[test]
    fn accessibility_comes_with_its_page_and_a_bad_link_is_dropped() {
        let place = |url: &str| serde_json::json!([{ "id": "s", "name": "S", "service_at_locations": [{ "location": { "id": "l",
            "accessibility": [{ "description": "Rolstoeltoegankelijk, lift aanwezig.", "url": url }] } }] }]);
        let read = |url: &str| super::import_hsds("k.json", &place(url).to_string(), &Taxonomy::default(), crate::sociale_kaart::import::test_today());
        let good = read("https://www.voorbeeldstad.nl/toegankelijk");
        let location = &good.records[0].locations[0].location;
        assert_eq!(location.accessibility.as_deref(), Some("Rolstoeltoegankelijk, lift aanwezig."));
        assert_eq!(location.accessibility_url.as_deref(), Some("https://www.voorbeeldstad.nl/toegankelijk"));
        let bad = read("javascript:alert(1)");
        assert_eq!(bad.records[0].locations[0].location.accessibility_url, None);
        assert_eq!(bad.issues[0].field, "service_at_locations[0].location.accessibility[0].url");
    }

    #[test]
    fn schedules_follow_their_rfc5545_rule() {
        let read = |schedule: Value| {
            let services = serde_json::json!([{ "id": "s", "name": "S", "schedules": [schedule] }]);
            let mut import = super::import_hsds("k.json", &services.to_string(), &Taxonomy::default(), crate::sociale_kaart::import::test_today());
            assert!(import.issues.is_empty(), "{:?}", import.issues);
            import.records.remove(0)
        };
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let open_on = |record: &ServiceRecord, days: &[NaiveDate]| -> Vec<bool> {
            days.iter().map(|d| record.hours().is_open_at(d.and_hms_opt(10, 0, 0).unwrap())).collect()
        };
        let hours = |rule: Value| {
            let mut schedule = serde_json::json!({ "opens_at": "09:00", "closes_at": "12:00" });
            schedule.as_object_mut().unwrap().extend(rule.as_object().unwrap().clone());
            read(schedule)
        };
        // Mondays in January 2027: the 4th, 11th, 18th and 25th.
        let mondays = [date(2027, 1, 4), date(2027, 1, 11), date(2027, 1, 18), date(2027, 1, 25)];
        let fortnightly = hours(serde_json::json!({ "freq": "WEEKLY", "interval": 2, "dtstart": "2027-01-04", "byday": "MO" }));
        assert_eq!(open_on(&fortnightly, &mondays), [true, false, true, false]);
        let twice = hours(serde_json::json!({ "freq": "WEEKLY", "dtstart": "2027-01-04", "count": 2, "byday": "MO" }));
        assert_eq!(open_on(&twice, &mondays), [true, true, false, false], "count: the first two");
        let first_week = hours(serde_json::json!({ "freq": "WEEKLY", "byweekno": "1", "byday": "MO" }));
        assert_eq!(open_on(&first_week, &mondays), [true, false, false, false], "ISO week 1");
        // Tuesdays in January 2027: the 5th, 12th, 19th and 26th.
        let tuesdays = [date(2027, 1, 5), date(2027, 1, 12), date(2027, 1, 19), date(2027, 1, 26)];
        let second_and_last = hours(serde_json::json!({ "freq": "MONTHLY", "byday": "2TU,-1TU" }));
        assert_eq!(open_on(&second_and_last, &tuesdays), [false, true, false, true]);
        let every_other_month = hours(serde_json::json!({ "freq": "MONTHLY", "interval": 2, "dtstart": "2027-01-01", "byday": "1TU" }));
        assert_eq!(open_on(&every_other_month, &[date(2027, 1, 5), date(2027, 2, 2), date(2027, 3, 2)]), [true, false, true]);
        let month_days = hours(serde_json::json!({ "freq": "MONTHLY", "bymonthday": "1,-1" }));
        assert_eq!(open_on(&month_days, &[date(2027, 2, 1), date(2027, 2, 2), date(2027, 2, 27), date(2027, 2, 28)]), [true, false, false, true]);
        let from_dtstart = hours(serde_json::json!({ "freq": "MONTHLY", "dtstart": "2026-01-15" }));
        assert_eq!(open_on(&from_dtstart, &[date(2027, 1, 15), date(2027, 1, 16)]), [true, false], "the day of dtstart");
        // A bad first date is named once, not once per use.
        let services = serde_json::json!([{ "id": "s", "name": "S", "schedules": [{ "byday": "MO", "opens_at": "09:00", "closes_at": "12:00", "dtstart": "morgen" }] }]);
        let bad = super::import_hsds("k.json", &services.to_string(), &Taxonomy::default(), crate::sociale_kaart::import::test_today());
        assert_eq!(bad.issues.iter().filter(|i| i.field == "schedules[0].dtstart").count(), 1, "{:?}", bad.issues);
        // Times in `timezone` (hours from UTC) become Dutch local time.
        let utc = read(serde_json::json!({ "byday": "MO", "opens_at": "08:00", "closes_at": "11:00", "timezone": 0 }));
        let today = chrono::Local::now().date_naive();
        let local = crate::sociale_kaart::hours::to_netherlands_time(NaiveTime::from_hms_opt(8, 0, 0).unwrap(), 0, today);
        assert_eq!(utc.schedules[0].opens_at, local);
    }

    #[test]
    fn hours_that_do_not_hold_today_or_every_week_never_say_open() {
        let today = chrono::Local::now().date_naive();
        let day = |days: i64| (today + chrono::Duration::days(days)).to_string();
        let service = |schedule: Value| serde_json::json!({ "id": "s", "name": "S", "schedules": [schedule] });
        let read = |schedule: Value| super::import_hsds("k.json", &Value::from(vec![service(schedule)]).to_string(), &Taxonomy::default(), crate::sociale_kaart::import::test_today());
        let always = serde_json::json!({ "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR,SA,SU", "opens_at": "00:00", "closes_at": "00:00" });
        let with = |extra: Value| {
            let mut schedule = always.clone();
            schedule.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
            schedule
        };
        assert!(!read(always.clone()).records[0].schedules.is_empty(), "the plain case holds");
        for (case, extra) in [
            ("expired", serde_json::json!({ "valid_to": day(-1) })),
            ("ended by until", serde_json::json!({ "until": day(-3) })),
        ] {
            let import = read(with(extra));
            assert!(import.records[0].schedules.is_empty(), "{case}");
            assert_eq!(import.issues[0].problem, Problem::NotCurrent, "{case}");
        }
        // Hours that begin in two days are kept, and closed until then.
        let later = read(with(serde_json::json!({ "valid_from": day(2) })));
        let now = chrono::Local::now().naive_local();
        assert!(later.issues.is_empty() && !later.records[0].hours().is_open_at(now));
        assert!(later.records[0].hours().is_open_at(now + chrono::Duration::days(3)));
        let current = read(with(serde_json::json!({ "valid_from": day(-10), "valid_to": day(10) })));
        assert!(current.records[0].hours().is_open_at(now));
        assert!(!current.records[0].hours().is_open_at(now + chrono::Duration::days(11)), "not after valid_to");
        // What no rule here expresses is shown as its text.
        for (case, extra) in [
            ("every other week without a first date", serde_json::json!({ "interval": 2, "description": "Om de week op maandag." })),
            ("days of the year", serde_json::json!({ "freq": "YEARLY", "byyearday": "1", "description": "Op nieuwjaarsdag." })),
            ("an ordinal in a week", serde_json::json!({ "byday": "2MO", "description": "Elke tweede maandag." })),
        ] {
            let import = read(with(extra.clone()));
            let record = &import.records[0];
            assert!(record.schedules.is_empty(), "{case}: not as hours");
            assert_eq!(record.hours_notes, [extra["description"].as_str().unwrap()], "{case}: as its text");
        }
        let by_appointment = read(serde_json::json!({ "description": "Op afspraak" }));
        assert_eq!(by_appointment.records[0].hours_notes, ["Op afspraak"]);
        assert!(by_appointment.issues.is_empty(), "a schedule with only a description is valid HSDS");
    }

    #[test]
    fn organisation_and_service_at_location_files_give_their_services() {
        let organisation = serde_json::json!({
            "id": "org-1", "name": "Stichting Welzijn West", "website": "https://welzijnwest.example.nl",
            "services": [{ "id": "maatjes", "name": "Maatjesproject" }, { "id": "mantelzorg", "name": "Mantelzorgsteunpunt" }]
        });
        let read = import(&organisation.to_string());
        assert_eq!(read.records.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["maatjes", "mantelzorg"]);
        assert!(read.records.iter().all(|r| r.organization.as_ref().is_some_and(|o| o.name == "Stichting Welzijn West")));
        let page = serde_json::json!({ "total_items": 1, "contents": [organisation] });
        assert_eq!(import(&page.to_string()).records.len(), 2, "an API page of organisations");

        let at = |id: &str, postcode: &str| serde_json::json!({
            "id": id, "service": { "id": "inloop", "name": "Inloopspreekuur" },
            "location": { "id": format!("loc-{id}"), "addresses": [{ "address_1": "Plein 1", "postal_code": postcode, "city": "Almelo" }] },
            "schedules": [{ "freq": "WEEKLY", "byday": "MO", "opens_at": "09:00", "closes_at": "12:00" }]
        });
        let places = import(&Value::from(vec![at("a", "7601 AA"), at("b", "7602 BB")]).to_string());
        assert_eq!(places.records.len(), 1, "one service, two places: {:?}", places.issues);
        let record = &places.records[0];
        assert_eq!(record.locations.len(), 2);
        assert_eq!((record.coverage_of(7601), record.coverage_of(7602)), (Some(0), Some(0)));
        assert!(!record.hours().is_empty());
        assert_eq!(import(&at("c", "7603 CC").to_string()).records.len(), 1, "a single service_at_location file");
    }

    /// Open Referral's own examples, where `../shared/hsds` is present (a user's clone has
    /// none: then this says so and passes).
    #[test]
    fn open_referral_s_own_examples_read_as_services() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/hsds/3.0/examples");
        if !folder.is_dir() {
            eprintln!("skipped: {} is absent", folder.display());
            return;
        }
        for (file, at_least) in [("service_full.json", 1), ("service_list.json", 1), ("organization_full.json", 1),
                                 ("service_at_location_full.json", 1), ("service_at_location_list.json", 1)] {
            let text = std::fs::read_to_string(folder.join(file)).unwrap();
            let read = import(&text);
            assert!(read.records.len() >= at_least, "{file}: {:?}", read.issues);
            assert!(read.issues.iter().all(|i| i.outcome != IssueOutcome::Refused), "{file}: {:?}", read.issues);
        }
    }

    #[test]
    fn what_a_user_needs_to_reach_and_apply_is_read_not_dropped() {
        let text = serde_json::json!([{
            "id": "jgz", "name": "Jeugdgezondheidszorg",
            "phones": [{ "number": "010-5550100", "extension": 123 }],
            "contacts": [{ "name": "Mw. Jansen", "title": "jeugdverpleegkundige", "phones": [{ "number": "010-5550111" }] }],
            "application_process": "Bel voor een eerste gesprek of vraag de huisarts.",
            "required_documents": [{ "document": "Legitimatiebewijs" }, { "document": "Verwijsbrief van de huisarts" }],
            "additional_urls": [{ "label": "Aanmeldformulier", "url": "https://www.voorbeeldstad.nl/jgz/aanmelden" },
                                { "title": "Vals", "url": "javascript:alert(1)" }]
        }]).to_string();
        let import = import(&text);
        let record = &import.records[0];
        assert_eq!(record.phones[0].extension.as_deref(), Some("123"));
        assert_eq!(record.phones[1].number, "010-5550111");
        assert_eq!(record.phones[1].description.as_deref(), Some("Mw. Jansen, jeugdverpleegkundige"));
        assert_eq!(record.application_process.as_deref(), Some("Bel voor een eerste gesprek of vraag de huisarts."));
        assert_eq!(record.required_documents, ["Legitimatiebewijs", "Verwijsbrief van de huisarts"]);
        assert_eq!(record.links.len(), 1, "a javascript: link is dropped");
        assert_eq!(record.links[0].title.as_deref(), Some("Aanmeldformulier"));
        assert_eq!(import.issues.len(), 1);
        assert_eq!(import.issues[0].field, "additional_urls[1].url");
    }

    #[test]
    fn cost_options_say_what_they_cost() {
        let text = serde_json::json!([{ "id": "s", "name": "S", "cost_options": [
            { "id": "c1", "option": "Eigen bijdrage", "amount": 25, "currency": "EUR", "amount_description": "per maand" },
            { "id": "c2", "amount": "12.5" },
            { "id": "c3", "option": "Eerste gesprek", "amount": 0 }] }]).to_string();
        let import = import(&text);
        assert_eq!(import.records[0].cost.options, ["Eigen bijdrage: € 25,00 per maand", "€ 12,50", "Eerste gesprek"]);
        assert_eq!(import.records[0].cost.free, Some(false), "not all options are free");
    }

    #[test]
    fn hsds_3_1_areas_on_the_service_at_location_count_for_the_service() {
        let text = serde_json::json!([{ "id": "s", "name": "S", "service_at_locations": [{
            "id": "sal", "service_areas": [{ "id": "a", "name": "Noord", "extent_type": "text", "extent": "3311-3313" }],
            "location": { "id": "l", "name": "Wijkcentrum" } }] }]).to_string();
        let import = import(&text);
        assert_eq!(import.records[0].coverage_of(3312), Some(2), "{:?}", import.issues);
    }

    #[test]
    fn the_voorbeeldstad_region_reads_cleanly() {
        let import = import(VOORBEELDSTAD);
        assert!(import.issues.is_empty(), "{:#?}", import.issues);
        assert!((55..=70).contains(&import.records.len()), "{}", import.records.len());
        let directory =
            crate::sociale_kaart::directory::Directory::new(import.records, Taxonomy::default());
        assert_eq!(crate::sociale_kaart::model::serving(directory.records(), "wijkteam", 3312).unwrap().id, "buurtteam-noord");
        assert_eq!(crate::sociale_kaart::model::serving(directory.records(), "wijkteam", 3315).unwrap().id, "buurtteam-centrum");
        assert_eq!(crate::sociale_kaart::model::serving(directory.records(), "wijkteam", 3319).unwrap().id, "buurtteam-zuid");
        let sunday_night =
            NaiveDate::from_ymd_opt(2026, 11, 29).unwrap().and_hms_opt(3, 0, 0).unwrap();
        for id in ["buurtteam-noord", "cjg-voorbeeldstad"] {
            assert!(directory.get(id).is_some(), "{id}");
        }
        let open = directory.search(
            "",
            &crate::sociale_kaart::search::Filters {
                open_at: Some(sunday_night),
                ..Default::default()
            },
        );
        assert!(open
            .iter()
            .any(|&i| directory.records()[i].themes.contains(&"vrouwenopvang".into())));
        for record in directory.records() {
            for phone in &record.phones {
                assert!(phone.number.starts_with("010-555"), "{}: {}", record.id, phone.number);
            }
            if let Some(website) = &record.website {
                assert!(website.starts_with("https://") && website.contains(".nl"), "{website}");
            }
        }
    }

    #[test]
    fn a_bad_record_is_skipped_and_named_the_rest_stays() {
        let text = r#"[
            {"id": "goed-1", "name": "Goed"},
            {"id": "kapot", "name": 42},
            {"name": "Zonder id"},
            {"id": "goed-1", "name": "Dubbel"},
            {"id": "Goed-2", "name": "Goed twee", "minimum_age": "12", "maximum_age": 8},
            {"id": 17, "name": "Nummer", "minimum_age": {"jaar": 4}, "maximum_age": true}
        ]"#;
        let import = import(text);
        let ids: Vec<&str> = import.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["goed-1", "goed-2", "17"]);
        let not_a_number = |field| issue(&import, 5, field).map(|i| i.problem.clone());
        assert_eq!(not_a_number("minimum_age"), Some(Problem::NotANumber { value: r#"{"jaar":4}"#.into() }));
        assert_eq!(not_a_number("maximum_age"), Some(Problem::NotANumber { value: "true".into() }));
        let wrong = issue(&import, 1, "name").unwrap();
        assert_eq!(wrong.outcome, IssueOutcome::Skipped);
        assert_eq!(wrong.record.as_ref().unwrap().id.as_deref(), Some("kapot"));
        assert_eq!(wrong.problem, Problem::BadShape);
        // In plain words, without the parser's ("invalid type: integer `42`, expected …").
        let message = wrong.message(crate::i18n::Lang::Nl);
        assert!(message.contains("niet de vorm") && !message.contains("invalid type") && !message.contains("expected"), "{message}");
        assert_eq!(
            issue(&import, 2, "id").unwrap().problem,
            Problem::Pack(PackProblem::MissingField { field: "id".into() })
        );
        assert!(matches!(
            issue(&import, 3, "id").unwrap().problem,
            Problem::Pack(PackProblem::DuplicateId { .. })
        ));
        assert_eq!(issue(&import, 4, "minimum_age").unwrap().problem, Problem::AgeOrder);
        assert_eq!(import.records[1].minimum_age, None);
    }

    #[test]
    fn one_mistyped_field_drops_that_field_never_the_service() {
        let text = serde_json::json!([{
            "id": "inloop", "name": "Inloop", "description": "Open inloop.",
            "languages": ["nl", {"code": "tr"}],
            "cost_options": [{"amount": "0.00"}],
            "service_at_locations": [{ "location": { "id": "l", "latitude": "52.1", "longitude": 5,
                "addresses": [{ "address_1": "Plein 1", "postal_code": "3311 AA", "city": "Voorbeeldstad" }] } }],
            "phones": {"number": "010-5550101"},
            "schedules": [{"byday": "MO", "opens_at": 9, "closes_at": "12:00"}]
        }]).to_string();
        let import = import(&text);
        assert_eq!(import.records.len(), 1, "{:?}", import.issues);
        let record = &import.records[0];
        assert_eq!(record.languages, ["nl", "tr"], "languages as plain strings read");
        let codes = serde_json::json!([{ "id": "t", "name": "Talen", "languages": [{"code": "nld"}, {"code": "tur"}, {"code": "pap"}, {"code": "nl-NL"}, {"code": "x1"}] }]);
        let read = super::import_hsds("k.json", &codes.to_string(), &Taxonomy::default(), crate::sociale_kaart::import::test_today());
        assert_eq!(read.records[0].languages, ["nl", "tr", "pap"], "ISO 639-3 read, the same language once");
        assert_eq!(read.issues.len(), 1, "only x1 is not a language code");
        assert_eq!(record.cost.free, Some(true), "an amount \"0.00\" is zero");
        assert_eq!(record.description.as_deref(), Some("Open inloop."));
        assert_eq!(record.locations[0].location.postcode(), Some(3311));
        let dropped: Vec<_> = import.issues.iter().map(|i| (i.field.as_str(), &i.problem, i.outcome)).collect();
        assert!(dropped.contains(&("phones", &Problem::BadShape, IssueOutcome::Dropped)), "{dropped:?}");
        assert!(dropped.iter().any(|(field, p, o)| field.starts_with("schedules[0]") && **p == Problem::BadShape && *o == IssueOutcome::Dropped), "{dropped:?}");
    }

    #[test]
    fn themes_beyond_the_default_list_are_kept_found_and_told_once() {
        let service = |id: &str, theme: &str| serde_json::json!({ "id": id, "name": format!("Dienst {id}"),
            "attributes": [{ "taxonomy_term": { "code": theme, "taxonomy": "thema" } }] });
        let text = serde_json::json!([service("a", "Mantelzorg"), service("b", "mantelzorg"), service("c", "Ontmoeten"),
            service("d", "Huiselijk geweld")]).to_string();
        let import = import(&text);
        let themes: Vec<_> = import.records.iter().map(|r| r.themes.clone()).collect();
        assert_eq!(themes, [vec!["mantelzorg"], vec!["mantelzorg"], vec!["ontmoeten"], vec!["huiselijk-geweld"]]);
        let told: Vec<_> = import.issues.iter().map(|i| (&i.problem, i.outcome)).collect();
        assert_eq!(told, [(&Problem::UnknownTheme { value: "Mantelzorg".into() }, IssueOutcome::Kept),
                          (&Problem::UnknownTheme { value: "Ontmoeten".into() }, IssueOutcome::Kept)]);
        // Searchable by the name the data gives, and offered as a theme.
        let taxonomy = import.taxonomy(Taxonomy::default());
        assert_eq!(taxonomy.theme("mantelzorg").map(|t| t.label.nl.as_str()), Some("Mantelzorg"));
        let directory = crate::sociale_kaart::directory::Directory::new(import.records, taxonomy);
        let found: Vec<_> = directory.search("mantelzorg", &Default::default()).into_iter()
            .map(|i| directory.records()[i].id.clone()).collect();
        assert_eq!(found, ["a", "b"]);

        // A term with a code of its own and a name: known by its name, shown by its name.
        let coded = |code: &str, name: &str| serde_json::json!([{ "id": "x", "name": "X",
            "attributes": [{ "taxonomy_term": { "code": code, "name": name } }] }]).to_string();
        assert_eq!(super::import_hsds("k.json", &coded("HG-01", "Huiselijk geweld"), &Taxonomy::default(), crate::sociale_kaart::import::test_today()).records[0].themes, ["huiselijk-geweld"]);
        let respite = super::import_hsds("k.json", &coded("MZ-7", "Mantelzorg en respijt"), &Taxonomy::default(), crate::sociale_kaart::import::test_today());
        assert_eq!(respite.records[0].themes, ["mz-7"]);
        assert_eq!(respite.new_terms.themes[0].label.nl, "Mantelzorg en respijt");
        // A term that cannot be a name is dropped with what is wrong with it.
        let refused = |code: &str| super::import_hsds("k.json", &coded(code, ""), &Taxonomy::default(), crate::sociale_kaart::import::test_today()).issues[0].problem.clone();
        assert_eq!(refused(&"x".repeat(150)), Problem::Pack(PackProblem::TooLong { max: 100 }));
        assert_eq!(refused("<b>x</b>"), Problem::Pack(PackProblem::Markup));
        assert_eq!(refused("!!!"), Problem::Pack(PackProblem::Empty));
    }

    #[test]
    fn a_file_full_of_bad_values_keeps_a_few_hundred_issues_and_counts_the_rest() {
        let services: Vec<_> = (0..1_000)
            .map(|i| serde_json::json!({ "id": format!("s-{i}"), "name": "Dienst", "url": "javascript:x", "email": "geen" }))
            .collect();
        let import = import(&Value::from(services).to_string());
        assert_eq!(import.records.len(), 1_000, "a bad field drops the field, not the service");
        assert_eq!(import.issues.len(), super::super::MAX_ISSUES_PER_FILE);
        assert_eq!(import.issues.len() + import.more_issues, 2_000);
    }

    #[test]
    fn hostile_input_is_kept_as_text_or_dropped() {
        let long = "x".repeat(6_000);
        let text = serde_json::json!([{
            "id": "hostile",
            "name": "<script>alert(1)</script> Buurtteam",
            "description": long,
            "url": "javascript:alert(1)",
            "email": "a@b.nl\"><script>",
            "phones": [{"number": "0800<script>"}, {"number": "010-555 0199", "type": "text"}],
            "organization": {"name": "Org", "website": "data:text/html,hoi"},
            "service_areas": [{"name": "Noord", "extent_type": "text", "extent": "3311-3313, 33AB"}],
            "schedules": [{"freq": "MONTHLY", "interval": 2, "byday": "2MO", "opens_at": "09:00", "closes_at": "12:00"},
                          {"byday": "MO,XX", "opens_at": "09:00", "closes_at": "12:00"},
                          {"byday": "TU", "opens_at": "9 uur", "closes_at": "12:00"}],
            "languages": [{"code": "n1d"}],
            "attributes": [{"taxonomy_term": {"code": "ruimtevaart"}}],
            "assured_date": "2999-01-01"
        }])
        .to_string();
        let import = import(&text);
        let record = &import.records[0];
        assert_eq!(record.name, "<script>alert(1)</script> Buurtteam", "kept as plain text");
        assert_eq!(record.description, None);
        assert_eq!((record.website.as_deref(), record.email.as_deref()), (None, None));
        assert_eq!(record.phones.len(), 1);
        assert_eq!(record.areas[0].postcodes.len(), 1);
        assert!(record.schedules.is_empty() && record.languages.is_empty());
        // A theme outside the default list is kept, under its own name.
        assert_eq!(record.themes, ["ruimtevaart"]);
        assert_eq!(import.new_terms.themes[0].label.nl, "ruimtevaart");
        assert_eq!(record.assured_date, None);
        assert_eq!(record.organization.as_ref().unwrap().website, None);
        let found = |field: &str| issue(&import, 0, field).map(|i| (i.problem.clone(), i.outcome));
        let pack = |p| Some((Problem::Pack(p), IssueOutcome::Dropped));
        assert_eq!(found("name"), Some((Problem::Pack(PackProblem::Markup), IssueOutcome::Kept)));
        assert_eq!(found("description"), pack(PackProblem::TooLong { max: 5_000 }));
        assert_eq!(found("url"), pack(PackProblem::BadUrl));
        assert_eq!(found("email"), pack(PackProblem::BadEmail));
        assert_eq!(found("phones[0].number"), pack(PackProblem::BadPhone));
        assert_eq!(found(&["organization", "website"].join(".")), pack(PackProblem::BadUrl));
        assert_eq!(found("service_areas[0].extent"), pack(PackProblem::BadPostcode));
        assert_eq!(found("schedules[0].freq"), Some((Problem::NotWeekly, IssueOutcome::Dropped)));
        assert!(matches!(found("schedules[1].byday"), Some((Problem::BadHours { .. }, _))));
        assert!(matches!(found("schedules[2].opens_at"), Some((Problem::BadHours { .. }, _))));
        assert!(matches!(found("languages[0].code"), Some((Problem::BadLanguage { .. }, _))));
        assert!(matches!(
            found("attributes[0].taxonomy_term.code"),
            Some((Problem::UnknownTheme { .. }, _))
        ));
        assert_eq!(found("assured_date"), pack(PackProblem::CheckedInFuture));
    }

    #[test]
    fn the_day_the_caller_gives_decides_what_is_in_the_future_and_what_has_ended() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let text = serde_json::json!([{
            "id": "s", "name": "S", "assured_date": "2027-03-10",
            "schedules": [{ "freq": "WEEKLY", "byday": "MO", "opens_at": "09:00", "closes_at": "12:00", "valid_to": "2027-03-20" }]
        }])
        .to_string();
        let read = |today: &str| super::import_hsds("k.json", &text, &Taxonomy::default(), day(today));
        // Two days before the check date it is in the future; one day ahead is allowed.
        let early = read("2027-03-08");
        assert_eq!(early.records[0].assured_date, None);
        assert_eq!(issue(&early, 0, "assured_date").map(|i| i.problem.clone()), Some(Problem::Pack(PackProblem::CheckedInFuture)));
        assert_eq!(early.records[0].schedules.len(), 1, "the hours still hold");
        let checked = read("2027-03-09");
        assert_eq!(checked.records[0].assured_date, Some(day("2027-03-10")));
        assert_eq!(checked.records[0].schedules.len(), 1);
        // After `valid_to` the hours are not today's any more.
        let later = read("2027-03-21");
        assert_eq!(later.records[0].assured_date, Some(day("2027-03-10")));
        assert!(later.records[0].schedules.is_empty());
        assert!(later.issues.iter().any(|i| i.problem == Problem::NotCurrent), "{:?}", later.issues);
    }

    #[test]
    fn absurd_files_are_refused_whole() {
        let refused = |import: Import| {
            assert!(import.records.is_empty());
            assert_eq!(import.issues.len(), 1);
            assert_eq!(import.issues[0].outcome, IssueOutcome::Refused);
            import.issues[0].problem.clone()
        };
        let huge = " ".repeat(MAX_DATA_FILE_BYTES + 1);
        assert!(matches!(refused(import(&huge)), Problem::Pack(PackProblem::TooLarge { .. })));
        let many = format!("[{}]", vec!["{}"; MAX_SERVICES + 1].join(","));
        assert_eq!(refused(import(&many)), Problem::TooManyServices { count: MAX_SERVICES + 1 });
        assert!(matches!(
            refused(import("[{\"id\": ")),
            Problem::Pack(PackProblem::NotJson { .. })
        ));
        assert_eq!(refused(import("{\"type\": \"FeatureCollection\"}")), Problem::NotAServiceList);
        assert!(matches!(
            refused(import(&"[".repeat(100_000))),
            Problem::Pack(PackProblem::NotJson { .. })
        ));
    }

    #[test]
    fn an_api_page_and_a_single_service_read_too() {
        let page = r#"{"total_items": 1, "contents": [{"id": "a", "name": "A"}]}"#;
        assert_eq!(import(page).records.len(), 1);
        assert_eq!(import(r#"{"id": "a", "name": "A", "extra": {"x": [1]}}"#).records.len(), 1);
        let nulls = r#"[{"id": "a", "name": "A", "phones": null, "organization": null, "schedules": [
            {"byday": "SA,SU", "opens_at": "10:00:00", "closes_at": "12:00:00+01:00"}]}]"#;
        let record = &import(nulls).records[0];
        assert_eq!(record.schedules[0].days, [Weekday::Sat, Weekday::Sun]);
    }
}
