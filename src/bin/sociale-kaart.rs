//! The sociale kaart capability module, loaded when a user opens `#/sociale-kaart` or a
//! route asks where to go for a postcode.
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

/// The routekaart's question (`shell::capability::ask`): per theme, the service serving
/// `postcode`, as JSON, for the region pack the shell sent. The shell draws the answer; the
/// importer stays in this module.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn where_to_go(region_json: String, postcode: u16) -> String {
    let content = meldwijzer::shell::capability::asked_content(&region_json);
    let found = meldwijzer::sociale_kaart::where_to_go(&content, postcode).await;
    found.and_then(|found| serde_json::to_string(&found).ok()).unwrap_or_default()
}
