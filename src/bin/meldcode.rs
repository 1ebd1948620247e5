//! The meldcode capability module. The shell imports it when a user opens `#/meldcode` and
//! calls `mount()`; see `shell::capability`.

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount() {
    use leptos::prelude::*;
    meldwijzer::shell::capability::mount("meldcode", meldwijzer::shell::route::Screen::Meldcode, || {
        view! { <meldwijzer::meldcode::MeldcodeScreen/> }
    });
}

fn main() {}
