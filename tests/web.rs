//! Browser tests (wasm-bindgen-test in headless Chromium): storage and mounting, the code that
//! only means something with a real DOM and real Web Storage.
#![cfg(target_arch = "wasm32")]

use meldwijzer::storage::{self, Area, StorageError};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn session() -> web_sys::Storage {
    web_sys::window().unwrap().session_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn saved_values_come_back_under_a_prefixed_key() {
    storage::save(Area::Local, "test-roundtrip", &vec![1, 2, 3]).unwrap();
    assert_eq!(local().get_item("meldwijzer:test-roundtrip").unwrap().as_deref(), Some("[1,2,3]"));
    let back: Option<Vec<u32>> = storage::load(Area::Local, "test-roundtrip").unwrap();
    assert_eq!(back, Some(vec![1, 2, 3]));
    storage::remove(Area::Local, "test-roundtrip").unwrap();
    assert_eq!(storage::load::<Vec<u32>>(Area::Local, "test-roundtrip"), Ok(None));
}

#[wasm_bindgen_test]
fn unreadable_storage_is_reported_and_kept() {
    local().set_item("meldwijzer:test-corrupt", "{not json").unwrap();
    assert_eq!(storage::load::<Vec<u32>>(Area::Local, "test-corrupt"), Err(StorageError::Unreadable));
    assert_eq!(local().get_item("meldwijzer:test-corrupt").unwrap().as_deref(), Some("{not json"));
    local().remove_item("meldwijzer:test-corrupt").unwrap();
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_full() {
    // Fill localStorage until the browser refuses, then check our message and that the last
    // good value survives.
    storage::save(Area::Local, "test-quota", &"kept").unwrap();
    let block = "x".repeat(1024 * 1024);
    let mut filled = Vec::new();
    for i in 0..64 {
        let key = format!("filler-{i}");
        if local().set_item(&key, &block).is_err() {
            break;
        }
        filled.push(key);
    }
    let result = storage::save(Area::Local, "test-quota", &"y".repeat(2 * 1024 * 1024));
    for key in filled {
        local().remove_item(&key).unwrap();
    }
    assert_eq!(result, Err(StorageError::Full));
    assert_eq!(storage::load::<String>(Area::Local, "test-quota"), Ok(Some("kept".to_string())));
    storage::remove(Area::Local, "test-quota").unwrap();
}

#[wasm_bindgen_test]
fn clearing_the_session_leaves_the_host_page_keys_alone() {
    session().set_item("meldwijzer:test-session", "1").unwrap();
    session().set_item("host-key", "2").unwrap();
    storage::clear_session();
    assert_eq!(session().get_item("meldwijzer:test-session").unwrap(), None);
    assert_eq!(session().get_item("host-key").unwrap().as_deref(), Some("2"));
    session().remove_item("host-key").unwrap();
}

fn mount_point(attributes: &[(&str, &str)]) -> web_sys::HtmlElement {
    let element = document().create_element("div").unwrap();
    element.set_attribute("data-meldwijzer", "").unwrap();
    for (name, value) in attributes {
        element.set_attribute(name, value).unwrap();
    }
    element.set_inner_html("<p>laden…</p>");
    document().body().unwrap().append_child(&element).unwrap();
    element.dyn_into().unwrap()
}

#[wasm_bindgen_test]
fn the_app_mounts_into_a_host_element_with_its_start_view_and_language() {
    let host_text = document().create_element("p").unwrap();
    host_text.set_text_content(Some("host content"));
    document().body().unwrap().append_child(&host_text).unwrap();
    let element = mount_point(&[("data-view", "bronnen"), ("data-lang", "en")]);

    meldwijzer::shell::mount::start();

    let html = element.inner_html();
    assert!(!html.contains("laden…"), "the loading text is replaced");
    assert!(html.contains("href=\"tel:112\""), "112 is a tel: link");
    assert!(html.contains("href=\"tel:08002000\""), "Veilig Thuis is a tel: link");
    let heading = element.query_selector("h1").unwrap().unwrap().text_content().unwrap();
    assert_eq!(heading, "Sources", "starts on the configured view, in English");
    assert_eq!(host_text.text_content().as_deref(), Some("host content"), "host left alone");

    // A second start (script included twice) does not mount a second app.
    meldwijzer::shell::mount::start();
    assert_eq!(element.query_selector_all(".meldwijzer").unwrap().length(), 1);
}

mod crypto {
    use meldwijzer::meldcode::vault::{Sealed, ITERATIONS};
    use meldwijzer::storage::crypto::{self, CryptoError};
    use wasm_bindgen_test::*;

    const SALT: [u8; 16] = [3; 16];

    #[wasm_bindgen_test]
    async fn a_sealed_text_opens_with_its_key_and_never_shows_the_text() {
        let key = crypto::derive_key("paard-batterij-niet", &SALT, ITERATIONS).await.unwrap();
        let sealed = crypto::encrypt(&key, "Jan zei: papa slaat").await.unwrap();
        assert!(!sealed.to_text().contains("papa"));
        assert_eq!(crypto::decrypt(&key, &sealed).await.unwrap(), "Jan zei: papa slaat");
    }

    #[wasm_bindgen_test]
    async fn a_wrong_passphrase_is_refused() {
        let (_, params) = crypto::new_key("paard-batterij-niet").await.unwrap();
        assert_eq!(params.iterations, ITERATIONS);
        assert!(crypto::open_key("paard-batterij-niet", &params).await.is_ok());
        assert_eq!(crypto::open_key("paard-batterij-nie", &params).await.err(), Some(CryptoError::WrongKey));
        let right = crypto::derive_key("een", &SALT, ITERATIONS).await.unwrap();
        let wrong = crypto::derive_key("twee", &SALT, ITERATIONS).await.unwrap();
        let sealed = crypto::encrypt(&right, "geheim").await.unwrap();
        assert_eq!(crypto::decrypt(&wrong, &sealed).await, Err(CryptoError::WrongKey));
        // A changed ciphertext is refused too (AES-GCM's tag).
        let (iv, mut data) = sealed.parts().unwrap();
        data[0] ^= 1;
        assert_eq!(crypto::decrypt(&right, &Sealed::new(&iv, &data)).await, Err(CryptoError::WrongKey));
    }

    #[wasm_bindgen_test]
    async fn two_writes_of_the_same_text_differ() {
        let key = crypto::derive_key("paard-batterij-niet", &SALT, ITERATIONS).await.unwrap();
        let a = crypto::encrypt(&key, "dezelfde tekst").await.unwrap();
        let b = crypto::encrypt(&key, "dezelfde tekst").await.unwrap();
        assert_ne!(a.iv, b.iv);
        assert_ne!(a.data, b.data);
    }

    #[wasm_bindgen_test]
    async fn the_key_cannot_be_read_out() {
        let key = crypto::derive_key("paard-batterij-niet", &SALT, ITERATIONS).await.unwrap();
        assert!(!key.extractable());
    }
}
