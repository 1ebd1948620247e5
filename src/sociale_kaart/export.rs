//! The sociale kaart as Open Referral HSDS 3.0 JSON, from any accepted input (HSDS in another
//! shape, the CSV template): a list of services with their organisation, places, phones,
//! hours, areas, languages and taxonomy terms. What Meldwijzer reads back from it is what it
//! read the first time. Objects HSDS requires an id for get a stable one made from the
//! service's id and their place ("buurtteam-noord-phone-0"); a field HSDS requires but the
//! data does not have is left empty, never filled in.

use super::hours::rfc5545_day;
use super::model::{Phone, ServiceRecord, Taxonomy};
use crate::sociale_kaart::hours::{Schedule, ALL_DAYS};
use serde_json::{json, Map, Value};

/// The records as an HSDS 3.0 service list.
pub fn to_hsds(records: &[ServiceRecord], taxonomy: &Taxonomy) -> Value {
    Value::Array(records.iter().map(|record| service(record, taxonomy)).collect())
}

fn service(record: &ServiceRecord, taxonomy: &Taxonomy) -> Value {
    let id = record.id.as_str();
    let mut service = Map::new();
    service.insert("id".into(), id.into());
    service.insert("name".into(), record.name.as_str().into());
    // As the model writes it: HSDS's own words ("temporarily closed").
    service.insert("status".into(), serde_json::to_value(record.status).unwrap_or_else(|_| "active".into()));
    let mut text = |key: &str, value: &Option<String>| {
        if let Some(value) = value {
            service.insert(key.into(), value.as_str().into());
        }
    };
    text("description", &record.description);
    text("url", &record.website);
    text("email", &record.email);
    text("alert", &record.alert);
    text("eligibility_description", &record.eligibility);
    text("fees_description", &record.cost.description);
    text("application_process", &record.application_process);
    if let Some(age) = record.minimum_age {
        service.insert("minimum_age".into(), age.into());
    }
    if let Some(age) = record.maximum_age {
        service.insert("maximum_age".into(), age.into());
    }
    if let Some(date) = record.assured_date {
        service.insert("assured_date".into(), date.format("%Y-%m-%d").to_string().into());
    }
    let mut costs: Vec<Value> = record.cost.options.iter().enumerate()
        .map(|(i, text)| json!({ "id": format!("{id}-cost-{i}"), "option": text }))
        .collect();
    if record.cost.free == Some(true) {
        costs.push(json!({ "id": format!("{id}-cost-free"), "amount": 0 }));
    }
    service.insert("cost_options".into(), costs.into());
    if let Some(organization) = &record.organization {
        let org_id = organization.id.clone().unwrap_or_else(|| format!("{id}-organization"));
        let mut org = json!({
            "id": org_id,
            "name": organization.name,
            "description": organization.description.clone().unwrap_or_default(),
            "phones": phones(&format!("{id}-organization"), &organization.phones),
        });
        if let Some(website) = &organization.website {
            org["website"] = website.as_str().into();
        }
        if let Some(email) = &organization.email {
            org["email"] = email.as_str().into();
        }
        service.insert("organization".into(), org);
    }
    service.insert("phones".into(), phones(id, &record.phones));
    service.insert("schedules".into(), schedules(id, &record.schedules, &record.hours_notes));
    let areas: Vec<Value> = record.areas.iter().enumerate().map(|(i, area)| {
        let mut value = json!({ "id": format!("{id}-area-{i}") });
        if let Some(name) = &area.name {
            value["name"] = name.as_str().into();
        }
        if !area.postcodes.is_empty() {
            value["extent_type"] = "text".into();
            value["extent"] = area.postcodes.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ").into();
        }
        value
    }).collect();
    service.insert("service_areas".into(), areas.into());
    let places: Vec<Value> = record.locations.iter().enumerate().map(|(i, at)| {
        let at_id = format!("{id}-at-{i}");
        let location = &at.location;
        let location_id = location.id.clone().unwrap_or_else(|| format!("{at_id}-location"));
        let mut place = json!({
            "id": location_id,
            "location_type": if location.address.is_some() { "physical" } else { "virtual" },
            "phones": phones(&format!("{at_id}-location"), &location.phones),
            "schedules": schedules(&format!("{at_id}-location"), &location.schedules, &[]),
        });
        if let Some(name) = &location.name {
            place["name"] = name.as_str().into();
        }
        if let Some(address) = &location.address {
            // HSDS requires these; what the data lacks stays empty. Dutch postcodes are
            // all the import accepts, so the country is the Netherlands.
            place["addresses"] = json!([{
                "id": format!("{at_id}-address"),
                "address_1": address.street.clone().unwrap_or_default(),
                "city": address.city.clone().unwrap_or_default(),
                "state_province": "",
                "postal_code": address.postal_code.clone().unwrap_or_default(),
                "country": "NL",
                "address_type": "physical",
            }]);
        }
        if location.accessibility.is_some() || location.accessibility_url.is_some() {
            let mut entry = json!({ "id": format!("{at_id}-accessibility") });
            if let Some(text) = &location.accessibility {
                entry["description"] = text.as_str().into();
            }
            if let Some(url) = &location.accessibility_url {
                entry["url"] = url.as_str().into();
            }
            place["accessibility"] = json!([entry]);
        }
        if let (Some(latitude), Some(longitude)) = (location.latitude, location.longitude) {
            place["latitude"] = latitude.into();
            place["longitude"] = longitude.into();
        }
        let mut value = json!({
            "id": at_id,
            "phones": phones(&at_id, &at.phones),
            "schedules": schedules(&at_id, &at.schedules, &[]),
            "location": place,
        });
        if let Some(description) = &at.description {
            value["description"] = description.as_str().into();
        }
        value
    }).collect();
    service.insert("service_at_locations".into(), places.into());
    let languages: Vec<Value> = record.languages.iter().enumerate()
        .map(|(i, code)| json!({ "id": format!("{id}-language-{i}"), "code": code }))
        .collect();
    service.insert("languages".into(), languages.into());
    let documents: Vec<Value> = record.required_documents.iter().enumerate()
        .map(|(i, document)| json!({ "id": format!("{id}-document-{i}"), "document": document }))
        .collect();
    service.insert("required_documents".into(), documents.into());
    let links: Vec<Value> = record.links.iter().enumerate().map(|(i, link)| {
        let mut value = json!({ "id": format!("{id}-url-{i}"), "url": link.url });
        if let Some(title) = &link.title {
            value["label"] = title.as_str().into();
        }
        value
    }).collect();
    service.insert("additional_urls".into(), links.into());
    service.insert("attributes".into(), attributes(record, taxonomy).into());
    Value::Object(service)
}

fn phones(owner: &str, phones: &[Phone]) -> Value {
    phones.iter().enumerate().map(|(i, phone)| {
        let kind = serde_json::to_value(phone.kind).unwrap_or_else(|_| "voice".into());
        let mut value = json!({ "id": format!("{owner}-phone-{i}"), "number": phone.number, "type": kind });
        if let Some(description) = &phone.description {
            value["description"] = description.as_str().into();
        }
        if let Some(extension) = phone.extension.as_ref().and_then(|e| e.parse::<u64>().ok()) {
            value["extension"] = extension.into();
        }
        value
    }).collect::<Vec<_>>().into()
}

/// Weekly hours as RFC 5545 rules; what cannot be hours (a note) as a description alone.
fn schedules(owner: &str, schedules: &[Schedule], notes: &[String]) -> Value {
    let mut list: Vec<Value> = schedules.iter().enumerate().map(|(i, schedule)| {
        let days: Vec<&str> = ALL_DAYS.iter().filter(|d| schedule.days.contains(d)).map(|&d| rfc5545_day(d)).collect();
        let mut value = json!({
            "id": format!("{owner}-schedule-{i}"),
            "freq": "WEEKLY",
            "byday": days.join(","),
            "opens_at": schedule.opens_at.format("%H:%M").to_string(),
            "closes_at": schedule.closes_at.format("%H:%M").to_string(),
        });
        if let Some(description) = &schedule.description {
            value["description"] = description.as_str().into();
        }
        if let Some(repeat) = &schedule.repeat {
            let join = |parts: Vec<String>| parts.join(",");
            let nth = repeat.nth_weekdays.iter().map(|&(n, d)| format!("{n}{}", rfc5545_day(d)));
            let byday = join(days.iter().map(|d| d.to_string()).chain(nth).collect());
            value["freq"] = if repeat.monthly { "MONTHLY" } else { "WEEKLY" }.into();
            value["interval"] = repeat.interval.into();
            value["byday"] = byday.into();
            if !repeat.month_days.is_empty() {
                value["bymonthday"] = join(repeat.month_days.iter().map(i8::to_string).collect()).into();
            }
            if !repeat.week_numbers.is_empty() {
                value["byweekno"] = join(repeat.week_numbers.iter().map(i8::to_string).collect()).into();
            }
            if let Some(start) = repeat.start {
                value["dtstart"] = start.to_string().into();
            }
            if let Some(end) = repeat.end {
                value["until"] = end.to_string().into();
            }
        }
        value
    }).collect();
    list.extend(notes.iter().enumerate().map(|(i, note)| json!({ "id": format!("{owner}-note-{i}"), "description": note })));
    list.into()
}

/// Themes, target groups and the two marks, as taxonomy terms named as the taxonomy names them.
fn attributes(record: &ServiceRecord, taxonomy: &Taxonomy) -> Vec<Value> {
    let term = |code: &str, name: String, taxonomy: &str| json!({
        "id": format!("{}-{code}", record.id),
        "taxonomy_term": { "id": format!("{taxonomy}-{code}"), "code": code, "name": name, "description": "", "taxonomy": taxonomy },
    });
    let mut list = Vec::new();
    for id in &record.themes {
        let name = taxonomy.theme(id).map_or_else(|| id.clone(), |t| t.label.nl.clone());
        list.push(term(id, name, "thema"));
    }
    for id in &record.target_groups {
        let name = taxonomy.target_group(id).map_or_else(|| id.clone(), |t| t.label.nl.clone());
        list.push(term(id, name, "doelgroep"));
    }
    if record.cost.free == Some(true) {
        list.push(term("gratis", "Gratis".into(), "kenmerk"));
    }
    match record.referral {
        Some(true) => list.push(term("verwijzing-nodig", "Verwijzing nodig".into(), "kenmerk")),
        Some(false) => list.push(term("zonder-verwijzing", "Zonder verwijzing".into(), "kenmerk")),
        None => {}
    }
    list
}
