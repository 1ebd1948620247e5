//! Every wijk's routekaart on its own A4 page, in one print job: the routekaart's own printed
//! page (`routekaart::print::PrintedPage`) once per wijk (`wijk_pages`), with the wijk's
//! team, the numbers, the date it was printed and the oldest check of what is on it. The
//! print stylesheet (`style/beheer.css`) leaves everything else of the page off the paper.

use super::preview::{previewed_app, StartWithExample};
use super::state::use_beheer;
use super::wijk_pages::wijk_pages;
use crate::i18n::t_count;
use crate::routekaart::model::RouteMap;
use crate::routekaart::print::PrintedPage;
use crate::ground::route::Screen;
use crate::shell::{browser, state, tr};
use leptos::context::Provider;
use leptos::prelude::*;

#[component]
pub fn PrintAllWijken() -> impl IntoView {
    let beheer = use_beheer();
    let app = state();
    let lang = move || app.lang.get();
    // The pages read the numbers and the local team's name from the pack, as on a gemeente's page.
    let (printed, pack) = previewed_app(app.lang, Screen::Citizen, vec!["afdrukken".to_string()]);
    let pages = Memo::new(move |_| printed.content.with(wijk_pages));
    let routes = StoredValue::new(RouteMap::national());
    let has_pack = move || pack.with(Option::is_some);
    let unreadable = move || beheer.checked.with(|c| c.as_ref().is_some_and(|c| c.pack.is_none()));

    view! {
        <section class="mw-admin-section mw-print-all" aria-labelledby="mw-print-all-title">
            <div class="mw-no-print">
                <h2 id="mw-print-all-title">{tr("beheer.print.title")}</h2>
                {move || (!has_pack() && !unreadable()).then(|| view! { <StartWithExample/> })}
                {move || unreadable().then(|| view! { <p class="mw-notice mw-notice--warning">{tr("beheer.preview.unreadable")}</p> })}
                <Show when=has_pack>
                    <p>{tr("beheer.print.intro")}</p>
                    <p role="status">{move || t_count(lang(), "beheer.print.count", pages.with(Vec::len), &[])}</p>
                    {move || pages.with(Vec::is_empty).then(|| view! { <p>{tr("beheer.print.none")}</p> })}
                    <p class="mw-actions">
                        <button type="button" class="mw-button" disabled=move || pages.with(Vec::is_empty) on:click=move |_| browser::print()>
                            {tr("beheer.print.print")}
                        </button>
                    </p>
                </Show>
            </div>
            <Provider value=printed>
                <div class="mw-print-all__pages">
                    {move || pages.get().into_iter().map(|page| view! {
                        <div class="mw-print-all__page" data-wijk=page.wijk.clone()>
                            <PrintedPage
                                place=Signal::stored(page.wijk.clone())
                                local=Signal::stored(page.contacts.clone())
                                checked=Signal::stored(page.checked)
                                routes=routes/>
                        </div>
                    }).collect_view()}
                </div>
            </Provider>
        </section>
    }
}
