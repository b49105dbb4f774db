//! Per-document extraction of who did what to whom and who says so: PLOVER events, attributed
//! claims, relations stated in the text (membership lists, observers, agreements, alliances), and
//! what each figure counts.
//!
//! Pure: input is one document's working text (chrome blanked, same byte length as the original),
//! its sentence spans, the linker's entity mentions in it, and its quantities and dates. Every
//! evidence indexes that text. Triggers come from a general lexicon of Arabic event words
//! ([`lexicon`]) and the OEDA Arabic CAMEO verb dictionary ([`cameo`]), never from particular
//! documents.

pub mod agents;
pub mod cameo;
mod claims;
pub mod lexicon;
mod relations;

use marsad_picture::{
    Claim, DateMention, Diagnostic, Entity, EntityType, Event, Evidence, Mention, MentionForm,
    Mode, Name, Quantity, Relation, Severity,
};
use marsad_text::normalize_str;
use marsad_text::sentence::Span;
use marsad_text::token::{tokenize, TokenKind};

use lexicon::{lexicon, stems, Trigger};

/// Errors of the event layer (inputs that do not fit the text).
#[derive(Debug, thiserror::Error)]
pub enum EventsError {
    /// A mention's span is not a valid range of the text.
    #[error("mention {start}..{end} of {entity} is outside the text or off char boundaries")]
    BadMention {
        /// Entity id.
        entity: String,
        /// Start byte.
        start: usize,
        /// End byte.
        end: usize,
    },
}

/// One entity mention in the document, as the linker found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    /// Entity id in the picture.
    pub entity: String,
    /// Entity type.
    pub kind: EntityType,
    /// How it refers.
    pub form: MentionForm,
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
}

/// Everything the extractor needs about one document.
#[derive(Debug, Clone, Copy)]
pub struct DocInput<'a> {
    /// Document id.
    pub doc: &'a str,
    /// Working text (chrome blanked).
    pub text: &'a str,
    /// Sentence spans of `text`.
    pub sentences: &'a [Span],
    /// Entity mentions in this document.
    pub mentions: &'a [EntityMention],
    /// The document's quantities (their ids are kept).
    pub quantities: &'a [Quantity],
    /// The document's dates (their ids are kept).
    pub dates: &'a [DateMention],
}

/// What one document yields. Ids are document-local (`ev1`, `c1`, `r1`); the caller renames.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocEvents {
    /// Events.
    pub events: Vec<Event>,
    /// Claims.
    pub claims: Vec<Claim>,
    /// Relations stated in the text.
    pub relations: Vec<Relation>,
    /// Quantities with their `kind` and `about` filled in (same ids as given).
    pub quantities: Vec<Quantity>,
    /// Described actors (المتظاهرون، قوات الأمن) that events of this document name as sources or
    /// targets: one entity per kind of group and document, id `A:<doc>:<n>`, `kb` null.
    pub actors: Vec<Entity>,
}

/// A token of the working text with its normalised form.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub norm: String,
    pub punct: bool,
}

/// Shared view of a document for the extractors.
pub(crate) struct Doc<'a> {
    pub input: DocInput<'a>,
    pub toks: Vec<Tok>,
    /// For each mention, the index of its first and last token.
    pub mtok: Vec<(usize, usize)>,
    /// For each sentence, its token range.
    pub stoks: Vec<(usize, usize)>,
    /// Mention indices ordered by first token (then index): the mentions of a token range are
    /// found by binary search, so a long document does not cost tokens × mentions.
    by_start: Vec<usize>,
    /// For each token, whether some mention covers it.
    covered: Vec<bool>,
    /// Entity ids with a person mention.
    pub persons: std::collections::HashSet<&'a str>,
    /// Each quantity's first evidence span, sorted by start.
    quantity_spans: Vec<(usize, usize)>,
}

impl<'a> Doc<'a> {
    fn new(input: DocInput<'a>) -> (Doc<'a>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let toks: Vec<Tok> = tokenize(input.text)
            .into_iter()
            .map(|t| Tok {
                start: t.start,
                end: t.end,
                norm: t.norm(input.text),
                punct: matches!(t.kind, TokenKind::Punct),
            })
            .collect();
        let tok_at = |pos: usize| toks.partition_point(|t| t.end <= pos);
        let mut mtok = Vec::with_capacity(input.mentions.len());
        for m in input.mentions {
            if input.text.get(m.start..m.end).is_none() {
                diags.push(Diagnostic {
                    severity: Severity::Warning,
                    subject: input.doc.to_string(),
                    message: EventsError::BadMention {
                        entity: m.entity.clone(),
                        start: m.start,
                        end: m.end,
                    }
                    .to_string(),
                });
                mtok.push((usize::MAX, usize::MAX));
                continue;
            }
            let a = tok_at(m.start);
            let b = tok_at(m.end.saturating_sub(1)).max(a);
            mtok.push((a, b));
        }
        let stoks = input
            .sentences
            .iter()
            .map(|s| (tok_at(s.start), tok_at(s.end)))
            .collect();
        let mut by_start: Vec<usize> = (0..mtok.len()).collect();
        by_start.sort_by_key(|&k| (mtok[k].0, k));
        let persons = input
            .mentions
            .iter()
            .filter(|m| m.kind == EntityType::Per)
            .map(|m| m.entity.as_str())
            .collect();
        let mut quantity_spans: Vec<(usize, usize)> = input
            .quantities
            .iter()
            .filter_map(|q| q.evidence.first().map(|e| (e.start, e.end)))
            .collect();
        quantity_spans.sort_unstable();
        let mut covered = vec![false; toks.len()];
        for &(a, b) in mtok.iter().filter(|&&(_, b)| b != usize::MAX) {
            for c in covered.iter_mut().take(b + 1).skip(a) {
                *c = true;
            }
        }
        (
            Doc {
                input,
                toks,
                mtok,
                stoks,
                by_start,
                covered,
                persons,
                quantity_spans,
            },
            diags,
        )
    }

    pub fn ev(&self, start: usize, end: usize) -> Option<Evidence> {
        Evidence::new(self.input.doc, self.input.text, start, end)
    }

    /// Token range of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> (usize, usize) {
        // Sentences are in text order: the first whose end lies past `i` is the only candidate
        // (binary search, not a scan per token of a long document).
        let k = self.stoks.partition_point(|&(_, b)| b <= i);
        self.stoks
            .get(k)
            .copied()
            .filter(|&(a, b)| a <= i && i < b)
            .unwrap_or((0, self.toks.len()))
    }

    /// Clause around token `i`: bounded by clause punctuation or the sentence.
    pub fn clause_of(&self, i: usize) -> (usize, usize) {
        let (sa, sb) = self.sentence_of(i);
        let stop =
            |t: &Tok| t.punct && matches!(t.norm.as_str(), "," | ";" | ":" | "." | "?" | "!");
        let mut a = i;
        while a > sa && !stop(&self.toks[a - 1]) {
            a -= 1;
        }
        let mut b = i + 1;
        while b < sb && !stop(&self.toks[b]) {
            b += 1;
        }
        (a, b)
    }

    /// Mention indices whose first token lies in `a..b`.
    pub fn mentions_in(&self, a: usize, b: usize) -> impl Iterator<Item = usize> + '_ {
        let lo = self.by_start.partition_point(|&k| self.mtok[k].0 < a);
        let hi = self.by_start.partition_point(|&k| self.mtok[k].0 < b);
        let mut ks = self.by_start[lo..hi.max(lo)].to_vec();
        // In mention order, as callers that take the first expect.
        ks.sort_unstable();
        ks.into_iter()
    }

    /// Some quantity's first evidence lies within bytes `lo..hi`.
    pub fn quantity_within(&self, lo: usize, hi: usize) -> bool {
        let from = self.quantity_spans.partition_point(|&(s, _)| s < lo);
        self.quantity_spans[from..]
            .iter()
            .take_while(|&&(s, _)| s <= hi)
            .any(|&(_, e)| e <= hi)
    }

    /// Token `i` lies inside some mention.
    pub fn covered(&self, i: usize) -> bool {
        self.covered.get(i).copied().unwrap_or(false)
    }

    /// Mention starting at token `i`, if any (the first in mention order).
    pub fn mention_at(&self, i: usize) -> Option<usize> {
        let lo = self.by_start.partition_point(|&k| self.mtok[k].0 < i);
        self.by_start
            .get(lo)
            .copied()
            .filter(|&k| self.mtok[k].0 == i)
    }

    /// Token `i` is one of `words` as written or after a conjunction or ل/س (لتعلن, وقال).
    pub fn is_word(&self, i: usize, words: &[String]) -> bool {
        self.toks.get(i).is_some_and(|t| {
            let n = t.norm.as_str();
            let c = n
                .strip_prefix('و')
                .or_else(|| n.strip_prefix('ف'))
                .unwrap_or(n);
            let l = c.strip_prefix('ل').unwrap_or(c);
            words.iter().any(|w| w == n || w == c || w == l)
        })
    }

    /// Token `i` is one of `words` after clitics come off (see [`stems`]).
    /// Whether token `i` is a negation particle: only و or ف stand before one, so «سلم» ("handed")
    /// is no سـ + لم and «كلا» ("both") no كـ + لا; «بعدم، لعدم، بدون، بلا» are.
    pub fn is_negation(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            let n = t.norm.as_str();
            let n = n
                .strip_prefix(['و', 'ف'])
                .filter(|x| x.chars().count() >= 2)
                .unwrap_or(n);
            let bare = n
                .strip_prefix(['ب', 'ل'])
                .filter(|x| matches!(*x, "عدم" | "دون"))
                .unwrap_or(n);
            // «بلا» ("without").
            let bare = if bare == "بلا" { "لا" } else { bare };
            lexicon().negation.iter().any(|w| w == bare)
        })
    }

    pub fn is(&self, i: usize, words: &[String]) -> bool {
        self.toks.get(i).is_some_and(|t| {
            stems(&t.norm)
                .iter()
                .take(3)
                .any(|s| words.iter().any(|w| w == s))
        })
    }
}

/// An agent (can act, speak, be targeted): persons, organisations, states, peoples.
pub(crate) fn is_agent(k: EntityType) -> bool {
    matches!(
        k,
        EntityType::Per | EntityType::Org | EntityType::Gpe | EntityType::Norp
    )
}

fn is_place(k: EntityType) -> bool {
    matches!(k, EntityType::Gpe | EntityType::Loc)
}

/// Extracts events, claims, text relations and figure kinds from one document.
pub fn extract(input: DocInput<'_>) -> (DocEvents, Vec<Diagnostic>) {
    let (doc, mut diags) = Doc::new(input);
    let mut actors = Actors::default();
    let (claims, d) = claims::extract(&doc, &mut actors);
    diags.extend(d);
    let (mut events, mut actors, pending) = find_events(&doc, &claims, actors);
    let mut quantities = figure_kinds(&doc, &mut events);
    // Only events that keep some argument of their own: one with none is dropped when events
    // are merged, and a reported source must not keep it.
    for p in pending {
        let Some(e) = events.get_mut(p.ev) else {
            continue;
        };
        if !e.has_argument() {
            continue;
        }
        report_sources(&doc, &p, &mut e.sources, &mut e.targets, &mut actors);
    }
    let actors = actors.list;
    let relations = relations::extract(&doc);
    relations::member_counts(&doc, &mut quantities);
    for (n, e) in events.iter_mut().enumerate() {
        e.id = format!("ev{}", n + 1);
    }
    (
        DocEvents {
            events,
            claims,
            relations,
            quantities,
            actors,
        },
        diags,
    )
}

/// A PROTEST or ASSAULT event whose reported sources are looked for once the decision is made.
struct Pending {
    /// Index of the event in the document's list.
    ev: usize,
    /// Its trigger.
    h: Hit,
    /// Its clause's token range.
    ca: usize,
    cb: usize,
    /// The trigger takes its patient first (مقتل X).
    patient_first: bool,
}

/// A trigger found at tokens `i..j`.
struct Hit {
    i: usize,
    j: usize,
    kind: &'static str,
    subtype: String,
    verb: bool,
}

fn objects_follow(doc: &Doc<'_>, j: usize, objects: &[&str]) -> bool {
    if objects.is_empty() {
        return true;
    }
    let end = (j + 6).min(doc.toks.len());
    // «على» marks the object only before a place phrase: «الحادث وقع عند تحويلة على الطريق»،
    // «الانفجار الذي وقع في ستامفورد هيل على …» happened, nobody signed. «في» counts only right
    // after the verb: after a subject it may place the signing («وقعت الأطراف المتحاربة في جنوب
    // السودان على اتفاق سلام»).
    let placed = |k: usize| {
        (j..k).any(|x| {
            matches!(
                doc.toks[x].norm.as_str(),
                "عند" | "قرب" | "بالقرب" | "امام" | "داخل"
            ) || (x == j && doc.toks[x].norm == "في")
        })
    };
    (j..end).any(|k| {
        !doc.toks[k].punct
            && stems(&doc.toks[k].norm)
                .iter()
                .any(|s| objects.iter().any(|o| o == s))
            && !(doc.toks[k].norm == "علي" && placed(k))
    })
}

/// A noun of meeting that a place names (قمة، مؤتمر، اجتماع، محادثات), not a visit.
fn meeting_noun(norm: &str) -> bool {
    let n = norm.strip_prefix(['و', 'ف']).unwrap_or(norm);
    let n = n.strip_prefix("ال").unwrap_or(n);
    matches!(
        n,
        "قمه"
            | "مؤتمر"
            | "اجتماع"
            | "اجتماعات"
            | "محادثات"
            | "مفاوضات"
            | "مباحثات"
            | "لقاء"
            | "منتدي"
            | "مشاورات"
    )
}

/// Hostages named within three words of token `i` (رهائن، رهينة، كرهائن، الرهائن).
fn hostages_near(doc: &Doc<'_>, i: usize) -> bool {
    (i.saturating_sub(3)..(i + 4).min(doc.toks.len())).any(|k| {
        let n = doc.toks[k].norm.trim_start_matches('و');
        let n = n.strip_prefix('ك').unwrap_or(n);
        let n = n.strip_prefix("ال").unwrap_or(n);
        matches!(n, "رهائن" | "رهينه" | "رهينتين" | "رهائنا")
    })
}

/// Something published among the six words after `j` (فيديو، مقطع، صور، بيان، تقرير، تغريدة).
fn published(doc: &Doc<'_>, j: usize) -> bool {
    (j..(j + 6).min(doc.toks.len())).any(|k| {
        let n = doc.toks[k].norm.as_str();
        let n = n.strip_prefix("ال").unwrap_or(n);
        [
            "فيديو",
            "مقطع",
            "مقاطع",
            "صور",
            "صورا",
            "صوره",
            "بيان",
            "بيانا",
            "تقرير",
            "تقريرا",
            "تقارير",
            "تغريده",
            "تغريدات",
            "رساله",
            "مقال",
            "مقالا",
            "وثيقه",
            "وثائق",
            "قائمه",
            "نتائج",
            "خبر",
            "خبرا",
            "شريط",
            "تسجيل",
            "تسجيلا",
            "لقطات",
            "اعلان",
            "اعلانا",
            "كتاب",
            "دراسه",
            "احصائيات",
            "ارقام",
        ]
        .contains(&n)
    })
}

fn lexicon_hit(doc: &Doc<'_>, i: usize) -> Option<Hit> {
    let lex = lexicon();
    let t = &doc.toks[i];
    if t.punct {
        return None;
    }
    // Two-word triggers first (إطلاق النار, حالة الطوارئ).
    if let Some(n) = doc.toks.get(i + 1) {
        for s in stems(&t.norm) {
            let two = format!("{s} {}", n.norm);
            if let Some(ts) = lex.triggers.get(&two) {
                if let Some(tr) = ts.iter().find(|tr| objects_follow(doc, i + 2, tr.objects)) {
                    return Some(hit(i, i + 2, tr));
                }
            }
        }
    }
    for s in stems(&t.norm) {
        if let Some(ts) = lex.triggers.get(s) {
            // A stem with the article or a preposition glued on is a noun.
            // و/ف before the article is still the article (والقتل، والقصف): a noun.
            let nominal =
                s.len() < t.norm.len() && !t.norm.starts_with('و') && !t.norm.starts_with('ف')
                    || t.norm.starts_with("ال")
                    || t.norm.starts_with("وال")
                    || t.norm.starts_with("فال");
            // A verb takes no pronoun suffix here (وزارة must not read as و + زار + ة), except
            // a plural or feminine object pronoun on the bare verb (قتلهم الجيش).
            let object_pronoun = t
                .norm
                .strip_prefix(s)
                .is_some_and(|rest| matches!(rest, "هم" | "ها" | "هما"));
            let suffixed = !t.norm.ends_with(s) && !object_pronoun;
            let pick = ts
                .iter()
                .filter(|tr| !(suffixed && tr.verb))
                .filter(|tr| objects_follow(doc, i + 1, tr.objects))
                .find(|tr| !(nominal && tr.verb) || ts.iter().all(|x| x.verb));
            // The definite agreement noun (الاتفاق النووي) names an agreement already made,
            // not a new happening; signing (التوقيع) still is one.
            let settled = nominal
                && t.norm.contains("ال")
                && pick.is_some_and(|tr| tr.kind == "AGREE")
                && !s.starts_with("توقيع");
            if settled {
                return None;
            }
            // نشر also publishes (نشرت القوات اليمنية مقطع فيديو، ونشر المركز الإعلامي للجيش):
            // what is put out is no deployment.
            if pick.is_some_and(|tr| tr.kind == "MOBILIZE")
                && s.starts_with("نشر")
                && published(doc, i + 1)
            {
                return None;
            }
            // فجر is also "dawn": with the article (في ساعات الفجر، صلاة الفجر), before a day or
            // time word (فجر السبت، فجر اليوم) or after a word of time (قبل فجر، حتى فجر) it is
            // no detonation.
            if s == "فجر" && pick.is_some() && dawn(doc, i, nominal) {
                return None;
            }
            // «على أن تدخل حيز التنفيذ»، «وتدخل هذه المحاكمة مراحلها الأخيرة»: a text enters into
            // force, a trial a stage; nobody intervenes.
            if pick.is_some_and(|tr| tr.kind == "MOBILIZE")
                && s.contains("دخل")
                && doc.toks[i + 1..(i + 4).min(doc.toks.len())]
                    .iter()
                    .any(|n| {
                        n.norm == "حيز"
                            || n.norm.starts_with("مرحله")
                            || n.norm.starts_with("مراحل")
                    })
            {
                return None;
            }
            if let Some(tr) = pick {
                let mut h = hit(i, i + 1, tr);
                if nominal {
                    h.verb = false;
                }
                // Holding hostages is taking them, not arresting (احتجاز رهائن، احتجاز المدنيين
                // كرهائن، الرهائن الذين احتجزهم): CAMEO 181.
                if h.subtype == "arrest" && s.starts_with("احتجز") && hostages_near(doc, i) {
                    h.kind = "ASSAULT";
                    h.subtype = "abduction".to_string();
                }
                return Some(h);
            }
        }
    }
    None
}

fn hit(i: usize, j: usize, tr: &Trigger) -> Hit {
    Hit {
        i,
        j,
        kind: tr.kind,
        subtype: tr.subtype.to_string(),
        verb: tr.verb,
    }
}

/// Words the CAMEO lemma list shares with common adverbs and light verbs; as triggers they are
/// almost always something else (قبل "before", مثل "like", بشكل "in a way").
const CAMEO_STOP: &[&str] = &[
    "قبل",
    "بعد",
    "مثل",
    "شكل",
    "عمل",
    "قام",
    "جاء",
    "بدا",
    "كان",
    "اصبح",
    "تم",
    "ظل",
    "زال",
    "اضافه",
    "اضاف",
    "حول",
    "نظر",
    "راي",
    "وضع",
    "قدم",
    "بين",
    "ضد",
    "عند",
];

/// [`CAMEO_STOP`] and the speech verbs, normalised once: the test runs on every token.
fn cameo_stop() -> &'static std::collections::HashSet<String> {
    static STOP: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    STOP.get_or_init(|| {
        CAMEO_STOP
            .iter()
            .map(|w| normalize_str(w))
            .chain(lexicon().speech.iter().cloned())
            .collect()
    })
}

fn cameo_hit(doc: &Doc<'_>, i: usize) -> Option<Hit> {
    let c = cameo::builtin();
    let t = &doc.toks[i];
    if t.punct {
        return None;
    }
    // Only the bare word or the word after a conjunction: a preposition or the article glued on
    // makes it a noun phrase, not the verb the pattern is about.
    let bare = t
        .norm
        .strip_prefix('و')
        .or_else(|| t.norm.strip_prefix('ف'))
        .filter(|s| s.chars().count() >= 3);
    // Past-tense endings (داهمت، داهموا) come off to reach the dictionary's lemma.
    let mut forms: Vec<&str> = std::iter::once(t.norm.as_str()).chain(bare).collect();
    for f in forms.clone() {
        for suf in ["ت", "وا"] {
            if let Some(x) = f.strip_suffix(suf).filter(|x| x.chars().count() >= 3) {
                forms.push(x);
            }
        }
    }
    // «لقي (فلسطينيان) مصرعهما / حتفه» is dying; the dictionary's «لقي» is receiving (لقي دعم
    // الجيش: military aid).
    // No killing is coded from it either: as often an accident («لقوا حتفهم في الحادث»), and the
    // attack, if any, has its own word (برصاص، في الهجوم).
    if doc.toks[i + 1..(i + 4).min(doc.toks.len())]
        .iter()
        .any(|n| n.norm.starts_with("مصرع") || n.norm.starts_with("حتف"))
    {
        return None;
    }
    for s in forms {
        // Speech verbs make claims, not events (قال … اتفاق is a statement about an agreement).
        if cameo_stop().contains(s) {
            return None;
        }
        let Some(v) = c.verbs.get(s) else { continue };
        // A token inside a name fills no slot («شارك فيها الحشد الشعبي»: the Popular Mobilization
        // Forces, not a rally).
        let window: Vec<lexicon::Stems<'_>> = (i + 1..(i + 5).min(doc.toks.len()))
            .map(|k| {
                if doc.covered(k) {
                    stems("")
                } else {
                    stems(&doc.toks[k].norm)
                }
            })
            .collect();
        for p in &v.patterns {
            // Intent to cooperate (03x) and statements (01x) are no happenings.
            if p.code.starts_with("03") {
                continue;
            }
            // 190 "use conventional military force, not specified" matches advancing and
            // striking words of any kind (تقدم القوات باتجاه، ضرب قاعدة): on the strict ANT
            // sample it was right once in five, never alone.
            if p.code == "190" || p.code == "192" {
                continue;
            }
            let mut from = 0;
            let ok = p.slots.iter().all(|slot| {
                match window[from..].iter().position(|w| {
                    w.iter()
                        .any(|x| slot.binary_search_by(|s| s.as_str().cmp(x)).is_ok())
                }) {
                    Some(k) => {
                        from += k + 1;
                        true
                    }
                    None => false,
                }
            });
            if ok {
                if let Some(kind) = cameo::plover(&p.code) {
                    if kind == "MOBILIZE" && s.starts_with("نشر") && published(doc, i + 1) {
                        return None;
                    }
                    return Some(Hit {
                        i,
                        j: i + 1 + from,
                        kind,
                        subtype: format!("cameo {}", p.code),
                        verb: true,
                    });
                }
            }
        }
    }
    None
}

/// حال / حالة at token `k` is a condition only after في (في حال تنفيذ هجوم); elsewhere it counts
/// cases («خرجت 19 حالة من مصابي تفجير المسجد»).
fn counted_cases(doc: &Doc<'_>, k: usize) -> bool {
    doc.toks[k].norm.starts_with("حال")
        && !(k > 0 && matches!(doc.toks[k - 1].norm.as_str(), "في" | "وفي" | "ففي"))
}

fn mode_of(doc: &Doc<'_>, h: &Hit, claims: &[Claim]) -> Mode {
    let lex = lexicon();
    let (ca, _) = doc.clause_of(h.i);
    let (sa, sb) = doc.sentence_of(h.i);
    let from = h.i.saturating_sub(3).max(ca);
    // لا تزال / ما زال: "still", not a negation.
    let still = |k: usize| {
        doc.toks.get(k + 1).is_some_and(|n| {
            matches!(
                n.norm.as_str(),
                "تزال" | "يزال" | "زالت" | "زال" | "تزل" | "يزل" | "يزالون"
            )
        })
    };
    // A verb with و on it starts a conjunct of its own, so a negation before it is the previous
    // conjunct's (واتهم … بالجهل وعدم الكفاءة وأدان); its own would come after the و (ولم يدن).
    let own_conjunct = h.verb && conjunction_wa(&doc.toks[h.i].norm);
    // «ونفى الكرملين ضلوع روسيا في القصف»: the denial is of a part in it, not of the happening.
    let denied_part = |k: usize| {
        let n = doc.toks[k].norm.trim_start_matches(['و', 'ف']);
        matches!(n, "نفى" | "نفي" | "نفت" | "ينفي" | "تنفي")
            && (k + 1..h.i).any(|x| involvement_noun(&doc.toks[x].norm))
    };
    let negation = |k: usize| doc.is_negation(k) && !own_conjunct && !denied_part(k);
    // A negation before a complementiser negates the verb it governs, not the event of the
    // complement clause (لا يعني أن تدخل روسيا … لن تكون له تداعيات: the intervention happened).
    // Right after the negation the complementiser is governed by it (دون أن تقدم طهران
    // تنازلات: without concessions), so only one further on counts.
    let complement_between = |k: usize| {
        (k + 2..h.i).any(|c| {
            matches!(
                doc.toks[c].norm.as_str(),
                "ان" | "بان" | "وان" | "انه" | "انها" | "انهم"
            )
        })
    };
    // A negation of «without» is none (لم يحل دون استمرار الاحتجاجات، لا يمر يوم دون أن تنظم
    // مظاهرات): what is "not without" happens.
    let not_without = (ca..h.i).any(|d| {
        matches!(doc.toks[d].norm.as_str(), "دون" | "بدون")
            && (d.saturating_sub(4).max(ca)..d).any(|k| {
                matches!(
                    doc.toks[k].norm.trim_start_matches(['و', 'ف']),
                    "لم" | "لا" | "لن" | "ليس"
                )
            })
    });
    // A negated ruling-out (لم تستبعد روسيا أي تدخل) leaves the happening possible.
    if (ca + 1..h.i).any(|k| {
        ruling_out_refused(doc, k, ca) && !(k + 1..h.i).any(|x| relative_pronoun(&doc.toks[x].norm))
    }) {
        return Mode::Hypothetical;
    }
    if !not_without && (from..h.i).any(|k| negation(k) && !still(k) && !complement_between(k)) {
        return Mode::Negated;
    }
    // The negation may stand before the verb whose subject, a name, comes between it and the
    // trigger (لن يشارك الحزب الاشتراكي في التظاهرات): the name's words do not count to the three.
    let in_name = |k: usize| doc.covered(k);
    let (mut k, mut counted) = (h.i, 0);
    while !not_without && k > ca && counted < 3 {
        k -= 1;
        if in_name(k) {
            continue;
        }
        if negation(k) && !still(k) && !complement_between(k) {
            return Mode::Negated;
        }
        counted += 1;
    }
    let hyp_from = h.i.saturating_sub(5).max(ca);
    // قد before an imperfect verb is "may"; before a past verb it only stresses.
    // «قد تم» is past: تمّ, whose present is يتم.
    let may = |k: usize| {
        matches!(doc.toks[k].norm.as_str(), "قد" | "وقد" | "فقد")
            && doc.toks.get(k + 1).is_some_and(|n| {
                n.norm.starts_with(['ي', 'ت', 'ن']) && !matches!(n.norm.as_str(), "تم" | "تمت")
            })
    };
    // A relative clause tells a fact of its own (يتوقع أن يتناول النزاع الذي تتهم روسيا فيه), and
    // «وإنها» opens another reported proposition (لا تريد أن … وإنها تؤيد).
    let relative_between = |k: usize| {
        (k + 1..h.i).any(|x| {
            let n = doc.toks[x].norm.as_str();
            relative_pronoun(n) || matches!(n, "وانه" | "وانها" | "وانهم" | "وانهما")
        })
    };
    // ربما، إذا، لو govern their whole clause, however far the trigger is; so does a verb of
    // expecting, hoping, fearing or wanting that takes «أن», with every «وأن» joined to it
    // («فيتوقع أن تحث تركيا … وأن تقوم هي بنفسها بتقوية التعاون مع كازاخستان»).
    let strong = |k: usize| {
        matches!(
            doc.toks[k].norm.as_str(),
            "ربما" | "وربما" | "اذا" | "واذا" | "لو" | "ولو"
        ) || (doc.is_word(k, expecting_verbs())
            && doc.toks.get(k + 1).is_some_and(|t| t.norm == "ان")
            && !relative_between(k))
    };
    // أي before an event noun is "any" (أي دعم أميركي لهذه الاحتجاجات, أي هجوم): no particular
    // happening.
    // (the word after it is a noun even where the lexicon also reads a verb: دعم).
    let any_of = h.i > 0 && matches!(doc.toks[h.i - 1].norm.as_str(), "اي" | "واي" | "لاي" | "باي");
    let condition = |k: usize| doc.is(k, &lex.hypothetical) && !counted_cases(doc, k);
    if any_of || (hyp_from..h.i).any(|k| condition(k) || may(k)) || (ca..h.i).any(strong) {
        return Mode::Hypothetical;
    }
    if (sa..h.i).any(|k| doc.is(k, &lex.claimed)) {
        return Mode::Claimed;
    }
    // What people talk of is on their word (فتكلم الكثيرون عن قمع اللغة الروسية، وسط أنباء عن
    // اشتباكات): «عن» at most three words before the trigger, a speaking word just before it.
    // No word of it (ولم ترد أنباء عن وقوع قتلى) denies it.
    let talk = (h.i.saturating_sub(3).max(ca)..h.i)
        .filter(|&c| doc.toks[c].norm == "عن")
        .find_map(|c| (c.saturating_sub(3).max(ca)..c).find(|&k| doc.is_word(k, talk_words())));
    if let Some(k) = talk {
        let unsaid = (k.saturating_sub(2).max(ca)..k).any(|x| doc.is_negation(x));
        return if unsaid {
            Mode::Negated
        } else {
            Mode::Reported
        };
    }
    if (sa..sb).any(|k| doc.is(k, &lex.reported)) {
        return Mode::Reported;
    }
    let pos = doc.toks[h.i].start;
    if claims
        .iter()
        .any(|c| c.content.start <= pos && pos < c.content.end)
    {
        return Mode::Reported;
    }
    Mode::Asserted
}

/// Title nouns that stand between a verb and its subject's name (طلب الرئيس توكاييف).
fn is_title_word(norm: &str) -> bool {
    let n = norm.strip_prefix("ال").unwrap_or(norm);
    matches!(
        n,
        "رئيس"
            | "رئيسه"
            | "وزير"
            | "وزيره"
            | "ملك"
            | "امير"
            | "زعيم"
            | "مرشد"
            | "سفير"
            | "متحدث"
            | "قائد"
            | "امين"
            | "نائب"
    )
}

/// Adjectives that place a title in time (الرئيس السابق، الوزير الحالي): still part of the title
/// before the holder's name.
fn title_time(norm: &str) -> bool {
    matches!(
        norm,
        "السابق"
            | "الحالي"
            | "الاسبق"
            | "الراحل"
            | "المخلوع"
            | "الجديد"
            | "المنتخب"
            | "المقبل"
    )
}

fn preposition(norm: &str) -> bool {
    matches!(
        norm,
        "من" | "الي"
            | "إلى"
            | "على"
            | "علي"
            | "ضد"
            | "مع"
            | "عن"
            | "تجاه"
            | "نحو"
            | "لدى"
            | "لدي"
    )
}

/// What a trigger's surroundings say about it before any argument is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// An event told as happening (or as a fact).
    Happening,
    /// Not a happening at all: a name or title, a topic (التحقيق في الهجوم), a generic mention.
    Drop,
    /// Asked about, called for or planned (هل، دعا إلى إضراب، المقبل), or hedged (المحتمل).
    Hypothetical,
    /// Denied (تنفي … أي هجوم).
    Negated,
}

/// Normalised word lists for [`frame_of`], built once.
struct FrameWords {
    title: Vec<String>,
    media: Vec<String>,
    topic: Vec<String>,
    call: Vec<String>,
    future: Vec<String>,
    hedge_after: Vec<String>,
    question: Vec<String>,
    deny: Vec<String>,
    movement: Vec<String>,
    demonstrative: Vec<String>,
    background: Vec<String>,
    expected: Vec<String>,
    goes_on: Vec<String>,
    mishap: Vec<String>,
    sport: Vec<String>,
    condemn: Vec<String>,
    feeling: Vec<String>,
    since: Vec<String>,
    period: Vec<String>,
    habitual: Vec<String>,
    tally: Vec<String>,
    verbal: Vec<String>,
    charge: Vec<String>,
    duration: Vec<String>,
    thousands: Vec<String>,
    goal: Vec<String>,
    want: Vec<String>,
    month: Vec<String>,
    day: Vec<String>,
}

fn frame_words() -> &'static FrameWords {
    static W: std::sync::OnceLock<FrameWords> = std::sync::OnceLock::new();
    let n = |ws: &[&str]| ws.iter().map(|w| normalize_str(w)).collect::<Vec<_>>();
    W.get_or_init(|| FrameWords {
        // Words that introduce a name or title in quotes (بعنوان "…"، تحت شعار "…").
        title: n(&[
            "بعنوان",
            "عنوان",
            "عنوانه",
            "عنوانها",
            "شعار",
            "اسم",
            "باسم",
            "عليها",
            "عليه",
            "المسمى",
            "المسماة",
            "تسمى",
            "يسمى",
            "وسم",
            "هاشتاغ",
            "عنونت",
        ]),
        // Media nouns: an event word right after them is the work's title or subject.
        media: n(&[
            "صحيفة",
            "كتاب",
            "فيلم",
            "برنامج",
            "مقال",
            "مقالا",
            "تقرير",
            "غلاف",
            "مسلسل",
            "رواية",
        ]),
        // Nouns and verbs that make an event noun the topic of something else, not a new
        // happening: investigating, commemorating, fighting or charging with it.
        topic: n(&[
            "تحقيق",
            "التحقيق",
            "تحقيقات",
            "ملابسات",
            "ذكرى",
            "الذكرى",
            "ذكري",
            "لوقف",
            "وقف",
            "منع",
            "لمنع",
            "مكافحة",
            "لمكافحة",
            "التصدي",
            "بتهمة",
            "تهمة",
            "تهم",
            "اتهامها",
            "اتهامه",
            "اتهامهم",
            "متورطة",
            "متورط",
            "تورط",
            "بتورط",
            "تورطها",
            "حد",
            // Convicted of it: the act is the charge, told as a verdict.
            "إدانته",
            "إدانتها",
            "إدانتهما",
            "إدانتهم",
            "مدان",
            "مدانا",
            "مدانة",
            "المدان",
            "أدين",
            "أدينت",
            "المتورطين",
            "احتواء",
            "لاحتواء",
            "المتهمين",
            "المتهم",
            "متهمين",
            "بتهم",
            "اختلاق",
            "اختلقت",
        ]),
        // Calls, plans and threats: what they govern has not happened.
        call: n(&[
            "دعا",
            "دعت",
            "داعيا",
            "داعية",
            "داعين",
            "مطالبا",
            "مطالبين",
            "يدعو",
            "تدعو",
            "دعوة",
            "دعوته",
            "دعوتها",
            "دعوات",
            "طالب",
            "طالبت",
            "يطالب",
            "تطالب",
            "خطة",
            "تخطط",
            "يخطط",
            "يعتزم",
            "تعتزم",
            "يعتزمون",
            "للخروج",
            "استعداد",
            "استعدادا",
            "يستعد",
            "يستعدون",
            "تستعد",
            "حوافز",
            "بهدف",
            "بغرض",
            "بصدد",
            "لتنفيذ",
            "لشن",
            "لارتكاب",
            "هدد",
            "هددت",
            "يهدد",
            "تهدد",
            "توعد",
            "توعدت",
            "يتوعد",
            "حذر",
            "حذرت",
            "يحذر",
            "تحذر",
            "تحذير",
            "محذرا",
            "خشية",
            "مخاوف",
            "يخشى",
            "تخشى",
            "يتأهب",
            "تتأهب",
            "لخروج",
            "تمهيدا",
            "التحضير",
            // Precautions and conditions (تحسباً لأي هجوم، في حال تنفيذ هجوم).
            "تحسبا",
            "حال",
            // Intentions (نية قطر الانسحاب، اعتزام دخول قوات).
            "نية",
            "نيته",
            "نيتها",
            "نيتهم",
            "اعتزام",
            "اعتزامه",
            "اعتزامها",
        ]),
        future: n(&[
            "المقبل",
            "المقبلة",
            "القادم",
            "القادمة",
            "المقرر",
            "المقررة",
            "سوف",
            "سيشاركون",
            "مستقبلا",
        ]),
        // Expected or about to start, when right beside the event word (المظاهرات المرتقبة،
        // يتوقع … إقبالاً في المظاهرات، ستبدأ إضراباً).
        expected: n(&[
            "المرتقب",
            "المرتقبة",
            "مرتقب",
            "مرتقبة",
            "يتوقع",
            "تتوقع",
            "المتوقع",
            "المتوقعة",
            "ستبدأ",
            "سيبدأ",
            "ستنظم",
            "سينظم",
            "سيخرج",
            "ستخرج",
            "ستنطلق",
            "ستنطلق",
            "سينطلق",
            "سيشارك",
            "ستشارك",
            "سيقوم",
            "ستقوم",
            "سينفذ",
            "ستنفذ",
            "سيشن",
            "ستشن",
            "ستمتد",
            "سيستمر",
            "ستستمر",
            "ستتواصل",
            "سيتواصل",
            "ستشهد",
            "سيشهد",
        ]),
        hedge_after: n(&[
            "محتمل",
            "المحتمل",
            "محتملة",
            "المحتملة",
            "المشتبه",
            "مشتبه",
            "المزعوم",
            "مزعوم",
            "المزعومة",
            "مزعومة",
            "المفترض",
            "المفترضة",
            "مفترض",
            "مفترضة",
            "مشكوك",
            "المشكوك",
            "وشيك",
            "وشيكا",
            "الوشيك",
        ]),
        question: n(&["هل", "لماذا", "ماذا", "كيف", "متى", "أين"]),
        deny: n(&[
            "نفى",
            "نفت",
            "ينفي",
            "تنفي",
            "نفي",
            "تنفيان",
            "ينفون",
            "نافيا",
            "نافية",
            "نافين",
        ]),
        // Heads whose complement is a kind of event, not one (حركة الاحتجاج).
        movement: n(&[
            "حركة",
            "حركات",
            "الحركة",
            "الحركات",
            "قائد",
            "قادة",
            "زعيم",
            "زعماء",
            "منظمي",
        ]),
        demonstrative: n(&["هؤلاء", "هذه", "هذا", "تلك", "أولئك"]),
        // Heads that make an event noun the backdrop of what the sentence tells: its cause,
        // aftermath or time anchor (على خلفية الاحتجاجات، في أعقاب هجمات، منذ بدء المسيرات،
        // رداً على الهجوم). Such a noun is a reference, not a report, unless it brings its own
        // figure, agent phrase or relative clause.
        background: n(&[
            "خلفية",
            "أعقاب",
            "إثر",
            "عقب",
            "منذ",
            "بدء",
            "بداية",
            "أسباب",
            "تداعيات",
            "بسبب",
            "نتيجة",
            "رد",
            "رده",
            "ردا",
            "ردها",
            "موقع",
            "ضحايا",
            "الدافع",
            "وراء",
            "بعد",
            "قبل",
        ]),
        since: n(&["منذ"]),
        goes_on: n(&[
            "استمرار",
            "توسع",
            "رقعة",
            "اتساع",
            "تصاعد",
            "تجدد",
            "اندلاع",
            "تواصل",
        ]),
        mishap: n(&[
            "حادث سير",
            "مروري",
            "المروري",
            "تحطم",
            "غرق",
            "انهيار",
            "زلزال",
            "فيضانات",
            "سيول",
            "إعصار",
            "عاصفة",
            "صاعقة",
            "اصطدام",
            "تصادم",
            "انزلاق",
            "مرض",
            "بمرض",
            "السرطان",
            "بالسرطان",
            "فيروس",
            "بفيروس",
            "وباء",
            "الكوليرا",
            "بالكوليرا",
            "الإنفلونزا",
            // Fires, volcanoes, storms and heat, heart attacks, burns, crashes (session 5).
            "حريق",
            "بركان",
            "بركاني",
            "الحمم",
            "عواصف",
            "رياح",
            "الحرارة",
            "حرارة",
            "قلبية",
            "جلطة",
            "بحروق",
            "حروق",
            "تحطمت",
            "تحطمها",
            "يتحطم",
            "سقوط طائرته",
            "طائرته",
            "تسمم",
        ]),
        // A player's injury is sport (إصابة نجم الفراعنة); a player's killing is still one.
        sport: n(&["اللاعب", "المباراة", "مباراة", "الملعب", "المنتخب", "مدرب"]),
        condemn: n(&[
            "أدان",
            "أدانت",
            "دان",
            "دانت",
            "يدين",
            "تدين",
            "ندين",
            "إدانة",
            "استنكر",
            "استنكرت",
            "يستنكر",
            "تستنكر",
            "استنكار",
            "ندد",
            "نددت",
            "يندد",
            "تندد",
            "تنديد",
            "شجب",
            "شجبت",
            "يشجب",
            "أدانوا",
            "دانوا",
            "استنكروا",
            "نددوا",
            "شجبوا",
        ]),
        feeling: n(&[
            "غضب",
            "استياء",
            "استيائهم",
            "استياءها",
            "استنكار",
            "قلق",
            "امتعاض",
            "انزعاج",
        ]),
        period: n(&[
            "السنوات",
            "سنوات",
            "الأعوام",
            "أعوام",
            "الأشهر",
            "العقود",
            "عقود",
            "العقدين",
        ]),
        // Habitual or generic time (كل يوم جمعة، سنوياً، كثيراً ما): a kind of event, not one.
        habitual: n(&[
            "سنويا",
            "أسبوعيا",
            "عادة",
            "كثيرا",
            "غالبا",
            "دائما",
            "أحيانا",
            "مرارا",
            "المتكررة",
            "متكررة",
            "اليومية",
            "يوميا",
        ]),
        // Running tallies of victims (حصيلة القتلى، عدد الجرحى، ارتفع عدد …): counts, not a
        // new happening; the event they count is told elsewhere or not at all.
        tally: n(&[
            "حصيلة",
            "عدد",
            "إجمالي",
            "ارتفع",
            "ارتفعت",
            "ارتفاع",
            "بلغ",
            "بلغت",
            "وصلت",
            "يرتفع",
            "ترتفع",
            "أرقام",
        ]),
        // Words that make an attack verbal (هجوماً حاداً، هجوم إعلامي).
        verbal: n(&[
            "حاد",
            "حادا",
            "حادة",
            "لاذع",
            "لاذعا",
            "لاذعة",
            "كلامي",
            "كلاميا",
            "إعلامي",
            "إعلاميا",
            "سياسي",
            "سياسيا",
        ]),
        // Charges, suspicion, verdicts and trials: the act they name is their topic.
        charge: n(&[
            "اتهام",
            "اتهامات",
            "الاتهام",
            "الاتهامات",
            "باتهامات",
            "باتهام",
            "تهمة",
            "التهمة",
            "بتهمة",
            "تهم",
            "التهم",
            "بتهم",
            "المتهم",
            "متهم",
            "متهمة",
            "المتهمة",
            "متهمين",
            "المتهمين",
            "متهمون",
            "المتهمون",
            "المشتبه",
            "مشتبه",
            "يشتبه",
            "أدين",
            "أدينت",
            "أدينوا",
            "إدانة",
            "إدانته",
            "إدانتها",
            "إدانتهم",
            "مدان",
            "المدان",
            "محاكمة",
            "محاكمته",
            "يحاكم",
        ]),
        // Time spans after بعد … من (بعد شهرين من شنها هجوماً).
        duration: n(&[
            "يوم",
            "يومين",
            "ايام",
            "أيام",
            "ساعات",
            "ساعة",
            "ساعتين",
            "اسبوع",
            "أسبوع",
            "اسبوعين",
            "أسبوعين",
            "أسابيع",
            "شهر",
            "شهرين",
            "أشهر",
            "شهور",
            "عام",
            "عامين",
            "أعوام",
            "سنة",
            "سنتين",
            "سنوات",
        ]),
        thousands: n(&["ألف", "آلاف", "الآلاف", "ألفا", "ملايين", "مليون", "ألوف"]),
        // Football words that make an attack a team's forwards (ثلاثي الهجوم، الدوري).
        goal: n(&["الدوري", "بطولة", "البطولة", "ثلاثي", "هدافي", "هداف"]),
        month: n(&[
            "يناير",
            "فبراير",
            "مارس",
            "ابريل",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "اغسطس",
            "سبتمبر",
            "أكتوبر",
            "اكتوبر",
            "نوفمبر",
            "ديسمبر",
            "الثاني",
            "شباط",
            "آذار",
            "نيسان",
            "أيار",
            "حزيران",
            "تموز",
            "آب",
            "أيلول",
            "الأول",
        ]),
        day: n(&[
            "اليوم",
            "أمس",
            "الأحد",
            "الاثنين",
            "الإثنين",
            "الثلاثاء",
            "الأربعاء",
            "الخميس",
            "الجمعة",
            "السبت",
            "يوم",
        ]),
        // Wanting or inciting an attack (يريد قصف، تحريض على، لتشجيع … على شن).
        want: n(&[
            "يريد",
            "تريد",
            "يريدون",
            "أراد",
            "أرادت",
            "يرغب",
            "ترغب",
            "تشجيع",
            "لتشجيع",
            "يشجع",
            "تحريض",
            "التحريض",
            "للتحريض",
            "يحرض",
            "تحرض",
        ]),
    })
}

/// Reads the trigger's frame from its sentence: quoted titles, topics, calls and plans,
/// questions, hedges and denials. `governed`: the trigger may be the object of a call word just
/// before it (دعوة إلى إضراب).
fn frame_of(doc: &Doc<'_>, h: &Hit, governed: bool) -> Frame {
    let w = frame_words();
    let (sa, sb) = doc.sentence_of(h.i);
    let (ca, _) = doc.clause_of(h.i);
    let text = doc.input.text;
    // Inside a quote opened after an introducing word or a media noun: a title or a name.
    let tstart = doc.toks[h.i].start;
    let sstart = doc.toks[sa].start;
    if let Some(seg) = text.get(sstart..tstart) {
        let mut open: Option<usize> = None;
        for (pos, c) in seg.char_indices() {
            match c {
                '"' => open = if open.is_some() { None } else { Some(pos) },
                '«' | '“' => open = Some(pos),
                '»' | '”' => open = None,
                _ => {}
            }
        }
        if let Some(o) = open {
            let qpos = sstart + o;
            let qt = doc.toks.partition_point(|t| t.end <= qpos);
            let before = qt.saturating_sub(3).max(sa)..qt;
            if before
                .clone()
                .any(|k| doc.is_word(k, &w.title) || doc.is(k, &w.media))
            {
                return Frame::Drop;
            }
        }
    }
    // A verb reading right after a topic word is the masdar (بجريمة قتل، إدانتهما بقتل).
    if h.verb && (h.i.saturating_sub(2).max(ca)..h.i).any(|k| doc.is(k, &w.topic)) {
        return Frame::Drop;
    }
    // Refusing to rule something out (رفض استبعاد أي غزو) rejects no one: what is not ruled
    // out stays possible.
    if h.kind == "REJECT"
        && (h.j..(h.j + 6).min(doc.toks.len()))
            .find(|&k| !doc.covered(k) && !is_title_word(&doc.toks[k].norm))
            .is_some_and(|k| doc.is_word(k, ruling_out()))
    {
        return Frame::Drop;
    }
    if h.kind == "ASSAULT" {
        if let Some(f) = assault_frame(doc, h) {
            return f;
        }
    }
    let casualty = matches!(h.subtype.as_str(), "killing" | "wounding");
    // Deaths and injuries in accidents, disasters, illness or sport are no assault (حادث سير،
    // تحطم طائرة، غرق، زلزال، الإصابة بالسرطان، إصابة اللاعب).
    if casualty {
        let (_, cbx) = doc.clause_of(h.i);
        let (sx, _) = doc.sentence_of(h.i);
        let wounding = h.subtype == "wounding";
        // A heat wave (موجة حر) is a mishap too; the whole sentence before counts (a crash
        // told first, its dead in a later clause: تحطمت طائرة …، مما أدى لمقتل).
        let heat = |k: usize| {
            let n = doc.toks[k].norm.as_str();
            let next = doc.toks.get(k + 1).map(|t| t.norm.as_str());
            (n.ends_with("موجه") && next == Some("حر"))
                || (n.ends_with("سقوط") && next.is_some_and(|x| x.starts_with("طائره")))
        };
        // A hashtag (#عواصف_رملية) holds its words joined by _.
        let tagged = |k: usize| {
            doc.toks[k].norm.contains('_')
                && doc.toks[k]
                    .norm
                    .trim_start_matches('#')
                    .split('_')
                    .any(|p| w.mishap.iter().any(|m| m == p))
        };
        let (_, sy) = doc.sentence_of(h.i);
        if (sx..sy).any(|k| doc.is(k, &w.mishap) || heat(k) || tagged(k))
            || (sx..cbx).any(|k| wounding && doc.is(k, &w.sport))
        {
            return Frame::Drop;
        }
    }
    // Running tallies: a count of victims (عدد الذين قتلوا، حصيلة القتلى) or casualties
    // summed since a start (منذ 30 آذار قتل 118).
    if casualty {
        let (sa0, _) = doc.sentence_of(h.i);
        let tally_near = (h.i.saturating_sub(4).max(ca)..h.i).any(|k| doc.is_word(k, &w.tally));
        // With a tally word in the sentence, منذ anywhere in it sums (أفادت حصيلة … منذ 18
        // شباط، فيما أصيب أكثر من 4350).
        let since = (sa0..sb).any(|k| doc.is_word(k, &w.since));
        let tally_any = (sa0..sb).any(|k| doc.is_word(k, &w.tally));
        // A victims noun after a toll word of its sentence (نشر … حصيلة جديدة … إلى مقتل
        // 350 ألف) is part of that toll.
        let toll_before = !h.verb
            && (sa0..h.i).any(|k| {
                let n = doc.toks[k].norm.trim_start_matches('و');
                n.contains("حصيله")
            });
        if tally_near || toll_before || (since && tally_any) {
            return Frame::Drop;
        }
    }
    if !h.verb {
        let near = h.i.saturating_sub(3).max(ca)..h.i;
        if near.clone().any(|k| doc.is(k, &w.topic)) {
            return Frame::Drop;
        }
        // غضب حلفائه واستيائهم واحتجاجهم: protest as a feeling beside others, not an action.
        if h.kind == "PROTEST" && near.clone().any(|k| doc.is(k, &w.feeling)) {
            return Frame::Drop;
        }
        // أدانه … بالاعتداء، مدان بالقتل: convicted of it, the act is the charge.
        if doc.toks[h.i].norm.starts_with('ب')
            && near.clone().any(|k| {
                let n = doc.toks[k].norm.trim_start_matches(['و', 'ف']);
                n.starts_with("ادان") || n.starts_with("مدان")
            })
        {
            return Frame::Drop;
        }
        // حركة الاحتجاج is a kind of event, unless something starts or leads it here (بدأ
        // الفلسطينيون … حركة احتجاجية).
        if h.i > sa
            && doc.is(h.i - 1, &w.movement)
            && !(h.i.saturating_sub(8).max(ca)..h.i - 1).any(|k| doc.is_word(k, support_verbs()))
        {
            return Frame::Drop;
        }
        if h.i > sa && doc.is_word(h.i - 1, &w.media) {
            return Frame::Drop;
        }
        // هؤلاء الجرحى: people already counted, not a new happening.
        if h.i > sa
            && doc.is_word(h.i - 1, &w.demonstrative)
            && !doc.toks[h.i].norm.contains("هجوم")
        {
            return Frame::Drop;
        }
        // أي هجوم: any attack at all, generic.
        if h.i > sa
            && matches!(
                doc.toks[h.i - 1].norm.as_str(),
                "اي" | "أي" | "لاي" | "باي" | "واي" | "لأي" | "بأي" | "وأي"
            )
        {
            // Denied where a negation, denial or "without" governs it (نفت أي هجوم، دون أي
            // تدخل); elsewhere «أي تدخل روسي … متجذر في الضرورات الجيوسياسية» speaks of any
            // one at all: no happening.
            // Not ruling it out (رفض استبعاد أي غزو، لا تستبعد أي هجوم) leaves it possible.
            let not_ruled_out = (sa + 1..h.i - 1).any(|k| ruling_out_refused(doc, k, sa));
            if not_ruled_out {
                return Frame::Hypothetical;
            }
            let negated = (sa..h.i - 1).any(|k| {
                let n = doc.toks[k].norm.trim_start_matches(['و', 'ف']);
                doc.is(k, &w.deny)
                    || doc.is_negation(k)
                    || matches!(n, "دون" | "بدون" | "بلا" | "عدم" | "يمنع" | "منع" | "تمنع")
                    || doc.is_word(k, ruling_out())
                    || doc.is_word(k, &w.question)
            });
            return if negated { Frame::Negated } else { Frame::Drop };
        }
        // The purpose ل before an indefinite masdar (تدخل عسكري لقتال المتمردين، رصاصة لقتل
        // إرهابي) tells what an act is for, not that the attack happened.
        if h.kind == "ASSAULT" && purpose_masdar(&doc.toks[h.i].norm) && !subjected(doc, h.i, ca) {
            return Frame::Hypothetical;
        }
        let near2 = h.i.saturating_sub(2).max(ca)..h.i;
        // Condemning or denouncing a definite or pointed-at attack (ندين بشدة هذا الهجوم،
        // استنكر الاعتداء) refers to it; only its own account (الذي شنه …) reports it.
        let pointed = h.i > sa && doc.is_word(h.i - 1, &w.demonstrative);
        if matches!(h.kind, "PROTEST" | "ASSAULT")
            && (definite(&doc.toks[h.i].norm) || pointed)
            && (h.i.saturating_sub(4).max(ca)..h.i).any(|k| doc.is(k, &w.condemn))
            && !self_told(doc, h)
        {
            return Frame::Drop;
        }
        // Only a definite noun refers back (بعد تظاهرات ضخمة still reports new ones); a noun
        // before a definite genitive or a name is definite too (إصابة الجنود، هجمات سورابايا).
        let genitive_def = doc.toks.get(h.j).is_some_and(|t| {
            !t.punct
                && (definite(&t.norm)
                    || doc
                        .mention_at(h.j)
                        .is_some_and(|m| doc.input.mentions[m].form == MentionForm::Name))
        });
        // Only for happenings told as news (protests, attacks, repression): a stance or a
        // meeting named as a cause (بسبب دعمها لأذربيجان) is still that relation.
        // بعد استمرار الاحتجاجات، بعد توسع رقعة الاحتجاجات: the head tells they went on.
        let goes_on = near2.clone().any(|k| doc.is(k, &w.goes_on));
        if matches!(h.kind, "PROTEST" | "ASSAULT" | "COERCE")
            && !goes_on
            && (definite(&doc.toks[h.i].norm) || genitive_def)
            && near2.clone().any(|k| doc.is_word(k, &w.background))
            && !self_told(doc, h)
        {
            return Frame::Drop;
        }
    }
    // «لرؤية التوترات، وكأنها واحدة من الثورات الملونة المصحوبة بدعم أميركي»: what something is
    // seen as, not what happened.
    // Normalisation makes كأن the verb كان, so the written hamza decides.
    if (h.i.saturating_sub(8).max(ca)..h.i).any(|k| {
        let t = &doc.toks[k];
        let raw = doc.input.text.get(t.start..t.end).unwrap_or("");
        let raw = raw.strip_prefix(['و', 'ف']).unwrap_or(raw);
        raw.starts_with("كأن")
    }) {
        return Frame::Hypothetical;
    }
    let (_, cb0) = doc.clause_of(h.i);
    // كل يوم جمعة، سنوياً، كثيراً ما: a habit, not one happening.
    let every = (ca..cb0).any(|k| {
        doc.toks[k].norm == "كل"
            && doc.toks.get(k + 1).is_some_and(|t| {
                matches!(
                    t.norm.as_str(),
                    "يوم" | "جمعه" | "سنه" | "عام" | "اسبوع" | "شهر" | "مره" | "ليله"
                )
            })
    });
    // خلال/في/منذ السنوات الأخيرة: a trend over years, not one happening.
    let period = (ca..cb0).any(|k| {
        matches!(
            doc.toks[k].norm.as_str(),
            "خلال" | "في" | "منذ" | "طيله" | "طوال" | "مدار"
        ) && doc
            .toks
            .get(k + 1)
            .is_some_and(|t| doc.is_word(k + 1, &w.period) && !t.punct)
            // Not years to come («على مدار السنوات الخمس المقبلة»: what is signed now covers them).
            && !(k + 2..(k + 5).min(cb0)).any(|x| {
                matches!(
                    doc.toks[x].norm.as_str(),
                    "المقبله" | "القادمه" | "المقبل" | "القادم"
                )
            })
    });
    if every || period || (ca..cb0).any(|k| doc.is_word(k, &w.habitual)) {
        return Frame::Drop;
    }
    // A verbal attack (هجوماً حاداً على، هجوم إعلامي) is criticism, not violence.
    if h.subtype == "attack" && (h.j..(h.j + 2).min(cb0)).any(|k| doc.is_word(k, &w.verbal)) {
        return Frame::Drop;
    }
    if !h.verb
        && (h.i.saturating_sub(6).max(ca)..(h.j + 2).min(cb0)).any(|k| doc.is_word(k, &w.expected))
    {
        return Frame::Hypothetical;
    }
    // Denying one's responsibility for, part in or tie to a happening (نافية بذلك مسؤوليتها عن
    // هجمات أوقعت عشرات القتلى، ونفى الكرملين ضلوع روسيا في القصف، نفت تورطها في الهجوم، نفى
    // أي علاقة له بالتفجير) does not deny the happening.
    if (sa..h.i).any(|k| {
        doc.is_word(k, &w.deny) && !(k + 1..h.i).any(|x| involvement_noun(&doc.toks[x].norm))
    }) {
        return Frame::Negated;
    }
    let ends_q = (sa..sb)
        .rev()
        .find(|&k| !doc.toks[k].punct || matches!(doc.toks[k].norm.as_str(), "?" | "؟"))
        .is_some_and(|k| matches!(doc.toks[k].norm.as_str(), "?" | "؟"));
    if ends_q || doc.is_word(sa, &w.question) {
        return Frame::Hypothetical;
    }
    let before = h.i.saturating_sub(3).max(ca)..h.i;
    // The adverbial احتجاجاً/تنديداً ("in protest at") belongs to the act it qualifies, however
    // far back: a called-for stoppage (دعوة … للتوقف عن العمل، احتجاجاً على) is no protest yet.
    let adverbial = matches!(doc.toks[h.i].norm.as_str(), "احتجاجا" | "تنديدا");
    let called = adverbial
        && (sa..h.i).any(|k| {
            let n = doc.toks[k].norm.trim_start_matches(['و', 'ف']);
            n.starts_with("دعوه") || n.starts_with("دعوات") || n == "خطه"
        });
    // دعا … كافة الآباء إلى قتل: the call word may stand further back when إلى heads the act.
    let to_act = h.i > ca
        && matches!(doc.toks[h.i - 1].norm.as_str(), "الي" | "إلى")
        && (ca..h.i).any(|k| doc.is(k, &w.call));
    // «حسن نية» is good faith, not an intention.
    let good_faith = |k: usize| {
        k > 0
            && doc.toks[k].norm == "نيه"
            && matches!(
                doc.toks[k - 1].norm.as_str(),
                "حسن" | "بحسن" | "سوء" | "بسوء" | "وحسن"
            )
    };
    if governed
        && (called
            || to_act
            || before
                .clone()
                .any(|k| doc.is(k, &w.call) && !counted_cases(doc, k) && !good_faith(k)))
    {
        return Frame::Hypothetical;
    }
    let (_, cb) = doc.clause_of(h.i);
    if (ca..cb).any(|k| doc.is_word(k, &w.future)) {
        return Frame::Hypothetical;
    }
    let after = h.j..(h.j + 3).min(cb);
    if after.clone().any(|k| doc.is_word(k, &w.hedge_after)) {
        return Frame::Hypothetical;
    }
    Frame::Happening
}

/// Strict ASSAULT frames (session 5, tuned on the strict ANT sample): charges and trials, old
/// events dated by a bare year, time distances (بعد شهرين من شنها هجوماً), aggregate tolls
/// (thousands killed, since the war began, over the years), generic definite masdars (القتل),
/// possessed attack nouns (هجماتها), wishes and incitement (يريد قصف، لتشجيع … على شن هجمات),
/// and attacks in sport (خط الهجوم). `None`: the general frames decide.
fn assault_frame(doc: &Doc<'_>, h: &Hit) -> Option<Frame> {
    let w = frame_words();
    let (ca, cb) = doc.clause_of(h.i);
    let (sa, sb) = doc.sentence_of(h.i);
    // و/ف off only when a word of three letters or more is left (في stays في).
    let base = |k: usize| -> &str {
        let n = doc.toks[k].norm.as_str();
        n.strip_prefix('و')
            .or_else(|| n.strip_prefix('ف'))
            .filter(|x| x.chars().count() >= 3)
            .unwrap_or(n)
    };
    // Accused, suspected, convicted or tried for it: the act is the charge, not news of it.
    if (h.i.saturating_sub(6).max(ca)..h.i).any(|k| doc.is(k, &w.charge)) {
        return Some(Frame::Drop);
    }
    // في قضية تفجير الكنائس: a court case named after it (only right before: القضية
    // الفلسطينية is something else).
    if h.i > ca && matches!(base(h.i - 1), "قضيه" | "القضيه" | "بقضيه" | "دعوي")
    {
        return Some(Frame::Drop);
    }
    // تعرضت عدة مرات لهجمات: repeated, not one happening.
    if (ca..cb).any(|k| base(k) == "عده" && doc.toks.get(k + 1).is_some_and(|t| t.norm == "مرات"))
    {
        return Some(Frame::Drop);
    }
    // A bare year beside the trigger (هجوم عام 2003، خطفهم مسلحون في العراق عام 2014): an
    // old event recalled, unless it is the start of a span (منذ … عام 2014).
    let year = |k: usize| {
        let n = base(k);
        n.len() == 4
            && (n.starts_with("19") || n.starts_with("20"))
            && n.bytes().all(|b| b.is_ascii_digit())
    };
    // The window crosses commas (هجوم عام 2003 على جنود …، أدى إلى مقتل اثنين).
    let year_near = (h.i.saturating_sub(10).max(sa)..(h.j + 6).min(cb)).any(|k| {
        year(k)
            && k > 0
            && matches!(base(k - 1), "عام" | "العام" | "سنه" | "في" | "خلال")
            && !(k.saturating_sub(4).max(ca)..k).any(|x| base(x) == "منذ")
    });
    // A month with its year (في نوفمبر 2015، كانون الأول/ديسمبر 2016) dates an old event the
    // same way; so does "last year" (في العام الماضي).
    let month_year = (h.i.saturating_sub(10).max(sa)..(h.j + 6).min(cb)).any(|k| {
        year(k) && k > 0 && {
            let p = base(k - 1);
            let p = p.rsplit('/').next().unwrap_or(p);
            w.month.iter().any(|m| m == p)
        }
    });
    let last_year = (h.i.saturating_sub(6).max(ca)..(h.j + 6).min(cb)).any(|k| {
        matches!(base(k), "العام" | "عام" | "السنه")
            && doc.toks.get(k + 1).is_some_and(|t| {
                matches!(t.norm.as_str(), "الماضي" | "الفائت" | "المنصرم" | "الماضيه")
            })
    });
    if year_near || month_year || last_year {
        return Some(Frame::Drop);
    }
    // فجر اليوم، فجر الجمعة: dawn, not "blew up".
    if h.verb
        && base(h.i) == "فجر"
        && doc
            .toks
            .get(h.i + 1)
            .is_some_and(|t| w.day.contains(&t.norm))
    {
        return Some(Frame::Drop);
    }
    // لقتلها للمدنيين، إضافة إلى قتلهم: a possessed masdar after a preposition is the
    // actor's killing in general, not a verb.
    if h.verb
        && h.subtype == "killing"
        && ["ها", "هم"].iter().any(|x| doc.toks[h.i].norm.ends_with(x))
        && h.i > ca
        && matches!(
            doc.toks[h.i - 1].norm.as_str(),
            "الي" | "في" | "علي" | "عن" | "من" | "بعد" | "قبل"
        )
    {
        return Some(Frame::Drop);
    }
    // هجوم كيماوي مفترض أسفر عن مقتل: the dead of a hedged attack are hedged too.
    if h.subtype == "killing"
        && (h.i.saturating_sub(4).max(ca)..h.i).any(|k| doc.is_word(k, &w.hedge_after))
    {
        return Some(Frame::Hypothetical);
    }
    // بعد شهرين من شنها هجوماً، بعد يومين من القصف: a time distance from an earlier event.
    if (h.i.saturating_sub(5).max(ca)..h.i).any(|k| {
        base(k) == "بعد"
            && (k + 1..(k + 4).min(h.i)).any(|x| doc.toks[x].norm == "من")
            && doc.toks.get(k + 1).is_some_and(|t| {
                let n = t.norm.as_str();
                w.duration.iter().any(|d| d == n)
                    || n == "اكثر"
                    || n == "نحو"
                    || n.bytes().all(|b| b.is_ascii_digit())
            })
    }) {
        return Some(Frame::Drop);
    }
    // ارتفع عدد … ممن قضوا في القصف: an attack noun inside a tally is what the dead died
    // in, already counted.
    if !h.verb
        && matches!(h.subtype.as_str(), "attack" | "clash")
        && (h.i.saturating_sub(8).max(ca)..h.i).any(|k| {
            let n = base(k);
            n == "عدد" || n.contains("حصيله")
        })
    {
        return Some(Frame::Drop);
    }
    let casualty = matches!(h.subtype.as_str(), "killing" | "wounding");
    if casualty {
        // Thousands killed (40 ألف مدني، الآلاف من مواطنيها): a war's toll, not one act.
        if (h.i.saturating_sub(4).max(ca)..(h.j + 4).min(cb)).any(|k| doc.is(k, &w.thousands)) {
            return Some(Frame::Drop);
        }
        // Since the war or the unrest began (منذ اندلاع الحرب، منذ بدء الأزمة): a sum.
        if (sa..sb).any(|k| {
            base(k) == "منذ"
                && doc.toks.get(k + 1).is_some_and(|t| {
                    matches!(t.norm.as_str(), "اندلاع" | "بدء" | "بدايه" | "بدايات")
                })
        }) {
            return Some(Frame::Drop);
        }
    }
    // على مر السنين: a trend.
    if (ca..cb).any(|k| {
        base(k) == "مر"
            && doc
                .toks
                .get(k + 1)
                .is_some_and(|t| doc.is_word(k + 1, &w.period) || t.norm == "السنين")
    }) {
        return Some(Frame::Drop);
    }
    if !h.verb {
        let n = doc.toks[h.i].norm.as_str();
        let n = n
            .strip_prefix('و')
            .or_else(|| n.strip_prefix('ف'))
            .unwrap_or(n);
        let n = ["بال", "لل", "ال", "كال"]
            .iter()
            .find_map(|p| n.strip_prefix(p))
            .unwrap_or(n);
        // The definite masdar القتل/الاغتيال names killing in general (جرائم القتل، القمع
        // والسجن والقتل), not one killing, unless it tells itself.
        if n != doc.toks[h.i].norm.trim_start_matches(['و', 'ف'])
            && matches!(n, "قتل" | "اغتيال" | "اختطاف" | "خطف")
            && !self_told(doc, h)
        {
            return Some(Frame::Drop);
        }
        // هجماتها، اعتداءاته: a possessed attack noun is the actor's campaign in general.
        if (n.starts_with("هجمات") || n.starts_with("اعتداء") || n.starts_with("هجوم"))
            && ["ها", "ه", "هم", "هما"]
                .iter()
                .any(|suf| n.ends_with(suf) && !n.ends_with("هجوم"))
            && !self_told(doc, h)
        {
            return Some(Frame::Drop);
        }
        // خط الهجوم، ثلاثي الهجوم، with a goal or a match in the sentence: football.
        if h.subtype == "attack" && (sa..sb).any(|k| doc.is(k, &w.sport) || doc.is(k, &w.goal)) {
            return Some(Frame::Drop);
        }
    }
    // هجوم مشابه، هجمات سابقة: an earlier or like event recalled for comparison.
    if !h.verb
        && doc.toks.get(h.j).is_some_and(|t| {
            let n = t.norm.trim_start_matches("ال");
            [
                "مشابه",
                "مشابهه",
                "مماثل",
                "مماثله",
                "سابق",
                "سابقه",
                "مشابها",
                "مماثلا",
            ]
            .contains(&n)
        })
    {
        return Some(Frame::Drop);
    }
    // اقتحمت منزله … واقتادته، توقيف … بعد أن اقتحموا: a raid to arrest is coercion.
    if stems(&doc.toks[h.i].norm)
        .iter()
        .any(|s| s.starts_with("اقتحم"))
        && (sa..sb).any(|k| {
            stems(&doc.toks[k].norm).iter().any(|s| {
                [
                    "اعتقل",
                    "اعتقال",
                    "اقتاد",
                    "توقيف",
                    "القبض",
                    "احتجاز",
                    "احتجز",
                ]
                .iter()
                .any(|a| s.starts_with(a))
            })
        })
    {
        return Some(Frame::Drop);
    }
    // A CAMEO pattern that spans a charge (وجهت إليه … اتهامات) reads the charge.
    if h.subtype.starts_with("cameo")
        && (h.i..(h.j + 4).min(cb)).any(|k| {
            doc.is(k, &w.charge)
                || stems(&doc.toks[k].norm)
                    .iter()
                    .any(|x| x.starts_with("انتقاد"))
        })
    {
        return Some(Frame::Drop);
    }
    // يريد قصف، لتشجيع إرهابيين على شن هجمات: wanted or incited, not done.
    // اتخاذ قرار بتوجيه ضربة، قرار بشن هجوم: a decision to strike is not yet the strike.
    let decided = |k: usize| {
        matches!(base(k), "قرار" | "القرار")
            && doc.toks.get(k + 1).is_some_and(|t| {
                matches!(
                    t.norm.as_str(),
                    "بتوجيه" | "بشن" | "بتنفيذ" | "بضرب" | "بقصف" | "بمهاجمه" | "بالهجوم"
                )
            })
    };
    if (h.i.saturating_sub(4).max(ca)..h.i).any(|k| doc.is(k, &w.want) || decided(k)) {
        return Some(Frame::Hypothetical);
    }
    None
}

/// A form of تعرض ل (is subjected to) up to five words before token `i`, in its clause; a name
/// between counts as one word (تعرض فريق أمني تابع للأمم المتحدة لإطلاق نار).
fn subjected(doc: &Doc<'_>, i: usize, ca: usize) -> bool {
    let (mut k, mut words) = (i, 0);
    while k > ca && words < 5 {
        k -= 1;
        let n = doc.toks[k].norm.trim_start_matches(['و', 'ف']);
        if ["تعرض", "تتعرض", "يتعرض"].iter().any(|p| n.starts_with(p)) {
            return true;
        }
        if !(doc.covered(k) && k > ca && doc.covered(k - 1)) {
            words += 1;
        }
    }
    false
}

/// An indefinite masdar of violence with the purpose ل glued on (لقتال، لقتل، لقصف، لاستهداف).
fn purpose_masdar(norm: &str) -> bool {
    let n = norm.strip_prefix('و').unwrap_or(norm);
    let Some(stem) = n.strip_prefix('ل').filter(|x| !x.starts_with('ل')) else {
        return false;
    };
    matches!(
        stem,
        "قتال"
            | "قتل"
            | "قصف"
            | "ضرب"
            | "استهداف"
            | "مهاجمه"
            | "مهاجمة"
            | "اغتيال"
            | "تفجير"
            | "اقتحام"
    )
}

/// An event noun that brings its own account: a figure, an agent phrase (برصاص، على يد) or a
/// relative clause (الذي وقع، التي شنها) in its clause after it.
fn self_told(doc: &Doc<'_>, h: &Hit) -> bool {
    let (_, cb) = doc.clause_of(h.i);
    let (lo, hi) = (doc.toks[h.i].start, doc.toks[cb.max(h.i + 1) - 1].end);
    doc.input.quantities.iter().any(|q| {
        q.evidence
            .first()
            .is_some_and(|e| e.start >= lo && e.end <= hi)
    }) || by_phrase(doc, h.j, cb, true).is_some()
        || (h.j..(h.j + 3).min(cb)).any(|k| {
            matches!(
                doc.toks[k].norm.trim_start_matches('و'),
                "الذي" | "التي" | "الذين" | "اللذين" | "اللتين"
            )
        })
}

/// Quantifier words that stand before the group they count (مئات المعارضين، عشرات من الناشطين).
fn quantifier(norm: &str) -> bool {
    static Q: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let q = Q.get_or_init(|| {
        [
            "مئات",
            "آلاف",
            "عشرات",
            "نحو",
            "حوالي",
            "من",
            "أكثر",
            "ملايين",
            "أحد",
            "بعض",
            "مجموعة",
            "عدد",
            "كبير",
            "جموع",
            "حشود",
        ]
        .iter()
        .map(|w| normalize_str(w))
        .collect()
    });
    let n = norm.strip_prefix('و').unwrap_or(norm);
    let n = n.strip_prefix("ال").unwrap_or(n);
    q.iter().any(|w| w == n) || (!n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// An actor found in a clause: a linked mention, or a described group at tokens `a..b`.
#[derive(Debug, Clone, Copy)]
enum Found {
    Named(usize),
    Described(agents::Agent, usize, usize),
}

/// The actor starting at token `k` (past quantifiers): a named agent, or an agent noun — with
/// a nisba or genitive name right after it, that name (القوات الإسرائيلية → Israel).
fn actor_at(doc: &Doc<'_>, start: usize, cb: usize) -> Option<Found> {
    let mut k = start;
    // من only after a quantifier (مئات من الناشطين); alone it is a preposition. نحو and حوالي
    // are "about" only before a number (else نحو is "toward").
    while k < cb
        && k < start + 3
        && quantifier(&doc.toks[k].norm)
        && (k > start || doc.toks[k].norm != "من")
        && (!matches!(doc.toks[k].norm.as_str(), "نحو" | "حوالي")
            || doc
                .toks
                .get(k + 1)
                .is_some_and(|t| quantifier(&t.norm) && t.norm != "من"))
        && doc.mention_at(k).is_none()
    {
        k += 1;
    }
    // A quantifier that is itself a group noun (حشود غاضبة) when nothing follows it.
    if k > start {
        if let Some(f) = actor_here(doc, k, cb) {
            return Some(f);
        }
        k = start;
    }
    actor_here(doc, k, cb)
}

fn actor_here(doc: &Doc<'_>, k: usize, cb: usize) -> Option<Found> {
    if k >= cb || doc.toks[k].punct {
        return None;
    }
    if let Some(m) = doc.mention_at(k) {
        return is_agent(doc.input.mentions[m].kind).then_some(Found::Named(m));
    }
    actor_noun(doc, k, cb, &doc.toks[k].norm)
}

/// The agent noun at token `k` read as `head` (its normalised form, maybe with a clitic off),
/// or the state or group named right after it.
fn actor_noun(doc: &Doc<'_>, k: usize, cb: usize, head: &str) -> Option<Found> {
    let next = doc
        .toks
        .get(k + 1)
        .filter(|_| k + 1 < cb)
        .map(|t| t.norm.as_str());
    let (a, len) = agents::agent_at(head, next)?;
    let end = k + len;
    // One adjective may stand between the noun and its nisba (الطيران الحربي الإسرائيلي).
    let adj_gap = end + 1 < cb
        && doc.toks[end].norm.starts_with("ال")
        && doc.mention_at(end).is_none()
        && doc
            .mention_at(end + 1)
            .is_some_and(|m| doc.input.mentions[m].form == MentionForm::Adjective);
    let end = if adj_gap { end + 1 } else { end };
    if end < cb {
        if let Some(m) = doc.mention_at(end) {
            let mm = &doc.input.mentions[m];
            if matches!(
                mm.kind,
                EntityType::Gpe | EntityType::Org | EntityType::Norp
            ) && !(mm.kind == EntityType::Norp && mm.form == MentionForm::Name)
            {
                return Some(Found::Named(m));
            }
        }
    }
    Some(Found::Described(a, k, k + len))
}

/// Agent phrases after an event word: برصاص X، بنيران X، على يد/أيدي X، من قبل X، من جانب X.
///
/// With `relatives`, also the relative verbs whose pronoun points back to the event (المجزرة التي
/// ارتكبتها X، قتلوا في غارات شنتها X), or right on its noun, a light verb (الزيارة التي يقوم بها
/// X). After a verb of another kind that pronoun is its object's (أدانت الجامعة المجزرة التي
/// ارتكبتها إسرائيل: the league condemned, Israel is not the one condemning).
fn by_phrase(doc: &Doc<'_>, from: usize, cb: usize, relatives: bool) -> Option<Found> {
    let mut k = from;
    while k < cb {
        let n = doc.toks[k].norm.as_str();
        let next = doc.toks.get(k + 1).map(|t| t.norm.as_str());
        // «، الأمر الذي يرى فيه البعض تسليماً من قبل أنقرة»: a comment on what was told opens a
        // clause of its own, whose agent is not the event's. (Not «، وهو …»: an apposition ends
        // and the clause goes on: «وقُتل المهاجم، وهو فرنسي …، برصاص قوات الأمن».)
        if n == "," && matches!(next, Some("الامر" | "مما" | "وذلك")) {
            return None;
        }
        let skip = match (n, next) {
            ("برصاص" | "بنيران" | "برصاصه" | "بقصف" | "بغاره", _) => {
                Some(1)
            }
            ("علي" | "على", Some("يد" | "ايدي" | "أيدي")) => Some(2),
            ("من", Some("قبل" | "جانب")) => Some(2),
            (
                "نفذه" | "نفذها" | "نفذهما" | "شنه" | "شنها" | "تبناه" | "تبنته" | "تبناها"
                | "ارتكبه" | "ارتكبها" | "تبناهما" | "نفذته" | "نفذتها" | "نفذتهما" | "شنته"
                | "شنتها" | "ارتكبته" | "ارتكبتها",
                _,
            ) if relatives => Some(1),
            // The light verb of the noun's own relative clause, right after it (الزيارة الأولى
            // التي يقوم بها بن سلمان): any noun takes it, so only close by.
            ("قام" | "قامت" | "يقوم" | "تقوم" | "سيقوم" | "ستقوم", Some("به" | "بها" | "بهما"))
                if relatives && own_relative(doc, from, k) =>
            {
                Some(2)
            }
            _ => None,
        };
        if let Some(s) = skip {
            let f = actor_at(doc, past_title(doc, k + s, cb), cb);
            // A name with ل or ب glued on is no agent (الزيارة التي قام بها للصين: where to).
            if matches!(f, Some(Found::Named(m)) if preposition_on(doc, m)) {
                return None;
            }
            return f;
        }
        k += 1;
    }
    None
}

/// Token `k` opens a relative clause on the noun that ends at `from`: only the noun's own
/// adjectives (same definiteness, no name) and a relative pronoun stand between (الزيارة التاريخية
/// التي، زيارة رسمية), not a genitive that the clause would describe instead (إدانة الأعمال التي).
fn own_relative(doc: &Doc<'_>, from: usize, k: usize) -> bool {
    let Some(head) = from.checked_sub(1).map(|h| definite(&doc.toks[h].norm)) else {
        return false;
    };
    k <= from + 3
        && (from..k).all(|x| {
            let t = &doc.toks[x];
            is_relative(&t.norm)
                || (!t.punct
                    // «دعم وتزكية ما تقوم به الميليشيات»: what the militias do is backed.
                    && !matches!(t.norm.as_str(), "ما" | "مما" | "فيما")
                    && !doc.covered(x)
                    && doc.mention_at(x).is_none()
                    && definite(&t.norm) == head)
        })
}

/// Verbs of receiving (حظي ب، تلقى، نال، لقي، حصل على), normalised, without و/ف.
fn receive_verb(doc: &Doc<'_>, r: usize) -> bool {
    let n = doc.toks[r].norm.as_str();
    let n = n
        .strip_prefix('و')
        .or_else(|| n.strip_prefix('ف'))
        .filter(|x| x.chars().count() >= 3)
        .unwrap_or(n);
    // The masdar too (بتلقي دعم عسكري من مصر).
    let n = n.strip_prefix("بتلقي").map_or(n, |_| "تلقي");
    // «حصلت أوكرانيا على دعم»: على after the verb or its subject.
    let on = || {
        (r + 1..(r + 5).min(doc.toks.len()))
            .any(|k| matches!(doc.toks[k].norm.as_str(), "علي" | "على"))
    };
    matches!(
        n,
        "حظي"
            | "حظيت"
            | "يحظي"
            | "تحظي"
            | "سيحظي"
            | "ستحظي"
            | "تلقي"
            | "تلقت"
            | "يتلقي"
            | "تتلقي"
            | "سيتلقي"
            | "ستتلقي"
            | "نال"
            | "نالت"
            | "ينال"
            | "تنال"
            | "لقي"
            | "لقيت"
            | "يلقي"
    ) || (matches!(n, "حصل" | "حصلت" | "يحصل" | "تحصل" | "سيحصل" | "ستحصل") && on())
}

/// A verb of receiving right before the backing or aid noun `h`.
fn received(doc: &Doc<'_>, h: &Hit, ca: usize) -> Option<usize> {
    let mut r = h.i;
    // Back over the receiver's name, title and nisba (يحظى الرئيس السوري بشار الأسد بدعم).
    while r > ca && h.i - r < 7 {
        r -= 1;
        if receive_verb(doc, r) {
            return Some(r);
        }
        let t = &doc.toks[r];
        if t.punct || (preposition(&t.norm) && !matches!(t.norm.as_str(), "علي" | "على")) {
            return None;
        }
    }
    None
}

/// Who receives the backing or aid noun `h` after the verb of receiving `r`: the VSO subject
/// between them (نالت بريطانيا دعماً), the head of a relative clause (الحكومة السورية، التي تتلقى
/// دعماً), or the SVO subject right before the verb (روسيا حظيت بدعم).
fn receiver(doc: &Doc<'_>, h: &Hit, r: usize, ca: usize) -> Option<Found> {
    let between = (r + 1..h.i).find_map(|k| {
        if preposition(&doc.toks[k].norm) || matches!(doc.toks[k].norm.as_str(), "علي" | "على")
        {
            return None;
        }
        let k = past_title(doc, k, h.i);
        match actor_at(doc, k, h.i) {
            Some(Found::Named(m)) if doc.mtok[m].0 == k => Some(Found::Named(m)),
            Some(f @ Found::Described(_, s, _)) if s == k => Some(f),
            _ => None,
        }
    });
    if between.is_some() {
        return between;
    }
    let mut b = r;
    let mut ca = ca;
    if b > 0 && is_relative(&doc.toks[b - 1].norm) {
        // The relative's head may stand before the clause's comma.
        ca = doc.sentence_of(h.i).0;
        b -= 1;
        if b > ca && doc.toks[b - 1].punct {
            b -= 1;
        }
    }
    // The name or group that ends right before (the relative's head or the SVO subject).
    let e = b.checked_sub(1).filter(|&e| e >= ca)?;
    if let Some(m) = doc.mention_at(e) {
        let mm = &doc.input.mentions[m];
        if is_agent(mm.kind) && !preposition_on(doc, m) {
            let (s, _) = doc.mtok[m];
            // A nisba stands for the noun it follows (الحكومة السورية).
            if mm.form == MentionForm::Adjective {
                if let Some(f) = (s.saturating_sub(2).max(ca)..s).find_map(|k| {
                    actor_at(doc, k, s + 1).filter(|f| matches!(f, Found::Described(..)))
                }) {
                    return Some(f);
                }
            }
            return Some(Found::Named(m));
        }
        return None;
    }
    (e.saturating_sub(2).max(ca)..=e).find_map(|k| match actor_at(doc, k, e + 1) {
        Some(f @ Found::Described(_, _, end)) if end == e + 1 => Some(f),
        _ => None,
    })
}

/// Where the holder's name starts after a title at `a` (الرئيس التركي رجب طيب أردوغان، وزير
/// الخارجية سيرغي لافروف), else `a`: a title is no actor of its own.
fn past_title(doc: &Doc<'_>, a: usize, cb: usize) -> usize {
    if a + 1 >= cb || !is_title_word(&doc.toks[a].norm) || doc.covered(a) {
        return a;
    }
    let mut p = a + 1;
    if title_time(&doc.toks[p].norm) {
        p += 1;
    }
    // A portfolio before the name or nisba (وزير الخارجية سيرغي لافروف، وزير الداخلية التركي).
    if p + 1 < cb
        && doc.mention_at(p).is_none()
        && definite(&doc.toks[p].norm)
        && !doc.toks[p].punct
        && doc.mention_at(p + 1).is_some()
    {
        p += 1;
    }
    match doc.mention_at(p) {
        Some(m) => person_after_nisba(doc, m).unwrap_or(p),
        None => a,
    }
}

/// A described group that does violence (forces, gunmen, aircraft), not one that suffers it.
fn attacker(a: &agents::Agent) -> bool {
    matches!(
        a.en,
        "armed forces" | "security forces" | "police" | "air force" | "gunmen" | "armed group"
    )
}

/// An armed group named by a common noun (هذه المجموعة، جماعة مسلحة، مجهولون، المقاومة).
const ARMED_GROUP: agents::Agent = agents::Agent {
    en: "armed group",
    kind: EntityType::Misc,
    protester: false,
};

/// Group nouns that name the attacker only where the syntax makes them the agent (after نفذه،
/// على يد، برصاص, or as a support verb's subject): elsewhere they are too common to be actors.
fn group_noun(norm: &str) -> bool {
    let n = norm.strip_prefix('و').unwrap_or(norm);
    let n = ["بال", "لل", "ال", "ل"]
        .iter()
        .find_map(|p| n.strip_prefix(p))
        .filter(|x| x.chars().count() >= 3)
        .unwrap_or(n);
    matches!(
        n,
        "مجموعه"
            | "جماعه"
            | "تنظيم"
            | "فصائل"
            | "فصيل"
            | "خليه"
            | "مقاومه"
            | "مجهولون"
            | "مجهولين"
            | "كتائب"
            | "حركه"
    )
}

/// The actor at token `k` as a reported source: as [`actor_at`], or an agent noun with ل glued
/// on (هجوما لميليشيات الحوثي), or a group noun (تنظيم "الدولة الإسلامية" → the named group).
fn actor_reported(doc: &Doc<'_>, k: usize, cb: usize) -> Option<Found> {
    if k >= cb {
        return None;
    }
    // An opening quote before a name (تبناه تنظيم "الدولة").
    if doc.toks[k].punct {
        return matches!(doc.toks[k].norm.as_str(), "\"" | "«" | "“")
            .then(|| actor_reported(doc, k + 1, cb))
            .flatten()
            .filter(|f| matches!(f, Found::Named(_)));
    }
    if let Some(f) = actor_at(doc, k, cb) {
        return Some(f);
    }
    let n = doc.toks[k].norm.as_str();
    if let Some(rest) = n.strip_prefix('ل').filter(|r| !r.starts_with('ل')) {
        if rest.chars().count() >= 3 {
            if let Some(f) = actor_noun(doc, k, cb, rest) {
                return Some(f);
            }
        }
    }
    if group_noun(n) {
        let named = (k + 1..(k + 3).min(cb))
            .take_while(|&p| p == k + 1 || doc.toks[p - 1].punct)
            .find_map(|p| doc.mention_at(p))
            .filter(|&m| is_agent(doc.input.mentions[m].kind));
        return Some(named.map_or(Found::Described(ARMED_GROUP, k, k + 1), Found::Named));
    }
    None
}

/// Weapon and agent phrases after an event word that name who did it, read for the reported
/// source only: برصاص/بالرصاص (الحي) X، بنيران X، بقصف X، جراء الرصاص X (attacks only), على يد
/// X، من قبل X, and relative verbs with a resumptive pronoun (نفذتها X، قادتها X، تبناهما X).
fn by_phrase_reported(doc: &Doc<'_>, from: usize, cb: usize, weapons_too: bool) -> Option<Found> {
    type Lists = (Vec<String>, Vec<String>);
    static W: std::sync::OnceLock<Lists> = std::sync::OnceLock::new();
    let (weapons, verbs) = W.get_or_init(|| {
        let n = |v: &[&str]| v.iter().map(|w| normalize_str(w)).collect::<Vec<_>>();
        (
            n(&[
                "رصاص",
                "الرصاص",
                "برصاص",
                "بالرصاص",
                "برصاصة",
                "نيران",
                "بنيران",
                "النيران",
                "بقصف",
                "بغارة",
                "بغارات",
                "بقذائف",
                "بقذيفة",
                "بصواريخ",
                "بصاروخ",
            ]),
            n(&[
                "نفذه",
                "نفذها",
                "نفذهما",
                "نفذته",
                "نفذتها",
                "نفذتهما",
                "نفذوه",
                "نفذوها",
                "شنه",
                "شنها",
                "شنته",
                "شنتها",
                "شنوها",
                "قاده",
                "قادها",
                "قادته",
                "قادتها",
                "تبناه",
                "تبناها",
                "تبناهما",
                "تبنته",
                "تبنتها",
                "تبنتهما",
                "ارتكبه",
                "ارتكبها",
                "ارتكبته",
                "ارتكبتها",
                "ارتكبوها",
                "يشنها",
                "تشنها",
                "يشنه",
                "تشنه",
                "ينفذها",
                "تنفذها",
                "ينفذه",
                "تنفذه",
            ]),
        )
    });
    let mut k = from;
    while k < cb {
        let n = doc.toks[k].norm.as_str();
        let n = n
            .strip_prefix('و')
            .filter(|x| x.chars().count() >= 3)
            .unwrap_or(n);
        let next = doc.toks.get(k + 1).map(|t| t.norm.as_str());
        let after = if weapons_too && weapons.iter().any(|w| w == n) {
            // One adjective (الحي، الجوي) or من may stand before the agent.
            let mut a = k + 1;
            if a < cb
                && doc.mention_at(a).is_none()
                && actor_reported(doc, a, cb).is_none()
                && (doc.toks[a].norm == "من"
                    || (doc.toks[a].norm.starts_with("ال") && !doc.toks[a].punct))
            {
                a += 1;
            }
            Some(a)
        } else if verbs.iter().any(|w| w == n) {
            Some(k + 1)
        } else {
            match (n, next) {
                ("علي", Some("يد" | "ايدي")) => Some(k + 2),
                ("من", Some("قبل" | "جانب")) => Some(k + 2),
                _ => None,
            }
        };
        if let Some(a) = after {
            if let Some(f) = actor_reported(doc, a, cb) {
                return Some(f);
            }
        }
        k += 1;
    }
    None
}

/// Entity id of a found actor (a described one is added to `actors`; a preposition glued on,
/// as in لقوات الاحتلال, stays out of its mention).
fn found_id(doc: &Doc<'_>, f: Found, actors: &mut Actors) -> Option<String> {
    match f {
        Found::Named(m) => Some(doc.input.mentions[m].entity.clone()),
        Found::Described(a, s, e) => {
            let (mut start, end) = (doc.toks[s].start, doc.toks[e - 1].end);
            let raw = doc.input.text.get(start..end).unwrap_or("");
            // للمتمردين keeps its ل: the article's alif is gone, there is no cleaner substring.
            if !raw.starts_with("لل") && (raw.starts_with('ل') || raw.starts_with('ب')) {
                let rest = &doc.toks[s].norm[doc.toks[s].norm.char_indices().nth(1)?.0..];
                let next = doc
                    .toks
                    .get(s + 1)
                    .filter(|_| s + 1 < e)
                    .map(|t| t.norm.as_str());
                if agents::agent_at(rest, next).is_some() || group_noun(rest) {
                    start += raw.chars().next()?.len_utf8();
                }
            }
            actors.id_bytes(doc, a, start, end)
        }
    }
}

/// Nouns for attackers that name them wherever they stand (مسلحون، مهاجم، انتحاري، مجهولون);
/// militias, fighters and "elements" are as often the ones attacked.
fn plain_attacker(norm: &str) -> bool {
    let n = norm
        .strip_prefix('و')
        .filter(|x| x.chars().count() >= 4)
        .unwrap_or(norm);
    let n = n.strip_prefix("ال").unwrap_or(n);
    matches!(
        n,
        "مسلحون"
            | "مسلحين"
            | "مسلحو"
            | "مهاجم"
            | "مهاجمون"
            | "مهاجمين"
            | "مهاجمو"
            | "انتحاري"
            | "انتحاريون"
            | "انتحاريين"
            | "متشددون"
            | "مجهولون"
            | "مجهولين"
    )
}

/// Sources of a PROTEST or ASSAULT event that the decision does not use (it was made before,
/// on the anchoring sources) but the picture reports: agent and weapon phrases, the attacker
/// after an attack noun (غارات مقاتلات التحالف، هجوما للمتمردين), the subject after a verb
/// with an object pronoun (قتلهم الجيش), a support verb's subject further away (وكانت القوات
/// … قد شنت هجوما، وتشن تركيا منذ … هجوماً), the other members of a coordinated subject
/// (الولايات المتحدة وبريطانيا وفرنسا), and for an attack with no source yet, an attacker the
/// sentence names (مسلحون، انتحاري). The event's evidence span is left as it was.
fn report_sources(
    doc: &Doc<'_>,
    p: &Pending,
    sources: &mut Vec<String>,
    targets: &mut Vec<String>,
    actors: &mut Actors,
) {
    let (h, ca, cb, patient_first) = (&p.h, p.ca, p.cb, p.patient_first);
    if !matches!(h.kind, "ASSAULT" | "PROTEST") {
        return;
    }
    let assault = h.kind == "ASSAULT";
    let (sa, sb) = doc.sentence_of(h.i);
    let mut found: Vec<Found> = Vec::new();
    if sources.is_empty() {
        found.extend(by_phrase_reported(doc, h.j, cb, assault));
    }
    // The attacker as genitive of an attack noun; a place there is its target (قصف دمشق).
    if found.is_empty() && sources.is_empty() && assault && !h.verb && !patient_first {
        let at = |k: usize| match actor_reported(doc, k, cb) {
            Some(Found::Described(a, s, e)) if attacker(&a) => Some(Found::Described(a, s, e)),
            Some(Found::Named(m)) => {
                let mm = &doc.input.mentions[m];
                (doc.mtok[m].0 > k || matches!(mm.kind, EntityType::Org | EntityType::Per))
                    .then_some(Found::Named(m))
            }
            _ => None,
        };
        found.extend(at(h.j).or_else(|| {
            // One adjective may stand between (غارات جوية لطيران التحالف).
            (h.j + 1 < cb
                && !doc.toks[h.j].punct
                && doc.mention_at(h.j).is_none()
                && !preposition(&doc.toks[h.j].norm)
                && doc.toks[h.j].norm != "في")
                .then(|| at(h.j + 1))
                .flatten()
        }));
    }
    // A killing word with its patient as a pronoun (قتلهم الجيش الإسرائيلي): it is the verb,
    // and what follows is its subject (a noun with a pronoun takes no genitive).
    if found.is_empty() && sources.is_empty() && assault && patient_genitive(&h.subtype) {
        let n = doc.toks[h.i].norm.as_str();
        if h.j == h.i + 1
            && n.chars().count() >= 5
            && (n.ends_with("هم") || n.ends_with("هما") || (h.verb && n.ends_with("ها")))
        {
            found.extend(actor_at(doc, h.j, cb));
        }
    }
    // A support verb's subject, also past a time span (وتشن تركيا منذ 20 يناير هجوماً) or
    // further before the verb (وكانت القوات الموالية للحكومة المعترف بها قد شنت هجوما).
    if found.is_empty() && sources.is_empty() && !h.verb && !patient_first {
        let lv = (h.i.saturating_sub(10).max(ca)..h.i)
            .rev()
            .find(|&k| doc.is_word(k, support_verbs()))
            .filter(|&lv| {
                (lv + 1..h.i).all(|k| {
                    let n = doc.toks[k].norm.as_str();
                    // من after a group (خرجت حشود من العرب … في مظاهرات) is partitive.
                    let partitive = n == "من" && k > lv + 1 && quantifier(&doc.toks[k - 1].norm);
                    !doc.toks[k].punct
                        && (!preposition(n) || partitive)
                        && !matches!(
                            n,
                            "غداه"
                                | "بعد"
                                | "قبل"
                                | "اثر"
                                | "عقب"
                                | "بالتزامن"
                                | "الذي"
                                | "التي"
                                | "الذين"
                        )
                })
            });
        if let Some(lv) = lv {
            if let Some(f) = actor_reported(doc, lv + 1, h.i) {
                found.push(f);
            } else {
                // Back from the verb: the nearest actor, and the conjuncts before it.
                let mut k = lv;
                while k > ca && k + 9 > lv {
                    k -= 1;
                    let n = doc.toks[k].norm.as_str();
                    if doc.toks[k].punct
                        || matches!(n, "ان" | "بان" | "وان" | "الذي" | "التي" | "الذين")
                    {
                        break;
                    }
                    if k > 0 && preposition(&doc.toks[k - 1].norm) {
                        continue;
                    }
                    let f = match actor_reported(doc, k, lv) {
                        Some(Found::Named(m)) if doc.mtok[m].0 == k => Found::Named(m),
                        Some(f @ Found::Described(_, s, _)) if s == k => f,
                        _ => continue,
                    };
                    found.push(f);
                    if !doc.toks[k].norm.starts_with('و') {
                        break;
                    }
                }
            }
        }
    }
    // A protest with no source: the nearest group before it in its clause, not after a
    // preposition (تدفق عشرات آلاف الفلسطينيين … في مسيرة، خروج عشرات الآلاف من سكان القطاع في
    // مسيرة); forces (فرقت الشرطة المظاهرة) and places are not protesters.
    if found.is_empty() && sources.is_empty() && !assault {
        let mut k = h.i;
        while k > ca && k + 10 > h.i {
            k -= 1;
            let n = doc.toks[k].norm.as_str();
            if doc.toks[k].punct
                || matches!(
                    n,
                    "ان" | "بان" | "وان" | "الذي" | "التي" | "الذين" | "قال" | "قالت"
                )
            {
                break;
            }
            if k > 0 && preposition(&doc.toks[k - 1].norm) {
                continue;
            }
            // و/ف before an indefinite singular is mostly a verb (وطالب "and demanded").
            let n = doc.toks[k].norm.as_str();
            let verbish = (n.starts_with('و') || n.starts_with('ف'))
                && !definite(n)
                && !["ون", "ين", "ات"].iter().any(|x| n.ends_with(x));
            let f = match actor_at(doc, k, h.i) {
                Some(f @ Found::Described(a, s, _))
                    if a.kind == EntityType::Misc && !(verbish && s == k) =>
                {
                    f
                }
                Some(Found::Named(m))
                    if doc.mtok[m].0 >= k
                        && matches!(
                            doc.input.mentions[m].kind,
                            EntityType::Norp | EntityType::Org
                        ) =>
                {
                    Found::Named(m)
                }
                _ => continue,
            };
            found.push(f);
            break;
        }
    }
    // An attack with no source: an attacker the sentence names, not as patient (مقتل مسلحين،
    // على المسلحين، في صفوف المهاجمين).
    if found.is_empty() && sources.is_empty() && assault {
        found.extend((sa..sb).find_map(|k| {
            if !plain_attacker(&doc.toks[k].norm) || doc.mention_at(k).is_some() {
                return None;
            }
            let patient = (k.saturating_sub(3).max(sa)..k).any(|p| {
                let t = &doc.toks[p].norm;
                preposition(t)
                    || quantifier(t)
                    || matches!(t.as_str(), "في" | "صفوف" | "بين")
                    || lexicon_hit(doc, p).is_some_and(|x| patient_genitive(&x.subtype))
            }) || doc.toks[k].norm.starts_with("لل")
                || doc.toks[k].norm.starts_with("بال");
            (!patient).then(|| actor_here(doc, k, sb)).flatten()
        }));
    }
    for f in found {
        if let Some(id) = found_id(doc, f, actors) {
            if !sources.contains(&id) {
                sources.push(id);
            }
        }
    }
    // Coordinated subjects (الولايات المتحدة وبريطانيا وفرنسا، شنتها واشنطن وباريس ولندن):
    // every conjunct of a source standing before the trigger or right after it is a source.
    let mut extra = Vec::new();
    for s in sources.iter() {
        for m in doc.mentions_in(ca, cb) {
            let (mut a, mut b) = doc.mtok[m];
            if &doc.input.mentions[m].entity != s || (b >= h.i && a > h.j + 3) {
                continue;
            }
            // Earlier conjuncts: this one starts with و. A state may be typed as a place.
            let party = |p: usize| {
                let k = doc.input.mentions[p].kind;
                is_agent(k) || k == EntityType::Loc
            };
            while a > ca && doc.toks[a].norm.starts_with('و') {
                match doc.mentions_in(ca, a).find(|&p| doc.mtok[p].1 + 1 == a) {
                    Some(p) if party(p) => {
                        a = doc.mtok[p].0;
                        if a > 0 && doc.toks[a - 1].norm == "بين" {
                            break;
                        }
                        extra.push(doc.input.mentions[p].entity.clone());
                    }
                    _ => break,
                }
            }
            // Later conjuncts: the next word starts with و.
            while b + 1 < cb && doc.toks[b + 1].norm.starts_with('و') {
                match doc.mention_at(b + 1) {
                    Some(p) if party(p) => {
                        extra.push(doc.input.mentions[p].entity.clone());
                        b = doc.mtok[p].1;
                    }
                    _ => break,
                }
            }
        }
    }
    for e in extra {
        if !sources.contains(&e) {
            sources.push(e);
        }
    }
    targets.retain(|t| !sources.contains(t));
}

/// Verbs that carry an event noun (شن غارة، نفذ هجوماً، نظم مظاهرة، خرج في مسيرة).
fn support_verbs() -> &'static [String] {
    static V: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        [
            "شن",
            "شنت",
            "شنوا",
            "يشن",
            "تشن",
            "نفذ",
            "نفذت",
            "نفذوا",
            "ينفذ",
            "تنفذ",
            "ارتكب",
            "ارتكبت",
            "ارتكبوا",
            "نظم",
            "نظمت",
            "نظموا",
            "ينظم",
            "تنظم",
            "خرج",
            "خرجت",
            "خرجوا",
            "يخرج",
            "تخرج",
            "يخرجون",
            "بدأ",
            "بدأت",
            "بدأوا",
            "شارك",
            "شاركت",
            "شاركوا",
            "يشارك",
            "يشاركون",
            "أطلق",
            "أطلقت",
            "أطلقوا",
            "قاد",
            "قادت",
            "تبنى",
            "تبنت",
            "أعلن",
            "أعلنت",
            "احتشد",
            "احتشدت",
            "احتشدوا",
            "تجمع",
            "تجمعت",
            "تجمعوا",
            "تجمهر",
            "تجمهروا",
        ]
        .iter()
        .map(|w| normalize_str(w))
        .collect()
    })
}

/// Ruling out (استبعاد، يستبعد): what it governs is denied, unless the ruling out is itself
/// refused or negated.
fn ruling_out() -> &'static [String] {
    static V: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        [
            "استبعاد",
            "استبعد",
            "استبعدت",
            "يستبعد",
            "تستبعد",
            "يستبعدون",
            "نستبعد",
        ]
        .iter()
        .map(|w| normalize_str(w))
        .collect()
    })
}

/// الذي، التي، الذين and their dual forms (with و/ف glued on).
fn relative_pronoun(norm: &str) -> bool {
    let n = norm.strip_prefix(['و', 'ف']).unwrap_or(norm);
    matches!(
        n,
        "الذي"
            | "التي"
            | "الذين"
            | "اللذين"
            | "اللتين"
            | "اللذان"
            | "اللتان"
            | "اللاتي"
            | "اللواتي"
    )
}

/// «نظيره» and its forms: the counterpart, a title standing for the office of the one named next.
fn counterpart(norm: &str) -> bool {
    let n = norm.strip_prefix('و').unwrap_or(norm);
    matches!(
        n,
        "نظيره" | "نظيرها" | "نظيرهم" | "نظيريه" | "نظيرتها" | "نظيرته" | "نظيريها"
    )
}

/// A killing, wounding or arrest noun whose genitive is followed by ل + the patient: the genitive
/// is the agent («واعتقال السلطات لما يقرب من 5 آلاف شخص»، «قتل القوات للمتظاهرين»).
fn agent_before_la(doc: &Doc<'_>, h: &Hit, cb: usize) -> bool {
    if h.verb || h.j >= cb {
        return false;
    }
    let after = match doc.mention_at(h.j) {
        Some(m) => doc.mtok[m].1 + 1,
        None if agents::agent_at(&doc.toks[h.j].norm, None).is_some() => h.j + 1,
        None => return false,
    };
    // The patient is marked: ل on a definite word (للمرشح), on a name (لنواف آل الرشيد), or on
    // a count (لما يقرب من، لنحو، لأكثر من). Not a bare ل-word, which may be a name the tagger
    // missed (اعتقال الناشطات لجين الهذلول), a reason (لأي سبب) or a verb (ليذكر).
    after < cb
        && doc.toks.get(after).is_some_and(|t| {
            let n = t.norm.as_str();
            (n.starts_with("لل") && !matches!(n, "لليوم" | "لله"))
                || (n.starts_with('ل')
                    && doc
                        .mention_at(after)
                        .is_some_and(|m| preposition_on(doc, m)))
                || matches!(
                    n,
                    "لما"
                        | "لنحو"
                        | "لاكثر"
                        | "لعشرات"
                        | "لمئات"
                        | "لالاف"
                        | "لاف"
                        | "لعدد"
                )
        })
}

/// Where the person's name starts that the nisba mention `m` describes (الرئيس الأمريكي [جو
/// بايدن]، الرئيس الأمريكي السابق [باراك أوباما]): right after it, past one word of time.
///
/// A state's name in construct with a title does the same (وزير خارجية [إيران] محمد جواد ظريف، ملك
/// [الأردن] عبد الله الثاني): the title, or the title and its portfolio, right before it.
fn person_after_nisba(doc: &Doc<'_>, m: usize) -> Option<usize> {
    let mm = &doc.input.mentions[m];
    let of_title = |a: usize| {
        (a >= 1 && is_title_word(&doc.toks[a - 1].norm))
            || (a >= 2
                && is_title_word(&doc.toks[a - 2].norm)
                && !definite(&doc.toks[a - 1].norm)
                && !doc.toks[a - 1].punct
                && !doc.covered(a - 1))
    };
    let in_construct =
        mm.form == MentionForm::Name && mm.kind == EntityType::Gpe && of_title(doc.mtok[m].0);
    if mm.form != MentionForm::Adjective && !in_construct {
        return None;
    }
    let mut p = doc.mtok[m].1 + 1;
    if doc.toks.get(p).is_some_and(|t| title_time(&t.norm)) {
        p += 1;
    }
    let n = doc.mention_at(p)?;
    let nm = &doc.input.mentions[n];
    (nm.form == MentionForm::Name && nm.kind == EntityType::Per).then_some(p)
}

/// Token `k` rules something out and is itself refused or negated (لم تستبعد، رفض بوتين
/// استبعاد): a negation or refusal before it, with only names and titles between, back to `lo`.
fn ruling_out_refused(doc: &Doc<'_>, k: usize, lo: usize) -> bool {
    if !doc.is_word(k, ruling_out()) {
        return false;
    }
    let mut b = k;
    while b > lo && k - b < 5 {
        b -= 1;
        if doc.covered(b) || is_title_word(&doc.toks[b].norm) {
            continue;
        }
        return doc.is_negation(b) || doc.is_word(b, refusal_words());
    }
    false
}

/// Words of talking about something (تحدث عن، تكلموا عن، حديث عن، أنباء عن).
fn talk_words() -> &'static [String] {
    static V: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        [
            "تحدث",
            "تحدثت",
            "تحدثوا",
            "يتحدث",
            "تتحدث",
            "يتحدثون",
            "تكلم",
            "تكلمت",
            "تكلموا",
            "يتكلم",
            "تتكلم",
            "يتكلمون",
            "حديث",
            "الحديث",
            "أنباء",
            "الأنباء",
            "أحاديث",
        ]
        .iter()
        .map(|w| normalize_str(w))
        .collect()
    })
}

/// Verbs of expecting, hoping, fearing, wanting and trying: their «أن» clause has not happened
/// (يتوقع أن، تأمل أن، تخشى أن، يريد أن، تحاول أن).
fn expecting_verbs() -> &'static [String] {
    static V: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        [
            "يتوقع",
            "تتوقع",
            "يتوقعون",
            "نتوقع",
            "أتوقع",
            "يأمل",
            "تأمل",
            "يأملون",
            "نأمل",
            "آمل",
            "يخشى",
            "تخشى",
            "يخشون",
            "نخشى",
            "أخشى",
            "يرجح",
            "ترجح",
            "يرجحون",
            "يريد",
            "تريد",
            "يريدون",
            "نريد",
            "أريد",
            "يحاول",
            "تحاول",
            "يحاولون",
            "نحاول",
        ]
        .iter()
        .map(|w| normalize_str(w))
        .collect()
    })
}

/// The word carries the article (after و/ف and ب/ل): الاحتجاجات، وبالاحتجاجات، للاحتجاجات.
fn definite(norm: &str) -> bool {
    let n = norm
        .strip_prefix('و')
        .or_else(|| norm.strip_prefix('ف'))
        .unwrap_or(norm);
    n.starts_with("ال") || n.starts_with("بال") || n.starts_with("لل") || n.starts_with("كال")
}

/// Whether entity `id`, a source (or target) of an attack noun in clause `ca..cb`, anchors it:
/// anything but a place does; a place only as a state's forces (القوات الإسرائيلية، طائرات
/// النظام) or, for a source, named as the attacker (هجوم الكيان الصهيوني), not as a nisba
/// (الغارات الإسرائيلية) or where it happened. A described group has no mention: it anchors.
fn anchoring_actor(doc: &Doc<'_>, id: &str, ca: usize, cb: usize, as_source: bool) -> bool {
    let mut any = false;
    for (m, mm) in doc.input.mentions.iter().enumerate() {
        if mm.entity != id {
            continue;
        }
        any = true;
        if !is_place(mm.kind) {
            return true;
        }
        let (a, _) = doc.mtok[m];
        if a < ca || a >= cb {
            continue;
        }
        let agent_before = |k: usize| {
            doc.toks.get(k).is_some_and(|t| {
                !t.punct
                    && agents::agent_at(&t.norm, doc.toks.get(k + 1).map(|x| x.norm.as_str()))
                        .is_some()
            })
        };
        // One adjective may stand between the force and its nisba (الطيران الحربي الإسرائيلي).
        if (a > ca && agent_before(a - 1)) || (a > ca + 1 && agent_before(a - 2)) {
            return true;
        }
        if as_source && mm.form == MentionForm::Name {
            return true;
        }
    }
    !any
}

/// An attack noun that tells its own happening: a verb of targeting or happening right after
/// it (غارة جوية استهدفت قاعدة، اشتباكات عنيفة تجري قرب حرستا), a place subjected to it
/// (تتعرض منذ أيام لقصف عنيف), or a relative clause with a past verb that tells it (القصف
/// الذي تعرض له المطار، الهجوم الذي نفذ). A relative clause in the present (الهجمات التي
/// تشنها، الغارات التي يشنها التحالف) tells a running campaign, not one happening.
fn attack_told(doc: &Doc<'_>, h: &Hit, ca: usize, cb: usize) -> bool {
    static V: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let v = V.get_or_init(|| {
        [
            "استهدف",
            "استهدفت",
            "طال",
            "طالت",
            "ضرب",
            "ضربت",
            "أوقع",
            "أوقعت",
            "تجري",
            "يجري",
            "دارت",
            "دار",
            "هز",
            "هزت",
            "بوقوع",
        ]
        .iter()
        .map(|w| normalize_str(w))
        .collect()
    });
    let after = h.j..(h.j + 3).min(cb);
    if after.clone().any(|k| doc.is_word(k, v)) || (h.i > ca && doc.is_word(h.i - 1, v)) {
        return true;
    }
    if subjected(doc, h.i, ca) {
        return true;
    }
    // Protests that turned into clashes (تحولت التظاهرات لاشتباكات عنيفة) tell them.
    let turned = (h.i.saturating_sub(3).max(ca)..h.i).any(|k| {
        let n = doc.toks[k].norm.trim_start_matches(['و', 'ف']);
        matches!(n, "تحول" | "تحولت" | "تطور" | "تطورت")
    });
    // Clashes with a party (اشتباكات عنيفة مع الشرطة) have their other side.
    let with_party = h.subtype == "clash"
        && after
            .clone()
            .any(|k| doc.toks[k].norm == "مع" && actor_at(doc, k + 1, cb).is_some());
    if turned || with_party {
        return true;
    }
    let Some(rel) = after.clone().find(|&k| {
        matches!(
            doc.toks[k].norm.trim_start_matches('و'),
            "الذي" | "التي" | "الذين" | "اللذين" | "اللتين"
        )
    }) else {
        return false;
    };
    // Past verbs that tell an attack; present forms begin with ي/ت and do not match.
    const TOLD: [&str; 16] = [
        "شن",
        "نفذ",
        "وقع",
        "استهدف",
        "تعرض",
        "ضرب",
        "اسفر",
        "اودي",
        "راح",
        "قتل",
        "طال",
        "قاد",
        "ارتكب",
        "هز",
        "اوقع",
        "خلف",
    ];
    doc.toks
        .get(rel + 1)
        .filter(|_| rel + 1 < cb)
        .is_some_and(|t| TOLD.iter().any(|p| t.norm.starts_with(p)))
}

/// Verbs that tell an event noun is happening (اندلعت الاحتجاجات، شهدت المدينة مظاهرات).
fn happening_near(doc: &Doc<'_>, h: &Hit, ca: usize, cb: usize) -> bool {
    static V: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let v = V.get_or_init(|| {
        [
            "اندلع",
            "اندلعت",
            "تجدد",
            "تجددت",
            "استمر",
            "استمرت",
            "تستمر",
            "يستمر",
            "تواصل",
            "تواصلت",
            "شهد",
            "شهدت",
            "تشهد",
            "يشهد",
            "انطلق",
            "انطلقت",
            "وقع",
            "وقعت",
            "أسفر",
            "أسفرت",
            "أدى",
            "أدت",
            "تسبب",
            "تسببت",
            "خلف",
            "خلفت",
            "تصاعد",
            "تصاعدت",
            "عمت",
            "اجتاحت",
            "امتدت",
            "جرت",
            "حصل",
            "حدث",
            "مستمرة",
            "مستمر",
            "متواصلة",
            "متواصل",
            "استمرار",
            "تتواصل",
            "يتواصل",
            "تتجدد",
            "وقوع",
            "دوي",
        ]
        .iter()
        .map(|w| normalize_str(w))
        .collect()
    });
    // شهدت العاصمة … ومدن أخرى موجة من الاحتجاجات: the verb may stand a few words back, and
    // شهد (witnessed) governs its whole clause.
    (h.i.saturating_sub(8).max(ca)..(h.j + 3).min(cb)).any(|k| doc.is_word(k, v))
        || (ca..h.i).any(|k| {
            let n = doc.toks[k].norm.trim_start_matches(['و', 'ف']);
            matches!(n, "شهد" | "شهدت" | "تشهد" | "يشهد")
        })
        || (h.i.saturating_sub(8).max(ca)..h.i).any(|k| doc.is_word(k, support_verbs()))
}

/// Words that make a casualty or arrest figure a running total.
fn running_total_words() -> &'static [String] {
    static V: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        [
            "منذ",
            "حصيلة",
            "الحصيلة",
            "ارتفع",
            "ارتفعت",
            "يرتفع",
            "ترتفع",
            "ليرتفع",
            "لترتفع",
            "إجمالي",
            "الإجمالي",
            "مجموع",
            // في غضون ستة أسابيع: a toll over weeks.
            "غضون",
        ]
        .iter()
        .map(|w| normalize_str(w))
        .collect()
    })
}

/// Types whose من-phrase names the other party (طلب من، اتفاق … من، انسحاب من); for attacks,
/// protests and threats من is where from (هجمات من سوريا), not whom at.
fn from_target(kind: &str) -> bool {
    !matches!(
        kind,
        "ASSAULT" | "PROTEST" | "THREATEN" | "COERCE" | "ACCUSE"
    )
}

/// A verb and the noun after it agree in gender, as a verb and its following subject must
/// (أدانت وزارة الخارجية: feminine both); a mismatch makes the noun the object (اتهمت النظام
/// السوري: the regime was accused). Normalised forms; ة is written ه.
fn subject_agrees(verb: &str, noun: &str) -> bool {
    let verb = verb.strip_prefix(['و', 'ف']).unwrap_or(verb);
    let noun = noun.strip_prefix(['و', 'ف']).unwrap_or(noun);
    let feminine_noun = noun.ends_with('ه') || noun.ends_with("ات");
    let feminine_verb = verb.ends_with('ت') || verb.starts_with('ت');
    feminine_noun == feminine_verb
}

/// The verb at token `v` starts its own clause with its subject after it: nothing named just
/// before it (الإمارات ترفض: SVO), no preposition before it (عن دعم: a verbal noun), and a verb
/// joined by و mid-sentence shares an earlier subject (وأدان المالكي … واتهم النظام الإيراني).
fn verb_opens_clause(doc: &Doc<'_>, v: usize, ca: usize) -> bool {
    let (sa, _) = doc.sentence_of(v);
    let named_before = (v.saturating_sub(2).max(ca)..v).any(|k| doc.covered(k));
    let after_preposition = v > 0 && preposition(&doc.toks[v - 1].norm);
    let joined = doc.toks[v].norm.starts_with('و') && v > sa + 1;
    !named_before && !after_preposition && !joined
}

/// The document names `entity` somewhere written exactly `rest` (after normalisation): the
/// letter before `rest` was then a clitic, not part of the name.
fn named_as(doc: &Doc<'_>, entity: &str, rest: &str) -> bool {
    let rest = normalize_str(rest);
    doc.input.mentions.iter().any(|o| {
        o.entity == entity
            && doc
                .input
                .text
                .get(o.start..o.end)
                .is_some_and(|t| normalize_str(t) == rest)
    })
}

/// Mention `m` is a name written with the conjunction و glued on (وبريطانيا، والولايات المتحدة،
/// وإسرائيل), not a name that starts with و (واشنطن، وارسو): the rest begins with the article or
/// a hamza, or the document names the same entity without the و.
fn joined_by_wa(doc: &Doc<'_>, m: usize) -> bool {
    let mm = &doc.input.mentions[m];
    if mm.form != MentionForm::Name {
        return false;
    }
    let raw = doc.input.text.get(mm.start..mm.end).unwrap_or("");
    let Some(rest) = raw.strip_prefix('و') else {
        return false;
    };
    if rest.starts_with("ال") || rest.starts_with(['أ', 'إ', 'آ', 'و']) {
        return true;
    }
    // Right after another state or body in a list (توعدت الولايات المتحدة وفرنسا وبريطانيا): few
    // such names begin with و, and those that do follow a state rarely (وارسو، وهران).
    let listed = matches!(mm.kind, EntityType::Gpe | EntityType::Org)
        && doc.mtok[m].0 > 0
        && doc.mention_at(doc.mtok[m].0 - 1).is_some_and(|p| {
            p != m
                && matches!(
                    doc.input.mentions[p].kind,
                    EntityType::Gpe | EntityType::Org
                )
                && doc.input.mentions[p].form == MentionForm::Name
        });
    listed || named_as(doc, &mm.entity, rest)
}

/// Mention `m` is written with the preposition ل or ب glued on (لأذربيجان، للولايات المتحدة،
/// بالصين). Names may begin with these letters (لبنان، ليبيا، بريطانيا), so the letter counts as a
/// preposition only where no name can start (ل before hamza or the article) or where the
/// document names the same entity without it.
fn preposition_on(doc: &Doc<'_>, m: usize) -> bool {
    let mm = &doc.input.mentions[m];
    if mm.form != MentionForm::Name {
        return false;
    }
    let raw = doc.input.text.get(mm.start..mm.end).unwrap_or("");
    let raw = raw.strip_prefix('و').unwrap_or(raw);
    let rest = match raw.strip_prefix('ل') {
        Some(r) => {
            if r.starts_with(['أ', 'إ', 'آ', 'ل']) {
                return true;
            }
            r
        }
        None => match raw.strip_prefix('ب') {
            Some(r) if r.starts_with("ال") => return true,
            Some(r) => r,
            None => return false,
        },
    };
    named_as(doc, &mm.entity, rest)
}

/// The date at byte `pos`, after the trigger, belongs to something said aside: inside a
/// parenthesis opened after the trigger («للاحتجاجات … نازاباييف (الرئيس السابق الذي ترك السلطة
/// في ٢٠١٩)»), or in a relative clause about a later noun (a relative pronoun right after the
/// trigger or its adjective is the event's own: الاحتجاجات الأخيرة التي اندلعت في 2022).
fn aside_from(doc: &Doc<'_>, h: &Hit, pos: usize) -> bool {
    if in_parenthesis_after(doc, h, pos) {
        return true;
    }
    let d = doc.toks.partition_point(|t| t.end <= pos);
    // «تدخل تحالف … في أفغانستان في أعقاب هجمات 11 سبتمبر 2001»: a date after "in the wake of"
    // belongs to the earlier happening named there, not to this one.
    (h.j + 2..d.min(doc.toks.len())).any(|k| is_relative(&doc.toks[k].norm))
        || (h.j..d.min(doc.toks.len())).any(|k| {
            let n = doc.toks[k].norm.trim_start_matches(['و', 'ف']);
            // Not إثر / عقب: they mostly name the cause of this very happening (أصيب … إثر
            // خروج قطار ليلة الخميس), whose date is this one's.
            matches!(n, "اعقاب" | "اعقابه" | "اعقابها") && d > k + 1
        })
}

/// Byte `pos` lies inside a parenthesis opened after the trigger's words.
fn in_parenthesis_after(doc: &Doc<'_>, h: &Hit, pos: usize) -> bool {
    let after = doc.toks[h.j - 1].end;
    if pos <= after {
        return false;
    }
    let between = doc.input.text.get(after..pos).unwrap_or("");
    between.matches('(').count() > between.matches(')').count()
}

/// A relative pronoun (normalised).
fn is_relative(norm: &str) -> bool {
    matches!(
        norm,
        "الذي" | "التي" | "الذين" | "اللذين" | "اللتين" | "اللذان" | "اللتان"
    )
}

/// Verbs of refusing or abstaining whose object is an act the subject does not do (رفضت
/// التدخل، امتنعت عن التصويت), normalised.
fn refusal_words() -> &'static [String] {
    static W: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    W.get_or_init(|| {
        [
            "رفض",
            "رفضت",
            "رفضوا",
            "يرفض",
            "ترفض",
            "يرفضون",
            "امتنع",
            "امتنعت",
            "امتنعوا",
            "يمتنع",
            "تمتنع",
            "تجنب",
            "تجنبت",
            "يتجنب",
            "تتجنب",
        ]
        .iter()
        .map(|w| normalize_str(w))
        .collect()
    })
}

/// The bare دعم at token `i` is the verbal noun "backing", not the verb "backed": after a
/// preposition (إلى دعم), after a verb that takes a verbal noun as object, with or without its
/// subject between (أعلنت تركيا دعم، يواصل دعم), or joined by و to an earlier verbal noun with ل or
/// ب on it (لتبرير ضم القرم ودعم الانفصاليين، باستعادة النظام العام ودعم الرئيس).
fn backing_masdar(doc: &Doc<'_>, i: usize) -> bool {
    const GOVERNORS: &[&str] = &[
        "اعلن",
        "اعلنت",
        "يعلن",
        "تعلن",
        "اكد",
        "اكدت",
        "يؤكد",
        "تؤكد",
        "جدد",
        "جددت",
        "يجدد",
        "تجدد",
        "واصل",
        "واصلت",
        "يواصل",
        "تواصل",
        "قرر",
        "قررت",
        "يقرر",
        "تقرر",
        "اوقف",
        "اوقفت",
        "يوقف",
        "توقف",
        "رفض",
        "رفضت",
        "يرفض",
        "ترفض",
        "عرض",
        "عرضت",
        "تعهد",
        "تعهدت",
        "ضروره",
        "اهميه",
        "استمرار",
        "مواصله",
        "وقف",
    ];
    let n = doc.toks[i].norm.as_str();
    let bare = n.strip_prefix(['و', 'ف']).unwrap_or(n);
    if bare != "دعم" || i == 0 {
        return false;
    }
    let (ca, _) = doc.clause_of(i);
    let prev = doc.toks[i - 1].norm.as_str();
    if preposition(prev) || prev == "في" || GOVERNORS.contains(&prev) {
        return true;
    }
    // أعلنت تركيا دعم: the verb's subject stands between.
    if let Some(m) = doc.mention_at(i - 1) {
        let s = doc.mtok[m].0;
        if s > ca && GOVERNORS.contains(&doc.toks[s - 1].norm.as_str()) {
            return true;
        }
    }
    n.starts_with('و')
        && (i.saturating_sub(6).max(ca)..i).any(|k| {
            let t = &doc.toks[k];
            !t.punct
                && doc.mention_at(k).is_none()
                && t.norm.chars().count() >= 5
                && (t.norm.starts_with('ل') || t.norm.starts_with('ب'))
        })
}

/// The verb `norm` (clitics allowed) is an active form-III perfect (فاعَل: ساند، هاجم، حارب),
/// whose passive would be written with و (سُوند), so it cannot be read as a passive.
fn form_three_active(norm: &str) -> bool {
    let v = norm.strip_prefix(['و', 'ف']).unwrap_or(norm);
    let v = v.strip_suffix('ت').unwrap_or(v);
    let c: Vec<char> = v.chars().collect();
    c.len() == 4 && c[1] == 'ا' && c[0] != 'ا' && !c.contains(&'ه')
}

/// A definite participle that describes the noun before it by where it lies or what it belongs
/// to (المنتسبة، العضو، الواقعة، القريبة، المجاورة، الحليفة). Ownership (التابعة، الموالية) is left
/// out: the owner of forces is the side acted on or acting.
fn describing_participle(norm: &str) -> bool {
    matches!(
        norm,
        "المنتسبه"
            | "المنتسب"
            | "المنتميه"
            | "المنتمي"
            | "العضو"
            | "الواقعه"
            | "الواقع"
            | "القريبه"
            | "القريب"
            | "المجاوره"
            | "المجاور"
            | "المتاخمه"
            | "المتاخم"
            | "المطله"
            | "المطل"
            | "الحليفه"
            | "الحليف"
    )
}

/// The backing noun of `h` (دعم، تأييد، مساندة; not a verb) takes its patient as genitive: it is
/// indefinite (الدعم takes no genitive), has no ب "backed by" on it, and no ل names the one
/// backed before the clause ends.
fn backing_noun_patient(doc: &Doc<'_>, h: &Hit, cb: usize) -> bool {
    let n = doc.toks[h.i].norm.as_str();
    let n = n.strip_prefix(['و', 'ف']).unwrap_or(n);
    // ل of purpose keeps the genitive the one backed (لدعم الرئيس السوري بشار الأسد), unless
    // the name is followed by what is backed (تقديراً لدعم الرئيس السابق نور سلطان نزارباييف حظر
    // انتشار الأسلحة النووية: the name is the backer).
    let purpose = n
        .strip_prefix('ل')
        .filter(|r| ["دعم", "تاييد", "مسانده"].contains(r));
    if purpose.is_some() {
        let named = (h.j..cb.min(h.j + 5)).find_map(|k| doc.mention_at(k));
        let object_after = named.is_some_and(|m| {
            let e = doc.mtok[m].1 + 1;
            e < cb
                && doc.toks.get(e).is_some_and(|t| {
                    !t.punct
                        && !doc.covered(e)
                        && !preposition(&t.norm)
                        && t.norm != "في"
                        && !t.norm.starts_with('و')
                        && !t.norm.starts_with('ل')
                        && !t.norm.starts_with('ب')
                        && !relative_pronoun(&t.norm)
                        && !matches!(
                            t.norm.as_str(),
                            "كي" | "حتي"
                                | "خلال"
                                | "عبر"
                                | "بعد"
                                | "قبل"
                                | "منذ"
                                | "بين"
                                | "عند"
                                | "عندما"
                                | "حيث"
                                | "اذ"
                                | "او"
                                | "ام"
                                | "ثم"
                                | "الا"
                                | "غير"
                                | "ان"
                                | "انه"
                                | "كما"
                                | "مثل"
                                | "فقط"
                                | "ايضا"
                                | "اليوم"
                                | "امس"
                                | "الان"
                        )
                })
        });
        if object_after {
            return false;
        }
    }
    let n = purpose.unwrap_or(n);
    if n.starts_with('ب') || !["دعم", "تاييد", "مسانده"].contains(&n) {
        return false;
    }
    let recipient = (h.j..cb.min(h.j + 8)).any(|k| {
        let t = doc.toks[k].norm.as_str();
        // ل on a noun names the one backed (لميليشيات، للنظام), as on a pronoun (له).
        (t.starts_with('ل')
            && t.chars().count() >= 4
            && doc.mention_at(k).is_none()
            && !matches!(t, "لكن" | "لكنه" | "لكنها" | "لدي" | "لذلك" | "لاسيما"))
            || matches!(t, "له" | "لها" | "لهم" | "لهما")
            || doc
                .mention_at(k)
                .is_some_and(|m| t.starts_with('ل') && preposition_on(doc, m))
    });
    !recipient
}

/// Subtypes whose noun takes its patient, not its agent, as genitive (مقتل X، اعتقال X).
/// A noun of striking (قصف، غارات، هجوم), whose nisba names the side that strikes: not killing,
/// wounding or abduction, whose nisba is the victim's (اغتيال السفير الروسي), nor clashes, whose
/// nisbas are both sides or the country they shake (الاشتباكات الفلسطينية الإسرائيلية).
fn strike_noun(h: &Hit) -> bool {
    h.kind == "ASSAULT" && !h.verb && (h.subtype == "attack" || h.subtype.starts_with("cameo 19"))
}

fn patient_genitive(subtype: &str) -> bool {
    matches!(subtype, "killing" | "wounding" | "arrest")
}

/// Described actors of one document, one per kind of group.
#[derive(Default)]
struct Actors {
    list: Vec<Entity>,
}

impl Actors {
    /// The id of the described actor `a` at tokens `s..e`, adding the mention.
    fn id(&mut self, doc: &Doc<'_>, a: agents::Agent, s: usize, e: usize) -> Option<String> {
        self.id_bytes(doc, a, doc.toks[s].start, doc.toks[e - 1].end)
    }

    /// The id of the described actor `a` at bytes `start..end`, adding the mention.
    fn id_bytes(
        &mut self,
        doc: &Doc<'_>,
        a: agents::Agent,
        start: usize,
        end: usize,
    ) -> Option<String> {
        let ev = doc.ev(start, end)?;
        let surface = ev.text.clone();
        let ent = match self
            .list
            .iter_mut()
            .find(|x| x.name.en.as_deref() == Some(a.en))
        {
            Some(x) => x,
            None => {
                let n = self.list.len() + 1;
                self.list.push(Entity {
                    id: format!("A:{}:{n}", doc.input.doc),
                    kb: None,
                    kind: a.kind,
                    name: Name {
                        ar: surface.clone(),
                        en: Some(a.en.to_string()),
                    },
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                });
                self.list.last_mut()?
            }
        };
        if !ent.aliases.contains(&surface) {
            ent.aliases.push(surface);
        }
        if !ent.mentions.iter().any(|m| m.evidence == ev) {
            ent.mentions.push(Mention {
                evidence: ev,
                form: MentionForm::Name,
            });
        }
        Some(ent.id.clone())
    }
}

/// Token `i` is inside an attribution formula — «وفق ما أفادت مصادر عسكرية», «بحسب ما ذكرت»,
/// «حسبما أفاد» — which names where the news came from, not a happening.
fn in_attribution(doc: &Doc<'_>, i: usize) -> bool {
    // «وفق» itself begins with و: the word is tried as written and without a conjunction.
    let is = |k: usize, words: &[&str]| {
        let n = doc.toks[k].norm.as_str();
        words.contains(&n) || n.strip_prefix('و').is_some_and(|r| words.contains(&r))
    };
    (i.saturating_sub(4)..=i).any(|k| {
        (doc.toks[k].norm == "ما"
            && k > 0
            && is(k - 1, &["وفق", "وفقا", "حسب", "بحسب", "طبقا", "تبعا"]))
            || is(k, &["حسبما", "بحسبما", "وفقما"])
    })
}

/// استشهد / الاستشهاد with what is cited after it: «الاستشهاد بالآيات»، «واستشهد الكاتب بآية»
/// — citing, not martyrdom (which takes بنيران، برصاص … for its cause).
fn citing(doc: &Doc<'_>, h: &Hit) -> bool {
    let t = doc.toks[h.i].norm.as_str();
    if !t.contains("استشهد") && !t.ends_with("استشهاد") {
        return false;
    }
    if !h.verb {
        return doc.toks.get(h.j).is_some_and(|t| t.norm.starts_with('ب'));
    }
    (h.j..doc.toks.len().min(h.j + 3)).any(|k| {
        let n = doc.toks[k].norm.as_str();
        n.strip_prefix('ب').is_some_and(|o| {
            let o = o.strip_prefix("ال").unwrap_or(o);
            [
                "ايه",
                "ايات",
                "قول",
                "اقوال",
                "حديث",
                "مقوله",
                "كلام",
                "تصريح",
                "مثال",
                "امثله",
                "ابيات",
                "بيت",
                "شعر",
                "عباره",
                "نص",
                "دراسه",
                "راي",
                "ما",
            ]
            .iter()
            .any(|w| o.starts_with(w))
        })
    })
}

/// The mention `m` is named only as someone's kin (أقارب الأسد، شقيق الرئيس، نجل فلان، زوجة …):
/// the person meant is the relative, whom the text does not name.
fn kin_before(doc: &Doc<'_>, m: usize) -> bool {
    let mut a = doc.mtok[m].0;
    if a == 0 || doc.input.mentions[m].start > doc.toks[a].start {
        return false;
    }
    // A title may stand between (أحد أقارب الرئيس بشار الأسد).
    for _ in 0..2 {
        if a > 1 && is_title_word(&doc.toks[a - 1].norm) {
            a -= 1;
        }
    }
    let n = doc.toks[a - 1].norm.as_str();
    let n = n
        .strip_prefix('و')
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(n);
    let n = n.strip_prefix("ال").unwrap_or(n);
    matches!(
        n,
        "اقارب"
            | "قريب"
            | "قريبه"
            | "شقيق"
            | "شقيقه"
            | "نجل"
            | "نجله"
            | "ابنه"
            | "زوجه"
            | "زوج"
            | "والد"
            | "والده"
            | "ارمله"
            | "حفيد"
            | "حفيده"
            | "صهر"
            | "اشقاء"
            | "ابناء"
            | "عائله"
            | "اسره"
    )
}

/// «فجر» at `i` is dawn, not "detonated" (see [`lexicon_hit`]).
fn dawn(doc: &Doc<'_>, i: usize, nominal: bool) -> bool {
    let day = |k: usize| {
        doc.toks.get(k).is_some_and(|t| {
            matches!(
                t.norm.as_str(),
                "السبت"
                    | "الاحد"
                    | "الاثنين"
                    | "الثلاثاء"
                    | "الاربعاء"
                    | "الخميس"
                    | "الجمعه"
                    | "اليوم"
                    | "امس"
                    | "الغد"
                    | "يوم"
            )
        })
    };
    let time_before = i > 0
        && matches!(
            doc.toks[i - 1].norm.as_str(),
            "قبل"
                | "قبيل"
                | "حتي"
                | "منذ"
                | "صلاه"
                | "ساعات"
                | "من"
                | "مع"
                | "عند"
                | "بعد"
        );
    nominal || day(i + 1) || time_before
}

/// A finite verb of visiting (زار، زارت، يزور، تزور، زاروا, with و/ف).
fn visit_verb(norm: &str) -> bool {
    matches!(
        norm.trim_start_matches(['و', 'ف']),
        "زار" | "زارت" | "يزور" | "تزور" | "زاروا" | "سيزور" | "ستزور"
    )
}

/// A word of responsibility for, part in or tie to something (مسؤوليتها، ضلوع، تورطها، علاقة،
/// صلة; not مسؤولين، مسؤولي: officials): denying it does not deny the happening.
fn involvement_noun(norm: &str) -> bool {
    let n = norm.trim_start_matches('و');
    let n = n.strip_prefix("ال").unwrap_or(n);
    n.starts_with("مسؤوليه")
        || n.starts_with("مسؤوليت")
        || n.starts_with("ضلوع")
        || n.starts_with("تورط")
        || n.starts_with("علاقه")
        || n.starts_with("علاقت")
        || n == "صله"
        || n.starts_with("صلت")
}

/// Mention `m` is a state's nisba right after an organisation's name, which it describes
/// («ميليشيات الحوثي الإيرانية»، «حزب الله اللبناني»): neither a party of its own nor the place.
fn nisba_of_named_org(doc: &Doc<'_>, m: usize) -> bool {
    let a = doc.mtok[m].0;
    doc.input.mentions[m].form == MentionForm::Adjective
        && a > 0
        && doc.mentions_in(a.saturating_sub(8), a).any(|o| {
            let om = &doc.input.mentions[o];
            doc.mtok[o].1 + 1 == a
                && om.kind == EntityType::Org
                && matches!(om.form, MentionForm::Name | MentionForm::Metonym)
        })
}

/// Mention `m` names the patron of an actor already named just before it: «ميليشيات الحوثي
/// الموالية لإيران»، «مجلس الأمن التابع للأمم المتحدة»، «حزب الله اللبناني المدعوم من إيران».
/// The patron describes that actor; it is neither the side acted on nor where it happened. After
/// an unnamed noun (القوات التابعة للنظام) the patron is how the side is named, and stays.
/// Returns the participle's token (which may itself trigger the support it names).
fn patron_of_named(doc: &Doc<'_>, m: usize) -> Option<usize> {
    let a = doc.mtok[m].0;
    let participle = |p: usize| {
        let stem = doc.toks[p].norm.as_str();
        let stem = ["ين", "ون", "ان", "ه"]
            .iter()
            .find_map(|s| stem.strip_suffix(s))
            .unwrap_or(stem);
        matches!(
            stem,
            "الموالي" | "التابع" | "المدعوم" | "المقرب" | "المحسوب" | "المرتبط"
        )
    };
    // «الموالية لإيران» (ل on the name) or «المدعومة من إيران».
    let p = match a.checked_sub(1)? {
        p if participle(p) => p,
        q if matches!(doc.toks[q].norm.as_str(), "من" | "على" | "علي") => {
            q.checked_sub(1).filter(|&p| participle(p))?
        }
        _ => return None,
    };
    if p == 0 {
        return None;
    }
    // Back over nisba adjectives (حزب الله اللبناني) to the name they qualify.
    let mut last = p - 1;
    while let Some(h) = doc
        .mentions_in(last.saturating_sub(8), last + 1)
        .find(|&k| doc.mtok[k].1 == last)
    {
        let form = doc.input.mentions[h].form;
        if form != MentionForm::Adjective {
            return matches!(form, MentionForm::Name | MentionForm::Metonym).then_some(p);
        }
        last = doc.mtok[h].0.checked_sub(1)?;
    }
    None
}

/// God invoked within five words after `j` («الله عز وجل أن», «المولى تعالى»), not as part of a
/// name (عبد الله، حزب الله، نصر الله).
fn prayer_after(doc: &Doc<'_>, j: usize) -> bool {
    (j..doc.toks.len().min(j + 5)).any(|k| {
        let t = &doc.toks[k];
        if t.punct {
            return false;
        }
        let prev = if k > 0 {
            doc.toks[k - 1].norm.as_str()
        } else {
            ""
        };
        let name_part = [
            "عبد", "حزب", "نصر", "فتح", "عطا", "جار", "ضيف", "خير", "فضل", "سيف",
        ]
        .iter()
        .any(|p| prev.ends_with(p));
        let next = doc.toks.get(k + 1).map_or("", |t| t.norm.as_str());
        matches!(t.norm.as_str(), "الله" | "المولي")
            && !name_part
            && matches!(
                next,
                "عز" | "تعالي" | "سبحانه" | "جل" | "ان" | "العلي" | "القدير"
            )
    })
}

/// Whether a trigger word begins with the conjunction و (ودعت، ووقّع), not with a و of its own
/// (وافق، وقّع، وصل): the word without it is a trigger, and the word itself is none.
fn conjunction_wa(norm: &str) -> bool {
    let Some(rest) = norm.strip_prefix('و') else {
        return false;
    };
    let lex = lexicon();
    let cameo = cameo::builtin();
    rest.chars().count() >= 2
        && !lex.triggers.contains_key(norm)
        && !cameo.verbs.contains_key(norm)
        && (lex.triggers.contains_key(rest)
            || cameo.verbs.contains_key(rest)
            || ["ت", "وا"]
                .iter()
                .filter_map(|suf| rest.strip_suffix(suf))
                .any(|r| lex.triggers.contains_key(r) || cameo.verbs.contains_key(r)))
}

/// What a request just before the happening at `h` makes of it (طلب توكاييف تعزيزات، طالبوا
/// بانسحاب، دعت إلى اجتماع، طلب الدعم والتدخل من المنظمة): `None` if no request governs it;
/// else it is asked for, not done, and `Some(true)` when the one asked is named between (طالب
/// الأكراد دمشق بالتدخل، طلبت من مجلس الأمن عقد اجتماع) and so is its actor, `Some(false)` when the
/// only name between is the one who asks, who is not.
///
/// Between the request and the trigger stand only names and titles, quotation marks, «من» + a
/// name, «إلى», «أن» before a verb, or (for a trigger joined by و) another requested happening.
/// A request told as an adjunct (بطلب من روسيا، بناء على طلب، تلبية لطلب) governs nothing, nor
/// does seeking help (استعان بـ: what is drawn on is done).
fn requested(doc: &Doc<'_>, h: &Hit, ca: usize) -> Option<bool> {
    if h.kind == "REQUEST" {
        return None;
    }
    // A verb is asked for only through أن (طلب من روسيا أن تتدخل): «طلبها رفض» is the request
    // refused.
    if h.verb && !(h.i > 0 && doc.toks[h.i - 1].norm == "ان") {
        return None;
    }
    let joined = doc.toks[h.i].norm.starts_with('و');
    let mut passed_object = false;
    let mut k = h.i;
    while k > ca && k + 7 > h.i {
        k -= 1;
        let t = &doc.toks[k];
        let n = t.norm.as_str();
        // Names, titles, quotation marks and particles stand between; they are never the request.
        // (Checked first: the trigger lookup below is the costly part.)
        let fits = doc.covered(k)
            || is_title_word(n)
            || (t.punct && matches!(n, "\"" | "'"))
            || matches!(n, "الي" | "ان")
            || (n == "من" && doc.covered(k + 1));
        if fits {
            continue;
        }
        let r = lexicon_hit(doc, k).filter(|r| r.j <= h.i)?;
        if r.kind != "REQUEST" {
            if joined {
                passed_object = true;
                continue;
            }
            return None;
        }
        // «عشرات الطلبة احتجاجا»: students, not a request.
        if n.contains("الطلبه") {
            return None;
        }
        let adjunct = n.starts_with("بطلب")
            || n.starts_with("لطلب")
            || n.contains("استعان")
            || (k > 0 && matches!(doc.toks[k - 1].norm.as_str(), "علي" | "بناء"));
        if adjunct || (joined && !passed_object) {
            return None;
        }
        let named: Vec<usize> = doc
            .mentions_in(r.j, h.i)
            .filter(|&m| doc.mtok[m].1 < h.i)
            .collect();
        // A request noun's genitive before «بـ/لـ/إلى» + the happening is the one asked
        // (دعوة زوما للاستقالة، مطالبة الأمم المتحدة بإدانة); after a verb the one name may as
        // well be its subject (تطالب أنقرة بانسحاب).
        let marked = {
            let hn = doc.toks[h.i].norm.as_str();
            hn.starts_with('ب') || hn.starts_with('ل') || doc.toks[h.i - 1].norm == "الي"
        };
        // After a verb whose subject stands before it (لندن دعت مجلس الأمن لاجتماع) the name
        // after it is the one asked.
        let subject_before = k > ca && doc.covered(k - 1);
        let asked = named.len() >= 2
            || ((!r.verb || subject_before) && marked && !named.is_empty())
            || named
                .iter()
                .any(|&m| doc.mtok[m].0 > 0 && doc.toks[doc.mtok[m].0 - 1].norm == "من");
        return Some(asked);
    }
    None
}

fn find_events(
    doc: &Doc<'_>,
    claims: &[Claim],
    mut actors: Actors,
) -> (Vec<Event>, Actors, Vec<Pending>) {
    let lex = lexicon();
    let mut out = Vec::new();
    let mut pending = Vec::new();
    // Kind, end token and clause start of each event's trigger, in order.
    let mut emitted: Vec<(&'static str, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < doc.toks.len() {
        // A CAMEO pattern spans its object words, which may hold a trigger of their own
        // (استمرت … وقتل): it does not consume them.
        let (h, next) = match lexicon_hit(doc, i) {
            Some(h) => {
                let j = h.j;
                (h, j)
            }
            None => match cameo_hit(doc, i) {
                Some(h) => (h, i + 1),
                None => {
                    i += 1;
                    continue;
                }
            },
        };
        // Part of an entity name (حزب العدالة, مجلس الأمن) is no trigger.
        if doc.covered(h.i) {
            i += 1;
            continue;
        }
        // أطلق عليه/عليها "…": naming, not firing (firing puts its object first: أطلق النار على).
        if h.subtype.starts_with("cameo")
            && stems(&doc.toks[h.i].norm)
                .iter()
                .any(|s| s.starts_with("اطلق"))
            && doc
                .toks
                .get(h.i + 1)
                .is_some_and(|t| matches!(t.norm.as_str(), "عليه" | "عليها" | "عليهم" | "عليهما"))
        {
            i += 1;
            continue;
        }
        // دعت الخارجية الله عز وجل أن …: a prayer, not a call on anyone. الاستشهاد بـ is citing.
        if (h.kind == "REQUEST" && prayer_after(doc, h.j))
            || citing(doc, &h)
            || in_attribution(doc, h.i)
        {
            i = next;
            continue;
        }
        // «التوقيع على اتفاق»، «وقّعت نور سلطان على اتفاق»: a trigger of the same kind governed by
        // a preposition just after an event's trigger, in its clause, is that event's object.
        // Not for violence: «الهجوم أسفر عن مقتل» tells the attack's toll, its own event.
        if let Some(&(kind, j, ca0)) = emitted.last() {
            if kind == h.kind
                && !matches!(kind, "ASSAULT" | "PROTEST" | "COERCE")
                && h.i > j
                && h.i <= j + 4
                && doc.clause_of(h.i).0 == ca0
                && preposition(&doc.toks[h.i - 1].norm)
            {
                i = next;
                continue;
            }
        }
        let mut h = h;
        if h.verb && h.kind == "SUPPORT" && backing_masdar(doc, h.i) {
            h.verb = false;
        }
        let frame = frame_of(doc, &h, true);
        if frame == Frame::Drop {
            i = next;
            continue;
        }
        let (ca, cb) = doc.clause_of(h.i);
        let mut sources: Vec<String> = Vec::new();
        let mut targets: Vec<String> = Vec::new();
        let mut location = None;
        let mut span = (doc.toks[h.i].start, doc.toks[h.j - 1].end);
        let agent = |k: usize| doc.input.mentions[k].kind;
        let push = |v: &mut Vec<String>, k: usize, span: &mut (usize, usize)| {
            let m = &doc.input.mentions[k];
            // «اعتقال أحد أقارب الأسد»: the relative is arrested, not the man named.
            if kin_before(doc, k)
                || patron_of_named(doc, k).is_some_and(|p| p != h.i)
                || nisba_of_named_org(doc, k)
            {
                return;
            }
            if !v.contains(&m.entity) {
                v.push(m.entity.clone());
            }
            span.0 = span.0.min(m.start);
            span.1 = span.1.max(m.end);
        };
        let push_found =
            |v: &mut Vec<String>, f: Found, span: &mut (usize, usize), actors: &mut Actors| match f
            {
                Found::Named(m) => push(v, m, span),
                Found::Described(a, s, e) => {
                    if let Some(id) = actors.id(doc, a, s, e) {
                        if !v.contains(&id) {
                            v.push(id);
                        }
                        span.0 = span.0.min(doc.toks[s].start);
                        span.1 = span.1.max(doc.toks[e - 1].end);
                    }
                }
            };
        let protestish = matches!(h.kind, "PROTEST" | "ASSAULT" | "COERCE");
        // Killing, wounding and arrest words take their patient right after them: as a noun
        // (مقتل 55 فلسطينياً) and as an unmarked passive verb (قتل ثمانية فلسطينيين، أصيب …).
        let genitive_agent = patient_genitive(&h.subtype) && agent_before_la(doc, &h, cb);
        // A verb-spelled killing or arrest word right after a preposition is its masdar
        // (احتجوا على قتل المدنيين اليمنيين: the civilians were killed; not من, "who").
        let after_preposition = h.i > 0
            && matches!(
                doc.toks[h.i - 1].norm.as_str(),
                "على" | "علي" | "ضد" | "عن" | "تجاه" | "إلى" | "الي" | "في"
            );
        let patient_first = patient_genitive(&h.subtype)
            && (!h.verb
                || after_preposition
                || doc.toks[h.i].norm.contains("صيب")
                || doc.toks[h.i].norm.contains("ستشهد")
                || doc.toks.get(h.j).is_some_and(|t| {
                    (quantifier(&t.norm) && t.norm != "من")
                        || t.punct
                        || preposition(&t.norm)
                        || matches!(
                            t.norm.as_str(),
                            "في" | "خلال"
                                | "برصاص"
                                | "جراء"
                                | "اثر"
                                | "بنيران"
                                | "امس"
                                | "اليوم"
                        )
                }))
            && !genitive_agent;
        // After an indefinite noun of force, ل is the owner's (غارات للتحالف، تعزيزات للحوثيين:
        // the coalition's raids), not the recipient's as after other nouns (زيارة لموسكو).
        let owner_la =
            !h.verb && !definite(&doc.toks[h.i].norm) && matches!(h.kind, "ASSAULT" | "MOBILIZE");
        // A noun of backing (دعم، تأييد، مساندة) takes the one backed as its genitive unless ل
        // names the one backed (دعم روسيا للنظام) or ب makes it "backed by" (بدعم روسيا وإيران):
        // ودعم الانفصاليين، دعم الرئيس الكازاخستاني.
        let backing_patient = !h.verb && h.kind == "SUPPORT" && backing_noun_patient(doc, &h, cb);
        // Right after the trigger: a nisba (التدخل الروسي) or a genitive/VSO subject.
        let mut k = h.j;
        let mut subject_taken = patient_first;
        // The end token of the last name taken as source, so a name joined to it by و shares
        // its role (بدعم روسيا وإيران).
        let mut last_source_end: Option<usize> = None;
        // The place read from a protest noun's genitive, which no fallback may make its source.
        let mut genitive_place: Option<String> = None;
        // Where the subject may start: right after the trigger, past title words (الرئيس …)
        // and quantifiers (مئات المعارضين).
        let mut subj_at = h.j;
        // A title that disagrees with the verb is its object, not its subject (احتجزت رئيس وزراء
        // لبنان سعد الحريري).
        // Only the past feminine ت is read: a ت- prefix is also the masculine past of form V
        // (توعد الرئيس، تعهد الوزير).
        let title_disagrees = h.verb
            && h.j < cb
            && is_title_word(&doc.toks[h.j].norm)
            && doc.toks[h.i].norm.ends_with('ت')
            && !(doc.toks[h.j].norm.ends_with('ه') || doc.toks[h.j].norm.ends_with("ات"));
        while !title_disagrees
            && subj_at < cb
            && subj_at < h.j + 4
            && (is_title_word(&doc.toks[subj_at].norm)
                || (subj_at > h.j
                    && is_title_word(&doc.toks[subj_at - 1].norm)
                    && title_time(&doc.toks[subj_at].norm))
                || (quantifier(&doc.toks[subj_at].norm) && doc.mention_at(subj_at).is_none())
                // «وقّعت العاصمة نور سلطان»: the capital named after the word "capital".
                || doc.toks[subj_at].norm == "العاصمه"
                // A portfolio after a title, right before a name (وزير الخارجية أنتوني
                // بلينكن، رئيس الوزراء …): still the title.
                || (subj_at > h.j
                    && is_title_word(&doc.toks[subj_at - 1].norm)
                    && definite(&doc.toks[subj_at].norm)
                    && !doc.covered(subj_at)
                    && doc.mention_at(subj_at + 1).is_some())
                // Or in construct with a state (وزير خارجية إيران، رئيس وزراء إسرائيل).
                || (subj_at > h.j
                    && is_title_word(&doc.toks[subj_at - 1].norm)
                    && !definite(&doc.toks[subj_at].norm)
                    && !doc.toks[subj_at].punct
                    && !doc.covered(subj_at)
                    && doc.mention_at(subj_at + 1).is_some_and(|n| {
                        let nm = &doc.input.mentions[n];
                        nm.form == MentionForm::Name && nm.kind == EntityType::Gpe
                    })))
        {
            subj_at += 1;
        }
        // The window for the subject and object grows by each name joined to the subject.
        let mut window_end = h.j + 4;
        // The place a verb of visiting went to, which no fallback may make its subject.
        let mut destination: Option<usize> = None;
        while k < cb && k < window_end {
            if doc.toks[k].punct || preposition(&doc.toks[k].norm) || doc.toks[k].norm == "في" {
                break;
            }
            if let Some(m) = doc.mention_at(k) {
                let mm = &doc.input.mentions[m];
                // A state's nisba after a title describes the person named next, who is the
                // subject or genitive (انتقد الرئيس الأمريكي جو بايدن روسيا، اتهم وزير الخارجية
                // الأمريكي أنتوني بلينكن): the state is not a party of its own. Backing nouns
                // decide this themselves below.
                if !subject_taken && !backing_patient && k > h.j && k <= h.j + 3 {
                    if let Some(p) = person_after_nisba(doc, m) {
                        if (h.j..k).all(|x| {
                            !doc.toks[x].punct
                                && !doc.covered(x)
                                && !doc.toks[x].norm.starts_with('ب')
                                && !doc.toks[x].norm.starts_with("لل")
                        }) && is_title_word(&doc.toks[h.j].norm)
                            && !title_disagrees
                        {
                            subj_at = subj_at.max(p);
                            window_end = window_end.max(p + 3);
                            k = doc.mtok[m].1 + 1;
                            continue;
                        }
                    }
                }
                // A place named right after a verb of visiting is where the visit went, not who
                // visited (زار إسرائيل، زارت كندا، زار العاصمة الكورية الشمالية): a state or city
                // does not visit.
                // So is one with ل glued on right after the noun (زيارة لوارسو).
                let visit_noun_to = !h.verb
                    && h.kind == "CONSULT"
                    && doc.toks[h.i].norm.contains("زياره")
                    && doc.toks[k].norm.starts_with('ل');
                if ((h.verb && visit_verb(&doc.toks[h.i].norm)) || visit_noun_to)
                    && is_place(mm.kind)
                    && (k == h.j || (k == h.j + 1 && doc.toks[h.j].norm == "العاصمه"))
                    && (mm.form != MentionForm::Adjective || k > h.j)
                {
                    push(&mut targets, m, &mut span);
                    destination = Some(m);
                    k = doc.mtok[m].1 + 1;
                    continue;
                }
                // So does one after the object's title (التقى نتنياهو الرئيس الروسي فلاديمير
                // بوتين، نظيره الروسي).
                if subject_taken
                    && !backing_patient
                    && k > h.j
                    && !doc.covered(k - 1)
                    && (is_title_word(&doc.toks[k - 1].norm) || counterpart(&doc.toks[k - 1].norm))
                {
                    if let Some(p) = person_after_nisba(doc, m) {
                        window_end = window_end.max(p + 3);
                        k = doc.mtok[m].1 + 1;
                        continue;
                    }
                }
                if is_agent(agent(m))
                    && k > h.j
                    && sources.is_empty()
                    && mm.form == MentionForm::Name
                    && matches!(
                        doc.toks[k - 1].norm.as_str(),
                        "بقياده" | "تقوده" | "يقوده" | "تقودها" | "يقودها"
                    )
                {
                    // «تدخل تحالف تقوده الولايات المتحدة»، «غارات التحالف بقيادة السعودية»: who
                    // leads the actor acts.
                    push(&mut sources, m, &mut span);
                    subject_taken = true;
                    last_source_end = Some(doc.mtok[m].1);
                } else if mm.form == MentionForm::Adjective
                    && !h.verb
                    && (matches!(h.kind, "SUPPORT" | "AID") || strike_noun(&h))
                    && (k == h.j
                        // Past one adjective of the noun's own (دعم جوي أميركي، الدعم الإعلامي
                        // الإيراني), not a genitive or a recipient (لدعم الجيش الصومالي، الدعم
                        // للمجتمع اللبناني).
                        || (k == h.j + 1
                            && doc.mention_at(h.j).is_none()
                            && !doc.toks[h.j].norm.starts_with(['ل', 'ب'])
                            && definite(&doc.toks[h.j].norm) == definite(&doc.toks[h.i].norm)
                            && !is_title_word(&doc.toks[h.j].norm)))
                    && sources.is_empty()
                    && is_agent(agent(m))
                {
                    // A state's nisba on backing or aid is its giver (بدعم جوي روسي), on a strike
                    // its striker (لقصف تركي، الغارات الجوية الإسرائيلية), not where it fell.
                    push(&mut sources, m, &mut span);
                    subject_taken = true;
                    last_source_end = Some(doc.mtok[m].1);
                } else if (mm.form == MentionForm::Adjective && protestish && is_place(mm.kind))
                    // A place as the genitive of a protest noun says where (احتجاجات
                    // كازاخستان: the protests in Kazakhstan), not who protested.
                    || (h.kind == "PROTEST"
                        && !h.verb
                        && k == h.j
                        && mm.form == MentionForm::Name
                        && is_place(mm.kind)
                        && !preposition_on(doc, m))
                    // So does a place named after a meeting noun (قمة سنغافورة، محادثات آستانا،
                    // اجتماع مكة): where it met, not who met (a visit's is where it went).
                    || (h.kind == "CONSULT"
                        && !h.verb
                        && k == h.j
                        && meeting_noun(&doc.toks[h.i].norm)
                        && matches!(mm.form, MentionForm::Name | MentionForm::Metonym)
                        && is_place(mm.kind)
                        && !preposition_on(doc, m))
                {
                    location = Some(mm.entity.clone());
                    if mm.form == MentionForm::Name {
                        genitive_place = Some(mm.entity.clone());
                    }
                    span.1 = span.1.max(mm.end);
                } else if backing_patient
                    && is_agent(agent(m))
                    && !preposition_on(doc, m)
                    // A nisba right on the noun is its agent (دعم روسي).
                    && !(mm.form == MentionForm::Adjective && k == h.j)
                {
                    // A nisba after a title describes the name that follows (دعم الرئيس
                    // الكازاخستاني قاسم جومارت توكاييف): the person is the one backed.
                    let describes_next = mm.form == MentionForm::Adjective
                        && k > h.j
                        && is_title_word(&doc.toks[k - 1].norm)
                        && doc.mention_at(doc.mtok[m].1 + 1).is_some();
                    if !describes_next && (targets.is_empty() || joined_by_wa(doc, m)) {
                        push(&mut targets, m, &mut span);
                    }
                    subject_taken = true;
                } else if is_agent(agent(m))
                    && !sources.is_empty()
                    && last_source_end.is_some_and(|e| e + 1 == k)
                    && joined_by_wa(doc, m)
                {
                    // و joins a second name to the source (أيدت مصر والسعودية، بدعم روسيا وإيران).
                    push(&mut sources, m, &mut span);
                    last_source_end = Some(doc.mtok[m].1);
                    window_end += doc.mtok[m].1 + 1 - k;
                } else if is_agent(agent(m)) && preposition_on(doc, m) && !owner_la {
                    // ل or ب glued on marks the object or recipient, never the subject or the
                    // genitive agent (دعمها لأذربيجان: Turkey backed Azerbaijan).
                    push(&mut targets, m, &mut span);
                } else if is_agent(agent(m))
                    && !subject_taken
                    && (k <= subj_at
                        // After a verb, a state's nisba on the noun after it says whose organ is
                        // the subject (أدانت وزارة الخارجية الأمريكية: the United States condemned).
                        || (h.verb
                            && mm.form == MentionForm::Adjective
                            && k <= h.j + 3
                            && subject_agrees(&doc.toks[h.i].norm, &doc.toks[h.j].norm)
                            && verb_opens_clause(doc, h.i, ca)
                            // Not across a noun with ب or ل on it (ندد الزعيمان بهجمات النظام
                            // الإيراني: the attacks' nisba).
                            && (h.j..k).all(|x| {
                                !doc.toks[x].norm.starts_with('ب')
                                    && !doc.toks[x].norm.starts_with("لل")
                            })))
                {
                    // The subject (or genitive agent) stands right after the trigger; a name
                    // after an intervening noun is that noun's complement (تؤيد قرار ترامب).
                    // A name after titles leaves the object its word of room after it.
                    if k > h.j && k <= subj_at {
                        window_end = window_end.max(doc.mtok[m].1 + 2);
                    }
                    push(&mut sources, m, &mut span);
                    subject_taken = true;
                    last_source_end = Some(doc.mtok[m].1);
                } else if is_agent(agent(m)) {
                    subject_taken = true;
                    // «استقالة الحكومة الكازاخية»، «استقال رئيس الوزراء هايلامارايام دي سالين»: who
                    // resigns concedes; the one resigned to is marked by ل (استقالتها للرئيس
                    // السيسي).
                    let to_whom = (h.j..doc.mtok[m].0).any(|x| doc.toks[x].norm.starts_with("لل"));
                    if h.subtype == "resignation" && !to_whom {
                        push(&mut sources, m, &mut span);
                    } else {
                        push(&mut targets, m, &mut span);
                    }
                }
                k = doc.mtok[m].1 + 1;
                continue;
            }
            // A title right before a name or nisba leaves room for the name it introduces
            // (not «المتحدث باسم أردوغان», which describes the name before).
            if (is_title_word(&doc.toks[k].norm) || counterpart(&doc.toks[k].norm))
                && doc.mention_at(k + 1).is_some()
            {
                window_end = window_end.max(k + 3);
            }
            k += 1;
        }
        // A described group as the VSO subject (تظاهر المئات من الناشطات) or, for patient
        // words, as the patient (مقتل متظاهرين).
        if sources.is_empty() && (!patient_first || targets.is_empty()) {
            if let Some(f) = actor_at(doc, h.j, cb)
                .filter(|f| owner_la || !matches!(f, Found::Named(m) if preposition_on(doc, *m)))
                .filter(|f| !matches!(f, Found::Named(m) if Some(*m) == destination))
            {
                if patient_first || (backing_patient && targets.is_empty()) {
                    push_found(&mut targets, f, &mut span, &mut actors);
                } else if h.verb || matches!(h.kind, "PROTEST") || genitive_agent {
                    push_found(&mut sources, f, &mut span, &mut actors);
                }
            }
        }
        // Two-sided violence (اشتباكات بين X وY): both sides are sources.
        if sources.is_empty() && h.subtype == "clash" {
            if let Some(b) = (h.j..(h.j + 3).min(cb)).find(|&k| doc.toks[k].norm == "بين") {
                let mut k = b + 1;
                while k < cb && k <= b + 8 {
                    if let Some(f) = actor_at(doc, k, cb) {
                        let end = match f {
                            Found::Named(m) => doc.mtok[m].1 + 1,
                            Found::Described(_, _, e) => e,
                        };
                        push_found(&mut sources, f, &mut span, &mut actors);
                        k = end.max(k + 1);
                        // The second side follows و.
                        if doc.toks.get(k).is_some_and(|t| t.norm == "و") {
                            k += 1;
                        }
                        continue;
                    }
                    if !doc.toks[k].norm.starts_with('و') {
                        k += 1;
                        continue;
                    }
                    // وقوات …: the conjunction glued to the second side.
                    k += 1;
                }
            }
        }
        // A CAMEO pattern spans its object (أطلقت القوات الإسرائيلية الرصاص): a VSO subject
        // stands between the verb and the object words.
        if sources.is_empty() && h.verb && h.subtype.starts_with("cameo") && h.j > h.i + 1 {
            if let Some(f) = actor_at(doc, h.i + 1, h.j.min(cb)) {
                push_found(&mut sources, f, &mut span, &mut actors);
            }
        }
        // Agent phrases (برصاص الجيش، على أيدي القوات، من قبل أحد المحتجين) name the source.
        let (_, sb) = doc.sentence_of(h.i);
        // After an active form-III verb (ساند، هاجم، حارب، واجه: its passive is spelt with و)
        // «من قبل» right after it is "before", not "by": «مثلما ساند من قبل ألكسندر لوكاشينكو».
        let before_not_by = h.verb
            && form_three_active(&doc.toks[h.i].norm)
            && doc.toks.get(h.j).is_some_and(|t| t.norm == "من")
            && doc.toks.get(h.j + 1).is_some_and(|t| t.norm == "قبل");
        let relatives = !h.verb || h.kind == "ASSAULT";
        if let Some(f) = by_phrase(doc, h.j, sb.min(h.j + 20), relatives).filter(|_| !before_not_by)
        {
            // The nisba of the agent's title is no party of its own (التي قام بها الرئيس التركي
            // رجب طيب أردوغان).
            if let Found::Named(m) = f {
                let a = doc.mtok[m].0;
                let nisba = (a.saturating_sub(2)..a)
                    .filter_map(|x| doc.mention_at(x))
                    .find(|&n| person_after_nisba(doc, n) == Some(a));
                if let Some(n) = nisba {
                    let id = &doc.input.mentions[n].entity;
                    targets.retain(|t| t != id);
                }
            }
            let before = sources.clone();
            let mut v = Vec::new();
            push_found(&mut v, f, &mut span, &mut actors);
            if !v.is_empty() {
                sources = v;
                for s in before {
                    if !targets.contains(&s) && !sources.contains(&s) {
                        targets.push(s);
                    }
                }
            }
        }
        // SVO or light verb before the trigger (قامت تركيا بعرض ...): the nearest actor, named
        // or described, in the same clause and after any complementiser (… إن أحد المهاجمين فجر).
        let asked_of = requested(doc, &h, ca);
        let asked_for = asked_of.is_some();
        // A masdar after «تم / يتم / جرى» is a passive: its agent is told only by «من قبل», and the
        // name before belongs to another phrase (في تأييد أردوغان تم طردها من الحزب).
        let passive = h.i > ca
            && matches!(
                doc.toks[h.i - 1].norm.as_str(),
                "تم" | "وتم" | "يتم" | "ويتم" | "سيتم" | "تمت" | "جري" | "وجري" | "يجري"
            );
        if sources.is_empty() && !passive && !(patient_first && h.verb) && asked_of != Some(false) {
            let mut from = h.i.saturating_sub(if h.verb { 6 } else { 4 }).max(ca);
            if let Some(c) = (from..h.i).rev().find(|&k| {
                matches!(
                    doc.toks[k].norm.as_str(),
                    "ان" | "بان" | "وان" | "انه" | "انها" | "الذي" | "التي" | "الذين"
                )
            }) {
                from = c + 1;
            }
            let light = (from..h.i).any(|p| doc.is(p, &lex.light));
            // A verb joined by و after a relative clause shares the main clause's subject, not the
            // relative clause's (نددت الولايات المتحدة بالهجمات التي شنتها إيران … وأيدت حق إسرائيل:
            // the United States backed Israel, not Iran).
            let after_relative = h.verb
                && doc.toks[h.i].norm.starts_with('و')
                && (ca..h.i).any(|k| {
                    matches!(
                        doc.toks[k].norm.as_str(),
                        "الذي" | "التي" | "الذين" | "اللذين" | "اللتين" | "اللذان" | "اللتان"
                    )
                });
            // Where the names and titles right before a verb joined by و begin (h.i if the verb
            // is not joined: وافق، وقّع begin with the letter).
            let np_start = if conjunction_wa(&doc.toks[h.i].norm) {
                let mut b = h.i;
                while b > ca && (doc.covered(b - 1) || is_title_word(&doc.toks[b - 1].norm)) {
                    b -= 1;
                }
                b
            } else {
                h.i
            };
            let found = (from..h.i).rev().filter(|_| !after_relative).find_map(|k| {
                // After a preposition or في a name is a complement (التظاهرات الأخيرة في
                // كازاخستان أجرى زيارة: Kazakhstan is where, not who).
                if k > 0 && (preposition(&doc.toks[k - 1].norm) || doc.toks[k - 1].norm == "في") {
                    return None;
                }
                match actor_at(doc, k, h.i) {
                    // ل or ب glued on marks a complement (الإحالة للمحكمة الجنائية الدولية مطالباً).
                    Some(Found::Named(m)) if preposition_on(doc, m) => None,
                    Some(Found::Named(m)) if doc.mtok[m].0 == k && doc.mtok[m].1 < h.i => {
                        let mm = &doc.input.mentions[m];
                        // A verb joined by و starts a conjunct: the names right before it end
                        // the one before (غياب القواعد الأميركية ووقف التعاون، مع رئيس السلطة
                        // الفلسطينية محمود عباس وندد), and are not its subject.
                        if h.verb && doc.mtok[m].1 >= np_start {
                            return None;
                        }
                        let ok = (mm.form != MentionForm::Adjective || h.verb)
                            && (h.verb || light || doc.mtok[m].1 + 1 == h.i);
                        ok.then_some(Found::Named(m))
                    }
                    Some(f @ Found::Described(_, s, _)) if s == k && h.verb => Some(f),
                    _ => None,
                }
            });
            if let Some(f) = found {
                push_found(&mut sources, f, &mut span, &mut actors);
            }
        }
        // Backing governed by a preposition is the backing of whoever the word before it
        // describes (بوتين الحريص على دعم زملائه، يسعى بوتين إلى دعم الرئيس).
        if sources.is_empty() && !h.verb && h.kind == "SUPPORT" && h.i >= ca + 2 {
            let p = h.i - 1;
            let pn = doc.toks[p].norm.as_str();
            if (preposition(pn) && pn != "مع" && pn != "من") || pn == "في" {
                let found = (p.saturating_sub(3).max(ca)..p).rev().find_map(|e| {
                    // The words between (الحريص، لم تعمل) must not themselves be named.
                    if (e + 1..p).any(|x| {
                        let n = doc.toks[x].norm.as_str();
                        doc.covered(x)
                            || doc.toks[x].punct
                            || preposition(n)
                            || n.starts_with("بال")
                            || n.starts_with("لل")
                    }) {
                        return None;
                    }
                    doc.mentions_in(ca, p).find(|&m| {
                        let mm = &doc.input.mentions[m];
                        doc.mtok[m].1 == e
                            && is_agent(mm.kind)
                            && mm.form == MentionForm::Name
                            && !preposition_on(doc, m)
                    })
                });
                if let Some(m) = found {
                    push(&mut sources, m, &mut span);
                }
            }
        }
        // A noun after a support verb (شنت القوات غارة، خرجت حشود في مظاهرات، بدأ الطلبة
        // تظاهرات): the verb's subject, after it or before it, is the event's source.
        if sources.is_empty() && !h.verb && !patient_first {
            // Between the verb and the noun only its subject and في may stand (خرجت حشود
            // في مظاهرات), no other preposition or time anchor (بدأت تضيق … غداة الانسحاب).
            let lv = (h.i.saturating_sub(8).max(ca)..h.i)
                .rev()
                .find(|&k| doc.is_word(k, support_verbs()))
                .filter(|&lv| {
                    (lv + 1..h.i).all(|k| {
                        let n = doc.toks[k].norm.as_str();
                        !doc.toks[k].punct
                            && !preposition(n)
                            && !matches!(
                                n,
                                "غداه"
                                    | "غداة"
                                    | "بعد"
                                    | "قبل"
                                    | "اثر"
                                    | "عقب"
                                    | "خلال"
                                    | "منذ"
                                    | "بالتزامن"
                            )
                    })
                });
            if let Some(lv) = lv {
                let found = actor_at(doc, lv + 1, h.i).or_else(|| {
                    (lv.saturating_sub(5).max(ca)..lv).rev().find_map(|k| {
                        if k > 0 && preposition(&doc.toks[k - 1].norm) {
                            return None;
                        }
                        match actor_at(doc, k, lv) {
                            Some(Found::Named(m)) if doc.mtok[m].0 == k => Some(Found::Named(m)),
                            Some(f @ Found::Described(_, s, _)) if s == k => Some(f),
                            _ => None,
                        }
                    })
                });
                if let Some(f) = found {
                    push_found(&mut sources, f, &mut span, &mut actors);
                }
            }
        }
        let mut far_source = false;
        // A protest with no actor of its own is the protesters' that the sentence names
        // (تدخلت قوات الأمن لقمع المتظاهرين، لكن لا تزال الاحتجاجات مستمرة).
        if sources.is_empty() && h.kind == "PROTEST" {
            let (sa, sb) = doc.sentence_of(h.i);
            let found = (sa..sb).find_map(|k| {
                let next = doc.toks.get(k + 1).map(|t| t.norm.as_str());
                agents::agent_at(&doc.toks[k].norm, next)
                    .filter(|(a, _)| a.protester)
                    .and_then(|_| actor_here(doc, k, sb))
            });
            // The evidence stays the trigger's own phrase: the group may stand far away.
            let mut keep = span;
            if let Some(f) = found {
                push_found(&mut sources, f, &mut keep, &mut actors);
                far_source = !sources.is_empty();
            }
        }
        // Prepositional targets and places after the trigger, up to a cause or time head: what
        // follows بسبب، إثر، بعد is the reason or the backdrop (هاجم ترامب ماكين بسبب تصويته ضد
        // محاولة الحزب الجمهوري), not who was attacked.
        let fw = frame_words();
        let mut k = h.j;
        while k < cb {
            let t = &doc.toks[k];
            // من قبل is the agent's "by", not "before".
            let agentive = t.norm == "قبل" && k > 0 && doc.toks[k - 1].norm == "من";
            if k > h.j && doc.is_word(k, &fw.background) && !agentive {
                break;
            }
            // So does a clause of another happening's time or cause: «بعد أن / قبل أن»، لأن، كي
            // (وانسحب ترامب من القمة بعد أن وجهت نائب وزير الخارجية … انتقادات إلى مايك بنس: Pence
            // is not the summit's). Not عندما / حين, which often tell the same happening again
            // («الهجوم الذي وقع في 2016 عندما هاجم قائد شاحنة سوقاً … في برلين»).
            let n = t.norm.trim_start_matches('و');
            if matches!(n, "لان" | "كي" | "لكي")
                || (matches!(n, "بعد" | "قبل")
                    && doc.toks.get(k + 1).is_some_and(|x| x.norm == "ان"))
            {
                break;
            }
            // A noun's arguments end where a verb starts another predicate (التحريض على
            // التظاهرات الأخيرة في كازاخستان أجرى زيارة إلى أنقرة: Ankara is the visit's).
            // A verb of the noun's own relative clause does not: after a relative pronoun
            // (الزيارة التي يقوم بها إلى القاهرة) or, in the indefinite clause that has none, with
            // the pronoun that points back to the noun (زيارة رسمية يقوم بها إلى باريس).
            let relative = matches!(
                doc.toks[k - 1].norm.as_str(),
                "الذي" | "التي" | "الذين" | "اللذين" | "اللتين" | "اللذان" | "اللتان"
            ) || doc
                .toks
                .get(k + 1)
                .is_some_and(|t| matches!(t.norm.as_str(), "بها" | "به" | "بهما" | "بهم"));
            if !h.verb
                && k > h.j
                && !relative
                && (doc.is_word(k, &lex.light)
                    || doc.is_word(k, &lex.speech)
                    || doc.is_word(k, support_verbs()))
            {
                break;
            }
            // A relative clause on a name describes that name (منظمة معاهدة الأمن الجماعي التي تضم
            // كلاً من روسيا وأرمينيا: the members are not the request's addressees).
            // A verb joined by و starts another predicate of the subject (ووجه اتهامات ومطالب ضد
            // الولايات المتحدة ورفض استبعاد أي غزو لأوكرانيا: Ukraine is not accused), and a
            // trigger of another kind heads the phrases after it (اندلاع المظاهرات … مقيداً لتضامن
            // الدول التركية مع كازاخستان: Kazakhstan is the solidarity's, not the protests'). Not
            // after requests and agreements, whose object is an act and whose addressee or
            // partner follows it (طلب الدعم والتدخل من المنظمة، اتفاقاً للتعاون مع الولايات المتحدة).
            let heads_others = matches!(h.kind, "PROTEST" | "ASSAULT" | "COERCE" | "ACCUSE");
            if k > h.j
                && lexicon_hit(doc, k).is_some_and(|x| {
                    x.i == k
                        && ((x.verb && t.norm.starts_with('و'))
                            || (heads_others && x.kind != h.kind && k > h.j + 1 && !doc.covered(k)))
                })
            {
                break;
            }
            // So does a participle that places or files the noun before it (إيطاليا المنتسبة
            // بدورها إلى الناتو، القاعدة القريبة من الأردن): what follows is not the event's.
            if k > h.j && describing_participle(&t.norm) {
                break;
            }
            if k > h.j && is_relative(&t.norm) && doc.covered(k - 1) {
                break;
            }
            let prep = preposition(&t.norm) || t.norm == "في";
            // من خلال / عبر name the channel, not the one acted on (التدخل الروسي من خلال منظمة
            // الأمن الجماعي: the intervention went through the alliance, into Kazakhstan).
            let channel = (t.norm == "من" && doc.toks.get(k + 1).is_some_and(|n| n.norm == "خلال"))
                || t.norm == "عبر";
            if prep || channel {
                // An attack's target may end a construct chain of two article-less nouns (على
                // مواقع تمركز ميليشيات الحوثي).
                let chain = h.kind == "ASSAULT"
                    && matches!(t.norm.as_str(), "على" | "علي" | "ضد")
                    && k + 3 < cb
                    // «على يد» is "at the hands of": the agent, not the target.
                    && !matches!(doc.toks[k + 1].norm.as_str(), "يد" | "ايدي")
                    && (k + 1..k + 3).all(|p| {
                        let t = &doc.toks[p];
                        !t.punct
                            && !definite(&t.norm)
                            && !preposition(&t.norm)
                            && !doc.covered(p)
                            && lexicon_hit(doc, p).is_none()
                    });
                let reach = if chain { k + 4 } else { k + 3 };
                if let Some(m) = (k + 1..reach.min(cb)).find_map(|p| doc.mention_at(p)) {
                    let mm = &doc.input.mentions[m];
                    if channel || in_parenthesis_after(doc, &h, mm.start) {
                        // Neither target nor place: a channel, or a definition said aside
                        // (منظمة الأمن الجماعي (تحالف عسكري في أوراسيا)).
                    } else if t.norm == "في" {
                        if is_place(mm.kind) && location.is_none() {
                            location = Some(mm.entity.clone());
                            span.1 = span.1.max(mm.end);
                        }
                    } else if t.norm == "من"
                        && !h.verb
                        && matches!(h.kind, "SUPPORT" | "AID")
                        && k <= h.j + 1
                        && mm.form != MentionForm::Adjective
                        && is_agent(mm.kind)
                    {
                        // Backing or aid from X is X's (طلب الدعم من المنظمة، تلقى دعماً من
                        // واشنطن): the giver, not the one backed. «بدعم من X» names the backer
                        // whatever name stands before it (ومقاومة إسرائيل بدعم من إيران).
                        let backed_by = k == h.j && doc.toks[h.i].norm.starts_with('ب');
                        if backed_by {
                            sources.clear();
                        }
                        if sources.is_empty() {
                            push(&mut sources, m, &mut span);
                        }
                    } else if is_agent(mm.kind)
                        && !sources.contains(&mm.entity)
                        && (t.norm != "من" || from_target(h.kind))
                    {
                        push(&mut targets, m, &mut span);
                    }
                    k = doc.mtok[m].1 + 1;
                    continue;
                }
            } else if let Some(m) = doc.mention_at(k) {
                // A mention with a preposition glued on (لأذربيجان, بروسيا).
                let mm = &doc.input.mentions[m];
                let raw = normalize_str(doc.input.text.get(mm.start..mm.end).unwrap_or(""));
                let glued = ["ل", "ب", "ول", "وب"].iter().any(|p| raw.starts_with(p))
                    && mm.form == MentionForm::Name;
                if glued && is_agent(mm.kind) && !sources.contains(&mm.entity) {
                    push(&mut targets, m, &mut span);
                }
                k = doc.mtok[m].1 + 1;
                continue;
            }
            k += 1;
        }
        let date = doc.input.dates.iter().find(|d| {
            d.evidence.iter().any(|e| {
                e.start >= doc.toks[ca].start
                    && e.end <= doc.toks[cb.max(ca + 1) - 1].end
                    && !aside_from(doc, &h, e.start)
            })
        });
        // A definite event noun with nothing of its own (no actor, place or date in its clause)
        // and no verb of happening beside it (اندلعت، شهدت، أسفر) refers back to a known event
        // or a kind of event (الاحتجاجات الأخيرة عنوانها اقتصادي): no new happening is told.
        let (clo, chi) = (doc.toks[ca].start, doc.toks[cb.max(ca + 1) - 1].end);
        // A source found only elsewhere in the sentence does not anchor the noun here.
        // A place or state alone (في سوريا، الغارات الإسرائيلية، الهجوم على عفرين) does not
        // anchor an attack noun: analysis prose names wars and strikes by where they are. An
        // actor that is not a place (a person, a group, a state's forces, a state named as the
        // attacker) does, and so do a date, a figure, a verb of happening or its own account.
        let attack_noun = h.kind == "ASSAULT" && !h.verb;
        let actorish = |id: &String, as_source: bool| anchoring_actor(doc, id, ca, cb, as_source);
        let local = (!sources.is_empty()
            && !far_source
            && (!attack_noun || sources.iter().any(|s| actorish(s, true))))
            || (!targets.is_empty()
                && (!attack_noun || targets.iter().any(|t| actorish(t, false))))
            || (location.is_some() && !attack_noun)
            || (attack_noun && attack_told(doc, &h, ca, cb))
            || date.is_some()
            || doc.quantity_within(clo, chi)
            || (h.i.saturating_sub(2).max(ca)..h.i).any(|k| doc.is(k, &lex.light));
        // Protest and attack nouns, definite or not, need an anchor of their own in their clause
        // (an actor, a place, a date, a figure, a verb of happening): a bare mention is
        // background or analysis (بسبب احتجاجات مماثلة، في ظل الاعتداءات).
        let place_in_clause = doc
            .mentions_in(ca, cb)
            .any(|m| is_place(doc.input.mentions[m].kind));
        // The adverbial احتجاجاً ("in protest") leans on the act it qualifies; a group right
        // after the noun (هجوماً للمتمردين) is its own actor.
        let strict = matches!(h.kind, "PROTEST" | "ASSAULT")
            && !matches!(doc.toks[h.i].norm.as_str(), "احتجاجا" | "تنديدا")
            && actor_at(doc, h.j, cb).is_none();
        if !h.verb
            && !local
            && (definite(&doc.toks[h.i].norm)
                || (strict && (attack_noun || !place_in_clause) && frame == Frame::Happening))
            && !happening_near(doc, &h, ca, cb)
        {
            i = next;
            continue;
        }
        if location.is_none() && protestish {
            let (sa, sb) = doc.sentence_of(h.i);
            let fits = |m: usize| {
                // A nisba after an agent noun (برصاص الجيش الإسرائيلي) says whose forces,
                // not where.
                let mm = &doc.input.mentions[m];
                let (a, _) = doc.mtok[m];
                let of_agent = mm.form == MentionForm::Adjective
                    && a > 0
                    && agents::agent_at(&doc.toks[a - 1].norm, None).is_some();
                // «من الجنسية البنغلاديشية»، «من أصول تركية»: a nationality or descent, not where
                // it happened.
                let nationality = mm.form == MentionForm::Adjective
                    && a > 0
                    && (doc.toks[a - 1].norm.contains("جنسي")
                        || matches!(
                            doc.toks[a - 1].norm.as_str(),
                            "اصول" | "اصل" | "الاصل" | "الاصول"
                        ));
                // «عقب عودته مباشرة من تركيا»، «التي تتخذ من لندن مقراً»: where someone came
                // from or sits, not where it happened («قريبة من تورينو» still is).
                let origin = a > 1
                    && doc.toks[a - 1].norm == "من"
                    && (a.saturating_sub(3)..a - 1).any(|x| {
                        let n = doc.toks[x].norm.trim_start_matches(['و', 'ف']);
                        n.starts_with("عود")
                            || n.starts_with("قادم")
                            || n.starts_with("القادم")
                            || n.starts_with("وصول")
                            || n.starts_with("تتخذ")
                            || n.starts_with("يتخذ")
                    });
                is_place(mm.kind)
                    && !of_agent
                    && !nationality
                    && !origin
                    && patron_of_named(doc, m).is_none()
                    && !nisba_of_named_org(doc, m)
                    && !sources.contains(&mm.entity)
            };
            // The nearest fitting place of the clause, else the first of the sentence: in the
            // clause the first is often another verb's subject («بينما أرسلت روسيا … إلى
            // كازاخستان لدعم السلطات بوجه الانتفاضة»); across a long sentence the nearest is as
            // often another phrase's (measured on the sample: «زيارة إلى أنقرة» for an arrest).
            let distance = |m: usize| {
                let (a, b) = doc.mtok[m];
                if b < h.i {
                    h.i - b
                } else {
                    a.saturating_sub(h.j - 1)
                }
            };
            let nearest = doc
                .mentions_in(ca, cb)
                .filter(|&m| fits(m))
                .min_by_key(|&m| distance(m));
            if let Some(m) = nearest.or_else(|| doc.mentions_in(sa, sb).find(|&m| fits(m))) {
                location = Some(doc.input.mentions[m].entity.clone());
            }
        }
        // Backing or aid received (حظيت روسيا بدعم الصين، الحكومة التي تتلقى دعماً من روسيا):
        // the receiver is its target, never its giver; the giver is named after it.
        // (Spelt as a verb, دعم right after a verb of receiving is the noun.)
        if let Some(r) = received(doc, &h, ca).filter(|_| matches!(h.kind, "SUPPORT" | "AID")) {
            if let Some(f) = receiver(doc, &h, r, ca) {
                let mut got = Vec::new();
                push_found(&mut got, f, &mut span, &mut actors);
                for id in got {
                    sources.retain(|s| *s != id);
                    if !targets.contains(&id) {
                        targets.insert(0, id);
                    }
                }
            }
            // The giver after «من» (دعماً عسكرياً من روسيا), which the noun's arguments took as its
            // object or left out.
            let from_tok = (h.j..(h.j + 4).min(cb)).find(|&k| doc.toks[k].norm == "من");
            if let Some(m) = from_tok.and_then(|k| doc.mention_at(k + 1)) {
                let mm = &doc.input.mentions[m];
                if is_agent(mm.kind) {
                    targets.retain(|t| *t != mm.entity);
                    if !sources.contains(&mm.entity) {
                        push(&mut sources, m, &mut span);
                    }
                }
            }
        }
        // Forces sent "from" someone (إرسال 2500 جندي من المنظمة) were sent by them.
        if sources.is_empty() && matches!(h.kind, "MOBILIZE" | "AID") {
            let from_tok = (h.j..cb).find(|&k| doc.toks[k].norm == "من");
            if let Some(m) =
                from_tok.and_then(|k| (k + 1..(k + 3).min(cb)).find_map(|p| doc.mention_at(p)))
            {
                let id = &doc.input.mentions[m].entity;
                if let Some(pos) = targets.iter().position(|t| t == id) {
                    sources.push(targets.remove(pos));
                }
            }
        }
        if let Some(g) = &genitive_place {
            sources.retain(|s| s != g);
        }
        targets.retain(|t| !sources.contains(t));
        // A named person "attacking" (شن الرئيس … هجوماً على الكويت، هاجم ترامب ماكين) is
        // criticising: violence is done by forces, groups and gunmen, not by a named politician.
        let is_person = |s: &String| doc.persons.contains(s.as_str());
        let person_source = (!sources.is_empty() && sources.iter().all(is_person))
            || (sources.is_empty() && !targets.is_empty() && targets.iter().all(is_person));
        if h.subtype == "attack" && person_source {
            i = next;
            continue;
        }
        // Refusing an act with no agent of its own is not doing it (رفضت التدخل في بيلاروس:
        // the alliance did not intervene). Only acts the refuser would do count: refusing a
        // request or sanctions (رفضت السلطات طلبا تقدمت به) or someone else's act (رفض الهجوم على
        // غزة) tells nothing of whether it happened, and violence is left to its own frames.
        // «أعلنت الكويت استشهاد جنديين»: who announces a martyrdom is the dead men's side, not
        // their killer.
        if !h.verb && doc.toks[h.i].norm.ends_with("استشهاد") {
            if let Some(v) =
                (h.i.saturating_sub(5).max(ca)..h.i).rfind(|&k| doc.is_word(k, &lex.speech))
            {
                let announcers: Vec<String> = doc
                    .mentions_in(v + 1, h.i)
                    .map(|m| doc.input.mentions[m].entity.clone())
                    .collect();
                sources.retain(|s| !announcers.contains(s));
            }
        }
        let refused = !h.verb
            && sources.is_empty()
            && (matches!(h.kind, "MOBILIZE" | "COOPERATE" | "CONSULT" | "AID" | "SUPPORT")
                // Refusing to sign is not signing; refusing an agreement is often refusing
                // one others made (مقديشو ترفض اتفاقا بين الإمارات وأرض الصومال).
                || (h.kind == "AGREE" && doc.toks[h.i].norm.contains("توقيع")))
            && (h.i.saturating_sub(2).max(ca)..h.i).any(|k| doc.is_word(k, refusal_words()));
        let mode = match (frame, mode_of(doc, &h, claims)) {
            _ if refused => Mode::Negated,
            (_, Mode::Negated) | (Frame::Negated, _) => Mode::Negated,
            (Frame::Hypothetical, _) => Mode::Hypothetical,
            _ if asked_for => Mode::Hypothetical,
            (_, m) => m,
        };
        if let Some(ev) = doc.ev(span.0, span.1) {
            if matches!(h.kind, "ASSAULT" | "PROTEST") {
                pending.push(Pending {
                    ev: out.len(),
                    h: Hit {
                        i: h.i,
                        j: h.j,
                        kind: h.kind,
                        subtype: h.subtype.clone(),
                        verb: h.verb,
                    },
                    ca,
                    cb,
                    patient_first,
                });
            }
            emitted.push((h.kind, h.j, ca));
            out.push(Event {
                id: String::new(),
                kind: h.kind.to_string(),
                subtype: Some(h.subtype.clone()),
                mode,
                sources,
                targets,
                location,
                date: date.map(|d| d.id.clone()),
                quantities: Vec::new(),
                evidence: vec![ev],
            });
        }
        i = next;
    }
    implied_protests(doc, claims, &mut out, &mut actors);
    (out, actors, pending)
}

/// A group of protesters acting or acted upon (ويطالب المتظاهرون، حمل محتجون لافتات، اعتقال
/// المحتجين) tells that a protest is happening even with no protest word: one PROTEST event per
/// sentence that has none, with the group as its source.
fn implied_protests(doc: &Doc<'_>, claims: &[Claim], out: &mut Vec<Event>, actors: &mut Actors) {
    // Where the protests told so far start, sorted: a sentence is looked up, not every event.
    let mut told: Vec<usize> = out
        .iter()
        .filter(|e| e.kind == "PROTEST")
        .map(|e| e.evidence[0].start)
        .collect();
    told.sort_unstable();
    for &(sa, sb) in &doc.stoks {
        let (lo, hi) = match (doc.toks.get(sa), doc.toks.get(sb.max(sa + 1) - 1)) {
            (Some(a), Some(b)) => (a.start, b.end),
            _ => continue,
        };
        let first = told.partition_point(|&x| x < lo);
        if told.get(first).is_some_and(|&x| x < hi) {
            continue;
        }
        for k in sa..sb {
            let next = doc
                .toks
                .get(k + 1)
                .filter(|_| k + 1 < sb)
                .map(|t| t.norm.as_str());
            let Some((a, len)) = agents::agent_at(&doc.toks[k].norm, next) else {
                continue;
            };
            // Only as a subject: the nominative plural (المتظاهرون) or the feminine plural,
            // never after a preposition (للمحتجين، من قبل المحتجين is someone else's act).
            let w = &doc.toks[k + len - 1].norm;
            let nominative = w.ends_with("ون") || w.ends_with("ات");
            if !a.protester || !nominative || (k > sa && preposition(&doc.toks[k - 1].norm)) {
                continue;
            }
            let h = Hit {
                i: k,
                j: k + len,
                kind: "PROTEST",
                subtype: "demonstration".to_string(),
                verb: false,
            };
            // The group is the subject of what precedes it, not governed by it (ويطالب
            // المتظاهرون is a demand by protesters, not a call for a protest).
            let frame = frame_of(doc, &h, false);
            if matches!(frame, Frame::Drop | Frame::Hypothetical) {
                continue;
            }
            let Some(id) = actors.id(doc, a, k, k + len) else {
                continue;
            };
            let Some(ev) = doc.ev(doc.toks[k].start, doc.toks[k + len - 1].end) else {
                continue;
            };
            let (ca, cb) = doc.clause_of(k);
            let location = doc
                .mentions_in(ca, cb)
                .chain(doc.mentions_in(sa, sb))
                .find(|&m| {
                    let mm = &doc.input.mentions[m];
                    is_place(mm.kind) && mm.form == MentionForm::Name
                })
                .map(|m| doc.input.mentions[m].entity.clone());
            let mode = match (frame, mode_of(doc, &h, claims)) {
                (Frame::Negated, _) => Mode::Negated,
                (_, m) => m,
            };
            out.push(Event {
                id: String::new(),
                kind: "PROTEST".to_string(),
                subtype: Some("demonstration".to_string()),
                mode,
                sources: vec![id],
                targets: Vec::new(),
                location,
                date: None,
                quantities: Vec::new(),
                evidence: vec![ev],
            });
            break;
        }
    }
}

/// Whether the figure at tokens `qs..qe` is a part of another figure or the whole one is a part
/// of: after بينهم/منهم/من أصل, or before (من) بين. Such a figure is not the toll of a happening.
fn part_or_whole(doc: &Doc<'_>, qs: usize, qe: usize) -> bool {
    static W: std::sync::OnceLock<[String; 7]> = std::sync::OnceLock::new();
    let [min, asl, bayn, baynahum, minhum, baynahun, baynaha] = W
        .get_or_init(|| ["من", "أصل", "بين", "بينهم", "منهم", "بينهن", "بينها"].map(normalize_str));
    let norm = |k: usize| doc.toks.get(k).map(|t| t.norm.as_str());
    let before = |n: usize| qs.checked_sub(n).and_then(norm);
    let after = |n: usize| norm(qe + n);
    let part_word = |w: Option<&str>| {
        w.is_some_and(|w| {
            [baynahum, minhum, baynahun, baynaha]
                .iter()
                .any(|x| x.as_str() == w)
        })
    };
    (before(1) == Some(asl.as_str()) && before(2) == Some(min.as_str()))
        || part_word(before(1))
        || after(0) == Some(bayn.as_str())
        || (after(0) == Some(min.as_str())
            && (after(1) == Some(bayn.as_str()) || part_word(after(1))))
}

/// Whether the death toll at tokens `qs..qe` (evidence starting at byte `start`) is an addition
/// to a toll told elsewhere: "مقتل 18 شخصاً آخرين" with no figure before it in its sentence
/// (after one, آخرين is "the others": قتل 4 وأصيب 30 آخرين; after the injured it is "besides the
/// dead": سقوط قتيل وإصابة 5 آخرين, so only deaths are taken).
fn addition(doc: &Doc<'_>, qs: usize, qe: usize, start: usize) -> bool {
    static W: std::sync::OnceLock<[String; 3]> = std::sync::OnceLock::new();
    let others = W.get_or_init(|| ["آخرين", "آخرون", "اخرين"].map(normalize_str));
    let (sa, sb) = doc.sentence_of(qs.min(doc.toks.len().saturating_sub(1)));
    // Right after the figure and its noun, not in the next conjunct (مقتل 11 شخصا وإصابة آخرين).
    let follows = (qe..(qe + 2).min(sb))
        .take_while(|&k| !doc.toks[k].norm.starts_with('و'))
        .any(|k| others.iter().any(|w| *w == doc.toks[k].norm));
    let sentence_start = doc.toks.get(sa).map_or(0, |t| t.start);
    follows
        && !doc.input.quantities.iter().any(|o| {
            o.evidence
                .first()
                .is_some_and(|e| e.start >= sentence_start && e.end <= start)
        })
}

/// Fills each quantity's `kind` (what it counts) from the words around it when the figure layer
/// left it `count`, and attaches casualty, arrest and troop figures to the nearest compatible event
/// of the same sentence.
fn figure_kinds(doc: &Doc<'_>, events: &mut [Event]) -> Vec<Quantity> {
    let lex = lexicon();
    let mut out = Vec::with_capacity(doc.input.quantities.len());
    for q in doc.input.quantities {
        let mut q = q.clone();
        let Some(ev) = q.evidence.first() else {
            out.push(q);
            continue;
        };
        let qs = doc.toks.partition_point(|t| t.end <= ev.start);
        let qe = doc.toks.partition_point(|t| t.start < ev.end);
        // Only counts of people (or of nothing said) can be casualties, arrests or troops: an
        // age (17 عاماً), a share or a sum is never one.
        let countable = matches!(
            q.unit.as_deref(),
            None | Some("person" | "soldier" | "fighter" | "family" | "case")
        );
        let of_people = |k: &str| {
            matches!(
                k,
                "killed" | "injured" | "arrested" | "troops" | "protesters" | "population"
            )
        };
        // A duration (خمس سنوات) counts time, whatever noun stands near it.
        let duration = matches!(
            q.unit.as_deref(),
            Some("year" | "month" | "week" | "day" | "hour" | "minute" | "decade")
        );
        // "107 من أصل 110 ركاب": the figure after من أصل is the whole the other is part of (the
        // passengers, not the dead).
        // "… بينهم 8 صحفيين", "27 من بين القتلى", "8 من بينهم", "18 شخصاً آخرين": a part of
        // another figure or an addition to it, not the toll.
        let part_whole =
            part_or_whole(doc, qs, qe) || (q.kind == "killed" && addition(doc, qs, qe, ev.start));
        let countable = countable && !part_whole;
        if part_whole && of_people(&q.kind) {
            q.kind = "count".to_string();
        }
        if q.kind == "count" && !duration {
            let (ca, cb) = doc.clause_of(qs.min(doc.toks.len().saturating_sub(1)));
            // After the figure, a kind word joined by و starts the next conjunct and counts the
            // next figure (وفاة 15 فلسطينياً وإصابة 1500): the window ends before it.
            let mut after_end = (qe + 3).min(cb);
            if let Some(k) = (qe..after_end).find(|&k| {
                doc.toks[k]
                    .norm
                    .strip_prefix('و')
                    .is_some_and(|w| stems(w).iter().any(|s| lex.figure_kinds.contains_key(*s)))
            }) {
                after_end = k;
            }
            // A sum of money names what it measures further back (رفع التبادل التجاري بين البلدين
            // إلى 10 مليارات دولار) than a head count does.
            let money = matches!(
                q.unit.as_deref(),
                Some(
                    "USD"
                        | "EUR"
                        | "RUB"
                        | "CNY"
                        | "pound"
                        | "riyal"
                        | "dirham"
                        | "dinar"
                        | "lira"
                        | "KZT"
                )
            );
            let reach = if money { 7 } else { 4 };
            let near = (qe..after_end).chain((qs.saturating_sub(reach).max(ca)..qs).rev());
            for k in near.chain(qs..qe) {
                if let Some(kind) = stems(&doc.toks[k].norm)
                    .iter()
                    .find_map(|s| lex.figure_kinds.get(*s))
                    .filter(|k| countable || !of_people(k))
                    // A sum is the value of an agreement or a project, not a count of them (اتفاق
                    // بقيمة 5 مليارات دولار، مشروع قانون ميزانية الدفاع … 716 مليار دولار).
                    .filter(|k| !(money && matches!(**k, "agreements" | "projects")))
                {
                    q.kind = (*kind).to_string();
                    break;
                }
            }
        }
        // Event types a figure of this kind belongs to, and the subtype that fits it best.
        if qs < doc.toks.len() {
            let (ca, cb) = doc.clause_of(qs);
            // A toll "since" a start (منذ 30 آذار، حصيلة، ارتفع إلى) is a running total, not
            // the figure of one happening: it is compared with totals only.
            // The marker may stand in a fronted phrase before the figure's clause (ومنذ بدء
            // التظاهرات …، قتل 49).
            let (sa, _) = doc.sentence_of(qs);
            if matches!(q.kind.as_str(), "killed" | "injured" | "arrested")
                && (sa.max(ca.saturating_sub(12))..cb)
                    .any(|k| doc.is_word(k, running_total_words()))
            {
                q.kind = format!("{}_total", q.kind);
            }
            // "… على الأقل" after the figure and its noun: a lower bound.
            if q.bound == marsad_picture::Bound::Exact
                && (qe..(qe + 3).min(cb)).any(|k| {
                    doc.toks[k].norm == "الاقل"
                        && k > 0
                        && matches!(doc.toks[k - 1].norm.as_str(), "علي" | "على")
                })
            {
                q.bound = marsad_picture::Bound::MoreThan;
            }
        }
        let (want, best_sub): (&[&str], &str) = match q.kind.as_str() {
            "killed" | "killed_total" => (&["ASSAULT", "PROTEST"], "killing"),
            "injured" | "injured_total" => (&["ASSAULT", "PROTEST"], "wounding"),
            "arrested" | "arrested_total" => (&["COERCE"], "arrest"),
            "troops" => (&["MOBILIZE", "AID"], "troop deployment"),
            "protesters" => (&["PROTEST"], "demonstration"),
            _ => (&[], ""),
        };
        if !want.is_empty() && qs < doc.toks.len() {
            let (sa, sb) = doc.sentence_of(qs);
            let (lo, hi) = (doc.toks[sa].start, doc.toks[sb.max(sa + 1) - 1].end);
            let best = events
                .iter_mut()
                .filter(|e| want.contains(&e.kind.as_str()))
                .filter(|e| e.evidence[0].start >= lo && e.evidence[0].end <= hi)
                .min_by_key(|e| {
                    // Prefer the fitting subtype, then the trigger before the figure
                    // (قتل … 164 شخصاً) over one after it.
                    let s = e.evidence[0].start;
                    let dist = if s <= ev.start {
                        ev.start - s
                    } else {
                        4 * (s - ev.start)
                    };
                    (e.subtype.as_deref() != Some(best_sub), dist)
                });
            if let Some(e) = best {
                e.quantities.push(q.id.clone());
                for a in e.location.iter().chain(e.targets.iter()) {
                    if !q.about.contains(a) {
                        q.about.push(a.clone());
                    }
                }
            }
        }
        out.push(q);
    }
    out
}

#[cfg(test)]
mod tests;
