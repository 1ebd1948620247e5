//! The professional's profile, set once: sector, usual client, and the organisation's own
//! meldcode details. Each new dossier starts from it.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sector {
    #[default]
    Gezondheidszorg,
    Onderwijs,
    Kinderopvang,
    MaatschappelijkeOndersteuning,
    Jeugdhulp,
    Justitie,
    Sport,
    Vrijwilligers,
    Overig,
}

impl Sector {
    pub const ALL: [Sector; 9] = [
        Sector::Gezondheidszorg,
        Sector::Onderwijs,
        Sector::Kinderopvang,
        Sector::MaatschappelijkeOndersteuning,
        Sector::Jeugdhulp,
        Sector::Justitie,
        Sector::Sport,
        Sector::Vrijwilligers,
        Sector::Overig,
    ];

    /// The id used in content data (`sector_routes[].sectors`) and in forms.
    pub fn id(self) -> &'static str {
        match self {
            Sector::Gezondheidszorg => "gezondheidszorg",
            Sector::Onderwijs => "onderwijs",
            Sector::Kinderopvang => "kinderopvang",
            Sector::MaatschappelijkeOndersteuning => "maatschappelijke-ondersteuning",
            Sector::Jeugdhulp => "jeugdhulp",
            Sector::Justitie => "justitie",
            Sector::Sport => "sport",
            Sector::Vrijwilligers => "vrijwilligers",
            Sector::Overig => "overig",
        }
    }

    pub fn from_id(id: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Sectors the Wet verplichte meldcode applies to; the others are encouraged to use it.
    pub fn obliged(self) -> bool {
        !matches!(self, Sector::Sport | Sector::Vrijwilligers | Sector::Overig)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Sector::Gezondheidszorg => "sector.gezondheidszorg",
            Sector::Onderwijs => "sector.onderwijs",
            Sector::Kinderopvang => "sector.kinderopvang",
            Sector::MaatschappelijkeOndersteuning => "sector.maatschappelijke_ondersteuning",
            Sector::Jeugdhulp => "sector.jeugdhulp",
            Sector::Justitie => "sector.justitie",
            Sector::Sport => "sector.sport",
            Sector::Vrijwilligers => "sector.vrijwilligers",
            Sector::Overig => "sector.overig",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClientKind {
    #[default]
    Child,
    /// Adult clients: the kindcheck applies.
    Adult,
}

/// Organisations differ in whether the five afwegingen are asked in step 4 or step 5.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AfwegingenStep {
    Four,
    #[default]
    Five,
}

impl AfwegingenStep {
    pub fn step(self) -> u8 {
        match self {
            AfwegingenStep::Four => 4,
            AfwegingenStep::Five => 5,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub sector: Sector,
    pub client: ClientKind,
    /// Artsen and tandartsen (KNMG): consulting Veilig Thuis before a melding is required.
    pub doctor: bool,
    pub organisation: String,
    pub aandachtsfunctionaris: String,
    pub aandachtsfunctionaris_phone: String,
    /// Who decides on a melding in the end.
    pub decider: String,
    pub afwegingen_in: AfwegingenStep,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sector_ids_round_trip_and_six_are_obliged() {
        for sector in Sector::ALL {
            assert_eq!(Sector::from_id(sector.id()), Some(sector));
        }
        assert_eq!(Sector::ALL.iter().filter(|s| s.obliged()).count(), 6);
    }

    #[test]
    fn an_older_profile_without_new_fields_still_opens() {
        let profile: Profile = serde_json::from_str(r#"{"sector":"onderwijs"}"#).unwrap();
        assert_eq!(profile.sector, Sector::Onderwijs);
        assert_eq!(profile.afwegingen_in, AfwegingenStep::Five);
    }
}
