//! Says when a new release of the app is ready on this device. It never takes over an open
//! page (a dossier being edited keeps its code): it is used when the app is opened again as
//! its one window (public/sw.js). embed.js sends the event; only on our own page, where a
//! service worker runs.

use super::app_state::tr;
use leptos::prelude::*;

/// Sent by embed.js when a new release has installed beside the one this page runs.
const RELEASE_WAITING_EVENT: &str = "meldwijzer-release-waiting";

#[component]
pub(crate) fn ReleaseNotice() -> impl IntoView {
    let waiting = RwSignal::new(false);
    let listener = window_event_listener_untyped(RELEASE_WAITING_EVENT, move |_| waiting.set(true));
    on_cleanup(move || listener.remove());
    // The live region is there from the start, so the message is announced when it appears.
    view! {
        <div class="mw-release" role="status">
            {move || waiting.get().then(|| view! { <p class="mw-notice">{tr("release.waiting")}</p> })}
        </div>
    }
}
