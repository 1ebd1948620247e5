//! Finds the mount points on the page and starts one app in each. Our own index.html has one
//! `<div data-meldwijzer data-standalone>`; a gemeente's page has its own `<div data-meldwijzer>`.

use super::{config::MountConfig, App};
use crate::content::{NationalContent, NATIONAL_JSON};
use crate::ground::checks::escape_html;
use crate::i18n::{t, Lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

const SELECTOR: &str = "[data-meldwijzer]";
const MOUNTED: &str = "data-meldwijzer-mounted";

pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show_fallback();
    }));
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let mut points = mount_points(&document);
    if points.is_empty() {
        // A bare page with only our script: take the body.
        if let (Ok(div), Some(body)) = (document.create_element("div"), document.body()) {
            let _ = div.set_attribute("data-meldwijzer", "");
            let _ = body.append_child(&div);
            points = mount_points(&document);
        }
    }
    let page_lang = document.document_element().and_then(|html| html.get_attribute("lang"));
    for element in points {
        // The script may be included twice on a host page; mount once.
        if element.has_attribute(MOUNTED) {
            continue;
        }
        let config = MountConfig::read(|name| element.get_attribute(name), page_lang.clone());
        super::prerendered::keep(&element);
        element.set_inner_html(""); // the loading text or pre-rendered screens from the page
        let _ = element.set_attribute(MOUNTED, "");
        leptos::mount::mount_to(element, move || view! { <App config/> }).forget();
    }
}

fn mount_points(document: &web_sys::Document) -> Vec<HtmlElement> {
    let Ok(list) = document.query_selector_all(SELECTOR) else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// If anything ever panics, the user still gets the emergency numbers instead of a blank page.
fn show_fallback() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let numbers = serde_json::from_str::<NationalContent>(NATIONAL_JSON)
        .map(|national| {
            national
                .on_every_screen()
                .map(|n| {
                    format!(
                        "<li><a href=\"{}\">{} {}</a>: {}</li>",
                        escape_html(&n.tel_uri()),
                        escape_html(n.name.get(Lang::Nl)),
                        escape_html(&n.number),
                        escape_html(n.when.get(Lang::Nl))
                    )
                })
                .collect::<String>()
        })
        .unwrap_or_default();
    let html = format!(
        "<div class=\"meldwijzer\"><div class=\"mw-notice mw-notice--warning\" role=\"alert\">\
         <p><strong>{}</strong></p><ul>{numbers}</ul><p>{}</p></div></div>",
        escape_html(&t(Lang::Nl, "fallback.title")),
        escape_html(&t(Lang::Nl, "fallback.reload")),
    );
    for element in mount_points(&document) {
        element.set_inner_html(&html);
    }
}
