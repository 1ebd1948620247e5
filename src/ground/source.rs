//! Where a text or number comes from, and the one shape of a sourced text: a rule the app
//! states, or a stage after a melding.

use crate::i18n::Text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a fact comes from and when an editor last compared it with that source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// A URL or the name of a document.
    pub source: String,
    pub checked: NaiveDate,
}

/// A rule or legal text the app states, or a stage after a melding (what Veilig Thuis does,
/// and when): a title and a text with their source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    pub id: String,
    pub title: Text,
    pub text: Text,
    #[serde(flatten)]
    pub source: Source,
}
