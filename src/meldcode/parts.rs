//! Pieces the step editor and the decision screens both draw: the guidance of a step, a list
//! of entries to add and remove, and the call to Veilig Thuis.

use super::content::Guide;
use super::dossier::Dossier;
use super::fields::use_editing;
use crate::shell::{in_lang, state, tr, SourceNote};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The guidance for a step or situation: what to do, what not to do, and why.
pub fn guide_view(guide: Guide) -> impl IntoView {
    let (title, intro, why) = (guide.title.clone(), guide.intro.clone(), guide.why.clone());
    let (dos, donts) = (guide.do_list.clone(), guide.dont_list.clone());
    view! {
        <section class="mw-guide">
            <h2>{in_lang(title)}</h2>
            <p>{in_lang(intro)}</p>
            <details>
                <summary>{tr("guide.more")}</summary>
                <h3>{tr("guide.do")}</h3>
                <ul>{dos.into_iter().map(|d| view! { <li>{in_lang(d)}</li> }).collect_view()}</ul>
                <h3>{tr("guide.dont")}</h3>
                <ul>{donts.into_iter().map(|d| view! { <li>{in_lang(d)}</li> }).collect_view()}</ul>
                <h3>{tr("guide.why")}</h3>
                <p>{in_lang(why)}</p>
                <p><SourceNote source=guide.source.clone()/></p>
            </details>
        </section>
    }
}

/// A list of entries with fields per entry, add and remove; only the count re-renders the
/// list, so typing in an entry keeps its focus.
pub fn entry_list(
    len: fn(&Dossier) -> usize,
    entry: impl Fn(usize) -> AnyView + Send + Sync + 'static,
    add_label: &'static str,
    add: fn(&mut Dossier),
    remove: fn(&mut Dossier, usize),
) -> AnyView {
    let editing = use_editing();
    let count = Memo::new(move |_| editing.read(len));
    let entry = std::sync::Arc::new(entry);
    let entries = NodeRef::<leptos::html::Div>::new();
    let add_button = NodeRef::<leptos::html::Button>::new();
    // The new fields push the button down: a keyboard user continues in the first of them.
    // Unless the user has already gone into a field (a quick click on a slow phone): the focus
    // is theirs, and what they type must land where they put it.
    let added = move |_| {
        editing.edit(add);
        request_animation_frame(move || {
            let document = web_sys::window().and_then(|w| w.document());
            let active = document.as_ref().and_then(|d| d.active_element());
            let button = add_button.get_untracked().map(web_sys::Element::from);
            let body = document.as_ref().and_then(|d| d.body()).map(web_sys::Element::from);
            // Still where the click left it (the button, or nowhere) or gone elsewhere?
            if active.is_some() && active != button && active != body {
                return;
            }
            let field = entries.get_untracked().and_then(|list| {
                list.query_selector(".mw-entry:last-child :is(input, textarea, select)").ok().flatten()
            });
            if let Some(field) = field.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = field.focus();
            }
        });
    };
    // The removed entry took focus with it: put it on the button that adds one.
    let removed = move |i: usize| {
        editing.edit(move |d| remove(d, i));
        request_animation_frame(move || {
            if let Some(button) = add_button.get_untracked() {
                let _ = button.focus();
            }
        });
    };
    view! {
        <div class="mw-entries" node_ref=entries>
            {move || {
                let entry = entry.clone();
                (0..count.get()).map(move |i| view! {
                    <div class="mw-entry">
                        {entry(i)}
                        <button type="button" class="mw-link-button" on:click=move |_| removed(i)>
                            {tr("entry.remove")}
                        </button>
                    </div>
                }).collect_view()
            }}
        </div>
        <button type="button" class="mw-button mw-button--secondary" node_ref=add_button on:click=added>{tr(add_label)}</button>
    }
    .into_any()
}

/// "Bel Veilig Thuis 0800-2000", from the content pack.
#[component]
pub fn VeiligThuisCall() -> impl IntoView {
    let app = state();
    move || {
        app.content.with(|c| c.number("veilig-thuis").cloned()).map(|n| view! {
            <p><a class="mw-call" href=n.tel_uri()>{tr("call.veilig_thuis")} " " {n.number.clone()}</a></p>
        })
    }
}
