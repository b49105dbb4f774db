//! The OEDA Arabic CAMEO verb dictionary (`data/CAMEO.ar.0.5.txt`, MIT) parsed into verb lemmas
//! with object patterns, and the CAMEO-root → PLOVER crosswalk.

use std::collections::HashMap;
use std::sync::OnceLock;

use marsad_text::normalize_str;

const RAW: &str = include_str!("../data/CAMEO.ar.0.5.txt");

/// One object pattern of a verb: words that must follow the verb, and the CAMEO code they give.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Each slot is a set of alternative normalised words (a synset expands to many), sorted
    /// and without repeats so that membership is a binary search.
    pub slots: Vec<Vec<String>>,
    /// CAMEO code (`0233`, `190`).
    pub code: String,
}

/// A verb lemma's entry: the code it gives alone (if the dictionary says), and its patterns.
#[derive(Debug, Clone, Default)]
pub struct VerbEntry {
    /// Code of the verb alone.
    pub code: Option<String>,
    /// Object patterns, tried in file order.
    pub patterns: Vec<Pattern>,
}

/// The parsed dictionary: normalised lemma → entry.
#[derive(Debug, Default)]
pub struct Cameo {
    /// Verbs by normalised lemma.
    pub verbs: HashMap<String, VerbEntry>,
}

fn clean_word(w: &str) -> String {
    let w: String = w
        .chars()
        .filter(|c| !matches!(c, '(' | ')' | '{' | '}' | '_'))
        .collect();
    normalize_str(&w)
}

fn code_of(s: &str) -> Option<String> {
    let a = s.find('[')?;
    let b = a + s[a..].find(']')?;
    let c = s[a + 1..b].trim();
    (!c.is_empty() && c.chars().all(|c| c.is_ascii_digit())).then(|| c.to_string())
}

/// Parses the dictionary text; lines it does not understand are skipped.
/// Two-letter particles and prepositions of the dictionary's patterns, which are no slot.
fn short_particle(w: &str) -> bool {
    matches!(
        w,
        "في" | "من"
            | "عن"
            | "مع"
            | "ضد"
            | "ال"
            | "لل"
            | "لا"
            | "ما"
            | "هو"
            | "ان"
            | "أن"
            | "إن"
            | "او"
            | "أو"
    )
}

pub fn parse(raw: &str) -> Cameo {
    let mut synsets: HashMap<String, Vec<String>> = HashMap::new();
    let mut cur_set: Option<String> = None;
    let mut in_verbs = false;
    let mut block_verbs: Vec<(String, Option<String>)> = Vec::new();
    let mut block_code: Option<String> = None;
    let mut cameo = Cameo::default();
    let flush = |cameo: &mut Cameo, verbs: &mut Vec<(String, Option<String>)>| {
        verbs.clear();
        let _ = cameo;
    };
    for line in raw.lines() {
        let t = line.trim();
        if t.starts_with("####### VERB PATTERNS") {
            in_verbs = true;
            continue;
        }
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if !in_verbs {
            if let Some(name) = t.strip_prefix('&') {
                cur_set = Some(name.trim().to_string());
            } else if let (Some(w), Some(set)) = (t.strip_prefix('+'), &cur_set) {
                let mut parts = w.split('_').filter(|s| !s.is_empty());
                let first = parts.next().unwrap_or("");
                // A synset entry stands for its first word. In a spelled-out abbreviation
                // («+ان_اتش-90_…»، «+اي_كي-47_»، «+في_اكس_غاز_الأعصاب_») that word is a letter's
                // name, spelt like a function word (أن، أي، في): &WEAPON matched «فتح على أن
                // الميليشيا» as fighting with a weapon. A short word alone (+حل_) stays.
                let letter_name = first.chars().count() <= 2 && parts.next().is_some();
                if !first.is_empty() && !letter_name {
                    synsets
                        .entry(set.clone())
                        .or_default()
                        .push(normalize_str(first));
                }
            }
            continue;
        }
        if t.starts_with("---") {
            flush(&mut cameo, &mut block_verbs);
            block_code = code_of(t);
            let head = t.trim_matches('-').split('[').next().unwrap_or("").trim();
            if let Some(v) = head.split('+').next().map(clean_word) {
                if !v.is_empty() {
                    block_verbs.push((v, block_code.clone()));
                }
            }
        } else if let Some(p) = t.strip_prefix('-') {
            let body = p.split('#').next().unwrap_or("");
            let Some(code) = code_of(body) else { continue };
            let words = body.split('[').next().unwrap_or("").replace('*', " ");
            let mut slots = Vec::new();
            // Slots that can anchor the pattern on their own (see below).
            let mut anchors = 0;
            for w in words.split_whitespace() {
                if let Some(name) = w
                    .trim_matches(|c| matches!(c, '(' | ')' | '{' | '}'))
                    .strip_prefix('&')
                {
                    if let Some(set) = synsets.get(name) {
                        let mut set = set.clone();
                        set.sort_unstable();
                        set.dedup();
                        slots.push(set);
                        anchors += 1;
                    }
                } else {
                    let c = clean_word(w);
                    // A short content word still narrows the pattern: without «حد», «(إلى حد)»
                    // [154 "rush to the border"] matched every «انطلقت … إلى» («انطلقت وأدت إلى
                    // استقالة الحكومة»). Particles and prepositions are not slots.
                    if c.chars().count() == 2 && !short_particle(&c) {
                        slots.push(vec![c]);
                        continue;
                    }
                    // Bare prepositions are too common to anchor a pattern.
                    if c.chars().count() >= 3 {
                        anchors += 1;
                        // The dictionary's words stand for lemmas: a sound feminine plural
                        // (رصاصات) also stands for its singular or collective (الرصاص).
                        let single = c
                            .strip_suffix("ات")
                            .filter(|x| x.chars().count() >= 3)
                            .map(str::to_string);
                        let mut slot = vec![c];
                        slot.extend(single);
                        slot.sort_unstable();
                        slots.push(slot);
                    }
                }
            }
            // A pattern of short words alone («- * حق»، «(من جو)») stays off, as before.
            if anchors == 0 {
                continue;
            }
            // A block holds several verb groups and the comment names the group a pattern
            // belongs to (`- * (على) [020] # ...,طلب,...`): "على" after طلب is a request,
            // not after سيطر in the same block. A comment naming none of the block's verbs
            // (spelling drift) keeps the pattern for the whole block rather than losing it.
            let owners: Vec<String> = t
                .split_once('#')
                .map(|(_, c)| {
                    c.split(',')
                        .filter_map(|e| e.split(['+', '_', ' ']).find(|s| !s.is_empty()))
                        .map(clean_word)
                        .collect()
                })
                .unwrap_or_default();
            let named = |v: &str| owners.iter().any(|o| o == v);
            let any_named = block_verbs.iter().any(|(v, _)| named(v));
            for (v, _) in block_verbs.iter().filter(|(v, _)| !any_named || named(v)) {
                cameo
                    .verbs
                    .entry(v.clone())
                    .or_default()
                    .patterns
                    .push(Pattern {
                        slots: slots.clone(),
                        code: code.clone(),
                    });
            }
        } else {
            let body = t.split('#').next().unwrap_or("");
            let own = code_of(body).or_else(|| block_code.clone());
            let head = body.split('[').next().unwrap_or("");
            let Some(v) = head
                .split(['+', ' '])
                .find(|s| !s.is_empty())
                .map(clean_word)
            else {
                continue;
            };
            if v.chars().count() < 3 {
                continue;
            }
            block_verbs.push((v, own));
        }
        for (v, c) in &block_verbs {
            let e = cameo.verbs.entry(v.clone()).or_default();
            if e.code.is_none() {
                e.code.clone_from(c);
            }
        }
    }
    cameo
}

/// The shipped dictionary, parsed once.
pub fn builtin() -> &'static Cameo {
    static C: OnceLock<Cameo> = OnceLock::new();
    C.get_or_init(|| parse(RAW))
}

/// PLOVER type for a CAMEO code, by its two-digit root (PLOVER's crosswalk); `None` for roots
/// PLOVER has no event for (01 public statement).
pub fn plover(code: &str) -> Option<&'static str> {
    let root = code.get(..2)?;
    Some(match root {
        "02" | "10" => "REQUEST",
        "03" => "AGREE",
        "04" => "CONSULT",
        "05" | "06" => "COOPERATE",
        "07" => "AID",
        "08" => {
            if code.starts_with("087") {
                "RETREAT"
            } else {
                "CONCEDE"
            }
        }
        "09" | "11" => "ACCUSE",
        "12" => "REJECT",
        "13" => "THREATEN",
        "14" => "PROTEST",
        "15" => "MOBILIZE",
        "16" => "SANCTION",
        "17" => "COERCE",
        "18" | "19" | "20" => "ASSAULT",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_belong_to_the_verbs_their_comment_names() {
        // Regression: "- * (على) [020] # ...,طلب,..." sits in the same block as سيطر+على, and
        // was attached to every verb of the block, so "الذي سيطر عليه المحتجون" became a request.
        let c = builtin();
        let has_ala_request = |verb: &str| {
            c.verbs[&normalize_str(verb)]
                .patterns
                .iter()
                .any(|p| p.code == "020" && p.slots == vec![vec![normalize_str("على")]])
        };
        assert!(has_ala_request("طلب"));
        assert!(!has_ala_request("سيطر"));
        // A plural pattern word also stands for its singular: أطلق ... الرصاص is still 193.
        assert!(c.verbs[&normalize_str("اطلق")]
            .patterns
            .iter()
            .any(|p| p.code == "193"
                && p.slots == vec![vec!["رصاص".to_string(), "رصاصات".to_string()]]));
        // سيطر+على keeps its own patterns (take control of a town → 192).
        assert!(c.verbs[&normalize_str("سيطر")]
            .patterns
            .iter()
            .any(|p| p.code == "192"));
    }

    #[test]
    fn parses_request_patterns_and_synsets() {
        let c = builtin();
        let e = c.verbs.get("طلب").expect("طلب is a verb");
        assert!(e
            .patterns
            .iter()
            .any(|p| p.code == "023" && p.slots.iter().any(|s| s.iter().any(|w| w == "مساعده"))));
        // &MILITARY expands to the synset's words.
        let send = c.verbs.get("عمل").unwrap();
        assert!(send.patterns.iter().any(|p| p.slots[0].len() > 1));
    }

    #[test]
    fn a_spelled_out_abbreviation_puts_no_function_word_in_a_synset() {
        // ANT (2018): «وشدد فتح على أن الميليشيا» was fighting "with a weapon": &WEAPON held «ان»
        // from «+ان_اتش-90_…».
        let c = builtin();
        let weapon_slot = c.verbs[&normalize_str("فتح")]
            .patterns
            .iter()
            .find(|p| p.code == "194")
            .map(|p| p.slots.concat())
            .expect("فتح has a [194] pattern with &WEAPON");
        assert!(weapon_slot.iter().any(|w| w == "صاروخ"), "{weapon_slot:?}");
        for w in ["ان", "اي", "ام", "ار", "سي", "في"] {
            assert!(
                !weapon_slot.iter().any(|x| x == w),
                "{w} in {weapon_slot:?}"
            );
        }
        // A short word that is a whole entry stays (&SOLUTION's «حل»).
        let synsets_with_hal = c.verbs.values().flat_map(|v| &v.patterns).any(|p| {
            p.slots
                .iter()
                .any(|s| s.len() > 1 && s.iter().any(|w| w == "حل"))
        });
        assert!(synsets_with_hal);
    }

    #[test]
    fn crosswalk_by_root() {
        assert_eq!(plover("0233"), Some("REQUEST"));
        assert_eq!(plover("173"), Some("COERCE"));
        assert_eq!(plover("0874"), Some("RETREAT"));
        assert_eq!(plover("010"), None);
    }
}
