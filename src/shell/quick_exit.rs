//! "Snel weg": a button on every screen and Shift pressed on its own three times within five
//! seconds (the GOV.UK "Exit this page" pattern, stricter about typing). Leaves with
//! `location.replace`, so Back does not return, after wiping what the app kept in session
//! storage and on screen.

use super::app_state::{state, tr};
use crate::i18n::t_with;
use crate::storage;
use leptos::{ev, prelude::*};

const PRESSES: usize = 3;
const WINDOW_MS: f64 = 5_000.0;

/// Counts lone Shift presses: Shift pressed and released with no other key in between. Typing
/// a capital (Shift held while a letter goes down), Shift+Tab, or holding Shift until it
/// repeats is not a press, and any other key starts the count again, so nobody is thrown out
/// while typing "VT-Jan-2026".
#[derive(Clone, Debug, Default)]
pub struct ShiftPresses {
    times: Vec<f64>,
    /// A Shift key went down and nothing else has happened since.
    lone_shift_down: bool,
}

impl ShiftPresses {
    /// A key went down. `repeat` is the browser's auto-repeat flag.
    pub fn key_down(&mut self, is_shift: bool, repeat: bool) {
        if is_shift && !repeat {
            self.lone_shift_down = true;
        } else {
            // Another key (or Shift held down): typing, not a signal to leave.
            self.lone_shift_down = false;
            if !is_shift {
                self.times.clear();
            }
        }
    }

    /// A key came up at `now_ms`; returns how many lone presses count towards leaving (0 when
    /// this was not one).
    pub fn key_up(&mut self, is_shift: bool, now_ms: f64) -> usize {
        if !is_shift || !std::mem::take(&mut self.lone_shift_down) {
            return 0;
        }
        self.times.retain(|t| now_ms - t < WINDOW_MS);
        self.times.push(now_ms);
        let count = self.times.len();
        if count >= PRESSES {
            self.times.clear();
        }
        count
    }

    /// The page lost focus: a key released elsewhere must not count here.
    pub fn reset(&mut self) {
        *self = ShiftPresses::default();
    }
}

/// Leaves the app for `url`. Session storage is wiped and the page blanked first, so nothing is
/// left to see while the next site loads; the rest of memory goes with the page.
pub fn leave(url: &str) {
    storage::clear_session();
    let Some(window) = web_sys::window() else { return };
    // The meldcode (another wasm module) drops its key at once, before the page goes.
    if let Ok(event) = web_sys::Event::new("meldwijzer:lock") {
        let _ = window.dispatch_event(&event);
    }
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

    let down = window_event_listener(ev::keydown, move |event| {
        let is_shift = event.key() == "Shift";
        presses.update_value(|p| p.key_down(is_shift, event.repeat()));
        if !is_shift && !announcement.with_untracked(String::is_empty) {
            announcement.set(String::new());
        }
    });
    let up = window_event_listener(ev::keyup, move |event| {
        let count = presses.try_update_value(|p| p.key_up(event.key() == "Shift", js_sys::Date::now())).unwrap_or(0);
        if count >= PRESSES {
            leave(&exit_url());
        } else if count > 0 {
            let left = (PRESSES - count).to_string();
            let lang = app.lang.get_untracked();
            announcement.set(t_with(lang, "exit.shift_progress", &[("left", &left)]));
        }
    });
    let blur = window_event_listener(ev::blur, move |_| presses.update_value(ShiftPresses::reset));
    on_cleanup(move || {
        down.remove();
        up.remove();
        blur.remove();
    });

    view! {
        <div class="mw-exit">
            // `data-exit-url`: for the pre-rendered copy of this bar (scripts/prerender.mjs).
            <button type="button" class="mw-exit__button" data-exit-url=move || { app.content.track(); exit_url() } on:click=move |_| leave(&exit_url())>
                {tr("exit.button")}
            </button>
            // Hidden by the stylesheet on touch screens without a keyboard.
            <span class="mw-exit__hint">{tr("exit.hint")}</span>
            <span class="mw-visually-hidden" aria-live="polite">{move || announcement.get()}</span>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lone Shift press at `t`.
    fn press(presses: &mut ShiftPresses, t: f64) -> usize {
        presses.key_down(true, false);
        presses.key_up(true, t)
    }

    /// Types `text` as a keyboard does: Shift held for capitals.
    fn type_text(presses: &mut ShiftPresses, text: &str, t: f64) -> usize {
        let mut most = 0;
        for c in text.chars() {
            if c.is_uppercase() {
                presses.key_down(true, false);
                presses.key_down(false, false);
                presses.key_up(false, t);
                most = most.max(presses.key_up(true, t));
            } else {
                presses.key_down(false, false);
                most = most.max(presses.key_up(false, t));
            }
        }
        most
    }

    #[test]
    fn three_lone_presses_within_five_seconds_leave() {
        let mut presses = ShiftPresses::default();
        assert_eq!(press(&mut presses, 0.0), 1);
        assert_eq!(press(&mut presses, 1_000.0), 2);
        assert_eq!(press(&mut presses, 4_999.0), 3);
    }

    #[test]
    fn slow_presses_do_not_leave() {
        let mut presses = ShiftPresses::default();
        press(&mut presses, 0.0);
        press(&mut presses, 3_000.0);
        assert_eq!(press(&mut presses, 6_000.0), 2, "the first press has expired");
    }

    #[test]
    fn counting_starts_again_after_leaving() {
        let mut presses = ShiftPresses::default();
        for t in [0.0, 100.0, 200.0] {
            press(&mut presses, t);
        }
        assert_eq!(press(&mut presses, 300.0), 1);
    }

    #[test]
    fn typing_capitals_never_counts() {
        let mut presses = ShiftPresses::default();
        for text in ["VT-Jan-2026", "Moeder Vertelde Dat Jan", "3312 AB Noord", "J.de.Vries@Voorbeeld.NL"] {
            assert_eq!(type_text(&mut presses, text, 0.0), 0, "{text}");
        }
    }

    #[test]
    fn shift_tab_never_counts() {
        let mut presses = ShiftPresses::default();
        for _ in 0..5 {
            presses.key_down(true, false);
            presses.key_down(false, false); // Tab
            presses.key_up(false, 0.0);
            assert_eq!(presses.key_up(true, 0.0), 0);
        }
    }

    #[test]
    fn another_key_between_presses_starts_the_count_again() {
        let mut presses = ShiftPresses::default();
        press(&mut presses, 0.0);
        press(&mut presses, 100.0);
        presses.key_down(false, false);
        presses.key_up(false, 150.0);
        assert_eq!(press(&mut presses, 200.0), 1);
    }

    #[test]
    fn holding_shift_until_it_repeats_is_not_a_press() {
        let mut presses = ShiftPresses::default();
        presses.key_down(true, false);
        presses.key_down(true, true);
        presses.key_down(true, true);
        assert_eq!(presses.key_up(true, 0.0), 0);
    }

    #[test]
    fn left_and_right_shift_both_count() {
        // Both report the key "Shift"; alternating them is three presses.
        let mut presses = ShiftPresses::default();
        assert_eq!(press(&mut presses, 0.0), 1);
        assert_eq!(press(&mut presses, 10.0), 2);
        assert_eq!(press(&mut presses, 20.0), 3);
    }

    #[test]
    fn leaving_the_window_forgets_a_half_press() {
        let mut presses = ShiftPresses::default();
        press(&mut presses, 0.0);
        presses.key_down(true, false);
        presses.reset();
        assert_eq!(presses.key_up(true, 10.0), 0);
        assert_eq!(press(&mut presses, 20.0), 1, "the earlier press went with the focus");
    }
}
