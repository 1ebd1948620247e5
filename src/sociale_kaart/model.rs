//! The sociale kaart as data: a subset of Open Referral HSDS 3.x. An organisation offers
//! services; a service is offered at locations (`ServiceAtLocation`). A `ServiceRecord` is one
//! service with its organisation, locations, phones and hours: what the UI shows and search
//! reads. A `Directory` (`directory.rs`) holds the records of a region, with its search index.

use super::fold::fold;
use super::hours::{Hours, OpenState, Schedule};
use crate::ground::checks::tel_uri;
use crate::ground::contact::Contact;
use crate::ground::postcode::{postcode4, PostcodeRange};
use crate::i18n::{t, Lang, Text};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    pub id: Option<String>,
    pub name: String,
    pub description: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phones: Vec<Phone>,
}

/// RFC 6350 phone types, as HSDS uses them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PhoneKind {
    #[default]
    Voice,
    /// SMS, also how deaf callers reach a service.
    Text,
    Fax,
    Cell,
    Video,
    Pager,
    Textphone,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone {
    /// As people read it: "010-555 0101". Checked on import: digits, spaces, hyphens,
    /// parentheses and a leading plus only.
    pub number: String,
    pub kind: PhoneKind,
    pub description: Option<String>,
    /// The extension to ask for ("toestel 100"): digits only.
    #[serde(default)]
    pub extension: Option<String>,
}

/// A web page about the service beside its own site: "Aanmeldformulier".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub title: Option<String>,
    /// Checked on import: http or https, nothing that could break out of a link.
    pub url: String,
}

impl Phone {
    /// The same line to call: the same digits and the same extension, however written.
    pub fn dials_same(&self, other: &Phone) -> bool {
        self.extension == other.extension && self.tel_uri() == other.tel_uri()
    }

    pub fn tel_uri(&self) -> String {
        tel_uri(&self.number)
    }
}

/// Where a service is for: a gemeente ("Gemeente Voorbeeldstad"), a wijk ("Noord") or a wider
/// region ("Nederland"), with the postcodes it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceArea {
    pub name: Option<String>,
    pub postcodes: Vec<PostcodeRange>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub street: Option<String>,
    /// "3311 AB"; checked on import to be a Dutch postcode.
    pub postal_code: Option<String>,
    pub city: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub id: Option<String>,
    pub name: Option<String>,
    /// None for a secret address (vrouwenopvang) or a service by phone only.
    pub address: Option<Address>,
    pub accessibility: Option<String>,
    /// A page about the place's accessibility (HSDS `accessibility.url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessibility_url: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub phones: Vec<Phone>,
    /// When the building is open.
    pub schedules: Vec<Schedule>,
}

impl Location {
    /// A place known by its address (or nothing yet); importers fill in the rest.
    pub fn at(address: Option<Address>) -> Location {
        Location { id: None, name: None, address, accessibility: None, accessibility_url: None, latitude: None, longitude: None, phones: Vec::new(), schedules: Vec::new() }
    }

    pub fn postcode(&self) -> Option<u16> {
        self.address.as_ref()?.postal_code.as_deref().and_then(postcode4)
    }
}

/// A service as offered at one location, with hours and phones specific to that place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceAtLocation {
    pub description: Option<String>,
    pub phones: Vec<Phone>,
    pub schedules: Vec<Schedule>,
    pub location: Location,
}

impl ServiceAtLocation {
    /// The service at `location`, with no hours or phones of its own there.
    pub fn at(location: Location) -> ServiceAtLocation {
        ServiceAtLocation { description: None, phones: Vec::new(), schedules: Vec::new(), location }
    }

    /// The hours of the service at this place; without those, the place's own.
    pub fn schedules_here(&self) -> &[Schedule] {
        if self.schedules.is_empty() { &self.location.schedules } else { &self.schedules }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Active,
    Inactive,
    Defunct,
    #[serde(rename = "temporarily closed")]
    TemporarilyClosed,
}

/// Why a service is not shown to a user: its status says it is not offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hidden {
    /// "inactive": not offered for now.
    Inactive,
    /// "defunct": no longer exists.
    Defunct,
}

impl Hidden {
    /// The one rule for which services a user may see; everything asks it through
    /// [`ServiceRecord::visibility`]. Temporarily closed services are shown, with their notice:
    /// the door is there and opens again.
    fn of(status: Status) -> Option<Hidden> {
        match status {
            Status::Active | Status::TemporarilyClosed => None,
            Status::Inactive => Some(Hidden::Inactive),
            Status::Defunct => Some(Hidden::Defunct),
        }
    }

    /// The translation key of the sentence that says so, with the service's `{name}`.
    pub fn message_key(self) -> &'static str {
        match self {
            Hidden::Inactive => "social_map.hidden.inactive",
            Hidden::Defunct => "social_map.hidden.defunct",
        }
    }
}

impl Status {
    /// Whether services with this status are shown at all: [`ServiceRecord::visibility`].
    pub fn is_listed(self) -> bool {
        Hidden::of(self).is_none()
    }

    pub fn label(self, lang: Lang) -> String {
        match self {
            Status::Active => t(lang, "social_map.status.active"),
            Status::Inactive => t(lang, "social_map.status.inactive"),
            Status::Defunct => t(lang, "social_map.status.defunct"),
            Status::TemporarilyClosed => t(lang, "social_map.status.temporarily_closed"),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cost {
    /// What the source says: free (`Some(true)`), not free, or nothing (`None`).
    pub free: Option<bool>,
    pub description: Option<String>,
    /// The priced options, as the data gives them: "Eigen bijdrage: € 25,00 per maand".
    #[serde(default)]
    pub options: Vec<String>,
}

/// What the detail screen says about cost: the source's own text when it has one (never
/// combined with a second, possibly contradicting one), else what its mark says, else nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CostStatement {
    Described(String),
    Free,
    Paid,
}

/// Whether a referral is needed: always said, as "not known" when the source is silent,
/// because a wrong "no referral needed" sends someone to a door that stays shut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferralStatement {
    Needed,
    NotNeeded,
    Unknown,
}

/// "Laatst gecontroleerd": recent, older than [`STALE_AFTER_DAYS`], or not known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckedStatement {
    Recent(NaiveDate),
    Stale(NaiveDate),
    Unknown,
}

impl CheckedStatement {
    /// Whether the date gets the warning "more than a year ago".
    pub fn is_stale(self) -> bool {
        matches!(self, CheckedStatement::Stale(_))
    }
}

/// Older than this and the "laatst gecontroleerd" date gets a warning.
pub const STALE_AFTER_DAYS: i64 = 365;

pub use crate::ground::limits::MAX_AGE;

/// An age as a user types it in a filter or a link ("12", " 7 "); nothing for what is not
/// one.
pub fn age_from(text: &str) -> Option<u8> {
    text.trim().parse().ok().filter(|age| *age <= MAX_AGE)
}

/// Longer than this and a result's one-line summary is cut, with "…".
const SUMMARY_CHARS: usize = 160;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceRecord {
    /// Stable: lower-case letters, digits and hyphens, so other content can refer to it.
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub organization: Option<Organization>,
    pub status: Status,
    /// A short-term notice: "tijdelijk alleen telefonisch bereikbaar".
    pub alert: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phones: Vec<Phone>,
    /// When the service can be reached; when empty, its locations' hours apply.
    pub schedules: Vec<Schedule>,
    /// When it can be reached in words, where a week's hours cannot say it ("Op afspraak",
    /// "elke tweede maandag van de maand"). Never turned into "Nu open".
    #[serde(default)]
    pub hours_notes: Vec<String>,
    pub locations: Vec<ServiceAtLocation>,
    pub areas: Vec<ServiceArea>,
    /// ISO 639-1 codes; none listed means the source does not say.
    pub languages: Vec<String>,
    pub eligibility: Option<String>,
    pub minimum_age: Option<u8>,
    pub maximum_age: Option<u8>,
    pub cost: Cost,
    /// How to apply, in the data's words.
    #[serde(default)]
    pub application_process: Option<String>,
    /// What to bring ("Legitimatiebewijs").
    #[serde(default)]
    pub required_documents: Vec<String>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// Needs a referral (`Some(true)`), does not, or the source does not say.
    pub referral: Option<bool>,
    /// Ids of [`Taxonomy::themes`].
    pub themes: Vec<String>,
    /// Ids of [`Taxonomy::target_groups`].
    pub target_groups: Vec<String>,
    /// "Laatst gecontroleerd".
    pub assured_date: Option<NaiveDate>,
}

impl ServiceRecord {
    /// A record with a name and nothing else known yet; importers fill in the rest.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> ServiceRecord {
        ServiceRecord {
            id: id.into(),
            name: name.into(),
            description: None,
            organization: None,
            status: Status::Active,
            alert: None,
            website: None,
            email: None,
            phones: Vec::new(),
            schedules: Vec::new(),
            hours_notes: Vec::new(),
            locations: Vec::new(),
            areas: Vec::new(),
            languages: Vec::new(),
            eligibility: None,
            minimum_age: None,
            maximum_age: None,
            cost: Cost::default(),
            application_process: None,
            required_documents: Vec::new(),
            links: Vec::new(),
            referral: None,
            themes: Vec::new(),
            target_groups: Vec::new(),
            assured_date: None,
        }
    }

    /// The service's own hours; without those, the hours of the service at each location,
    /// and without those, the location's.
    pub fn hours(&self) -> Hours {
        let at_locations = self.locations.iter().flat_map(ServiceAtLocation::schedules_here);
        let own_only = !self.schedules.is_empty();
        Hours::new(self.schedules.iter().chain(at_locations.filter(|_| !own_only)))
    }

    /// The hours of each place, when the service has none of its own and more than one of
    /// its places has hours: a table per place, as one merged table would say "open" for a
    /// place that is closed. `None` when one table says it all.
    pub fn hours_per_place(&self) -> Option<Vec<Hours>> {
        if !self.schedules.is_empty() {
            return None;
        }
        let per_place: Vec<Hours> = self
            .locations
            .iter()
            .map(|at| Hours::new(at.schedules_here()))
            .collect();
        (per_place.iter().filter(|hours| !hours.is_empty()).count() > 1).then_some(per_place)
    }

    pub fn cost_statement(&self) -> Option<CostStatement> {
        match (&self.cost.description, self.cost.free) {
            (Some(text), _) => Some(CostStatement::Described(text.clone())),
            (None, Some(true)) => Some(CostStatement::Free),
            (None, Some(false)) => Some(CostStatement::Paid),
            (None, None) => None,
        }
    }

    pub fn referral_statement(&self) -> ReferralStatement {
        match self.referral {
            Some(true) => ReferralStatement::Needed,
            Some(false) => ReferralStatement::NotNeeded,
            None => ReferralStatement::Unknown,
        }
    }

    /// Whether a user may see this service at all, and why not: search, a service's page by
    /// its id, "mijn lijstje" and the routekaart's "where to go" all ask this.
    pub fn visibility(&self) -> Result<(), Hidden> {
        Hidden::of(self.status).map_or(Ok(()), Err)
    }

    /// The one line a search result shows of the description: its first sentence, cut at
    /// [`SUMMARY_CHARS`] characters.
    pub fn summary(&self) -> Option<String> {
        let text = self.description.as_deref()?;
        let end = text.find(". ").map(|i| i + 1).unwrap_or(text.len());
        let sentence = &text[..end];
        Some(if sentence.chars().count() <= SUMMARY_CHARS {
            sentence.to_string()
        } else {
            format!("{}…", sentence.chars().take(SUMMARY_CHARS - 1).collect::<String>().trim_end())
        })
    }

    pub fn checked_statement(&self, today: NaiveDate) -> CheckedStatement {
        match self.assured_date {
            Some(date) if (today - date).num_days() > STALE_AFTER_DAYS => CheckedStatement::Stale(date),
            Some(date) => CheckedStatement::Recent(date),
            None => CheckedStatement::Unknown,
        }
    }

    /// Every number to call: the service's own first, then its locations' and its
    /// organisation's; each line (number and extension) once.
    pub fn all_phones(&self) -> Vec<&Phone> {
        let at_locations = self.locations.iter().flat_map(|at| at.phones.iter().chain(&at.location.phones));
        let organization = self.organization.iter().flat_map(|o| &o.phones);
        let mut phones: Vec<&Phone> = Vec::new();
        for phone in self.phones.iter().chain(at_locations).chain(organization) {
            if !phones.iter().any(|p| p.dials_same(phone)) {
                phones.push(phone);
            }
        }
        phones
    }

    /// The service's own website, or else its organisation's.
    pub fn any_website(&self) -> Option<&str> {
        self.website.as_deref().or_else(|| self.organization.as_ref()?.website.as_deref())
    }

    /// The service's own e-mail address, or else its organisation's.
    pub fn any_email(&self) -> Option<&str> {
        self.email.as_deref().or_else(|| self.organization.as_ref()?.email.as_deref())
    }

    /// None when no hours are known.
    pub fn open_state(&self, at: NaiveDateTime) -> Option<OpenState> {
        if self.status == Status::TemporarilyClosed {
            return Some(OpenState::Closed);
        }
        let hours = self.hours();
        (!hours.is_empty()).then(|| hours.state_at(at))
    }

    pub fn serves_age(&self, age: u8) -> bool {
        self.minimum_age.is_none_or(|min| age >= min)
            && self.maximum_age.is_none_or(|max| age <= max)
    }

    pub fn speaks(&self, language: &str) -> bool {
        if self.languages.is_empty() {
            language == "nl"
        } else {
            self.languages.iter().any(|l| l == language)
        }
    }

    /// How narrowly this service covers `postcode`: the width of the smallest of its areas
    /// that contains it (0 for a single postcode). A service always covers the postcodes of
    /// its own locations: as narrowly as can be when it names no area, and least narrowly
    /// when its areas do not contain its own address (most real data names an area without
    /// postcodes), so a gemeente-wide service never outranks the wijkteam of its street.
    pub fn coverage_of(&self, postcode: u16) -> Option<u16> {
        let at_own_address = self.locations.iter().any(|at| at.location.postcode() == Some(postcode));
        if self.areas.is_empty() {
            return at_own_address.then_some(0);
        }
        self.areas
            .iter()
            .flat_map(|area| &area.postcodes)
            .filter(|range| range.contains(postcode))
            .map(|range| range.width())
            .min()
            .or(at_own_address.then_some(u16::MAX))
    }

    /// The names of the areas this service is for; the cities of its locations when it
    /// names no area.
    pub fn area_names(&self) -> impl Iterator<Item = &str> {
        let named = self.areas.iter().filter_map(|a| a.name.as_deref());
        let cities = self
            .locations
            .iter()
            .filter_map(|at| at.location.address.as_ref()?.city.as_deref())
            .filter(|_| self.areas.is_empty());
        named.chain(cities)
    }
}

/// A theme or target group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub id: String,
    pub label: Text,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Taxonomy {
    pub themes: Vec<Term>,
    pub target_groups: Vec<Term>,
}

impl Taxonomy {
    /// These terms with `themes` and `target_groups` added; one with an id already here
    /// gives it its label.
    pub fn with(mut self, themes: &[Term], target_groups: &[Term]) -> Taxonomy {
        for (list, added) in [(&mut self.themes, themes), (&mut self.target_groups, target_groups)] {
            for term in added {
                match list.iter_mut().find(|t| t.id == term.id) {
                    Some(existing) => existing.label = term.label.clone(),
                    None => list.push(term.clone()),
                }
            }
        }
        self
    }
}

impl Default for Taxonomy {
    /// The Dutch default: what gemeenten and the meldcode chain use to sort local help.
    fn default() -> Taxonomy {
        let terms = |list: &[(&str, &str, &str)]| {
            list.iter()
                .map(|(id, nl, en)| Term {
                    id: id.to_string(),
                    label: Text { nl: nl.to_string(), en: Some(en.to_string()) },
                })
                .collect()
        };
        Taxonomy {
            themes: terms(&[
                ("huiselijk-geweld", "Huiselijk geweld", "Domestic violence"),
                ("opvoeden", "Opvoeden", "Parenting"),
                ("jeugd", "Jeugd", "Youth"),
                ("schulden", "Geld en schulden", "Money and debt"),
                ("wonen", "Wonen", "Housing"),
                ("psychische-gezondheid", "Psychische gezondheid", "Mental health"),
                ("slachtofferhulp", "Slachtofferhulp", "Victim support"),
                ("ouderen", "Ouderen", "Older people"),
                ("vrouwenopvang", "Vrouwenopvang", "Women's shelter"),
                ("wijkteam", "Wijkteam", "Neighbourhood team"),
                ("huisarts", "Huisarts", "GP"),
                ("onderwijs", "Onderwijs", "Education"),
            ]),
            target_groups: terms(&[
                ("kinderen", "Kinderen", "Children"),
                ("jongeren", "Jongeren", "Young people"),
                ("ouders", "Ouders", "Parents"),
                ("volwassenen", "Volwassenen", "Adults"),
                ("ouderen", "Ouderen", "Older people"),
                ("slachtoffers", "Slachtoffers", "Victims"),
                ("professionals", "Professionals", "Professionals"),
            ]),
        }
    }
}

impl Taxonomy {
    pub fn theme(&self, id: &str) -> Option<&Term> {
        self.themes.iter().find(|term| term.id == id)
    }

    pub fn target_group(&self, id: &str) -> Option<&Term> {
        self.target_groups.iter().find(|term| term.id == id)
    }
}

/// Gives a service area that names an area the region pack knows (a wijk, or the gemeente)
/// but lists no postcodes, that area's postcodes: most published data names its areas.
pub fn resolve_named_areas(records: &mut [ServiceRecord], named: &[(String, Vec<String>)]) {
    let key = |name: &str| {
        let folded = fold(name);
        folded.strip_prefix("gemeente ").map(str::to_string).unwrap_or(folded)
    };
    let known: rustc_hash::FxHashMap<String, Vec<PostcodeRange>> = named
        .iter()
        .map(|(name, postcodes)| (key(name), postcodes.iter().filter_map(|p| PostcodeRange::parse(p)).collect()))
        .collect();
    for area in records.iter_mut().flat_map(|r| r.areas.iter_mut()).filter(|a| a.postcodes.is_empty()) {
        if let Some(postcodes) = area.name.as_deref().and_then(|name| known.get(&key(name))) {
            area.postcodes = postcodes.clone();
        }
    }
}

/// A contact of the region pack and a sociale kaart service that are the same team (the same
/// id, or the same name however written) but give different phone numbers: a citizen would
/// see both on one screen. For the editor to settle; the app shows each as its data says.
pub struct NumberConflict<'a> {
    pub contact: &'a Contact,
    pub service: &'a ServiceRecord,
}

impl NumberConflict<'_> {
    pub fn message(&self, lang: Lang) -> String {
        let map = self.service.all_phones().iter().map(|p| p.number.clone()).collect::<Vec<_>>().join(", ");
        let args = [
            ("contact", self.contact.name.as_str()),
            ("pack", self.contact.phone.as_deref().unwrap_or_default()),
            ("service", self.service.name.as_str()),
            ("id", self.service.id.as_str()),
            ("map", map.as_str()),
        ];
        crate::i18n::t_with(lang, "social_map.report.conflict", &args)
    }
}

pub fn number_conflicts<'a>(contacts: &'a [Contact], records: &'a [ServiceRecord]) -> Vec<NumberConflict<'a>> {
    let by_name: rustc_hash::FxHashMap<String, Vec<&ServiceRecord>> =
        records.iter().fold(Default::default(), |mut map, record| {
            map.entry(fold(&record.name)).or_default().push(record);
            map
        });
    let mut conflicts = Vec::new();
    for contact in contacts {
        let Some(phone) = &contact.phone else { continue };
        let dialled = tel_uri(phone);
        let same = by_name.get(&fold(&contact.name)).into_iter().flatten().copied()
            .chain(records.iter().filter(|r| r.id == contact.id));
        let mut seen = Vec::new();
        for service in same {
            let numbers: Vec<String> = service.all_phones().iter().map(|p| p.tel_uri()).collect();
            if !numbers.is_empty() && !numbers.contains(&dialled) && !seen.contains(&service.id) {
                seen.push(service.id.clone());
                conflicts.push(NumberConflict { contact, service });
            }
        }
    }
    conflicts
}

/// The listed service with `theme` that covers `postcode` most narrowly: the wijkteam for
/// this street rather than the gemeente-wide one.
pub fn serving<'a>(records: &'a [ServiceRecord], theme: &str, postcode: u16) -> Option<&'a ServiceRecord> {
    serving_by_theme(records, postcode).get(theme).copied()
}

/// [`serving`] for every theme at once, in one pass over the records: per theme the listed
/// service covering `postcode` most narrowly, the first listed of equally narrow ones.
fn serving_by_theme(records: &[ServiceRecord], postcode: u16) -> std::collections::BTreeMap<&str, &ServiceRecord> {
    let mut narrowest: std::collections::BTreeMap<&str, (u16, &ServiceRecord)> = std::collections::BTreeMap::new();
    for record in records.iter().filter(|r| r.visibility().is_ok()) {
        let Some(width) = record.coverage_of(postcode) else { continue };
        for theme in &record.themes {
            if narrowest.get(theme.as_str()).is_none_or(|(best, _)| width < *best) {
                narrowest.insert(theme, (width, record));
            }
        }
    }
    narrowest.into_iter().map(|(theme, (_, record))| (theme, record)).collect()
}

/// What the routekaart's "where to go" shows of a service: its name as a link to its page
/// and its first number. Small on purpose: the sociale kaart's module sends it to the shell,
/// which carries no importer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceLink {
    pub id: String,
    pub name: String,
    /// `tel:` address and the number as written.
    pub phone: Option<(String, String)>,
}

impl ServiceLink {
    /// `#/sociale-kaart/dienst/<id>`, the service's page.
    pub fn href(&self) -> String {
        service_href(&self.id)
    }
}

/// A service's page in the sociale kaart.
pub fn service_href(id: &str) -> String {
    crate::ground::route::Screen::SocialMap.href_to(&["dienst", id])
}

/// Per theme, the service that serves `postcode` most narrowly ([`serving`]): every "where to
/// go" a route can point to for one postcode, in one answer.
pub fn where_to_go(records: &[ServiceRecord], postcode: u16) -> std::collections::BTreeMap<String, ServiceLink> {
    serving_by_theme(records, postcode)
        .into_iter()
        .map(|(theme, record)| {
            let phone = record.all_phones().first().map(|p| (p.tel_uri(), p.number.clone()));
            (theme.to_string(), ServiceLink { id: record.id.clone(), name: record.name.clone(), phone })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sociale_kaart::directory::{Directory, Found};
    use crate::sociale_kaart::search::Filters;

    #[test]
    fn a_team_with_another_number_in_the_sociale_kaart_than_in_the_region_pack_is_found() {
        let pack = crate::content::validate::parse_region_pack("regio.json", include_str!("../../public/regions/voorbeeldstad.json"), &["112", "veilig-thuis"], chrono::Local::now().date_naive()).unwrap();
        let contact = &pack.contacts[0];
        let mut same_number = ServiceRecord::new("x", contact.name.to_uppercase());
        same_number.phones = vec![Phone { number: contact.phone.clone().unwrap(), kind: PhoneKind::Voice, description: None, extension: None }];
        let mut other_number = ServiceRecord::new(contact.id.clone(), "Andere naam");
        other_number.phones = vec![Phone { number: "010-5559999".into(), kind: PhoneKind::Voice, description: None, extension: None }];
        let unrelated = ServiceRecord::new("y", "Iets anders");
        let records = [same_number, other_number, unrelated];
        let found = number_conflicts(&pack.contacts, &records);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].contact.id.as_str(), found[0].service.name.as_str()), (contact.id.as_str(), "Andere naam"));
    }

    /// The detail screen's statements about a record with nothing but a name: nothing is
    /// claimed that the data does not say.
    #[test]
    fn a_service_the_data_says_little_about_is_said_little_about() {
        let bare = ServiceRecord::new("x", "Alleen een naam");
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(bare.cost_statement(), None, "no cost line at all");
        assert_eq!(bare.referral_statement(), ReferralStatement::Unknown, "never 'geen verwijzing nodig'");
        assert_eq!(bare.checked_statement(today), CheckedStatement::Unknown, "unknown, not 'more than a year ago'");
        assert!(bare.languages.is_empty() && bare.eligibility.is_none(), "no 'Nederlands', no 'voor iedereen'");
    }

    #[test]
    fn cost_says_the_source_s_own_text_once_or_what_its_mark_says() {
        let mut record = ServiceRecord::new("x", "Dienst");
        record.cost = Cost { free: Some(true), description: Some("Gratis".into()), options: Vec::new() };
        assert_eq!(record.cost_statement(), Some(CostStatement::Described("Gratis".into())), "not 'Gratis. Gratis.'");
        record.cost = Cost { free: Some(false), description: Some("Gratis".into()), options: Vec::new() };
        assert_eq!(record.cost_statement(), Some(CostStatement::Described("Gratis".into())), "not 'Er kunnen kosten zijn. Gratis.'");
        record.cost = Cost { free: Some(true), description: None, options: Vec::new() };
        assert_eq!(record.cost_statement(), Some(CostStatement::Free));
        record.cost = Cost { free: Some(false), description: None, options: Vec::new() };
        assert_eq!(record.cost_statement(), Some(CostStatement::Paid));
    }

    #[test]
    fn referral_and_checked_date_say_what_the_source_says() {
        let mut record = ServiceRecord::new("x", "Dienst");
        record.referral = Some(true);
        assert_eq!(record.referral_statement(), ReferralStatement::Needed);
        record.referral = Some(false);
        assert_eq!(record.referral_statement(), ReferralStatement::NotNeeded);
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        record.assured_date = NaiveDate::from_ymd_opt(2025, 12, 1);
        assert_eq!(record.checked_statement(today), CheckedStatement::Recent(record.assured_date.unwrap()));
        record.assured_date = NaiveDate::from_ymd_opt(2025, 11, 30);
        assert_eq!(record.checked_statement(today), CheckedStatement::Stale(record.assured_date.unwrap()));
    }

    fn area(name: &str, ranges: &[&str]) -> ServiceArea {
        ServiceArea {
            name: Some(name.into()),
            postcodes: ranges.iter().map(|r| PostcodeRange::parse(r).unwrap()).collect(),
        }
    }

    fn team(id: &str, theme: &str, areas: Vec<ServiceArea>) -> ServiceRecord {
        let mut record = ServiceRecord::new(id, id);
        record.themes = vec![theme.into()];
        record.areas = areas;
        record
    }

    #[test]
    fn postcode_ranges_parse_and_contain() {
        let range = PostcodeRange::parse("3311-3313").unwrap();
        assert!(range.contains(3311) && range.contains(3313) && !range.contains(3314));
        assert_eq!(range.to_string(), "3311-3313");
        assert_eq!(PostcodeRange::parse(" 3319 ").unwrap().to_string(), "3319");
        for bad in ["33111", "0999", "3315-3311", "33AB", "", "3311-"] {
            assert_eq!(PostcodeRange::parse(bad), None, "{bad}");
        }
        assert_eq!(postcode4("3311 AB"), Some(3311));
        assert_eq!(postcode4("3311ab"), Some(3311));
        assert_eq!(postcode4("ABC 1234"), None);
    }

    #[test]
    fn the_narrowest_team_for_a_postcode_is_found() {
        let mut closed = team("buurtteam-oud", "wijkteam", vec![area("Noord", &["3312"])]);
        closed.status = Status::Defunct;
        let directory = Directory::new(
            vec![
                team(
                    "sociaal-team-stad",
                    "wijkteam",
                    vec![area("Gemeente Voorbeeldstad", &["3311-3319"])],
                ),
                team("buurtteam-noord", "wijkteam", vec![area("Noord", &["3311-3313"])]),
                closed,
                team("cjg", "opvoeden", vec![area("Noord", &["3312"])]),
            ],
            Taxonomy::default(),
        );
        assert_eq!(serving(directory.records(), "wijkteam", 3312).unwrap().id, "buurtteam-noord");
        assert_eq!(serving(directory.records(), "wijkteam", 3318).unwrap().id, "sociaal-team-stad");
        assert!(serving(directory.records(), "wijkteam", 9999).is_none());
        assert_eq!(directory.get("buurtteam-oud").unwrap().status, Status::Defunct);
    }

    #[test]
    fn where_to_go_answers_every_theme_for_a_postcode_with_the_narrowest_service() {
        let mut noord = team("buurtteam-noord", "wijkteam", vec![area("Noord", &["3311-3313"])]);
        noord.phones = vec![Phone { number: "010 123 45 67".into(), kind: PhoneKind::Voice, description: None, extension: None }];
        let records = vec![
            team("sociaal-team-stad", "wijkteam", vec![area("Gemeente Voorbeeldstad", &["3311-3319"])]),
            noord,
            team("cjg", "opvoeden", vec![area("Noord", &["3312"])]),
        ];
        let found = where_to_go(&records, 3312);
        assert_eq!(found.keys().collect::<Vec<_>>(), ["opvoeden", "wijkteam"]);
        let team = &found["wijkteam"];
        assert_eq!((team.id.as_str(), team.name.as_str()), ("buurtteam-noord", records[1].name.as_str()));
        assert_eq!(team.phone, Some(("tel:0101234567".to_string(), "010 123 45 67".to_string())));
        assert_eq!(team.href(), "#/sociale-kaart/dienst/buurtteam-noord");
        assert_eq!(where_to_go(&records, 3318)["wijkteam"].id, "sociaal-team-stad");
        assert!(!where_to_go(&records, 3318).contains_key("opvoeden"));
        assert!(where_to_go(&records, 9999).is_empty());
    }

    /// One rule for every place a service is shown: an inactive or defunct service is found
    /// by none of them; a temporarily closed one by all.
    #[test]
    fn an_inactive_or_defunct_service_is_found_nowhere() {
        let mut gone = team("buurtteam-oud", "wijkteam", vec![area("Noord", &["3312"])]);
        gone.status = Status::Defunct;
        let mut paused = team("buurtteam-pauze", "wijkteam", vec![area("Noord", &["3312"])]);
        paused.status = Status::Inactive;
        let mut closed = team("buurtteam-dicht", "wijkteam", vec![area("Zuid", &["3318"])]);
        closed.status = Status::TemporarilyClosed;
        let directory = Directory::new(vec![gone, paused, closed], Taxonomy::default());
        let records = directory.records();
        let ids = |found: Vec<usize>| found.into_iter().map(|i| records[i].id.as_str()).collect::<Vec<_>>();

        // Search, with words and without.
        assert_eq!(ids(directory.search("", &Filters::default())), ["buurtteam-dicht"]);
        assert_eq!(ids(directory.search("buurtteam", &Filters::default())), ["buurtteam-dicht"]);
        // The page by id says why.
        assert_eq!(directory.find("buurtteam-oud"), Found::Hidden { name: "buurtteam-oud", why: Hidden::Defunct });
        assert_eq!(directory.find("buurtteam-pauze"), Found::Hidden { name: "buurtteam-pauze", why: Hidden::Inactive });
        assert_eq!(directory.find("buurtteam-dicht"), Found::Shown(&records[2]));
        assert_eq!(directory.find("bestaat-niet"), Found::Unknown);
        // "Mijn lijstje".
        let list: Vec<String> = ["buurtteam-dicht", "buurtteam-oud", "weg", "buurtteam-pauze"].map(String::from).to_vec();
        let listed = directory.listed(&list);
        assert_eq!(listed.shown, [&records[2]]);
        assert_eq!(listed.hidden, [("buurtteam-oud", "buurtteam-oud", Hidden::Defunct), ("buurtteam-pauze", "buurtteam-pauze", Hidden::Inactive)]);
        // The routekaart's "where to go" by theme.
        assert!(serving(records, "wijkteam", 3312).is_none());
        assert_eq!(serving(records, "wijkteam", 3318).map(|r| r.id.as_str()), Some("buurtteam-dicht"));
        // And the status alone says the same.
        assert!(Status::Active.is_listed() && Status::TemporarilyClosed.is_listed());
        assert!(!Status::Inactive.is_listed() && !Status::Defunct.is_listed());
        assert_eq!(Hidden::Defunct.message_key(), "social_map.hidden.defunct");
    }

    #[test]
    fn a_result_shows_the_first_sentence_of_the_description_cut_at_160_characters() {
        let mut record = ServiceRecord::new("x", "Dienst");
        assert_eq!(record.summary(), None);
        record.description = Some("Hulp bij schulden. Ook voor ondernemers.".into());
        assert_eq!(record.summary().as_deref(), Some("Hulp bij schulden."));
        record.description = Some("Voor 3.50 euro per uur, zonder punt aan het eind".into());
        assert_eq!(record.summary().as_deref(), Some("Voor 3.50 euro per uur, zonder punt aan het eind"));
        let long = format!("{} woord. Tweede zin.", "é".repeat(200));
        record.description = Some(long);
        let summary = record.summary().unwrap();
        assert_eq!(summary.chars().count(), 160, "159 characters and the ellipsis");
        assert!(summary.ends_with('…'));
        let exactly = format!("{} einde.", "a".repeat(153));
        record.description = Some(exactly.clone());
        assert_eq!(record.summary(), Some(exactly), "160 characters stay whole");
    }

    #[test]
    fn a_checked_date_more_than_a_year_old_is_stale() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mut record = ServiceRecord::new("x", "Dienst");
        assert!(!record.checked_statement(today).is_stale(), "no date is not an old date");
        record.assured_date = NaiveDate::from_ymd_opt(2025, 12, 1);
        assert!(!record.checked_statement(today).is_stale(), "365 days");
        record.assured_date = NaiveDate::from_ymd_opt(2025, 11, 30);
        assert!(record.checked_statement(today).is_stale(), "366 days");
    }

    #[test]
    fn an_age_is_a_number_from_0_to_120() {
        assert_eq!(age_from("12"), Some(12));
        assert_eq!(age_from(" 7 "), Some(7));
        assert_eq!(age_from("0"), Some(0));
        assert_eq!(age_from("120"), Some(MAX_AGE));
        for bad in ["121", "300", "-1", "twaalf", "", "1 2"] {
            assert_eq!(age_from(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_service_is_found_by_its_id_and_the_first_keeps_a_shared_one() {
        let records = ["wijkteam-zuid", "cjg", "wijkteam-zuid", "aa", "zz"]
            .iter()
            .enumerate()
            .map(|(i, id)| ServiceRecord::new(*id, &format!("Dienst {i}")))
            .collect();
        let directory = Directory::new(records, Taxonomy::default());
        assert_eq!(directory.get("wijkteam-zuid").unwrap().name, "Dienst 0");
        assert_eq!(directory.get("aa").unwrap().name, "Dienst 3");
        assert_eq!(directory.get("zz").unwrap().name, "Dienst 4");
        for missing in ["", "a", "cj", "wijkteam", "zzz"] {
            assert!(directory.get(missing).is_none(), "{missing}");
        }
    }

    #[test]
    fn a_service_without_areas_covers_its_own_locations() {
        let mut practice = ServiceRecord::new("huisarts-de-linde", "Huisartsenpraktijk De Linde");
        let mut location = Location::at(Some(Address {
            street: Some("Lindelaan 4".into()),
            postal_code: Some("3312 AB".into()),
            city: Some("Voorbeeldstad".into()),
        }));
        location.schedules = vec![Schedule::day_and_night()];
        practice.locations.push(ServiceAtLocation::at(location));
        assert_eq!(practice.coverage_of(3312), Some(0));
        assert_eq!(practice.coverage_of(3313), None);
        assert_eq!(practice.area_names().collect::<Vec<_>>(), ["Voorbeeldstad"]);
        assert!(!practice.hours().is_empty(), "location hours apply when the service has none");
    }

    #[test]
    fn an_area_named_after_a_wijk_or_the_gemeente_covers_the_pack_s_postcodes() {
        let named = vec![("Noord".to_string(), vec!["3311-3313".to_string()]), ("Gemeente Voorbeeldstad".to_string(), vec!["3311-3319".to_string()])];
        let with_area = |name: &str| {
            let mut record = ServiceRecord::new(fold_id(name), "Dienst");
            record.areas = vec![ServiceArea { name: Some(name.into()), postcodes: Vec::new() }];
            record
        };
        let mut records = vec![with_area("noord"), with_area("Voorbeeldstad"), with_area("Elders")];
        resolve_named_areas(&mut records, &named);
        assert_eq!(records[0].coverage_of(3312), Some(2));
        assert_eq!(records[1].coverage_of(3318), Some(8), "'Voorbeeldstad' is 'Gemeente Voorbeeldstad'");
        assert_eq!(records[2].coverage_of(3312), None, "an area the pack does not know stays as it is");
    }

    fn fold_id(name: &str) -> String {
        fold(name).replace(' ', "-")
    }

    #[test]
    fn two_places_with_their_own_hours_keep_them_apart() {
        let place = |postcode: &str, hours: &str| {
            let mut location = Location::at(Some(Address { street: None, postal_code: Some(postcode.into()), city: None }));
            location.schedules = crate::sociale_kaart::hours::parse_compact(hours).unwrap();
            ServiceAtLocation::at(location)
        };
        let mut inloop = ServiceRecord::new("inloop", "Inloop");
        inloop.locations = vec![place("3311 AA", "ma 09:00-12:00"), place("3312 BB", "di 13:00-17:00")];
        let per_place = inloop.hours_per_place().expect("a table per place");
        let monday_ten = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(10, 0, 0).unwrap();
        assert!(per_place[0].state_at(monday_ten).is_open());
        assert!(!per_place[1].state_at(monday_ten).is_open(), "the second place is closed on Monday");
        // One place with hours, or hours of the service itself: one table.
        inloop.locations[1].location.schedules.clear();
        assert!(inloop.hours_per_place().is_none());
        inloop.locations[1] = place("3312 BB", "di 13:00-17:00");
        inloop.schedules = crate::sociale_kaart::hours::parse_compact("ma-vr 09:00-17:00").unwrap();
        assert!(inloop.hours_per_place().is_none());
    }

    #[test]
    fn a_service_is_found_by_its_own_address_when_its_area_names_no_postcodes() {
        let mut team = ServiceRecord::new("buurtteam-west", "Buurtteam West");
        team.themes = vec!["wijkteam".into()];
        team.areas = vec![ServiceArea { name: Some("West".into()), postcodes: Vec::new() }];
        let address = Address { street: Some("Westsingel 1".into()), postal_code: Some("3316 KL".into()), city: None };
        team.locations.push(ServiceAtLocation::at(Location::at(Some(address))));
        assert_eq!(team.coverage_of(3316), Some(u16::MAX), "its front door");
        assert_eq!(team.coverage_of(3317), None);
        // A gemeente-wide service at that address does not outrank the wijk's own team.
        let mut city_wide = team.clone();
        city_wide.id = "gemeente".into();
        city_wide.areas = vec![area("Gemeente", &["3311-3319"])];
        let mut local = ServiceRecord::new("wijkteam-3316", "Wijkteam 3316");
        local.themes = vec!["wijkteam".into()];
        local.areas = vec![area("Wijk", &["3316"])];
        let records = [city_wide.clone(), local];
        assert_eq!(serving(&records, "wijkteam", 3316).map(|r| r.id.as_str()), Some("wijkteam-3316"));
        assert_eq!(city_wide.coverage_of(3316), Some(8), "its area's width, not its address");
    }

    #[test]
    fn ages_and_languages() {
        let mut record = ServiceRecord::new("a", "A");
        assert!(record.serves_age(0) && record.serves_age(99));
        record.minimum_age = Some(12);
        record.maximum_age = Some(23);
        assert!(!record.serves_age(11) && record.serves_age(12) && record.serves_age(23));
        assert!(!record.serves_age(24));
        assert!(record.speaks("nl") && !record.speaks("en"), "no languages listed means Dutch");
        record.languages = vec!["en".into(), "ar".into()];
        assert!(record.speaks("ar") && !record.speaks("nl"));
    }

    #[test]
    fn the_default_taxonomy_has_both_languages() {
        let taxonomy = Taxonomy::default();
        assert_eq!(taxonomy.themes.len(), 12);
        assert_eq!(taxonomy.target_groups.len(), 7);
        assert_eq!(
            taxonomy.theme("huiselijk-geweld").unwrap().label.get(Lang::En),
            "Domestic violence"
        );
        assert!(taxonomy.target_group("ouderen").is_some() && taxonomy.theme("ouderen").is_some());
    }

    #[test]
    fn ways_to_reach_a_service_fall_back_to_its_organisation() {
        let phone = |number: &str| Phone { number: number.into(), kind: PhoneKind::Voice, description: None, extension: None };
        let mut record = ServiceRecord::new("a", "A");
        record.phones = vec![phone("010-555 0101")];
        record.organization = Some(Organization {
            id: None,
            name: "Org".into(),
            description: None,
            website: Some("https://org.nl".into()),
            email: None,
            phones: vec![phone("0105550101"), phone("010-555 0199")],
        });
        let numbers: Vec<&str> = record.all_phones().iter().map(|p| p.number.as_str()).collect();
        assert_eq!(numbers, ["010-555 0101", "010-555 0199"], "the same number written twice shows once");
        assert_eq!(record.any_website(), Some("https://org.nl"));
        record.website = Some("https://eigen.nl".into());
        assert_eq!(record.any_website(), Some("https://eigen.nl"));
        assert_eq!(record.any_email(), None);
    }
}
