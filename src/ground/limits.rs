//! Sizes, counts and formats every part agrees on, written once: the region pack and the
//! sociale kaart files a gemeente publishes, the import files a professional chooses, the
//! ages a service can be for.

use crate::i18n::Lang;

/// A megabyte as the messages count it.
pub const MEGABYTE: usize = 1024 * 1024;
/// A region pack: a hundred times the example region, room for about 1,800 contacts in two
/// languages. It is read in one piece (about 30 ms at this size), and the quick exit must
/// never wait long for it; anything larger is refused before parsing.
pub const MAX_PACK_BYTES: usize = MEGABYTE;
/// A sociale kaart file: room for 10,000 services and more. Read a slice at a time.
pub const MAX_DATA_FILE_BYTES: usize = 20 * MEGABYTE;
/// A link or e-mail address, and a `source` line.
pub const MAX_URL_CHARS: usize = 2_000;

/// An import file (dossiers, zelftest results): far above 200 dossiers of 50 entries; far
/// below what would freeze a phone.
pub const MAX_IMPORT_BYTES: usize = 10 * MEGABYTE;
/// Dossiers (or zelftest results) in one file: a professional has tens of open cases, never a
/// thousand, and a thousand small dossiers already fill most of the browser's 5 MB.
pub const MAX_IMPORT_ITEMS: usize = 1_000;
/// How deep an import file may nest: an export nests 6 levels; far below what would take the
/// parser's stack (serde_json stops at 128 itself).
pub const MAX_IMPORT_DEPTH: usize = 32;

/// The highest age a service can be for, or a user can search for.
pub const MAX_AGE: u8 = 120;

/// The region pack format this app reads, and its version.
pub const REGION_FORMAT: &str = "meldwijzer-region";
pub const REGION_VERSION: u32 = 1;

/// A size in a message: "10 MB" for whole megabytes, else one decimal in the language's own
/// way ("1,5 MB", "1.5 MB"). Rounded up, so a file just over a limit never reads as the limit.
pub fn megabytes(bytes: usize, lang: Lang) -> String {
    let tenths = (bytes as u64 * 10).div_ceil(MEGABYTE as u64);
    match (tenths % 10, lang) {
        (0, _) => format!("{} MB", tenths / 10),
        (tenth, Lang::Nl) => format!("{},{tenth} MB", tenths / 10),
        (tenth, Lang::En) => format!("{}.{tenth} MB", tenths / 10),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(megabytes(10 * MEGABYTE, Lang::Nl), "10 MB");
        assert_eq!(megabytes(MAX_PACK_BYTES + 1, Lang::Nl), "1,1 MB");
        assert_eq!(megabytes(MEGABYTE * 3 / 2, Lang::Nl), "1,5 MB");
        assert_eq!(megabytes(MEGABYTE * 3 / 2, Lang::En), "1.5 MB");
        assert_eq!(megabytes(11 * MEGABYTE, Lang::En), "11 MB");
    }
}
