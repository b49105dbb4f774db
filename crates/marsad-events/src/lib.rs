//! Per-document extraction of who did what to whom and who says so: PLOVER events, attributed
//! claims, relations stated in the text (membership lists, observers, agreements, alliances), and
//! what each figure counts.
//!
//! Pure: input is one document's working text (chrome blanked, same byte length as the original),
//! its sentence spans, the linker's entity mentions in it, and its quantities and dates. Every
//! evidence indexes that text. Triggers come from a general lexicon of Arabic event words
//! ([`lexicon`]) and the OEDA Arabic CAMEO verb dictionary ([`cameo`]), never from particular
//! documents.

pub mod cameo;
mod claims;
pub mod lexicon;
mod relations;

use marsad_picture::{
    Claim, DateMention, Diagnostic, EntityType, Event, Evidence, MentionForm, Mode, Quantity,
    Relation, Severity,
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
        (
            Doc {
                input,
                toks,
                mtok,
                stoks,
            },
            diags,
        )
    }

    pub fn ev(&self, start: usize, end: usize) -> Option<Evidence> {
        Evidence::new(self.input.doc, self.input.text, start, end)
    }

    /// Token range of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> (usize, usize) {
        self.stoks
            .iter()
            .copied()
            .find(|&(a, b)| a <= i && i < b)
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
        self.mtok
            .iter()
            .enumerate()
            .filter(move |(_, &(s, _))| s >= a && s < b)
            .map(|(k, _)| k)
    }

    /// Mention starting at token `i`, if any.
    pub fn mention_at(&self, i: usize) -> Option<usize> {
        self.mtok.iter().position(|&(s, _)| s == i)
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
    let (claims, d) = claims::extract(&doc);
    diags.extend(d);
    let mut events = find_events(&doc, &claims);
    let mut quantities = figure_kinds(&doc, &mut events);
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
        },
        diags,
    )
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
    let objs: Vec<String> = objects.iter().map(|o| normalize_str(o)).collect();
    (j..(j + 6).min(doc.toks.len())).any(|k| {
        !doc.toks[k].punct
            && stems(&doc.toks[k].norm)
                .iter()
                .any(|s| objs.iter().any(|o| o == s))
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
            let nominal =
                s.len() < t.norm.len() && !t.norm.starts_with('و') && !t.norm.starts_with('ف')
                    || t.norm.starts_with("ال");
            // A verb takes no pronoun suffix here: وزارة must not read as و + زار + ة.
            let suffixed = !t.norm.ends_with(s);
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
            if let Some(tr) = pick {
                let mut h = hit(i, i + 1, tr);
                if nominal {
                    h.verb = false;
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
    for s in forms {
        // Speech verbs make claims, not events (قال … اتفاق is a statement about an agreement).
        if CAMEO_STOP.iter().any(|w| normalize_str(w) == s)
            || lexicon().speech.iter().any(|w| w == s)
        {
            return None;
        }
        let Some(v) = c.verbs.get(s) else { continue };
        let window: Vec<Vec<&str>> = (i + 1..(i + 5).min(doc.toks.len()))
            .map(|k| stems(&doc.toks[k].norm))
            .collect();
        for p in &v.patterns {
            // Intent to cooperate (03x) and statements (01x) are no happenings.
            if p.code.starts_with("03") {
                continue;
            }
            let mut from = 0;
            let ok = p.slots.iter().all(|slot| {
                match window[from..]
                    .iter()
                    .position(|w| w.iter().any(|x| slot.iter().any(|s| s == x)))
                {
                    Some(k) => {
                        from += k + 1;
                        true
                    }
                    None => false,
                }
            });
            if ok {
                if let Some(kind) = cameo::plover(&p.code) {
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

fn mode_of(doc: &Doc<'_>, h: &Hit, claims: &[Claim]) -> Mode {
    let lex = lexicon();
    let (ca, _) = doc.clause_of(h.i);
    let (sa, sb) = doc.sentence_of(h.i);
    let from = h.i.saturating_sub(3).max(ca);
    if (from..h.i).any(|k| doc.is(k, &lex.negation)) {
        return Mode::Negated;
    }
    let hyp_from = h.i.saturating_sub(5).max(ca);
    // قد before an imperfect verb is "may"; before a past verb it only stresses.
    let may = |k: usize| {
        matches!(doc.toks[k].norm.as_str(), "قد" | "وقد" | "فقد")
            && doc
                .toks
                .get(k + 1)
                .is_some_and(|n| n.norm.starts_with(['ي', 'ت', 'ن']))
    };
    if (hyp_from..h.i).any(|k| doc.is(k, &lex.hypothetical) || may(k)) {
        return Mode::Hypothetical;
    }
    if (sa..h.i).any(|k| doc.is(k, &lex.claimed)) {
        return Mode::Claimed;
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

fn find_events(doc: &Doc<'_>, claims: &[Claim]) -> Vec<Event> {
    let lex = lexicon();
    let mut out = Vec::new();
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
        if doc
            .mtok
            .iter()
            .any(|&(a, b)| a <= h.i && h.i <= b && b != usize::MAX)
        {
            i += 1;
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
            if !v.contains(&m.entity) {
                v.push(m.entity.clone());
            }
            span.0 = span.0.min(m.start);
            span.1 = span.1.max(m.end);
        };
        let protestish = matches!(h.kind, "PROTEST" | "ASSAULT" | "COERCE");
        // Right after the trigger: a nisba (التدخل الروسي) or a genitive/VSO subject.
        let mut k = h.j;
        let mut subject_taken = false;
        // Where the subject may start: right after the trigger, past title words (الرئيس …).
        let mut subj_at = h.j;
        while subj_at < cb && is_title_word(&doc.toks[subj_at].norm) {
            subj_at += 1;
        }
        while k < cb && k < h.j + 4 {
            if doc.toks[k].punct || preposition(&doc.toks[k].norm) || doc.toks[k].norm == "في" {
                break;
            }
            if let Some(m) = doc.mention_at(k) {
                let mm = &doc.input.mentions[m];
                if mm.form == MentionForm::Adjective && protestish && is_place(mm.kind) {
                    location = Some(mm.entity.clone());
                    span.1 = span.1.max(mm.end);
                } else if is_agent(agent(m)) && !subject_taken && k <= subj_at {
                    // The subject (or genitive agent) stands right after the trigger; a name
                    // after an intervening noun is that noun's complement (تؤيد قرار ترامب).
                    push(&mut sources, m, &mut span);
                    subject_taken = true;
                } else if is_agent(agent(m)) {
                    subject_taken = true;
                    push(&mut targets, m, &mut span);
                }
                k = doc.mtok[m].1 + 1;
                continue;
            }
            k += 1;
        }
        // SVO or light verb before the trigger (قامت تركيا بعرض ...).
        if sources.is_empty() {
            let from = h.i.saturating_sub(if h.verb { 6 } else { 4 }).max(ca);
            if let Some(m) = doc
                .mentions_in(from, h.i)
                .filter(|&m| is_agent(agent(m)) && doc.mtok[m].1 < h.i)
                .filter(|&m| doc.input.mentions[m].form != MentionForm::Adjective || h.verb)
                .last()
            {
                let before_prep = (doc.mtok[m].0.saturating_sub(1)..doc.mtok[m].0)
                    .any(|p| preposition(&doc.toks[p].norm));
                let light = (from..h.i).any(|p| doc.is(p, &lex.light));
                if !before_prep && (h.verb || light || doc.mtok[m].1 + 1 == h.i) {
                    push(&mut sources, m, &mut span);
                }
            }
        }
        // Prepositional targets and places after the trigger.
        let mut k = h.j;
        while k < cb {
            let t = &doc.toks[k];
            let prep = preposition(&t.norm) || t.norm == "في";
            if prep {
                if let Some(m) = (k + 1..(k + 3).min(cb)).find_map(|p| doc.mention_at(p)) {
                    let mm = &doc.input.mentions[m];
                    if t.norm == "في" {
                        if is_place(mm.kind) && location.is_none() {
                            location = Some(mm.entity.clone());
                            span.1 = span.1.max(mm.end);
                        }
                    } else if is_agent(mm.kind) && !sources.contains(&mm.entity) {
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
        if location.is_none() && protestish {
            let (sa, sb) = doc.sentence_of(h.i);
            if let Some(m) = doc
                .mentions_in(ca, cb)
                .chain(doc.mentions_in(sa, sb))
                .find(|&m| is_place(agent(m)) && !sources.contains(&doc.input.mentions[m].entity))
            {
                location = Some(doc.input.mentions[m].entity.clone());
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
        targets.retain(|t| !sources.contains(t));
        let date = doc.input.dates.iter().find(|d| {
            d.evidence
                .iter()
                .any(|e| e.start >= doc.toks[ca].start && e.end <= doc.toks[cb.max(ca + 1) - 1].end)
        });
        let mode = mode_of(doc, &h, claims);
        if let Some(ev) = doc.ev(span.0, span.1) {
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
    out
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
        if q.kind == "count" {
            let (ca, cb) = doc.clause_of(qs.min(doc.toks.len().saturating_sub(1)));
            let near = (qe..(qe + 3).min(cb)).chain((qs.saturating_sub(4).max(ca)..qs).rev());
            for k in near.chain(qs..qe) {
                if let Some(kind) = stems(&doc.toks[k].norm)
                    .iter()
                    .find_map(|s| lex.figure_kinds.get(*s))
                {
                    q.kind = (*kind).to_string();
                    break;
                }
            }
        }
        // Event types a figure of this kind belongs to, and the subtype that fits it best.
        let (want, best_sub): (&[&str], &str) = match q.kind.as_str() {
            "killed" => (&["ASSAULT", "PROTEST"], "killing"),
            "injured" => (&["ASSAULT", "PROTEST"], "wounding"),
            "arrested" => (&["COERCE"], "arrest"),
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
