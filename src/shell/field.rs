//! One form field, built as GOV.UK Frontend's form group and the NL Design System's form field
//! build it: the label, the hint, the error message while there is one, then the control. The
//! control's `aria-describedby` names the hint and the shown error, so a screen reader reads
//! them with the label, and `aria-invalid` marks it while the error shows.

use super::app_state::{state, tr};
use crate::i18n::t_with;
use leptos::{html, prelude::*};

/// A labelled control (an `<input>`, `<select>` or `<textarea>`, given as the children) with
/// its hint and error. Not generic: every form shares one copy of it in the wasm.
#[component]
pub fn Field(
    /// The control's id: the label's `for`; the hint gets `{id}-hint`, the error `{id}-error`.
    #[prop(into)]
    id: String,
    /// Translation key of the label.
    label: &'static str,
    /// Translation key of the hint under the label (a key, or an `Option` of one).
    #[prop(into, optional_no_strip)]
    hint: Option<&'static str>,
    /// Values for the hint's `{name}` placeholders, such as a size limit.
    #[prop(optional)]
    hint_args: Vec<(&'static str, String)>,
    /// Translation key of the error shown now, if any.
    #[prop(optional, into)]
    error: Option<Signal<Option<&'static str>>>,
    /// Classes beside `mw-field`, such as `mw-no-print`.
    #[prop(optional)]
    class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let root = NodeRef::<html::Div>::new();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let shown_error = move || error.and_then(|e| e.get());
    // The control is the caller's: its description is set on it once it is in the page, and
    // again whenever the error comes or goes.
    let described = (hint.map(|_| hint_id.clone()), error_id.clone());
    Effect::new(move |_| {
        let invalid = shown_error().is_some();
        let Some(root) = root.get() else { return };
        let Some(control) = root.query_selector("input, select, textarea").ok().flatten() else { return };
        let ids: Vec<&str> = described.0.as_deref().into_iter().chain(invalid.then_some(described.1.as_str())).collect();
        let _ = if ids.is_empty() {
            control.remove_attribute("aria-describedby")
        } else {
            control.set_attribute("aria-describedby", &ids.join(" "))
        };
        let _ = if invalid { control.set_attribute("aria-invalid", "true") } else { control.remove_attribute("aria-invalid") };
    });
    let class = match class {
        Some(extra) => format!("mw-field {extra}"),
        None => "mw-field".to_string(),
    };
    view! {
        <div class=class node_ref=root>
            <label for=id>{tr(label)}</label>
            {hint.map(|key| {
                let lang = state().lang;
                let text = move || {
                    let args: Vec<(&str, &str)> = hint_args.iter().map(|(name, value)| (*name, value.as_str())).collect();
                    t_with(lang.get(), key, &args)
                };
                view! { <p class="mw-hint" id=hint_id>{text}</p> }
            })}
            {move || shown_error().map(|key| view! { <p class="mw-error" role="alert" id=error_id.clone()>{tr(key)}</p> })}
            {children()}
        </div>
    }
}
