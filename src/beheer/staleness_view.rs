//! Staleness at a glance: every contact, number and service by the date it was last checked,
//! the oldest first, with a CSV to send round for checking.

use super::publish::StartWithFiles;
use super::staleness::{by_last_checked, to_csv, CheckedRow};
use super::state::use_beheer;
use crate::i18n::{t, t_count};
use crate::shell::{browser, state, tr};
use leptos::prelude::*;

#[component]
pub fn Staleness() -> impl IntoView {
    let beheer = use_beheer();
    let lang = state().lang;
    let rows = Memo::new(move |_| {
        beheer.checked.with(|c| {
            let c = c.as_ref()?;
            Some(by_last_checked(c.pack.as_ref()?, c.records(), chrono::Local::now().date_naive()))
        })
    });
    let download = move |_| {
        if let Some(rows) = rows.get_untracked() {
            // A byte order mark, so a spreadsheet reads the accents as UTF-8.
            let text = format!("\u{feff}{}", to_csv(&rows, lang.get_untracked()));
            browser::download(&t(lang.get_untracked(), "beheer.stale.file_name"), "text/csv;charset=utf-8", &text);
        }
    };
    let has_pack = move || beheer.checked.with(Option::is_some);
    view! {
        <section class="mw-admin-stale" aria-labelledby="mw-stale-title">
            <h2 id="mw-stale-title">{tr("beheer.stale.title")}</h2>
            <p>{tr("beheer.stale.lead")}</p>
            <Show when=has_pack fallback=|| view! { <StartWithFiles id="mw-stale-files"/> }>
                {move || match rows.get() {
                    None => view! { <p>{tr("beheer.stale.no_valid_pack")}</p> }.into_any(),
                    Some(rows) => {
                        let lang = lang.get();
                        let stale = rows.iter().filter(|r| r.stale).count();
                        view! {
                            <p>{t_count(lang, "beheer.stale.summary", stale, &[("total", &rows.len().to_string())])}</p>
                            <button type="button" class="mw-button" on:click=download>{tr("beheer.stale.download")}</button>
                            // Scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it.
                            <div class="mw-admin-table-wrap" tabindex="0" role="region" aria-labelledby="mw-stale-caption">
                                <table class="mw-admin-stale-table">
                                    <caption id="mw-stale-caption">{tr("beheer.stale.caption")}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{tr("beheer.stale.column.name")}</th>
                                            <th scope="col">{tr("beheer.stale.column.kind")}</th>
                                            <th scope="col">{tr("beheer.stale.column.checked")}</th>
                                            <th scope="col">{tr("beheer.stale.column.source")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {rows.into_iter().map(|row| row_view(row, lang)).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any()
                    }
                }}
            </Show>
        </section>
    }
}

fn row_view(row: CheckedRow, lang: crate::i18n::Lang) -> impl IntoView {
    let class = if row.stale { "mw-admin-stale-row mw-admin-stale-row--old" } else { "mw-admin-stale-row" };
    let checked = row.checked_text(lang);
    view! {
        <tr class=class>
            <th scope="row">{row.name.clone()}</th>
            <td>{row.kind.label(lang)}</td>
            <td>
                {checked}
                {row.stale.then(|| view! { <span class="mw-admin-stale-mark">{" "}{t(lang, "beheer.stale.old")}</span> })}
            </td>
            <td>{row.source.clone()}</td>
        </tr>
    }
}
