//! The sociale kaart of a region: its records and their search index, built once at start-up.
//! Above the records (`model.rs`) and the index (`search.rs`), which know nothing of each other's
//! holder.

use super::model::{ServiceRecord, Taxonomy};
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
}
