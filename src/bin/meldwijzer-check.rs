//! Checks region pack files for gemeente editors, with the same code and messages as the app,
//! including the sociale kaart files a pack names:
//!     cargo run --bin meldwijzer-check -- regio.json [meer.json …] [--lang en]
//! Exit code 0 when every file is valid, 1 when one is not, 2 on wrong use.

use meldwijzer::content::validate::{cross_references, parse_region_pack};
use meldwijzer::content::{Issue, NationalContent, Problem, RegionPack, MAX_DATA_FILE_BYTES, MAX_PACK_BYTES};
use meldwijzer::i18n::{t, t_count, t_with, Lang};
use meldwijzer::sociale_kaart::import::tabular::TableTexts;
use meldwijzer::sociale_kaart::import::{group_issues, summary};
use meldwijzer::sociale_kaart::model::number_conflicts;
use meldwijzer::sociale_kaart::source::import_all;
use std::path::Path;
use std::process::ExitCode;

/// A line to standard output. When the reader has gone (`meldwijzer-check … | head`), stop
/// quietly instead of panicking as `println!` does.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(1);
        }
    }};
}

fn main() -> ExitCode {
    let mut lang = Lang::Nl;
    let mut files = Vec::new();
    let mut hsds_out: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => match args.next().as_deref().and_then(Lang::parse) {
                Some(l) => lang = l,
                None => return usage(lang),
            },
            "--hsds-out" => match args.next() {
                Some(path) => hsds_out = Some(path),
                None => return usage(lang),
            },
            "-h" | "--help" => return usage(lang),
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        return usage(lang);
    }

    let national = NationalContent::load();
    let mut all_valid = true;
    for file in &files {
        match check(Path::new(file), &national) {
            Ok(pack) => {
                let counts = [
                    ("file", file.as_str()),
                    ("region", &pack.region.name),
                    ("contacts", &pack.contacts.len().to_string()),
                    ("numbers", &pack.numbers.len().to_string()),
                ];
                say!("{}", t_with(lang, "check.valid", &counts));
                all_valid &= check_social_map(Path::new(file), &pack, lang, hsds_out.as_deref());
            }
            Err(issues) => {
                all_valid = false;
                say!("{}", t_count(lang, "check.invalid", issues.len(), &[("file", file)]));
                for issue in issues {
                    say!("  - {}", issue.message(lang));
                }
            }
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn check(path: &Path, national: &NationalContent) -> Result<RegionPack, Vec<Issue>> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let whole = |problem| vec![Issue { file: name.clone(), path: String::new(), problem }];
    // Refuse oversized files before reading them into memory.
    let size = std::fs::metadata(path).map_err(|_| whole(Problem::NotReadable))?.len();
    if size > MAX_PACK_BYTES as u64 {
        return Err(whole(Problem::TooLarge { size: size as usize, max: MAX_PACK_BYTES }));
    }
    let bytes = std::fs::read(path).map_err(|_| whole(Problem::NotReadable))?;
    let text = String::from_utf8(bytes).map_err(|_| whole(Problem::NotJson { line: 1, column: 1 }))?;
    let pack = parse_region_pack(&name, &text, &national.number_ids(), today())?;
    let issues = cross_references(&name, &pack);
    if issues.is_empty() {
        Ok(pack)
    } else {
        Err(issues)
    }
}

/// Imports the sociale kaart files beside the pack as the app would; `false` when a record or
/// a whole file would be left out (warnings alone pass).
/// With `hsds_out`, also writes the services read as HSDS 3.0 JSON to that file.
fn check_social_map(pack_path: &Path, pack: &RegionPack, lang: Lang, hsds_out: Option<&str>) -> bool {
    let Some(map) = &pack.social_map else { return true };
    let folder = pack_path.parent().unwrap_or(Path::new(""));
    let mut texts = Vec::new();
    let mut tables = TableTexts::default();
    let mut valid = true;
    for file in &map.files {
        match read_data_file(&folder.join(&file.path)) {
            Ok(text) => {
                // A tabular package's tables, beside its datapackage.json; one that is not
                // there is left out (every table but the services is optional).
                for table in file.tables(&text) {
                    match read_data_file(&folder.join(&table)) {
                        Err(None) => {}
                        read => {
                            tables.insert(table, read.map_err(|problem| problem.unwrap_or(Problem::NotReadable)));
                        }
                    }
                }
                texts.push((file, text));
            }
            Err(problem) => {
                valid = false;
                let problem = problem.unwrap_or(Problem::NotReadable);
                let issue = Issue { file: file.path.clone(), path: String::new(), problem };
                say!("  - {}", issue.message(lang));
            }
        }
    }
    let import = import_all(texts.iter().map(|(file, text)| (*file, text.as_str())), &tables, &map.taxonomy(), today());
    let files = map.files.iter().map(|f| f.path.as_str()).collect::<Vec<_>>().join(", ");
    say!("{}", t_count(lang, "check.social_map", import.records.len(), &[("files", &files)]));
    if !import.issues.is_empty() {
        // First what to fix, grouped with counts and examples; then every issue.
        say!("  {}", summary(import.records.len(), &import.issues, lang));
        for group in group_issues(&import.issues) {
            say!("  * {}", group.message(lang));
            if let Some(examples) = group.examples_line(lang) {
                say!("    {examples}");
            }
        }
        say!("  {}", t(lang, "check.all_issues"));
    }
    for issue in &import.issues {
        valid &= issue.is_warning();
        say!("  - {}", issue.message(lang));
    }
    if let Some(out) = hsds_out {
        let json = meldwijzer::sociale_kaart::export::to_hsds(&import.records, &import.taxonomy(map.taxonomy()));
        let text = serde_json::to_string_pretty(&json).unwrap_or_default();
        match std::fs::write(out, text + "\n") {
            Ok(()) => say!("  {}", t_count(lang, "check.hsds_written", import.records.len(), &[("file", out)])),
            Err(_) => {
                valid = false;
                say!("  {}", t_with(lang, "check.hsds_not_written", &[("file", out)]));
            }
        }
    }
    // A warning, not a refusal: each number is shown as its own data says.
    for conflict in number_conflicts(&pack.contacts, &import.records) {
        say!("  ! {}", conflict.message(lang));
    }
    if import.more_issues > 0 {
        valid = false;
        say!("  {}", t_with(lang, "social_map.more_issues", &[("count", &import.more_issues.to_string())]));
    }
    valid
}

/// A sociale kaart file from disk: `Err(None)` when it does not exist, `Err(Some(problem))`
/// when it cannot be read or is larger than a data file may be.
fn read_data_file(path: &Path) -> Result<String, Option<Problem>> {
    let size = match std::fs::metadata(path) {
        Ok(metadata) => metadata.len() as usize,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(None),
        Err(_) => return Err(Some(Problem::NotReadable)),
    };
    if size > MAX_DATA_FILE_BYTES {
        return Err(Some(Problem::TooLarge { size, max: MAX_DATA_FILE_BYTES }));
    }
    std::fs::read_to_string(path).map_err(|_| Some(Problem::NotReadable))
}

fn usage(lang: Lang) -> ExitCode {
    eprintln!("{}", t(lang, "check.usage"));
    ExitCode::from(2)
}

/// Today as this machine has it: the one place the checker reads the clock (the pack's and the
/// sociale kaart's dates are held against it).
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
