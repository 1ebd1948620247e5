//! The dossier as an A4 document (print or save as PDF) and as text to copy into the
//! organisation's own client record. Both come from `report::build`.

use super::fields::use_editing;
use super::report::{as_text, build};
use super::state::use_meldcode;
use crate::i18n::{long_date, t_with};
use crate::shell::{browser, state, tr};
use leptos::prelude::*;

#[component]
pub fn PrintView() -> impl IntoView {
    let meldcode = use_meldcode();
    let editing = use_editing();
    let app = state();
    let copied = RwSignal::new(None::<bool>);
    let sections = Memo::new(move |_| {
        let profile = meldcode.profile.get().unwrap_or_default();
        let lang = app.lang.get();
        meldcode.content.with_value(|c| editing.read(|d| build(d, &profile, c, lang)))
    });
    let title = move || t_with(app.lang.get(), "dossier.title", &[("code", &editing.read(|d| d.case_code.clone()))]);
    let printed = move || {
        let lang = app.lang.get();
        t_with(lang, "print.date", &[("date", &long_date(lang, chrono::Local::now().date_naive()))])
    };
    let copy = move |_| {
        let text = as_text(&title(), &sections.get_untracked());
        leptos::task::spawn_local(async move { copied.set(Some(browser::copy_text(&text).await)) });
    };

    view! {
        <div class="mw-actions mw-no-print">
            <button type="button" class="mw-button" on:click=move |_| browser::print()>{tr("print.print")}</button>
            <button type="button" class="mw-button mw-button--secondary" on:click=copy>{tr("print.copy")}</button>
        </div>
        <div role="status" class="mw-no-print">
            {move || copied.get().map(|ok| if ok {
                view! { <p class="mw-notice">{tr("print.copied")}</p> }.into_any()
            } else {
                view! {
                    <p class="mw-error">{tr("print.copy_failed")}</p>
                    <label for="mw-copy-text">{tr("print.copy_text_label")}</label>
                    <textarea id="mw-copy-text" class="mw-copy-text" readonly rows="12">{move || as_text(&title(), &sections.get())}</textarea>
                }.into_any()
            })}
        </div>
        <article class="mw-print">
            <h2>{title}</h2>
            <p class="mw-print__meta">{printed}</p>
            <p class="mw-print__warning"><strong>{tr("print.sensitive")}</strong></p>
            {move || sections.get().into_iter().filter(|s| !s.rows.is_empty()).map(|section| view! {
                <section class="mw-print__section">
                    <h3>{section.title}</h3>
                    <dl>
                        {section.rows.into_iter().map(|row| view! { <dt>{row.label}</dt> <dd>{row.value}</dd> }).collect_view()}
                    </dl>
                </section>
            }).collect_view()}
        </article>
    }
}
