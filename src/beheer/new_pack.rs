//! A new region pack from a short form, for a gemeente starting from nothing.

use crate::i18n::Lang;

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
    /// The field's id on the screen: "gemeente", "wijk-0-postcodes", "contact-1-phone".
    pub field: String,
    /// A key in `content/ui/beheer.*.json`.
    pub key: &'static str,
}

impl FormError {
    pub fn message(&self, lang: Lang) -> String {
        crate::i18n::t(lang, self.key)
    }
}

/// The new pack's JSON text (valid for `parse_region_pack`, dated `today`), or every field to
/// correct.
pub fn new_pack(form: &NewPackForm, today: chrono::NaiveDate) -> Result<String, Vec<FormError>> {
    let _ = (form, today);
    Err(Vec::new())
}
