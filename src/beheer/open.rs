//! Opening the pack and its sociale kaart files: a file input (several at once) with its
//! label, a box to drop them on, or the example. The files are read in this browser and kept
//! in the page's memory; nothing is sent. A file too large is refused before it is read.

use super::state::use_beheer;
use super::workspace::{size_text, OpenedFile, Workspace};
use crate::content::{Problem, MAX_DATA_FILE_BYTES, MAX_PACK_BYTES};
use crate::ground::limits::megabytes;
use crate::i18n::{t_count, t_with};
use crate::shell::field::Field;
use crate::shell::{state, tr};
use leptos::{html, prelude::*};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Reads one chosen or dropped file, refusing it by its size before reading.
async fn read(file: web_sys::File) -> OpenedFile {
    let name = file.name();
    if let Some(refused) = OpenedFile::refused_by_size(&name, file.size() as usize) {
        return refused;
    }
    let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
    OpenedFile { name, text: text.ok_or(Problem::NotReadable) }
}

/// The files of a list, each read in turn (also Beheer's other parts' file inputs).
pub(super) async fn read_all(files: web_sys::FileList) -> Vec<OpenedFile> {
    let mut opened = Vec::new();
    for index in 0..files.length() {
        if let Some(file) = files.get(index) {
            opened.push(read(file).await);
        }
    }
    opened
}

/// The files dropped with a drag event (`dataTransfer.files`), read without the DataTransfer
/// binding.
fn dropped_files(event: &web_sys::Event) -> Option<web_sys::FileList> {
    let transfer = js_sys::Reflect::get(event, &"dataTransfer".into()).ok()?;
    js_sys::Reflect::get(&transfer, &"files".into()).ok()?.dyn_into::<web_sys::FileList>().ok()
}

#[component]
pub fn OpenFiles() -> impl IntoView {
    let app = state();
    let beheer = use_beheer();
    let input = NodeRef::<html::Input>::new();
    let over = RwSignal::new(false);
    // What the last action did, for a screen reader ("2 bestanden geopend.").
    let said = RwSignal::new(String::new());

    let add = move |files: Vec<OpenedFile>| {
        let count = files.len();
        if count == 0 {
            return;
        }
        beheer.workspace.update(|w| files.into_iter().for_each(|f| w.open(f)));
        said.set(t_count(app.lang.get_untracked(), "beheer.open.opened", count, &[]));
    };
    let chosen = move |_| {
        let Some(element) = input.get_untracked() else { return };
        let Some(files) = element.files() else { return };
        leptos::task::spawn_local(async move {
            let opened = read_all(files).await;
            // Emptied, so choosing the same file again (after correcting it) is a change again.
            element.set_value("");
            add(opened);
        });
    };
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        let Some(files) = dropped_files(&ev) else { return };
        leptos::task::spawn_local(async move { add(read_all(files).await) });
    };
    let example = move |_| {
        let files = Workspace::example().files;
        add(files);
    };

    // The check found the pack among the files; it is not looked for again here.
    let pack_name = Memo::new(move |_| beheer.checked.with(|c| c.as_ref().map(|c| c.pack_name.clone())));
    let missing = Memo::new(move |_| beheer.checked.with(|c| c.as_ref().map(|c| c.missing.clone()).unwrap_or_default()));
    let limits = vec![("pack", megabytes(MAX_PACK_BYTES, app.lang.get_untracked())), ("data", megabytes(MAX_DATA_FILE_BYTES, app.lang.get_untracked()))];

    view! {
        <section class="mw-admin-open" aria-labelledby="mw-admin-open-title">
            <h2 id="mw-admin-open-title">{tr("beheer.open.title")}</h2>
            <p class="mw-admin-privacy">{tr("beheer.open.privacy")}</p>
            <div
                class="mw-admin-drop"
                class:mw-admin-drop--over=move || over.get()
                on:dragenter=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); over.set(true); }
                on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                on:dragleave=move |_| over.set(false)
                on:drop=dropped
            >
                <Field id="mw-admin-files" label="beheer.open.choose" hint="beheer.open.choose_hint" hint_args=limits>
                    <input type="file" id="mw-admin-files" multiple accept=".json,.csv,application/json,text/csv" node_ref=input on:change=chosen/>
                </Field>
                <p class="mw-hint">{tr("beheer.open.drop")}</p>
            </div>
            <p>
                <button type="button" class="mw-button mw-button--secondary" on:click=example aria-describedby="mw-admin-example-hint">{tr("beheer.open.example")}</button>
                " "<span class="mw-hint" id="mw-admin-example-hint">{tr("beheer.open.example_hint")}</span>
            </p>
            <p class="mw-admin-said" role="status">{move || said.get()}</p>
            {move || {
                let missing = missing.get();
                (!missing.is_empty()).then(|| view! {
                    <div class="mw-admin-ask">
                        <p>{tr("beheer.open.ask_intro")}</p>
                        <ul>
                            {missing.into_iter().map(|path| {
                                let name = path.rsplit('/').next().unwrap_or(&path).to_string();
                                view! { <li>{move || t_with(app.lang.get(), "beheer.open.ask", &[("file", &name)])}</li> }
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            <h3>{tr("beheer.open.files")}</h3>
            {move || {
                let files = beheer.workspace.with(|w| w.files.clone());
                if files.is_empty() {
                    return view! { <p class="mw-hint">{tr("beheer.open.none")}</p> }.into_any();
                }
                let lang = app.lang.get();
                let pack = pack_name.get();
                view! {
                    <ul class="mw-admin-files">
                        {files.into_iter().map(|file| {
                            let size = file.size().map(|s| size_text(s, lang));
                            let is_pack = pack.as_deref() == Some(file.name.as_str());
                            let problem = file.text.as_ref().err().map(|p| t_with(lang, "beheer.open.not_read", &[("problem", &p.message(lang))]));
                            let name = file.name.clone();
                            let label = format!("{} {}", crate::i18n::t(lang, "beheer.open.remove"), file.name);
                            let remove = move |_| {
                                beheer.workspace.update(|w| w.remove(&name));
                                said.set(t_with(app.lang.get_untracked(), "beheer.open.removed", &[("file", &name)]));
                            };
                            view! {
                                <li>
                                    <span class="mw-admin-files__name">{file.name.clone()}</span>
                                    {size.map(|s| view! { " " <span class="mw-hint">"(" {s} ")"</span> })}
                                    {is_pack.then(|| view! { " " <span class="mw-admin-files__pack">{tr("beheer.open.is_pack")}</span> })}
                                    {problem.map(|p| view! { <p class="mw-error">{p}</p> })}
                                    " "<button type="button" class="mw-button mw-button--secondary" aria-label=label on:click=remove>{tr("beheer.open.remove")}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
