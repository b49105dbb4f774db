//! The view layer: an index over one [`Picture`] that answers the API's read endpoints without
//! scanning the whole picture per request. Pure (no I/O, no async); the server builds one per
//! store version and shares it between requests.
//!
//! Everything returned borrows from the index, so a response is serialised straight from the
//! picture without cloning its items.

use std::collections::{BTreeMap, HashMap, HashSet};

use marsad_picture::{
    Claim, DateMention, Disagreement, Document, Entity, EntityType, Event, Evidence, Mention,
    MentionForm, Name, Picture, Precision, Quantity, Relation,
};
use serde::Serialize;

/// Longest id accepted anywhere in the API, in characters (the ingest rule, so that every stored
/// document can be addressed).
pub const MAX_ID_CHARS: usize = marsad_ingest::MAX_ID_CHARS;

/// Whether `id` may name an entity, event or document: the same rule ingest applies
/// ([`marsad_ingest::valid_id`]).
pub fn valid_id(id: &str) -> bool {
    marsad_ingest::valid_id(id)
}

/// Whether `s` is an ISO date of year, month or day precision (`2022`, `2022-01`, `2022-01-06`).
pub fn valid_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let two = |r: std::ops::Range<usize>, max: u32| -> bool {
        digits(r.clone())
            && s[r]
                .parse::<u32>()
                .map(|v| (1..=max).contains(&v))
                .unwrap_or(false)
    };
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && two(5..7, 12),
        10 => {
            digits(0..4)
                && b[4] == b'-'
                && two(5..7, 12)
                && b[7] == b'-'
                && two(8..10, days_in_month(&s[0..4], &s[5..7]))
        }
        _ => false,
    }
}

/// Days in month `mm` of year `yyyy` (both already checked to be digits), so that 2022-02-30 is
/// refused as 2022-13-45 is.
fn days_in_month(yyyy: &str, mm: &str) -> u32 {
    let y: u32 = yyyy.parse().unwrap_or(0);
    match mm.parse::<u32>().unwrap_or(0) {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Whether the date key `key` (any ISO precision) can fall on or after `from` and on or before
/// `to`; a coarser key overlaps a finer bound that it contains (`2022-01` overlaps `2022-01-15`).
pub fn date_in_range(key: &str, from: Option<&str>, to: Option<&str>) -> bool {
    if let (Some(f), Some(t)) = (from, to) {
        if f > t && !f.starts_with(t) {
            return false;
        }
    }
    let after = from.is_none_or(|f| key >= f || f.starts_with(key));
    let before = to.is_none_or(|t| key <= t || key.starts_with(t));
    after && before
}

/// Display data of an entity, carried by every response that references entity ids.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Ref<'a> {
    /// Names.
    pub name: &'a Name,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Wikidata id.
    pub kb: Option<&'a str>,
}

/// Entity id → display data.
pub type Refs<'a> = BTreeMap<&'a str, Ref<'a>>;

/// Which items concern one entity (indices into the picture's lists).
#[derive(Debug, Default, Clone)]
struct EntityLinks {
    relations: Vec<u32>,
    events: Vec<u32>,
    claims_by: Vec<u32>,
    claims_about: Vec<u32>,
    quantities: Vec<u32>,
    disagreements: Vec<u32>,
    documents: usize,
}

/// Which items have evidence in one document (indices into the picture's lists).
#[derive(Debug, Default, Clone)]
struct DocLinks {
    /// (entity index, mention index), in text order.
    mentions: Vec<(u32, u32)>,
    quantities: Vec<u32>,
    dates: Vec<u32>,
    events: Vec<u32>,
    claims: Vec<u32>,
    relations: Vec<u32>,
}

/// One day (or month, or year) of the timeline, as indices.
#[derive(Debug, Clone)]
struct DayIx {
    date: String,
    events: Vec<u32>,
    quantities: Vec<u32>,
}

/// An aggregated edge of the actor graph.
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    /// Source entity id.
    pub source: String,
    /// Target entity id.
    pub target: String,
    /// `relation` or `event`.
    pub kind: &'static str,
    /// Relation type or PLOVER event type.
    pub label: String,
    /// Number of relations or events merged into this edge.
    pub weight: usize,
    /// Ids of the merged relations or events.
    pub items: Vec<String>,
}

/// Counts and ranges of the whole picture.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    /// Picture version.
    pub version: u64,
    /// Number of documents.
    pub documents: usize,
    /// Number of entities.
    pub entities: usize,
    /// Number of relations.
    pub relations: usize,
    /// Number of events.
    pub events: usize,
    /// Number of quantities.
    pub quantities: usize,
    /// Number of dates.
    pub dates: usize,
    /// Number of claims.
    pub claims: usize,
    /// Number of disagreements.
    pub disagreements: usize,
    /// Outlets with their document counts, most documents first.
    pub outlets: Vec<OutletCount>,
    /// Earliest and latest publication dates.
    pub published: DateRange,
    /// Event counts by PLOVER type.
    pub event_types: BTreeMap<String, usize>,
    /// Entity counts by type.
    pub entity_types: BTreeMap<String, usize>,
}

/// An outlet and how many documents it published.
#[derive(Debug, Clone, Serialize)]
pub struct OutletCount {
    /// Outlet name.
    pub outlet: String,
    /// Document count.
    pub documents: usize,
}

/// A range of ISO dates; both ends null when nothing is dated.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DateRange {
    /// Earliest.
    pub from: Option<String>,
    /// Latest.
    pub to: Option<String>,
}

/// An entity in a list.
#[derive(Debug, Serialize)]
pub struct EntitySummary<'a> {
    /// Id.
    pub id: &'a str,
    /// Wikidata id.
    pub kb: Option<&'a str>,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Names.
    pub name: &'a Name,
    /// Aliases.
    pub aliases: &'a [String],
    /// Number of mentions.
    pub mentions: usize,
    /// Number of documents mentioning it.
    pub documents: usize,
}

/// A page of the entity list.
#[derive(Debug, Serialize)]
pub struct EntityList<'a> {
    /// Matching entities in all.
    pub total: usize,
    /// The requested page, most mentioned first.
    pub entities: Vec<EntitySummary<'a>>,
}

/// Filters of the entity list.
#[derive(Debug, Clone, Default)]
pub struct EntityFilter {
    /// Substring of a normalised Arabic or lower-cased English name or alias.
    pub q: Option<String>,
    /// Only this type.
    pub kind: Option<EntityType>,
    /// Page size.
    pub limit: usize,
    /// Page start.
    pub offset: usize,
}

/// A mention shown in its sentence.
#[derive(Debug, Serialize)]
pub struct Context<'a> {
    /// Document id.
    pub doc: &'a str,
    /// Document title.
    pub title: Option<&'a str>,
    /// The sentence holding the mention.
    pub sentence: Evidence,
    /// The mention itself.
    pub mention: &'a Evidence,
}

/// Everything about one entity.
#[derive(Debug, Serialize)]
pub struct EntityPage<'a> {
    /// The entity with all its mentions.
    pub entity: &'a Entity,
    /// Number of documents mentioning it.
    pub documents: usize,
    /// Mention counts by form (`name`, `adjective`, `title`, `metonym`).
    pub forms: BTreeMap<MentionForm, usize>,
    /// How many items of each list there are in all (the lists are cut at the page limit).
    pub totals: EntityTotals,
    /// Mentions in their sentences (filled by the caller, which has the texts).
    pub contexts: Vec<Context<'a>>,
    /// Relations it is subject or object of.
    pub relations: Vec<&'a Relation>,
    /// Events it is source, target or location of.
    pub events: Vec<&'a Event>,
    /// Claims it made.
    pub claims_by: Vec<&'a Claim>,
    /// Claims about it.
    pub claims_about: Vec<&'a Claim>,
    /// Figures about it.
    pub quantities: Vec<&'a Quantity>,
    /// Disagreements about it.
    pub disagreements: Vec<&'a Disagreement>,
    /// Display data of every entity referenced above.
    pub refs: Refs<'a>,
}

/// Sizes of an entity page's lists before the page limit.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct EntityTotals {
    /// Mentions.
    pub mentions: usize,
    /// Documents mentioning it.
    pub documents: usize,
    /// Relations.
    pub relations: usize,
    /// Events.
    pub events: usize,
    /// Claims it made.
    pub claims_by: usize,
    /// Claims about it.
    pub claims_about: usize,
    /// Figures about it.
    pub quantities: usize,
    /// Disagreements about it.
    pub disagreements: usize,
}

/// One entity mention in a document view.
#[derive(Debug, Serialize)]
pub struct DocMention<'a> {
    /// Entity id.
    pub entity: &'a str,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// How it refers.
    pub form: MentionForm,
    /// Byte offset into the document text.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// The exact bytes.
    pub text: &'a str,
}

/// The extracted items of one document.
#[derive(Debug, Default, Serialize)]
pub struct DocItems<'a> {
    /// Entity mentions in text order.
    pub mentions: Vec<DocMention<'a>>,
    /// Figures with evidence here.
    pub quantities: Vec<&'a Quantity>,
    /// Dates with evidence here.
    pub dates: Vec<&'a DateMention>,
    /// Events with evidence here.
    pub events: Vec<&'a Event>,
    /// Claims with evidence here.
    pub claims: Vec<&'a Claim>,
    /// Relations with evidence here.
    pub relations: Vec<&'a Relation>,
    /// Display data of every entity referenced above.
    pub refs: Refs<'a>,
}

/// Filters of the event list.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// PLOVER type.
    pub kind: Option<String>,
    /// Entity id as source, target or location.
    pub entity: Option<String>,
    /// Earliest date (ISO).
    pub from: Option<String>,
    /// Latest date (ISO).
    pub to: Option<String>,
    /// Page size.
    pub limit: usize,
    /// Page start.
    pub offset: usize,
}

/// A page of events.
#[derive(Debug, Serialize)]
pub struct EventList<'a> {
    /// Matching events in all.
    pub total: usize,
    /// The requested page, in date order (undated last).
    pub events: Vec<&'a Event>,
    /// Display data of every entity referenced.
    pub refs: Refs<'a>,
}

/// One day of the timeline.
#[derive(Debug, Serialize)]
pub struct Day<'a> {
    /// ISO date (day, month or year precision).
    pub date: &'a str,
    /// Events placed on it in all (the list is cut at the per-day limit).
    pub total_events: usize,
    /// Figures placed on it in all (the list is cut at the per-day limit).
    pub total_quantities: usize,
    /// Events placed on it.
    pub events: Vec<&'a Event>,
    /// Figures placed on it.
    pub quantities: Vec<&'a Quantity>,
}

/// The timeline.
#[derive(Debug, Serialize)]
pub struct Timeline<'a> {
    /// Days in ascending order.
    pub days: Vec<Day<'a>>,
    /// Display data of every entity referenced.
    pub refs: Refs<'a>,
}

/// A node of the actor graph.
#[derive(Debug, Serialize)]
pub struct Node<'a> {
    /// Entity id.
    pub id: &'a str,
    /// Names.
    pub name: &'a Name,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Number of mentions.
    pub mentions: usize,
}

/// The actor graph.
#[derive(Debug, Serialize)]
pub struct GraphView<'a> {
    /// Entities on at least one edge.
    pub nodes: Vec<Node<'a>>,
    /// Edges, heaviest first.
    pub edges: Vec<&'a Edge>,
    /// Edges with enough weight before the limit cut.
    pub total_edges: usize,
}

/// All disagreements.
#[derive(Debug, Serialize)]
pub struct Disagreements<'a> {
    /// The disagreements.
    pub disagreements: &'a [Disagreement],
    /// Display data of every entity referenced.
    pub refs: Refs<'a>,
}

/// The index over one picture version.
#[derive(Debug)]
pub struct Index {
    version: u64,
    picture: Picture,
    entity_ix: HashMap<String, u32>,
    doc_ix: HashMap<String, u32>,
    ents: Vec<EntityLinks>,
    docs: HashMap<String, DocLinks>,
    by_mentions: Vec<u32>,
    haystacks: Vec<String>,
    event_order: Vec<u32>,
    event_day: Vec<Option<String>>,
    days: Vec<DayIx>,
    edges: Vec<Edge>,
    stats: Stats,
}

fn push_unique(v: &mut Vec<u32>, i: u32) {
    if v.last() != Some(&i) {
        v.push(i);
    }
}

/// The date key of a date mention: its value at its precision, or `None` when the year is unknown.
fn date_key(d: &DateMention) -> Option<String> {
    let v = d.value.as_str();
    if !v
        .get(0..4)
        .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let len = match d.precision {
        Precision::Day => 10,
        Precision::Month => 7,
        Precision::Year => 4,
    };
    let key = v.get(0..len.min(v.len()))?;
    valid_iso_date(key).then(|| key.to_string())
}

impl Index {
    /// Builds the index of `picture` at store version `version`.
    pub fn build(version: u64, picture: Picture) -> Index {
        let n_ent = picture.entities.len();
        let entity_ix: HashMap<String, u32> = picture
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i as u32))
            .collect();
        let doc_ix: HashMap<String, u32> = picture
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i as u32))
            .collect();
        let date_ix: HashMap<&str, &DateMention> =
            picture.dates.iter().map(|d| (d.id.as_str(), d)).collect();
        let mut ents = vec![EntityLinks::default(); n_ent];
        let mut docs: HashMap<String, DocLinks> = HashMap::new();
        let ent = |id: &str| entity_ix.get(id).copied();

        for (ei, e) in picture.entities.iter().enumerate() {
            let mut seen: HashSet<&str> = HashSet::new();
            for (mi, m) in e.mentions.iter().enumerate() {
                seen.insert(m.evidence.doc.as_str());
                docs.entry(m.evidence.doc.clone())
                    .or_default()
                    .mentions
                    .push((ei as u32, mi as u32));
            }
            ents[ei].documents = seen.len();
        }
        for (i, r) in picture.relations.iter().enumerate() {
            let i = i as u32;
            for id in [&r.subject, &r.object] {
                if let Some(x) = ent(id) {
                    push_unique(&mut ents[x as usize].relations, i);
                }
            }
            for ev in &r.evidence {
                push_unique(&mut docs.entry(ev.doc.clone()).or_default().relations, i);
            }
        }
        for (i, e) in picture.events.iter().enumerate() {
            let i = i as u32;
            for id in e.sources.iter().chain(&e.targets).chain(&e.location) {
                if let Some(x) = ent(id) {
                    push_unique(&mut ents[x as usize].events, i);
                }
            }
            for ev in &e.evidence {
                push_unique(&mut docs.entry(ev.doc.clone()).or_default().events, i);
            }
        }
        for (i, c) in picture.claims.iter().enumerate() {
            let i = i as u32;
            if let Some(x) = c.speaker.as_deref().and_then(ent) {
                push_unique(&mut ents[x as usize].claims_by, i);
            }
            for id in &c.about {
                if let Some(x) = ent(id) {
                    push_unique(&mut ents[x as usize].claims_about, i);
                }
            }
            for ev in c.evidence.iter().chain(std::iter::once(&c.content)) {
                push_unique(&mut docs.entry(ev.doc.clone()).or_default().claims, i);
            }
        }
        for (i, q) in picture.quantities.iter().enumerate() {
            let i = i as u32;
            for id in &q.about {
                if let Some(x) = ent(id) {
                    push_unique(&mut ents[x as usize].quantities, i);
                }
            }
            for ev in &q.evidence {
                push_unique(&mut docs.entry(ev.doc.clone()).or_default().quantities, i);
            }
        }
        for (i, d) in picture.dates.iter().enumerate() {
            for ev in &d.evidence {
                push_unique(&mut docs.entry(ev.doc.clone()).or_default().dates, i as u32);
            }
        }
        for (i, d) in picture.disagreements.iter().enumerate() {
            for id in &d.about {
                if let Some(x) = ent(id) {
                    push_unique(&mut ents[x as usize].disagreements, i as u32);
                }
            }
        }
        for links in docs.values_mut() {
            let ents_ref = &picture.entities;
            links.mentions.sort_by_key(|&(e, m)| {
                let ev = &ents_ref[e as usize].mentions[m as usize].evidence;
                (ev.start, ev.end)
            });
            // Items were pushed in list order with duplicates only adjacent per item; a document
            // can still see one item twice through two evidences far apart.
            for v in [
                &mut links.quantities,
                &mut links.dates,
                &mut links.events,
                &mut links.claims,
                &mut links.relations,
            ] {
                v.sort_unstable();
                v.dedup();
            }
        }

        let mut by_mentions: Vec<u32> = (0..n_ent as u32).collect();
        by_mentions.sort_by(|&a, &b| {
            let (ea, eb) = (&picture.entities[a as usize], &picture.entities[b as usize]);
            eb.mentions
                .len()
                .cmp(&ea.mentions.len())
                .then_with(|| ea.id.cmp(&eb.id))
        });
        let haystacks = picture
            .entities
            .iter()
            .map(|e| {
                let mut h = marsad_text::normalize_str(&e.name.ar);
                for s in e.name.en.iter().chain(&e.aliases) {
                    h.push('\u{1}');
                    h.push_str(&marsad_text::normalize_str(s).to_lowercase());
                }
                h
            })
            .collect();

        // Events are dated by their date mention, else by their first telling's publication.
        let published = |doc: &str| -> Option<String> {
            let d = &picture.documents[*doc_ix.get(doc)? as usize];
            let p = d.published.as_deref()?;
            let key = p.get(0..10).unwrap_or(p);
            valid_iso_date(key).then(|| key.to_string())
        };
        let event_day: Vec<Option<String>> = picture
            .events
            .iter()
            .map(|e| {
                e.date
                    .as_deref()
                    .and_then(|d| date_ix.get(d))
                    .and_then(|d| date_key(d))
                    .or_else(|| e.evidence.first().and_then(|ev| published(&ev.doc)))
            })
            .collect();
        let mut event_order: Vec<u32> = (0..picture.events.len() as u32).collect();
        event_order.sort_by(|&a, &b| {
            let (da, db) = (&event_day[a as usize], &event_day[b as usize]);
            let key = |d: &Option<String>| (d.is_none(), d.clone());
            key(da).cmp(&key(db)).then_with(|| {
                picture.events[a as usize]
                    .id
                    .cmp(&picture.events[b as usize].id)
            })
        });

        // An entity's events in the same date order as the event list.
        let mut rank = vec![0u32; event_order.len()];
        for (r, &i) in event_order.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        for l in &mut ents {
            l.events.sort_by_key(|&i| rank[i as usize]);
        }

        let mut days: BTreeMap<String, DayIx> = BTreeMap::new();
        let quantity_ix: HashMap<&str, u32> = picture
            .quantities
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i as u32))
            .collect();
        let mut placed: HashSet<u32> = HashSet::new();
        for &i in &event_order {
            let Some(key) = &event_day[i as usize] else {
                continue;
            };
            let day = days.entry(key.clone()).or_insert_with(|| DayIx {
                date: key.clone(),
                events: Vec::new(),
                quantities: Vec::new(),
            });
            day.events.push(i);
            for q in &picture.events[i as usize].quantities {
                if let Some(&qi) = quantity_ix.get(q.as_str()) {
                    if placed.insert(qi) {
                        day.quantities.push(qi);
                    }
                }
            }
        }
        // Figures no event carries are placed on their first document's publication date.
        for (qi, q) in picture.quantities.iter().enumerate() {
            let qi = qi as u32;
            if placed.contains(&qi) {
                continue;
            }
            if let Some(key) = q.evidence.first().and_then(|ev| published(&ev.doc)) {
                days.entry(key.clone())
                    .or_insert_with(|| DayIx {
                        date: key,
                        events: Vec::new(),
                        quantities: Vec::new(),
                    })
                    .quantities
                    .push(qi);
            }
        }
        let days: Vec<DayIx> = days.into_values().collect();

        let mut agg: BTreeMap<(&str, &str, &'static str, &str), Vec<String>> = BTreeMap::new();
        for r in &picture.relations {
            if ent(&r.subject).is_some() && ent(&r.object).is_some() {
                agg.entry((&r.subject, &r.object, "relation", &r.kind))
                    .or_default()
                    .push(r.id.clone());
            }
        }
        for e in &picture.events {
            for s in &e.sources {
                for t in &e.targets {
                    if s != t && ent(s).is_some() && ent(t).is_some() {
                        agg.entry((s, t, "event", &e.kind))
                            .or_default()
                            .push(e.id.clone());
                    }
                }
            }
        }
        let mut edges: Vec<Edge> = agg
            .into_iter()
            .map(|((s, t, kind, label), items)| Edge {
                source: s.to_string(),
                target: t.to_string(),
                kind,
                label: label.to_string(),
                weight: items.len(),
                items,
            })
            .collect();
        edges.sort_by_key(|e| std::cmp::Reverse(e.weight));

        let stats = Self::compute_stats(version, &picture);
        Index {
            version,
            picture,
            entity_ix,
            doc_ix,
            ents,
            docs,
            by_mentions,
            haystacks,
            event_order,
            event_day,
            days,
            edges,
            stats,
        }
    }

    fn compute_stats(version: u64, p: &Picture) -> Stats {
        let mut outlets: HashMap<&str, usize> = HashMap::new();
        let (mut from, mut to): (Option<&str>, Option<&str>) = (None, None);
        for d in &p.documents {
            if let Some(o) = d.outlet.as_deref() {
                *outlets.entry(o).or_default() += 1;
            }
            if let Some(pd) = d.published.as_deref() {
                from = Some(from.map_or(pd, |f| f.min(pd)));
                to = Some(to.map_or(pd, |t| t.max(pd)));
            }
        }
        let mut outlets: Vec<OutletCount> = outlets
            .into_iter()
            .map(|(o, n)| OutletCount {
                outlet: o.to_string(),
                documents: n,
            })
            .collect();
        outlets.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.outlet.cmp(&b.outlet)));
        let mut event_types = BTreeMap::new();
        for e in &p.events {
            *event_types.entry(e.kind.clone()).or_default() += 1;
        }
        let mut entity_types = BTreeMap::new();
        for e in &p.entities {
            let name = serde_json::to_value(e.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            *entity_types.entry(name).or_default() += 1;
        }
        Stats {
            version,
            documents: p.documents.len(),
            entities: p.entities.len(),
            relations: p.relations.len(),
            events: p.events.len(),
            quantities: p.quantities.len(),
            dates: p.dates.len(),
            claims: p.claims.len(),
            disagreements: p.disagreements.len(),
            outlets,
            published: DateRange {
                from: from.map(str::to_string),
                to: to.map(str::to_string),
            },
            event_types,
            entity_types,
        }
    }

    /// The store version this index was built from.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The indexed picture.
    pub fn picture(&self) -> &Picture {
        &self.picture
    }

    /// Counts and ranges.
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// A document of the picture (without text) by id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.doc_ix
            .get(id)
            .map(|&i| &self.picture.documents[i as usize])
    }

    /// An entity by id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entity_ix
            .get(id)
            .map(|&i| &self.picture.entities[i as usize])
    }

    /// Display data for the given entity ids (unknown ids are left out).
    pub fn refs<'a>(&'a self, ids: impl IntoIterator<Item = &'a str>) -> Refs<'a> {
        let mut out = Refs::new();
        for id in ids {
            if out.contains_key(id) {
                continue;
            }
            if let Some(e) = self.entity(id) {
                out.insert(
                    e.id.as_str(),
                    Ref {
                        name: &e.name,
                        kind: e.kind,
                        kb: e.kb.as_deref(),
                    },
                );
            }
        }
        out
    }

    /// A page of entities matching `f`, most mentioned first.
    pub fn entities(&self, f: &EntityFilter) -> EntityList<'_> {
        let needle =
            f.q.as_deref()
                .map(|q| marsad_text::normalize_str(q.trim()).to_lowercase())
                .filter(|q| !q.is_empty());
        let mut total = 0;
        let mut page = Vec::new();
        for &i in &self.by_mentions {
            let e = &self.picture.entities[i as usize];
            if f.kind.is_some_and(|k| k != e.kind) {
                continue;
            }
            if let Some(n) = &needle {
                if !self.haystacks[i as usize].contains(n.as_str()) {
                    continue;
                }
            }
            if total >= f.offset && page.len() < f.limit {
                page.push(EntitySummary {
                    id: &e.id,
                    kb: e.kb.as_deref(),
                    kind: e.kind,
                    name: &e.name,
                    aliases: &e.aliases,
                    mentions: e.mentions.len(),
                    documents: self.ents[i as usize].documents,
                });
            }
            total += 1;
        }
        EntityList {
            total,
            entities: page,
        }
    }

    /// The entity page (without contexts) for `id`, or `None`; each list holds at most `limit`
    /// items (events in date order) and `totals` says how many there are in all.
    pub fn entity_page(&self, id: &str, limit: usize) -> Option<EntityPage<'_>> {
        let &i = self.entity_ix.get(id)?;
        let e = &self.picture.entities[i as usize];
        let l = &self.ents[i as usize];
        let p = &self.picture;
        fn take<'a, T>(ix: &[u32], all: &'a [T], limit: usize) -> Vec<&'a T> {
            ix.iter().take(limit).map(|&x| &all[x as usize]).collect()
        }
        let relations = take(&l.relations, &p.relations, limit);
        let events = take(&l.events, &p.events, limit);
        let claims_by = take(&l.claims_by, &p.claims, limit);
        let claims_about = take(&l.claims_about, &p.claims, limit);
        let quantities = take(&l.quantities, &p.quantities, limit);
        let disagreements = take(&l.disagreements, &p.disagreements, limit);
        let mut ids: Vec<&str> = vec![e.id.as_str()];
        ids.extend(relation_refs(&relations));
        ids.extend(event_refs(&events));
        ids.extend(claim_refs(&claims_by));
        ids.extend(claim_refs(&claims_about));
        ids.extend(
            quantities
                .iter()
                .flat_map(|q| q.about.iter().map(String::as_str)),
        );
        ids.extend(
            disagreements
                .iter()
                .flat_map(|d| d.about.iter().map(String::as_str)),
        );
        let refs = self.refs(ids);
        let mut forms: BTreeMap<MentionForm, usize> = BTreeMap::new();
        for m in &e.mentions {
            *forms.entry(m.form).or_default() += 1;
        }
        Some(EntityPage {
            entity: e,
            documents: l.documents,
            forms,
            totals: EntityTotals {
                mentions: e.mentions.len(),
                documents: l.documents,
                relations: l.relations.len(),
                events: l.events.len(),
                claims_by: l.claims_by.len(),
                claims_about: l.claims_about.len(),
                quantities: l.quantities.len(),
                disagreements: l.disagreements.len(),
            },
            contexts: Vec::new(),
            relations,
            events,
            claims_by,
            claims_about,
            quantities,
            disagreements,
            refs,
        })
    }

    /// The items with evidence in document `doc` (empty when the picture has none).
    pub fn document_items(&self, doc: &str) -> DocItems<'_> {
        let Some(l) = self.docs.get(doc) else {
            return DocItems::default();
        };
        let p = &self.picture;
        let mentions: Vec<DocMention> = l
            .mentions
            .iter()
            .map(|&(e, m)| {
                let ent = &p.entities[e as usize];
                let mention: &Mention = &ent.mentions[m as usize];
                DocMention {
                    entity: &ent.id,
                    kind: ent.kind,
                    form: mention.form,
                    start: mention.evidence.start,
                    end: mention.evidence.end,
                    text: &mention.evidence.text,
                }
            })
            .collect();
        let quantities: Vec<&Quantity> = l
            .quantities
            .iter()
            .map(|&x| &p.quantities[x as usize])
            .collect();
        let dates = l.dates.iter().map(|&x| &p.dates[x as usize]).collect();
        let events: Vec<&Event> = l.events.iter().map(|&x| &p.events[x as usize]).collect();
        let claims: Vec<&Claim> = l.claims.iter().map(|&x| &p.claims[x as usize]).collect();
        let relations: Vec<&Relation> = l
            .relations
            .iter()
            .map(|&x| &p.relations[x as usize])
            .collect();
        let mut ids: Vec<&str> = mentions.iter().map(|m| m.entity).collect();
        ids.extend(relation_refs(&relations));
        ids.extend(event_refs(&events));
        ids.extend(claim_refs(&claims));
        ids.extend(
            quantities
                .iter()
                .flat_map(|q| q.about.iter().map(String::as_str)),
        );
        let refs = self.refs(ids);
        DocItems {
            mentions,
            quantities,
            dates,
            events,
            claims,
            relations,
            refs,
        }
    }

    /// Up to `max` mentions of entity `id` in picture order (for contexts).
    pub fn mentions_of(&self, id: &str, max: usize) -> &[Mention] {
        match self.entity(id) {
            Some(e) => &e.mentions[..e.mentions.len().min(max)],
            None => &[],
        }
    }

    /// The date an event is placed on (date mention, else first publication), if any.
    pub fn event_date(&self, i: usize) -> Option<&str> {
        self.event_day.get(i)?.as_deref()
    }

    /// A page of events matching `f`, in date order.
    pub fn events(&self, f: &EventFilter) -> EventList<'_> {
        let mut total = 0;
        let mut page: Vec<&Event> = Vec::new();
        for &i in &self.event_order {
            let e = &self.picture.events[i as usize];
            if f.kind
                .as_deref()
                .is_some_and(|k| !e.kind.eq_ignore_ascii_case(k))
            {
                continue;
            }
            if let Some(ent) = f.entity.as_deref() {
                let involved = e.sources.iter().chain(&e.targets).chain(&e.location);
                if !involved.into_iter().any(|x| x == ent) {
                    continue;
                }
            }
            if f.from.is_some() || f.to.is_some() {
                match self.event_day[i as usize].as_deref() {
                    Some(d) if date_in_range(d, f.from.as_deref(), f.to.as_deref()) => {}
                    _ => continue,
                }
            }
            if total >= f.offset && page.len() < f.limit {
                page.push(e);
            }
            total += 1;
        }
        let refs = self.refs(event_refs(&page));
        EventList {
            total,
            events: page,
            refs,
        }
    }

    /// The timeline, optionally cut to a date range, with at most `per_day` events and figures
    /// listed per day.
    pub fn timeline(&self, from: Option<&str>, to: Option<&str>, per_day: usize) -> Timeline<'_> {
        let p = &self.picture;
        let days: Vec<Day> = self
            .days
            .iter()
            .filter(|d| date_in_range(&d.date, from, to))
            .map(|d| Day {
                date: &d.date,
                total_events: d.events.len(),
                total_quantities: d.quantities.len(),
                events: d
                    .events
                    .iter()
                    .take(per_day)
                    .map(|&x| &p.events[x as usize])
                    .collect(),
                quantities: d
                    .quantities
                    .iter()
                    .take(per_day)
                    .map(|&x| &p.quantities[x as usize])
                    .collect(),
            })
            .collect();
        let mut ids: Vec<&str> = Vec::new();
        for d in &days {
            ids.extend(event_refs(&d.events));
            ids.extend(
                d.quantities
                    .iter()
                    .flat_map(|q| q.about.iter().map(String::as_str)),
            );
        }
        let refs = self.refs(ids);
        Timeline { days, refs }
    }

    /// The actor graph: edges of at least `min_weight`, heaviest `limit` of them.
    pub fn graph(&self, min_weight: usize, limit: usize) -> GraphView<'_> {
        let heavy: Vec<&Edge> = self
            .edges
            .iter()
            .filter(|e| e.weight >= min_weight)
            .collect();
        let total_edges = heavy.len();
        let edges: Vec<&Edge> = heavy.into_iter().take(limit).collect();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut nodes = Vec::new();
        for e in &edges {
            for id in [e.source.as_str(), e.target.as_str()] {
                if seen.insert(id) {
                    if let Some(ent) = self.entity(id) {
                        nodes.push(Node {
                            id: &ent.id,
                            name: &ent.name,
                            kind: ent.kind,
                            mentions: ent.mentions.len(),
                        });
                    }
                }
            }
        }
        GraphView {
            nodes,
            edges,
            total_edges,
        }
    }

    /// All disagreements.
    pub fn disagreements(&self) -> Disagreements<'_> {
        let p = &self.picture;
        let refs = self.refs(
            p.disagreements
                .iter()
                .flat_map(|d| d.about.iter().map(String::as_str)),
        );
        Disagreements {
            disagreements: &p.disagreements,
            refs,
        }
    }
}

fn relation_refs<'a, 'b>(rs: &'b [&'a Relation]) -> impl Iterator<Item = &'a str> + use<'a, 'b> {
    rs.iter()
        .flat_map(|r| [r.subject.as_str(), r.object.as_str()])
}

fn event_refs<'a, 'b>(es: &'b [&'a Event]) -> impl Iterator<Item = &'a str> + use<'a, 'b> {
    es.iter().flat_map(|e| {
        e.sources
            .iter()
            .chain(&e.targets)
            .chain(&e.location)
            .map(String::as_str)
    })
}

fn claim_refs<'a, 'b>(cs: &'b [&'a Claim]) -> impl Iterator<Item = &'a str> + use<'a, 'b> {
    cs.iter().flat_map(|c| {
        c.speaker
            .iter()
            .chain(&c.via)
            .chain(&c.about)
            .map(String::as_str)
    })
}

/// The sentence of `text` holding bytes `start..end`, from precomputed sentence spans; falls back
/// to the line holding it.
pub fn sentence_around(
    doc: &str,
    text: &str,
    sentences: &[marsad_text::Span],
    start: usize,
    end: usize,
) -> Option<Evidence> {
    let i = sentences.partition_point(|s| s.end <= start);
    if let Some(s) = sentences.get(i) {
        if s.start <= start && end <= s.end {
            return Evidence::new(doc, text, s.start, s.end);
        }
    }
    let ls = text.get(..start)?.rfind('\n').map_or(0, |p| p + 1);
    let le = text.get(end..)?.find('\n').map_or(text.len(), |p| end + p);
    Evidence::new(doc, text, ls, le)
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_picture::{Mode, Validity};
    use proptest::prelude::*;

    const DOC: &str = "d1";
    // A sentence of the sample corpus (Aljazeera, January 2022).
    const TEXT: &str =
        "أعلنت كازاخستان مقتل 164 شخصا خلال الاحتجاجات.\nوطلبت كازاخستان من روسيا إرسال قوات.";

    fn ev(text: &str, needle: &str, nth: usize) -> Evidence {
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        Evidence::new(DOC, text, start, start + needle.len()).unwrap()
    }

    fn entity(id: &str, ar: &str, en: &str, kind: EntityType, mentions: Vec<Evidence>) -> Entity {
        Entity {
            id: id.into(),
            kb: None,
            kind,
            name: Name {
                ar: ar.into(),
                en: Some(en.into()),
            },
            aliases: vec![ar.into()],
            mentions: mentions
                .into_iter()
                .map(|evidence| Mention {
                    evidence,
                    form: MentionForm::Name,
                })
                .collect(),
        }
    }

    fn picture() -> Picture {
        let mut p = Picture::new();
        p.documents.push(Document {
            id: DOC.into(),
            published: Some("2022-01-09".into()),
            ..Document::default()
        });
        p.entities.push(entity(
            "E:Q232",
            "كازاخستان",
            "Kazakhstan",
            EntityType::Gpe,
            vec![ev(TEXT, "كازاخستان", 0), ev(TEXT, "كازاخستان", 1)],
        ));
        p.entities.push(entity(
            "E:Q159",
            "روسيا",
            "Russia",
            EntityType::Gpe,
            vec![ev(TEXT, "روسيا", 0)],
        ));
        p.quantities.push(Quantity {
            id: "q1".into(),
            value: 164.0,
            unit: Some("person".into()),
            kind: "killed".into(),
            bound: marsad_picture::Bound::Exact,
            about: vec!["E:Q232".into()],
            evidence: vec![ev(TEXT, "164", 0)],
        });
        p.events.push(Event {
            id: "ev1".into(),
            kind: "REQUEST".into(),
            subtype: None,
            mode: Mode::Asserted,
            sources: vec!["E:Q232".into()],
            targets: vec!["E:Q159".into()],
            location: None,
            date: None,
            quantities: vec![],
            evidence: vec![ev(TEXT, "وطلبت كازاخستان من روسيا إرسال قوات", 0)],
        });
        p.events.push(Event {
            id: "ev2".into(),
            kind: "PROTEST".into(),
            subtype: None,
            mode: Mode::Asserted,
            sources: vec![],
            targets: vec![],
            location: Some("E:Q232".into()),
            date: Some("t1".into()),
            quantities: vec!["q1".into()],
            evidence: vec![ev(TEXT, "الاحتجاجات", 0)],
        });
        p.dates.push(DateMention {
            id: "t1".into(),
            value: "2022-01".into(),
            precision: Precision::Month,
            anchor: None,
            evidence: vec![ev(TEXT, "خلال", 0)],
        });
        p.relations.push(Relation {
            id: "r1".into(),
            kind: "ally_of".into(),
            subject: "E:Q232".into(),
            object: "E:Q159".into(),
            valid: Some(Validity::default()),
            evidence: vec![ev(TEXT, "كازاخستان من روسيا", 0)],
        });
        p
    }

    #[test]
    fn ids_refuse_traversal_and_separators() {
        for ok in [
            "E:Q232",
            "000_06c48e6e3a04ee1d",
            "ev3",
            "E:new:توكاييف",
            "مُحمد",
            "a.b",
            "a..b",
        ] {
            assert!(valid_id(ok), "{ok}");
        }
        let long = "ك".repeat(MAX_ID_CHARS + 1);
        assert!(valid_id(&long[..MAX_ID_CHARS * 2]));
        for bad in [
            "", "..", ".", "../x", "a/b", "a\\b", "a b", ".hidden", "a\0b", "a\nb", "x\u{85}",
            &long,
        ] {
            assert!(!valid_id(bad), "{bad:?}");
        }
    }

    #[test]
    fn iso_dates_and_overlapping_ranges() {
        for ok in [
            "2022",
            "2022-01",
            "2022-01-06",
            "1991-12-31",
            "2024-02-29",
            "2000-02-29",
        ] {
            assert!(valid_iso_date(ok), "{ok}");
        }
        for bad in [
            "22",
            "2022-13",
            "2022-1-06",
            "2022-01-32",
            "2022-02-30",
            "2022-04-31",
            "2023-02-29",
            "1900-02-29",
            "2022-00",
            "--01-02",
            "٢٠٢٢",
        ] {
            assert!(!valid_iso_date(bad), "{bad}");
        }
        assert!(date_in_range("2022-01", Some("2022-01-15"), None));
        assert!(date_in_range("2022-01-06", None, Some("2022-01")));
        assert!(!date_in_range("2021-12-31", Some("2022"), None));
        assert!(!date_in_range("2022-02-01", None, Some("2022-01")));
        assert!(!date_in_range(
            "2022",
            Some("2022-02-01"),
            Some("2022-01-01")
        ));
        assert!(date_in_range(
            "2022-01-20",
            Some("2022-01-15"),
            Some("2022-01")
        ));
    }

    #[test]
    fn entity_page_collects_everything_about_an_entity() {
        let ix = Index::build(3, picture());
        assert_eq!(ix.version(), 3);
        let page = ix.entity_page("E:Q232", 100).unwrap();
        assert_eq!(page.documents, 1);
        assert_eq!(page.relations.len(), 1);
        let mut events: Vec<&str> = page.events.iter().map(|e| e.id.as_str()).collect();
        events.sort_unstable();
        assert_eq!(events, ["ev1", "ev2"]);
        assert_eq!(page.quantities[0].id, "q1");
        assert!(page.refs.contains_key("E:Q159"));
        let russia = ix.entity_page("E:Q159", 100).unwrap();
        assert_eq!(russia.events.len(), 1);
        assert!(ix.entity_page("E:nope", 100).is_none());
        assert_eq!(page.totals.mentions, 2);
        assert_eq!(page.forms[&MentionForm::Name], 2);
        // Cut lists keep their totals.
        let cut = ix.entity_page("E:Q232", 1).unwrap();
        assert_eq!(cut.events.len(), 1);
        assert_eq!(cut.totals.events, 2);
    }

    #[test]
    fn document_items_are_in_text_order_and_index_the_text() {
        let ix = Index::build(1, picture());
        let items = ix.document_items(DOC);
        let starts: Vec<usize> = items.mentions.iter().map(|m| m.start).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]));
        for m in &items.mentions {
            assert_eq!(&TEXT[m.start..m.end], m.text);
        }
        assert_eq!(items.events.len(), 2);
        assert_eq!(items.dates.len(), 1);
        assert!(ix.document_items("other").mentions.is_empty());
    }

    #[test]
    fn entity_list_matches_normalised_arabic_and_english() {
        let ix = Index::build(1, picture());
        let find = |q: &str| {
            ix.entities(&EntityFilter {
                q: Some(q.into()),
                kind: None,
                limit: 10,
                offset: 0,
            })
            .entities
            .iter()
            .map(|e| e.id.to_string())
            .collect::<Vec<_>>()
        };
        assert_eq!(find("كازاخستان"), ["E:Q232"]);
        assert_eq!(find("russia"), ["E:Q159"]);
        assert_eq!(find("RUSSIA"), ["E:Q159"]);
        // Most mentioned first.
        let all = ix.entities(&EntityFilter {
            limit: 10,
            ..EntityFilter::default()
        });
        assert_eq!(all.total, 2);
        assert_eq!(all.entities[0].id, "E:Q232");
    }

    #[test]
    fn timeline_dates_events_by_their_date_else_publication() {
        let ix = Index::build(1, picture());
        let tl = ix.timeline(None, None, 100);
        let days: Vec<(&str, Vec<&str>)> = tl
            .days
            .iter()
            .map(|d| (d.date, d.events.iter().map(|e| e.id.as_str()).collect()))
            .collect();
        // ev2 carries a month-precision date; ev1 none, so its document's publication day.
        assert_eq!(
            days,
            [("2022-01", vec!["ev2"]), ("2022-01-09", vec!["ev1"])]
        );
        assert_eq!(tl.days[0].quantities[0].id, "q1");
        let cut = ix.timeline(None, None, 0);
        assert!(cut.days.iter().all(|d| d.events.is_empty()));
        assert_eq!(cut.days[0].total_events, 1);
        let ev = ix.events(&EventFilter {
            from: Some("2022-01-09".into()),
            limit: 10,
            ..EventFilter::default()
        });
        assert_eq!(ev.total, 2, "a month overlaps a day inside it");
    }

    #[test]
    fn graph_aggregates_relations_and_events() {
        let ix = Index::build(1, picture());
        let g = ix.graph(1, 10);
        assert_eq!(g.edges.len(), 2);
        assert_eq!(g.nodes.len(), 2);
        assert!(g
            .edges
            .iter()
            .any(|e| e.kind == "event" && e.label == "REQUEST"));
        assert_eq!(ix.graph(2, 10).edges.len(), 0);
    }

    #[test]
    fn sentence_around_a_mention_on_real_text() {
        let spans = marsad_text::sentences(TEXT);
        let m = ev(TEXT, "روسيا", 0);
        let s = sentence_around(DOC, TEXT, &spans, m.start, m.end).unwrap();
        assert_eq!(s.text, "وطلبت كازاخستان من روسيا إرسال قوات.");
    }

    proptest! {
        #[test]
        fn sentence_around_always_holds_the_span(
            text in "[ا-ي .؟\n0-9]{0,80}",
            a in 0usize..200,
            b in 0usize..200,
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let (x, y) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            let (start, end) = (x.min(y), x.max(y));
            let spans = marsad_text::sentences(&text);
            if let Some(s) = sentence_around(DOC, &text, &spans, start, end) {
                prop_assert!(s.start <= start && end <= s.end);
                prop_assert_eq!(&text[s.start..s.end], s.text.as_str());
            }
        }
    }
}
