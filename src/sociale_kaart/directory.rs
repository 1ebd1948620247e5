//! The sociale kaart of a region: its records and their search index, built once at start-up.
//! Above the records (`model.rs`) and the index (`search.rs`), which know nothing of each other's
//! holder.

use super::model::{Hidden, ServiceRecord, Taxonomy};
use super::search::{Filters, SearchIndex};

/// The sociale kaart of a region: its records, built once at start-up with the search index.
pub struct Directory {
    records: Vec<ServiceRecord>,
    taxonomy: Taxonomy,
    /// Record indexes sorted by id, for lookups without a copy of every id.
    by_id: Vec<u32>,
    index: SearchIndex,
}

impl Directory {
    /// Ids are unique after import; should two records share one, the first keeps it.
    pub fn new(records: Vec<ServiceRecord>, taxonomy: Taxonomy) -> Directory {
        let index = SearchIndex::new(&records, &taxonomy);
        Directory::with_index(records, taxonomy, index)
    }

    /// With an index built beforehand (a slice at a time: `search::IndexBuilder`).
    pub fn with_index(records: Vec<ServiceRecord>, taxonomy: Taxonomy, index: SearchIndex) -> Directory {
        let mut by_id: Vec<u32> = (0..records.len() as u32).collect();
        by_id.sort_by(|&a, &b| records[a as usize].id.cmp(&records[b as usize].id));
        Directory { records, taxonomy, by_id, index }
    }

    pub fn records(&self) -> &[ServiceRecord] {
        &self.records
    }

    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    pub fn get(&self, id: &str) -> Option<&ServiceRecord> {
        // The first of equal ids: the sort is stable.
        let first = self.by_id.partition_point(|&i| self.records[i as usize].id.as_str() < id);
        let record = &self.records[*self.by_id.get(first)? as usize];
        (record.id == id).then_some(record)
    }

    /// Indexes into [`Directory::records`], best match first.
    pub fn search(&self, query: &str, filters: &Filters) -> Vec<usize> {
        self.index.search(&self.records, query, filters)
    }

    /// A service by its id as a link to it finds it: shown, hidden (with why), or unknown.
    pub fn find(&self, id: &str) -> Found<'_> {
        match self.get(id) {
            None => Found::Unknown,
            Some(record) => match record.visibility() {
                Ok(()) => Found::Shown(record),
                Err(why) => Found::Hidden { name: &record.name, why },
            },
        }
    }

    /// The services of a user's list (their ids, in their order) that may be shown, and
    /// those on it that no longer may. Ids the data no longer has are left out.
    pub fn listed<'a>(&'a self, ids: &[String]) -> Listed<'a> {
        let mut listed = Listed { shown: Vec::new(), hidden: Vec::new() };
        for record in ids.iter().filter_map(|id| self.get(id)) {
            match record.visibility() {
                Ok(()) => listed.shown.push(record),
                Err(why) => listed.hidden.push((&record.id, &record.name, why)),
            }
        }
        listed
    }
}


/// What a link to a service by its id finds: [`Directory::find`].
#[derive(Debug, PartialEq)]
pub enum Found<'a> {
    Shown(&'a ServiceRecord),
    Hidden { name: &'a str, why: Hidden },
    Unknown,
}

/// A user's list in the data of today: [`Directory::listed`].
#[derive(Debug, Default, PartialEq)]
pub struct Listed<'a> {
    pub shown: Vec<&'a ServiceRecord>,
    /// Id, name and why.
    pub hidden: Vec<(&'a str, &'a str, Hidden)>,
}
