//! Form fields bound to the dossier being edited. Each change is stored at once, so closing the
//! tab or reloading never loses what was typed.

use super::{dossier::Dossier, state::Meldcode};
use crate::shell::tr;
use crate::shell::field::Field;
use chrono::{DateTime, Local, NaiveDate, Utc};
use leptos::prelude::*;
use std::sync::Arc;

/// The dossier open in the editor.
#[derive(Clone, Copy)]
pub struct Editing {
    pub dossier: RwSignal<Dossier>,
    /// When the last change was stored, for "opgeslagen om 14:32".
    pub saved_at: RwSignal<Option<DateTime<Local>>>,
    /// The version in storage this tab last saw: what changes from another tab are merged
    /// against.
    pub known: StoredValue<super::merge::Known>,
    pub meldcode: Meldcode,
}

impl Editing {
    /// Applies an edit and stores the dossier at once.
    pub fn edit(&self, f: impl FnOnce(&mut Dossier)) {
        self.dossier.update(|d| {
            f(d);
            d.updated = Utc::now();
        });
        self.store(self.dossier.get_untracked());
    }

    /// Stores `dossier` against what this tab knows; what another tab wrote meanwhile is
    /// merged in, and this tab's own text stays as typed.
    fn store(&self, dossier: Dossier) {
        let known = self.known.get_value();
        if let Some((stored, known)) = self.meldcode.store(&known, &dossier) {
            if self.dossier.with_untracked(|d| *d != stored) {
                self.dossier.set(stored);
            }
            self.known.set_value(known);
            self.saved_at.set(Some(Local::now()));
            self.meldcode.unsaved.update(|ids| ids.retain(|id| *id != dossier.id));
        } else {
            // Not stored (the quota is full): "Opgeslagen" goes, the text stays on screen and
            // in memory, so another step shows it too, until a later write succeeds.
            self.saved_at.set(None);
            self.meldcode.dossiers.update(|all| {
                if let Some(existing) = all.iter_mut().find(|d| d.id == dossier.id) {
                    *existing = dossier.clone();
                }
            });
            self.meldcode.unsaved.update(|ids| {
                if !ids.contains(&dossier.id) {
                    ids.push(dossier.id.clone());
                }
            });
        }
    }

    /// Another tab stored `stored`: take its changes, keeping (and storing again) what this
    /// tab has that the store lacks. True when anything changed here.
    pub fn adopt(&self, stored: Dossier) -> bool {
        let known = self.known.get_value();
        let working = self.dossier.get_untracked();
        let Some(merged) = known.merged(&working, &stored) else { return false };
        let lacking = { let mut m = merged.clone(); m.revision = stored.revision; m != stored };
        if lacking {
            self.dossier.set(merged.clone());
            self.store(merged);
        } else {
            self.known.set_value(known.read(stored.clone()));
            self.dossier.set(stored);
        }
        true
    }

    /// "Opgeslagen om 14:32" only after a write succeeded; "not saved yet" while the last
    /// edit is only on screen.
    pub fn save_status(&self, lang: crate::i18n::Lang) -> Option<String> {
        let id = self.dossier.with(|d| d.id.clone());
        if self.meldcode.unsaved.with(|ids| ids.contains(&id)) {
            return Some(crate::i18n::t(lang, "dossier.not_saved"));
        }
        self.saved_at.get().map(|at| crate::i18n::t_with(lang, "dossier.saved_at", &[("time", &at.format("%H:%M").to_string())]))
    }

    pub fn read<T>(&self, f: impl Fn(&Dossier) -> T) -> T {
        self.dossier.with(|d| f(d))
    }
}

pub fn use_editing() -> Editing {
    expect_context::<Editing>()
}

// The helpers below are generic only in a thin wrapper that boxes the closures; the view
// itself is built once, non-generic. Generic views are copied per call site and multiplied
// the wasm size several times over.
type Getter<T> = Arc<dyn Fn(&Dossier) -> T + Send + Sync>;
type Setter<T> = Arc<dyn Fn(&mut Dossier, T) + Send + Sync>;

/// A labelled multi-line text field.
pub fn text_area(
    id: String,
    label: &'static str,
    get: impl Fn(&Dossier) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Dossier, String) + Send + Sync + 'static,
) -> AnyView {
    text_field(id, label, true, Arc::new(get), Arc::new(set))
}

/// A labelled one-line text field.
pub fn text_input(
    id: String,
    label: &'static str,
    get: impl Fn(&Dossier) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Dossier, String) + Send + Sync + 'static,
) -> AnyView {
    text_field(id, label, false, Arc::new(get), Arc::new(set))
}

fn text_field(id: String, label: &'static str, multiline: bool, get: Getter<String>, set: Setter<String>) -> AnyView {
    let editing = use_editing();
    let value = move || editing.read(|d| get(d));
    let input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let set = set.clone();
        editing.edit(move |d| set(d, text));
    };
    let field = if multiline {
        view! { <textarea id=id.clone() rows="3" prop:value=value on:input=input></textarea> }.into_any()
    } else {
        view! { <input id=id.clone() type="text" prop:value=value on:input=input/> }.into_any()
    };
    view! { <Field id=id label=label>{field}</Field> }.into_any()
}

/// A labelled date field; an empty field is no date.
pub fn date_input(
    id: String,
    label: &'static str,
    get: impl Fn(&Dossier) -> Option<NaiveDate> + Send + Sync + 'static,
    set: impl Fn(&mut Dossier, Option<NaiveDate>) + Send + Sync + 'static,
) -> AnyView {
    date_field(id, label, Arc::new(get), Arc::new(set))
}

fn date_field(id: String, label: &'static str, get: Getter<Option<NaiveDate>>, set: Setter<Option<NaiveDate>>) -> AnyView {
    let editing = use_editing();
    view! {
        <Field id=id.clone() label=label>
            <input
                id=id
                type="date"
                prop:value=move || editing.read(|d| get(d)).map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| {
                    let value = event_target_value(&ev).parse::<NaiveDate>().ok();
                    let set = set.clone();
                    editing.edit(move |d| set(d, value));
                }
            />
        </Field>
    }
    .into_any()
}

/// A yes/no question as two radio buttons in a fieldset.
pub fn yes_no(
    name: String,
    legend: impl Fn() -> String + Send + Sync + 'static,
    get: impl Fn(&Dossier) -> Option<bool> + Send + Sync + 'static,
    set: impl Fn(&mut Dossier, Option<bool>) + Send + Sync + 'static,
) -> AnyView {
    yes_no_field(name, Arc::new(legend), Arc::new(get), Arc::new(set))
}

fn yes_no_field(
    name: String,
    legend: Arc<dyn Fn() -> String + Send + Sync>,
    get: Getter<Option<bool>>,
    set: Setter<Option<bool>>,
) -> AnyView {
    let editing = use_editing();
    let option = move |value: bool, label: &'static str| {
        let id = format!("{name}-{value}");
        let label_for = id.clone();
        let (get, set) = (get.clone(), set.clone());
        view! {
            <label class="mw-choice" for=label_for>
                <input
                    type="radio"
                    id=id
                    name=name.clone()
                    prop:checked=move || editing.read(|d| get(d)) == Some(value)
                    on:change=move |_| {
                        let set = set.clone();
                        editing.edit(move |d| set(d, Some(value)));
                    }
                />
                {tr(label)}
            </label>
        }
    };
    view! {
        <fieldset class="mw-fieldset">
            <legend>{move || legend()}</legend>
            <div class="mw-choices">
                {option(true, "answer.yes")}
                {option(false, "answer.no")}
            </div>
        </fieldset>
    }
    .into_any()
}
