//! Meldwijzer: meldcode, routekaart and sociale kaart for domestic violence and child abuse,
//! running entirely in the browser. Domain modules (`content`, `i18n`, and the domain parts of
//! each capability) are plain Rust and tested natively; `shell` and the components render them.

pub mod content;
pub mod i18n;
pub mod meldcode;
pub mod routekaart;
pub mod self_check;
pub mod shell;
pub mod sociale_kaart;
pub mod storage;

// Faster and smaller than Rust's default wasm allocator (see Cargo.toml).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
