//! Checks region pack files for gemeente editors, with the same code and messages as the app:
//!     cargo run --bin meldwijzer-check -- regio.json [meer.json …] [--lang en]
//! Exit code 0 when every file is valid, 1 when one is not, 2 on wrong use.

use meldwijzer::content::{
    parse_region_pack, Issue, NationalContent, Problem, RegionPack, MAX_PACK_BYTES,
};
use meldwijzer::i18n::{t, t_with, Lang};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut lang = Lang::Nl;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => match args.next().as_deref().and_then(Lang::parse) {
                Some(l) => lang = l,
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
                println!("{}", t_with(lang, "check.valid", &counts));
            }
            Err(issues) => {
                all_valid = false;
                println!("{}", t_with(lang, "check.invalid", &[("file", file), ("count", &issues.len().to_string())]));
                for issue in issues {
                    println!("  - {}", issue.message(lang));
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
        return Err(whole(Problem::TooLarge { size: size as usize }));
    }
    let bytes = std::fs::read(path).map_err(|_| whole(Problem::NotReadable))?;
    let text = String::from_utf8(bytes).map_err(|_| whole(Problem::NotJson { line: 1, column: 1 }))?;
    parse_region_pack(&name, &text, &national.number_ids())
}

fn usage(lang: Lang) -> ExitCode {
    eprintln!("{}", t(lang, "check.usage"));
    ExitCode::from(2)
}
