#[cfg(target_arch = "wasm32")]
fn main() {
    meldwijzer::shell::mount::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Meldwijzer draait in de browser: start het met scripts/dev (zie README.md).");
    eprintln!("Een regiobestand controleren: cargo run --bin meldwijzer-check -- <bestand.json>");
}
