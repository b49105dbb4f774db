//! `marsad kb build`: joins the public sources in `shared/data` into `kb/entities.jsonl`.
//!
//! Joins are by Wikidata id, ISO code, or English name + country; anything that would link one alias or
//! adjective to two different states is dropped and counted, so the report says what the KB lost.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::Path;

use marsad_text::normalize_str;

use crate::model::{Class, KbEntry, Role};
use crate::KbError;

mod orgs;

/// Per-source counts and conflicts of one build.
#[derive(Debug, Default, Clone)]
pub struct BuildReport {
    /// Human-readable lines, one per fact.
    pub lines: Vec<String>,
}

impl BuildReport {
    fn say(&mut self, s: impl Into<String>) {
        self.lines.push(s.into());
    }
}

fn read(path: &Path) -> Result<String, KbError> {
    fs::read_to_string(path).map_err(|source| KbError::Io {
        path: path.display().to_string(),
        source,
    })
}

fn csv_rows(path: &Path) -> Result<Vec<HashMap<String, String>>, KbError> {
    let text = read(path)?;
    let text = text.trim_start_matches('\u{feff}');
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| KbError::Data(format!("{}: {e}", path.display())))?
        .clone();
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| KbError::Data(format!("{}: {e}", path.display())))?;
        out.push(
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.trim().to_string()))
                .collect(),
        );
    }
    Ok(out)
}

/// Cleans an Arabic name from a source: parentheticals removed, spaces collapsed; `None` if it has no
/// Arabic letters or carries Latin letters or digits.
pub fn clean_ar(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let out = out
        .trim_matches(|c: char| c == '،' || c == ',' || c == '-' || c == '.')
        .trim()
        .to_string();
    if out.chars().any(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    if out
        .chars()
        .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c))
        .count()
        < 2
    {
        return None;
    }
    Some(out)
}

fn key_en(s: &str) -> String {
    s.trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ")
        .replace(" (the)", "")
        .to_lowercase()
}

/// An Arabic name that begins with a word for an administrative region (منطقة، محافظة، ولاية …).
fn is_region_name(ar: &str) -> bool {
    matches!(
        ar.split_whitespace().next(),
        Some("منطقة" | "محافظة" | "إقليم" | "ولاية" | "مقاطعة")
    )
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.contains(&s) {
        v.push(s);
    }
}

fn new_entry(id: String, qid: Option<String>, class: Class, ar: String, src: &str) -> KbEntry {
    KbEntry {
        id,
        qid,
        class,
        ar,
        en: None,
        aliases: Vec::new(),
        adj: Vec::new(),
        metonyms: Vec::new(),
        iso3: None,
        country: None,
        capital_of: None,
        pop: None,
        roles: Vec::new(),
        src: vec![src.to_string()],
    }
}

fn add_alias(e: &mut KbEntry, a: String) {
    if a != e.ar {
        push_unique(&mut e.aliases, a);
    }
}

fn add_src(e: &mut KbEntry, s: &str) {
    push_unique(&mut e.src, s.to_string());
}

/// Words that are common Arabic words in running text (from ANERcorp *train*, tagged O only), used to
/// drop one-word city/person aliases that would fire on ordinary words.
pub fn common_words_from_anercorp_train(path: &Path) -> Result<Vec<String>, KbError> {
    let text = read(path)?;
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for line in text.lines() {
        let mut it = line.split_whitespace();
        let (Some(w), Some(tag)) = (it.next(), it.next()) else {
            continue;
        };
        let c = counts.entry(normalize_str(w)).or_default();
        if tag == "O" {
            c.0 += 1;
        } else {
            c.1 += 1;
        }
    }
    let mut v: Vec<(String, u32)> = counts
        .into_iter()
        .filter(|(w, (o, e))| *o >= 3 && *e == 0 && w.chars().count() >= 2)
        .map(|(w, (o, _))| (w, o))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(v.into_iter().map(|x| x.0).collect())
}

/// The (normalised word, tag) rows of a CoNLL file's text; blank lines are skipped.
fn conll_rows(text: &str) -> Vec<(String, &str)> {
    text.lines()
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            Some((normalize_str(it.next()?), it.next()?))
        })
        .collect()
}

/// Words that ANERcorp *train* shows at least 3 times, never as a place on their own (a one-token
/// LOC), and at least 40 % of the time untagged or in a person's name: البحر ("the sea"; it is a
/// place only inside البحر الأحمر), جبل, بشار, جورج. A one-word city alias spelled so (world-cities
/// gives البحر for Bahar, Iran, and بشار for Béchar) would fire on the word, not the city.
pub fn not_place_words_from_anercorp_train(path: &Path) -> Result<HashSet<String>, KbError> {
    let text = read(path)?;
    // (seen, one-token LOC, O or PER)
    let mut counts: HashMap<String, (u32, u32, u32)> = HashMap::new();
    let rows = conll_rows(&text);
    for (i, (w, tag)) in rows.iter().enumerate() {
        let c = counts.entry(w.clone()).or_default();
        c.0 += 1;
        let next_inside = rows.get(i + 1).is_some_and(|(_, t)| t.starts_with("I-"));
        if *tag == "B-LOC" && !next_inside {
            c.1 += 1;
        }
        if *tag == "O" || tag.ends_with("-PERS") || tag.ends_with("-PER") {
            c.2 += 1;
        }
    }
    Ok(counts
        .into_iter()
        .filter(|(w, (n, loc, o_per))| {
            *n >= 3 && *loc == 0 && *o_per * 5 >= *n * 2 && w.chars().count() >= 2
        })
        .map(|(w, _)| w)
        .collect())
}

/// Words ANERcorp *train* shows at least 3 times and never as a place on their own (a one-token
/// LOC), with the share of those times tagged as another entity: آرسنال (the club, 11 of 11 ORG),
/// البرازيلي (an adjective, 17 times untagged), المملكة ("the kingdom", 14 times untagged). Wikidata
/// gives them as one-word aliases of states.
pub fn never_place_words_in(anercorp_train: &str) -> HashMap<String, f64> {
    let rows: Vec<(String, &str)> = anercorp_train
        .lines()
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            Some((normalize_str(it.next()?), it.next()?))
        })
        .collect();
    // (seen, one-token LOC, tagged as some entity)
    let mut counts: HashMap<&str, (u32, u32, u32)> = HashMap::new();
    for (i, (w, tag)) in rows.iter().enumerate() {
        let c = counts.entry(w.as_str()).or_default();
        c.0 += 1;
        let next_inside = rows.get(i + 1).is_some_and(|(_, t)| t.starts_with("I-"));
        if *tag == "B-LOC" && !next_inside {
            c.1 += 1;
        }
        if *tag != "O" {
            c.2 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(w, (n, loc, _))| *n >= 3 && *loc == 0 && w.chars().count() >= 2)
        .map(|(w, (n, _, ent))| (w.to_string(), f64::from(ent) / f64::from(n)))
        .collect()
}

/// Drops one-word state aliases that ANERcorp train never shows as a place (see
/// [`never_place_words_in`]) and that are something else: mostly tagged as another entity (آرسنال,
/// the club) or one of the state's own nisba adjectives (البرازيلي). A word simply untagged there,
/// such as المملكة, stays: in Gulf outlets it mostly is Saudi Arabia. A state's own name is kept.
fn drop_state_aliases_never_places(cx: &mut Ctx, never_place: &HashMap<String, f64>) {
    let mut dropped = Vec::new();
    for e in cx.entries.iter_mut().filter(|e| e.class == Class::State) {
        let before = e.aliases.len();
        let adj: HashSet<String> = e.adj.iter().map(|a| normalize_str(a)).collect();
        e.aliases.retain(|a| {
            let n = normalize_str(a);
            let other = never_place
                .get(&n)
                .is_some_and(|&ent| ent >= 0.5 || adj.contains(&n));
            a.contains(' ') || !other
        });
        if e.aliases.len() != before {
            dropped.push(e.en.clone().unwrap_or_else(|| e.ar.clone()));
        }
    }
    cx.report.say(format!(
        "state aliases that ANERcorp train never shows as a place but as another entity or the \
         state's adjective (dropped): {} states ({})",
        dropped.len(),
        dropped.join(", ")
    ));
}

/// The ANT news corpus (raw text only), when present under `shared/data`.
const ANT_NEWS: &str = "ant_news/ant_multisource_politics_2018-02_to_06.jsonl";

/// Definite one-word names that running news uses as adjectives: words with the article (ال…)
/// seen at least `MIN_SEEN` times, of which at least 60 % directly follow another definite word
/// (الحكومة الجديدة, الغاز المسيل…), the position of an agreeing adjective. A city named by such
/// a word (El Jadida = الجديدة) would fire on the adjective; real cities seldom stand there (القدس
/// 24 %, الرياض 10 %, الموصل 7 % in ANT). Reads the corpus's `text` fields line by line.
pub fn adjectival_words(jsonl: &Path) -> Result<HashSet<String>, KbError> {
    Ok(adjectival_words_in(&read(jsonl)?))
}

/// The `text` field of each JSON line of `text` (lines that are not such objects are skipped).
fn jsonl_bodies(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines().filter_map(|line| {
        let v = serde_json::from_str::<serde_json::Value>(line).ok()?;
        Some(v.get("text")?.as_str()?.to_string())
    })
}

/// A letter, harakah or tatweel: part of a word in the raw-news scans.
fn word_char(ch: char) -> bool {
    ch.is_alphabetic() || ('\u{064B}'..='\u{0652}').contains(&ch) || ch == '\u{0640}'
}

/// [`adjectival_words`] over JSON Lines text already read (normalised words).
pub fn adjectival_words_in(text: &str) -> HashSet<String> {
    const MIN_SEEN: u32 = 5;
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for body in jsonl_bodies(text) {
        // Previous word, if only spaces separate it from the current one.
        let mut prev_definite = false;
        let mut word = String::new();
        let mut gap_is_space = true;
        for ch in body.chars().chain(std::iter::once('.')) {
            if word_char(ch) {
                word.push(ch);
                continue;
            }
            if !word.is_empty() {
                let k = normalize_str(&word);
                let definite = k.starts_with("ال") && k.chars().count() > 3;
                if definite {
                    let c = counts.entry(k).or_default();
                    c.0 += 1;
                    if prev_definite && gap_is_space {
                        c.1 += 1;
                    }
                }
                prev_definite = definite;
                word.clear();
                gap_is_space = true;
            }
            if !ch.is_whitespace() {
                gap_is_space = false;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, (n, after))| *n >= MIN_SEEN && f64::from(*after) >= 0.6 * f64::from(*n))
        .map(|(w, _)| w)
        .collect()
}

/// Indefinite words (normalised, more than three letters) that in the raw news of `text` (JSON
/// Lines with a `text` field) are followed by a definite word at least half of the ≥ 10 times they
/// are seen: nouns heading a genitive («مجريات الأحداث», the course of events), not nationality
/// plurals («مجريات», Hungarian women), which stand alone or before an adjective.
pub fn construct_heads_in(text: &str) -> HashSet<String> {
    const MIN_SEEN: u32 = 10;
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for body in jsonl_bodies(text) {
        // The previous word if indefinite and only spaces separate it from the current one.
        let mut prev: Option<String> = None;
        let mut word = String::new();
        let mut gap_is_space = true;
        for ch in body.chars().chain(std::iter::once('.')) {
            if word_char(ch) {
                word.push(ch);
                continue;
            }
            if !word.is_empty() {
                let k = normalize_str(&word);
                let definite = k.starts_with("ال");
                if let Some(p) = prev.take() {
                    let c = counts.entry(p).or_default();
                    c.0 += 1;
                    if definite && gap_is_space {
                        c.1 += 1;
                    }
                }
                if !definite && k.chars().count() > 3 {
                    prev = Some(k);
                }
                word.clear();
                gap_is_space = true;
            } else if let Some(p) = prev.take().filter(|_| !ch.is_whitespace()) {
                // Punctuation right after the word: seen, not before a definite word.
                counts.entry(p).or_default().0 += 1;
            }
            if !ch.is_whitespace() {
                gap_is_space = false;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, (n, before))| *n >= MIN_SEEN && 2 * *before >= *n)
        .map(|(w, _)| w)
        .collect()
}

struct Ctx {
    entries: Vec<KbEntry>,
    report: BuildReport,
    /// English key → state index.
    state_by_en: HashMap<String, usize>,
    state_by_iso3: HashMap<String, usize>,
    /// Normalised Arabic alias → state index.
    state_by_ar: HashMap<String, usize>,
}

/// Builds the KB from `data` (the `shared/data` folder) and the curated file `curated` (if present).
pub fn build(data: &Path, curated: Option<&Path>) -> Result<(Vec<KbEntry>, BuildReport), KbError> {
    let mut cx = Ctx {
        entries: Vec::new(),
        report: BuildReport::default(),
        state_by_en: HashMap::new(),
        state_by_iso3: HashMap::new(),
        state_by_ar: HashMap::new(),
    };
    let common: HashSet<String> =
        common_words_from_anercorp_train(&data.join("anercorp/ANERCorp_CamelLab_train.txt"))
            .unwrap_or_default()
            .into_iter()
            .collect();
    cx.report.say(format!(
        "anercorp train: {} common words (O-only, >=3 times) used to drop one-word city/person aliases",
        common.len()
    ));
    let not_place: HashSet<String> =
        not_place_words_from_anercorp_train(&data.join("anercorp/ANERCorp_CamelLab_train.txt"))
            .unwrap_or_default();
    cx.report.say(format!(
        "anercorp train: {} words never a place on their own, mostly untagged or a person's name, \
         used to drop one-word city aliases",
        not_place.len()
    ));
    let ant = read(&data.join(ANT_NEWS));
    let adjectival = match ant.as_deref().map(adjectival_words_in) {
        Ok(a) => {
            cx.report.say(format!(
                "ant_news: {} definite words used mostly as adjectives (after a definite word), not city names",
                a.len()
            ));
            a
        }
        Err(e) => {
            cx.report.say(format!(
                "ant_news unreadable ({e}): no adjective check of city names"
            ));
            HashSet::new()
        }
    };
    let heads = ant.as_deref().map(construct_heads_in).unwrap_or_default();
    states(&mut cx, data)?;
    nationalities(&mut cx, data, &heads)?;
    if let Ok(train) = read(&data.join("anercorp/ANERCorp_CamelLab_train.txt")) {
        drop_state_aliases_never_places(&mut cx, &never_place_words_in(&train));
    }
    cities(&mut cx, data, &common, &adjectival, &not_place)?;
    orgs(&mut cx, data, curated)?;
    let translit = translit_table(data)?;
    let actors = read_actors(data)?;
    let regions = region_words(data)?;
    persons(&mut cx, &actors, &common, &translit, &regions)?;
    if let Some(c) = curated {
        apply_curated(&mut cx, c)?;
    }
    // After the curated names, so a dictionary organisation the curation names joins that entry.
    let train = read(&data.join("anercorp/ANERCorp_CamelLab_train.txt")).unwrap_or_default();
    let untagged = orgs::mostly_untagged(&train);
    let person_tokens: HashSet<String> = translit.keys().cloned().collect();
    let place_or_person_tokens: HashSet<String> =
        read(&data.join("names_anetac/EN-AR_Named-entities.txt"))?
            .lines()
            .filter_map(|l| {
                let mut f = l.split(' ');
                let (class, _, ar) = (f.next()?, f.next()?, f.next()?);
                (class == "LOCATION" || class == "PERSON").then(|| normalize_str(ar))
            })
            .chain(regions.iter().cloned())
            .collect();
    orgs::oeda_orgs(
        &mut cx,
        &orgs::OrgInputs {
            actors: &actors,
            common: &common,
            untagged: &untagged,
            person_tokens: &person_tokens,
            place_or_person_tokens: &place_or_person_tokens,
            ant: ant.as_deref().ok(),
        },
    );
    let mut entries = cx.entries;
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    let mut seen = HashSet::new();
    let before = entries.len();
    entries.retain(|e| seen.insert(e.id.clone()));
    if entries.len() != before {
        cx.report
            .say(format!("duplicate ids dropped: {}", before - entries.len()));
    }
    let mut per_class: BTreeMap<String, usize> = BTreeMap::new();
    for e in &entries {
        *per_class.entry(format!("{:?}", e.class)).or_default() += 1;
    }
    cx.report
        .say(format!("total entries: {} {:?}", entries.len(), per_class));
    Ok((entries, cx.report))
}

fn states(cx: &mut Ctx, data: &Path) -> Result<(), KbError> {
    let rows = csv_rows(&data.join("gaz_country_codes/country-codes.csv"))?;
    let mut n = 0;
    for r in &rows {
        let g = |k: &str| r.get(k).map(String::as_str).unwrap_or("");
        let iso3 = g("ISO3166-1-Alpha-3");
        if iso3.is_empty() {
            continue;
        }
        let qid = g("wikidata_id")
            .rsplit('/')
            .next()
            .filter(|q| q.starts_with('Q'));
        let ar = clean_ar(g("UNTERM Arabic Short")).or_else(|| clean_ar(g("official_name_ar")));
        let Some(ar) = ar else { continue };
        let id = qid.map_or_else(|| format!("L:state:{iso3}"), str::to_string);
        let mut e = new_entry(
            id,
            qid.map(str::to_string),
            Class::State,
            ar,
            "gaz_country_codes",
        );
        for k in ["official_name_ar", "UNTERM Arabic Formal"] {
            if let Some(a) = clean_ar(g(k)) {
                add_alias(&mut e, a);
            }
        }
        let en = [
            g("CLDR display name"),
            g("official_name_en"),
            g("UNTERM English Short"),
        ]
        .into_iter()
        .find(|s| !s.is_empty())
        .map(str::to_string);
        e.en = en;
        e.iso3 = Some(iso3.to_string());
        let idx = cx.entries.len();
        for k in [
            "CLDR display name",
            "official_name_en",
            "UNTERM English Short",
            "UNTERM English Formal",
        ] {
            if !g(k).is_empty() {
                cx.state_by_en.insert(key_en(g(k)), idx);
            }
        }
        cx.state_by_iso3.insert(iso3.to_string(), idx);
        cx.entries.push(e);
        n += 1;
    }
    cx.report
        .say(format!("gaz_country_codes: {n} states/territories"));
    // Wikidata labels and aliases.
    let rows = csv_rows(&data.join("gaz_country_aliases_wikidata/country_aliases.csv"))?;
    let (mut added, mut en_keys) = (0, 0);
    for r in &rows {
        let Some(&idx) = r.get("iso3c").and_then(|i| cx.state_by_iso3.get(i)) else {
            continue;
        };
        let label = r.get("label").map(String::as_str).unwrap_or("");
        match r.get("language").map(String::as_str) {
            Some("ar") => {
                if let Some(a) = clean_ar(label) {
                    let e = &mut cx.entries[idx];
                    // Wikidata's label is the name news uses (روسيا, not الاتحاد الروسي).
                    if r.get("label_type").map(String::as_str) == Some("official") && a != e.ar {
                        let old = std::mem::replace(&mut e.ar, a.clone());
                        e.aliases.retain(|x| x != &a);
                        push_unique(&mut e.aliases, old);
                        add_src(e, "gaz_country_aliases_wikidata");
                        continue;
                    }
                    let before = e.aliases.len();
                    add_alias(e, a);
                    if e.aliases.len() > before {
                        added += 1;
                        add_src(e, "gaz_country_aliases_wikidata");
                    }
                }
            }
            Some("en") => {
                cx.state_by_en.entry(key_en(label)).or_insert(idx);
                en_keys += 1;
            }
            _ => {}
        }
    }
    cx.report.say(format!(
        "gaz_country_aliases_wikidata: {added} Arabic aliases added, {en_keys} English labels used for joins"
    ));
    // Arabic alias → state, for joins; an alias two states share is ambiguous and not a join key.
    let mut by_ar: HashMap<String, Option<usize>> = HashMap::new();
    for (i, e) in cx.entries.iter().enumerate() {
        for a in std::iter::once(&e.ar).chain(&e.aliases) {
            let k = normalize_str(a);
            by_ar
                .entry(k)
                .and_modify(|v| {
                    if *v != Some(i) {
                        *v = None
                    }
                })
                .or_insert(Some(i));
        }
    }
    let mut shared = 0;
    for (k, v) in by_ar {
        match v {
            Some(i) => {
                cx.state_by_ar.insert(k, i);
            }
            None => shared += 1,
        }
    }
    // Drop aliases shared by two states: they cannot name either.
    if shared > 0 {
        let keys: HashSet<String> = cx.state_by_ar.keys().cloned().collect();
        for e in cx.entries.iter_mut() {
            e.aliases.retain(|a| keys.contains(&normalize_str(a)));
        }
    }
    cx.report.say(format!(
        "state aliases shared by two states (dropped): {shared}"
    ));
    Ok(())
}

#[derive(serde::Deserialize)]
struct Nationality {
    male: Option<String>,
    males: Option<String>,
    female: Option<String>,
    females: Option<String>,
    the_male: Option<String>,
    the_female: Option<String>,
    en: Option<String>,
    ar: Option<String>,
}

fn nationalities(cx: &mut Ctx, data: &Path, heads: &HashSet<String>) -> Result<(), KbError> {
    let path = data.join("gaz_arwikicats_ar_translations/nationalities_nationalities_data.json");
    let map: BTreeMap<String, Nationality> = serde_json::from_str(&read(&path)?)
        .map_err(|e| KbError::Data(format!("{}: {e}", path.display())))?;
    let (mut joined, mut unjoined) = (0, 0);
    let mut adj_owner: HashMap<String, Option<usize>> = HashMap::new();
    let mut people: BTreeMap<usize, (String, Vec<String>)> = BTreeMap::new();
    for (key, n) in &map {
        let by_en =
            n.en.as_deref()
                .and_then(|e| cx.state_by_en.get(&key_en(e)).copied());
        let by_ar =
            n.ar.as_deref()
                .and_then(|a| cx.state_by_ar.get(&normalize_str(a)).copied());
        let idx = match (by_en, by_ar) {
            (Some(a), Some(b)) if a != b => {
                unjoined += 1;
                continue;
            }
            (Some(a), _) | (None, Some(a)) => a,
            (None, None) => {
                unjoined += 1;
                continue;
            }
        };
        joined += 1;
        for a in [&n.male, &n.female, &n.the_male, &n.the_female]
            .into_iter()
            .flatten()
        {
            if let Some(a) = clean_ar(a) {
                adj_owner
                    .entry(a)
                    .and_modify(|v| {
                        if *v != Some(idx) {
                            *v = None
                        }
                    })
                    .or_insert(Some(idx));
            }
        }
        let p = people
            .entry(idx)
            .or_insert_with(|| (key.clone(), Vec::new()));
        for a in [&n.males, &n.females].into_iter().flatten() {
            if let Some(a) = clean_ar(a) {
                let with_article = if a.starts_with("ال") {
                    a.clone()
                } else {
                    format!("ال{a}")
                };
                push_unique(&mut p.1, with_article);
                push_unique(&mut p.1, a);
            }
        }
    }
    let mut conflicts = 0;
    let mut n_adj = 0;
    // A plural spelt like a noun that heads a genitive in the news is that noun (مجريات).
    let mut homographs = Vec::new();
    for (_, forms) in people.values_mut() {
        forms.retain(|f| {
            let n = normalize_str(f);
            let bare = n.strip_prefix("ال").unwrap_or(&n);
            let noun = heads.contains(bare);
            if noun {
                homographs.push(f.clone());
            }
            !noun
        });
    }
    people.retain(|_, (_, forms)| !forms.is_empty());
    for (a, owner) in adj_owner {
        match owner {
            Some(i) => {
                push_unique(&mut cx.entries[i].adj, a);
                add_src(&mut cx.entries[i], "gaz_arwikicats_ar_translations");
                n_adj += 1;
            }
            None => conflicts += 1,
        }
    }
    for e in cx.entries.iter_mut() {
        e.adj.sort();
    }
    let mut n_people = 0;
    for (idx, (key, forms)) in people {
        let Some(first) = forms.first().cloned() else {
            continue;
        };
        let state = &cx.entries[idx];
        let mut e = new_entry(
            format!("L:people:{}", key.replace(' ', "_")),
            None,
            Class::People,
            first,
            "gaz_arwikicats_ar_translations",
        );
        e.en = Some(format!("{} people", capitalise(&key)));
        e.country = Some(state.id.clone());
        for f in forms.into_iter().skip(1) {
            add_alias(&mut e, f);
        }
        cx.entries.push(e);
        n_people += 1;
    }
    cx.report.say(format!(
        "arwikicats nationalities: {joined} joined to a state, {unjoined} not joined (no such state or en/ar disagree), \
         {n_adj} adjectives, {conflicts} adjectives shared by two states (dropped), {n_people} peoples (NORP); \
         people forms dropped as nouns heading a genitive in ant_news: {}",
        if homographs.is_empty() { "none".to_string() } else { homographs.join(" ") }
    ));
    Ok(())
}

fn capitalise(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn cities(
    cx: &mut Ctx,
    data: &Path,
    common: &HashSet<String>,
    adjectival: &HashSet<String>,
    not_place: &HashSet<String>,
) -> Result<(), KbError> {
    // World cities with Arabic names: (english name, state) → (arabic, population).
    let wc = csv_rows(&data.join("gaz_world_cities_ar/world-cities.csv"))?;
    let mut wc_by_key: HashMap<(String, usize), (String, u64)> = HashMap::new();
    let mut wc_unjoined = 0;
    for r in &wc {
        let g = |k: &str| r.get(k).map(String::as_str).unwrap_or("");
        let state = cx
            .state_by_en
            .get(&key_en(g("CountryNameEn")))
            .or_else(|| cx.state_by_ar.get(&normalize_str(g("CountryNameAr"))))
            .copied();
        let (Some(state), Some(ar)) = (state, clean_ar(g("CityNameAr"))) else {
            wc_unjoined += 1;
            continue;
        };
        let pop = g("Population").parse::<f64>().unwrap_or(0.0) as u64;
        wc_by_key.insert((g("CityNameEn").to_lowercase(), state), (ar, pop));
    }
    // ArWikiCats cities: english → arabic (with an optional ", country" hint in the key).
    let path = data.join("gaz_arwikicats_ar_translations/cities_cities_full.json");
    let awc: BTreeMap<String, String> = serde_json::from_str(&read(&path)?)
        .map_err(|e| KbError::Data(format!("{}: {e}", path.display())))?;
    // Each Arabic name with its state hint and whether the key was qualified at all ("london"
    // against "london, ontario").
    type AwcName = (Option<usize>, String, bool);
    let mut awc_by_name: HashMap<String, Vec<AwcName>> = HashMap::new();
    for (k, v) in &awc {
        let Some(ar) = clean_ar(v) else { continue };
        let (name, hint, qualified) = match k.split_once(", ") {
            Some((n, h)) => (n.to_string(), cx.state_by_en.get(&key_en(h)).copied(), true),
            None => (k.clone(), None, false),
        };
        awc_by_name
            .entry(name)
            .or_default()
            .push((hint, ar, qualified));
    }
    // Which English city names ArWikiCats gives each (normalised) Arabic name: a world-cities label
    // that is another city's ArWikiCats name belongs to that city (world-cities labels Kobe
    // «كوبنهاغن», Copenhagen's name).
    let mut awc_owners: HashMap<String, HashSet<String>> = HashMap::new();
    for (k, v) in &awc {
        // A name qualified in Arabic («سانت لويس (السنغال)») claims only its qualified form.
        if v.contains('(') {
            continue;
        }
        if let Some(ar) = clean_ar(v) {
            let name = k.split_once(", ").map_or(k.as_str(), |(n, _)| n);
            awc_owners
                .entry(normalize_str(&ar))
                .or_default()
                .insert(name.to_string());
        }
    }
    let (mut wc_foreign, mut wc_unlike) = (0, 0);
    let ne = csv_rows(&data.join("gaz_natural_earth_places/ne_10m_populated_places.csv"))?;
    let (mut from_ne, mut ne_no_ar, mut wc_used) = (0, 0, HashSet::new());
    let mut capitals = 0;
    let mut city_seen: HashSet<(String, usize)> = HashSet::new();
    for r in &ne {
        let g = |k: &str| r.get(k).map(String::as_str).unwrap_or("");
        let Some(&state) = cx
            .state_by_iso3
            .get(g("ADM0_A3"))
            .or_else(|| cx.state_by_en.get(&key_en(g("ADM0NAME"))))
        else {
            continue;
        };
        let mut names: Vec<String> = [g("NAME"), g("NAMEASCII"), g("NAME_EN")]
            .into_iter()
            .chain(g("NAMEALT").split('|'))
            .filter(|s| !s.is_empty())
            .map(str::to_lowercase)
            .collect();
        // Natural Earth qualifies some names after a comma ("Washington, D.C."), which the
        // world-cities list writes bare ("Washington"): the bare form is tried last.
        // Only the primary names: an alternative name list may hold a neighbouring city
        // ("Dongguan, Guangdong" among Guangzhou's).
        let bare: Vec<String> = [g("NAME"), g("NAMEASCII"), g("NAME_EN")]
            .into_iter()
            .map(str::to_lowercase)
            .filter_map(|n| n.split_once(',').map(|(b, _)| b.trim().to_string()))
            .filter(|b| !b.is_empty() && !names.contains(b))
            .collect();
        for b in bare {
            push_unique(&mut names, b);
        }
        let mut ar: Vec<String> = Vec::new();
        let mut wc_ar: Vec<String> = Vec::new();
        let national_capital = g("ADM0CAP") == "1" || g("FEATURECLA") == "Admin-0 capital";
        let mut pop = g("POP_MAX").parse::<f64>().unwrap_or(0.0) as u64;
        for n in &names {
            if let Some((a, p)) = wc_by_key.get(&(n.clone(), state)) {
                push_unique(&mut wc_ar, a.clone());
                pop = pop.max(*p);
                wc_used.insert((n.clone(), state));
            }
            if let Some(v) = awc_by_name.get(n) {
                // Without a country hint, only a name that ArWikiCats gives once is safe to join
                // — or its bare, unqualified name joined to a national capital: "london" beside
                // "london, ontario" and "london, ohio" is the UK's capital, which world-cities
                // lacks (it had left the capital out of the KB and every «لندن» in Ontario).
                for (hint, a, qualified) in v {
                    if *hint == Some(state)
                        || (hint.is_none() && v.len() == 1)
                        || (!qualified && national_capital)
                    {
                        push_unique(&mut ar, a.clone());
                    }
                }
            }
        }
        // `ar` holds the ArWikiCats names so far. Where both sources name the city, a world-cities
        // label that ArWikiCats gives another city is dropped, and one unlike every ArWikiCats name
        // (world-cities labels Mosul «فاموتيدين», a drug) is no display name: it goes after them.
        let awc_skeletons: Vec<String> = ar
            .iter()
            .map(|a| crate::text::skeleton(&normalize_str(a)))
            .collect();
        let mut unlike = Vec::new();
        for a in wc_ar {
            let key = normalize_str(&a);
            let other_city = !ar.is_empty()
                && awc_owners
                    .get(&key)
                    // Not the city's own province («ولاية بشار», ArWikiCats' "béchar province").
                    .is_some_and(|owners| {
                        !owners.iter().any(|o| {
                            names
                                .iter()
                                .any(|n| o == n || o.starts_with(&format!("{n} ")))
                        })
                    });
            if other_city {
                wc_foreign += 1;
                continue;
            }
            let sk = crate::text::skeleton(&key);
            let near = |o: &String| {
                let max = (sk.chars().count().max(o.chars().count()) / 3).max(1);
                crate::text::edit_distance(&sk, o, max) <= max
            };
            if !awc_skeletons.is_empty() && !awc_skeletons.iter().any(near) {
                wc_unlike += 1;
                unlike.push(a);
            } else {
                ar.retain(|x| *x != a);
                ar.insert(0, a);
            }
        }
        for a in unlike {
            push_unique(&mut ar, a);
        }
        if ar.is_empty() {
            ne_no_ar += 1;
            continue;
        }
        // World-cities sometimes gives the region's name for its city ("منطقة الرياض" for Riyadh):
        // a bare city name, where one is known, is the display name.
        if is_region_name(&ar[0]) {
            if let Some(i) = ar.iter().position(|a| !is_region_name(a)) {
                let bare = ar.remove(i);
                ar.insert(0, bare);
            }
        }
        let qid = g("wikidataid");
        let qid = qid.starts_with('Q').then(|| qid.to_string());
        let en = g("NAME_EN");
        let en = if en.is_empty() { g("NAME") } else { en };
        if !city_seen.insert((en.to_lowercase(), state)) {
            continue;
        }
        let id = qid.clone().unwrap_or_else(|| {
            format!(
                "L:city:{}:{}",
                cx.entries[state].iso3.as_deref().unwrap_or(""),
                en.replace(' ', "_")
            )
        });
        let mut e = new_entry(
            id,
            qid,
            Class::City,
            ar[0].clone(),
            "gaz_natural_earth_places",
        );
        add_src(&mut e, "gaz_world_cities_ar/arwikicats");
        e.en = Some(en.to_string());
        e.pop = Some(pop);
        e.country = Some(cx.entries[state].id.clone());
        for a in ar.into_iter().skip(1) {
            add_alias(&mut e, a);
        }
        if g("ADM0CAP") == "1" || g("FEATURECLA") == "Admin-0 capital" {
            e.capital_of = Some(cx.entries[state].id.clone());
            capitals += 1;
        }
        cx.entries.push(e);
        from_ne += 1;
    }
    // A world-cities row whose English spelling Natural Earth lacks ("Masqat", "Al Basrah") can
    // still be a city Natural Earth has: the same Arabic name in the same state is that city.
    let ne_names: HashSet<(String, String)> = cx
        .entries
        .iter()
        .filter(|e| e.class == Class::City)
        .flat_map(|e| {
            let country = e.country.clone().unwrap_or_default();
            std::iter::once(&e.ar)
                .chain(&e.aliases)
                .map(move |a| (normalize_str(a), country.clone()))
        })
        .collect();
    let mut from_wc = 0;
    let mut wc_same_as_ne = 0;
    for ((en, state), (ar, pop)) in &wc_by_key {
        if wc_used.contains(&(en.clone(), *state))
            || *pop < 100_000
            || city_seen.contains(&(en.clone(), *state))
        {
            continue;
        }
        if ne_names.contains(&(normalize_str(ar), cx.entries[*state].id.clone())) {
            wc_same_as_ne += 1;
            continue;
        }
        let iso = cx.entries[*state].iso3.clone().unwrap_or_default();
        let mut e = new_entry(
            format!("L:city:{iso}:{}", capitalise(en).replace(' ', "_")),
            None,
            Class::City,
            ar.clone(),
            "gaz_world_cities_ar",
        );
        e.en = Some(capitalise(en));
        e.pop = Some(*pop);
        e.country = Some(cx.entries[*state].id.clone());
        cx.entries.push(e);
        from_wc += 1;
    }
    // Admin-area labels ("ولاية قندهار") also name the city itself; common words and state names are
    // not city names.
    let mut dropped_common = 0;
    let mut dropped_state = 0;
    let mut dropped_adjective = 0;
    let mut dropped_institution = 0;
    let mut dropped_not_place = 0;
    // Normalised Arabic state name → that state's id.
    let state_keys: HashMap<String, String> = cx
        .state_by_ar
        .iter()
        .map(|(k, &i)| (k.clone(), cx.entries[i].id.clone()))
        .collect();
    for e in cx.entries.iter_mut().filter(|e| e.class == Class::City) {
        let mut names: Vec<String> = std::iter::once(e.ar.clone())
            .chain(e.aliases.drain(..))
            .collect();
        for n in names.clone() {
            for p in ["ولاية ", "محافظة ", "مدينة ", "إمارة ", "بلدية "] {
                if let Some(rest) = n.strip_prefix(p) {
                    push_unique(&mut names, rest.to_string());
                }
            }
        }
        names.retain(|n| {
            let k = normalize_str(n);
            let one_word = !k.contains(' ');
            // One- and two-letter names (قم, إب = آب after folding) are words far more often than cities.
            // Clitic readings too: بوجه is ب+وجه, الجديدة is ال+جديدة.
            if one_word && (common_any(common, &k) || k.chars().count() < 3) {
                dropped_common += 1;
                return false;
            }
            // A national capital named like another state keeps the name (عمان: Amman, capital
            // of Jordan, and Oman); linking reads it by the states the document names.
            if let Some(state) = state_keys.get(&k) {
                if e.capital_of.is_none() || e.country.as_deref() == Some(state.as_str()) {
                    dropped_state += 1;
                    return false;
                }
            }
            if one_word && adjectival.contains(&k) {
                dropped_adjective += 1;
                return false;
            }
            if one_word && not_place.contains(&k) {
                dropped_not_place += 1;
                return false;
            }
            // Sources label some cities with an institution named after them (نادي روتشديل,
            // جامعة المنيا, حزب …): those name the institution, not the place.
            if n.split_whitespace()
                .next()
                .is_some_and(|w| INSTITUTION_HEADS.contains(&w))
            {
                dropped_institution += 1;
                return false;
            }
            true
        });
        if names.is_empty() {
            e.ar.clear();
            continue;
        }
        // Prefer the bare name as display.
        names.sort_by_key(|n| {
            ["ولاية ", "محافظة ", "مدينة ", "إمارة ", "بلدية "]
                .iter()
                .any(|p| n.starts_with(p))
        });
        e.ar = names.remove(0);
        e.aliases = names;
    }
    let before = cx.entries.len();
    cx.entries.retain(|e| !e.ar.is_empty());
    cx.report.say(format!(
        "cities: {from_ne} from natural_earth (QID) with Arabic from world_cities/arwikicats ({wc_foreign} world_cities labels dropped as another city's arwikicats name, {wc_unlike} unlike every arwikicats name kept as aliases only), {ne_no_ar} NE places without \
         an Arabic name skipped, {from_wc} world_cities-only (pop >= 100k; {wc_same_as_ne} more skipped: a Natural Earth city of the state has their Arabic name), {wc_unjoined} world_cities rows without a state, \
         {capitals} capitals; {dropped_common} one-word aliases dropped as common words, {dropped_state} as state names, \
         {dropped_adjective} as adjectives, {dropped_institution} as institutions, \
         {dropped_not_place} as words never a place on their own in ANERcorp train, \
         {} cities left nameless",
        before - cx.entries.len()
    ));
    Ok(())
}

/// Minimal reader for Supraverden's flat YAML: top-level keys with two-space `Field: value` lines.
fn parse_orgs_yaml(text: &str) -> Vec<HashMap<String, String>> {
    let mut out = Vec::new();
    let mut cur: Option<HashMap<String, String>> = None;
    for line in text.lines() {
        if !line.starts_with(' ') && line.trim_end().ends_with(':') {
            if let Some(c) = cur.take() {
                out.push(c);
            }
            cur = Some(HashMap::new());
        } else if let Some(rest) = line.strip_prefix("  ") {
            if rest.starts_with(' ') || rest.starts_with('-') {
                continue;
            }
            if let (Some(c), Some((k, v))) = (cur.as_mut(), rest.split_once(": ")) {
                let v = v.trim().trim_matches('\'').trim_matches('"').to_string();
                c.insert(k.to_string(), v);
            }
        }
    }
    if let Some(c) = cur {
        out.push(c);
    }
    out
}

fn orgs(cx: &mut Ctx, data: &Path, curated: Option<&Path>) -> Result<(), KbError> {
    let recs = parse_orgs_yaml(&read(
        &data.join("gaz_intl_orgs_supraverden/general_list.yaml"),
    )?);
    let mut geo: HashMap<String, String> = HashMap::new();
    for f in [
        "geography_P17_2_final_ll.json",
        "geography_P17_PP.json",
        "geography_popopo.json",
    ] {
        let path = data.join("gaz_arwikicats_ar_translations").join(f);
        let m: BTreeMap<String, String> = serde_json::from_str(&read(&path)?)
            .map_err(|e| KbError::Data(format!("{}: {e}", path.display())))?;
        geo.extend(m);
    }
    // Curated Arabic names keyed by QID let an org with no Arabic source still be kept.
    let curated_qids: HashSet<String> = match curated {
        Some(p) if p.exists() => read(p)?
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next().map(str::to_string))
            .collect(),
        _ => HashSet::new(),
    };
    let (mut with_ar, mut no_ar, mut from_geo) = (0, 0, 0);
    for r in &recs {
        let g = |k: &str| r.get(k).map(String::as_str).unwrap_or("");
        let qid = g("Wikidata_code");
        let qid = qid.starts_with('Q').then(|| qid.to_string());
        let en = g("Name_en");
        if en.is_empty() {
            continue;
        }
        let mut ar: Vec<String> = Vec::new();
        if let Some(a) = clean_ar(g("Name_ar")) {
            ar.push(a);
        }
        for k in ["Name_en", "Name_other_en", "Name_other_2_en"] {
            if let Some(a) = geo.get(&g(k).to_lowercase()).and_then(|a| clean_ar(a)) {
                if !ar.contains(&a) {
                    from_geo += 1;
                    ar.push(a);
                }
            }
        }
        let known_by_curation = qid.as_ref().is_some_and(|q| curated_qids.contains(q));
        if ar.is_empty() && !known_by_curation {
            no_ar += 1;
            continue;
        }
        let id = qid
            .clone()
            .unwrap_or_else(|| format!("L:org:{}", g("SPRVD_id")));
        let first = ar.first().cloned().unwrap_or_default();
        let mut e = new_entry(id, qid, Class::Org, first, "gaz_intl_orgs_supraverden");
        e.en = Some(en.to_string());
        for a in ar.into_iter().skip(1) {
            add_alias(&mut e, a);
        }
        cx.entries.push(e);
        with_ar += 1;
    }
    cx.report.say(format!(
        "gaz_intl_orgs_supraverden: {} orgs read, {with_ar} kept (Arabic name from the source, arwikicats ({from_geo}) or \
         curated), {no_ar} without any Arabic name skipped",
        recs.len()
    ));
    Ok(())
}

/// Arabic name token (normalised) → English spelling, from the Wikidata and ANETAC name pairs.
pub fn translit_table(data: &Path) -> Result<HashMap<String, String>, KbError> {
    let mut counts: HashMap<String, HashMap<String, u32>> = HashMap::new();
    let wd = read(&data.join("names_wikidata_translit_ar/wd_arabic.normalized.aligned.tokens"))?;
    for line in wd.lines() {
        let mut f = line.split('\t');
        let (Some(en), Some(ar), c) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let ar: String = ar.split(' ').collect();
        let c = c.and_then(|c| c.trim().parse::<u32>().ok()).unwrap_or(1);
        *counts
            .entry(normalize_str(&ar))
            .or_default()
            .entry(en.to_lowercase())
            .or_default() += c;
    }
    let an = read(&data.join("names_anetac/EN-AR_Named-entities.txt"))?;
    for line in an.lines() {
        let mut f = line.split(' ');
        let (Some(class), Some(en), Some(ar)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        if class != "PERSON" {
            continue;
        }
        *counts
            .entry(normalize_str(ar))
            .or_default()
            .entry(en.to_lowercase())
            .or_default() += 1;
    }
    Ok(counts
        .into_iter()
        .filter_map(|(ar, m)| {
            m.into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .map(|(en, _)| (ar, en))
        })
        .collect())
}

const HEAD_TITLES: &[&str] = &["رئيس", "ملك", "أمير", "عاهل", "سلطان", "رئيسة"];
const MINISTER_TITLES: &[&str] = &["وزير", "وزيرة"];
const OTHER_TITLES: &[&str] = &[
    "شيخ",
    "جنرال",
    "سفير",
    "نائب",
    "مسؤول",
    "زعيم",
    "قائد",
    "متحدث",
    "مستشار",
    "أمين",
    "عقيد",
    "لواء",
    "دكتور",
    "سيد",
    "مرشح",
    "ناطق",
    "مبعوث",
    "نائبة",
    "مساعد",
    "محافظ",
    // Feminine titles ("مستشارة ميركل" is the chancellor, not a person named مستشارة).
    "مستشارة",
    "سفيرة",
    "متحدثة",
    "ناطقة",
    "مبعوثة",
    "زعيمة",
    "مرشحة",
];
/// First words that make an OEDA actor an organisation, body or place rather than a person.
/// First words of institution names, never of a city's name (unlike مركز, an Egyptian district).
const INSTITUTION_HEADS: &[&str] = &[
    "نادي",
    "جامعة",
    "حزب",
    "بنك",
    "برلمان",
    "مجلس",
    "حركة",
    "منظمة",
    "شركة",
    "وزارة",
    "جبهة",
    "جماعة",
    "هيئة",
    "لجنة",
    "مؤسسة",
    "معهد",
    "جمعية",
    "نقابة",
    "تحالف",
    "اتحاد",
    "وكالة",
    "محكمة",
    "جيش",
    "قوات",
];

pub(crate) const NON_PERSON_HEADS: &[&str] = &[
    // A group's member or a meeting (مقاتل طالبان "a Taliban fighter", مؤتمر شعبي معارض).
    "مقاتل",
    "مسلح",
    "معارض",
    "مؤتمر",
    "قوة",
    "نظام",
    "قوات",
    "وزارة",
    "حزب",
    "مجلس",
    "حكومة",
    "جامعة",
    "جيش",
    "وكالة",
    "منطقة",
    "عاصمة",
    // An airline (طيران إمارة, Emirates), whose one-word name would be the common noun "emirate".
    "طيران",
    // Landforms (جبل قنديل، جبل نفوسة): the dictionary lists some as actors.
    "جبل",
    "جزيرة",
    "وادي",
    "نهر",
    "حركة",
    "محكمة",
    "اتحاد",
    "مدينة",
    "دولة",
    "سلطة",
    "شرطة",
    "منظمة",
    "جماعة",
    "جبهة",
    "لجنة",
    "هيئة",
    "مكتب",
    "شركة",
    "بنك",
    "صندوق",
    "برلمان",
    "ديوان",
    "الديوان",
    "إدارة",
    "رئاسة",
    "محافظة",
    "ولاية",
    "جمهورية",
    "مملكة",
    "إمارة",
    "سفارة",
    "كتيبة",
    "لواء",
    "فرقة",
    "ميليشيا",
    "مليشيا",
    "تنظيم",
    "جمعية",
    "مؤسسة",
    "مركز",
    "معهد",
    "نقابة",
    "تحالف",
    "ائتلاف",
    "مواطن",
    "شعب",
    "أمة",
    "مجموعة",
    "كتلة",
    "قيادة",
    "أجهزة",
    "جهاز",
    "مخابرات",
    "استخبارات",
    "حرس",
    "قناة",
    "صحيفة",
    "مصرف",
    "بعثة",
    "أسرة",
    "عائلة",
    "قبيلة",
    "ميناء",
    "مطار",
    "سجن",
    "مجلس_",
    "مستشفى",
    "مخيم",
    "أمانة",
];

struct Actor {
    names: Vec<Vec<String>>,
    roles: Vec<(String, String, Option<String>, Option<String>)>,
}

fn parse_code(s: &str) -> Option<(String, Option<String>, Option<String>)> {
    let s = s
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim();
    let mut parts = s.splitn(2, ' ');
    let code = parts.next()?.trim().to_string();
    let dates = parts.next().unwrap_or("").replace(' ', "");
    let iso = |d: &str| -> Option<String> {
        let d = d.trim();
        if d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()) && !d.starts_with("1800") {
            Some(format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..]))
        } else {
            None
        }
    };
    let (from, to) = if let Some(d) = dates.strip_prefix('>') {
        (iso(d), None)
    } else if let Some(d) = dates.strip_prefix('<') {
        (None, iso(d))
    } else if let Some((a, b)) = dates.split_once('-') {
        let (f, t) = (iso(a), iso(b));
        // An end before the start is how the dictionary writes "still in office".
        match (&f, &t) {
            (Some(x), Some(y)) if y < x => (f, None),
            _ => (f, t),
        }
    } else {
        (None, None)
    };
    Some((code, from, to))
}

/// The OEDA Arabic actor dictionary's entries: one name (lemma words) with its dated CAMEO codes.
fn read_actors(data: &Path) -> Result<Vec<Actor>, KbError> {
    let text = read(&data.join("oeda_arabic_dictionaries/actor_dict_ar_v4.txt"))?;
    let mut actors: Vec<Actor> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if line.starts_with('\t') {
            if let (Some(a), Some(c)) = (actors.last_mut(), parse_code(line)) {
                a.roles.push((c.0, String::new(), c.1, c.2));
            }
            continue;
        }
        let line = line.trim();
        let (name, code) = match line.split_once('[') {
            Some((n, c)) => (n.trim(), Some(c)),
            None => (line, None),
        };
        let toks: Vec<String> = name
            .split('_')
            .filter(|t| !t.is_empty())
            // The dagger alif is not written in modern spelling (اللٰه → الله, هٰذا → هذا); writing
            // it as a full alif gave عبد اللاه, which no text spells.
            .map(|t| t.replace('\u{670}', ""))
            .collect();
        let mut a = Actor {
            names: vec![toks],
            roles: Vec::new(),
        };
        if let Some(c) = code.and_then(parse_code) {
            a.roles.push((c.0, String::new(), c.1, c.2));
        }
        actors.push(a);
    }
    Ok(actors)
}

/// Last words of news outlets' names as Arabic writes them (News, Times, Post, Press, Today, Tribune,
/// Journal, Zeitung), normalised.
const OUTLET_LAST_WORDS: &[&str] = &[
    "نيوز",
    "تايمز",
    "بوست",
    "برس",
    "توداي",
    "تريبيون",
    "جورنال",
    "زيتونغ",
];

/// One-word Arabic names of regions (states, provinces) from the ArWikiCats geography tables,
/// normalised: «كاليفورنيا»، «تكساس»، «بافاريا».
fn region_words(data: &Path) -> Result<HashSet<String>, KbError> {
    let mut out = HashSet::new();
    for f in ["geography_P17_PP.json", "geography_popopo.json"] {
        let path = data.join("gaz_arwikicats_ar_translations").join(f);
        let m: BTreeMap<String, String> = serde_json::from_str(&read(&path)?)
            .map_err(|e| KbError::Data(format!("{}: {e}", path.display())))?;
        out.extend(
            m.values()
                .filter_map(|v| clean_ar(v))
                .map(|a| normalize_str(&a))
                .filter(|a| !a.contains(' ')),
        );
    }
    Ok(out)
}

fn persons(
    cx: &mut Ctx,
    actors: &[Actor],
    common: &HashSet<String>,
    translit: &HashMap<String, String>,
    regions: &HashSet<String>,
) -> Result<(), KbError> {
    let adj_state: HashMap<String, usize> = cx
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.class == Class::State)
        .flat_map(|(i, e)| e.adj.iter().map(move |a| (normalize_str(a), i)))
        .collect();
    let place_names: HashSet<String> = cx
        .entries
        .iter()
        .filter(|e| matches!(e.class, Class::State | Class::City))
        .flat_map(|e| std::iter::once(&e.ar).chain(&e.aliases))
        .map(|a| normalize_str(a))
        .filter(|a| !a.contains(' '))
        .flat_map(|a| {
            let bare = a.strip_prefix("ال").map(str::to_string);
            std::iter::once(a).chain(bare)
        })
        .collect();
    let mut iso3_of: HashMap<usize, String> = HashMap::new();
    for (k, &v) in &cx.state_by_iso3 {
        let e = iso3_of.entry(v).or_insert_with(|| k.clone());
        if k < e {
            *e = k.clone();
        }
    }
    // Person key (normalised full name) → (display tokens, roles, titles).
    struct P {
        toks: Vec<String>,
        roles: Vec<Role>,
        head_of: HashSet<usize>,
        minister_of: HashMap<usize, String>,
        states: HashSet<usize>,
        singles: Vec<String>,
        aliases: Vec<String>,
    }
    /// `q` takes `p`'s name as an alias, its dated offices (an undated one only in a state where `q`
    /// has none: it would swallow the dated ones on merging), states and one-word names. `q`'s own
    /// titles still decide what the offices were: a shorter entry's "أمير" is as often a prince as an
    /// emir (سعود الفيصل was foreign minister, not king).
    fn absorb(q: &mut P, p: P) {
        push_unique(&mut q.aliases, p.toks.join(" "));
        for r in p.roles {
            if !q.roles.contains(&r) && (r.from.is_some() || !q.roles.iter().any(|x| x.of == r.of))
            {
                q.roles.push(r);
            }
        }
        q.states.extend(p.states);
        for s in p.singles {
            push_unique(&mut q.singles, s);
        }
    }
    let mut people: BTreeMap<String, P> = BTreeMap::new();
    let mut singles: Vec<(String, HashSet<usize>)> = Vec::new();
    let (mut non_person, mut no_state, mut outlets) = (0, 0, 0);
    for a in actors {
        let toks = &rejoin_proclitics(&a.names[0], translit);
        if toks.is_empty() {
            continue;
        }
        // The dictionary's lines end where its phrase was cut: "علي محمد جيدي الذي".
        let mut toks = toks.clone();
        while toks.len() > 2
            && toks
                .last()
                .is_some_and(|t| matches!(t.as_str(), "الذي" | "التي" | "الذين"))
        {
            toks.pop();
        }
        let toks = &toks;
        let mut i = 0;
        let mut kind: Option<(&str, String)> = None;
        // آية الله is a cleric's title: "آية الله علي خامنئي" is علي خامنئي. Before one word it
        // stays: "آية الله الخميني" is how the dictionary knows Khomeini at all.
        if toks.len() > 3 && toks[0] == "آية" && toks[1] == "الله" {
            i = 2;
        } else if HEAD_TITLES.contains(&toks[0].as_str()) {
            if toks
                .get(1)
                .is_some_and(|t| t == "وزراء" || t == "حكومة" || t == "وزير")
            {
                kind = Some(("leader_of", format!("{} {}", toks[0], toks[1])));
                i = 2;
            } else if toks
                .get(1)
                .is_some_and(|t| NON_PERSON_HEADS.contains(&t.as_str()))
            {
                non_person += 1;
                continue;
            } else {
                kind = Some(("leader_of", toks[0].clone()));
                i = 1;
            }
        } else if MINISTER_TITLES.contains(&toks[0].as_str()) {
            let portfolio = toks.get(1).cloned().unwrap_or_default();
            kind = Some(("minister_of", format!("وزير {portfolio}")));
            i = 2;
        } else if OTHER_TITLES.contains(&toks[0].as_str()) {
            i = 1;
            // A deputy's or an assistant's title ("نائب رئيس وزير محمدوف", "نائب وزير خارجية روسي")
            // stacks a head or minister title with its complement; none of it is the name, and the
            // deputy holds neither office.
            if let Some(t) = toks.get(1).filter(|t| {
                HEAD_TITLES.contains(&t.as_str()) || MINISTER_TITLES.contains(&t.as_str())
            }) {
                i = 2;
                let complement = if MINISTER_TITLES.contains(&t.as_str()) {
                    toks.get(2)
                        .is_some_and(|c| !adj_state.contains_key(&normalize_str(c)))
                } else {
                    toks.get(2).is_some_and(|c| {
                        matches!(c.as_str(), "وزراء" | "وزير" | "حكومة" | "جمهورية")
                    })
                };
                if complement && toks.len() > 3 {
                    i = 3;
                }
                // "نائب رئيس جمهورية سودان علي عثمان طه": the state, named, ends the title; so
                // does a rank ("نائب رئيس وزير لواء عصام أبو جمرة").
                if toks.len() > i + 1 {
                    let n = normalize_str(&toks[i]);
                    if cx.state_by_ar.contains_key(&n)
                        || cx.state_by_ar.contains_key(&format!("ال{n}"))
                        || OTHER_TITLES.contains(&toks[i].as_str())
                    {
                        i += 1;
                    }
                }
            }
        } else if NON_PERSON_HEADS.contains(&toks[0].as_str()) {
            non_person += 1;
            continue;
        }
        let mut title_state = None;
        if let Some(s) = toks.get(i).and_then(|t| adj_state.get(&normalize_str(t))) {
            title_state = Some(*s);
            i += 1;
            // Stacked titles: "عاهل أردني ملك عبد الله" is King Abdullah, not a person named
            // "ملك عبد الله".
            if toks
                .get(i)
                .is_some_and(|t| HEAD_TITLES.contains(&t.as_str()) && toks.len() > i + 1)
            {
                if kind.is_none() {
                    kind = Some(("leader_of", toks[i].clone()));
                }
                i += 1;
            }
        }
        let name = &toks[i.min(toks.len())..];
        if name.is_empty()
            || name
                .iter()
                .any(|t| adj_state.contains_key(&normalize_str(t)))
        {
            continue;
        }
        // Dictionary lines like "نيويورك تايمز" or "نظام صدام" are not people: a place name or a
        // common word up front gives them away.
        let has_gov = a.roles.iter().any(|r| r.0.get(3..6) == Some("GOV"));
        let state_word = name.iter().any(|t| {
            let n = normalize_str(t);
            let hit = crate::text::clitic_readings(&n).any(|(_, s)| cx.state_by_ar.contains_key(s));
            hit
        });
        // A state's name of two words with the conjunction on ("وبوركينا فاسو" [BFA]) is the state.
        let whole = normalize_str(&name.join(" "));
        let state_name = whole
            .strip_prefix('و')
            .is_some_and(|w| cx.state_by_ar.contains_key(w))
            || cx.state_by_ar.contains_key(&whole);
        // A first word that is a common word and no known name token ("في دمشق", "شرق أوسط").
        let first_norm = normalize_str(&name[0]);
        // علي is "on" and the commonest given name; a dictionary line is a name, not a phrase, when
        // more name words follow (علي عثمان محمد طه, علي أكبر صالحي).
        let ali = first_norm == "علي" && name.len() >= 2;
        let first_common = !ali
            && (crate::link::FUNCTION_WORDS.contains(&first_norm.as_str())
                || (common_any(common, &name[0]) && !translit.contains_key(&first_norm)));
        // "سي آي إيه" and "إيه بي سي" are the CIA and ABC, spelled in Latin letters: no people.
        let spelled = |t: &String| normalize_str(t);
        let acronym = name
            .iter()
            .all(|t| crate::link::LETTER_NAMES.contains(&spelled(t).as_str()))
            && name
                .iter()
                .any(|t| crate::link::LETTER_ONLY_NAMES.contains(&spelled(t).as_str()));
        // «بيركلي_كاليفورنيا» is a place: a name ending in a region's name is no person.
        let in_region = name.len() >= 2
            && name
                .last()
                .is_some_and(|t| regions.contains(&normalize_str(t)));
        // A lone letter is a preposition the lemma form cut off ("صحافي ب اسم البيت الأبيض",
        // "press for the White House"): a description, not a name.
        let cut_preposition = name.iter().any(|t| t.chars().count() == 1);
        if state_word
            || state_name
            || first_common
            || acronym
            || cut_preposition
            || (!has_gov && in_region)
            || (!has_gov
                && (name.iter().any(|t| place_names.contains(&normalize_str(t)))
                    || common_any(common, &name[0])))
        {
            non_person += 1;
            continue;
        }
        // An entry coded only as media (USAMED) that would be a person is an outlet when its last
        // word is one outlets' names end in (نيوز، تايمز…): "فوكس نيوز", "اسوشييتد برس", "لوس أنجليس
        // تايمز" had been persons. Journalists ("سيمور هيرش", "فريد زكريا") stay; so, for want of a
        // better sign, do "يديعوت أحرونوت" and "وول ستريت".
        let media_only = !a.roles.is_empty()
            && a.roles
                .iter()
                .all(|r| r.0.ends_with("MED") && !r.0.contains("GOV"));
        let outlet_word = name
            .last()
            .is_some_and(|w| OUTLET_LAST_WORDS.contains(&normalize_str(w).as_str()));
        // Only with a state, and no common word in the name.
        let outlet_state = a
            .roles
            .iter()
            .find_map(|r| cx.state_by_iso3.get(r.0.get(..3)?).copied());
        if media_only && name.len() >= 2 && outlet_word {
            if let (Some(s), false) = (outlet_state, name.iter().any(|w| common_any(common, w))) {
                let ar = name.join(" ");
                let id = format!("L:org:{}", normalize_str(&ar).replace(' ', "_"));
                if !cx.entries.iter().any(|e| e.id == id) {
                    let mut e = new_entry(id, None, Class::Org, ar, "oeda_arabic_dictionaries");
                    e.country = Some(cx.entries[s].id.clone());
                    cx.entries.push(e);
                    outlets += 1;
                }
            }
            continue;
        }
        let mut states = HashSet::new();
        let mut roles = Vec::new();
        for (code, _, from, to) in &a.roles {
            let Some(iso) = code.get(..3) else { continue };
            let Some(&s) = cx.state_by_iso3.get(iso) else {
                continue;
            };
            states.insert(s);
            if code.get(3..6) == Some("GOV") {
                roles.push((s, from.clone(), to.clone()));
            }
        }
        if let Some(s) = title_state {
            states.insert(s);
        }
        if states.is_empty() {
            no_state += 1;
            continue;
        }
        if name.len() == 1 {
            singles.push((name[0].clone(), states));
            continue;
        }
        // The dictionary writes lemmas, so a regnal number has lost its article: "محمد سادس" is
        // written "محمد السادس" (Mohammed VI). "آل ثاني" is a family, not a number.
        let mut name = name.to_vec();
        if let [.., before, last] = &mut name[..] {
            if regnal_numeral(last).is_some() && !matches!(before.as_str(), "ال" | "آل") {
                last.insert_str(0, "ال");
            }
        }
        let name = &name[..];
        // One name, two people: the dictionary's "ملك عبد الله" is the Saudi king (2005-2015) in one
        // entry and the Jordanian king (since 1999) in another, as "خالد العطية" is an Iraqi and a
        // Qatari official. Offices in two states at the same time make two persons; an office that
        // moves (Salva Kiir, Sudan then South Sudan) or a second citizenship does not.
        let base = normalize_str(&name.join(" "));
        let clashes = |p: &P| {
            p.roles.iter().any(|r| {
                roles.iter().any(|(s, from, to)| {
                    cx.entries[*s].id != r.of
                        && from.is_some()
                        && r.from.is_some()
                        && !p.roles.iter().any(|x| x.of == cx.entries[*s].id)
                        && from.as_deref() < r.to.as_deref().or(Some("9999"))
                        && r.from.as_deref() < to.as_deref().or(Some("9999"))
                })
            })
        };
        let key = std::iter::once(base.clone())
            .chain(states.iter().map(|s| format!("{base}:{}", iso3_of[s])))
            .find(|k| people.get(k).is_some_and(|p| !clashes(p)))
            .unwrap_or_else(|| {
                if people.contains_key(&base) {
                    let s = states.iter().min().copied().unwrap_or_default();
                    format!("{base}:{}", iso3_of[&s])
                } else {
                    base.clone()
                }
            });
        let p = people.entry(key).or_insert_with(|| P {
            toks: name.to_vec(),
            roles: Vec::new(),
            head_of: HashSet::new(),
            minister_of: HashMap::new(),
            states: HashSet::new(),
            singles: Vec::new(),
            aliases: Vec::new(),
        });
        p.states.extend(states.iter().copied());
        for (s, from, to) in roles {
            let r = Role {
                rel: String::new(),
                of: cx.entries[s].id.clone(),
                title: None,
                from,
                to,
            };
            if !p.roles.contains(&r) {
                p.roles.push(r);
            }
        }
        if let Some((rel, title)) = kind {
            let target: Vec<usize> = match title_state {
                Some(s) => vec![s],
                None => states.iter().copied().collect(),
            };
            for s in target {
                if rel == "leader_of" {
                    p.head_of.insert(s);
                } else {
                    p.minister_of.insert(s, title.clone());
                }
            }
        }
    }
    // A shorter name of a person the dictionary also names in full, with the same dated office
    // ("ملك عبد الله", SAUGOV 2005-2015, beside "عبد الله بن عبد العزيز", SAUGOV 2005-2015), is
    // that person.
    let keys: Vec<String> = people.keys().cloned().collect();
    let mut absorbed = 0;
    for k in &keys {
        let p = &people[k];
        let norm: Vec<String> = p.toks.iter().map(|t| normalize_str(t)).collect();
        let into: Vec<&String> = keys
            .iter()
            .filter(|o| *o != k && people.contains_key(*o))
            .filter(|o| {
                let q = &people[*o];
                q.toks.len() > norm.len()
                    && q.toks[..norm.len()]
                        .iter()
                        .map(|t| normalize_str(t))
                        .eq(norm.iter().cloned())
                    && q.roles.iter().any(|r| {
                        r.from.is_some()
                            && p.roles
                                .iter()
                                .any(|d| d.of == r.of && d.from == r.from && d.to == r.to)
                    })
            })
            .collect();
        if let [o] = into[..] {
            let o = o.clone();
            let Some(p) = people.remove(k) else { continue };
            absorb(people.get_mut(&o).expect("merge target present"), p);
            absorbed += 1;
        }
    }
    // Two entries that took the same head-of-state office on the same day, with the same given
    // name, are one ruler under two names: "عبد الله ثاني" and "عبدالله بن الحسين" (Jordan, 1999-02-07).
    // The name without a lineage particle is the one the news uses.
    let given = |t: &[String]| -> String {
        match t {
            [a, b, ..] if normalize_str(a) == "عبد" => normalize_str(&format!("{a}{b}")),
            [a, ..] => normalize_str(a),
            [] => String::new(),
        }
    };
    let lineage_name = |t: &[String]| {
        t.iter()
            .any(|w| matches!(normalize_str(w).as_str(), "بن" | "ابن" | "بنت"))
    };
    // Pairs are kept only where each side has exactly one partner: OEDA dates many Saudi princes'
    // "leadership" from the same day.
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (k, p) in &people {
        if !lineage_name(&p.toks) {
            continue;
        }
        let same_reign = |q: &P| {
            q.roles.iter().any(|r| {
                r.from.is_some()
                    && p.head_of.iter().any(|&s| cx.entries[s].id == r.of)
                    && q.head_of.iter().any(|&s| cx.entries[s].id == r.of)
                    && p.roles
                        .iter()
                        .any(|d| d.of == r.of && d.from == r.from && d.to == r.to)
            })
        };
        for (o, q) in &people {
            if o != k && !lineage_name(&q.toks) && given(&q.toks) == given(&p.toks) && same_reign(q)
            {
                pairs.push((k.clone(), o.clone()));
            }
        }
    }
    for (k, o) in &pairs {
        let once = |x: &String| pairs.iter().filter(|(a, b)| a == x || b == x).count() == 1;
        if !(once(k) && once(o)) {
            continue;
        }
        let Some(p) = people.remove(k) else { continue };
        absorb(people.get_mut(o).expect("merge target present"), p);
        absorbed += 1;
    }
    // A name split by state keeps its plain key where the other person went away.
    for k in keys.iter().filter(|k| k.contains(':')) {
        let base = k.split(':').next().unwrap_or(k).to_string();
        if !people.contains_key(&base) {
            if let Some(p) = people.remove(k) {
                people.insert(base, p);
            }
        }
    }
    // A one-word name joins the person whose surname it is, when they share a state and only one does.
    // The last word of a lineage name (فيصل بن سلمان) is a father's name, not a surname: the one-word
    // entry سلمان is King Salman, not the prince.
    let mut by_last: HashMap<String, Vec<String>> = HashMap::new();
    for (k, p) in &people {
        // So is a family name after آل (راشد عبد الله آل خليفة): خليفة alone is also Khalifa Haftar.
        let lineage = p.toks[..p.toks.len().saturating_sub(1)].iter().any(|t| {
            matches!(
                normalize_str(t).as_str(),
                "بن" | "ابن" | "بنت" | "ال" | "آل"
            )
        });
        if lineage {
            continue;
        }
        if let Some(l) = p.toks.last() {
            by_last.entry(normalize_str(l)).or_default().push(k.clone());
        }
    }
    let (mut singles_joined, mut singles_dropped) = (0, 0);
    for (s, states) in singles {
        let cands: Vec<&String> = by_last
            .get(&normalize_str(&s))
            .map(|v| {
                v.iter()
                    .filter(|k| people[*k].states.iter().any(|x| states.contains(x)))
                    .collect()
            })
            .unwrap_or_default();
        if cands.len() == 1 {
            let k = cands[0].clone();
            if let Some(p) = people.get_mut(&k) {
                push_unique(&mut p.singles, s);
            }
            singles_joined += 1;
        } else {
            singles_dropped += 1;
        }
    }
    // One person spelled two ways: the dictionary lists "بنجامين نتنياهو" and "بنيامين نتنياهو"
    // apart, the same office from the same day under each. Same surname, given names that are one
    // transliteration (the linker's own test), and an office of one state from one day make one
    // person; the entry with more dated offices keeps its name. Pairs are kept only where each side
    // has exactly one partner. This runs after the one-word names joined: a lone "موسى" that both
    // spellings of عمرو موسى made ambiguous stays dropped, since the news names other men so.
    let mut spelled: Vec<(String, String)> = Vec::new();
    for (k, p) in &people {
        for (o, q) in &people {
            let one_spelling = k < o
                && p.toks.len() == q.toks.len()
                && p.toks.len() >= 2
                && normalize_str(&p.toks[p.toks.len() - 1])
                    == normalize_str(&q.toks[q.toks.len() - 1])
                && p.toks.iter().zip(&q.toks).all(|(a, b)| {
                    let (a, b) = (normalize_str(a), normalize_str(b));
                    crate::link::same_name(&a, &b)
                        || crate::text::skeleton(&a) == crate::text::skeleton(&b)
                });
            let same_office = || {
                p.roles.iter().any(|r| {
                    r.from.is_some() && q.roles.iter().any(|d| d.of == r.of && d.from == r.from)
                })
            };
            if one_spelling && same_office() {
                spelled.push((k.clone(), o.clone()));
            }
        }
    }
    for (k, o) in &spelled {
        let once = |x: &String| spelled.iter().filter(|(a, b)| a == x || b == x).count() == 1;
        if !(once(k) && once(o)) {
            continue;
        }
        let dated = |x: &String| people[x].roles.iter().filter(|r| r.from.is_some()).count();
        let (from, into) = if dated(k) > dated(o) { (o, k) } else { (k, o) };
        let Some(p) = people.remove(from) else {
            continue;
        };
        absorb(people.get_mut(into).expect("merge target present"), p);
        absorbed += 1;
    }
    let mut n = 0;
    let mut with_en = 0;
    for (key, p) in people {
        let mut e = new_entry(
            format!("L:per:{}", key.replace(' ', "_")),
            None,
            Class::Person,
            p.toks.join(" "),
            "oeda_arabic_dictionaries",
        );
        for s in p.singles {
            if !common_any(common, &s) {
                add_alias(&mut e, s);
            }
        }
        for a in p.aliases {
            add_alias(&mut e, a);
        }
        let en: Option<Vec<String>> = p
            .toks
            .iter()
            .enumerate()
            .map(
                |(i, t)| match t.strip_prefix("ال").and_then(regnal_numeral) {
                    Some(roman) if i > 0 => Some(roman.to_string()),
                    _ => translit.get(&normalize_str(t)).map(|x| capitalise(x)),
                },
            )
            .collect();
        if let Some(en) = en {
            e.en = Some(en.join(" "));
            with_en += 1;
            add_src(&mut e, "names_wikidata_translit_ar/names_anetac");
        }
        let mut roles = p.roles;
        for r in &mut roles {
            let s = cx
                .entries
                .iter()
                .position(|x| x.id == r.of)
                .unwrap_or(usize::MAX);
            if p.head_of.contains(&s) {
                r.rel = "leader_of".into();
            } else if let Some(t) = p.minister_of.get(&s) {
                r.rel = "minister_of".into();
                r.title = Some(t.clone());
            } else {
                r.rel = "official_of".into();
            }
        }
        // A title with no dated GOV role still says what the person was.
        for &s in &p.head_of {
            let id = cx.entries[s].id.clone();
            if !roles.iter().any(|r| r.of == id) {
                roles.push(Role {
                    rel: "leader_of".into(),
                    of: id,
                    title: None,
                    from: None,
                    to: None,
                });
            }
        }
        e.roles = merge_roles(roles);
        if let Some(&s) = p.states.iter().min() {
            e.country = Some(cx.entries[s].id.clone());
        }
        cx.entries.push(e);
        n += 1;
    }
    cx.report.say(format!(
        "oeda actor_dict_ar_v4: {} actor entries, {n} persons kept ({with_en} with an English name from the name-pair \
         tables), {non_person} organisations/bodies skipped, {outlets} media outlets kept as organisations, {no_state} \
         without a known state skipped, {singles_joined} \
         one-word names joined to a person, {singles_dropped} one-word names dropped (ambiguous or unknown), {absorbed} \
         shorter names or second names joined to the full name with the same dated office",
        actors.len()
    ));
    Ok(())
}

/// The Roman numeral of a regnal ordinal written without its article (ثاني → II), as the OEDA
/// dictionary writes the numbers of kings and popes.
/// The dictionary writes words segmented, a proclitic letter as its own token: "ب_أن_كي_مون" is
/// Ban Ki-moon, "ادريس_ل_شكر" Driss Lachgar, and "ل_رئيس_صدام_حسين" a phrase cut from "للرئيس صدام
/// حسين". A proclitic before a title is dropped (the title is then read as one); any other is
/// written back onto a particle it was cut from when that makes a known name word (ب + أن = بان:
/// the segmenter read a name's letters as the particle أن and restored its hamza) and left apart
/// otherwise: "ل شكر" may be لشكر or a phrase, and a name-word list too loose to tell (it holds
/// "بولاية") must not decide.
fn rejoin_proclitics(toks: &[String], name_words: &HashMap<String, String>) -> Vec<String> {
    const PROCLITICS: &[&str] = &["ب", "ل", "و", "ف", "ك", "س"];
    let is_title = |t: &String| {
        let t = t.as_str();
        HEAD_TITLES.contains(&t) || MINISTER_TITLES.contains(&t) || OTHER_TITLES.contains(&t)
    };
    let mut rest = toks;
    if let [first, next, ..] = toks {
        if PROCLITICS.contains(&first.as_str()) && is_title(next) {
            rest = &toks[1..];
        }
    }
    let mut out: Vec<String> = Vec::with_capacity(rest.len());
    let mut i = 0;
    while i < rest.len() {
        if let (true, Some(next)) = (PROCLITICS.contains(&rest[i].as_str()), rest.get(i + 1)) {
            let word = next
                .strip_prefix(['أ', 'إ'])
                .map_or_else(|| next.clone(), |w| format!("ا{w}"));
            let glued = format!("{}{word}", rest[i]);
            if name_words.contains_key(&normalize_str(&glued))
                && crate::link::FUNCTION_WORDS.contains(&normalize_str(next).as_str())
            {
                out.push(glued);
                i += 2;
                continue;
            }
        }
        out.push(rest[i].clone());
        i += 1;
    }
    out
}

fn regnal_numeral(w: &str) -> Option<&'static str> {
    Some(match w {
        "أول" | "اول" => "I",
        "ثاني" => "II",
        "ثالث" => "III",
        "رابع" => "IV",
        "خامس" => "V",
        "سادس" => "VI",
        "سابع" => "VII",
        "ثامن" => "VIII",
        "تاسع" => "IX",
        "عاشر" => "X",
        _ => return None,
    })
}

/// Whether `w` or one of its clitic-stripped readings is a common word.
fn common_any(common: &HashSet<String>, w: &str) -> bool {
    let n = normalize_str(w);
    let hit = crate::text::clitic_readings(&n).any(|(_, s)| common.contains(s));
    hit
}

/// Merges overlapping or touching intervals of the same role (the dictionary repeats them).
fn merge_roles(mut roles: Vec<Role>) -> Vec<Role> {
    roles.sort_by(|a, b| {
        (&a.rel, &a.of, &a.title, &a.from).cmp(&(&b.rel, &b.of, &b.title, &b.from))
    });
    let mut out: Vec<Role> = Vec::new();
    for r in roles {
        if let Some(last) = out.last_mut() {
            if last.rel == r.rel && last.of == r.of && last.title == r.title {
                let overlaps = match (&last.to, &r.from) {
                    (None, _) | (_, None) => true,
                    (Some(t), Some(f)) => f <= t,
                };
                if overlaps {
                    last.to = match (&last.to, &r.to) {
                        (None, _) | (_, None) => None,
                        (Some(a), Some(b)) => Some(a.max(b).clone()),
                    };
                    continue;
                }
            }
        }
        out.push(r);
    }
    out
}

fn apply_curated(cx: &mut Ctx, path: &Path) -> Result<(), KbError> {
    let text = read(path)?;
    let mut applied = 0;
    for (ln, line) in text.lines().enumerate() {
        let line = line.split(" #").next().unwrap_or("").trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [id, class, field, ar, en, ..] = f[..] else {
            return Err(KbError::Data(format!(
                "{}:{}: expected 5 tab-separated fields",
                path.display(),
                ln + 1
            )));
        };
        let idx = match cx.entries.iter().position(|e| e.id == id) {
            Some(i) => i,
            None => {
                let class = match class {
                    "org" => Class::Org,
                    "state" => Class::State,
                    "city" => Class::City,
                    "person" => Class::Person,
                    "region" => Class::Region,
                    _ => {
                        return Err(KbError::Data(format!(
                            "{}:{}: unknown class {class}",
                            path.display(),
                            ln + 1
                        )))
                    }
                };
                let qid = id.starts_with('Q').then(|| id.to_string());
                let mut e = new_entry(id.to_string(), qid, class, ar.to_string(), "curated");
                if !en.is_empty() && en != "-" {
                    e.en = Some(en.to_string());
                }
                cx.entries.push(e);
                cx.entries.len() - 1
            }
        };
        let e = &mut cx.entries[idx];
        if e.ar.is_empty() {
            e.ar = ar.to_string();
        }
        if e.en.is_none() && !en.is_empty() && en != "-" {
            e.en = Some(en.to_string());
        }
        match field {
            "name" => add_alias(e, ar.to_string()),
            "adj" => push_unique(&mut e.adj, ar.to_string()),
            "metonym" => push_unique(&mut e.metonyms, ar.to_string()),
            // A source's label that belongs to another item (world-cities gives Aden the label of
            // the adenovirus): the name goes, and the next name becomes the display name.
            "drop" => {
                e.aliases.retain(|a| a != ar);
                if e.ar == ar {
                    if e.aliases.is_empty() {
                        return Err(KbError::Data(format!(
                            "{}:{}: dropping {ar:?} would leave {id} without a name",
                            path.display(),
                            ln + 1
                        )));
                    }
                    e.ar = e.aliases.remove(0);
                }
            }
            _ => {
                return Err(KbError::Data(format!(
                    "{}:{}: unknown field {field}",
                    path.display(),
                    ln + 1
                )))
            }
        }
        add_src(e, "curated");
        applied += 1;
    }
    cx.report
        .say(format!("curated.tsv: {applied} lines applied"));
    Ok(())
}

/// Words that ANERcorp *train* tags as a whole one-token entity at least 5 times and in at least
/// 30 % of their occurrences: الجزيرة (the channel), الخليج (the Gulf), الريف. A one-word name the
/// tagger proposes that is otherwise only the head noun of longer names (المنظمة، حزب، المدينة)
/// stands for a name only if it is one of these.
pub fn standalone_names_from_anercorp_train(path: &Path) -> Result<Vec<String>, KbError> {
    let text = read(path)?;
    let rows = conll_rows(&text);
    // (seen, a whole one-token entity)
    let mut counts: HashMap<&str, (u32, u32)> = HashMap::new();
    for (i, (w, tag)) in rows.iter().enumerate() {
        let c = counts.entry(w.as_str()).or_default();
        c.0 += 1;
        let next_inside = rows.get(i + 1).is_some_and(|(_, t)| t.starts_with("I-"));
        if tag.starts_with("B-") && !next_inside {
            c.1 += 1;
        }
    }
    let mut v: Vec<String> = counts
        .into_iter()
        .filter(|(_, (seen, alone))| *alone >= 5 && f64::from(*alone) >= 0.3 * f64::from(*seen))
        .map(|(w, _)| w.to_string())
        .collect();
    v.sort();
    Ok(v)
}

/// Writes one word per line under a `#` header to `out/name`; returns the number of words.
fn write_word_list(
    out: &Path,
    name: &str,
    header: &str,
    words: &[String],
) -> Result<usize, KbError> {
    let mut s = String::from(header);
    for w in words {
        s.push_str(w);
        s.push('\n');
    }
    let path = out.join(name);
    fs::write(&path, s).map_err(|source| KbError::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(words.len())
}

/// Writes `standalone_names.txt` (from ANERcorp train) into `out`, for the linker's check of
/// one-word head nouns.
pub fn write_standalone_names(data: &Path, out: &Path) -> Result<usize, KbError> {
    let words =
        standalone_names_from_anercorp_train(&data.join("anercorp/ANERCorp_CamelLab_train.txt"))?;
    write_word_list(
        out,
        "standalone_names.txt",
        "# Words tagged as a whole one-token entity at least 5 times and in at least 30 % of their uses\n\
         # in ANERcorp (CAMeL Lab train split), normalised. Built by `marsad kb build`; see kb/SOURCES.md.\n",
        &words,
    )
}

/// Writes `common_words.txt` (from ANERcorp train) into `out`, for the linker's name patterns.
pub fn write_common_words(data: &Path, out: &Path) -> Result<usize, KbError> {
    let words =
        common_words_from_anercorp_train(&data.join("anercorp/ANERCorp_CamelLab_train.txt"))?;
    write_word_list(
        out,
        "common_words.txt",
        "# Common Arabic words (normalised): tokens tagged O at least 3 times and never as an entity in\n\
         # ANERcorp (CAMeL Lab train split). Built by `marsad kb build`; see kb/SOURCES.md.\n",
        &words,
    )
}

/// Writes `name_tokens.tsv` (normalised Arabic person-name token → English spelling) into `out`: the
/// lexicon the linker uses to accept a one-word name after a title and to give new people English names.
pub fn write_name_tokens(data: &Path, out: &Path) -> Result<usize, KbError> {
    let common: HashSet<String> =
        common_words_from_anercorp_train(&data.join("anercorp/ANERCorp_CamelLab_train.txt"))?
            .into_iter()
            .collect();
    let t = translit_table(data)?;
    let mut v: Vec<(&String, &String)> = t
        .iter()
        .filter(|(ar, _)| {
            ar.chars().count() >= 2
                && !common.contains(*ar)
                && !crate::link::FUNCTION_WORDS.contains(&ar.as_str())
                && ar.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
        })
        .collect();
    v.sort();
    let mut s = String::from(
        "# Arabic person-name tokens (normalised) and their most frequent English spelling, from\n\
         # names_wikidata_translit_ar (CC0) and names_anetac PERSON pairs; common words removed. See kb/SOURCES.md.\n",
    );
    for (ar, en) in &v {
        s.push_str(ar);
        s.push('\t');
        s.push_str(en);
        s.push('\n');
    }
    let path = out.join("name_tokens.tsv");
    fs::write(&path, s).map_err(|source| KbError::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(v.len())
}

/// Writes entries as JSON lines.
pub fn write_jsonl(entries: &[KbEntry], out: &Path) -> Result<(), KbError> {
    let mut s = String::new();
    for e in entries {
        s.push_str(&serde_json::to_string(e).map_err(|e| KbError::Data(e.to_string()))?);
        s.push('\n');
    }
    fs::write(out, s).map_err(|source| KbError::Io {
        path: out.display().to_string(),
        source,
    })
}
