//! "Snel weg": a button on every screen and Shift pressed three times within five seconds
//! (the GOV.UK "Exit this page" pattern). Leaves with `location.replace`, so Back does not
//! return, after wiping what the app kept in session storage and on screen.

use super::{state, tr};
use crate::i18n::t_with;
use crate::storage;
use leptos::{ev, prelude::*};

const PRESSES: usize = 3;
const WINDOW_MS: f64 = 5_000.0;

/// Counts Shift presses; three inside five seconds means "leave now".
#[derive(Clone, Debug, Default)]
pub struct ShiftPresses {
    times: Vec<f64>,
}

impl ShiftPresses {
    /// Records a press at `now_ms` and returns how many presses count towards leaving.
    pub fn press(&mut self, now_ms: f64) -> usize {
        self.times.retain(|t| now_ms - t < WINDOW_MS);
        self.times.push(now_ms);
        let count = self.times.len();
        if count >= PRESSES {
            self.times.clear();
        }
        count
    }
}

/// Leaves the app for `url`. Session storage is wiped and the page blanked first, so nothing is
/// left to see while the next site loads; the rest of memory goes with the page.
pub fn leave(url: &str) {
    storage::clear_session();
    let Some(window) = web_sys::window() else { return };
    if let Some(document) = window.document() {
        document.set_title("");
        if let Some(body) = document.body() {
            body.set_inner_html("");
        }
    }
    let _ = window.location().replace(url);
}

#[component]
pub fn QuickExit() -> impl IntoView {
    let app = state();
    let exit_url = move || {
        let page_setting = app.config.with_value(|config| config.exit_url.clone());
        app.content.with_untracked(|c| c.exit_url(page_setting.as_deref()).to_string())
    };
    let announcement = RwSignal::new(String::new());
    let presses = StoredValue::new(ShiftPresses::default());

    let handle = window_event_listener(ev::keydown, move |event| {
        if event.key() != "Shift" || event.repeat() {
            return;
        }
        let count = presses.try_update_value(|p| p.press(js_sys::Date::now())).unwrap_or(0);
        if count >= PRESSES {
            leave(&exit_url());
        } else {
            let left = (PRESSES - count).to_string();
            let lang = app.lang.get_untracked();
            announcement.set(t_with(lang, "exit.shift_progress", &[("left", &left)]));
        }
    });
    on_cleanup(move || handle.remove());

    view! {
        <div class="mw-exit">
            <button type="button" class="mw-exit__button" on:click=move |_| leave(&exit_url())>
                {tr("exit.button")}
            </button>
            <span class="mw-exit__hint">{tr("exit.hint")}</span>
            <span class="mw-visually-hidden" aria-live="polite">{move || announcement.get()}</span>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_presses_within_five_seconds_leave() {
        let mut presses = ShiftPresses::default();
        assert_eq!(presses.press(0.0), 1);
        assert_eq!(presses.press(1_000.0), 2);
        assert_eq!(presses.press(4_999.0), 3);
    }

    #[test]
    fn slow_presses_do_not_leave() {
        let mut presses = ShiftPresses::default();
        presses.press(0.0);
        presses.press(3_000.0);
        assert_eq!(presses.press(6_000.0), 2, "the first press has expired");
    }

    #[test]
    fn counting_starts_again_after_leaving() {
        let mut presses = ShiftPresses::default();
        for t in [0.0, 100.0, 200.0] {
            presses.press(t);
        }
        assert_eq!(presses.press(300.0), 1);
    }
}
