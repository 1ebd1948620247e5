//! Checks region pack files for gemeente editors, with the same code and messages as the app,
//! including the sociale kaart files a pack names:
//!     cargo run --bin meldwijzer-check -- regio.json [meer.json …] [--lang en]
//! Exit code 0 when every file is valid, 1 when one is not, 2 on wrong use.

use meldwijzer::content::check::{check_pack, Checked};
use meldwijzer::content::{Issue, NationalContent, Problem, RegionPack, MAX_DATA_FILE_BYTES, MAX_PACK_BYTES};
use meldwijzer::i18n::{t, t_count, t_with, Lang};
use meldwijzer::sociale_kaart::import::{group_issues, summary};
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
        let checked = check(Path::new(file), &national);
        match &checked.pack {
            Some(pack) if checked.pack_issues.is_empty() => {
                let counts = [
                    ("file", file.as_str()),
                    ("region", &pack.region.name),
                    ("contacts", &pack.contacts.len().to_string()),
                    ("numbers", &pack.numbers.len().to_string()),
                ];
                say!("{}", t_with(lang, "check.valid", &counts));
                all_valid &= report_social_map(pack, &checked, lang, hsds_out.as_deref());
            }
            _ => {
                all_valid = false;
                say!("{}", t_count(lang, "check.invalid", checked.pack_issues.len(), &[("file", file)]));
                for issue in &checked.pack_issues {
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

/// The pack at `path` and the files it names beside it, checked by `content::check` (the code
/// Beheer runs in the browser); only the reading from disk is the checker's own.
fn check(path: &Path, national: &NationalContent) -> Checked {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // Refuse oversized files before reading them into memory.
    let size = match std::fs::metadata(path) {
        Ok(metadata) => metadata.len(),
        Err(_) => return Checked::refused(&name, Problem::NotReadable),
    };
    if size > MAX_PACK_BYTES as u64 {
        return Checked::refused(&name, Problem::TooLarge { size: size as usize, max: MAX_PACK_BYTES });
    }
    let Ok(bytes) = std::fs::read(path) else { return Checked::refused(&name, Problem::NotReadable) };
    let Ok(text) = String::from_utf8(bytes) else { return Checked::refused(&name, Problem::NotJson { line: 1, column: 1 }) };
    let folder = path.parent().unwrap_or(Path::new(""));
    // A file the pack names that is not there is `None` (missing); a table of a tabular
    // package that is not there is left out (every table but the services is optional).
    let read = |file: &str| match read_data_file(&folder.join(file)) {
        Ok(text) => Some(Ok(text)),
        Err(None) => None,
        Err(Some(problem)) => Some(Err(problem)),
    };
    check_pack(&name, &text, &read, &national.number_ids(), today())
}

/// Reports the sociale kaart files of a valid pack as the app would read them; `false` when a
/// record or a whole file would be left out (warnings alone pass).
/// With `hsds_out`, also writes the services read as HSDS 3.0 JSON to that file.
fn report_social_map(pack: &RegionPack, checked: &Checked, lang: Lang, hsds_out: Option<&str>) -> bool {
    let (Some(map), Some(import)) = (&pack.social_map, &checked.import) else { return true };
    let mut valid = true;
    // The files that could not be read, in the pack's order.
    for file in &map.files {
        let unread = checked.unread.iter().find(|issue| issue.file == file.path).cloned();
        let missing = checked.missing.contains(&file.path).then(|| Issue { file: file.path.clone(), path: String::new(), problem: Problem::NotReadable });
        if let Some(issue) = unread.or(missing) {
            valid = false;
            say!("  - {}", issue.message(lang));
        }
    }
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
        match std::fs::write(out, checked.hsds_json().unwrap_or_default()) {
            Ok(()) => say!("  {}", t_count(lang, "check.hsds_written", import.records.len(), &[("file", out)])),
            Err(_) => {
                valid = false;
                say!("  {}", t_with(lang, "check.hsds_not_written", &[("file", out)]));
            }
        }
    }
    // A warning, not a refusal: each number is shown as its own data says.
    for conflict in checked.number_conflicts() {
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
