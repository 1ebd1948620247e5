//! The ways to reach a service: on its page, in the result list and on the printed list.

use super::model::{PhoneKind, ServiceRecord};
use crate::i18n::t_with;
use crate::shell::{state, tr};
use leptos::prelude::*;

/// Phone numbers as `tel:` links, e-mail and website. Addresses were checked on import
/// (http and https only; numbers of digits and spaces), so every link here is safe.
#[component]
pub fn Reach(record: ServiceRecord, #[prop(optional)] compact: bool) -> impl IntoView {
    let phones: Vec<_> = record.all_phones().into_iter().cloned().collect();
    let phones = if compact { phones.into_iter().take(1).collect() } else { phones };
    let email = (!compact).then(|| record.any_email().map(str::to_string)).flatten();
    let website = record.any_website().map(str::to_string);
    view! {
        <ul class="mw-contact__ways">
            {phones.into_iter().map(|phone| {
                let kind = match phone.kind {
                    PhoneKind::Text => Some("social_map.phone.text"),
                    PhoneKind::Textphone => Some("social_map.phone.textphone"),
                    PhoneKind::Video => Some("social_map.phone.video"),
                    PhoneKind::Fax => Some("social_map.phone.fax"),
                    _ => None,
                };
                view! {
                    <li>
                        {tr("social_map.phone")} " "
                        <a href=phone.tel_uri()>{phone.number.clone()}</a>
                        {phone.extension.clone().map(|extension| view! { " " {move || t_with(state().lang.get(), "social_map.phone.extension", &[("extension", &extension)])} })}
                        {kind.map(|key| view! { " (" {tr(key)} ")" })}
                        {phone.description.clone().map(|d| view! { " – " {d} })}
                    </li>
                }
            }).collect_view()}
            {email.map(|email| view! {
                <li>{tr("social_map.email")} " " <a href=format!("mailto:{email}")>{email.clone()}</a></li>
            })}
            {website.map(|url| {
                let text = url.clone();
                view! { <li>{tr("social_map.website")} " " <a href=url>{text}</a></li> }
            })}
        </ul>
    }
}
