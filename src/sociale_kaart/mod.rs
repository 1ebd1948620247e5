//! Sociale kaart: local help in the Open Referral HSDS model. The domain (model, import,
//! opening hours, search, the URL form of a search) is plain Rust; the screens below render it.
//! The directory is built once when the module loads: from the files the region pack names.

mod detail;
pub mod directory;
pub mod export;
pub mod bench;
pub mod fold;
pub mod hours;
pub mod import;
pub mod model;
mod my_list;
pub mod query;
mod results;
pub mod search;
pub mod service_view;
pub mod source;
mod state;

use crate::content::{Content, Issue};
use crate::ground::route::Screen;
use crate::shell::{browser::current_hash, set_if_changed, state};
use chrono::NaiveDateTime;
use leptos::prelude::*;
use directory::Directory;
use query::SearchQuery;
use state::{Loaded, MapState, MyList, SocialMap};
use std::sync::Arc;

/// The themes and target groups of the region's sociale kaart: the default ones with the
/// pack's own laid over them.
pub fn region_taxonomy(content: &Content) -> model::Taxonomy {
    content.region.as_ref().and_then(|r| r.social_map.as_ref()).map(source::SocialMapSources::taxonomy).unwrap_or_default()
}

/// The records the routekaart's "where to go" reads, by the pack address they are of.
enum WhereToGoRecords {
    /// Being fetched and imported: the promise settles when they are here (or not).
    Reading(String, js_sys::Promise),
    Read(String, std::rc::Rc<Vec<model::ServiceRecord>>),
}

thread_local! {
    /// A route asks for every postcode a user types, often while the first answer is still on
    /// its way: the files are fetched and imported once, and every ask waits for that reading.
    static WHERE_TO_GO_RECORDS: std::cell::RefCell<Option<WhereToGoRecords>> = const { std::cell::RefCell::new(None) };
}

/// The routekaart's "where to go" for `postcode`, per theme (`model::where_to_go`), from the
/// region's files. `None` without a sociale kaart or when its files cannot be read (the route
/// then links to a search instead).
pub async fn where_to_go(content: &Content, postcode: u16) -> Option<std::collections::BTreeMap<String, model::ServiceLink>> {
    use WhereToGoRecords::{Read, Reading};
    let address = content.region.as_ref()?.loaded_from.clone()?;
    let reading = WHERE_TO_GO_RECORDS.with(|kept| {
        let mut kept = kept.borrow_mut();
        match &*kept {
            Some(Read(of, _)) if *of == address => None,
            Some(Reading(of, promise)) if *of == address => Some(promise.clone()),
            _ => {
                let (content, of) = (content.clone(), address.clone());
                let promise = wasm_bindgen_futures::future_to_promise(async move {
                    let records = fetch_and_import(&content).await.map(|(import, _)| std::rc::Rc::new(import.records));
                    WHERE_TO_GO_RECORDS.with(|kept| {
                        let mut kept = kept.borrow_mut();
                        // Only if no other region's reading has started meanwhile.
                        if matches!(&*kept, Some(Reading(now, _)) if *now == of) {
                            *kept = records.map(|records| Read(of, records));
                        }
                    });
                    Ok(wasm_bindgen::JsValue::UNDEFINED)
                });
                *kept = Some(Reading(address.clone(), promise.clone()));
                Some(promise)
            }
        }
    });
    if let Some(promise) = reading {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    let records = WHERE_TO_GO_RECORDS.with(|kept| match &*kept.borrow() {
        Some(Read(of, records)) if *of == address => Some(records.clone()),
        _ => None,
    })?;
    Some(model::where_to_go(&records, postcode))
}

/// Fetches and imports every file a region pack names, next to the pack, and indexes them.
pub async fn load(content: &Content) -> Option<Loaded> {
    let (import, unread) = fetch_and_import(content).await?;
    // The default themes and target groups, and those the region's data adds.
    let taxonomy = import.taxonomy(region_taxonomy(content));
    let mut builder = search::IndexBuilder::new(&import.records, &taxonomy);
    while !builder.add(INDEX_SLICE) {
        crate::shell::browser::next_task().await;
    }
    let index = builder.finish();
    crate::shell::browser::next_task().await;
    Some(Loaded { directory: Directory::with_index(import.records, taxonomy, index), issues: import.issues, more_issues: import.more_issues, unread })
}

/// The region's records without a search index, for parts that only look services up
/// (`where_to_go`). Also the files that could not be fetched.
pub async fn fetch_and_import(content: &Content) -> Option<(import::Import, Vec<Issue>)> {
    let region = content.region.as_ref()?;
    let (sources, base) = (region.social_map.as_ref()?, region.loaded_from.as_deref()?);
    let fetch = |path: &str| {
        let url = crate::shell::region::resolve(path, Some(base));
        async move {
            match url {
                Some(url) => crate::shell::region::fetch_text(&url, crate::content::MAX_DATA_FILE_BYTES).await,
                None => Err(crate::content::Problem::NotLoaded { status: None }),
            }
        }
    };
    let mut texts = Vec::new();
    let mut tables = import::tabular::TableTexts::default();
    let mut unread = Vec::new();
    for file in &sources.files {
        match fetch(&file.path).await {
            Ok(text) => {
                // A tabular package's tables, beside its datapackage.json.
                for path in file.tables(&text) {
                    match fetch(&path).await {
                        // Not there: HSDS makes every table but the services optional.
                        Err(crate::content::Problem::NotLoaded { status: Some(404 | 410) }) => {}
                        fetched => {
                            tables.insert(path, fetched);
                        }
                    }
                }
                texts.push((file, text));
            }
            Err(problem) => unread.push(Issue { file: file.name().to_string(), path: String::new(), problem }),
        }
    }
    let taxonomy = sources.taxonomy();
    // The files' dates are held against today as this browser has it, read once per load.
    let today = chrono::Local::now().date_naive();
    let mut reader = source::ImportReader::new(texts.iter().map(|(file, text)| (*file, text.as_str())).collect(), &tables, &taxonomy, today);
    // Slices of a few milliseconds: the quick exit and typing never wait for a large region.
    let mut import = loop {
        if let Some(import) = reader.read(IMPORT_SLICE) {
            break import;
        }
        crate::shell::browser::next_task().await;
    };
    model::resolve_named_areas(&mut import.records, &content.named_areas());
    Some((import, unread))
}

/// Services read between two chances for the page to answer: about 4 ms on a laptop, 16 ms
/// on a phone four times slower.
const IMPORT_SLICE: usize = 200;
/// Records indexed between two such chances: about 5 ms on a laptop.
const INDEX_SLICE: usize = 1_000;

/// Which files make the sociale kaart: the pack's address and its `social_map` section.
type SourceKey = (String, String);

fn source_key(content: &Content) -> Option<SourceKey> {
    let region = content.region.as_ref()?;
    let files = serde_json::to_string(region.social_map.as_ref()?).ok()?;
    Some((region.loaded_from.clone()?, files))
}

thread_local! {
    /// The last directory built, kept while the page lives: going from the sociale kaart to
    /// another screen and back should not fetch and index a large region again. A resource
    /// lives only as long as the screen that made it (the module's screen is made anew on
    /// every visit), so this small cache stays beside it.
    static BUILT: std::cell::RefCell<Option<(SourceKey, Arc<Loaded>)>> = const { std::cell::RefCell::new(None) };
}

fn built(key: &SourceKey) -> Option<Arc<Loaded>> {
    BUILT.with_borrow(|b| b.as_ref().filter(|(k, _)| k == key).map(|(_, l)| l.clone()))
}

fn local_now() -> NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// The first search where the page's address does not give it: Beheer's preview, whose links
/// stay inside the preview, provides the search its link asked for.
#[derive(Clone, Copy)]
pub struct StartQuery(pub RwSignal<SearchQuery>);

/// `#/sociale-kaart` searches; `#/sociale-kaart/dienst/<id>` shows one service;
/// `#/sociale-kaart/lijstje` is the user's list, printable.
#[component]
pub fn SocialMapScreen() -> impl IntoView {
    let app = state();
    // (Re)built when the region pack's sociale kaart changes, not on every content update.
    let key = Memo::new(move |_| app.content.with(source_key));
    // The directory for a key, tagged with it: while another key's directory is on its way,
    // the screen says "loading" rather than showing the old one.
    let directory = LocalResource::new(move || {
        let key = key.get();
        async move {
            let loaded = match &key {
                None => None,
                Some(key) => match built(key) {
                    Some(loaded) => Some(loaded),
                    None => {
                        let content = app.content.get_untracked();
                        let loaded = load(&content).await.map(Arc::new);
                        if let Some(loaded) = &loaded {
                            BUILT.with_borrow_mut(|b| *b = Some((key.clone(), loaded.clone())));
                        }
                        loaded
                    }
                },
            };
            (key, loaded)
        }
    });
    let state = Signal::derive(move || {
        let Some(wanted) = key.get() else { return MapState::NoMap };
        // Built on an earlier visit: at once, without waiting for the resource's first tick.
        if let Some(loaded) = built(&wanted) {
            return MapState::Ready(loaded);
        }
        match directory.get() {
            Some((Some(for_key), loaded)) if for_key == wanted => loaded.map_or(MapState::NoMap, MapState::Ready),
            _ => MapState::Loading,
        }
    });
    // A page that pre-rendered the first results keeps them until these are read.
    crate::shell::capability::keep_copy_until(move || state.with(|s| !matches!(s, MapState::Loading)));
    let map = SocialMap {
        state,
        query: RwSignal::new(use_context::<StartQuery>().map_or_else(|| SearchQuery::from_hash(&current_hash()), |q| q.0.get_untracked())),
        my_list: MyList::load(),
        now: RwSignal::new(local_now()),
    };
    provide_context(map);

    // A bookmarked or edited URL, or Back to an earlier search.
    let hash = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = current_hash();
        if app.screen.get_untracked() == Screen::SocialMap && crate::ground::route::sub_path(&hash).is_empty() {
            set_if_changed(map.query, SearchQuery::from_hash(&hash));
        }
    });
    let clock = set_interval_with_handle(move || map.now.set(local_now()), std::time::Duration::from_secs(60)).ok();
    on_cleanup(move || {
        hash.remove();
        if let Some(clock) = clock {
            clock.clear();
        }
    });

    move || {
        let path = app.sub_path.get();
        match path.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["dienst", id] => detail::ServiceDetail(detail::ServiceDetailProps { id: id.to_string() }).into_any(),
            ["lijstje"] => my_list::MyListScreen().into_any(),
            _ => results::SearchScreen().into_any(),
        }
    }
}
