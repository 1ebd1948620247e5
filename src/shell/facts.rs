//! Content shown with its source: numbers, facts and local contacts. One place renders each,
//! so every screen shows source and check date the same way.

use super::app_state::{in_lang, state, tr};
use crate::content::citation::{citations, Citation};
use crate::content::{tel_uri, Contact, Fact, PhoneNumber, Source};
use crate::i18n::{long_date, t_with};
use leptos::prelude::*;

/// 112 and Veilig Thuis, above everything on every screen.
#[component]
pub fn EmergencyNumbers() -> impl IntoView {
    let app = state();
    let numbers = move || {
        app.content.with(|c| {
            c.national.on_every_screen().cloned().collect::<Vec<_>>()
        })
    };
    view! {
        <div class="mw-emergency">
            <ul class="mw-emergency__numbers">
                {move || numbers().into_iter().map(|n| {
                    view! {
                        <li>
                            <a class="mw-emergency__call" href=n.tel_uri()>
                                <span class="mw-emergency__number">{n.number.clone()}</span>
                                " "
                                <span class="mw-emergency__name">{in_lang(n.name.clone())}</span>
                            </a>
                            <span class="mw-emergency__when">{in_lang(n.when.clone())}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <details class="mw-emergency__sources">
                <summary>{tr("emergency.sources")}</summary>
                <ul>
                    {move || numbers().into_iter().map(|n| view! {
                        <li>{n.number.clone()} ": " <SourceNote source=n.source.clone()/></li>
                    }).collect_view()}
                </ul>
            </details>
        </div>
    }
}

/// "Bron: … · gecontroleerd op 22 november 2026"
#[component]
pub fn SourceNote(source: Source) -> impl IntoView {
    let app = state();
    let checked = source.checked;
    let cited = citations(&source.source);
    view! {
        <span class="mw-source">
            {tr("source.label")} " "
            {cited.into_iter().enumerate().map(|(i, c)| view! {
                {(i > 0).then_some("; ")}
                <CitationText citation=c/>
            }).collect_view()}
            " · "
            {move || {
                let lang = app.lang.get();
                t_with(lang, "source.checked", &[("date", &long_date(lang, checked))])
            }}
        </span>
    }
}

/// "Publisher, Title (year), section" and its web address as a link (only the link when the
/// source is nothing but a URL, as a region pack may write it).
#[component]
pub fn CitationText(citation: Citation) -> impl IntoView {
    let link = citation.url.clone().map(|url| {
        let text = url.clone();
        view! { <a href=url>{text}</a> }
    });
    let only_link = citation.url.as_deref() == Some(citation.text.as_str());
    view! {
        {(!only_link).then(|| citation.text.clone())}
        {(!only_link && link.is_some()).then_some(" ")}
        {link}
    }
}

#[component]
pub fn NumberList(numbers: Vec<PhoneNumber>) -> impl IntoView {
    view! {
        <ul class="mw-list">
            {numbers.into_iter().map(|n| {
                let name = n.name.clone();
                let when = n.when.clone();
                view! {
                    <li class="mw-card">
                        <p class="mw-card__title">
                            <a href=n.tel_uri()>{in_lang(name)} ": " {n.number.clone()}</a>
                        </p>
                        <p>{in_lang(when)}</p>
                        <p><SourceNote source=n.source.clone()/></p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn FactList(facts: Vec<Fact>) -> impl IntoView {
    view! {
        <ul class="mw-list">
            {facts.into_iter().map(|fact| {
                let title = fact.title.clone();
                let text = fact.text.clone();
                view! {
                    <li class="mw-card">
                        <h3 class="mw-card__title">{in_lang(title)}</h3>
                        <p>{in_lang(text)}</p>
                        <p><SourceNote source=fact.source.clone()/></p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Local teams and services from the region pack. Links only as validated: tel from digits,
/// web links http(s) (checked on load), mail addresses without markup.
#[component]
pub fn ContactList(contacts: Vec<Contact>) -> impl IntoView {
    view! {
        <ul class="mw-list">
            {contacts.into_iter().map(|c| {
                let description = c.description.clone();
                let areas = c.areas.iter().map(|a| a.name.clone()).collect::<Vec<_>>().join(", ");
                view! {
                    <li class="mw-card">
                        <h3 class="mw-card__title">{c.name.clone()}</h3>
                        <p>{in_lang(description)}</p>
                        {(!areas.is_empty()).then(|| view! {
                            <p>{tr("contact.areas")} " " {areas.clone()}</p>
                        })}
                        <ul class="mw-contact__ways">
                            {c.phone.clone().map(|phone| view! {
                                <li><a href=tel_uri(&phone)>{tr("contact.call")} " " {phone.clone()}</a></li>
                            })}
                            {c.email.clone().map(|email| view! {
                                <li><a href=format!("mailto:{email}")>{email.clone()}</a></li>
                            })}
                            {c.website.clone().map(|url| view! {
                                <li><a href=url.clone()>{tr("contact.website")}</a></li>
                            })}
                        </ul>
                        <p><SourceNote source=c.source.clone()/></p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use crate::content::citation::citations;

    #[test]
    fn a_url_inside_a_document_name_becomes_a_link() {
        let found = citations("Rijksoverheid, Besluit verplichte meldcode (2013), art. 2 (https://wetten.overheid.nl/BWBR0033723)");
        assert_eq!(found[0].url.as_deref(), Some("https://wetten.overheid.nl/BWBR0033723"));
        assert_eq!(found[0].text, "Rijksoverheid, Besluit verplichte meldcode (2013), art. 2");
        assert_eq!(citations("Voorbeeld: verzonnen")[0].url, None);
        // A region pack may write only a URL: it is its own link, shown once.
        let bare = citations("https://www.voorbeeldstad.nl/hulp");
        assert_eq!(bare[0].url.as_deref(), Some(bare[0].text.as_str()));
    }
}
