//! The shell with the routekaart built in, which `embed.js` starts instead of the plain shell
//! (`src/main.rs`) when a page opens on a route (`#/zorgen`, a gemeente's `data-view="zorgen"`):
//! a burger on a phone reaches the local team with one wasm runtime, not two (README "Speed
//! on a phone"). Everywhere else the routekaart is its own module, as before.
#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::IntoAny;
    meldwijzer::shell::capability::build_in("routekaart", || meldwijzer::routekaart::RoutekaartScreen().into_any());
    meldwijzer::shell::mount::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
