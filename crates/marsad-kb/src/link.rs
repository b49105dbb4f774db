//! Entity linking: documents → the picture's entities (with every mention and its form) and relations.
//!
//! Per document: gazetteer matches are read in context (nisba → state; plural nisba → people; capital as
//! the subject of a verb → the state's government; after العاصمة/مدينة → the city); titles with a
//! state (الرئيس الكازاخستاني) bind to the name in apposition or, without one, to the holder the
//! document or the KB gives for the document's date; names after titles and tagger candidates that the
//! KB does not know become new entities; a surname alone, or a spelling variant of it, refers to a
//! person named in the document. Across documents, new entities merge when their spelling skeletons
//! are within the measured distance (see `docs/kb.md`).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use marsad_picture::{
    Diagnostic, Entity, EntityType, Evidence, Mention, MentionForm, Name, Relation, Severity,
    Validity,
};
use marsad_text::{
    fold_char, normalize_str, segment, CliticKind, CommonWords, Lexicon, NormalizeOptions,
    UnionLexicon,
};

use crate::gazetteer::{DocTokens, GazMatch, Gazetteer};
use crate::model::{AliasKind, Class, Kb, KbEntry, Role, Target};
use crate::text::{clitic_readings, edit_distance, skeleton};

/// One document to link.
#[derive(Debug, Clone, Copy)]
pub struct DocInput<'a> {
    /// Document id.
    pub id: &'a str,
    /// Document text (site chrome blanked to spaces, same length as the original).
    pub text: &'a str,
    /// Publication date, ISO, if known: titles resolve to who held them then.
    pub published: Option<&'a str>,
    /// Mentions proposed by the statistical tagger.
    pub extra_mentions: &'a [CandidateMention],
}

/// A mention proposed by another component (the NER tagger): byte span and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CandidateMention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Proposed type.
    pub kind: EntityType,
}

/// What linking produces for the picture.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkOutput {
    /// One entity per real-world actor across all documents.
    pub entities: Vec<Entity>,
    /// Relations the KB roles and the documents support.
    pub relations: Vec<Relation>,
}

/// Largest skeleton edit distance at which two names are taken as one, given the longer skeleton's
/// length.
///
/// Measured, not guessed (`examples/measure_threshold.rs`, docs/kb.md): on Wikidata-vs-ANETAC spellings of
/// the same name token (80% split), one edit for skeletons of 5+ letters raises recall from 0.597 to 0.658
/// while the false-merge rate against other names with the same first letter goes from 0.85% to 1.07%;
/// allowing it from 4 letters doubles false merges (2.45%). Held-out 20%: recall 0.643, false merges 0.73%.
pub fn merge_distance(longer_skeleton_len: usize) -> usize {
    if longer_skeleton_len >= MIN_FUZZY_SKELETON {
        1
    } else {
        0
    }
}

/// Skeleton length (of the longer name) from which one edit is accepted.
pub const MIN_FUZZY_SKELETON: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key {
    Kb(u32),
    New(String),
}

/// A relation a title apposition states: (type, person, state entry, evidence).
type BoundRel = (String, Key, u32, Evidence);

#[derive(Debug, Clone)]
struct M {
    key: Key,
    start: usize,
    end: usize,
    form: MentionForm,
    kind: EntityType,
}

#[derive(Debug, Default)]
struct NewEnt {
    kind: Option<EntityType>,
    /// Normalised name tokens of the longest form seen.
    toks: Vec<String>,
    /// The last of `toks` with its skeleton: every title name of the corpus is compared with
    /// every new entity's last name, so the skeleton is kept, not rebuilt per comparison.
    last: Option<Spelled>,
    /// Every one of `toks` with its skeleton, for the same reason: each name after a title is
    /// compared with every new entity's pairs of words (`continues_known_name`).
    spelled: Vec<Spelled>,
    display: String,
    /// How often each written form introduced the entity, with its token count: the display name
    /// is the most frequent form, not the longest (which collects the tagger's worst spans:
    /// "ريل دوناد ترامب", "ترامب ميركل").
    forms: BTreeMap<String, (usize, usize)>,
    /// The offices (title, state) the entity was named with in apposition ("وزير الخارجية
    /// الإيراني جواد ظريف"): the evidence that a shorter name is the same person.
    offices: BTreeSet<(String, u32)>,
}

impl NewEnt {
    /// Records one introduction of the entity written `form` with `n` name tokens.
    fn saw(&mut self, form: &str, n: usize) {
        let e = self.forms.entry(form.to_string()).or_insert((0, n));
        e.0 += 1;
    }

    /// The full forms seen give first names that are not one name spelled two ways.
    fn several_first_names(&self) -> bool {
        let firsts: Vec<String> = self
            .forms
            .iter()
            .filter(|(_, &(_, n))| n >= 2)
            .filter_map(|(f, _)| f.split_whitespace().next().map(normalize_str))
            .collect();
        firsts.iter().enumerate().any(|(i, a)| {
            firsts[i + 1..]
                .iter()
                .any(|b| !(same_name(a, b) || skeleton(a) == skeleton(b) || short_given_name(a, b)))
        })
    }

    /// How many times the entity was introduced, in any form.
    fn introductions(&self) -> usize {
        self.forms.values().map(|f| f.0).sum()
    }

    /// The full form (two words or more, only known name words) seen at least `min` times
    /// most often, weighted by its length (a full name beats a shorter variant seen about as
    /// often).
    fn best_full(&self, min: usize) -> Option<&str> {
        // No full name starts with الله (see `merge_new`): "الله غولن" is a cut "فتح الله غولن".
        let names_only = |f: &str| {
            f.split_whitespace().all(|w| {
                let w = normalize_str(w);
                is_name_token(&w) || particle_surname(&w)
            }) && f
                .split_whitespace()
                .next()
                .is_none_or(|w| normalize_str(w) != "الله")
        };
        self.forms
            .iter()
            .filter(|(f, &(c, n))| n >= 2 && c >= min && names_only(f))
            .max_by(|a, b| {
                (a.1 .0 * a.1 .1)
                    .cmp(&(b.1 .0 * b.1 .1))
                    .then_with(|| b.0.cmp(a.0))
            })
            .map(|(f, _)| f.as_str())
    }

    /// The display name: the best full form, else the longest form; but beside a short form seen
    /// twenty times or more, a full form seen once is as often two names run together ("ترامب
    /// ميركل" beside 393 "ميركل") as a name, so there the form seen most often wins.
    fn best_display(&self) -> &str {
        let most = self
            .forms
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)));
        let top = most.map_or(0, |(_, &(c, _))| c);
        if top < 20 {
            return self.best_full(1).unwrap_or(self.display.as_str());
        }
        self.best_full(2)
            .or_else(|| most.map(|(f, _)| f.as_str()))
            .unwrap_or(self.display.as_str())
    }

    /// The name tokens other entities are compared with across documents: those of the best full
    /// form, so that one odd long span ("ريل دوناد ترامب") does not decide which names join.
    fn merge_toks(&self) -> Vec<String> {
        // Any full form counts for a rare name, even one seen once: it is all it has to join by.
        // But a surname seen alone in 234 articles and as "توني كيم", "أندرو كيم" and "سونغ كيم"
        // a few times each is none of them: the articles that name nobody in full share the key
        // of every Kim. Where the full forms give different first names, and the best of them is
        // seen less than a tenth as often as the lone word, the lone word is the name.
        let most = self
            .forms
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)));
        let shown = match (self.best_full(1), most) {
            (Some(f), Some((m, &(c, 1))))
                if c >= 20 && self.forms[f].0 * 10 < c && self.several_first_names() =>
            {
                m.as_str()
            }
            (f, _) => f.unwrap_or(self.display.as_str()),
        };
        let shown = normalize_str(shown);
        let toks: Vec<String> = crate::text::tokens(&shown)
            .map(|t| t.1.to_string())
            .collect();
        if toks.is_empty() {
            self.toks.clone()
        } else {
            toks
        }
    }
}

const HEAD: &[&str] = &[
    "رييس",
    "الرييس",
    "رييسه",
    "الرييسه",
    "الملك",
    "ملك",
    "العاهل",
    "الامير",
    "امير",
    "السلطان",
];
const HEAD_NORM: &[&str] = &[
    "رئيس",
    "الرئيس",
    "رئيسه",
    "الرئيسه",
    "الملك",
    "ملك",
    "العاهل",
    "الامير",
    "امير",
    "السلطان",
];
/// Ranks and honorifics that stand before a person's given name (normalised).
const HONORIFICS: &[&str] = &[
    "العقيد",
    "الركن",
    "اللواء",
    "العميد",
    "الفريق",
    "المقدم",
    "الرائد",
    "النقيب",
    "الامير",
    "الاميره",
    "الشيخ",
    "الشيخه",
    "السيد",
    "السيده",
    "الدكتور",
];
/// Military ranks below those in [`HONORIFICS`], which also stand before a name (normalised).
const RANKS: &[&str] = &[
    "العريف",
    "الجندي",
    "الرقيب",
    "الملازم",
    "المشير",
    "الجنرال",
    "العماد",
];
const GOV_HEAD: &[&str] = &["الوزراء", "الحكومه", "وزراء", "حكومه"];
const MINISTER: &[&str] = &["وزير", "الوزير", "وزيره", "الوزيره"];
const FORMER: &[&str] = &["السابق", "الاسبق", "المخلوع", "السابقه", "الراحل"];
const CURRENT: &[&str] = &["الحالي", "الحاليه", "الجديد", "المنتخب"];
const CITY_CUES: &[&str] = &["العاصمه", "عاصمه", "مدينه", "المدينه", "بلده", "البلده"];
const GROUP_NOUNS: &[&str] = &[
    "الدول",
    "دول",
    "الجمهوريات",
    "جمهوريات",
    "الشعوب",
    "شعوب",
    "البلدان",
    "بلدان",
    "اللغات",
    "لغات",
    "القبائل",
    "الاقليات",
    "الاعراق",
    "القوميات",
    "الامم",
    "الاقوام",
];
const PLACE_PREPS: &[&str] = &[
    "في",
    "الي",
    "من",
    "عن",
    "علي",
    "حول",
    "قرب",
    "داخل",
    "خارج",
    "نحو",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "مطار",
    "زياره",
];
const ORG_QUALIFIERS: &[&str] = &[
    "القومي",
    "الوطني",
    "الاعلي",
    "المحلي",
    "الاتحادي",
    "الاقليمي",
    "العسكري",
];
const SAY_VERBS: &[&str] = &[
    "قالت",
    "اعلنت",
    "اكدت",
    "نفت",
    "اتهمت",
    "رفضت",
    "طالبت",
    "حذرت",
    "دعت",
    "اعتبرت",
    "ردت",
    "ابدت",
    "هددت",
    "وصفت",
    "تتهم",
    "ترفض",
    "تطالب",
    "تحذر",
    "تري",
    "تعتبر",
    "ارسلت",
    "قررت",
    "ادانت",
    "رحبت",
];

/// Whether normalised `t` is a regnal number (الثاني، السادس، الثانيه), which follows a king's or
/// pope's given name.
fn is_regnal_number(t: &str) -> bool {
    let t = t.strip_suffix('ه').unwrap_or(t);
    matches!(
        t,
        "الاول"
            | "الثاني"
            | "الثالث"
            | "الرابع"
            | "الخامس"
            | "السادس"
            | "السابع"
            | "الثامن"
            | "التاسع"
            | "العاشر"
    )
}

fn is_title_head(t: &str) -> bool {
    HEAD.contains(&t) || HEAD_NORM.contains(&t)
}

fn is_minister(t: &str) -> bool {
    MINISTER.contains(&t)
}

/// The words of a shipped one-word-per-line list (`#` lines are its header).
fn word_list(text: &str) -> HashSet<String> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Common words shipped with the KB (from ANERcorp train, O-only).
fn common_words() -> &'static HashSet<String> {
    static C: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    C.get_or_init(|| word_list(include_str!("../../../kb/common_words.txt")))
}

/// Words ANERcorp train tags as a whole one-token entity (الجزيرة، الخليج), shipped with the KB.
fn standalone_names() -> &'static HashSet<String> {
    static S: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    S.get_or_init(|| word_list(include_str!("../../../kb/standalone_names.txt")))
}

/// Head nouns of five or more multi-word KB names of bodies and places, article off (منظمة، حزب،
/// مدينة، محافظة، وكالة): read from the builtin KB's names, not listed.
fn generic_heads(kb: &Kb) -> &'static HashSet<String> {
    static H: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    H.get_or_init(|| {
        let mut count: HashMap<String, usize> = HashMap::new();
        for e in &kb.entries {
            if !matches!(
                e.class,
                Class::Org | Class::State | Class::City | Class::Region
            ) {
                continue;
            }
            let heads: HashSet<String> = std::iter::once(&e.ar)
                .chain(&e.aliases)
                .filter_map(|n| {
                    let n = normalize_str(n);
                    let mut w = n.split(' ');
                    let head = w.next()?;
                    w.next()?;
                    let bare = head
                        .strip_prefix("ال")
                        .filter(|b| b.chars().count() >= 3)
                        .unwrap_or(head);
                    Some(bare.to_string())
                })
                .collect();
            for h in heads {
                *count.entry(h).or_default() += 1;
            }
        }
        // Two-letter heads (أم in أم القيوين) are what clitic readings make of other words (وام).
        count
            .into_iter()
            .filter(|(h, c)| *c >= 5 && h.chars().count() >= 3)
            .map(|(h, _)| h)
            .collect()
    })
}

/// A one-word body or place the tagger proposes that is only a head noun (المنظمة "the
/// organisation", حزب, المدينة "the city") and not a word ANERcorp tags as a whole name.
fn bare_head_noun(kb: &Kb, tok: &str) -> bool {
    let heads = generic_heads(kb);
    let standalone = standalone_names();
    clitic_readings(tok).any(|(_, stem)| {
        let bare = stem
            .strip_prefix("ال")
            .filter(|b| b.chars().count() >= 3)
            .unwrap_or(stem);
        heads.contains(bare)
    }) && !clitic_readings(tok).any(|(_, stem)| standalone.contains(stem))
}

/// Whether the word before `start` is a demonstrative (هذا، هذه، ذلك، تلك, with و/ف/ل/ب before it).
fn after_demonstrative(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    let word = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let word = normalize_str(word);
    let bare = word
        .strip_prefix(['و', 'ف'])
        .filter(|w| w.chars().count() >= 3)
        .unwrap_or(&word);
    let bare = bare
        .strip_prefix(['ل', 'ب'])
        .filter(|w| w.chars().count() >= 3)
        .unwrap_or(bare);
    matches!(
        bare,
        "هذا" | "هذه" | "ذلك" | "تلك" | "هذين" | "هاتين" | "هولاء" | "اولءك" | "اولئك"
    )
}

/// The nearest mention before `before` of a body or place whose name starts with the head noun
/// `tok` stands for, when `tok` is definite (المنظمة، للمنظمة): the document's own antecedent.
fn head_noun_referent(kb: &Kb, tok: &str, before: usize, out: &[M]) -> Option<Key> {
    let bare_of = |w: &str| -> String {
        w.strip_prefix("ال")
            .filter(|b| b.chars().count() >= 3)
            .unwrap_or(w)
            .to_string()
    };
    let head = clitic_readings(tok).find_map(|(p, stem)| {
        let definite = stem.starts_with("ال") || tok[..p].ends_with("لل");
        (definite && generic_heads(kb).contains(&bare_of(stem))).then(|| bare_of(stem))
    })?;
    out.iter()
        .filter(|m| m.end <= before && m.form == MentionForm::Name)
        .filter(|m| matches!(m.kind, EntityType::Org | EntityType::Loc | EntityType::Gpe))
        .filter(|m| {
            let name = match &m.key {
                Key::Kb(i) => normalize_str(&kb.entries[*i as usize].ar),
                Key::New(n) => n.clone(),
            };
            name.contains(' ') && name.split(' ').next().is_some_and(|w| bare_of(w) == head)
        })
        .max_by_key(|m| m.end)
        .map(|m| m.key.clone())
}

/// Function words that are never names, whatever a corpus tagged them (على is also the name علي).
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "مع",
    "بعد",
    "قبل",
    "ان",
    "لا",
    "ما",
    "لم",
    "لن",
    "قد",
    "هو",
    "هي",
    "هم",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "كان",
    "كانت",
    "بين",
    "حتي",
    "عند",
    "منذ",
    "خلال",
    "حول",
    "ضد",
    "دون",
    "غير",
    "كل",
    "بعض",
    "او",
    "ام",
    "ثم",
    "اذا",
    "لكن",
    "بل",
    "اي",
    "نحو",
    "لدي",
    "امام",
];

/// Person-name tokens with English spellings (`kb/name_tokens.tsv`).
fn name_tokens() -> &'static HashMap<&'static str, &'static str> {
    static N: std::sync::OnceLock<HashMap<&'static str, &'static str>> = std::sync::OnceLock::new();
    N.get_or_init(|| {
        include_str!("../../../kb/name_tokens.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

/// Whether a normalised token is a known personal-name token.
pub fn is_name_token(t: &str) -> bool {
    name_tokens().contains_key(t)
}

/// English spelling of normalised name tokens, when every token is known.
pub fn transliterate(toks: &[String]) -> Option<String> {
    let n = name_tokens();
    let parts: Option<Vec<String>> = toks
        .iter()
        .map(|t| {
            n.get(t.as_str()).map(|e| {
                let mut c = e.chars();
                c.next().map_or(String::new(), |f| {
                    f.to_uppercase().collect::<String>() + c.as_str()
                })
            })
        })
        .collect();
    parts.map(|p| p.join(" "))
}

fn is_common(t: &str) -> bool {
    if FUNCTION_WORDS.contains(&t) {
        return true;
    }
    let c = common_words();
    clitic_readings(t).any(|(_, s)| c.contains(s))
}

/// A token that can be part of a new person's name: letters only, not a common word, no article.
fn name_like(t: &str) -> bool {
    static INST: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    let inst = || {
        INST.get_or_init(|| {
            crate::build::NON_PERSON_HEADS
                .iter()
                .map(|h| normalize_str(h))
                .collect()
        })
        .contains(t)
    };
    t.chars().count() >= 3
        && !inst()
        && t.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
        && !t.starts_with("ال")
        && !is_common(t)
        && !is_title_head(t)
        && !is_minister(t)
        && name_word_inside(t)
}

/// A word that can carry a name on after its first words: name-like, or a known name token that is
/// not a common word (جبير، ثاني، عبد).
fn name_goes_on(t: &str) -> bool {
    name_like(t) || (is_name_token(t) && !common_strict(t))
}

/// A known name token that is no common word, read with or without a proclitic (بأن is ب + أن,
/// not Ban): what may follow a given name as its surname (جبير، ثاني، عراقجي).
fn surname_goes_on(t: &str) -> bool {
    is_name_token(t)
        && !is_common(t)
        && !clitic_readings(t)
            .any(|(p, s)| p > 0 && (FUNCTION_WORDS.contains(&s) || common_words().contains(s)))
}

/// Words starting with ت that are nouns, not verbs, after a place name (تركيا, تعزيزات, ...): a KB name or
/// a token ending like a feminine/plural noun.
fn is_common_noun_start(t: &str) -> bool {
    t.ends_with("ات") || t.ends_with('ه') || t.ends_with("يه") || t.ends_with("ين")
}

fn feminine_verb(t: &str) -> bool {
    let t = t
        .strip_prefix('و')
        .or_else(|| t.strip_prefix('ف'))
        .unwrap_or(t);
    let n = t.chars().count();
    n >= 3
        && (t.starts_with('ت') || t.ends_with('ت') || t.ends_with("ته") || t.ends_with("تها"))
        && !t.starts_with("ال")
}

struct Person {
    key: Key,
    /// Normalised first name, when the full name has two words or more.
    first: Option<String>,
    /// Normalised surname as written in the full name.
    last: String,
    /// Its article-less skeleton.
    last_skel: String,
    /// Every word of the full name.
    words: Vec<String>,
}

/// Below this many documents the corpus says too little about a surname for `sweep_surnames`.
const SURNAME_SWEEP_MIN_DOCS: usize = 50;

/// Proclitic readings of a normalised word for the surname sweep: the word itself, and without و/ف
/// and one of ب/ل (وترامب، لترامب، ولترامب), never without the article.
fn surname_readings(w: &str) -> impl Iterator<Item = &str> {
    fn prep(x: &str) -> Option<&str> {
        x.strip_prefix(['ب', 'ل'])
            .filter(|r| r.chars().count() >= 3 && !r.starts_with('ل'))
    }
    let conj = w
        .strip_prefix(['و', 'ف'])
        .filter(|r| r.chars().count() >= 3);
    [Some(w), conj, prep(w), conj.and_then(prep)]
        .into_iter()
        .flatten()
}

/// One sense per corpus for surnames: a one-word name the tagger reads as one person nearly
/// everywhere it reads it (ترامب) is that person where the tagger missed it, when at least half of
/// the word's occurrences in the corpus are already mentions of that person. Only words the corpus
/// gives ten such mentions or more, all but a tenth to the same new person, named in full three
/// times or more.
fn sweep_surnames(
    kb: &Kb,
    docs: &[DocInput<'_>],
    per_doc: &mut [Vec<M>],
    news: &HashMap<String, NewEnt>,
    remap: &dyn Fn(&Key) -> Key,
) {
    let last_of = |k: &Key| -> Option<String> {
        match k {
            Key::Kb(_) => None,
            Key::New(n) => news.get(n).and_then(|e| e.toks.last().cloned()),
        }
    };
    // Surname → person → one-word mentions.
    let mut votes: HashMap<String, HashMap<Key, usize>> = HashMap::new();
    for (d, ms) in docs.iter().zip(per_doc.iter()) {
        for m in ms {
            if m.kind != EntityType::Per || m.form != MentionForm::Name {
                continue;
            }
            let Some(text) = d.text.get(m.start..m.end) else {
                continue;
            };
            if text.contains(char::is_whitespace) {
                continue;
            }
            // KB persons have their own rule for a surname alone (it needs the full name in the
            // document or the tagger: بري is also "ground", عون "help"); the sweep keeps to it.
            let key = remap(&m.key);
            let Some(last) = last_of(&key) else { continue };
            // The corpus's spelling counts (كوشنر for the KB's كوشنير).
            let w = normalize_str(text);
            let reading = surname_readings(&w)
                .find(|r| *r == last || same_name(r, &last))
                .map(str::to_string);
            if let Some(r) = reading {
                *votes.entry(r).or_default().entry(key).or_default() += 1;
            }
        }
    }
    // The corpus names the person in full, ending in that word, three times or more: "ابنتي" ("my
    // daughter"), which the tagger took for a person's name a dozen times, is no one's surname.
    let named_in_full = |key: &Key, last: &str| {
        let Key::New(n) = key else { return false };
        news.get(n).is_some_and(|e| {
            e.forms.iter().any(|(f, &(c, words))| {
                c >= 3
                    && words >= 2
                    && f.split_whitespace()
                        .next_back()
                        .is_some_and(|w| surname_readings(&normalize_str(w)).any(|r| r == last))
            })
        })
    };
    let given = kb_given_names(kb);
    let chosen: HashMap<String, Key> = votes
        .into_iter()
        .filter_map(|(last, by)| {
            let total: usize = by.values().sum();
            let (key, n) = by
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
            let ok = n >= 10
                && n * 10 >= total * 9
                && last.chars().count() >= 3
                && !last.starts_with("ال")
                && !is_common(&last)
                && !FUNCTION_WORDS.contains(&last.as_str())
                && !given.contains(&last)
                && named_in_full(&key, &last);
            ok.then_some((last, key))
        })
        .collect();
    if chosen.is_empty() {
        return;
    }
    // Every written form of each chosen surname (with و/ف and ب/ل before it), normalised, so each
    // word of the corpus is folded once into one reused buffer and looked up.
    let mut forms: HashMap<String, &str> = HashMap::new();
    for last in chosen.keys() {
        for pre in ["", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"] {
            forms.insert(format!("{pre}{last}"), last.as_str());
        }
    }
    let opts = NormalizeOptions::default();
    let mut buf = String::new();
    // Every occurrence of each chosen surname; those inside a mention of its person (ترامب in
    // "دونالد ترامب" too); and those no mention covers yet.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut owned: HashMap<&str, usize> = HashMap::new();
    let mut missed: Vec<(usize, usize, usize, &str)> = Vec::new();
    // The word alone read as a KB person by a spelling one letter off (كوشنر as the KB's كيرشنر,
    // Kirchner), where the corpus knows a person with exactly that surname (Jared Kushner).
    let mut misread: Vec<(usize, usize, &str)> = Vec::new();
    // A first name alone already a mention, to grow over the missed surname after it.
    let mut grown: Vec<(usize, usize, usize, &str)> = Vec::new();
    let fuzzy_kb_surname = |m: &M, start: usize, end: usize, last: &str| {
        let Key::Kb(i) = m.key else { return false };
        let e = &kb.entries[i as usize];
        m.start == start
            && m.end == end
            && e.class == Class::Person
            && !std::iter::once(&e.ar)
                .chain(&e.aliases)
                .filter_map(|n| n.split(' ').next_back())
                .any(|w| normalize_str(w) == last)
    };
    // The person's first name, where the corpus names him in full (دونالد of دونالد ترامب): a missed
    // surname right after it takes it in.
    let first_of: HashMap<&str, String> = chosen
        .iter()
        .filter_map(|(last, key)| {
            let Key::New(n) = key else { return None };
            let toks = news.get(n)?.merge_toks();
            (toks.len() >= 2).then(|| (last.as_str(), toks[0].clone()))
        })
        .collect();
    for (di, d) in docs.iter().enumerate() {
        // The word before this one (folded only when a missed surname follows it).
        let mut prev: Option<(usize, usize)> = None;
        for (start, end) in word_spans(d.text) {
            buf.clear();
            buf.extend(
                d.text[start..end]
                    .chars()
                    .filter_map(|c| fold_char(c, opts)),
            );
            let before = prev.replace((start, end));
            let Some(&last) = forms.get(buf.as_str()) else {
                continue;
            };
            *seen.entry(last).or_default() += 1;
            match per_doc[di]
                .iter()
                .position(|m| m.start < end && start < m.end)
            {
                None => {
                    let with_first = before.filter(|&(ps, pe)| {
                        &d.text[pe..start] == " "
                            && first_of.get(last).is_some_and(|f| {
                                *f == d.text[ps..pe]
                                    .chars()
                                    .filter_map(|c| fold_char(c, opts))
                                    .collect::<String>()
                            })
                    });
                    // The first name alone may already be a mention (a title's name cut at
                    // "دونالد"): it grows to the full name instead.
                    let first_alone = with_first.and_then(|(ps, pe)| {
                        per_doc[di]
                            .iter()
                            .position(|m| m.start < pe && ps < m.end)
                            .filter(|&mi| {
                                let m = &per_doc[di][mi];
                                m.start == ps && m.end == pe && m.kind == EntityType::Per
                            })
                    });
                    match (with_first, first_alone) {
                        (Some(_), Some(mi)) => grown.push((di, mi, end, last)),
                        (Some((ps, pe)), None)
                            if !per_doc[di].iter().any(|m| m.start < pe && ps < m.end) =>
                        {
                            missed.push((di, ps, end, last))
                        }
                        _ => missed.push((di, start, end, last)),
                    }
                }
                Some(mi) if remap(&per_doc[di][mi].key) == chosen[last] => {
                    *owned.entry(last).or_default() += 1;
                }
                Some(mi) if fuzzy_kb_surname(&per_doc[di][mi], start, end, last) => {
                    misread.push((di, mi, last));
                }
                Some(_) => {}
            }
        }
    }
    let sure = |last: &str| owned.get(last).copied().unwrap_or(0) * 2 >= seen[last];
    for (di, mi, last) in misread {
        if sure(last) {
            per_doc[di][mi].key = chosen[last].clone();
        }
    }
    for (di, mi, end, last) in grown {
        if sure(last) {
            let m = &mut per_doc[di][mi];
            m.key = chosen[last].clone();
            m.end = end;
            m.form = MentionForm::Name;
        }
    }
    for (di, start, end, last) in missed {
        let key = &chosen[last];
        if !sure(last) {
            continue;
        }
        per_doc[di].push(M {
            key: key.clone(),
            start,
            end,
            form: MentionForm::Name,
            kind: EntityType::Per,
        });
    }
    for ms in per_doc.iter_mut() {
        ms.sort_by_key(|m| (m.start, m.end));
    }
}

/// Byte spans of the words of `text`: runs of letters and marks.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut it = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let word = |c: char| {
            c.is_alphabetic() || ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0640}'
        };
        let (start, _) = it.by_ref().find(|&(_, c)| word(c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = it.peek() {
            if !word(c) {
                end = i;
                break;
            }
            it.next();
        }
        Some((start, end))
    })
}

/// Links `docs` against `kb`.
pub fn link(kb: &Kb, docs: &[DocInput<'_>]) -> (LinkOutput, Vec<Diagnostic>) {
    let gaz = Gazetteer::new(kb);
    let mut diags = Vec::new();
    let mut news: HashMap<String, NewEnt> = HashMap::new();
    let mut per_doc: Vec<Vec<M>> = Vec::with_capacity(docs.len());
    let mut bound_rel: Vec<(String, Key, u32, Evidence)> = Vec::new();
    // Title holders named in apposition carry over to later documents of the same batch.
    let mut global_bind: HashMap<(String, u32), (Key, Option<String>)> = HashMap::new();
    for d in docs {
        let (ms, rels) = link_doc(kb, &gaz, d, &mut news, &mut global_bind, &mut diags);
        for (rel, k, state, ev) in rels {
            bound_rel.push((rel, k, state, ev));
        }
        per_doc.push(ms);
    }
    let families = generic_state_words(kb);
    if !families.is_empty() {
        for (d, ms) in docs.iter().zip(&mut per_doc) {
            retarget_generic(kb, &families, d.text, ms);
        }
    }
    // Merge new entities across documents by spelling skeleton.
    let canon = merge_new(kb, &news);
    let to_kb = new_to_kb(kb, &news, &canon, &per_doc);
    // A merged entity is shown by the forms of every name that joined it: "ريكس تيلرسون" of other
    // articles names the entity first seen as "تيلرسون".
    for (k, c) in &canon {
        let Some(forms) = news.get(k).map(|n| n.forms.clone()) else {
            continue;
        };
        if let Some(t) = news.get_mut(c) {
            for (f, (count, n)) in forms {
                t.forms.entry(f).or_insert((0, n)).0 += count;
            }
        }
    }
    let remap = |k: &Key| -> Key {
        match k {
            Key::New(s) => {
                let c = canon.get(s).unwrap_or(s);
                match to_kb.get(c) {
                    Some(&i) => Key::Kb(i),
                    None => Key::New(c.clone()),
                }
            }
            k => k.clone(),
        }
    };
    if docs.len() >= SURNAME_SWEEP_MIN_DOCS {
        sweep_surnames(kb, docs, &mut per_doc, &news, &remap);
    }
    // Build entities.
    let mut ents: BTreeMap<Key, Entity> = BTreeMap::new();
    let mut first_seen: HashMap<Key, (usize, usize)> = HashMap::new();
    let mut kind_votes: BTreeMap<(Key, EntityType), usize> = BTreeMap::new();
    for (di, (d, ms)) in docs.iter().zip(&per_doc).enumerate() {
        for m in ms {
            let key = remap(&m.key);
            let Some(ev) = Evidence::new(d.id, d.text, m.start, m.end) else {
                diags.push(Diagnostic {
                    severity: Severity::Warning,
                    subject: d.id.to_string(),
                    message: format!(
                        "mention span {}..{} is not valid in the text; skipped",
                        m.start, m.end
                    ),
                });
                continue;
            };
            first_seen.entry(key.clone()).or_insert((di, m.start));
            if let Key::New(_) = key {
                *kind_votes.entry((key.clone(), m.kind)).or_default() += 1;
            }
            let e = ents
                .entry(key.clone())
                .or_insert_with(|| new_entity(kb, &key, m.kind, &news));
            if !e.aliases.contains(&ev.text) {
                e.aliases.push(ev.text.clone());
            }
            e.mentions.push(Mention {
                evidence: ev,
                form: m.form,
            });
        }
    }
    // A new entity takes the type most of its mentions were given (ties: the first seen), so one
    // stray tagger label does not retype every mention merged with it.
    let mut best: HashMap<&Key, (usize, EntityType)> = HashMap::new();
    for ((k, t), n) in &kind_votes {
        let b = best.entry(k).or_insert((0, *t));
        if *n > b.0 {
            *b = (*n, *t);
        }
    }
    for (k, e) in ents.iter_mut() {
        if let Some(&(n, t)) = best.get(k) {
            let first = kind_votes.get(&(k.clone(), e.kind)).copied().unwrap_or(0);
            if n > first {
                e.kind = t;
            }
        }
    }
    for e in ents.values_mut() {
        e.mentions.sort_by(|a, b| {
            (&a.evidence.doc, a.evidence.start).cmp(&(&b.evidence.doc, b.evidence.start))
        });
        e.mentions.dedup_by(|a, b| a.evidence == b.evidence);
    }
    // Relations from KB roles and capitals, when a document mentions both sides.
    type RelVal = (Option<Validity>, Vec<Evidence>);
    let mut rels: BTreeMap<(String, Key, Key), RelVal> = BTreeMap::new();
    for (d, ms) in docs.iter().zip(&per_doc) {
        let mut first: HashMap<Key, &M> = HashMap::new();
        for m in ms {
            first.entry(remap(&m.key)).or_insert(m);
        }
        let ev = |m: &M| Evidence::new(d.id, d.text, m.start, m.end);
        for (k, m) in &first {
            let Key::Kb(i) = k else { continue };
            let e = &kb.entries[*i as usize];
            if let Some(cap) = e.capital_of.as_deref().and_then(|c| kb.index_of(c)) {
                if let Some(sm) = first.get(&Key::Kb(cap)) {
                    if m.form != MentionForm::Metonym {
                        let evs: Vec<Evidence> = [ev(m), ev(sm)].into_iter().flatten().collect();
                        rels.entry(("capital_of".into(), k.clone(), Key::Kb(cap)))
                            .or_default()
                            .1
                            .extend(evs);
                    }
                }
            }
            for r in &e.roles {
                if r.rel == "official_of" {
                    continue;
                }
                let ok = match d.published {
                    Some(p) => r.holds_on(p),
                    None => r.to.is_none(),
                };
                let Some(oi) = kb.index_of(&r.of) else {
                    continue;
                };
                if !ok {
                    continue;
                }
                if let Some(om) = first.get(&Key::Kb(oi)) {
                    let evs: Vec<Evidence> = [ev(m), ev(om)].into_iter().flatten().collect();
                    let slot = rels
                        .entry((r.rel.clone(), k.clone(), Key::Kb(oi)))
                        .or_default();
                    // The dictionary dates a person's government code (RUSGOV from 1998-07-25
                    // for Putin, then head of the FSB), not the office: the start is kept for
                    // choosing who held a title on a date, never shown as when the office began.
                    if slot.0.is_none() && r.to.is_some() {
                        slot.0 = Some(Validity {
                            from: None,
                            to: r.to.clone(),
                        });
                    }
                    slot.1.extend(evs);
                }
            }
        }
    }
    for (rel, k, state, ev) in bound_rel {
        rels.entry((rel, remap(&k), Key::Kb(state)))
            .or_default()
            .1
            .push(ev);
    }
    // Entities: ordered by first appearance.
    let mut order: Vec<(Key, (usize, usize))> = first_seen.into_iter().collect();
    order.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    let mut ids: HashMap<Key, String> = HashMap::new();
    let mut entities = Vec::with_capacity(order.len());
    for (k, _) in order {
        if let Some(mut e) = ents.remove(&k) {
            if let Key::Kb(i) = &k {
                for a in &kb.entries[*i as usize].aliases {
                    if !e.aliases.contains(a) {
                        e.aliases.push(a.clone());
                    }
                }
            }
            ids.insert(k, e.id.clone());
            entities.push(e);
        }
    }
    let mut relations = Vec::new();
    for ((rel, s, o), (valid, mut evs)) in rels {
        let (Some(sid), Some(oid)) = (ids.get(&s), ids.get(&o)) else {
            continue;
        };
        if sid == oid {
            continue;
        }
        evs.sort();
        evs.dedup();
        relations.push(Relation {
            id: format!("R{}", relations.len() + 1),
            kind: rel,
            subject: sid.clone(),
            object: oid.clone(),
            valid,
            evidence: evs,
        });
    }
    (
        LinkOutput {
            entities,
            relations,
        },
        diags,
    )
}

fn new_entity(kb: &Kb, key: &Key, kind: EntityType, news: &HashMap<String, NewEnt>) -> Entity {
    match key {
        Key::Kb(i) => {
            let e = &kb.entries[*i as usize];
            Entity {
                id: format!("E:{}", e.id),
                kb: e.qid.clone(),
                kind: e.class.entity_type(),
                name: Name {
                    ar: e.ar.clone(),
                    en: e.en.clone(),
                },
                aliases: Vec::new(),
                mentions: Vec::new(),
            }
        }
        Key::New(s) => {
            let n = news.get(s);
            Entity {
                id: format!("E:new:{}", s.replace(' ', "_")),
                kb: None,
                kind: n.and_then(|n| n.kind).unwrap_or(kind),
                name: Name {
                    ar: n.map_or_else(|| s.clone(), |n| n.best_display().to_string()),
                    en: n.and_then(|n| {
                        let shown: Vec<String> = n
                            .best_display()
                            .split_whitespace()
                            .map(normalize_str)
                            .collect();
                        transliterate(&shown).or_else(|| transliterate(&n.toks))
                    }),
                },
                aliases: Vec::new(),
                mentions: Vec::new(),
            }
        }
    }
}

/// Canonical key for each new-entity key: variants of one name (by skeleton) map to the longest form.
/// New place and organisation names that are another spelling of a KB entry the corpus mentions:
/// same number of words, each with the same spelling skeleton once the article is set aside
/// (الاتحاد السوفيتي beside the KB's الاتحاد السوفياتي), or for the one-word name of an organisation or
/// state the same spelling with or without the article (بوليساريو, البوليساريو). Only an entry the corpus already names is a target,
/// and only when exactly one matches, so a new name never becomes a far-away namesake.
fn new_to_kb(
    kb: &Kb,
    news: &HashMap<String, NewEnt>,
    canon: &HashMap<String, String>,
    per_doc: &[Vec<M>],
) -> HashMap<String, u32> {
    fn word_skeletons(toks: impl Iterator<Item = String>) -> Vec<String> {
        toks.map(|t| {
            let bare = t
                .strip_prefix("ال")
                .filter(|b| b.chars().count() >= 2)
                .unwrap_or(&t);
            skeleton(bare)
        })
        .collect()
    }
    let mentioned: BTreeSet<u32> = per_doc
        .iter()
        .flatten()
        .filter_map(|m| match m.key {
            Key::Kb(i) => Some(i),
            Key::New(_) => None,
        })
        .collect();
    // Word skeletons of every name of every mentioned place or organisation.
    let mut names: HashMap<Vec<String>, BTreeSet<u32>> = HashMap::new();
    // One-word names of mentioned organisations and states, article off, with their type: for one
    // word the tagger's type must agree (الأرسنال the club is no state, whatever an alias says).
    let mut one_word: HashMap<(String, EntityType), BTreeSet<u32>> = HashMap::new();
    for &i in &mentioned {
        let e = &kb.entries[i as usize];
        if !matches!(
            e.class,
            Class::Org | Class::State | Class::City | Class::Region
        ) {
            continue;
        }
        for n in std::iter::once(&e.ar).chain(&e.aliases) {
            let norm = normalize_str(n);
            let sk = word_skeletons(norm.split(' ').map(str::to_string));
            if sk.len() >= 2 {
                names.entry(sk).or_default().insert(i);
            } else if !norm.contains(' ') && matches!(e.class, Class::Org | Class::State) {
                // One word: only the same spelling with or without the article (بوليساريو beside the
                // KB's البوليساريو, البيرو beside بيرو); a skeleton is too loose for a single word,
                // and for cities the article makes another word (الجدة "the grandmother" ≠ جدة).
                let bare = norm.strip_prefix("ال").unwrap_or(&norm).to_string();
                if bare.chars().count() >= 3 {
                    let kind = if e.class == Class::Org {
                        EntityType::Org
                    } else {
                        EntityType::Gpe
                    };
                    one_word.entry((bare, kind)).or_default().insert(i);
                }
            }
        }
    }
    // Full names (two words or more) of mentioned KB persons, word by word.
    let persons: Vec<(Vec<String>, u32)> = mentioned
        .iter()
        .filter(|&&i| kb.entries[i as usize].class == Class::Person)
        .map(|&i| {
            let toks = kb.entries[i as usize].ar.split(' ').map(normalize_str);
            (abd_joined(toks), i)
        })
        .filter(|(t, _)| t.len() >= 2)
        .collect();
    let mut out = HashMap::new();
    for (k, n) in news {
        if canon.contains_key(k) || n.toks.is_empty() {
            continue;
        }
        // A new person whose full name spells a mentioned KB person's, word by word up to the
        // spelling skeleton (بنيامين نتانياهو beside the KB's بنيامين نتنياهو), is that person: the same
        // test that joins two new full names.
        if n.kind == Some(EntityType::Per) {
            let toks = abd_joined(n.merge_toks().into_iter());
            if toks.len() >= 2 {
                let spells = |a: &String, b: &String| same_name(a, b) || skeleton(a) == skeleton(b);
                // The KB holds some people twice in two spellings (بنجامين / بنيامين نتنياهو): among
                // several hits the one sharing the most words exactly wins, if only one does.
                let mut hits: Vec<(usize, u32)> = persons
                    .iter()
                    .filter(|(pt, _)| {
                        pt.len() == toks.len() && pt.iter().zip(&toks).all(|(a, b)| spells(a, b))
                    })
                    .map(|(pt, i)| (pt.iter().zip(&toks).filter(|(a, b)| a == b).count(), *i))
                    .collect();
                // A lineage name is the start of a KB name that goes on with the family or the
                // grandfather's name (محمد بن زايد → محمد بن زايد آل نهيان), if of one only.
                if hits.is_empty() && lineage_name(&toks) {
                    // And the other way round: the KB's "عبد الله بن زايد" is the corpus's "عبدالله بن
                    // زايد آل نهيان".
                    let goes_on = |long: &[String], short: &[String]| {
                        long.len() > short.len()
                            && (matches!(short[short.len() - 1].as_str(), "بن" | "ابن" | "ال")
                                || matches!(long[short.len()].as_str(), "بن" | "ابن" | "ال"))
                            && long.iter().zip(short).all(|(a, b)| spells(a, b))
                    };
                    hits = persons
                        .iter()
                        .filter(|(pt, _)| {
                            goes_on(pt, &toks) || (lineage_name(pt) && goes_on(&toks, pt))
                        })
                        .map(|(_, i)| (0, *i))
                        .collect();
                    hits.dedup();
                    if hits.len() > 1 {
                        hits.clear();
                    }
                }
                hits.sort_unstable_by(|a, b| b.cmp(a));
                match hits.as_slice() {
                    [(_, i)] => {
                        out.insert(k.clone(), *i);
                    }
                    [(a, i), (b, _), ..] if a > b => {
                        out.insert(k.clone(), *i);
                    }
                    _ => {}
                }
            }
            continue;
        }
        // The tagger and the KB may disagree on place against organisation (the Soviet Union is a
        // LOC to the tagger, an organisation in the dictionary); a multi-word name decides.
        if !matches!(
            n.kind,
            Some(EntityType::Org | EntityType::Gpe | EntityType::Loc)
        ) {
            continue;
        }
        let hits = if n.toks.len() == 1 {
            let t = &n.toks[0];
            let kind = if n.kind == Some(EntityType::Org) {
                EntityType::Org
            } else {
                EntityType::Gpe
            };
            one_word.get(&(t.strip_prefix("ال").unwrap_or(t).to_string(), kind))
        } else {
            names.get(&word_skeletons(n.toks.iter().cloned()))
        };
        if let Some(hits) = hits {
            if hits.len() == 1 {
                out.insert(k.clone(), *hits.iter().next().expect("one hit"));
            }
        }
    }
    out
}

fn merge_new(kb: &Kb, news: &HashMap<String, NewEnt>) -> HashMap<String, String> {
    /// A name token with its two skeletons, computed once: recomputing them inside the pairwise
    /// loop made this merge the slowest step of linking a large corpus.
    struct Tok<'a> {
        t: &'a str,
        sk: String,
        ssk: String,
    }
    impl<'a> Tok<'a> {
        fn new(t: &'a str) -> Tok<'a> {
            Tok {
                t,
                sk: skeleton(t),
                ssk: surname_skeleton(t),
            }
        }
        fn same(&self, o: &Tok<'_>) -> bool {
            same_name_sk(self.t, &self.ssk, o.t, &o.ssk)
        }
        fn loose(&self, o: &Tok<'_>) -> bool {
            self.same(o) || self.sk == o.sk
        }
    }
    struct Name<'a> {
        key: &'a String,
        kind: Option<EntityType>,
        last: Tok<'a>,
        first: Option<Tok<'a>>,
        /// The last word follows بن/ابن/بنت/آل: a father's or family name.
        lineage: bool,
        /// A person's name of three name words or more and no lineage particle, whose first word
        /// may be a family name (كيم جونغ أون).
        may_lead: bool,
    }
    // عبد is written apart or onto its word (عبد الرحمن / عبدالرحمن): one name word either way.
    let mut toks_of: HashMap<&String, Vec<String>> = news
        .iter()
        .map(|(k, n)| (k, abd_joined(n.merge_toks().into_iter())))
        .collect();
    // A European name's particle is written apart or onto the surname (جان إيف لو دريان / جان
    // إيف لودريان, هايلامارايام دي سالين / ديسالين): read it onto the next word only where the
    // corpus writes that joined word in a person's name, so a particle never makes a new word
    // (لي كيكيانغ stays two words). The joined reading sorts after a name written joined, which
    // heads the entity and names it.
    let person_words: HashSet<&str> = toks_of
        .iter()
        .filter(|(k, _)| news[**k].kind.is_none_or(|t| t == EntityType::Per))
        .flat_map(|(_, t)| t.iter().map(String::as_str))
        .collect();
    let particle_read: HashMap<&String, Vec<String>> = toks_of
        .iter()
        .filter(|(k, _)| news[**k].kind.is_none_or(|t| t == EntityType::Per))
        .filter_map(|(k, t)| particle_joined(t, &person_words).map(|j| (*k, j)))
        .collect();
    let particled: HashSet<&String> = particle_read.keys().copied().collect();
    toks_of.extend(particle_read);
    // A person written once with a proclitic on the first name ("علي خامنئي بأدولف هتلر": "to
    // Adolf Hitler"; "زيدان من جهة ويورغن كلوب") is the person the corpus names without it: where
    // the tagger's span took the clitic, the document alone could not tell a clitic from a
    // name's first letter. Only where the bare name is a new person of the same words elsewhere
    // and the written first word is no known name (وليد, بيل), and never as the head others join.
    let by_toks: HashMap<&[String], &String> = toks_of
        .iter()
        .filter(|(k, t)| t.len() >= 2 && news[**k].kind == Some(EntityType::Per))
        .map(|(k, t)| (t.as_slice(), *k))
        .collect();
    let clitic_of: HashMap<&String, &String> = toks_of
        .iter()
        .filter(|(k, t)| t.len() >= 2 && news[**k].kind.is_none_or(|t| t == EntityType::Per))
        .filter_map(|(k, t)| {
            let first = &t[0];
            let rest = first.strip_prefix(['و', 'ب', 'ل', 'ف'])?;
            if rest.chars().count() < 3 || is_name_token(first) || !kb.lookup(first).is_empty() {
                return None;
            }
            let bare: Vec<String> = std::iter::once(rest.to_string())
                .chain(t[1..].iter().cloned())
                .collect();
            by_toks.get(bare.as_slice()).map(|b| (*k, *b))
        })
        .collect();
    let mut keys: Vec<&String> = news.keys().collect();
    // Longest names first, so a surname alone joins the full name; a clitic form after its bare
    // name, which has the same length.
    keys.sort_by(|a, b| {
        toks_of[*b]
            .len()
            .cmp(&toks_of[*a].len())
            .then_with(|| clitic_of.contains_key(a).cmp(&clitic_of.contains_key(b)))
            .then_with(|| particled.contains(a).cmp(&particled.contains(b)))
            .then_with(|| a.cmp(b))
    });
    let mut canon: HashMap<String, String> = HashMap::new();
    let mut heads: Vec<Name<'_>> = Vec::new();
    // How many introductions each head gathered, its own and those of the names that joined it
    // (by head index).
    let mut weight: Vec<usize> = Vec::new();
    // Heads whose first word may be a family name (`may_lead`), by index.
    let mut leaders: Vec<usize> = Vec::new();
    // Full person names that joined a head, with the head's index, by the first letter of their
    // surname's article-less skeleton, so a new name is compared with those of its letter only:
    // the fuzzy test requires that letter, and equal skeletons share it unless only one of the two
    // words has the article.
    let mut joined: HashMap<Option<char>, Vec<(usize, Name<'_>)>> = HashMap::new();
    // Heads that are lineage names of four words or more, by first word.
    let mut lineage_heads: HashMap<&str, Vec<usize>> = HashMap::new();
    // Person heads of three words or more, by the first letter of their surname's article-less
    // skeleton (as `joined`), for the shorter names that end them.
    let mut long_heads: HashMap<Option<char>, Vec<usize>> = HashMap::new();
    // The same heads by their first word's skeleton, for the shorter names that start them.
    let mut first_heads: HashMap<String, Vec<usize>> = HashMap::new();
    for k in keys {
        let n = &news[k];
        let toks = &toks_of[k];
        if let Some(&bare) = clitic_of.get(k) {
            let head = canon.get(bare).unwrap_or(bare);
            if let Some(hi) = heads.iter().position(|h| h.key == head) {
                weight[hi] += n.introductions();
                canon.insert(k.clone(), head.clone());
                continue;
            }
        }
        let Some(last) = toks.last() else {
            continue;
        };
        let name = Name {
            key: k,
            kind: n.kind,
            last: Tok::new(last),
            first: (toks.len() > 1).then(|| Tok::new(&toks[0])),
            lineage: toks.len() >= 2
                && matches!(toks[toks.len() - 2].as_str(), "بن" | "ابن" | "بنت" | "ال"),
            may_lead: toks.len() >= 3
                && n.kind.is_none_or(|t| t == EntityType::Per)
                && toks.iter().all(|t| is_name_token(t))
                && !toks
                    .iter()
                    .any(|t| matches!(t.as_str(), "بن" | "ابن" | "بنت" | "ال")),
        };
        let mut target: Option<usize> = None;
        let mut hits = 0;
        // The heads a lone name matched, for the choice below.
        let mut matched: Vec<usize> = Vec::new();
        for (hi, h) in heads.iter().enumerate() {
            if name.kind.is_some() && h.kind.is_some() && name.kind != h.kind {
                continue;
            }
            let person = name.kind == Some(EntityType::Per) || h.kind == Some(EntityType::Per);
            let ok = match (&name.first, &h.first) {
                // Names of bodies and places share heads and adjectives (حزب الحركة القومية, حزب
                // بهاراتيا جاناتا القومي): every word must agree, not just the first and last.
                (Some(_), Some(_)) if !person => {
                    let (a, b) = (&toks_of[name.key], &toks_of[h.key]);
                    a.len() == b.len()
                        && a.iter()
                            .zip(b)
                            .all(|(x, y)| Tok::new(x).loose(&Tok::new(y)))
                }
                // Two full names: both tokens agree, at least up to the spelling skeleton, or the
                // first names are one name short and long (جيم / جيمس ماتيس).
                (Some(a), Some(b)) => {
                    (a.loose(b) || short_given_name(a.t, b.t))
                        && name.last.loose(&h.last)
                        && same_lineage(&toks_of[name.key], &toks_of[h.key])
                }
                // A lone name is not the father's name at the end of a lineage name (سلمان, محمد
                // بن سلمان).
                _ => name.last.same(&h.last) && !name.lineage && !h.lineage,
            };
            if ok {
                hits += 1;
                if target.is_none() {
                    target = Some(hi);
                }
                if name.first.is_none() {
                    matched.push(hi);
                }
            }
        }
        // Joining is not transitive: "جيم ماتيس" joined the head "جاومي ماتاس" by skeleton, and
        // "جيمس ماتيس" matches the first but not the head. A full name no head takes may join a
        // full name that joined one.
        if target.is_none() && name.kind == Some(EntityType::Per) {
            if let Some(first) = &name.first {
                target = joined
                    .get(&name.last.ssk.chars().next())
                    .into_iter()
                    .flatten()
                    .find(|(_, j)| {
                        j.first.as_ref().is_some_and(|b| {
                            (first.loose(b) || short_given_name(first.t, b.t))
                                && name.last.loose(&j.last)
                                && same_lineage(&toks_of[name.key], &toks_of[j.key])
                        })
                    })
                    .map(|(t, _)| *t);
                hits = usize::from(target.is_some());
            }
        }
        // A lineage name is the start of a longer one with the family or grandfather's name: "تميم
        // بن حمد" is "تميم بن حمد آل ثاني" when no other name goes on from it.
        if target.is_none() && name.kind == Some(EntityType::Per) && lineage_name(toks) {
            let longer: Vec<usize> = lineage_heads
                .get(toks[0].as_str())
                .into_iter()
                .flatten()
                .copied()
                .filter(|&hi| {
                    let h = &toks_of[heads[hi].key];
                    // A name cut after its particle ("تميم بن حمد آل") goes on with any word.
                    h.len() > toks.len()
                        && (matches!(h[toks.len()].as_str(), "بن" | "ابن" | "ال")
                            || matches!(toks[toks.len() - 1].as_str(), "بن" | "ابن" | "ال"))
                        && h.iter()
                            .zip(toks)
                            .all(|(x, y)| Tok::new(x).loose(&Tok::new(y)))
                })
                .collect();
            if let [hi] = longer[..] {
                target = Some(hi);
                hits = 1;
            }
        }
        // A full name may be the end of a longer one: "جواد ظريف" of "محمد جواد ظريف", "دياز
        // كانيل" of "ميغيل دياز كانيل", where the writer left out the first of two given names.
        // But an Arabic name without its first word is the father's name (أشرف النجار of رزان
        // أشرف النجار, عبد الله صالح of طارق محمد عبد الله صالح), and the words cannot tell the two
        // apart: both names must have been given the same office in apposition (وزير الخارجية
        // الإيراني, الرئيس الكوبي). Not the end of a lineage name. Where several longer names
        // qualify, or the longer name is rarer than this one, it goes to the one the corpus uses
        // far more often, as a lone surname does below.
        // A name never starts with الله: "الله غولن" is "فتح الله غولن" cut after its first word
        // ("حركة فتح الله غولن"), whatever office it was given.
        let cut_allah = toks[0] == "الله";
        if target.is_none()
            && name.kind == Some(EntityType::Per)
            && name.first.is_some()
            && !name.lineage
            && (cut_allah || !n.offices.is_empty())
        {
            let mut cands: Vec<(usize, &String, usize)> = long_heads
                .get(&name.last.ssk.chars().next())
                .into_iter()
                .flatten()
                .copied()
                .filter(|&hi| {
                    let h = &toks_of[heads[hi].key];
                    h.len() > toks.len()
                        && heads[hi].last.loose(&name.last)
                        && (cut_allah || !news[heads[hi].key].offices.is_disjoint(&n.offices))
                        && !matches!(
                            h[h.len() - toks.len() - 1].as_str(),
                            "بن" | "ابن" | "بنت" | "ال"
                        )
                        && h[h.len() - toks.len()..]
                            .iter()
                            .zip(toks)
                            .all(|(x, y)| Tok::new(x).loose(&Tok::new(y)))
                })
                .map(|hi| (weight[hi], heads[hi].key, hi))
                .collect();
            cands.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
            let second = cands.get(1).map_or(0, |c| c.0);
            if let Some(&(w, _, hi)) = cands.first() {
                if w >= 3 * second && (cut_allah || 2 * w >= n.introductions()) {
                    target = Some(hi);
                    hits = 1;
                }
            }
        }
        // A full name may also be the start of a longer one, the family name left out by the
        // writer or cut off by the tagger: "عبد ربه منصور" of "عبد ربه منصور هادي", "ميغيل دياز"
        // of "ميغيل دياز كانيل". Only where one longer name dominates threefold over any other
        // that starts so and the corpus uses it at least twice as often as this one: "محمد حسين",
        // "صلاح الدين" (also a province) and "كيم يونغ" start several names.
        if target.is_none()
            && name.kind == Some(EntityType::Per)
            && name.first.is_some()
            && !name.lineage
        {
            let mut cands: Vec<(usize, &String, usize)> = first_heads
                .get(
                    &name
                        .first
                        .as_ref()
                        .map_or_else(String::new, |f| f.sk.clone()),
                )
                .into_iter()
                .flatten()
                .copied()
                .filter(|&hi| {
                    // The same words, not skeletons: "جون مور" is no start of "جان ماري لوبان".
                    // And the words that go on are a name's, not a list's or a sentence's
                    // ("مسعود أوزيل وإلكاي غوندوغان", "دونالد ترامب أشارا").
                    let h = &toks_of[heads[hi].key];
                    h.len() > toks.len()
                        && h.starts_with(toks)
                        && h[toks.len()..].iter().all(|w| {
                            (!common_broad(kb, w) || particle_surname(w))
                                && (!w.starts_with('و') || is_name_token(w))
                        })
                })
                .map(|hi| (weight[hi], heads[hi].key, hi))
                .collect();
            cands.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
            let second = cands.get(1).map_or(0, |c| c.0);
            if let Some(&(w, _, hi)) = cands.first() {
                if w >= 3 * second && w >= 2 * n.introductions() {
                    target = Some(hi);
                    hits = 1;
                }
            }
        }
        // A word alone may also be the family name that leads a name of three words or more
        // (كيم of كيم جونغ أون, مون of مون جاي إن). Where it is, or where several full names end
        // in it, it goes to the name the corpus uses far more often (threefold), whichever end
        // the word sits at: "كيم" alone is Kim Jong-un far more often than the US envoy Sung Kim,
        // and "السيسي" alone the president, not another article's "يوسف السيسي".
        // A word that begins a KB person's name written given name first (عبد, صالح) is a given
        // name, not such a family name.
        if name.first.is_none()
            && name.kind.is_none_or(|t| t == EntityType::Per)
            && !(std::ptr::eq(kb, Kb::builtin()) && kb_given_names(kb).contains(name.last.t))
        {
            let leading: Vec<usize> = leaders
                .iter()
                .copied()
                .filter(|&i| heads[i].first.as_ref().is_some_and(|f| f.same(&name.last)))
                .collect();
            if !leading.is_empty() || hits > 1 {
                let mut cands: Vec<usize> = matched
                    .iter()
                    .copied()
                    .filter(|&i| heads[i].kind.is_none_or(|t| t == EntityType::Per))
                    .chain(leading)
                    .collect();
                cands.sort_unstable();
                cands.dedup();
                let mut cands: Vec<(usize, &String, usize)> = cands
                    .iter()
                    .map(|&i| (weight[i], heads[i].key, i))
                    .collect();
                cands.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
                let best = cands.first().copied();
                let second = cands.get(1).map_or(0, |c| c.0);
                match best {
                    Some((w, key, hi)) if w >= 3 * second && 2 * w >= n.introductions() => {
                        weight[hi] += n.introductions();
                        canon.insert(k.clone(), key.clone());
                    }
                    _ => {
                        weight.push(n.introductions());
                        heads.push(name);
                    }
                }
                continue;
            }
        }
        // A surname shared by two different full names is left alone.
        match target {
            Some(hi) if hits == 1 || name.first.is_some() => {
                weight[hi] += n.introductions();
                canon.insert(k.clone(), heads[hi].key.clone());
                if name.first.is_some() && name.kind == Some(EntityType::Per) {
                    joined
                        .entry(name.last.ssk.chars().next())
                        .or_default()
                        .push((hi, name));
                }
            }
            _ => {
                if name.may_lead {
                    leaders.push(heads.len());
                }
                if name.kind == Some(EntityType::Per) && lineage_name(toks) && toks.len() >= 4 {
                    lineage_heads
                        .entry(toks[0].as_str())
                        .or_default()
                        .push(heads.len());
                }
                if name.kind == Some(EntityType::Per) && toks.len() >= 3 {
                    long_heads
                        .entry(name.last.ssk.chars().next())
                        .or_default()
                        .push(heads.len());
                    if let Some(f) = &name.first {
                        first_heads
                            .entry(f.sk.clone())
                            .or_default()
                            .push(heads.len());
                    }
                }
                weight.push(n.introductions());
                heads.push(name);
            }
        }
    }
    canon
}

/// A person's name of three words or more with a lineage particle (محمد بن سلمان).
fn lineage_name(toks: &[String]) -> bool {
    toks.len() >= 3
        && toks
            .iter()
            .any(|t| matches!(t.as_str(), "بن" | "ابن" | "بنت"))
}

/// Two full names with a lineage particle are one name only word for word: "محمد بن نواف بن
/// عبدالعزيز" shares its first and last words with "محمد بن سلمان بن عبدالعزيز" and is another
/// prince. Names without one are compared by their first and last words alone, but a family
/// name with its kunya is one word: "أحمد أبو زيد" is not "أحمد زاهد" (زيد and زاهد share a
/// skeleton).
fn same_lineage(a: &[String], b: &[String]) -> bool {
    let kunya =
        |t: &[String]| t.len() >= 3 && matches!(t[t.len() - 2].as_str(), "ابو" | "ابا" | "ابي");
    if kunya(a) != kunya(b) {
        return false;
    }
    if !(lineage_name(a) || lineage_name(b)) {
        return true;
    }
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x == y || skeleton(x) == skeleton(y) || same_name(x, y))
}

/// Name tokens with عبد written onto the word after it, as the press often writes it too:
/// "سلمان بن عبدالعزيز" is the KB's "سلمان بن عبد العزيز".
/// A surname with a European particle written onto it (لودريان, ديسالين): a name word as "لو
/// دريان" is, though news uses it often enough to be on the frequent-word list. The rest must be
/// a name of four letters or more: «دوناد» (a handle's misspelt "Donald") is no دو + «ناد».
fn particle_surname(w: &str) -> bool {
    ["لو", "دي", "دو"].iter().any(|p| {
        w.strip_prefix(p)
            .is_some_and(|r| r.chars().count() >= 4 && is_name_token(r))
    })
}

/// The name's words with a European particle (لو, دي, دو) read onto the next word, where the
/// joined word is one the corpus writes in a person's name (`words`); `None` if nothing joins.
fn particle_joined(toks: &[String], words: &HashSet<&str>) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::with_capacity(toks.len());
    let mut joined = false;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if let Some(next) = toks.get(i + 1) {
            if matches!(t.as_str(), "لو" | "دي" | "دو") {
                let j = format!("{t}{next}");
                if words.contains(j.as_str()) {
                    out.push(j);
                    joined = true;
                    i += 2;
                    continue;
                }
            }
        }
        out.push(t.clone());
        i += 1;
    }
    joined.then_some(out)
}

fn abd_joined(toks: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in toks {
        match out.last_mut() {
            Some(prev) if prev == "عبد" => prev.push_str(&t),
            _ => out.push(t),
        }
    }
    out
}

/// Two first names are one name written short and long: one begins the other by three letters or
/// more and goes on by a syllable that is no feminine ending (جيم / جيمس, مايك / مايكل, دان /
/// دانيال; not سعيد / سعيدة).
fn short_given_name(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let Some(rest) = long.strip_prefix(short) else {
        return false;
    };
    short.chars().count() >= 3
        && (1..=3).contains(&rest.chars().count())
        && !rest.ends_with(['ة', 'ه', 'ا', 'ى'])
        && is_name_token(short)
        && is_name_token(long)
}

#[allow(clippy::too_many_lines)]
fn link_doc(
    kb: &Kb,
    gaz: &Gazetteer<'_>,
    d: &DocInput<'_>,
    news: &mut HashMap<String, NewEnt>,
    global_bind: &mut HashMap<(String, u32), (Key, Option<String>)>,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<M>, Vec<BoundRel>) {
    let dt = DocTokens::new(d.text);
    let matches = gaz.find_tokens(&dt);
    let mut out: Vec<M> = Vec::new();
    let mut rels = Vec::new();
    let mut covered = vec![false; dt.toks.len()];
    // The words of a title whose holder is named beside it ("ولي العهد السعودي، محمد بن سلمان"):
    // no person candidate takes them over (the tagger reads «العهد السعودي» as a name).
    let mut title_words = vec![false; dt.toks.len()];
    let mut tok_match: Vec<Option<usize>> = vec![None; dt.toks.len()];
    for (mi, m) in matches.iter().enumerate() {
        for t in &mut tok_match[m.tok_start..m.tok_end] {
            *t = Some(mi);
        }
    }
    let stripped = |i: usize| -> &str {
        let t = dt.text(i);
        t.strip_prefix('و')
            .filter(|s| s.chars().count() >= 2)
            .unwrap_or(t)
    };
    // 1. Titles: TITLE [portfolio] [STATE-nisba | STATE] [former/current] [NAME].
    let mut title_bind: HashMap<(String, u32), Key> = HashMap::new();
    let mut persons: Vec<Person> = Vec::new();
    let add_person = |persons: &mut Vec<Person>, key: &Key, toks: &[String]| {
        if persons.iter().any(|p| &p.key == key) {
            return;
        }
        // A regnal number is no surname: a lone "الثاني" is "the second", not King Abdullah II.
        if let Some(l) = toks.last().filter(|l| !is_regnal_number(l)) {
            persons.push(Person {
                key: key.clone(),
                first: (toks.len() >= 2).then(|| toks[0].clone()),
                last: l.clone(),
                last_skel: surname_skeleton(l),
                words: toks.to_vec(),
            });
        }
    };
    // States the document names, for names two KB persons share.
    let doc_states: HashSet<u32> = matches
        .iter()
        .flat_map(|m| m.targets.iter())
        .filter(|t| kb.entries[t.entry as usize].class == Class::State)
        .map(|t| t.entry)
        .collect();
    // States named by a match that cannot be a city (سلطنة عمان، العماني), for a name one state
    // shares with another state's capital.
    let plain_states: HashSet<u32> = matches
        .iter()
        .filter(|m| {
            !m.targets
                .iter()
                .any(|t| kb.entries[t.entry as usize].class == Class::City)
        })
        .flat_map(|m| m.targets.iter())
        .filter(|t| kb.entries[t.entry as usize].class == Class::State)
        .map(|t| t.entry)
        .collect();
    let mut i = 0;
    while i < dt.toks.len() {
        let raw = dt.text(i);
        let t = if is_title_head(raw) || is_minister(raw) {
            raw
        } else {
            stripped(i)
        };
        // ولي العهد ("the heir", the crown prince) is an office of its own: its holder is not the
        // state's leader, but "ولي العهد السعودي" names one man as "الرئيس الروسي" does.
        let heir = matches!(raw, "ولي" | "وولي" | "لولي" | "ولولي")
            && i + 1 < dt.toks.len()
            && dt.text(i + 1) == "العهد";
        let head = is_title_head(t) || heir;
        let minister = is_minister(t);
        if !(head || minister) || covered[i] {
            i += 1;
            continue;
        }
        // A title that depends on a deputy, an aide or a spokesman ("نائب الرئيس الأمريكي، مايك
        // بنس"، "المتحدث باسم الرئيس الروسي، دميتري بيسكوف"، "مستشار الرئيس الفلسطيني") names
        // another office: the name after it is not the state's leader or minister.
        if i > 0
            && dt.gap_after(i - 1).trim().is_empty()
            && matches!(
                dt.text(i - 1).trim_start_matches(['و', 'ف', 'ل', 'ب']),
                "نائب"
                    | "نائبه"
                    | "مساعد"
                    | "مساعده"
                    | "وكيل"
                    | "مستشار"
                    | "مستشاره"
                    | "اسم"
                    | "مبعوث"
                    | "مبعوثه"
                    | "ممثل"
                    | "ممثله"
            )
        {
            i += 1;
            continue;
        }
        let start_tok = i;
        let mut j = i + 1;
        let mut rel = "leader_of";
        let mut title = t.trim_start_matches("ال").to_string();
        if heir {
            rel = "crown_prince_of";
            title = "ولي العهد".to_string();
            j += 1;
        } else if head && GOV_HEAD.contains(&dt.text(j)) {
            title.push(' ');
            title.push_str(dt.text(j).trim_start_matches("ال"));
            j += 1;
        } else if minister {
            rel = "minister_of";
            let p = dt.text(j);
            if p.starts_with("ال") || p == "خارجيه" || p == "دفاع" {
                title = format!("وزير {}", p.trim_start_matches("ال"));
                j += 1;
            }
            // "وزير الاقتصاد والمالية", "وزيرة للمالية": finance, not the nisba of Mali.
            while j < dt.toks.len()
                && matches!(
                    dt.text(j).trim_start_matches(['و', 'ل']),
                    "ماليه" | "الماليه"
                )
            {
                j += 1;
            }
        }
        // The state: a nisba adjective or a state name right after the title.
        let mut state: Option<(u32, usize)> = None;
        if let Some(mi) = tok_match.get(j).copied().flatten() {
            let m = &matches[mi];
            if m.tok_start == j {
                if let Some(tg) = m
                    .targets
                    .iter()
                    .find(|tg| kb.entries[tg.entry as usize].class == Class::State)
                {
                    state = Some((tg.entry, mi));
                    j = m.tok_end;
                }
            }
        }
        // Without a state, a title introduces a person only when a name follows at once
        // ("الرئيس «توكاييف»") or after "السابق".
        let name_follows = tok_match.get(j).is_some_and(Option::is_none)
            && name_like(dt.text(j))
            && !dt
                .gap_after(j - 1)
                .chars()
                .any(|c| ".,;:!?()\n".contains(c));
        if state.is_none() && !FORMER.contains(&dt.text(j)) && !name_follows {
            i += 1;
            continue;
        }
        // "أول رئيس أميركي", "أي رئيس أميركي": a title and a nisba both without the article name
        // any holder of the office, no one, unless a name follows.
        let indefinite = !t.starts_with("ال")
            && state.is_some_and(|(_, mi)| {
                !dt.text(matches[mi].tok_start).starts_with("ال")
                    && matches[mi]
                        .targets
                        .iter()
                        .any(|tg| tg.kind == AliasKind::Adjective)
            });
        if indefinite && !name_follows {
            i += 1;
            continue;
        }
        let mut former = false;
        while j < dt.toks.len() && dt.gap_after(j - 1).trim().is_empty() {
            let w = dt.text(j);
            if FORMER.contains(&w) {
                former = true;
                j += 1;
            } else if CURRENT.contains(&w) {
                j += 1;
            } else {
                break;
            }
        }
        let title_end = j;
        // "الأمير السعودي" / "الأمير البريطاني وليام" is a prince, not the head of state; only
        // "أمير قطر" (the emir of a state, named) leads it.
        let prince = title == "امير"
            && state.is_some_and(|(st, mi)| {
                matches[mi]
                    .targets
                    .iter()
                    .any(|t| t.entry == st && t.kind == AliasKind::Adjective)
            });
        let title_span = (dt.toks[start_tok].orig.0, dt.toks[title_end - 1].orig.1);
        // Apposition: a name right after the title (no sentence punctuation between).
        let gap_ok = |a: usize| !dt.gap_after(a).chars().any(|c| ".,;:!?()\n".contains(c));
        // A rank or honorific may stand between the office and the name: "ولي العهد السعودي الأمير
        // محمد بن سلمان", "أمير قطر الشيخ تميم بن حمد". It is part of neither. A king or president is
        // no prince or sheikh: after their titles it starts another person, the verb's object
        // ("وعين العاهل السعودي الأمير بدر بن عبد الله وزيرا").
        let honorific_ok = heir || minister || title == "امير" || title.contains(' ');
        if honorific_ok
            && state.is_some()
            && j + 1 < dt.toks.len()
            && HONORIFICS.contains(&dt.text(j))
            && gap_ok(j - 1)
            && gap_ok(j)
            && (tok_match[j + 1].is_some() || name_like(dt.text(j + 1)))
        {
            j += 1;
        }
        // Apposition set off by commas: "وزير الخارجية الإيراني، جواد ظريف، …". Only after a title
        // with its state, and only where a comma closes the name within three words: a comma
        // alone after the title as often ends a clause ("قال الرئيس الأمريكي، في تغريدة").
        // A name that starts with the conjunction و after the comma is the next item of a list
        // whose titles follow the names ("أليكسيس تسيبراس، رئيس وزراء اليونان، وزوران زايف،
        // رئيس وزراء مقدونيا"), unless the word is itself a known name (وليد).
        let conjunct = |k: usize| {
            let w = dt.text(k);
            w.starts_with('و') && !is_name_token(w) && kb.lookup(w).is_empty()
        };
        let comma_apposition = state.is_some()
            && dt.gap_after(j - 1).trim() == ","
            && j < dt.toks.len()
            && !conjunct(j)
            && (j..(j + 3).min(dt.toks.len()))
                .find(|&m| !gap_ok(m))
                .is_some_and(|m| dt.gap_after(m).trim() == ",");
        let mut named: Option<(Key, usize, usize, Vec<String>)> = None;
        if j < dt.toks.len() && (gap_ok(j - 1) || comma_apposition) {
            if let Some(mi) = tok_match[j] {
                let m = &matches[mi];
                if m.tok_start == j {
                    if let Some(tg) =
                        person_reading(kb, m.targets, d.published, state.map(|s| s.0), &doc_states)
                    {
                        // A KB name that goes on with more name words is only the start of another
                        // person's name: "وزير الخارجية السعودي عبد الله جبير", "رئيس الوزراء القطري
                        // عبد الله آل ثاني" are not the KB's King Abdullah.
                        // Only a given name can go on so (one word, or عبد + a word): after a
                        // full name the next word is the sentence's (بشار الأسد يتحمل).
                        let given = m.tok_end - m.tok_start == 1
                            || (m.tok_end - m.tok_start == 2 && dt.text(m.tok_start) == "عبد");
                        let mut k = m.tok_end;
                        while given
                            && k < dt.toks.len()
                            && k < m.tok_end + 3
                            && gap_ok(k - 1)
                            && tok_match[k].is_none()
                            && (surname_goes_on(dt.text(k))
                                || (matches!(dt.text(k), "بن" | "ابن" | "بنت" | "ال")
                                    && k + 1 < dt.toks.len()
                                    && surname_goes_on(dt.text(k + 1))))
                        {
                            k += 1;
                        }
                        if k > m.tok_end {
                            let toks: Vec<String> =
                                (j..k).map(|x| dt.text(x).to_string()).collect();
                            let key = resolve_new_person(kb, &toks, &persons, d.published);
                            named = Some((key, j, k, toks));
                        } else {
                            let toks: Vec<String> = kb.entries[tg.entry as usize]
                                .ar
                                .split(' ')
                                .map(normalize_str)
                                .collect();
                            named = Some((Key::Kb(tg.entry), j, m.tok_end, toks));
                        }
                    }
                }
            } else {
                let mut k = j;
                let mut toks = Vec::new();
                // بن/ابن/بنت/آل inside a name (الأمير محمد بن سلمان) is too short to look like a name
                // word, and it does not count towards the name's length.
                let particle_at = |k: usize| {
                    k > j
                        && k + 1 < dt.toks.len()
                        && matches!(dt.text(k), "بن" | "ابن" | "بنت" | "ال" | "لو" | "دي" | "دو")
                        && gap_ok(k)
                        && name_goes_on(dt.text(k + 1))
                };
                // عبد takes the next word with its article (عبد الفتاح السيسي, عبد العزيز): one name word.
                let after_abd = |k: usize| {
                    k > j
                        && dt.text(k - 1) == "عبد"
                        && gap_ok(k - 1)
                        && dt
                            .text(k)
                            .strip_prefix("ال")
                            .is_some_and(|r| r.chars().count() >= 2)
                };
                // And a family name with the article may follow it (عبد الفتاح السيسي, عبد الملك
                // المخلافي): a known name word or a nisba that is no common word.
                let abd_surname = |k: usize| {
                    k >= j + 2
                        && after_abd(k - 1)
                        && gap_ok(k - 1)
                        && dt.text(k).starts_with("ال")
                        && dt.text(k).chars().count() >= 5
                        && !common_strict(dt.text(k))
                        && (is_name_token(dt.text(k)) || dt.text(k).ends_with('ي'))
                };
                // "بكيم" is also a name (Bekim): it is ب + a name where the word after it goes on
                // as another document's person does ("الرئيس الأمريكي بكيم جونغ أون": "with Kim
                // Jong-un").
                let preposition_on_known_name = |r: &str, k: usize| {
                    k + 1 < dt.toks.len() && gap_ok(k) && {
                        let (a, b) = (Spelled::new(r), Spelled::new(dt.text(k + 1)));
                        news.values()
                            .any(|e| e.spelled.windows(2).any(|w| w[0].same(&a) && w[1].same(&b)))
                    }
                };
                let mut particles = 0;
                // Past two name words a news-frequent noun in ة ends the name (دونالد ترامب تغريدة).
                while k < dt.toks.len()
                    && k < j + 3 + particles
                    && tok_match[k].is_none()
                    && (name_like(dt.text(k))
                        || particle_at(k)
                        || (k > j && particle_at(k - 1))
                        || after_abd(k)
                        || abd_surname(k))
                    // ل + ال never starts a name (الرئيس الأمريكي للتشكيك), nor ب before a name
                    // (الرئيس الأمريكي بكيم جونغ: "with Kim").
                    && !dt.text(k).starts_with("لل")
                    // Nor بأن ("الرئيس الفرنسي بأن ماكرون": "the French president['s office said]
                    // that Macron").
                    && written_particle(&d.text[dt.toks[k].orig.0..dt.toks[k].orig.1]).is_none()
                    && !(k == j
                        && dt.text(k).strip_prefix('ب').is_some_and(|r| {
                            (is_name_token(r) && !is_name_token(dt.text(k)))
                                || preposition_on_known_name(r, k)
                        }))
                    // Nor does a function or ordinary word go on one (لودريان بأن، كيكل ضغوطا),
                    // or a word joined by و that is no name (الملك السعودي سلمان وشرحت).
                    && !(k > j && common_strict(dt.text(k)) && !is_name_token(dt.text(k)))
                    && !(k > j
                        && !is_name_token(dt.text(k))
                        && dt.text(k).strip_prefix('و').is_some_and(|r| {
                            !is_name_token(r)
                                && (common_strict(r)
                                    || common_broad(kb, r)
                                    || r.starts_with(['ي', 'ت']))
                        }))
                    && !(k >= j + 2 && common_broad(kb, dt.text(k)) && dt.text(k).ends_with('ه'))
                {
                    if particle_at(k) || after_abd(k) {
                        particles += 1;
                    }
                    toks.push(dt.text(k).to_string());
                    // A European particle introduces the surname, which ends the name (جان إيف لو
                    // دريان; not «سيرك دو سولاي" سيرك الشمس»).
                    let surname_after_particle =
                        k > j + 1 && matches!(dt.text(k - 1), "لو" | "دي" | "دو");
                    if !gap_ok(k) || surname_after_particle {
                        k += 1;
                        break;
                    }
                    k += 1;
                }
                // "سيرغي لافروف": an unknown first name before a KB person's surname is that person.
                let kb_next = tok_match
                    .get(k)
                    .copied()
                    .flatten()
                    .map(|mi| &matches[mi])
                    .filter(|m| {
                        m.tok_start == k
                            && m.targets
                                .iter()
                                .any(|t| kb.entries[t.entry as usize].class == Class::Person)
                    });
                // After بن the KB person is the father: "حسين بن عبد الله" is not King Abdullah.
                if let (Some(m), Some("بن" | "ابن" | "بنت")) =
                    (kb_next, toks.last().map(String::as_str))
                {
                    toks.extend((m.tok_start..m.tok_end).map(|x| dt.text(x).to_string()));
                    k = m.tok_end;
                }
                let kb_next = kb_next.filter(|m| m.tok_start == k);
                if let (false, Some(m)) = (toks.is_empty() || k > j + 2, kb_next) {
                    let p =
                        person_reading(kb, m.targets, d.published, state.map(|s| s.0), &doc_states)
                            .map(|t| t.entry)
                            .unwrap_or(m.targets[0].entry);
                    let ptoks: Vec<String> = kb.entries[p as usize]
                        .ar
                        .split(' ')
                        .map(normalize_str)
                        .collect();
                    named = Some((Key::Kb(p), j, m.tok_end, ptoks));
                } else if !toks.is_empty() {
                    // One word alone after a title is a person of this document, or a KB person who
                    // holds a role in the title's state. A person of another document with that
                    // surname, or a KB person of another country, is too weak: in a large corpus
                    // "وزير الخارجية المكسيكي لويس" or "وزير الأمن الإسرائيلي جلعاد" always finds one.
                    // Without a state ("الرئيس «توكاييف»") a person named in an earlier document
                    // still counts: the surname is all there is to go on.
                    // In a name with a lineage particle the last word is a father's name: "الملك
                    // السعودي سلمان" is not فيصل بن سلمان of the same article.
                    let lineage = |p: &Person| {
                        let name = match &p.key {
                            Key::Kb(i) => kb.entries[*i as usize].ar.as_str(),
                            Key::New(n) => n.as_str(),
                        };
                        name.split(' ').any(|w| matches!(w, "بن" | "ابن" | "بنت"))
                    };
                    let in_doc =
                        |t: &String| persons.iter().any(|p| same_name(t, &p.last) && !lineage(p));
                    let month = d.published.and_then(|p| p.get(..7));
                    // The person another document of the month bound to this title and state.
                    let bound = |t: &String| -> Option<Key> {
                        let (st, _) = state?;
                        let (k, m) = global_bind.get(&(title.clone(), st))?;
                        if m.as_deref() != month {
                            return None;
                        }
                        let last = match k {
                            Key::Kb(i) => kb.entries[*i as usize]
                                .ar
                                .split(' ')
                                .next_back()
                                .map(normalize_str),
                            Key::New(n) => news.get(n).and_then(|e| e.toks.last().cloned()),
                        }?;
                        same_name(t, &last).then(|| k.clone())
                    };
                    let role_holder = |t: &String| -> Option<Key> {
                        match state {
                            Some((st, _)) => {
                                kb_role_person(kb, t, st).map(Key::Kb).or_else(|| bound(t))
                            }
                            None => None,
                        }
                    };
                    let known_any = |t: &String| {
                        let sp = Spelled::new(t);
                        in_doc(t)
                            || news
                                .values()
                                .any(|e| e.last.as_ref().is_some_and(|l| sp.same(l)))
                            || kb_person_fuzzy(kb, std::slice::from_ref(t)).is_some()
                    };
                    // Stop the name at a person already known ("الرئيس توكاييف يثق بجيشه").
                    // A surname known here, in another article or in the KB. Two or more words need
                    // one such word or a known name token.
                    let known = |t: &String| {
                        let sp = Spelled::new(t);
                        persons.iter().any(|p| same_name(t, &p.last))
                            || news
                                .values()
                                .any(|e| e.last.as_ref().is_some_and(|l| sp.same(l)))
                            || kb_person_fuzzy(kb, std::slice::from_ref(t)).is_some()
                    };
                    // A lineage particle goes on with the name (الأمير محمد بن سلمان), and a word of
                    // another document's person is no stop after the first word when a known surname
                    // follows it: once one article made "دونالد" or "محمد" a person, every "الرئيس
                    // دونالد ترامب" and "الأمير محمد بن سلمان" of the corpus was cut there.
                    // Further in, it is no stop where another document's person has it and the next
                    // word in a row: once one article made "محمد جواد" a person, every "وزير
                    // الخارجية الإيراني محمد جواد ظريف" was cut after جواد, though the corpus knew
                    // the whole name. Any known next word would be too loose: "ماي أمرت".
                    let continues_known_name = |n: usize| {
                        let (a, b) = (Spelled::new(&toks[n - 1]), Spelled::new(&toks[n]));
                        news.values().any(|e| {
                            e.spelled.len() > n
                                && e.spelled.windows(2).any(|w| w[1].same(&b) && w[0].same(&a))
                        })
                    };
                    let cut = (1..toks.len())
                        .find(|&n| {
                            let particle = |t: &String| {
                                matches!(
                                    t.as_str(),
                                    "بن" | "ابن" | "بنت" | "ال" | "لو" | "دي" | "دو"
                                )
                            };
                            if particle(&toks[n]) || particle(&toks[n - 1]) {
                                return false;
                            }
                            // عبد and the word after it are one given name: another article's
                            // "عبد الفتاح" does not end "عبد الفتاح السيسي" there.
                            if toks[n - 1] == "عبد" || (n >= 2 && toks[n - 2] == "عبد") {
                                return false;
                            }
                            // A holder bound by a lone word ("الرئيس الأمريكي دونالد" once) does not
                            // cut the whole name another article knows ("دونالد ترامب").
                            if n == 1 && state.is_some() {
                                return (in_doc(&toks[0]) || role_holder(&toks[0]).is_some())
                                    && !continues_known_name(1);
                            }
                            let t = Spelled::new(&toks[n - 1]);
                            persons.iter().any(|p| same_name(&toks[n - 1], &p.last))
                                || (news
                                    .values()
                                    .any(|e| e.last.as_ref().is_some_and(|l| t.same(l)))
                                    && !(n == 1 && known(&toks[n]) || continues_known_name(n)))
                                || kb_person_fuzzy(kb, &toks[..n]).is_some()
                        })
                        .unwrap_or(toks.len());
                    toks.truncate(cut);
                    if toks.len() == 1 && state.is_some() {
                        // The state's own office holder first: "الملك السعودي سلمان" is King Salman
                        // even beside فيصل بن سلمان, whose father's name it is.
                        let key = role_holder(&toks[0]).or_else(|| {
                            in_doc(&toks[0])
                                .then(|| resolve_new_person(kb, &toks, &persons, d.published))
                        });
                        if let Some(key) = key {
                            named = Some((key, j, j + cut, toks));
                        }
                    } else if toks.len() == 1 {
                        if known_any(&toks[0]) {
                            let key = resolve_new_person(kb, &toks, &persons, d.published);
                            named = Some((key, j, j + cut, toks));
                        }
                    } else if toks.iter().any(|t| is_name_token(t) || known(t)) {
                        let key = resolve_new_person(kb, &toks, &persons, d.published);
                        named = Some((key, j, j + cut, toks));
                    }
                }
            }
        }
        // Name before the title: "مولود تشاويش أوغلو، وزير الخارجية التركي".
        // Only where the name is set off by a comma, or a minister's title follows it (VSO order makes
        // "استقبل ماكرون الرئيس الأمريكي" otherwise look the same).
        // A title joined by و (…محمد بن سلمان، والرئيس الفرنسي) starts another conjunct: the name
        // before it is someone else.
        let joined = !is_title_head(raw) && !is_minister(raw) && raw.starts_with('و');
        let post_ok =
            start_tok > 0 && !joined && (minister || dt.gap_after(start_tok - 1).contains(','));
        if named.is_none() && post_ok {
            let mut k = start_tok;
            let mut toks = Vec::new();
            while k > 0 && start_tok - k < 3 {
                let p = k - 1;
                if tok_match[p].is_some() || covered[p] || !name_like(dt.text(p)) {
                    break;
                }
                let gap = dt.gap_after(p);
                if p + 1 < start_tok && !gap_ok(p) {
                    break;
                }
                if p + 1 == start_tok && gap.chars().any(|c| ".;:!?()\n".contains(c)) {
                    break;
                }
                toks.insert(0, dt.text(p).to_string());
                k = p;
            }
            // A name read leftwards from its title can take in the verb before it (هاجم أنور
            // قرقاش): a leading news-frequent word that is not a known name token is not the name.
            while toks.len() > 2 && (common_broad(kb, &toks[0]) || verb_with_object(kb, &toks[0])) {
                toks.remove(0);
                k += 1;
            }
            // A name that stands right after another title is that title's apposition, not this
            // one's: "الرئيس الروسي، فلاديمير بوتين، رئيس الوزراء الإسرائيلي، بنيامين نتنياهو".
            // The title may stand up to four words back ("الرئيس الكوري الشمالي كيم جونغ أون،
            // الرئيس الكوبي"), with at most a comma between.
            let follows_title = |a: usize| -> bool {
                // زعيم ("leader") heads no office of its own, but a name after it is still its
                // apposition (زعيم كوريا الشمالية، كيم جونغ أون، الرئيس الصيني، شي جين بينغ).
                let head = |q: usize| {
                    let t = stripped(q);
                    is_title_head(t) || is_minister(t) || matches!(t, "زعيم" | "الزعيم")
                };
                (a.saturating_sub(4)..a).any(|q| {
                    head(q)
                        && (q..a - 1)
                            .all(|x| !dt.gap_after(x).chars().any(|c| ".;:!?()\n".contains(c)))
                })
            };
            if toks.len() >= 2 && toks.iter().any(|t| is_name_token(t)) {
                if !follows_title(k) {
                    let key = resolve_new_person(kb, &toks, &persons, d.published);
                    named = Some((key, k, start_tok, toks));
                }
            } else if start_tok > 0 {
                if let Some(mi) =
                    tok_match[start_tok - 1].filter(|&mi| !follows_title(matches[mi].tok_start))
                {
                    let m = &matches[mi];
                    if let Some(tg) = person_reading(kb, m.targets, d.published, None, &doc_states)
                    {
                        let toks: Vec<String> = kb.entries[tg.entry as usize]
                            .ar
                            .split(' ')
                            .map(normalize_str)
                            .collect();
                        named = Some((Key::Kb(tg.entry), m.tok_start, m.tok_end, toks));
                    }
                }
            }
        }
        if let Some((key, a, b, toks)) = named {
            let (s, e) = (dt.toks[a].orig.0, dt.toks[b - 1].orig.1);
            if let Key::New(n) = &key {
                let ent = news.entry(n.clone()).or_default();
                ent.kind = Some(EntityType::Per);
                let form = d.text[s..e].trim_matches(|c: char| !c.is_alphabetic());
                ent.saw(form, toks.len());
                if toks.len() >= ent.toks.len() {
                    ent.toks = toks.clone();
                    ent.last = toks.last().map(|l| Spelled::new(l));
                    ent.spelled = toks.iter().map(|t| Spelled::new(t)).collect();
                    ent.display = form.to_string();
                }
            }
            add_person(&mut persons, &key, &toks);
            if let (false, false, Some((state_idx, _))) = (former, prince, state) {
                if let Key::New(n) = &key {
                    if let Some(ent) = news.get_mut(n) {
                        ent.offices.insert((title.clone(), state_idx));
                    }
                }
                title_bind.insert((title.clone(), state_idx), key.clone());
                let (es, ee) = (title_span.0.min(s), title_span.1.max(e));
                if let Some(ev) = Evidence::new(d.id, d.text, es, ee) {
                    rels.push((rel.to_string(), key.clone(), state_idx, ev));
                }
            }
            out.push(M {
                key,
                start: s,
                end: e,
                form: MentionForm::Name,
                kind: EntityType::Per,
            });
            for c in &mut covered[a..b] {
                *c = true;
            }
            // The nisba in the title still mentions the state.
            if let Some((state_idx, state_mi)) = state {
                push_match(
                    kb,
                    &matches[state_mi],
                    state_idx,
                    MentionForm::Adjective,
                    &mut out,
                );
            }
            for c in &mut covered[start_tok..title_end] {
                *c = true;
            }
            for c in &mut title_words[start_tok..title_end] {
                *c = true;
            }
            i = b.max(title_end);
            continue;
        }
        // A bare title: the holder this document named, else the KB's holder on the document's date.
        let holder = match state {
            Some((state_idx, _)) if !former && !prince => title_bind
                .get(&(title.clone(), state_idx))
                .cloned()
                .or_else(|| {
                    // Another document's holder counts only within the same month: offices change hands.
                    let month = d.published.and_then(|p| p.get(..7));
                    global_bind
                        .get(&(title.clone(), state_idx))
                        .filter(|(_, m)| m.as_deref() == month)
                        .map(|(k, _)| k.clone())
                })
                .or_else(|| kb_holder(kb, rel, &title, state_idx, d.published)),
            _ => None,
        };
        if let Some(h) = holder {
            out.push(M {
                key: h,
                start: title_span.0,
                end: title_span.1,
                form: MentionForm::Title,
                kind: EntityType::Per,
            });
            for c in &mut covered[start_tok..title_end] {
                *c = true;
            }
        }
        i = title_end.max(i + 1);
    }
    // KB persons the document names in full (two words or more) somewhere.
    let named_in_full: HashSet<u32> = matches
        .iter()
        .filter(|m| m.tok_end - m.tok_start >= 2)
        .flat_map(|m| m.targets.iter())
        .filter(|t| {
            t.kind == AliasKind::Name && kb.entries[t.entry as usize].class == Class::Person
        })
        .map(|t| t.entry)
        .collect();
    // A state whose one-word name is also an ordinary adjective (مالي "financial"; see
    // `homograph_states`) is named only where the tagger reads a place there or by a longer name
    // (جمهورية مالي); its adjectives (المالية) count only in a document that names it so.
    let homographs = homograph_states(kb);
    let read_as_place = |m: &GazMatch<'_>| {
        d.extra_mentions.iter().any(|c| {
            matches!(c.kind, EntityType::Loc | EntityType::Gpe)
                && c.start < m.end
                && m.start < c.end
        })
    };
    let homograph_named: HashSet<u32> = matches
        .iter()
        .filter(|m| m.tok_end - m.tok_start >= 2 || read_as_place(m))
        .flat_map(|m| m.targets.iter())
        .filter(|t| t.kind == AliasKind::Name && homographs.contains(&t.entry))
        .map(|t| t.entry)
        .collect();
    // Surnames of the persons the tagger names in full in this document (راؤول كاسترو → كاسترو).
    let tagged_surnames: HashSet<String> = d
        .extra_mentions
        .iter()
        .filter(|c| c.kind == EntityType::Per)
        .filter_map(|c| d.text.get(c.start..c.end))
        .filter_map(|t| {
            let n = normalize_str(t);
            let toks: Vec<&str> = crate::text::tokens(&n).map(|x| x.1).collect();
            (toks.len() >= 2).then(|| toks[toks.len() - 1].to_string())
        })
        .collect();
    // 2. Gazetteer matches in context.
    for m in matches.iter() {
        if covered[m.tok_start..m.tok_end].iter().any(|&c| c) {
            continue;
        }
        let prev = if m.tok_start > 0 {
            dt.text(m.tok_start - 1)
        } else {
            ""
        };
        let prev_s = prev
            .strip_prefix('و')
            .filter(|s| s.chars().count() >= 2)
            .unwrap_or(prev);
        let next = dt.text(m.tok_end);
        let own_prefix = m.stem_start > m.start;
        if not_a_name_here(&m.key, next, &d.text[m.start..m.end]) {
            continue;
        }
        // «الدول التركية»، «الجمهوريات التركية»، «اللغة الروسية»: a state's nisba on a family of
        // states or peoples, or on a language, names the Turkic world or a tongue, not the state.
        let state_nisba = m.tok_end - m.tok_start == 1
            && m.targets.iter().all(|t| {
                t.kind == AliasKind::Adjective && kb.entries[t.entry as usize].class == Class::State
            });
        // «صحيفة واشنطن بوست»، «نيويورك تايمز»، «جامعة بيتسبرغ»: a place name inside a newspaper's
        // or a university's name is that institution, not the place.
        let institution = matches!(
            next,
            "بوست" | "تايمز" | "جورنال" | "هيرالد" | "تريبيون" | "كرونيكل"
        ) || matches!(prev_s, "جامعه" | "لجامعه" | "بجامعه");
        if (state_nisba && family_noun(prev_s)) || (institution && !state_nisba) {
            continue;
        }
        let best = if m.article_stripped {
            match m.targets.iter().find(|t| t.kind == AliasKind::Adjective) {
                Some(t) => *t,
                None => continue,
            }
        } else if kb.entries[m.targets[0].entry as usize].class == Class::Person {
            person_reading(kb, m.targets, d.published, None, &doc_states).unwrap_or(m.targets[0])
        } else {
            city_in_named_state(kb, m.targets, &doc_states)
                .or_else(|| capital_over_state(kb, m.targets, &doc_states, &plain_states))
                .unwrap_or(m.targets[0])
        };
        if homographs.contains(&best.entry) {
            let named_here =
                best.kind == AliasKind::Name && (m.tok_end - m.tok_start >= 2 || read_as_place(m));
            let adjective_ok =
                best.kind == AliasKind::Adjective && homograph_named.contains(&best.entry);
            if !named_here && !adjective_ok {
                continue;
            }
        }
        let prefix = &d.text[m.start..m.stem_start];
        let weak_prefix = prefix.contains('ب') || prefix.contains('ك');
        {
            let be = &kb.entries[best.entry as usize];
            // ب/ك glued to a small place or a one-word person name is more often part of another word.
            if weak_prefix
                && m.tok_end - m.tok_start == 1
                && ((be.class == Class::City
                    && be.pop.unwrap_or(0) < 1_000_000
                    && be.capital_of.is_none())
                    || be.class == Class::Person)
            {
                continue;
            }
            // ب glued to a one-word organisation name is as often an adverb (بحماس "with enthusiasm"
            // beside مرتبطون بحماس "linked to Hamas"): the tagger must read an organisation there too.
            if prefix.contains('ب')
                && m.tok_end - m.tok_start == 1
                && be.class == Class::Org
                && !d
                    .extra_mentions
                    .iter()
                    .any(|c| c.kind == EntityType::Org && c.start < m.end && m.start < c.end)
            {
                continue;
            }
            // A ruler's bare given name (عبد الله for two kings) inside another person's name
            // chain (العقيد عبد الله العنسي، عائض عبد الله آل سعد، سعيد بن عبدالله النقير) is that
            // person's: a name word or lineage particle right before it, or a family name after.
            // One name word only: a single token, or a compound (عبد الله، أبو بكر); a full name
            // (علي خامنئي) holds whatever follows it.
            let one_name_word = m.tok_end - m.tok_start == 1
                || (m.tok_end - m.tok_start == 2
                    && matches!(dt.text(m.tok_start), "عبد" | "ابو" | "عبدال"));
            if be.class == Class::Person
                && one_name_word
                && !own_prefix
                && in_name_chain(kb, &dt, m.tok_start, m.tok_end, d.text)
                && !own_name_around(be, &dt, m.tok_start, m.tok_end)
            {
                continue;
            }
            // "مجلس الأمن القومي" is not the UN Security Council: a qualifier after an org name makes
            // it another body.
            if be.class == Class::Org
                && best.kind == AliasKind::Name
                && ORG_QUALIFIERS.contains(&next)
            {
                continue;
            }
            // A name made of a head and adjectives (الحزب الديمقراطي، الحزب الاشتراكي) goes on with a
            // further adjective in the names of other bodies: الحزب الديمقراطي الكردستاني، الحزب
            // الاشتراكي الديمقراطي. A state's nisba (الحزب الديمقراطي الأمريكي) still agrees with it.
            let nisba = |w: &str| {
                w.strip_prefix("ال").is_some_and(|b| {
                    b.chars().count() >= 3
                        && (b.ends_with('ي') || b.ends_with("يه") || b.ends_with("ية"))
                })
            };
            let last = dt.text(m.tok_end.saturating_sub(1));
            // Looked up last: scanning the matches for every match would cost matches².
            let next_state_adj = || {
                matches.iter().any(|x| {
                    x.tok_start == m.tok_end
                        && x.targets.iter().any(|t| t.kind == AliasKind::Adjective)
                })
            };
            // The active participle of a defective verb (الموالية، المعادي) ends like a nisba
            // but describes the body named (جماعة الحوثي الموالية لإيران).
            let participle = |w: &str| {
                w.strip_prefix("الم").is_some_and(|b| {
                    let c: Vec<char> = b.chars().collect();
                    matches!(c[..], [_, 'ا', _, 'ي'] | [_, 'ا', _, 'ي', 'ه' | 'ة'])
                })
            };
            // Only a definite head takes adjectives; after an indefinite one (جماعة الحوثي،
            // ميليشيات الحوثي) the next word is a genitive, and an adjective after it (الانقلابية)
            // describes the body named.
            let definite_head = ["ال", "وال", "بال", "فال", "لل", "ولل", "كال"]
                .iter()
                .any(|p| dt.text(m.tok_start).starts_with(p));
            if be.class == Class::Org
                && best.kind == AliasKind::Name
                && m.tok_end - m.tok_start >= 2
                && definite_head
                && nisba(last)
                && nisba(next)
                && !participle(next)
                && !next_state_adj()
            {
                continue;
            }
        }
        match best.kind {
            AliasKind::Adjective => {
                // A state's nisba on a plural of states or peoples names a family of them
                // (للجمهوريات التركية: the Turkic republics), not the one state; a preposition
                // may be glued on the plural (ل + ال written لل).
                let prev_bare = ["لل", "ولل", "بال", "وبال", "كال"]
                    .iter()
                    .find_map(|p| prev.strip_prefix(p))
                    .map(|r| format!("ال{r}"));
                if GROUP_NOUNS.contains(&prev_s)
                    || prev_bare.is_some_and(|b| GROUP_NOUNS.contains(&b.as_str()))
                {
                    continue;
                }
                // An indefinite nisba right after a rank or honorific is a given name: "العقيد الركن
                // تركي المالكي" is Colonel Turki al-Maliki, "الأمير تركي" Prince Turki, not Türkiye.
                let tok = dt.text(m.tok_start);
                let definite = ["ال", "وال", "بال", "فال", "لل", "ولل", "كال"]
                    .iter()
                    .any(|p| tok.starts_with(p));
                if !definite && HONORIFICS.contains(&prev_s) {
                    continue;
                }
                out.push(M {
                    key: Key::Kb(best.entry),
                    start: m.start,
                    end: m.end,
                    form: MentionForm::Adjective,
                    kind: EntityType::Gpe,
                });
            }
            AliasKind::Metonym => {
                out.push(M {
                    key: Key::Kb(best.entry),
                    start: m.start,
                    end: m.end,
                    form: MentionForm::Metonym,
                    kind: EntityType::Gpe,
                });
            }
            AliasKind::Name => {
                let city = m.targets.iter().find(|t| {
                    t.kind == AliasKind::Name && kb.entries[t.entry as usize].class == Class::City
                });
                let mut pick = best;
                if CITY_CUES.contains(&prev_s) {
                    if let Some(c) = city {
                        pick = *c;
                    }
                }
                let pe = &kb.entries[pick.entry as usize];
                // A small town spelled like the surname of a person the document names in full
                // (كاسترو, Castro in Chile, beside راؤول كاسترو) is that person's surname.
                if pe.class == Class::City
                    && m.tok_end - m.tok_start == 1
                    && pe.capital_of.is_none()
                    && pe.pop.unwrap_or(0) < 1_000_000
                    && tagged_surnames.contains(dt.text(m.tok_start))
                {
                    continue;
                }
                // A small foreign town named once in a report on other states is more often a
                // namesake the KB lacks (زنجبار in Abyan, Yemen, is not Zanzibar City): with the
                // document naming states and none of them the town's, it is left to the tagger,
                // which makes it a place of its own.
                if m.tok_end - m.tok_start == 1 && foreign_small_town(kb, pick.entry, &doc_states) {
                    continue;
                }
                // A person's one-word surname alias is also an ordinary word often enough (بري
                // "ground": قصف بري is not Nabih Berri; عون "help"): alone, with the full name
                // nowhere in the document, it needs the tagger to read a person there too.
                if pe.class == Class::Person
                    && m.tok_end - m.tok_start == 1
                    && pe.ar.contains(' ')
                    && !named_in_full.contains(&pick.entry)
                    && !d
                        .extra_mentions
                        .iter()
                        .any(|c| c.kind == EntityType::Per && c.start < m.end && m.start < c.end)
                {
                    continue;
                }
                // A city name followed by a spelling variant of a KB person's surname is that person.
                if pe.class == Class::City && !CITY_CUES.contains(&prev_s) {
                    if let Some(p) = person_by_fuzzy_full(kb, &m.key, next) {
                        let end = dt.toks[m.tok_end].orig.1;
                        let toks: Vec<String> = kb.entries[p as usize]
                            .ar
                            .split(' ')
                            .map(normalize_str)
                            .collect();
                        add_person(&mut persons, &Key::Kb(p), &toks);
                        out.push(M {
                            key: Key::Kb(p),
                            start: m.start,
                            end,
                            form: MentionForm::Name,
                            kind: EntityType::Per,
                        });
                        covered[m.tok_end] = true;
                        continue;
                    }
                }
                let form = if let (Class::City, Some(cap)) = (pe.class, pe.capital_of.as_deref()) {
                    // Coordinated with a state, another capital or "the West" (بين موسكو والغرب،
                    // واشنطن وموسكو), a capital is its government.
                    let state_like = |w: &str| {
                        w == "الغرب"
                            || kb.lookup(w).iter().any(|t| {
                                let e = &kb.entries[t.entry as usize];
                                t.kind == AliasKind::Name
                                    && (e.class == Class::State
                                        || (e.class == Class::City && e.capital_of.is_some()))
                            })
                    };
                    // The first conjunct must not be a place itself (في بيروت وطرابلس: the
                    // Lebanese city, not Libya's government).
                    let before_prev = if m.tok_start >= 2 {
                        dt.text(m.tok_start - 2)
                    } else {
                        ""
                    };
                    let coordinated = next.strip_prefix('و').is_some_and(state_like)
                        || (d.text[m.start..m.stem_start] == *"و"
                            && state_like(prev)
                            && !PLACE_PREPS.contains(&before_prev));
                    let actor = (!own_prefix || coordinated)
                        && !PLACE_PREPS.contains(&prev_s)
                        && !CITY_CUES.contains(&prev_s)
                        && (coordinated
                            || feminine_verb(prev)
                            || SAY_VERBS.contains(&next)
                            // "دمشق تندد", "أنقرة تدعو": a feminine present-tense verb right after it.
                            || (next.starts_with('ت')
                                && next.chars().count() >= 3
                                && dt.gap_after(m.tok_end - 1).trim().is_empty()
                                && !is_common_noun_start(next)));
                    if actor {
                        if let Some(ci) = kb.index_of(cap) {
                            out.push(M {
                                key: Key::Kb(ci),
                                start: m.start,
                                end: m.end,
                                form: MentionForm::Metonym,
                                kind: EntityType::Gpe,
                            });
                            continue;
                        }
                    }
                    MentionForm::Name
                } else {
                    MentionForm::Name
                };
                if pe.class == Class::Person {
                    let toks: Vec<String> = pe.ar.split(' ').map(normalize_str).collect();
                    add_person(&mut persons, &Key::Kb(pick.entry), &toks);
                }
                out.push(M {
                    key: Key::Kb(pick.entry),
                    start: m.start,
                    end: m.end,
                    form,
                    kind: pe.class.entity_type(),
                });
            }
        }
        for c in &mut covered[m.tok_start..m.tok_end] {
            *c = true;
        }
    }
    // 3. Tagger candidates the KB did not cover, read through their clitics and trimmed to the name.
    // Each (name, entry) once, in order of first appearance: a long document repeats its names,
    // and every candidate is compared with this list.
    let mut named_at: HashMap<(usize, usize), &Key> = HashMap::new();
    for o in out.iter().filter(|o| o.form == MentionForm::Name) {
        named_at.entry((o.start, o.end)).or_insert(&o.key);
    }
    let mut seen_names: HashSet<(&str, u32)> = HashSet::new();
    let doc_names: Vec<(String, u32)> = matches
        .iter()
        .filter_map(|m| match named_at.get(&(m.start, m.end))? {
            Key::Kb(i) => seen_names
                .insert((m.key.as_str(), *i))
                .then(|| (m.key.clone(), *i)),
            Key::New(_) => None,
        })
        .collect();
    let cand_names: HashSet<String> = d
        .extra_mentions
        .iter()
        .filter_map(|c| d.text.get(c.start..c.end))
        .map(|t| {
            crate::text::tokens(&normalize_str(t))
                .map(|t| t.1)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let known = DocNames {
        kb: &doc_names,
        cands: &cand_names,
    };
    let mut spans = Spans::of(&out);
    let mut split: Vec<CandidateMention> = Vec::with_capacity(d.extra_mentions.len());
    for c in d.extra_mentions {
        match two_persons(kb, &dt, c, d.published) {
            Some(pair) => split.extend(pair),
            None => split.push(*c),
        }
    }
    for c in &split {
        if d.text.get(c.start..c.end).is_none() {
            diags.push(Diagnostic {
                severity: Severity::Warning,
                subject: d.id.to_string(),
                message: format!(
                    "candidate mention {}..{} is not a valid span; skipped",
                    c.start, c.end
                ),
            });
            continue;
        }
        let dotted = dotted_acronym(&dt, d.text, c);
        let c = dotted.as_ref().unwrap_or(c);
        if model_designation(&dt, d.text, c) {
            continue;
        }
        let acronym = acronym_reading(&dt, d.text, c);
        let c = acronym.as_ref().unwrap_or(c);
        // With nothing overlapping, a person candidate has nothing to take over.
        if c.kind == EntityType::Per
            && spans.overlaps(c.start, c.end)
            && !dt.overlapping_range(c.start, c.end).any(|k| title_words[k])
        {
            let before = out.len();
            yield_to_person(kb, &dt, c, &mut out);
            if out.len() != before {
                spans = Spans::of(&out);
            }
        }
        if spans.overlaps(c.start, c.end) {
            continue;
        }
        let Some(cand) = clean_candidate(kb, d.text, &dt, c, &known) else {
            continue;
        };
        let (start, end, toks) = (cand.start, cand.end, cand.toks);
        // A description standing for a body named before it: a title mention of that body, if found.
        let refer_back = |out: &mut Vec<M>, spans: &mut Spans, key: Option<Key>| {
            if let Some(key) = key {
                spans.add(start, end);
                out.push(M {
                    key,
                    start,
                    end,
                    form: MentionForm::Title,
                    kind: c.kind,
                });
            }
        };
        // "هذا الاتحاد الناشئ" ("this emerging union") points back to a body the sentence before
        // named: a description, not a name. It is the nearest such mention just before, else nothing.
        if c.kind != EntityType::Per && after_demonstrative(d.text, start) {
            let antecedent = out
                .iter()
                .filter(|m| m.end <= start && start - m.end <= 400)
                .filter(|m| m.form == MentionForm::Name && m.kind == c.kind)
                .max_by_key(|m| m.end)
                .map(|m| m.key.clone());
            refer_back(&mut out, &mut spans, antecedent);
            continue;
        }
        // A name that took the adjective after it (منظمة العالم التركي) owns it: the adjective's
        // own reading (Türkiye) is not also a mention.
        if end > c.end {
            let before = out.len();
            out.retain(|m| !(m.form == MentionForm::Adjective && m.start >= c.end && m.end <= end));
            if out.len() != before {
                spans = Spans::of(&out);
            }
        }
        let key = if c.kind == EntityType::Per {
            resolve_new_person(kb, &toks, &persons, d.published)
        } else {
            match kb_place_or_org(kb, c.kind, &toks, known.kb)
                .filter(|&e| toks.len() > 1 || !foreign_small_town(kb, e, &doc_states))
            {
                Some(e) => Key::Kb(e),
                None if toks.len() == 1 && bare_head_noun(kb, &toks[0]) => {
                    // "المنظمة" after "منظمة هيومن رايتس ووتش" is that body: the nearest earlier
                    // body or place of the document named with the same head noun.
                    let referent = head_noun_referent(kb, &toks[0], start, &out);
                    refer_back(&mut out, &mut spans, referent);
                    continue;
                }
                None => Key::New(toks.join(" ")),
            }
        };
        if let Key::New(n) = &key {
            let ent = news.entry(n.clone()).or_default();
            ent.kind.get_or_insert(c.kind);
            ent.saw(&cand.display, toks.len());
            if toks.len() >= ent.toks.len() {
                ent.toks = toks.clone();
                ent.last = toks.last().map(|l| Spelled::new(l));
                ent.spelled = toks.iter().map(|t| Spelled::new(t)).collect();
                ent.display = cand.display;
            }
        }
        if c.kind == EntityType::Per {
            add_person(&mut persons, &key, &toks);
        }
        let kind = match &key {
            Key::Kb(e) => kb.entries[*e as usize].class.entity_type(),
            Key::New(_) => c.kind,
        };
        out.push(M {
            key,
            start,
            end,
            form: MentionForm::Name,
            kind,
        });
        spans.add(start, end);
        for ti in dt.overlapping_range(start, end) {
            covered[ti] = true;
        }
    }
    // 4. Surnames (and spelling variants of them) of persons named in this document.
    #[allow(clippy::needless_range_loop)]
    for ti in 0..dt.toks.len() {
        if covered[ti] {
            continue;
        }
        let t = dt.text(ti);
        if t.chars().count() < 4 || is_common(t) {
            continue;
        }
        let mut hit: Option<&Person> = None;
        'readings: for (prefix, stem) in clitic_readings(t) {
            // Surnames keep their article in the KB (الأسد): a reading that strips ال is not a
            // surname reading (الشرق is not شيراك).
            if t[..prefix].ends_with("ال") || t[..prefix].ends_with("لل") || is_common(stem) {
                continue;
            }
            let sk = surname_skeleton(stem);
            for p in &persons {
                if same_name_sk(stem, &sk, &p.last, &p.last_skel) && sk == p.last_skel {
                    hit = Some(p);
                    break 'readings;
                }
            }
        }
        if let Some(p) = hit {
            let tk = &dt.toks[ti];
            out.push(M {
                key: p.key.clone(),
                start: tk.orig.0,
                end: tk.orig.1,
                form: MentionForm::Name,
                kind: EntityType::Per,
            });
            covered[ti] = true;
        }
    }
    out.sort_by_key(|m| (m.start, m.end));
    let month = d.published.and_then(|p| p.get(..7)).map(str::to_string);
    global_bind.extend(title_bind.into_iter().map(|(k, v)| (k, (v, month.clone()))));
    (out, rels)
}

/// Common nouns that head the names of several states and are also, alone, a KB alias of one of
/// them: المملكة heads المملكة المتحدة، المملكة المغربية، مملكة البحرين… and is an alias of Saudi
/// Arabia. Normalised word without the article → those states, read from the KB's names.
fn generic_state_words(kb: &Kb) -> HashMap<String, Vec<u32>> {
    let strip = |w: &str| -> String {
        let w = w.strip_prefix("ال").unwrap_or(w);
        w.to_string()
    };
    let mut heads: HashMap<String, BTreeSet<u32>> = HashMap::new();
    let mut alone: HashMap<String, u32> = HashMap::new();
    for (i, e) in kb.entries.iter().enumerate() {
        if e.class != Class::State {
            continue;
        }
        for name in std::iter::once(&e.ar).chain(&e.aliases) {
            let n = normalize_str(name);
            let words: Vec<&str> = n.split_whitespace().collect();
            match words.as_slice() {
                [w] => {
                    alone.insert(strip(w), i as u32);
                }
                [w, ..] => {
                    heads.entry(strip(w)).or_default().insert(i as u32);
                }
                [] => {}
            }
        }
    }
    heads
        .into_iter()
        .filter(|(w, states)| states.len() >= 2 && alone.get(w).is_some_and(|e| states.contains(e)))
        .map(|(w, states)| (w, states.into_iter().collect()))
        .collect()
}

/// A bare generic state word (المملكة) stands for the state of its family that the document
/// names most; the KB's reading stays when that state is named at least as often, or none is.
fn retarget_generic(kb: &Kb, families: &HashMap<String, Vec<u32>>, text: &str, ms: &mut [M]) {
    let family_of = |m: &M| -> Option<&Vec<u32>> {
        let Key::Kb(e) = m.key else { return None };
        if kb.entries[e as usize].class != Class::State {
            return None;
        }
        let n = normalize_str(text.get(m.start..m.end)?);
        if n.contains(char::is_whitespace) {
            return None;
        }
        let family = clitic_readings(&n)
            .filter_map(|(p, stem)| {
                // لل is ل + ال: its stem has already lost the article.
                stem.strip_prefix("ال")
                    .or_else(|| n[..p].ends_with("لل").then_some(stem))
            })
            .find_map(|w| families.get(w));
        family.filter(|f| f.contains(&e))
    };
    let generic: Vec<usize> = (0..ms.len())
        .filter(|&i| family_of(&ms[i]).is_some())
        .collect();
    let Some(&first) = generic.first() else {
        return;
    };
    let Some(family) = family_of(&ms[first]).cloned() else {
        return;
    };
    let mut named: BTreeMap<u32, usize> = BTreeMap::new();
    for (i, m) in ms.iter().enumerate() {
        if let Key::Kb(e) = m.key {
            if family.contains(&e) && !generic.contains(&i) {
                *named.entry(e).or_default() += 1;
            }
        }
    }
    let Key::Kb(default) = ms[first].key else {
        return;
    };
    let own = named.get(&default).copied().unwrap_or(0);
    let best = named
        .iter()
        .filter(|(&e, _)| e != default)
        .max_by_key(|(&e, &n)| (n, std::cmp::Reverse(e)));
    // Only a clear majority: a report on the Saudi crown prince's visit to London names Britain
    // about as often as Saudi Arabia, and there "the kingdom" is still Saudi Arabia.
    let doc_reading = match best {
        Some((&e, &n)) if n >= 2 * own => Some(e),
        _ => None,
    };
    for &i in &generic {
        // "المملكة الأردنية", "للمملكة البحرينية": the state's own adjective right after it decides.
        let next = ms.get(i + 1).filter(|n| {
            text.get(ms[i].end..n.start)
                .is_some_and(|g| g.chars().all(char::is_whitespace))
        });
        let local = match next.map(|n| &n.key) {
            Some(Key::Kb(e)) if family.contains(e) => Some(*e),
            _ => None,
        };
        if let Some(e) = local.or(doc_reading) {
            ms[i].key = Key::Kb(e);
        }
    }
}

/// Two normalised name tokens are one name: equal, or (for long enough skeletons, without the article)
/// one edit apart with the same first letter: the measured rule of [`merge_distance`].
pub fn same_name(a: &str, b: &str) -> bool {
    a == b || same_name_sk(a, &surname_skeleton(a), b, &surname_skeleton(b))
}

/// [`same_name`] with the article-less skeletons already computed.
fn same_name_sk(a: &str, sa: &str, b: &str, sb: &str) -> bool {
    if a == b {
        return true;
    }
    if a.starts_with("ال") != b.starts_with("ال") {
        return false;
    }
    let (na, nb) = (sa.chars().count(), sb.chars().count());
    let longer = na.max(nb);
    longer >= MIN_FUZZY_SKELETON
        && na.min(nb) >= 4
        && sa.chars().next() == sb.chars().next()
        && edit_distance(sa, sb, merge_distance(longer)) <= merge_distance(longer)
}

/// A normalised name token with what [`same_name`] compares, computed once: the KB side of a
/// fuzzy lookup is scanned for every new name of a corpus, so its skeletons must not be rebuilt
/// per comparison (that was a sixth of the whole analysis time on 2,500 ANT articles).
#[derive(Debug)]
struct Spelled {
    t: String,
    ssk: String,
    article: bool,
    len: usize,
    first: Option<char>,
}

impl Spelled {
    fn new(t: &str) -> Spelled {
        let ssk = surname_skeleton(t);
        Spelled {
            t: t.to_string(),
            article: t.starts_with("ال"),
            len: ssk.chars().count(),
            first: ssk.chars().next(),
            ssk,
        }
    }

    /// [`Spelled::same`] for a place read as a state by spelling alone: at the shortest fuzzy length
    /// a dropped consonant is another name, not a variant (إنديانا is not إندونيسيا), since the
    /// variants of a state's name differ in vowels, which the skeleton drops, or in one letter.
    fn same_state(&self, o: &Spelled) -> bool {
        self.same(o) && (self.len == o.len || self.len.max(o.len) > MIN_FUZZY_SKELETON)
    }

    /// [`same_name`], rejecting on the precomputed facts before the edit distance.
    fn same(&self, o: &Spelled) -> bool {
        if self.t == o.t {
            return true;
        }
        let longer = self.len.max(o.len);
        self.article == o.article
            && longer >= MIN_FUZZY_SKELETON
            && self.len.min(o.len) >= 4
            && self.first == o.first
            && self.len.abs_diff(o.len) <= merge_distance(longer)
            && edit_distance(&self.ssk, &o.ssk, merge_distance(longer)) <= merge_distance(longer)
    }
}

/// Skeleton of a surname without its article, so الأسد and الوسطى do not meet through ال.
fn surname_skeleton(t: &str) -> String {
    skeleton(
        t.strip_prefix("ال")
            .filter(|s| s.chars().count() >= 2)
            .unwrap_or(t),
    )
}

fn push_match(kb: &Kb, m: &GazMatch<'_>, entry: u32, form: MentionForm, out: &mut Vec<M>) {
    let form = match m.targets.iter().find(|t| t.entry == entry).map(|t| t.kind) {
        Some(AliasKind::Adjective) => MentionForm::Adjective,
        Some(AliasKind::Metonym) => MentionForm::Metonym,
        Some(AliasKind::Name) => MentionForm::Name,
        None => form,
    };
    out.push(M {
        key: Key::Kb(entry),
        start: m.start,
        end: m.end,
        form,
        kind: kb.entries[entry as usize].class.entity_type(),
    });
}

/// A person name from a pattern: the KB person it spells (fuzzily), a person already named in the
/// document, or a new entity keyed by its normalised tokens.
fn resolve_new_person(kb: &Kb, toks: &[String], persons: &[Person], date: Option<&str>) -> Key {
    let last = toks.last().map_or("", String::as_str);
    // In an Arabic name with a lineage particle, the same surname with another first name is
    // another person (محمد بن سلمان, فيصل بن سلمان); foreign first names vary in spelling instead.
    let lineage = toks
        .iter()
        .any(|t| matches!(t.as_str(), "بن" | "ابن" | "بنت"));
    // "بن سلمان" alone names no first name: it is محمد بن سلمان of the same article.
    let first = (toks.len() >= 2)
        .then(|| toks[0].as_str())
        .filter(|f| !matches!(*f, "بن" | "ابن" | "بنت"));
    for p in persons {
        let other_first = match (first, p.first.as_deref()) {
            (Some(a), Some(b)) if lineage => !same_name(a, b),
            // A foreign first name varies in spelling (سيرغي / سيرجي، مايك / مايكل), but one that
            // shares nothing is another person of the family: جيب بوش beside باربرا بوش.
            (Some(a), Some(_)) => !first_name_variant(a, p),
            // A lineage name is not a bare name of its father: "محمد بن سلمان" after "الملك سلمان".
            (_, None) => lineage,
            (None, Some(_)) => false,
        };
        if same_name(last, &p.last) && !other_first {
            return p.key.clone();
        }
    }
    // One word that is the first word of exactly one full name in this document is that person:
    // "كيم" after "كيم جونغ أون" (family name first), "الأمير محمد" after "محمد بن سلمان".
    if let [only] = toks {
        let mut by_first = persons
            .iter()
            .filter(|p| p.first.as_deref().is_some_and(|f| same_name(only, f)));
        if let (Some(p), None) = (by_first.next(), by_first.next()) {
            return p.key.clone();
        }
    }
    let kb_person = match toks {
        [only] => kb_surname_holder(kb, only, date),
        _ => kb_person_fuzzy(kb, toks),
    };
    if let Some(p) = kb_person {
        return Key::Kb(p);
    }
    Key::New(toks.join(" "))
}

/// Whether the first word `a` of a new full name can name person `p` of the document: a word
/// that is no known given name (a tagger span that took in "إحاطات" or "ومعاون"), any word of
/// `p`'s name (دياز كانيل, ميغيل دياز كانيل), or a spelling of `p`'s first name (the same
/// skeleton, one letter off, or extending it: مايك / مايكل).
fn first_name_variant(a: &str, p: &Person) -> bool {
    let a = match a.strip_prefix(['و', 'ل', 'ف', 'ب']) {
        Some(r)
            if r.chars().count() >= 3 && (!is_name_token(a) || p.words.iter().any(|w| w == r)) =>
        {
            r
        }
        _ => a,
    };
    if !is_name_token(a) || is_common(a) || p.words.iter().any(|w| same_name(a, w)) {
        return true;
    }
    let Some(b) = p.first.as_deref() else {
        return true;
    };
    let (sa, sb) = (skeleton(a), skeleton(b));
    let (short, long) = if sa.chars().count() <= sb.chars().count() {
        (&sa, &sb)
    } else {
        (&sb, &sa)
    };
    let n = short.chars().count();
    (n >= 2 && long.starts_with(short.as_str())) || (n >= 3 && edit_distance(&sa, &sb, 1) <= 1)
}

/// The person a shared name means: the one holding office in the title's `state`, else the one
/// in office on `date` (the KB's two King Abdullahs: Saudi 2005-2015, Jordanian since 1999),
/// else the one whose state the document names, else the first person reading.
fn person_reading(
    kb: &Kb,
    targets: &[Target],
    date: Option<&str>,
    state: Option<u32>,
    doc_states: &HashSet<u32>,
) -> Option<Target> {
    let persons = targets
        .iter()
        .filter(|t| kb.entries[t.entry as usize].class == Class::Person);
    let first = *persons.clone().next()?;
    let roles = |t: &Target| kb.entries[t.entry as usize].roles.iter();
    let in_state = state.and_then(|s| {
        let sid = kb.entries[s as usize].id.as_str();
        persons
            .clone()
            .find(|t| roles(t).any(|r| r.of == sid && date.is_none_or(|d| r.holds_on(d))))
    });
    let in_office = || {
        let d = date?;
        persons
            .clone()
            .find(|t| roles(t).any(|r| r.from.is_some() && r.holds_on(d)))
    };
    let in_doc = || {
        persons.clone().find(|t| {
            let e = &kb.entries[t.entry as usize];
            roles(t)
                .map(|r| r.of.as_str())
                .chain(e.country.as_deref())
                .any(|id| kb.index_of(id).is_some_and(|s| doc_states.contains(&s)))
        })
    };
    Some(
        in_state
            .or_else(in_office)
            .or_else(in_doc)
            .copied()
            .unwrap_or(first),
    )
}

/// Normalised name tokens of every KB person.
fn person_tokens(kb: &Kb) -> &'static Vec<(Vec<Spelled>, u32)> {
    static P: std::sync::OnceLock<Vec<(Vec<Spelled>, u32)>> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        kb.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.class == Class::Person)
            .map(|(i, e)| {
                let toks = e.ar.split(' ').map(|t| Spelled::new(&normalize_str(t)));
                (toks.collect(), i as u32)
            })
            .collect()
    })
}

/// The KB person whose name these tokens spell (token by token, [`same_name`]); a lone surname only
/// when exactly one person has it.
fn kb_person_fuzzy(kb: &Kb, toks: &[String]) -> Option<u32> {
    if !std::ptr::eq(kb, Kb::builtin())
        || toks.is_empty()
        || (toks.len() == 1 && particle_reading(&toks[0]))
    {
        return None;
    }
    let toks: Vec<Spelled> = toks.iter().map(|t| Spelled::new(t)).collect();
    let mut found = None;
    for (pt, i) in person_tokens(kb) {
        let hit = if toks.len() == 1 {
            kb_surname(kb, *i, pt).is_some_and(|l| toks[0].same(l))
        } else {
            pt.len() == toks.len() && pt.iter().zip(&toks).all(|(a, b)| a.same(b))
        };
        if hit {
            if found.is_some() {
                return None;
            }
            found = Some(*i);
        }
    }
    found
}

/// First words of the KB's person names outside the [`FAMILY_NAME_FIRST`] peoples: given names.
fn kb_given_names(kb: &Kb) -> &'static HashSet<String> {
    static G: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    G.get_or_init(|| {
        person_tokens(kb)
            .iter()
            .filter(|(pt, i)| {
                pt.len() >= 2 && kb_surname(kb, *i, pt).is_none_or(|s| !std::ptr::eq(s, &pt[0]))
            })
            .map(|(pt, _)| pt[0].t.clone())
            .collect()
    })
}

/// Latin letters as Arabic spells them (normalised): بي بي سي is BBC, سي آي إيه CIA.
pub(crate) const LETTER_NAMES: &[&str] = &[
    "بي", "سي", "دي", "اف", "جي", "اتش", "اي", "كيه", "كي", "ال", "ام", "ان", "او", "كيو", "ار",
    "اس", "تي", "يو", "في", "اكس", "واي", "زد", "ايه",
];

/// Letter names that are no Arabic word (في is "in", ان "that", او "or", ام "or", اي "any", كي "so
/// that", ال the article): one of them must be there.
pub(crate) const LETTER_ONLY_NAMES: &[&str] = &[
    "بي", "سي", "دي", "اف", "جي", "اتش", "كيه", "كيو", "ار", "اس", "تي", "يو", "اكس", "واي", "زد",
    "ايه",
];

/// A candidate inside letter names joined by dots ("سي.إن.إن", "إف. بي. آي", "إم.آي.تي") is the whole
/// acronym, an organisation: the tagger, reading the dots as sentence ends, had proposed one letter
/// ("سي", "بي", "تي"), and those letters were 400 mentions of five "organisations" in ANT.
fn dotted_acronym(dt: &DocTokens, text: &str, c: &CandidateMention) -> Option<CandidateMention> {
    let letter = |i: usize| LETTER_NAMES.contains(&dt.text(i));
    // Tokens `i` and `i + 1` are written with a dot between them and nothing else but spaces after it.
    let dotted = |i: usize| {
        text.get(dt.toks[i].orig.1..dt.toks[i + 1].orig.0)
            .and_then(|g| g.strip_prefix('.'))
            .is_some_and(|g| g.len() <= 1 && g.chars().all(|c| c == ' '))
    };
    let range = dt.overlapping_range(c.start, c.end);
    let seed = range.clone().find(|&i| letter(i))?;
    let (mut lo, mut hi) = (seed, seed);
    while lo > 0 && letter(lo - 1) && dotted(lo - 1) {
        lo -= 1;
    }
    while hi + 1 < dt.toks.len() && letter(hi + 1) && dotted(hi) {
        hi += 1;
    }
    // Initials before a name ("إتش. أر. ماكماستر") end in a dot too: a person, not an acronym.
    let initials = text
        .get(dt.toks[hi].orig.1..)
        .is_some_and(|r| r.starts_with(". ") && !r.starts_with(". ."));
    if hi == lo || initials || !(lo..=hi).any(|i| LETTER_ONLY_NAMES.contains(&dt.text(i))) {
        return None;
    }
    Some(CandidateMention {
        start: c.start.min(dt.toks[lo].orig.0),
        end: c.end.max(dt.toks[hi].orig.1),
        kind: if c.kind == EntityType::Per {
            EntityType::Org
        } else {
            c.kind
        },
    })
}

/// A candidate of Latin letter names only, followed by a number ("إس-400", "إس.يو 30", "إيه.آر-15"),
/// is the model of a weapon or an aircraft, not a name.
fn model_designation(dt: &DocTokens, text: &str, c: &CandidateMention) -> bool {
    let range = dt.overlapping_range(c.start, c.end);
    let Some(last) = range.clone().last() else {
        return false;
    };
    range.clone().all(|i| LETTER_NAMES.contains(&dt.text(i)))
        && text.get(dt.toks[last].orig.1..).is_some_and(|r| {
            r.trim_start_matches([' ', '-', '\u{2011}', '\u{2013}'])
                .starts_with(|ch: char| {
                    ch.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&ch)
                })
        })
}

/// A candidate spelled in Latin letters (بي سي of "لبي بي سي", سي آي إيه, إيه بي سي) is an acronym: a
/// broadcaster, agency or company, never a person. Reads a person as an organisation, and takes in the
/// letters before it that the tagger left out and a proclitic off the first letter, whatever the type
/// ("لبي بي سي" and "ببي بي سي" are بي بي سي).
fn acronym_reading(dt: &DocTokens, text: &str, c: &CandidateMention) -> Option<CandidateMention> {
    let inside: Vec<usize> = dt
        .overlapping_range(c.start, c.end)
        .filter(|&i| dt.toks[i].orig.0 < c.end && c.start < dt.toks[i].orig.1)
        .collect();
    // A letter name with a proclitic written on it: the byte length of the letters.
    let clitic_letter = |i: usize| {
        let word = &text[dt.toks[i].orig.0..dt.toks[i].orig.1];
        word.strip_prefix(['ل', 'ب', 'و', 'ف'])
            .filter(|b| LETTER_ONLY_NAMES.contains(&normalize_str(b).as_str()))
            .map(str::len)
    };
    let first = *inside.first()?;
    if inside.len() < 2
        || !inside[1..]
            .iter()
            .all(|&i| LETTER_NAMES.contains(&dt.text(i)))
        || !(LETTER_NAMES.contains(&dt.text(first)) || clitic_letter(first).is_some())
        || !inside
            .iter()
            .any(|&i| LETTER_ONLY_NAMES.contains(&dt.text(i)))
    {
        return None;
    }
    let mut start = match clitic_letter(first) {
        Some(n) if !LETTER_NAMES.contains(&dt.text(first)) => dt.toks[first].orig.1 - n,
        _ => c.start.max(dt.toks[first].orig.0),
    };
    if start == c.start.max(dt.toks[first].orig.0) {
        let mut i = first;
        while i > 0 && first - i < 3 {
            let prev = &dt.toks[i - 1];
            if !text
                .get(prev.orig.1..start)
                .is_some_and(|g| !g.is_empty() && g.chars().all(char::is_whitespace))
            {
                break;
            }
            if let Some(n) = clitic_letter(i - 1) {
                start = prev.orig.1 - n;
                break;
            }
            if !LETTER_ONLY_NAMES.contains(&dt.text(i - 1)) {
                break;
            }
            start = prev.orig.0;
            i -= 1;
        }
    }
    let kind = if c.kind == EntityType::Per {
        EntityType::Org
    } else {
        c.kind
    };
    Some(CandidateMention {
        start,
        end: c.end,
        kind,
    })
}

/// The particle أن/إن of a word written proclitic + particle with its hamza (بأن، لأن، وإن): never a
/// name, though بان (Ban) and فان (Van) are.
fn written_particle(word: &str) -> Option<&str> {
    word.strip_prefix(['ب', 'ل', 'ف', 'و', 'ك'])
        .filter(|r| matches!(*r, "أن" | "إن"))
}

/// A word that reads as a particle, bare or with a proclitic: "بأن" ("that", normalised بان) is
/// ب + أن, never the family name of بان كي مون.
fn particle_reading(t: &str) -> bool {
    clitic_readings(t).any(|(_, s)| FUNCTION_WORDS.contains(&s))
}

/// After بن/ابن/بنت/آل a name's last word is a father's or family name: "سلمان" alone is not
/// فيصل بن سلمان.
fn ends_in_lineage(pt: &[Spelled]) -> bool {
    pt.len() >= 2 && matches!(pt[pt.len() - 2].t.as_str(), "بن" | "ابن" | "بنت" | "ال")
}

/// States whose people are named family name first, as the Arabic press writes them too: كيم جونغ
/// أون is a Kim, بان كي مون a Ban ("مون" alone is South Korea's president Moon, not Ban Ki-moon).
const FAMILY_NAME_FIRST: &[&str] = &["CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "SGP"];

/// The word of KB person `i`'s name (`pt`) that names them alone: the family name, last except for
/// the peoples of [`FAMILY_NAME_FIRST`]; none after بن/آل (a father's or family name).
fn kb_surname<'a>(kb: &Kb, i: u32, pt: &'a [Spelled]) -> Option<&'a Spelled> {
    static FIRST: std::sync::OnceLock<HashSet<u32>> = std::sync::OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let states: HashSet<u32> = kb
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.iso3
                    .as_deref()
                    .is_some_and(|c| FAMILY_NAME_FIRST.contains(&c))
            })
            .map(|(s, _)| s as u32)
            .collect();
        kb.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.class == Class::Person
                    && e.country
                        .as_deref()
                        .and_then(|c| kb.index_of(c))
                        .is_some_and(|s| states.contains(&s))
            })
            .map(|(i, _)| i as u32)
            .collect()
    });
    if first.contains(&i) && pt.len() >= 2 {
        pt.first()
    } else if ends_in_lineage(pt) {
        None
    } else {
        pt.last()
    }
}

/// Years after leaving office in which a surname alone still names a KB person.
const SURNAME_AFTER_OFFICE_YEARS: i32 = 5;

/// The KB person a surname alone means: the one namesake the KB knows by a role ("أوباما" is
/// Barack, not Michelle); the dictionaries list obscure namesakes (يوسف السيسي) that a lone
/// "السيسي" of the news never means. With the article's date, the role must be held then or have
/// ended at most [`SURNAME_AFTER_OFFICE_YEARS`] before: in 2018, "مارتن" is no longer the Irish
/// minister of 2011, nor "موسى" the Egyptian foreign minister of 2001.
fn kb_surname_holder(kb: &Kb, surname: &str, date: Option<&str>) -> Option<u32> {
    if !std::ptr::eq(kb, Kb::builtin()) || particle_reading(surname) {
        return None;
    }
    let t = Spelled::new(surname);
    let mut found = None;
    for (pt, i) in person_tokens(kb) {
        if kb_surname(kb, *i, pt).is_some_and(|l| t.same(l))
            && kb.entries[*i as usize]
                .roles
                .iter()
                .any(|r| in_office_lately(r, date))
        {
            if found.is_some() {
                return None;
            }
            found = Some(*i);
        }
    }
    found
}

/// Role `r` is held on `date` or ended at most [`SURNAME_AFTER_OFFICE_YEARS`] before it; any role
/// without a date to compare.
fn in_office_lately(r: &Role, date: Option<&str>) -> bool {
    let Some((year, rest)) =
        date.and_then(|d| Some((d.get(..4)?.parse::<i32>().ok()?, d.get(4..10)?)))
    else {
        return true;
    };
    let since = format!("{:04}{rest}", year - SURNAME_AFTER_OFFICE_YEARS);
    r.to.as_deref().is_none_or(|t| t >= since.as_str())
}

/// `first` (a KB name key, e.g. a city's) + `next` token spell a KB person's full name.
fn person_by_fuzzy_full(kb: &Kb, first: &str, next: &str) -> Option<u32> {
    if !name_like(next) || !std::ptr::eq(kb, Kb::builtin()) {
        return None;
    }
    let head: Vec<&str> = first.split(' ').collect();
    let next = Spelled::new(next);
    person_tokens(kb).iter().find_map(|(pt, i)| {
        (pt.len() == head.len() + 1
            && pt.iter().zip(&head).all(|(a, b)| a.t == *b)
            && pt.last().is_some_and(|l| next.same(l)))
        .then_some(*i)
    })
}

fn kb_holder(kb: &Kb, rel: &str, title: &str, state: u32, date: Option<&str>) -> Option<Key> {
    let date = date?;
    let sid = &kb.entries[state as usize].id;
    let want_pm = title.contains("وزراء") || title.contains("حكومه");
    let mut found: Option<(u32, &str)> = None;
    let mut holders = 0usize;
    for (i, e) in kb.entries.iter().enumerate() {
        if e.class != Class::Person {
            continue;
        }
        for r in &e.roles {
            if r.rel != rel || &r.of != sid || !r.holds_on(date) {
                continue;
            }
            if rel == "minister_of" {
                let rt = normalize_str(r.title.as_deref().unwrap_or(""));
                if rt != title {
                    continue;
                }
            } else if want_pm != r.title.as_deref().is_some_and(|t| t.contains("وزراء")) {
                continue;
            }
            let from = r.from.as_deref().unwrap_or("");
            holders += 1;
            // The most recent start wins: dictionaries keep stale open-ended roles.
            if !matches!(found, Some((_, f)) if from <= f) {
                found = Some((i as u32, from));
            }
        }
    }
    // Where the dictionary lists a whole ruling family as "leaders" (15 Saudi princes hold the role
    // on any date of 2018, Mohammed bin Nayef the latest), the office has no reliable holder: the
    // bare "العاهل السعودي" had become him. Elsewhere at most five entries hold it (Jordan's five are
    // spellings of one king).
    if holders > 5 {
        return None;
    }
    found.map(|(i, _)| Key::Kb(i))
}

/// Names already read in a document: KB matches (normalised key, entry) and the tagger's candidates.
struct DocNames<'a> {
    kb: &'a [(String, u32)],
    cands: &'a HashSet<String>,
}

/// KB aliases as a clitic lexicon: a stem that is a known name lets its proclitics split off.
struct KbNames<'k>(&'k Kb);

impl Lexicon for KbNames<'_> {
    fn contains(&self, s: &str) -> bool {
        !self.0.lookup(s).is_empty()
    }
}

/// A lexicon without two words: lets [`segment`] split a word (and its stem) the lexicon lists whole.
struct ExceptWord<'a, L> {
    lex: &'a L,
    words: [&'a str; 2],
}

impl<L: Lexicon> Lexicon for ExceptWord<'_, L> {
    fn contains(&self, s: &str) -> bool {
        if self.words.contains(&s) {
            return false;
        }
        if self.lex.contains(s) {
            return true;
        }
        // A final hamza changes its seat before a suffix (حلفاء + ها → حلفائها).
        match s.char_indices().last() {
            Some((i, 'ئ' | 'ؤ' | 'ي' | 'و')) if i >= 4 => {
                let mut w = String::with_capacity(s.len());
                w.push_str(&s[..i]);
                w.push('ء');
                !self.words.contains(&w.as_str()) && self.lex.contains(&w)
            }
            _ => false,
        }
    }
}

/// Person names of several words often contain a word that is also a city or a nisba adjective
/// (خالد بن حمد العطية، جان بيير رافاران، فيصل السويدي): when the tagger reads the whole span as a
/// person, KB matches of a city or an adjective lying inside it, past its first word, give way.
/// A state inside stays (a person span that swallowed اليابان is more likely the tagger's error).
/// So does a KB person's one-word alias after a lineage particle of the span: it ends another
/// person's name (محمد بن سلمان is not فيصل بن سلمان).
fn yield_to_person(kb: &Kb, dt: &DocTokens, c: &CandidateMention, out: &mut Vec<M>) {
    let inside: Vec<&crate::gazetteer::Tok> = dt
        .overlapping(c.start, c.end)
        .iter()
        .filter(|t| t.orig.0 >= c.start && t.orig.1 <= c.end)
        .collect();
    let Some(first) = inside.first() else {
        return;
    };
    if inside.len() < 2 {
        return;
    }
    let first_end = first.orig.1;
    // A KB person's one-word alias after a lineage particle of the span (محمد بن | سلمان, where
    // the KB knows فيصل بن سلمان as سلمان) is the last word of another person's name.
    let surname_of_another = |m: &M| {
        let Key::Kb(e) = m.key else { return false };
        if kb.entries[e as usize].class != Class::Person {
            return false;
        }
        let Some(k) = inside.iter().position(|t| t.orig.0 == m.start) else {
            return false;
        };
        let one_word = inside.get(k).is_some_and(|t| t.orig.1 >= m.end);
        let prev = k
            .checked_sub(1)
            .and_then(|p| dt.first_from(inside[p].orig.0).map(|(i, _)| i))
            .map(|p| dt.text(p));
        // Only after a lineage particle: a foreign first name before a KB surname is a spelling
        // variant of that person's (سيرغي لافروف is سيرجي لافروف).
        one_word && prev.is_some_and(|p| matches!(p, "بن" | "ابن" | "بنت"))
    };
    let yields = |m: &M| {
        let overlaps = m.start < c.end && c.start < m.end;
        let within = m.start >= first_end && m.end <= c.end;
        let weak = m.form == MentionForm::Adjective
            || matches!(m.key, Key::Kb(e) if kb.entries[e as usize].class == Class::City)
            || surname_of_another(m);
        overlaps && within && weak
    };
    // Only when every overlapping match yields: a real name inside (a KB person) keeps the span.
    if out
        .iter()
        .filter(|m| m.start < c.end && c.start < m.end)
        .all(yields)
    {
        out.retain(|m| !yields(m));
    }
}

/// The byte spans of a document's mentions so far, for overlap tests that do not scan them all
/// (a long document has tens of thousands).
struct Spans {
    set: BTreeMap<(usize, usize), u32>,
    /// The longest span: an overlapping one starts at most this far before a query.
    max_len: usize,
}

impl Spans {
    fn of(out: &[M]) -> Spans {
        let mut s = Spans {
            set: BTreeMap::new(),
            max_len: 0,
        };
        for m in out {
            s.add(m.start, m.end);
        }
        s
    }

    fn add(&mut self, start: usize, end: usize) {
        *self.set.entry((start, end)).or_insert(0) += 1;
        self.max_len = self.max_len.max(end.saturating_sub(start));
    }

    /// Some span overlaps `start..end`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        self.set
            .range((start.saturating_sub(self.max_len), 0)..(end, 0))
            .any(|(&(_, e), _)| e > start)
    }
}

/// A tagger candidate trimmed to its name: evidence span and normalised name tokens.
struct Cand {
    start: usize,
    end: usize,
    toks: Vec<String>,
    display: String,
}

/// One written token of a candidate read through its clitics.
struct CandTok {
    orig: (usize, usize),
    /// Normalised name form: proclitics stripped, the article kept (للاتحاد → الاتحاد).
    stem: String,
    /// The written name without its proclitics.
    display: String,
    /// A conjunction or preposition was attached.
    proclitic: bool,
    /// A possessive/object pronoun was attached: names never take one.
    pronoun: bool,
    /// A preposition and the article were attached (بالفضل).
    prep_article: bool,
}

/// Strict common words: function words and the KB's O-only list (ANERcorp train), which holds no names.
fn common_strict(t: &str) -> bool {
    FUNCTION_WORDS.contains(&t) || common_words().contains(t)
}

/// Broad common words: also marsad-text's frequency list from news, which holds frequent names
/// (روسيا, بوتين) too, so a name token or KB alias is never broad-common.
fn common_broad(kb: &Kb, t: &str) -> bool {
    (common_strict(t) || CommonWords.contains(t)) && !is_name_token(t) && kb.lookup(t).is_empty()
}

/// A short word in the shape of an imperfect verb (يثق, يعد): ي + 2 letters, not ending in ي, not a
/// known name. Longer ones (يقول) are in the common-word lists; ي + 3 letters is also a foreign
/// name's shape (يلدز).
/// An imperfect verb with an object pronoun (يجسده، تدعمها): read leftwards from a title, it is
/// the verb before the name, not part of it.
fn verb_with_object(kb: &Kb, t: &str) -> bool {
    (t.starts_with('ي') || t.starts_with('ت'))
        && ["ه", "ها", "هم"].iter().any(|p| t.ends_with(p))
        && t.chars().count() >= 4
        && !is_name_token(t)
        && kb.lookup(t).is_empty()
}

/// The KB person whose surname spells `tok` and who holds (or held) a role in state entry `state`.
fn kb_role_person(kb: &Kb, tok: &str, state: u32) -> Option<u32> {
    if !std::ptr::eq(kb, Kb::builtin()) {
        return None;
    }
    if particle_reading(tok) {
        return None;
    }
    let sid = &kb.entries.get(state as usize)?.id;
    let t = Spelled::new(tok);
    let mut found = None;
    for (pt, i) in person_tokens(kb) {
        // Surnames only: matching a lineage name's first word (سلمان for سلمان بن عبد العزيز) was
        // tried and bound "بنيامين" to Binyamin Ben-Eliezer and "محمد" to the wrong Moroccan.
        // The last word of a lineage name is a father's name, not a surname (فيصل بن سلمان is not
        // "الملك السعودي سلمان").
        let lineage = pt
            .iter()
            .any(|w| matches!(w.t.as_str(), "بن" | "ابن" | "بنت"));
        if !lineage
            && kb_surname(kb, *i, pt).is_some_and(|l| t.same(l))
            && kb.entries[*i as usize].roles.iter().any(|r| &r.of == sid)
        {
            if found.is_some_and(|f| f != *i) {
                return None;
            }
            found = Some(*i);
        }
    }
    found
}

fn verb_like(kb: &Kb, t: &str) -> bool {
    let n = t.chars().count();
    t.starts_with('ي')
        && !t.ends_with('ي')
        && n == 3
        && !is_name_token(t)
        && kb.lookup(t).is_empty()
}

/// Written text of `word` after its first letter and any diacritics/tatweel that follow it.
fn after_first_letter(word: &str) -> &str {
    let mut it = word.char_indices().skip(1);
    for (i, ch) in it.by_ref() {
        if !matches!(ch, '\u{064B}'..='\u{0652}' | '\u{0640}' | '\u{0670}') {
            return &word[i..];
        }
    }
    ""
}

/// Reads one written token of a tagger candidate. Proclitics come off when
/// [`marsad_text::segment`] finds the stem in the KB names or the common words; for the first token a
/// leading و/ف also comes off (conservative rule) when the rest has 3+ letters and is a KB name, a
/// name the document already has (exactly or within the measured skeleton distance), or و + the
/// article + 3 letters (والقوقاز): a name that itself starts with و (وليد, واشنطن) is a known name
/// or alias and is kept whole.
fn read_cand_token(
    kb: &Kb,
    text: &str,
    orig: (usize, usize),
    first: bool,
    known: &DocNames<'_>,
) -> CandTok {
    let word = text.get(orig.0..orig.1).unwrap_or("");
    // "بأن" written with its hamza is ب + أن ("that"), whatever name its letters also spell (بان
    // of بان كي مون, which the segmenter keeps whole as a KB name).
    // So is "لبي" of "لبي بي سي" ل + بي, a Latin letter (see [`acronym_reading`]).
    let letter = word
        .strip_prefix(['ل', 'ب', 'و', 'ف'])
        .filter(|b| LETTER_ONLY_NAMES.contains(&normalize_str(b).as_str()));
    if let Some(particle) = written_particle(word).or(letter) {
        return CandTok {
            orig,
            stem: normalize_str(particle),
            display: particle.to_string(),
            proclitic: true,
            pronoun: false,
            prep_article: false,
        };
    }
    let norm = normalize_str(word);
    let lex = UnionLexicon(KbNames(kb), CommonWords);
    let seg = segment(word, &lex);
    let whole_name = is_name_token(&norm) || !kb.lookup(&norm).is_empty();
    let stem_norm = normalize_str(seg.stem_str(word));
    // A known name that also parses as clitic + word keeps its letters (بايدن is not ب + ايدن, كمال
    // is not ك + مال), unless the stem is a function word (بأن is ب + أن though بان is a name).
    let has_article = seg.has_article();
    let prep = seg
        .proclitics
        .iter()
        .any(|c| c.kind == CliticKind::Preposition);
    // A preposition on a bare (article-less) word comes off only when the stem is a name we know:
    // بعقوبة and بنها are places, not ب + عقوبة / ب + نها; ببريطانيا is ب + بريطانيا.
    let stem_known = !kb.lookup(&stem_norm).is_empty()
        || is_name_token(&stem_norm)
        || known.cands.contains(&stem_norm)
        || known.kb.iter().any(|(k, _)| *k == stem_norm)
        || FUNCTION_WORDS.contains(&stem_norm.as_str());
    let proclitic = seg.proclitics.iter().any(|c| c.kind != CliticKind::Article)
        && (!whole_name || FUNCTION_WORDS.contains(&stem_norm.as_str()))
        && (!prep || has_article || stem_known);
    // The news frequency list holds some words with their pronoun (حلفائها); read them without the
    // whole-word entry to see the pronoun. Stems of two letters are too easily names (بنها).
    let long_stem = |sg: &marsad_text::Segmentation| sg.stem_str(word).chars().count() >= 3;
    let pronoun = !whole_name
        && (seg.enclitic.is_some()
            && long_stem(&seg)
            && (CommonWords.contains(&stem_norm) || common_strict(&stem_norm))
            || {
                let sg = segment(
                    word,
                    &ExceptWord {
                        lex: &CommonWords,
                        words: [&norm, &stem_norm],
                    },
                );
                sg.enclitic.is_some() && long_stem(&sg)
            });
    if proclitic {
        let stem_text = seg.stem_str(word);
        let (stem, display) = match seg
            .proclitics
            .iter()
            .find(|c| c.kind == CliticKind::Article)
        {
            Some(a) if normalize_str(&word[a.start..a.end]) == "ال" => (
                format!("ال{}", normalize_str(stem_text)),
                word[a.start..seg.stem.1].to_string(),
            ),
            Some(_) => (
                format!("ال{}", normalize_str(stem_text)),
                format!("ال{stem_text}"),
            ),
            None => (normalize_str(stem_text), stem_text.to_string()),
        };
        return CandTok {
            orig,
            stem,
            display,
            proclitic,
            pronoun,
            prep_article: prep && has_article,
        };
    }
    if first && !is_name_token(&norm) && kb.lookup(&norm).is_empty() {
        let rest = norm
            .strip_prefix('و')
            .or_else(|| norm.strip_prefix('ف'))
            .filter(|r| r.chars().count() >= 3);
        if let Some(rest) = rest {
            let article = norm.starts_with('و')
                && rest
                    .strip_prefix("ال")
                    .is_some_and(|s| s.chars().count() >= 3);
            let rest_tok = [rest.to_string()];
            let known_name = !kb.lookup(rest).is_empty()
                || known.cands.contains(rest)
                || known.kb.iter().any(|(k, _)| k == rest)
                || kb_place_or_org(kb, EntityType::Loc, &rest_tok, known.kb).is_some()
                || kb_place_or_org(kb, EntityType::Org, &rest_tok, known.kb).is_some();
            if article || known_name {
                return CandTok {
                    orig,
                    stem: rest.to_string(),
                    display: after_first_letter(word).to_string(),
                    proclitic: true,
                    pronoun,
                    prep_article: false,
                };
            }
        }
    }
    CandTok {
        orig,
        stem: norm,
        display: word.to_string(),
        proclitic: false,
        pronoun,
        prep_article: false,
    }
}

/// Which common words end a person's name at a position (see [`name_word`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordCut {
    /// None (the word after a lone first name: عادل إمام).
    None,
    /// Function words, strict common words, and news-frequent nouns in ة.
    Inside,
    /// Function words and any news-frequent word (titles and verbs before a name).
    Leading,
}

/// Normalised kunya and lineage particles of Arabic names.
const NAME_PARTICLES: &[&str] = &["ابو", "ابا", "ابي", "بن", "ابن", "بنت", "ال"];

/// Normalised regnal ordinals (الأول … العاشر).
const REGNAL_ORDINALS: &[&str] = &[
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
];

/// Whether a candidate token can be part of a person's name: not a function word, common word
/// (unless nisba-shaped) or short imperfect verb (يثق), no attached pronoun (بجيشه), and no attached
/// preposition or conjunction unless it starts the name (a name does not carry one inside: بأن).
fn name_word(kb: &Kb, t: &CandTok, first: bool, words: WordCut) -> bool {
    let s = t.stem.as_str();
    let clitic_inside = t.proclitic && !first;
    // Kunya and lineage particles (أبو عبد الله، خالد بن حمد، آل ثاني) and regnal ordinals
    // (عبدالله الثاني، محمد السادس) are parts of a name, not the common words they also are.
    if (first || !t.proclitic) && !t.pronoun && NAME_PARTICLES.contains(&s) {
        return true;
    }
    if !first && REGNAL_ORDINALS.contains(&s) {
        return true;
    }
    // علي is both "on" and a frequent first name; inside a span the tagger read as a person it is the name.
    if s == "علي" && (first || !t.proclitic) {
        return true;
    }
    let function = FUNCTION_WORDS.contains(&s);
    // Nisba surnames (العلمي, الشهري) are also common adjectives: the tagger's reading wins.
    let nisba = s.ends_with('ي') && s.chars().count() >= 4;
    let broad = common_broad(kb, s) && !nisba;
    let word = match words {
        WordCut::None => false,
        // The news list also holds frequent surnames (لودريان): past a name's start only its
        // nouns in ة (تغريدة) and the strict list cut.
        WordCut::Inside => function || common_strict(s) || (broad && s.ends_with('ه')),
        // A rank the tagger took in (العميد أحمد عسيري) titles the person; it is not his name.
        WordCut::Leading => function || broad || HONORIFICS.contains(&s) || RANKS.contains(&s),
    };
    !(word || t.pronoun || clitic_inside || verb_like(kb, s))
}

/// [`name_word`] for a lone normalised token inside a name (after its first token), without the
/// word lists (the title patterns check the strict list themselves): verbs, pronouns, clitics.
fn name_word_inside(t: &str) -> bool {
    let kb = Kb::builtin();
    let empty = HashSet::new();
    let known = DocNames {
        kb: &[],
        cands: &empty,
    };
    name_word(
        kb,
        &read_cand_token(kb, t, (0, t.len()), false, &known),
        false,
        WordCut::None,
    )
}

/// Narrows `lo..hi` past edge tokens whose written form carries tanween (ً ٌ ٍ).
fn trim_tanween(toks: &[CandTok], mut lo: usize, mut hi: usize) -> (usize, usize) {
    let tanween = |t: &CandTok| {
        t.display
            .chars()
            .any(|c| matches!(c, '\u{064B}'..='\u{064D}'))
    };
    while lo < hi && tanween(&toks[lo]) {
        lo += 1;
    }
    while hi > lo && tanween(&toks[hi - 1]) {
        hi -= 1;
    }
    (lo, hi)
}

/// Cleans a tagger candidate: the first token loses its proclitics (the evidence still covers the
/// whole written token, as for gazetteer matches); a person is cut to its longest run of name-like
/// tokens (stopping at function or common words, verbs, words with an attached preposition or
/// pronoun); a candidate made only of common words (a person), of strict common words or words with a
/// pronoun (a place or organisation) or of broad common words (other kinds: دولار) is dropped.
/// Tokens `a..b` sit inside a longer person name: right after a name word or a lineage particle
/// (not a title), or right before a family name (a definite nisba no KB entry or word list knows,
/// or a particle that does not continue this name's own lineage: آل).
fn in_name_chain(kb: &Kb, dt: &DocTokens, a: usize, b: usize, text: &str) -> bool {
    let joined = |i: usize, j: usize| {
        let gap = text
            .get(dt.toks[i].orig.1..dt.toks[j].orig.0)
            .unwrap_or("x");
        !gap.is_empty() && gap.chars().all(char::is_whitespace)
    };
    let before = a > 0 && joined(a - 1, a) && {
        let p = dt.text(a - 1);
        !HONORIFICS.contains(&p)
            && !RANKS.contains(&p)
            && !is_title_head(p)
            && (matches!(p, "بن" | "ابن" | "بنت")
                || (is_name_token(p) && !common_broad(kb, p) && kb.lookup(p).is_empty()))
    };
    let after = b < dt.toks.len() && joined(b - 1, b) && {
        let n = dt.text(b);
        n == "ال"
            || (is_name_token(n)
                && !n.starts_with("ال")
                && !NAME_PARTICLES.contains(&n)
                && !common_broad(kb, n)
                && kb.lookup(n).is_empty())
            || (n.starts_with("ال")
                && n.ends_with('ي')
                && n.chars().count() >= 5
                && kb.lookup(n).is_empty()
                && !common_broad(kb, n)
                && !REGNAL_ORDINALS.contains(&n)
                && !FORMER.contains(&n)
                && !CURRENT.contains(&n))
    };
    before || after
}

/// Two spellings of one name word: [`same_name`], or the same consonant skeleton (سيرجي / سيرغي,
/// which are too short for the fuzzy comparison).
fn spelled_alike(a: &str, b: &str) -> bool {
    same_name(a, b) || skeleton(a) == skeleton(b)
}

/// The words around a KB person's match at `a..b` continue one of the person's own names
/// (سيرغي لافروف for «سيرجي لافروف»; عبد الله الثاني): the chain is the person's, not another's.
fn own_name_around(e: &KbEntry, dt: &DocTokens, a: usize, b: usize) -> bool {
    let prev = (a > 0).then(|| dt.text(a - 1));
    let next = (b < dt.toks.len()).then(|| dt.text(b));
    std::iter::once(&e.ar).chain(&e.aliases).any(|name| {
        let n = normalize_str(name);
        let words: Vec<&str> = crate::text::tokens(&n).map(|t| t.1).collect();
        let k = b - a;
        (0..words.len().saturating_sub(k - 1)).any(|i| {
            let here = (0..k).all(|j| spelled_alike(words[i + j], dt.text(a + j)));
            let before_ok = match (i.checked_sub(1).map(|x| words[x]), prev) {
                (Some(w), Some(p)) => spelled_alike(w, p),
                _ => false,
            };
            let after_ok = match (words.get(i + k), next) {
                (Some(w), Some(x)) => spelled_alike(w, x),
                _ => false,
            };
            here && (before_ok || after_ok)
        })
    })
}

/// The word before `at` is the first half of a name built on الله (فتح الله غولن, عبد الله, نصر
/// الله) that the tagger left out of its span.
fn theophoric_before(text: &str, at: usize) -> bool {
    let Some(w) = text
        .get(..at)
        .and_then(|b| b.split_whitespace().next_back())
    else {
        return false;
    };
    let n = normalize_str(w);
    let n = n
        .strip_prefix('و')
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(&n);
    matches!(
        n,
        "فتح"
            | "عبد"
            | "نصر"
            | "عطا"
            | "جار"
            | "ضيف"
            | "خير"
            | "فضل"
            | "سيف"
            | "حزب"
            | "حسب"
            | "هبه"
            | "رزق"
            | "عوض"
            | "حمد"
            | "نعمه"
            | "جاد"
    )
}

/// Of several cities of one name (طرابلس in Libya and in Lebanon), the largest in a state the
/// document names, when the first reading is a city of a state it does not name.
fn city_in_named_state(kb: &Kb, targets: &[Target], doc_states: &HashSet<u32>) -> Option<Target> {
    let country = |t: &Target| {
        let e = &kb.entries[t.entry as usize];
        (t.kind == AliasKind::Name && e.class == Class::City)
            .then(|| e.country.as_deref().and_then(|c| kb.index_of(c)))
            .flatten()
    };
    let first = country(targets.first()?)?;
    if doc_states.contains(&first) {
        return None;
    }
    targets
        .iter()
        .find(|t| country(t).is_some_and(|c| doc_states.contains(&c)))
        .copied()
}

/// Of a state and another state's capital that share a name (عمان: Oman and Amman), the capital
/// when the document names its state (الأردن، الأردنية) and names the other state nowhere in a form
/// of its own (سلطنة عمان، العماني).
fn capital_over_state(
    kb: &Kb,
    targets: &[Target],
    doc_states: &HashSet<u32>,
    plain_states: &HashSet<u32>,
) -> Option<Target> {
    let state = targets.iter().find(|t| {
        t.kind == AliasKind::Name && kb.entries[t.entry as usize].class == Class::State
    })?;
    if plain_states.contains(&state.entry) {
        return None;
    }
    let state_id = kb.entries[state.entry as usize].id.as_str();
    targets
        .iter()
        .find(|t| {
            let e = &kb.entries[t.entry as usize];
            t.kind == AliasKind::Name
                && e.class == Class::City
                && e.capital_of.is_some()
                && e.country.as_deref() != Some(state_id)
                && e.country
                    .as_deref()
                    .and_then(|c| kb.index_of(c))
                    .is_some_and(|c| doc_states.contains(&c))
        })
        .copied()
}

/// A plural noun of states or peoples, or a language (normalised, conjunction stripped), after
/// which a state's nisba names a family or a tongue rather than the state.
fn family_noun(prev: &str) -> bool {
    matches!(
        prev,
        "الدول"
            | "دول"
            | "للدول"
            | "الجمهوريات"
            | "جمهوريات"
            | "للجمهوريات"
            | "الشعوب"
            | "شعوب"
            | "للشعوب"
            | "القوميات"
            | "اللغه"
            | "لغه"
            | "باللغه"
            | "اللغات"
            | "لغات"
    )
}

/// A gazetteer match that an Arabic idiom makes an ordinary word: «مسقط رأسه» is "his birthplace",
/// not Muscat; «اليمنى» (with alef maqsura) is "the right one" (اليد اليمنى), not the Yemeni adjective
/// that normalisation makes it look like.
fn not_a_name_here(key: &str, next: &str, written: &str) -> bool {
    (key == "مسقط" && next.starts_with("راس")) || (key == "اليمني" && written.ends_with("يمنى"))
}

/// A person span of two words that are the family names of two KB officials of different states
/// ("ووصف أردوغان نتنياهو": Erdogan described Netanyahu, verb, subject, object) is the two persons
/// side by side, not one name: the two single-word spans.
fn two_persons(
    kb: &Kb,
    dt: &DocTokens,
    c: &CandidateMention,
    date: Option<&str>,
) -> Option<[CandidateMention; 2]> {
    if c.kind != EntityType::Per {
        return None;
    }
    let r = dt.overlapping_range(c.start, c.end);
    if r.len() != 2 || !dt.gap_after(r.start).trim().is_empty() {
        return None;
    }
    let (a, b) = (dt.text(r.start), dt.text(r.start + 1));
    // A given name is a full name's first word (عادل الجبير, حسن نصر الله), and the surnames must
    // be the KB persons' own words, not look-alikes (بليتزر is not بلاتر).
    let given = kb_given_names(kb);
    if given.contains(a) || given.contains(b) {
        return None;
    }
    let own = |w: &str, i: u32| {
        normalize_str(&kb.entries[i as usize].ar)
            .split(' ')
            .any(|x| x == w)
    };
    let pa = kb_surname_holder(kb, a, date).filter(|&i| own(a, i))?;
    let pb = kb_surname_holder(kb, b, date).filter(|&i| own(b, i))?;
    // Officials of two different states (Erdogan, Netanyahu); two Lebanese family names side by
    // side («خليل حمادة», a union's spokesman) may well be one more Lebanese.
    let (ca, cb) = (
        &kb.entries[pa as usize].country,
        &kb.entries[pb as usize].country,
    );
    if pa == pb || ca.is_none() || cb.is_none() || ca == cb {
        return None;
    }
    if !kb.lookup(&format!("{a} {b}")).is_empty() {
        return None;
    }
    let (ta, tb) = (&dt.toks[r.start], &dt.toks[r.start + 1]);
    Some([
        CandidateMention {
            start: ta.orig.0.max(c.start),
            end: ta.orig.1,
            kind: c.kind,
        },
        CandidateMention {
            start: tb.orig.0,
            end: tb.orig.1.min(c.end),
            kind: c.kind,
        },
    ])
}

fn clean_candidate(
    kb: &Kb,
    text: &str,
    dt: &DocTokens,
    c: &CandidateMention,
    known: &DocNames<'_>,
) -> Option<Cand> {
    let toks: Vec<CandTok> = dt
        .overlapping(c.start, c.end)
        .iter()
        .filter(|t| t.orig.0 < c.end && c.start < t.orig.1)
        .enumerate()
        .map(|(i, t)| read_cand_token(kb, text, t.orig, i == 0, known))
        .collect();
    // «الله عز وجل», «لله»: God is invoked, not an actor of the news (names that contain the word
    // begin with another one: عبد الله، حزب الله).
    if toks
        .first()
        .is_some_and(|t| t.stem == "الله" || t.stem == "لله")
        && !theophoric_before(text, c.start)
    {
        return None;
    }
    let (lo, hi) = if c.kind == EntityType::Per {
        // Leading function/common words go (a title the tagger took in); after the first name word a
        // function or common word is kept (عادل إمام, ريتشارد غير: a single name word is rarely the whole
        // name), after two or more it ends the name (دونالد ترامب تغريدة). Verbs, pronouns and clitics
        // inside always end it.
        let lo = toks
            .iter()
            .enumerate()
            .position(|(i, t)| name_word(kb, t, i == 0, WordCut::Leading))?;
        let len = toks[lo..]
            .iter()
            .enumerate()
            .take_while(|(j, t)| {
                let cut = match j {
                    0 => WordCut::Leading,
                    1 => WordCut::None,
                    _ => WordCut::Inside,
                };
                name_word(kb, t, *j == 0, cut)
            })
            .count();
        (lo, lo + len)
    } else {
        let common = |t: &CandTok| {
            let s = t.stem.as_str();
            let bare = s
                .strip_prefix("ال")
                .filter(|b| b.chars().count() >= 2)
                .unwrap_or(s);
            t.pronoun
                || if c.kind == EntityType::Misc && toks.len() == 1 {
                    // One frequent word as MISC (دولار, اليورو) is no actor; name tokens do not protect
                    // here (the name list holds دولار).
                    [s, bare].iter().any(|w| {
                        (common_strict(w) || CommonWords.contains(w)) && kb.lookup(w).is_empty()
                    })
                } else {
                    common_strict(s) || common_strict(bare)
                }
        };
        // A bare common word can be a name (القاعدة, الراية, والمدينة); one the tagger read with a
        // preposition + article or a pronoun attached (بالفضل, وحلفائها) is a phrase, not a name.
        // A stem the document also names on its own (بالقاعدة beside القاعدة) is kept.
        let clitics = toks.iter().any(|t| t.prep_article || t.pronoun);
        let misc_word = c.kind == EntityType::Misc && toks.len() == 1;
        let joined = toks
            .iter()
            .map(|t| t.stem.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let named_elsewhere =
            clitics && (known.cands.contains(&joined) || !kb.lookup(&joined).is_empty());
        if toks.iter().all(common) && (clitics || misc_word) && !named_elsewhere {
            return None;
        }
        (0, toks.len())
    };
    // Unvowelled news writes no case endings on names, so a word carrying tanween (دوماً، أيضاً،
    // مدنياً) is an adverb or indefinite noun at the candidate's edge, never part of a name.
    let (lo, hi) = trim_tanween(&toks, lo, hi);
    let toks_len = toks.len();
    let kept = toks.get(lo..hi).filter(|k| !k.is_empty())?;
    let start = if lo == 0 {
        c.start.max(kept[0].orig.0)
    } else {
        kept[0].orig.0
    };
    let end = if hi == toks.len() {
        c.end.min(kept[kept.len() - 1].orig.1)
    } else {
        kept[kept.len() - 1].orig.1
    };
    let mut display = kept[0].display.clone();
    if let (Some(a), Some(b)) = (kept.first(), kept.last()) {
        if kept.len() > 1 {
            display.push_str(text.get(a.orig.1..b.orig.1).unwrap_or(""));
        }
    }
    let mut toks: Vec<String> = kept
        .iter()
        .flat_map(|t| {
            crate::text::tokens(&t.stem)
                .map(|x| x.1.to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    if toks.is_empty() || start >= end {
        return None;
    }
    let mut end = end;
    // ANERcorp's guidelines (and so the tagger) stop a place before its direction adjective
    // (آسيا | الوسطى، الغوطة | الشرقية), but the region is the place with its adjective.
    if c.kind == EntityType::Loc && hi == toks_len {
        if let Some((i, next)) = dt.first_from(end) {
            let gap = text.get(end..next.orig.0).unwrap_or("");
            let word = dt.text(i);
            if !gap.is_empty()
                && gap.chars().all(char::is_whitespace)
                && direction_adjectives().iter().any(|a| a == word)
            {
                display.push_str(&text[end..next.orig.1]);
                toks.push(word.to_string());
                end = next.orig.1;
            }
        }
    }
    // A person's family name in the nisba form (عبد الله | العنسي، أحمد | الشحي) is often left out
    // by the tagger after a name it knows; a definite word in ي that is no KB name or adjective
    // and no common word goes on the name.
    if c.kind == EntityType::Per && hi == toks_len && toks.len() <= 3 {
        if let Some((i, next)) = dt.first_from(end) {
            let gap = text.get(end..next.orig.0).unwrap_or("");
            let word = dt.text(i);
            let surname = word.starts_with("ال")
                && word.ends_with('ي')
                && word.chars().count() >= 5
                && kb.lookup(word).is_empty()
                && !common_broad(kb, word)
                && !common_broad(kb, &word["ال".len()..])
                && !FORMER.contains(&word)
                && !CURRENT.contains(&word);
            if !gap.is_empty() && gap.chars().all(char::is_whitespace) && surname {
                display.push_str(&text[end..next.orig.1]);
                toks.push(word.to_string());
                end = next.orig.1;
            }
        }
    }
    // Likewise an organisation's name can end in a nisba adjective the tagger leaves out because
    // it also reads as a state (منظمة العالم | التركي، منظمة الطيران المدني | الإيراني). ANERcorp
    // leaves out a nisba that describes the body itself (مكتب التحقيقات الفدرالي | الأميركي،
    // النصر | العماني); one that agrees with the name's last noun but not with its head noun
    // (masculine after منظمة) can only modify that inner noun, so it is part of the name.
    if c.kind == EntityType::Org && hi == toks_len {
        if let (Some((i, next)), Some(last)) = (dt.first_from(end), toks.last()) {
            let gap = text.get(end..next.orig.0).unwrap_or("");
            let word = dt.text(i);
            let feminine = |w: &str| w.ends_with('ة') || w.ends_with('ه');
            let nisba = word.starts_with("ال")
                && (word.ends_with('ي') || word.ends_with("يه") || word.ends_with("ية"))
                && kb
                    .lookup(word)
                    .iter()
                    .any(|t| t.kind == AliasKind::Adjective);
            if !gap.is_empty()
                && gap.chars().all(char::is_whitespace)
                && nisba
                && toks.len() >= 2
                && feminine(word) == feminine(last)
                && feminine(word) != feminine(&toks[0])
            {
                display.push_str(&text[end..next.orig.1]);
                toks.push(word.to_string());
                end = next.orig.1;
            }
        }
    }
    Some(Cand {
        start,
        end,
        toks,
        display,
    })
}

/// Definite direction adjectives that end a region's name (normalised).
fn direction_adjectives() -> &'static [String] {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        ["الوسطى", "الشرقية", "الغربية", "الشمالية", "الجنوبية"]
            .iter()
            .map(|w| normalize_str(w))
            .collect()
    })
}

/// The KB entry a place or organisation candidate names: an exact alias of a compatible class, else
/// (token by token within the measured skeleton distance, [`same_name`]) a state's name or a name
/// the document already matched in the KB (قرغيزستان → قيرغيزستان).
/// A city of under half a million, no capital, in a state the document does not name while it
/// names others: more often a namesake the KB lacks or a word (زنجبار in Yemen, سعيدة "happy").
fn foreign_small_town(kb: &Kb, e: u32, doc_states: &HashSet<u32>) -> bool {
    let pe = &kb.entries[e as usize];
    pe.class == Class::City
        && pe.capital_of.is_none()
        && pe.pop.unwrap_or(0) < 500_000
        && !doc_states.is_empty()
        && pe
            .country
            .as_deref()
            .and_then(|c| kb.index_of(c))
            .is_some_and(|c| !doc_states.contains(&c))
}

fn kb_place_or_org(
    kb: &Kb,
    kind: EntityType,
    toks: &[String],
    doc: &[(String, u32)],
) -> Option<u32> {
    let fits = |e: u32| {
        let class = kb.entries[e as usize].class;
        match kind {
            EntityType::Loc | EntityType::Gpe => {
                matches!(class, Class::State | Class::City | Class::Region)
            }
            EntityType::Org => class == Class::Org,
            _ => false,
        }
    };
    let joined = toks.join(" ");
    if let Some(t) = kb
        .lookup(&joined)
        .iter()
        .find(|t| t.kind == AliasKind::Name && fits(t.entry))
    {
        return Some(t.entry);
    }
    let spells = |name: &str| {
        let n: Vec<&str> = name.split(' ').collect();
        n.len() == toks.len() && n.iter().zip(toks).all(|(a, b)| same_name(a, b))
    };
    if let Some((_, e)) = doc.iter().find(|(k, e)| fits(*e) && spells(k)) {
        return Some(*e);
    }
    if !std::ptr::eq(kb, Kb::builtin()) {
        return None;
    }
    let q: Vec<Spelled> = toks.iter().map(|t| Spelled::new(t)).collect();
    let mut found = None;
    for (names, e) in state_names(kb) {
        if fits(*e)
            && names
                .iter()
                .any(|n| n.len() == q.len() && n.iter().zip(&q).all(|(a, b)| a.same_state(b)))
        {
            if found.is_some_and(|f| f != *e) {
                return None;
            }
            found = Some(*e);
        }
    }
    found
}

/// States whose one-word name is the nisba adjective of a common word: مالي is مال ("money") + ي, so
/// مالي، المالي، المالية mean "financial" far more often than Mali (read from the KB and the common
/// words, not listed by hand; the builtin KB's).
fn homograph_states(kb: &Kb) -> &'static HashSet<u32> {
    static H: std::sync::OnceLock<HashSet<u32>> = std::sync::OnceLock::new();
    H.get_or_init(|| {
        let common = common_words();
        kb.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.class == Class::State)
            .filter(|(_, e)| {
                std::iter::once(&e.ar).chain(&e.aliases).any(|a| {
                    let n = normalize_str(a);
                    !n.contains(' ')
                        && n.strip_suffix('ي').is_some_and(|base| {
                            base.chars().count() >= 2
                                && (common.contains(base) || common.contains(&format!("ال{base}")))
                        })
                })
            })
            .map(|(i, _)| i as u32)
            .collect()
    })
}

/// Normalised names and aliases of every KB state (the builtin KB's).
fn state_names(kb: &Kb) -> &'static Vec<(Vec<Vec<Spelled>>, u32)> {
    static S: std::sync::OnceLock<Vec<(Vec<Vec<Spelled>>, u32)>> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        kb.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.class == Class::State)
            .map(|(i, e)| {
                let names = std::iter::once(&e.ar)
                    .chain(&e.aliases)
                    .map(|a| normalize_str(a).split(' ').map(Spelled::new).collect())
                    .collect();
                (names, i as u32)
            })
            .collect()
    })
}
