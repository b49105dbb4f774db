//! Organisations from the OEDA actor dictionary: parties, movements, armed groups, agencies and
//! international bodies, with the state their CAMEO code names.
//!
//! The dictionary writes names as lemmas (`حزب_عدالة_و_تنمية_`, `منظمة_تحرير_فلسطيني_`): no article,
//! masculine adjectives, particles apart. News writes them definite and agreeing (حزب العدالة
//! والتنمية, منظمة التحرير الفلسطينية), so each lemma is turned into its few grammatical surface
//! forms, and the form running news uses most (ANT, when present) becomes the display name.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use marsad_text::normalize_str;

use super::{add_alias, add_src, common_any, new_entry, Actor, Ctx};
use crate::model::Class;

/// First words of an organisation's name. Left out on purpose: state bodies (جيش، قوات، وزارة،
/// حكومة، شرطة), which the event layer reads as a state's agents, and words that also head places
/// or generic descriptions (محكمة، لجنة، مكتب).
const ORG_HEADS: &[&str] = &[
    "حركة",
    "حزب",
    "منظمة",
    "جماعة",
    "جبهة",
    "تنظيم",
    "اتحاد",
    "مجلس",
    "تحالف",
    "ائتلاف",
    "هيئة",
    "وكالة",
    "كتائب",
    "ميليشيا",
    "رابطة",
    "مؤسسة",
    "جمعية",
    "بنك",
    "صندوق",
    "شركة",
    "تيار",
];

/// CAMEO codes that name no state but still an actor beyond one: intergovernmental, non-governmental,
/// international militarised groups, international.
const STATELESS: &[&str] = &["IGO", "NGO", "IMG", "INT"];

/// Roles that make a one-word actor a group (rebels, opposition, armed, radical) rather than a person.
const GROUP_ROLES: &[&str] = &["REB", "OPP", "UAF", "RAD"];

/// Dictionary particles written apart (`و_تنمية`, `ل_مقاومة`, `حزب_ال_رابطة`).
const PARTICLES: &[&str] = &["و", "ل", "ال"];

/// A word of a lemma that may be a nisba adjective (إسلامي، فلسطيني، مركزي): it agrees in gender.
fn nisba_like(w: &str) -> bool {
    let n = normalize_str(w);
    let n = n.strip_prefix("ال").unwrap_or(&n);
    n.ends_with('ي') && n.chars().count() >= 4
}

fn definite(w: &str) -> bool {
    w.starts_with("ال") || w.starts_with("أل")
}

/// Prepositions the dictionary writes as words (حركة_تحرير_في_...): kept as they are.
const PREPOSITIONS: &[&str] = &["في", "من", "على", "عن", "إلى", "الى", "ضد"];

/// Whether a lemma word already carries the article, alone or after a proclitic (والمساواة، للإنقاذ).
fn has_article(w: &str) -> bool {
    definite(w)
        || ["وال", "بال", "كال", "فال", "لل"]
            .iter()
            .any(|p| w.starts_with(p) && w.chars().count() > 4)
}

/// The candidate surface forms of a lemma name, most likely first: the words after the head
/// definite (حزب العدالة), the head bare or definite (الاتحاد الأفريقي when an adjective follows
/// it), nisba adjectives also feminine when a feminine noun (ending in ة) precedes them (منظمة
/// التحرير الفلسطينية), and the lemma as written when no word after the head is an adjective or a
/// common word (حركة حماس, وكالة فارس). Running text decides which of them are real
/// ([`phrase_counts`]).
pub(crate) fn surface_forms(toks: &[String], common: &HashSet<String>) -> Vec<String> {
    let Some((head, rest)) = toks.split_first() else {
        return Vec::new();
    };
    let content: Vec<&String> = rest
        .iter()
        .filter(|t| !PARTICLES.contains(&t.as_str()) && !PREPOSITIONS.contains(&t.as_str()))
        .collect();
    let head_adj = content.first().is_some_and(|t| nisba_like(t));
    let def_head = if definite(head) {
        head.clone()
    } else {
        format!("ال{head}")
    };
    let heads = if head_adj {
        [def_head, head.clone()]
    } else {
        [head.clone(), def_head]
    };
    let fem_allowed = {
        // A nisba after a feminine noun of the name may agree with it.
        let mut seen_fem = head.ends_with('ة');
        let mut any = false;
        for t in &content {
            if nisba_like(t) && seen_fem {
                any = true;
            }
            if !nisba_like(t) && t.ends_with('ة') {
                seen_fem = true;
            }
        }
        any
    };
    let render = |head: &str, make_definite: bool, fem: bool| -> String {
        let mut words = vec![head.to_string()];
        let mut pre = String::new();
        for t in rest {
            if PARTICLES.contains(&t.as_str()) {
                pre.push_str(t);
                continue;
            }
            if PREPOSITIONS.contains(&t.as_str()) {
                words.push(format!("{pre}{t}"));
                pre.clear();
                continue;
            }
            let mut w = t.clone();
            if make_definite && !has_article(&w) && !pre.ends_with("ال") {
                w = format!("ال{w}");
            }
            if fem && nisba_like(&w) && !w.ends_with('ة') {
                w.push('ة');
            }
            // ل + ال is written لل.
            if pre.ends_with('ل') && !pre.ends_with("ال") {
                if let Some(s) = w.strip_prefix("ال") {
                    pre.pop();
                    w = format!("لل{s}");
                }
            }
            words.push(format!("{pre}{w}"));
            pre.clear();
        }
        words.join(" ")
    };
    let fem_first = head.ends_with('ة');
    let mut out = Vec::new();
    for h in &heads {
        if fem_allowed && fem_first {
            out.push(render(h, true, true));
        }
        out.push(render(h, true, false));
        if fem_allowed && !fem_first {
            out.push(render(h, true, true));
        }
    }
    let literal_ok = !content
        .iter()
        .any(|t| nisba_like(t) || common_any(common, t));
    if literal_ok {
        out.insert(1.min(out.len()), render(head, false, false));
    }
    let mut seen = HashSet::new();
    out.retain(|f| seen.insert(normalize_str(f)));
    out
}

/// How often each phrase (normalised, space-separated) occurs in the `text` fields of a JSON Lines
/// corpus; the first word may carry proclitics (لحركة حماس).
pub(crate) fn phrase_counts(jsonl: &str, phrases: &HashSet<String>) -> HashMap<String, u32> {
    let mut by_first: HashMap<&str, Vec<Vec<&str>>> = HashMap::new();
    for p in phrases {
        let ws: Vec<&str> = p.split(' ').collect();
        by_first.entry(ws[0]).or_default().push(ws);
    }
    let mut counts: HashMap<String, u32> = HashMap::new();
    for line in jsonl.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(body) = v.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let norm = normalize_str(body);
        let words: Vec<&str> = crate::text::tokens(&norm).map(|(_, w)| w).collect();
        for (i, w) in words.iter().enumerate() {
            for (p, stem) in crate::text::clitic_readings(w) {
                // Proclitics only: the article is part of the form (الحزب ≠ حزب).
                if w[..p].ends_with("ال") || w[..p].ends_with("لل") {
                    continue;
                }
                let Some(cands) = by_first.get(stem) else {
                    continue;
                };
                for c in cands {
                    if words.len() >= i + c.len() && words[i + 1..i + c.len()] == c[1..] {
                        *counts.entry(c.join(" ")).or_default() += 1;
                    }
                }
            }
        }
    }
    counts
}

/// Words ANERcorp *train* shows at least 3 times, at least half of them untagged: ordinary words
/// (فتح "opened", قاعدة "base") that a one-word organisation alias would fire on.
pub(crate) fn mostly_untagged(anercorp_train: &str) -> HashSet<String> {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for line in anercorp_train.lines() {
        let mut it = line.split_whitespace();
        let (Some(w), Some(tag)) = (it.next(), it.next()) else {
            continue;
        };
        let c = counts.entry(normalize_str(w)).or_default();
        c.0 += 1;
        if tag == "O" {
            c.1 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, (n, o))| *n >= 3 && *o * 2 >= *n)
        .map(|(w, _)| w)
        .collect()
}

/// Inputs of [`oeda_orgs`] beyond the context.
pub(crate) struct OrgInputs<'a> {
    /// The dictionary's actors.
    pub actors: &'a [Actor],
    /// Common words (ANERcorp train, never an entity).
    pub common: &'a HashSet<String>,
    /// Words mostly untagged in ANERcorp train.
    pub untagged: &'a HashSet<String>,
    /// Person-name tokens (normalised) of the name-pair tables.
    pub person_tokens: &'a HashSet<String>,
    /// Name tokens the ANETAC pairs class as a place or a person (أبخازيا، كشمير).
    pub place_or_person_tokens: &'a HashSet<String>,
    /// Raw ANT JSON Lines, if present (only to choose display names).
    pub ant: Option<&'a str>,
}

/// Names many states give their own body (normalised): the dictionary codes them with one state
/// (مجلس الشعب as Egypt's), but in news they are as often Syria's or another's.
const COUNTRY_AMBIGUOUS: &[&str] = &[
    "مجلس الشعب",
    "مجلس الشورى",
    "مجلس النواب",
    "مجلس الأمة",
    "مجلس الوزراء",
    "المجلس الوطني",
    "المجلس التشريعي",
    "مجلس الشيوخ",
];

/// A one-word group name must occur at least this often in ANT to be kept: the dictionary's one-word
/// entries include surnames and common words coded as groups.
const MIN_SINGLE: u32 = 5;

struct Cand {
    /// Candidate names, most likely first.
    forms: Vec<String>,
    states: BTreeSet<usize>,
    stateless: bool,
    /// A one-word dictionary entry (الحوثيون), not a headed name.
    single: bool,
    /// One-word short names (حماس from حركة حماس).
    short: Vec<String>,
}

/// The key one-word group names share across number and article (الحوثيون، الحوثيين، حوثيين).
fn single_key(w: &str) -> String {
    let n = normalize_str(w);
    let n = n.strip_prefix("ال").unwrap_or(&n);
    for suf in ["يون", "يين", "ون", "ين"] {
        if let Some(s) = n.strip_suffix(suf) {
            if s.chars().count() >= 3 {
                return s.to_string();
            }
        }
    }
    n.to_string()
}

/// Adds the dictionary's organisations to the KB, merging into an existing entry that already has
/// one of the forms as a name. With ANT present, a name form is kept only if running news writes it
/// (a headed name at least once, a one-word name [`MIN_SINGLE`] times), which weeds out the lemma
/// forms of broken plurals (الأخ المسلم for الإخوان المسلمون) no grammar rule here can restore;
/// without ANT, only the most likely form of each headed name is kept.
pub(crate) fn oeda_orgs(cx: &mut Ctx, inp: &OrgInputs) {
    let code_state = |code: &str| -> Option<Option<usize>> {
        let p = code.get(..3)?;
        if STATELESS.contains(&p) {
            Some(None)
        } else {
            cx.state_by_iso3.get(p).map(|&s| Some(s))
        }
    };
    let state_adj: HashSet<String> = cx
        .entries
        .iter()
        .filter(|e| e.class == Class::State)
        .flat_map(|e| e.adj.iter())
        .map(|a| {
            let n = normalize_str(a);
            n.strip_prefix("ال").unwrap_or(&n).to_string()
        })
        .collect();
    let is_state_adj = |w: &str| {
        let n = normalize_str(w);
        let n = n.strip_prefix("ال").unwrap_or(&n).to_string();
        state_adj.contains(&n) || state_adj.contains(&format!("{n}ه"))
    };
    // Surnames of the KB's people (عرفات of ياسر عرفات): the dictionary codes some alone as groups.
    let surnames: HashSet<String> = cx
        .entries
        .iter()
        .filter(|e| e.class == Class::Person)
        .filter_map(|e| e.ar.split(' ').next_back().map(normalize_str))
        .collect();
    let place_names: HashSet<String> = cx
        .entries
        .iter()
        .filter(|e| matches!(e.class, Class::State | Class::City | Class::Region))
        .flat_map(|e| std::iter::once(&e.ar).chain(&e.aliases))
        .map(|a| normalize_str(a))
        .collect();
    let short_ok = |w: &str| -> bool {
        let n = normalize_str(w);
        let bare = n.strip_prefix("ال").unwrap_or(&n).to_string();
        let with_article = format!("ال{bare}");
        n.chars().count() >= 3
            && !common_any(inp.common, w)
            && ![&n, &bare, &with_article]
                .iter()
                .any(|x| inp.untagged.contains(*x) || inp.common.contains(*x))
            && !inp.person_tokens.contains(&n)
            && !surnames.contains(&n)
            && !place_names.contains(&n)
            && !place_names.contains(&bare)
    };
    let mut cands: BTreeMap<String, Cand> = BTreeMap::new();
    let (mut generic, mut no_state) = (0, 0);
    for a in inp.actors {
        let toks = &a.names[0];
        if toks.is_empty() {
            continue;
        }
        let known: Vec<Option<usize>> = a.roles.iter().filter_map(|r| code_state(&r.0)).collect();
        let single = toks.len() == 1;
        let (key, forms, short) = if single {
            let group = !a.roles.is_empty()
                && a.roles.iter().all(|r| {
                    STATELESS.iter().any(|p| r.0.starts_with(p))
                        || r.0.get(3..6).is_some_and(|x| GROUP_ROLES.contains(&x))
                });
            // A nisba-shaped one-word name is a surname (العبسي) or an adjective, not a group.
            let n = normalize_str(&toks[0]);
            if !group
                || !short_ok(&toks[0])
                || nisba_like(&toks[0])
                || inp.place_or_person_tokens.contains(&n)
            {
                continue;
            }
            (
                format!("1:{}", single_key(&toks[0])),
                vec![toks[0].clone()],
                None,
            )
        } else {
            if !ORG_HEADS.contains(&toks[0].as_str()) {
                continue;
            }
            let content: Vec<&String> = toks[1..]
                .iter()
                .filter(|t| !PARTICLES.contains(&t.as_str()) && !PREPOSITIONS.contains(&t.as_str()))
                .collect();
            if content.is_empty() || content.iter().all(|t| is_state_adj(t)) {
                generic += 1;
                continue;
            }
            let forms = surface_forms(toks, inp.common);
            if forms.iter().any(|f| {
                COUNTRY_AMBIGUOUS
                    .iter()
                    .any(|g| normalize_str(g) == normalize_str(f))
            }) {
                generic += 1;
                continue;
            }
            let Some(first) = forms.first() else { continue };
            // "HEAD X" with X a proper name: X alone names the organisation too (حماس).
            let proper = content.len() == 1
                && (definite(content[0])
                    || forms
                        .iter()
                        .any(|f| !f.contains(" ال") && f.split(' ').count() == 2));
            let short = (proper && short_ok(content[0])).then(|| content[0].clone());
            (normalize_str(first), forms, short)
        };
        if known.is_empty() {
            no_state += 1;
            continue;
        }
        let c = cands.entry(key).or_insert_with(|| Cand {
            forms: Vec::new(),
            states: BTreeSet::new(),
            stateless: false,
            single,
            short: Vec::new(),
        });
        for f in forms {
            if !c.forms.contains(&f) {
                c.forms.push(f);
            }
        }
        for k in known {
            match k {
                Some(s) => {
                    c.states.insert(s);
                }
                None => c.stateless = true,
            }
        }
        if let Some(s) = short {
            if !c.short.contains(&s) {
                c.short.push(s);
            }
        }
    }
    // One-word entries that are the short name of a headed one join it (حماس → حركة حماس).
    let mut short_owner: HashMap<String, String> = HashMap::new();
    for (k, c) in &cands {
        for s in &c.short {
            short_owner.insert(format!("1:{}", single_key(s)), k.clone());
        }
    }
    let joined: Vec<String> = cands
        .keys()
        .filter(|k| short_owner.contains_key(*k))
        .cloned()
        .collect();
    for k in joined {
        if let Some(c) = cands.remove(&k) {
            if let Some(owner) = cands.get_mut(&short_owner[&k]) {
                owner.states.extend(c.states);
                owner.stateless |= c.stateless;
                for f in c.forms {
                    if !owner.short.contains(&f) {
                        owner.short.push(f);
                    }
                }
            }
        }
    }
    let counts = match inp.ant {
        Some(ant) => {
            let all: HashSet<String> = cands
                .values()
                .flat_map(|c| c.forms.iter().chain(&c.short))
                .map(|f| normalize_str(f))
                .collect();
            Some(phrase_counts(ant, &all))
        }
        None => None,
    };
    let seen = |f: &str| -> u32 {
        counts
            .as_ref()
            .and_then(|c| c.get(&normalize_str(f)).copied())
            .unwrap_or(0)
    };
    // Existing names → entry index, so a dictionary organisation the KB already has is merged.
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (i, e) in cx.entries.iter().enumerate() {
        for a in std::iter::once(&e.ar).chain(&e.aliases) {
            let n = normalize_str(a);
            by_name.entry(n.clone()).or_insert(i);
            if let Some(b) = n.strip_prefix("ال") {
                by_name.entry(b.to_string()).or_insert(i);
            }
        }
    }
    let (mut added, mut merged, mut clash, mut unattested) = (0, 0, 0, 0);
    for (key, c) in cands {
        // Forms kept, most frequent first (ties: most likely first).
        let mut forms: Vec<(u32, usize, String)> = c
            .forms
            .iter()
            .enumerate()
            .map(|(i, f)| (seen(f), i, f.clone()))
            .collect();
        forms.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let min = if c.single { MIN_SINGLE } else { 1 };
        let forms: Vec<String> = if counts.is_some() {
            // A form written a twentieth as often as the usual one is a typo or a different phrase.
            let top = forms.first().map_or(0, |f| f.0);
            forms
                .into_iter()
                .filter(|f| f.0 >= min && f.0 * 20 >= top)
                .map(|f| f.2)
                .collect()
        } else if c.single {
            Vec::new()
        } else {
            forms.into_iter().take(1).map(|f| f.2).collect()
        };
        let Some(display) = forms.first().cloned() else {
            unattested += 1;
            continue;
        };
        let shorts: Vec<String> = c
            .short
            .iter()
            .filter(|s| counts.is_none() || seen(s) >= MIN_SINGLE)
            .cloned()
            .collect();
        let names: Vec<String> = forms.into_iter().chain(shorts).collect();
        let hit = names
            .iter()
            .find_map(|n| by_name.get(&normalize_str(n)).copied());
        match hit {
            Some(i) if cx.entries[i].class == Class::Org => {
                // The dictionary's one state is the body's, where the KB has none yet (a
                // curated name may have made the entry).
                let state = (c.states.len() == 1 && !c.stateless)
                    .then(|| c.states.iter().next().map(|&s| cx.entries[s].id.clone()))
                    .flatten();
                let e = &mut cx.entries[i];
                for n in names {
                    add_alias(e, n);
                }
                if e.country.is_none() {
                    e.country = state;
                }
                add_src(e, "oeda_arabic_dictionaries");
                merged += 1;
            }
            Some(_) => clash += 1,
            None => {
                let id = key.trim_start_matches("1:").replace(' ', "_");
                let mut e = new_entry(
                    format!("L:org:{id}"),
                    None,
                    Class::Org,
                    display,
                    "oeda_arabic_dictionaries",
                );
                for n in names.into_iter().skip(1) {
                    add_alias(&mut e, n);
                }
                if c.states.len() == 1 && !c.stateless {
                    let s = *c.states.iter().next().expect("one state");
                    e.country = Some(cx.entries[s].id.clone());
                }
                let idx = cx.entries.len();
                for a in std::iter::once(&e.ar).chain(&e.aliases) {
                    by_name.entry(normalize_str(a)).or_insert(idx);
                }
                cx.entries.push(e);
                added += 1;
            }
        }
    }
    cx.report.say(format!(
        "oeda actor_dict_ar_v4 organisations: {added} added, {merged} merged into an organisation the KB \
         had, {clash} dropped (a form is a place's or person's name), {unattested} dropped (no form seen \
         in ANT), {generic} generic (head + state adjective) and {no_state} with no state or \
         international code skipped"
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        s.split('_')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn lemma_names_become_the_forms_news_writes() {
        let common = HashSet::new();
        let f = surface_forms(&toks("حزب_عدالة_و_تنمية_"), &common);
        assert_eq!(f[0], "حزب العدالة والتنمية");
        let f = surface_forms(&toks("منظمة_تحرير_فلسطيني_"), &common);
        assert_eq!(f[0], "منظمة التحرير الفلسطينية");
        assert!(f.contains(&"منظمة التحرير الفلسطيني".to_string()));
        // An adjective right after the head makes the head definite.
        let f = surface_forms(&toks("اتحاد_أفريقي_"), &common);
        assert_eq!(f[0], "الاتحاد الأفريقي");
        let f = surface_forms(&toks("مجلس_وطني_ل_مقاومة_الايرانية_"), &common);
        assert_eq!(f[0], "المجلس الوطني للمقاومة الايرانية");
        // Prepositions stay bare; a word with a proclitic and the article is left alone.
        let f = surface_forms(&toks("مجلس_أعلى_ل_ثورة_الاسلامية_في_عراق_"), &common);
        assert!(
            f.contains(&"المجلس الأعلى للثورة الاسلامية في العراق".to_string()),
            "{f:?}"
        );
        let f = surface_forms(&toks("حركة_حماس_"), &common);
        assert!(f.contains(&"حركة حماس".to_string()), "{f:?}");
        // A masculine noun's adjective stays masculine: no "party of the republic".
        let f = surface_forms(&toks("حزب_جمهوري_"), &common);
        assert_eq!(f[0], "الحزب الجمهوري");
        assert!(!f.iter().any(|x| x.ends_with("الجمهورية")), "{f:?}");
    }

    #[test]
    fn phrases_are_counted_with_proclitics_but_not_the_article() {
        let jsonl = concat!(
            r#"{"text":"قالت حركة حماس إن لحركة حماس موقفا، وأيد الحزب الجمهوري القرار."}"#,
            "\n",
            r#"{"text":"حزب الجمهوري"}"#,
            "\n",
            "not json\n"
        );
        let phrases: HashSet<String> = ["حركة حماس", "الحزب الجمهوري", "حزب الجمهوري"]
            .iter()
            .map(|p| normalize_str(p))
            .collect();
        let c = phrase_counts(jsonl, &phrases);
        assert_eq!(c.get(&normalize_str("حركة حماس")), Some(&2));
        assert_eq!(c.get(&normalize_str("الحزب الجمهوري")), Some(&1));
        // الحزب is not حزب with a proclitic.
        assert_eq!(c.get(&normalize_str("حزب الجمهوري")), Some(&1));
    }

    #[test]
    fn one_word_group_names_share_a_key_across_number() {
        assert_eq!(single_key("الحوثيون"), single_key("الحوثيين"));
        assert_eq!(single_key("حوثيين"), single_key("الحوثيون"));
        assert_ne!(single_key("طالبان"), single_key("حماس"));
    }
}
