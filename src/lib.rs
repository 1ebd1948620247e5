//! Meldwijzer: meldcode, routekaart and sociale kaart for domestic violence and child abuse,
//! running entirely in the browser. Layers, bottom up (README "How the code is built"):
//! `ground` and `i18n`; each capability's domain files; `content`, the region pack that
//! composes them; the components, `shell` and `storage` on top. All but the top are plain
//! Rust, tested natively.

pub mod beheer;
pub mod content;
pub mod ground;
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
