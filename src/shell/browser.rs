//! Getting things out of and into the browser: the address's hash, printing, downloads, a
//! chosen file, the clipboard.

use crate::meldcode::dossier::{ImportError, MAX_IMPORT_BYTES};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "
export function next_task() {
  // A message to ourselves: a new task at once, without setTimeout's 4 ms clamp when nested.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
    channel.port2.postMessage(null);
  });
}")]
extern "C" {
    #[wasm_bindgen(js_name = next_task)]
    fn next_task_promise() -> js_sys::Promise;
}

/// Lets the browser handle what waits (a click on "Snel weg", a key, a repaint) before long
/// work goes on: the work is cut into slices with this between them.
pub async fn next_task() {
    let _ = JsFuture::from(next_task_promise()).await;
}

/// The location's hash (`#/meldcode/d-1/2`), empty when there is none.
pub fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Opens the browser's print dialog (print or save as PDF); the print stylesheet decides
/// what goes on paper.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Offers `text` as a file download; nothing leaves the device.
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return false };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(link) = &link {
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
    link.is_some()
}

#[derive(Debug, PartialEq, Eq)]
pub enum FileProblem {
    TooLarge { size: usize },
    Unreadable,
}

/// Reads the first file chosen in an `<input type="file">`, refusing files over `max` bytes
/// before reading them.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement, max: usize) -> Result<String, FileProblem> {
    let file = input.files().and_then(|files| files.get(0)).ok_or(FileProblem::Unreadable)?;
    let size = file.size() as usize;
    if size > max {
        return Err(FileProblem::TooLarge { size });
    }
    let text = JsFuture::from(file.text()).await.map_err(|_| FileProblem::Unreadable)?;
    text.as_string().ok_or(FileProblem::Unreadable)
}

/// The file just chosen in an import's `<input type="file">` (dossiers, zelftest results):
/// read whole when at most `MAX_IMPORT_BYTES`, a refusal as the importer's own error. The input
/// is emptied, so choosing the same file again is a change again.
pub async fn read_import_file(input: &web_sys::HtmlInputElement) -> Result<String, ImportError> {
    let text = read_chosen_file(input, MAX_IMPORT_BYTES).await;
    input.set_value("");
    text.map_err(|problem| match problem {
        FileProblem::TooLarge { size } => ImportError::TooLarge { size },
        FileProblem::Unreadable => ImportError::NotJson,
    })
}

/// Copies text to the clipboard; `false` when the browser refuses (then the text is shown).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}
