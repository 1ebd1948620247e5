//! The notice under the safety bar when a region pack is loading or was refused. Apart from
//! the layout (`mod.rs`), so a capability module (`capability::mount`) can show it too.

use super::app_state::{state, tr};
use super::region::RegionStatus;
use leptos::prelude::*;

/// Tells the user when a region pack was refused, and why, in the editor's terms. Also shown
/// by a capability module whose slot data could not be read (`capability::mount`).
#[component]
pub(crate) fn RegionNotice() -> impl IntoView {
    let app = state();
    move || match app.region.get() {
        RegionStatus::Failed(issues) => {
            let lang = app.lang.get();
            let messages: Vec<_> = issues.iter().take(50).map(|i| i.message(lang)).collect();
            view! {
                <div class="mw-notice mw-notice--warning" role="status">
                    <p><strong>{tr("region_notice.failed")}</strong></p>
                    <details>
                        <summary>{tr("region_notice.failed_details")}</summary>
                        <ul>{messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                    </details>
                </div>
            }
            .into_any()
        }
        RegionStatus::Loading => view! {
            <p class="mw-notice" role="status">{tr("region_notice.loading")}</p>
        }
        .into_any(),
        RegionStatus::National | RegionStatus::Loaded => ().into_any(),
    }
}
