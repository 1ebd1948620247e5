//! A new region pack from a short form, for a gemeente starting from nothing: its name, what
//! it calls its local team, its wijken with their postcodes and its contacts, with where
//! these details come from and today as the date they were checked.

use crate::beheer::fixes::normal_postcode;
use crate::ground::checks::{has_markup, is_email, is_phone, is_web_url};
use crate::ground::contact::Area;
use crate::ground::limits::{MAX_URL_CHARS, REGION_FORMAT, REGION_VERSION};
use crate::i18n::{Lang, Text};
use serde::Serialize;

const MAX_NAME_CHARS: usize = 200;
const MAX_TEXT_CHARS: usize = 5_000;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewPackForm {
    /// "Gemeente Voorbeeldstad"
    pub gemeente: String,
    /// What the gemeente calls its local team: "Wijkteam", "Buurtteam" …
    pub local_team: String,
    /// Where these details come from (the gemeente's web page or document), for every contact.
    pub source: String,
    pub wijken: Vec<WijkForm>,
    pub contacts: Vec<ContactForm>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WijkForm {
    pub name: String,
    /// As typed: "3311, 3312 3313-3315".
    pub postcodes: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactForm {
    pub name: String,
    pub description: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    /// The names of the wijken (from the form's wijken) this contact serves.
    pub wijken: Vec<String>,
}

/// What is wrong with one field of the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormError {
    /// The field's id on the screen without its prefix: "gemeente", "wijk-0-postcodes",
    /// "contact-1-phone" (the screen writes it as `mw-new-{field}`).
    pub field: String,
    /// A key in `content/ui/beheer.*.json`.
    pub key: &'static str,
}

impl FormError {
    pub fn message(&self, lang: Lang) -> String {
        crate::i18n::t(lang, self.key)
    }
}

/// The pack as written: the schema's order (format first), without empty fields.
#[derive(Serialize)]
struct Pack {
    format: &'static str,
    version: u32,
    region: Region,
    contacts: Vec<Contact>,
    wijken: Vec<Area>,
}

#[derive(Serialize)]
struct Region {
    id: String,
    name: String,
    local_team: Text,
}

#[derive(Serialize)]
struct Contact {
    id: String,
    name: String,
    description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    website: Option<String>,
    areas: Vec<Area>,
    source: String,
    checked: chrono::NaiveDate,
}

struct Errors(Vec<FormError>);

impl Errors {
    fn add(&mut self, field: String, key: &'static str) {
        self.0.push(FormError { field, key });
    }

    /// A required text: not empty, not too long, no markup. The trimmed text when it is fine.
    fn text(&mut self, field: String, value: &str, max: usize) -> String {
        let value = value.trim();
        if value.is_empty() {
            self.add(field, "beheer.new_pack.error.required");
        } else if value.chars().count() > max {
            self.add(field, "beheer.new_pack.error.too_long");
        } else if has_markup(value) || value.chars().any(|c| c.is_control() && c != '\n') {
            self.add(field, "beheer.new_pack.error.markup");
        }
        value.to_string()
    }

    /// An optional field checked by `valid`: `None` when empty.
    fn optional(&mut self, field: String, value: &str, valid: fn(&str) -> bool, key: &'static str) -> Option<String> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        if !valid(value) {
            self.add(field, key);
        }
        Some(value.to_string())
    }
}

/// The new pack's JSON text (valid for `parse_region_pack`, dated `today`), or every field to
/// correct, in the order of the form.
pub fn new_pack(form: &NewPackForm, today: chrono::NaiveDate) -> Result<String, Vec<FormError>> {
    let mut errors = Errors(Vec::new());
    let gemeente = errors.text("gemeente".into(), &form.gemeente, MAX_NAME_CHARS);
    let local_team = errors.text("local-team".into(), &form.local_team, MAX_NAME_CHARS);

    if form.wijken.is_empty() {
        errors.add("add-wijk".into(), "beheer.new_pack.error.no_wijk");
    }
    let mut wijken: Vec<Area> = Vec::new();
    for (i, wijk) in form.wijken.iter().enumerate() {
        let name = errors.text(format!("wijk-{i}-name"), &wijk.name, MAX_NAME_CHARS);
        if !name.is_empty() && wijken.iter().any(|w| w.name.eq_ignore_ascii_case(&name)) {
            errors.add(format!("wijk-{i}-name"), "beheer.new_pack.error.wijk_twice");
        }
        let postcodes = match postcodes(&wijk.postcodes) {
            Some(list) => list,
            None => {
                let key = if wijk.postcodes.trim().is_empty() { "beheer.new_pack.error.required" } else { "beheer.new_pack.error.postcodes" };
                errors.add(format!("wijk-{i}-postcodes"), key);
                Vec::new()
            }
        };
        wijken.push(Area { name, postcodes });
    }

    if form.contacts.is_empty() {
        errors.add("add-contact".into(), "beheer.new_pack.error.no_contact");
    }
    let mut contacts: Vec<Contact> = Vec::new();
    for (i, contact) in form.contacts.iter().enumerate() {
        let at = |field: &str| format!("contact-{i}-{field}");
        let name = errors.text(at("name"), &contact.name, MAX_NAME_CHARS);
        let description = errors.text(at("description"), &contact.description, MAX_TEXT_CHARS);
        let phone = errors.optional(at("phone"), &contact.phone, is_phone, "beheer.new_pack.error.phone");
        let email = errors.optional(at("email"), &contact.email, is_email, "beheer.new_pack.error.email");
        let website = errors.optional(at("website"), &contact.website, is_web_url, "beheer.new_pack.error.website");
        if phone.is_none() && email.is_none() && website.is_none() {
            errors.add(at("phone"), "beheer.new_pack.error.no_way_to_reach");
        }
        let areas: Vec<Area> = wijken.iter().filter(|w| contact.wijken.iter().any(|c| c.trim() == w.name)).cloned().collect();
        if areas.is_empty() {
            errors.add(at("wijken"), "beheer.new_pack.error.contact_wijken");
        }
        let mut id = slug(&name, "contact");
        if contacts.iter().any(|c| c.id == id) {
            id = format!("{}-{}", id.chars().take(60).collect::<String>().trim_end_matches('-'), i + 1);
        }
        contacts.push(Contact { id, name, description: dutch(description), phone, email, website, areas, source: String::new(), checked: today });
    }
    let source = errors.text("source".into(), &form.source, MAX_URL_CHARS);

    if !errors.0.is_empty() {
        return Err(errors.0);
    }
    for contact in &mut contacts {
        contact.source = source.clone();
    }
    let region_id = slug(strip_gemeente(&gemeente), "gemeente");
    let pack = Pack {
        format: REGION_FORMAT,
        version: REGION_VERSION,
        region: Region { id: region_id, name: gemeente, local_team: dutch(local_team) },
        contacts,
        wijken,
    };
    let mut text = serde_json::to_string_pretty(&pack).map_err(|_| vec![FormError { field: "gemeente".into(), key: "beheer.new_pack.error.other" }])?;
    text.push('\n');
    Ok(text)
}

fn dutch(nl: String) -> Text {
    Text { nl, en: None }
}

/// "3311, 3312 3313-3315" → ["3311", "3312", "3313-3315"]; `None` when empty or when any
/// part is not a postcode or range ("3311 AB" counts as 3311).
pub fn postcodes(typed: &str) -> Option<Vec<String>> {
    let mut list: Vec<String> = Vec::new();
    for part in typed.split([',', ';', '\n']) {
        // "3313 - 3315" is one range: no spaces around a dash.
        let dashed = part.replace(['\u{2013}', '\u{2014}'], "-");
        let joined = dashed.split('-').map(str::trim).collect::<Vec<_>>().join("-");
        let words: Vec<&str> = joined.split_whitespace().collect();
        for (k, word) in words.iter().enumerate() {
            // "3311 AB": the letters belong to the postcode before them and are not needed.
            let letters = word.len() == 2 && word.chars().all(|c| c.is_ascii_alphabetic());
            if letters && k > 0 && words[k - 1].len() == 4 && words[k - 1].chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let piece = normal_postcode(word)?;
            if !list.contains(&piece) {
                list.push(piece);
            }
        }
    }
    (!list.is_empty()).then_some(list)
}

fn strip_gemeente(name: &str) -> &str {
    let prefix = "gemeente ";
    match name.get(..prefix.len()) {
        Some(p) if p.eq_ignore_ascii_case(prefix) && name.len() > prefix.len() => &name[prefix.len()..],
        _ => name,
    }
}

/// An id from a name: "Buurtteam Zuid-Oost" → "buurtteam-zuid-oost" (letters with accents
/// without them, everything else a hyphen), at most 64 characters; `fallback` when nothing is left.
fn slug(name: &str, fallback: &str) -> String {
    let mut id = String::new();
    for c in name.chars().flat_map(|c| plain(c).to_lowercase()) {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id: String = id.chars().take(64).collect();
    let id = id.trim_end_matches('-');
    if id.is_empty() { fallback.to_string() } else { id.to_string() }
}

fn plain(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        other => other,
    }
}

/// The published JSON Schema accepts `text`, as a gemeente's own validator would check the
/// file (for the tests of the packs Beheer writes).
#[cfg(test)]
pub(crate) fn schema_accepts(text: &str) -> bool {
    let schema: serde_json::Value = serde_json::from_str(include_str!("../../content/region-pack.schema.json")).unwrap();
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).unwrap();
    validator.is_valid(&serde_json::from_str::<serde_json::Value>(text).unwrap())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::validate::{cross_references, parse_region_pack};

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn filled() -> NewPackForm {
        NewPackForm {
            gemeente: "Gemeente Nieuwdorp".into(),
            local_team: "Wijkteam".into(),
            source: "https://www.nieuwdorp.nl/wijkteams".into(),
            wijken: vec![
                WijkForm { name: "Noord".into(), postcodes: "5511, 5512 ab".into() },
                WijkForm { name: "Zuid".into(), postcodes: "5513 - 5515".into() },
            ],
            contacts: vec![
                ContactForm {
                    name: "Wijkteam Noord".into(),
                    description: "Hulp bij opvoeden, geld en wonen in Noord.".into(),
                    phone: "0499-123456".into(),
                    email: "noord@nieuwdorp.nl".into(),
                    website: String::new(),
                    wijken: vec!["Noord".into()],
                },
                ContactForm {
                    name: "Wijkteam Zuid".into(),
                    description: "Hulp bij opvoeden, geld en wonen in Zuid.".into(),
                    phone: String::new(),
                    email: String::new(),
                    website: "https://www.nieuwdorp.nl/zuid".into(),
                    wijken: vec!["Zuid".into(), "Noord".into()],
                },
            ],
        }
    }

    #[test]
    fn a_filled_form_makes_a_pack_the_app_reads() {
        let text = new_pack(&filled(), today()).expect("valid form");
        let pack = parse_region_pack("nieuwdorp.json", &text, &["112", "veilig-thuis"], today()).expect("valid pack");
        assert_eq!(cross_references("nieuwdorp.json", &pack), Vec::new());
        assert!(text.starts_with("{\n  \"format\": \"meldwijzer-region\""), "{text}");
        assert_eq!(pack.region.id, "nieuwdorp");
        assert_eq!(pack.region.name, "Gemeente Nieuwdorp");
        assert_eq!(pack.region.local_team.as_ref().map(|t| t.nl.as_str()), Some("Wijkteam"));
        assert_eq!(pack.wijken.len(), 2);
        assert_eq!(pack.wijken[0].postcodes, vec!["5511", "5512"]);
        assert_eq!(pack.wijken[1].postcodes, vec!["5513-5515"]);
        let ids: Vec<&str> = pack.contacts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["wijkteam-noord", "wijkteam-zuid"]);
        assert_eq!(pack.contacts[1].areas.len(), 2);
        assert_eq!(pack.contacts[0].email.as_deref(), Some("noord@nieuwdorp.nl"));
        assert_eq!(pack.contacts[0].website, None);
        for contact in &pack.contacts {
            assert_eq!(contact.source.source, "https://www.nieuwdorp.nl/wijkteams");
            assert_eq!(contact.source.checked, today());
        }
    }

    #[test]
    fn the_new_pack_is_valid_against_the_published_schema() {
        assert!(schema_accepts(&new_pack(&filled(), today()).unwrap()));
    }

    #[test]
    fn each_contact_serves_the_postcodes_of_its_wijken() {
        let text = new_pack(&filled(), today()).unwrap();
        let pack = parse_region_pack("nieuwdorp.json", &text, &[], today()).unwrap();
        let serves = |contact: &crate::ground::contact::Contact, pc: u16| {
            contact.areas.iter().flat_map(|a| &a.postcodes).any(|p| crate::ground::postcode::PostcodeRange::parse_exact(p).is_some_and(|r| r.contains(pc)))
        };
        let for_5514: Vec<&str> = pack.contacts.iter().filter(|c| serves(c, 5514)).map(|c| c.name.as_str()).collect();
        assert_eq!(for_5514, vec!["Wijkteam Zuid"]);
        let for_5512: Vec<&str> = pack.contacts.iter().filter(|c| serves(c, 5512)).map(|c| c.name.as_str()).collect();
        assert_eq!(for_5512, vec!["Wijkteam Noord", "Wijkteam Zuid"]);
    }

    #[test]
    fn an_empty_form_names_every_field_to_fill() {
        let errors = new_pack(&NewPackForm::default(), today()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["gemeente", "local-team", "add-wijk", "add-contact", "source"]);
        let mut form = NewPackForm::default();
        form.wijken.push(WijkForm::default());
        form.contacts.push(ContactForm::default());
        let errors = new_pack(&form, today()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec!["gemeente", "local-team", "wijk-0-name", "wijk-0-postcodes", "contact-0-name", "contact-0-description", "contact-0-phone", "contact-0-wijken", "source"]
        );
    }

    #[test]
    fn wrong_fields_are_named_with_their_own_message() {
        let mut form = filled();
        form.wijken[1].postcodes = "55AB, 5516".into();
        form.wijken.push(WijkForm { name: "noord".into(), postcodes: "5520".into() });
        form.contacts[0].phone = "bel ons".into();
        form.contacts[0].email = "noord-at-nieuwdorp".into();
        form.contacts[1].website = "javascript:alert(1)".into();
        form.contacts[1].name = "<b>Zuid</b>".into();
        let errors = new_pack(&form, today()).unwrap_err();
        let got: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.key)).collect();
        assert_eq!(
            got,
            vec![
                ("wijk-1-postcodes", "beheer.new_pack.error.postcodes"),
                ("wijk-2-name", "beheer.new_pack.error.wijk_twice"),
                ("contact-0-phone", "beheer.new_pack.error.phone"),
                ("contact-0-email", "beheer.new_pack.error.email"),
                ("contact-1-name", "beheer.new_pack.error.markup"),
                ("contact-1-website", "beheer.new_pack.error.website"),
            ]
        );
        for error in &errors {
            for lang in [Lang::Nl, Lang::En] {
                assert_ne!(error.message(lang), error.key, "{} has no text", error.key);
            }
        }
    }

    #[test]
    fn typed_postcodes_are_read_as_people_type_them() {
        assert_eq!(postcodes("3311, 3312 3313-3315"), Some(vec!["3311".into(), "3312".into(), "3313-3315".into()]));
        assert_eq!(postcodes("3311 AB; 3311"), Some(vec!["3311".into()]));
        assert_eq!(postcodes("3311 – 3313"), Some(vec!["3311-3313".into()]));
        assert_eq!(postcodes("  "), None);
        assert_eq!(postcodes("3311, Noord"), None);
    }

    #[test]
    fn ids_are_made_from_names_and_kept_apart() {
        assert_eq!(slug("Buurtteam Zuid-Oost", "x"), "buurtteam-zuid-oost");
        assert_eq!(slug("Café Déjà Vu!", "x"), "cafe-deja-vu");
        assert_eq!(slug("???", "contact"), "contact");
        assert_eq!(strip_gemeente("Gemeente Súdwest-Fryslân"), "Súdwest-Fryslân");
        assert_eq!(slug(strip_gemeente("Gemeente Súdwest-Fryslân"), "g"), "sudwest-fryslan");
        let mut form = filled();
        form.contacts[1].name = "Wijkteam Noord".into();
        let text = new_pack(&form, today()).unwrap();
        let pack = parse_region_pack("x.json", &text, &[], today()).unwrap();
        assert_eq!(pack.contacts[1].id, "wijkteam-noord-2");
    }
}
