//! The ground layer: what every part of the app shares and nothing else. Sources, the one
//! sourced-text shape, a region's contacts, problems as values, the checks of ids, links,
//! phones, e-mail, markup, paths and postcodes, the limits, and the screens' place in the URL.
//! Ground imports nothing of the app but `i18n`; everything else may import ground
//! (`tests/module_cycles.rs` holds the layers).

pub mod checks;
pub mod contact;
pub mod limits;
pub mod postcode;
pub mod problem;
pub mod route;
pub mod source;
