//! The sociale kaart capability module, loaded when a user opens `#/sociale-kaart`.
meldwijzer::capability_module!("sociale-kaart", meldwijzer::sociale_kaart::SocialMapScreen);

/// For `scripts/bench`: times import, indexing and keystroke searches of a region's HSDS files
/// in this browser, as JSON. Only in this module, so the shell carries none of it.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn benchmark(files: Vec<String>) -> String {
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    let performance = web_sys::window().and_then(|w| w.performance());
    let clock = || performance.as_ref().map(|p| p.now()).unwrap_or_else(js_sys::Date::now);
    let now = chrono::Local::now().naive_local();
    serde_json::to_string(&meldwijzer::sociale_kaart::bench::run(&files, now, &clock)).unwrap_or_default()
}
