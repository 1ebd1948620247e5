//! A region's contacts: its local teams and services, each for the wijken and postcodes it
//! serves. The region pack lists them; the routekaart finds the one for a place and the
//! sociale kaart compares their numbers with its own.

use super::source::Source;
use crate::i18n::Text;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: String,
    pub name: String,
    pub description: Text,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub areas: Vec<Area>,
    #[serde(flatten)]
    pub source: Source,
}

/// A wijk and the four-digit postcodes (or ranges "3311-3315") in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Area {
    pub name: String,
    #[serde(default)]
    pub postcodes: Vec<String>,
}
