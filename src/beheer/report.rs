//! What the checker says of the opened pack and its files, as `meldwijzer-check` says it: a
//! verdict and summary first, then the pack's own issues, the files missing or unread, the
//! sociale kaart's issues grouped by kind (each example a link to its service), and the
//! number conflicts as warnings.

use super::links;
use super::state::use_beheer;
use crate::content::check::Checked;
use crate::i18n::{t, t_with, Lang};
use crate::shell::{state, tr};
use crate::sociale_kaart::import::{group_issues, ImportIssue};
use crate::sociale_kaart::service_view::{ServiceView, Variant};
use leptos::prelude::*;

/// The link to the page in Beheer of the service an issue is about.
fn record_href(issue: &ImportIssue) -> Option<String> {
    links::record_href(issue.record.as_ref()?.id.as_deref()?)
}

/// "Bijvoorbeeld: dienst 2 (vals-loket), dienst 7." with each service a link to its page.
fn examples(examples: &[&ImportIssue], lang: Lang) -> Option<AnyView> {
    let named: Vec<(String, Option<String>)> = examples.iter().filter_map(|i| i.record_name(lang).map(|name| (name, record_href(i)))).collect();
    if named.is_empty() {
        return None;
    }
    let line = t(lang, "social_map.report.examples");
    let (before, after) = line.split_once("{records}").unwrap_or((line.as_str(), ""));
    let count = named.len();
    let links = named.into_iter().enumerate().map(|(at, (name, href))| {
        let comma = if at + 1 < count { ", " } else { "" };
        let shown = match href {
            Some(href) => view! { <a href=href>{name}</a> }.into_any(),
            None => view! { <span>{name}</span> }.into_any(),
        };
        view! { {shown}{comma} }
    }).collect_view();
    Some(view! { <p class="mw-admin-examples">{before.to_string()}{links}{after.to_string()}</p> }.into_any())
}

/// The verdict and what it rests on.
fn verdict(checked: &Checked, lang: Lang) -> impl IntoView {
    let key = if checked.is_valid() { "beheer.report.valid" } else { "beheer.report.invalid" };
    let pack = checked.pack.as_ref().map(|pack| {
        let args = [
            ("region", pack.region.name.clone()),
            ("contacts", pack.contacts.len().to_string()),
            ("numbers", pack.numbers.len().to_string()),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        t_with(lang, "beheer.report.pack_summary", &args)
    });
    view! {
        <p class="mw-admin-verdict__line"><strong>{t_with(lang, key, &[("file", &checked.pack_name)])}</strong></p>
        {pack.map(|line| view! { <p>{line}</p> })}
        {checked.summary(lang).map(|line| view! { <p>{line}</p> })}
    }
}

fn full_report(checked: &Checked, lang: Lang) -> impl IntoView {
    let pack_issues = (!checked.pack_issues.is_empty()).then(|| view! {
        <h3>{t(lang, "beheer.report.pack_issues")}</h3>
        <ul class="mw-admin-issues">
            {checked.pack_issues.iter().map(|issue| view! { <li>{issue.message(lang)}</li> }).collect_view()}
        </ul>
    });
    let files = (!checked.missing.is_empty() || !checked.unread.is_empty()).then(|| view! {
        <h3>{t(lang, "beheer.report.files")}</h3>
        <ul class="mw-admin-issues">
            {checked.missing.iter().map(|path| {
                let name = path.rsplit('/').next().unwrap_or(path);
                view! { <li>{t_with(lang, "beheer.open.ask", &[("file", name)])}</li> }
            }).collect_view()}
            {checked.unread.iter().map(|issue| view! { <li>{issue.message(lang)}</li> }).collect_view()}
        </ul>
    });
    let import = checked.import.as_ref().filter(|i| !i.issues.is_empty() || i.more_issues > 0).map(|import| {
        let groups = group_issues(&import.issues);
        let more = (import.more_issues > 0).then(|| t_with(lang, "social_map.more_issues", &[("count", &import.more_issues.to_string())]));
        view! {
            <h3>{t(lang, "beheer.report.groups")}</h3>
            <ul class="mw-admin-groups">
                {groups.iter().map(|group| {
                    let class = if group.examples[0].is_warning() { "mw-admin-group mw-admin-group--warning" } else { "mw-admin-group" };
                    view! {
                        <li class=class>
                            <p>{group.message(lang)}</p>
                            {examples(&group.examples, lang)}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {more.map(|line| view! { <p>{line}</p> })}
        }
    });
    let conflicts = checked.number_conflicts();
    let warnings = (!conflicts.is_empty()).then(|| view! {
        <h3>{t(lang, "beheer.report.warnings")}</h3>
        <ul class="mw-admin-issues mw-admin-issues--warning">
            {conflicts.iter().map(|c| view! { <li>{c.message(lang)}</li> }).collect_view()}
        </ul>
    });
    view! { {pack_issues}{files}{import}{warnings} }
}

#[component]
pub fn Report() -> impl IntoView {
    let app = state();
    let beheer = use_beheer();
    let opened = move || beheer.workspace.with(|w| !w.files.is_empty());
    let class = move || {
        let state = beheer.checked.with(|c| match c {
            Some(checked) if checked.is_valid() => " mw-admin-verdict--ok",
            Some(_) => " mw-admin-verdict--bad",
            None if opened() => " mw-admin-verdict--bad",
            None => "",
        });
        format!("mw-admin-verdict{state}")
    };
    view! {
        <section class="mw-admin-report" aria-labelledby="mw-admin-report-title">
            <h2 id="mw-admin-report-title">{tr("beheer.report.title")}</h2>
            // One live region that stays, so a screen reader announces each new verdict.
            <div class=class role="status">
                {move || {
                    let lang = app.lang.get();
                    beheer.checked.with(|checked| match checked {
                        Some(checked) => verdict(checked, lang).into_any(),
                        None if opened() => view! { <p>{t(lang, "beheer.report.no_pack")}</p> }.into_any(),
                        None => view! { <p>{t(lang, "beheer.report.nothing")}</p> }.into_any(),
                    })
                }}
            </div>
            {move || {
                let lang = app.lang.get();
                beheer.checked.with(|checked| checked.as_ref().map(|checked| full_report(checked, lang)))
            }}
        </section>
    }
}

/// `#/beheer/dienst/<id>`: what the check says of one service, and the service as a resident
/// sees it when it was imported.
#[component]
pub fn RecordDetail(id: String) -> impl IntoView {
    let app = state();
    let beheer = use_beheer();
    let title_id = id.clone();
    view! {
        <section class="mw-admin-record" aria-labelledby="mw-admin-record-title">
            <h2 id="mw-admin-record-title">{move || t_with(app.lang.get(), "beheer.report.record_title", &[("id", &title_id)])}</h2>
            <p><a href=links::href("")>{tr("beheer.report.back")}</a></p>
            {move || {
                let lang = app.lang.get();
                beheer.checked.with(|checked| {
                    let checked = checked.as_ref()?;
                    let import = checked.import.as_ref()?;
                    let issues: Vec<&ImportIssue> = import.issues.iter().filter(|i| i.record.as_ref().and_then(|r| r.id.as_deref()) == Some(id.as_str())).collect();
                    let record = checked.records().iter().find(|r| r.id == id).cloned();
                    let known = record.is_some() || !issues.is_empty();
                    let taxonomy = checked.pack.as_ref().and_then(|p| p.social_map.as_ref()).map(|m| import.taxonomy(m.taxonomy())).unwrap_or_default();
                    Some(view! {
                        {(!known).then(|| view! { <p>{t(lang, "beheer.report.record_unknown")}</p> })}
                        {(!issues.is_empty()).then(|| view! {
                            <h3>{t(lang, "beheer.report.record_issues")}</h3>
                            <ul class="mw-admin-issues">
                                {issues.iter().map(|i| view! { <li>{i.message(lang)}</li> }).collect_view()}
                            </ul>
                        })}
                        {match record {
                            Some(record) => view! {
                                <h3>{t(lang, "beheer.report.record_shown")}</h3>
                                <div class="mw-admin-record__view">
                                    <ServiceView record=record variant=Variant::Printed taxonomy=taxonomy/>
                                </div>
                            }.into_any(),
                            None if known => view! { <p>{t(lang, "beheer.report.record_not_read")}</p> }.into_any(),
                            None => ().into_any(),
                        }}
                    })
                })
            }}
        </section>
    }
}
