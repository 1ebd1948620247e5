//! Sociale kaart: local help in the Open Referral HSDS model (issue 4).

pub mod hours;
pub mod import;
pub mod model;
pub mod search;
pub mod source;

use crate::shell::{route::Screen, ComingSoon};
use leptos::prelude::*;

#[component]
pub fn SocialMapScreen() -> impl IntoView {
    view! { <ComingSoon screen=Screen::SocialMap text="coming_soon.social_map"/> }
}
