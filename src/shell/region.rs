//! Fetching the region pack a page configured. Everything that can go wrong on the way
//! (network, CORS, HTTP status, size) becomes an `Issue`, shown like a validation problem.

use crate::content::validate::parse_region_pack;
use crate::content::{Issue, Problem, RegionPack, MAX_PACK_BYTES};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestCredentials, RequestInit, Response};

#[derive(Clone, Debug, PartialEq)]
pub enum RegionStatus {
    /// No region configured: national content only.
    National,
    Loading,
    Loaded,
    /// The pack was refused; the app runs on national content and says why.
    Failed(Vec<Issue>),
}

/// The name an editor recognises in messages: the last path segment of the URL.
pub fn file_name(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.rsplit('/').find(|s| !s.is_empty()).unwrap_or(url).to_string()
}

pub async fn load(url: &str, national_ids: &[&str]) -> Result<RegionPack, Vec<Issue>> {
    let file = file_name(url);
    let text = fetch_text(url, MAX_PACK_BYTES).await.map_err(|problem| {
        vec![Issue { file: file.clone(), path: String::new(), problem }]
    })?;
    // The pack's dates are held against today as this browser has it.
    let mut pack = parse_region_pack(&file, &text, national_ids, chrono::Local::now().date_naive())?;
    pack.loaded_from = resolve(url, None);
    Ok(pack)
}

/// `path` against `base` (the page's address when `None`), as an absolute URL.
pub fn resolve(path: &str, base: Option<&str>) -> Option<String> {
    if let Some(base) = base.filter(|b| b.starts_with(MEMORY_SCHEME)) {
        return Some(resolve_in_memory(path, base));
    }
    let page = web_sys::window().and_then(|w| w.location().href().ok())?;
    web_sys::Url::new_with_base(path, base.unwrap_or(&page)).ok().map(|url| url.href())
}

/// The text at `url`, refused when larger than `max` bytes.
pub async fn fetch_text(url: &str, max: usize) -> Result<String, Problem> {
    if url.starts_with(MEMORY_SCHEME) {
        return from_memory(url, max);
    }
    let unreachable = Problem::NotLoaded { status: None };
    let window = web_sys::window().ok_or(unreachable.clone())?;
    let init = RequestInit::new();
    init.set_method("GET");
    // No cookies to a gemeente's server, and always the current data.
    init.set_credentials(RequestCredentials::Omit);
    init.set_cache(RequestCache::NoCache);
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| unreachable.clone())?;
    let response: Response = response.dyn_into().map_err(|_| unreachable.clone())?;
    if !response.ok() {
        return Err(Problem::NotLoaded { status: Some(response.status()) });
    }
    let declared = response.headers().get("content-length").ok().flatten();
    if let Some(size) = declared.and_then(|s| s.parse::<usize>().ok()) {
        if size > max {
            return Err(Problem::TooLarge { size, max });
        }
    }
    // Bytes, decoded here: a large sociale kaart arrives in wasm memory with one copy, where
    // a JavaScript string is re-encoded character by character (50 ms for 13 MB).
    let bytes = response.array_buffer().map_err(|_| unreachable.clone())?;
    let bytes = JsFuture::from(bytes).await.map_err(|_| unreachable)?;
    Ok(decode_utf8(js_sys::Uint8Array::new(&bytes).to_vec()))
}

/// Beheer's preview reads an editor's opened files as a citizen's browser reads a gemeente's:
/// a pack "loaded from" `meldwijzer-beheer:/<n>/regio.json` has its sociale kaart files
/// served from memory (nothing is fetched or uploaded), through the same import as on a
/// gemeente's page. Only the files Beheer registered last are served.
pub const MEMORY_SCHEME: &str = "meldwijzer-beheer:";

/// A file's text by its path beside the pack (`None`: not opened).
pub type MemoryFiles = std::rc::Rc<dyn Fn(&str) -> Option<Result<String, Problem>>>;

thread_local! {
    static MEMORY: std::cell::RefCell<Option<(String, MemoryFiles)>> = const { std::cell::RefCell::new(None) };
}

/// Serves `files` for URLs under `base` (`meldwijzer-beheer:/3/`), instead of what was
/// registered before.
pub fn serve_from_memory(base: &str, files: MemoryFiles) {
    MEMORY.with_borrow_mut(|m| *m = Some((base.to_string(), files)));
}

/// `path` beside the file `base` names: `meldwijzer-beheer:/3/regio.json` and `hsds/a.json`
/// give `meldwijzer-beheer:/3/hsds/a.json`. Plain text joining: such an address is never
/// fetched, so the browser's URL parser (which differs per browser for unknown schemes) is
/// not asked.
fn resolve_in_memory(path: &str, base: &str) -> String {
    let folder = &base[..base.rfind('/').map_or(base.len(), |at| at + 1)];
    format!("{folder}{}", path.trim_start_matches("./"))
}

/// The path under `base` that `url` names, when it is one.
fn memory_path<'a>(url: &'a str, base: &str) -> Option<&'a str> {
    url.strip_prefix(base).filter(|path| !path.is_empty())
}

/// A registered file as `fetch_text` would give it: a file not opened is "not found" (404),
/// as a missing file on a server (the tabular tables that may be left out are skipped so).
fn from_memory(url: &str, max: usize) -> Result<String, Problem> {
    let not_found = Problem::NotLoaded { status: Some(404) };
    let found = MEMORY.with_borrow(|m| {
        let (base, files) = m.as_ref()?;
        files(memory_path(url, base)?)
    });
    let text = found.unwrap_or(Err(not_found))?;
    if text.len() > max {
        return Err(Problem::TooLarge { size: text.len(), max });
    }
    Ok(text)
}

/// As the browser decodes text: UTF-8, a byte order mark dropped, bad bytes replaced.
fn decode_utf8(bytes: Vec<u8>) -> String {
    let mut text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_in_memory_are_found_beside_the_pack_and_others_are_not_found() {
        let base = "meldwijzer-beheer:/3/";
        assert_eq!(resolve("sociale-kaart.json", Some("meldwijzer-beheer:/3/regio.json")).as_deref(), Some("meldwijzer-beheer:/3/sociale-kaart.json"));
        assert_eq!(resolve_in_memory("./hsds/datapackage.json", "meldwijzer-beheer:/3/regio.json"), "meldwijzer-beheer:/3/hsds/datapackage.json");
        assert_eq!(memory_path("meldwijzer-beheer:/3/hsds/services.csv", base), Some("hsds/services.csv"));
        assert_eq!(memory_path("meldwijzer-beheer:/2/regio.json", base), None, "an earlier preview's files are gone");
        serve_from_memory(base, std::rc::Rc::new(|path: &str| (path == "a.json").then(|| Ok("{}".to_string()))));
        assert_eq!(from_memory("meldwijzer-beheer:/3/a.json", 10), Ok("{}".to_string()));
        assert_eq!(from_memory("meldwijzer-beheer:/3/a.json", 1), Err(Problem::TooLarge { size: 2, max: 1 }));
        assert_eq!(from_memory("meldwijzer-beheer:/3/b.json", 10), Err(Problem::NotLoaded { status: Some(404) }));
        assert_eq!(from_memory("meldwijzer-beheer:/2/a.json", 10), Err(Problem::NotLoaded { status: Some(404) }));
    }

    #[test]
    fn text_is_decoded_as_a_browser_would() {
        assert_eq!(decode_utf8("\u{feff}{\"a\": \"é\"}".into()), "{\"a\": \"é\"}");
        assert_eq!(decode_utf8(b"caf\xe9".to_vec()), "caf\u{fffd}");
    }

    #[test]
    fn messages_name_the_file_not_the_whole_url() {
        assert_eq!(file_name("https://a.nl/data/regio.json?v=2"), "regio.json");
        assert_eq!(file_name("regions/voorbeeldstad.json"), "voorbeeldstad.json");
        assert_eq!(file_name("https://a.nl/data/"), "data");
    }
}
