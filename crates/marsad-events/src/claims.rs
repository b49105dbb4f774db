//! Attributed speech: speech verb + speaker + content (a quote, an أنّ-clause, or what follows a
//! colon), post-posed sources (حسبما ذكرت X، وفقاً لـX، على حد وصف X), and reporting chains.

use marsad_picture::{Claim, Diagnostic, MentionForm};

use std::collections::HashMap;
use std::sync::OnceLock;

use marsad_picture::EntityType;

use crate::agents::Agent;
use crate::lexicon::lexicon;
use crate::{actor_at, is_agent, Actors, Doc, Found};

/// `أن/إن` with optional و/ب/ف and a pronoun suffix (بأنها، وأنه، أننا).
fn is_anna(norm: &str) -> bool {
    let s = norm
        .strip_prefix('و')
        .or_else(|| norm.strip_prefix('ف'))
        .unwrap_or(norm);
    let s = s.strip_prefix('ب').unwrap_or(s);
    matches!(
        s,
        "ان" | "انه" | "انها" | "انهم" | "انهما" | "اننا" | "انني"
    )
}

fn is_quote_open(c: char) -> Option<char> {
    match c {
        '“' => Some('”'),
        '«' => Some('»'),
        '"' => Some('"'),
        '„' => Some('“'),
        _ => None,
    }
}

/// Preposition directly before a mention: then it is no speaker (في كازاخستان).
fn after_preposition(doc: &Doc<'_>, tok: usize) -> bool {
    tok > 0
        && matches!(
            doc.toks[tok - 1].norm.as_str(),
            "في" | "من" | "الي" | "على" | "علي" | "عن" | "مع" | "ضد" | "لدي" | "حول"
        )
}

/// Media nouns: a place name after them names an outlet (صحيفة “نيويورك تايمز”), not a speaker.
const MEDIA: &[&str] = &["صحيفه", "وكاله", "قناه", "موقع", "مجله", "اذاعه", "تلفزيون"];

/// The best speaker among candidate mentions (in preference order): a person or organisation
/// named outright beats a state, which beats a nisba (العالم السياسي الروسي X → X, not Russia).
fn best_speaker(doc: &Doc<'_>, cands: impl Iterator<Item = usize>) -> Option<usize> {
    let rank = |m: usize| {
        let mm = &doc.input.mentions[m];
        let media = (doc.mtok[m].0.saturating_sub(2)..doc.mtok[m].0)
            .any(|p| MEDIA.iter().any(|w| doc.toks[p].norm.ends_with(w)));
        match (mm.kind, mm.form) {
            _ if !is_agent(mm.kind) => None,
            (_, MentionForm::Adjective) => Some(3),
            (marsad_picture::EntityType::Gpe, _) if media => None,
            (marsad_picture::EntityType::Per | marsad_picture::EntityType::Org, _) => Some(0),
            _ => Some(1),
        }
    };
    cands
        .filter_map(|m| rank(m).map(|r| (r, m)))
        .enumerate()
        .min_by_key(|&(i, (r, _))| (r, i))
        .map(|(_, (_, m))| m)
}

const fn reporter(en: &'static str, kind: EntityType) -> Agent {
    Agent {
        en,
        kind,
        protester: false,
    }
}

/// Nouns that stand for a speaker without naming it (ذكرت تقارير صحفية، وسائل الإعلام … وصفت,
/// قال مسؤولون), one or two words, as written.
const REPORTERS: &[(&[&str], Agent)] = &[
    (&["تقارير", "تقرير"], reporter("reports", EntityType::Misc)),
    (&["مصادر", "مصدر"], reporter("sources", EntityType::Misc)),
    (
        &["وسائل الإعلام", "وسائل إعلام", "الإعلام", "وسائل الاعلام"],
        reporter("media", EntityType::Org),
    ),
    (
        &["مسؤولون", "مسؤولين", "مسؤول", "مسئولون", "مسئولين", "مسئول"],
        reporter("officials", EntityType::Misc),
    ),
    (
        &[
            "محللون",
            "محللين",
            "خبراء",
            "مراقبون",
            "مراقبين",
            "باحثون",
            "باحثين",
        ],
        reporter("analysts", EntityType::Misc),
    ),
    (&["شهود", "شاهد"], reporter("witnesses", EntityType::Misc)),
    (
        &["الحكومة", "حكومة"],
        reporter("government", EntityType::Org),
    ),
    (
        &[
            "المتحدث",
            "المتحدثة",
            "الناطق",
            "الناطقة",
            "متحدث",
            "متحدثة",
            "ناطق",
        ],
        reporter("spokesperson", EntityType::Per),
    ),
    (&["الوزارة", "وزارة"], reporter("ministry", EntityType::Org)),
    (&["الشرطة"], reporter("police", EntityType::Org)),
    (
        &["دبلوماسيون", "دبلوماسيين", "دبلوماسي"],
        reporter("diplomats", EntityType::Misc),
    ),
    (
        &[
            "وزير",
            "وزيرة",
            "رئيس",
            "رئيسة",
            "نائب",
            "نائبة",
            "مساعد",
            "مساعدة",
            "مدير",
            "مديرة",
            "أمين",
            "سفير",
            "سفيرة",
            "مندوب",
            "مندوبة",
            "ممثل",
            "ممثلة",
            "قائد",
            "زعيم",
            "زعيمة",
            "مستشار",
            "مستشارة",
            "عضو",
            "محافظ",
            "حاكم",
            "عمدة",
            "سيناتور",
            "المدعي",
            "رئيسي",
        ],
        reporter("office holder", EntityType::Per),
    ),
    (
        &[
            "صحيفة",
            "وكالة",
            "قناة",
            "تلفزيون",
            "مجلة",
            "إذاعة",
            "شبكة",
            "موقع",
            "صحيفتا",
        ],
        reporter("outlet", EntityType::Org),
    ),
    (&["بيان"], reporter("statement", EntityType::Misc)),
    (&["مكتب"], reporter("office", EntityType::Org)),
    (&["الشركة"], reporter("company", EntityType::Org)),
    (&["المرصد"], reporter("observatory", EntityType::Org)),
    (&["الهيئة"], reporter("authority", EntityType::Org)),
    (&["المختبر"], reporter("laboratory", EntityType::Org)),
];

/// Normalised reporter nouns (without the article) → meaning.
fn reporters() -> &'static HashMap<String, Agent> {
    static R: OnceLock<HashMap<String, Agent>> = OnceLock::new();
    R.get_or_init(|| {
        let mut m = HashMap::new();
        for (forms, a) in REPORTERS {
            for f in *forms {
                let n = marsad_text::normalize_str(f);
                let n = n.strip_prefix("ال").unwrap_or(&n).to_string();
                m.insert(n, *a);
            }
        }
        m
    })
}

/// Words after which a noun phrase starts a clause in subject position (كما أن وسائل الإعلام …).
fn opens_subject(norm: &str) -> bool {
    matches!(
        norm,
        "ان" | "وان"
            | "فان"
            | "لان"
            | "كما"
            | "و"
            | "بينما"
            | "حيث"
            | "لكن"
            | "ولكن"
            | "اذ"
            | "ثم"
    )
}

/// A speaker that is described, not named, whose phrase starts at token `k` (before `cb`): an
/// agent noun (السلطات، المتظاهرون, or the state of a nisba after it) or a reporter noun.
fn described_at(doc: &Doc<'_>, k: usize, cb: usize) -> Option<Found> {
    if k >= cb || doc.toks[k].punct {
        return None;
    }
    if let Some(f) = actor_at(doc, k, cb) {
        return match f {
            Found::Named(m) if bracketed(doc, m) || addressee(doc, m) => None,
            f => Some(f),
        };
    }
    let strip = |n: &str| n.strip_prefix("ال").unwrap_or(n).to_string();
    let one = strip(doc.toks[k].norm.as_str());
    let (a, len) = match doc.toks.get(k + 1).filter(|_| k + 1 < cb) {
        Some(t) => match reporters().get(&format!("{one} {}", t.norm)) {
            Some(a) => (*a, 2),
            None => (*reporters().get(&one)?, 1),
        },
        None => (*reporters().get(&one)?, 1),
    };
    // الحكومة البريطانية: a government or ministry stands for its state; مسؤول أمريكي، وسائل
    // إعلام إسرائيلية are described speakers of that state, not the state.
    if let Some(m) = doc.mention_at(k + len).filter(|_| k + len < cb) {
        let mm = &doc.input.mentions[m];
        if mm.form == MentionForm::Adjective && matches!(mm.kind, EntityType::Gpe | EntityType::Org)
        {
            if matches!(a.en, "government" | "ministry") {
                return Some(Found::Named(m));
            }
            return Some(Found::Described(a, k, doc.mtok[m].1 + 1));
        }
    }
    Some(Found::Described(a, k, k + len))
}

/// Byte offset in `rest` of the mark closing a quote, skipping nested pairs of the same kind
/// (“… “مؤامرة غربية” …”).
/// The character before byte `at` belongs to a word or its punctuation (not a space, a line
/// start, an opening bracket or a colon).
fn glued_to_word_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace() && !matches!(c, ':' | '(' | '[' | '«' | '"'))
}

fn closing(rest: &str, open: char, close: char) -> Option<usize> {
    if open == close {
        return rest.find(close);
    }
    let mut depth = 0usize;
    for (i, ch) in rest.char_indices() {
        if ch == open {
            depth += 1;
        } else if ch == close {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
        }
    }
    None
}

struct Content {
    start: usize,
    end: usize,
    /// Where the attribution's evidence ends (closing quote included).
    outer_end: usize,
    /// First token after the content's opener (quote, أن, colon).
    opener_tok: usize,
}

/// The impersonal passive at token `k` opens the writer's own note, not a speaker's words:
/// «يُذكر أن»، «ويُشار إلى أن»، «الجدير بالذكر أن»، «تجدر الإشارة إلى أن».
fn writers_note(doc: &Doc<'_>, k: usize) -> bool {
    let n = doc.toks[k].norm.trim_start_matches(['و', 'ف']);
    let next = doc.toks.get(k + 1).map_or("", |t| t.norm.as_str());
    let next2 = doc.toks.get(k + 2).map_or("", |t| t.norm.as_str());
    let that = |w: &str| matches!(w, "ان" | "انه" | "انها" | "بان");
    match n {
        "يذكر" => that(next),
        "يشار" => that(next) || (next == "الي" && that(next2)),
        "الجدير" => next == "بالذكر",
        "تجدر" | "يجدر" => next == "الاشاره",
        _ => false,
    }
}

/// The belief verb at `k` (يعتبر، يرى، يعتقد …) is hedged right after it (على الأرجح، ربما، على
/// ما يبدو): the writer guesses what someone thinks; nobody said it.
fn hedged_belief(doc: &Doc<'_>, k: usize) -> bool {
    let verb = doc.toks[k].norm.trim_start_matches(['و', 'ف']);
    let belief = matches!(
        verb,
        "يعتبر"
            | "تعتبر"
            | "اعتبر"
            | "اعتبرت"
            | "يري"
            | "تري"
            | "يعتقد"
            | "تعتقد"
            | "يظن"
            | "تظن"
    );
    let next = doc.toks.get(k + 1).map_or("", |t| t.norm.as_str());
    let next2 = doc.toks.get(k + 2).map_or("", |t| t.norm.as_str());
    belief
        && (next == "ربما"
            || (matches!(next, "على" | "علي") && matches!(next2, "الارجح" | "ما"))
            || next == "غالبا")
}

/// Token `k` opens the writer's comment on the clause before it: مما, ما + a verb of showing or
/// making (ما يجعل، ما يشير، ما يعني), وهو ما / وهذا ما, الأمر الذي.
fn writer_comment_at(doc: &Doc<'_>, k: usize) -> bool {
    let n = doc.toks[k].norm.as_str();
    let next = doc.toks.get(k + 1).map_or("", |t| t.norm.as_str());
    match n {
        // مما نتج عنه / مما أدى إلى: what the reported act caused, still the speaker's.
        "مما" => !matches!(next, "نتج" | "ادي" | "اسفر" | "تسبب" | "خلف"),
        "ما" => matches!(
            next,
            "يجعل"
                | "يشير"
                | "يعني"
                | "يؤكد"
                | "يدل"
                | "يكشف"
                | "يعكس"
                | "يوضح"
                | "يؤشر"
                | "يفسر"
        ),
        "وهو" | "وهذا" | "وهي" => next == "ما",
        "الامر" | "والامر" => next == "الذي",
        _ => false,
    }
}

/// Finds the content after a speech verb at token `v` within the sentence `..sb`.
fn content_after(doc: &Doc<'_>, v: usize, sb: usize) -> Option<Content> {
    let text = doc.input.text;
    let sent_end = doc.toks[sb.max(v + 1) - 1].end;
    let limit = (v + 24).min(sb);
    let lex = lexicon();
    let mut k = v + 1;
    while k < limit {
        let t = &doc.toks[k];
        if doc.is_word(k, &lex.speech) {
            return None;
        }
        let raw = text.get(t.start..t.end).unwrap_or("");
        // A straight quote written onto the word before it (إسرائيل،") closes a quote that
        // opened before the verb; read as an opener it would pair with the next quote, lines on.
        if raw.starts_with('"') && glued_to_word_before(text, t.start) {
            k += 1;
            continue;
        }
        if let Some(close) = raw.chars().next().and_then(is_quote_open) {
            let from = t.start + raw.chars().next().map_or(1, char::len_utf8);
            let rest = text
                .get(from..(from + 4000).min(text.len()))
                .or_else(|| text.get(from..))?;
            let rel = closing(rest, raw.chars().next().unwrap_or('"'), close)
                .unwrap_or_else(|| sent_end.saturating_sub(from).min(rest.len()));
            let end = from + rel;
            if end <= from {
                return None;
            }
            // A short quoted name inside the attribution (في “اندبندنت عربية”، قمة "…") is not
            // the content when an opener still follows.
            let words = text.get(from..end).unwrap_or("").split_whitespace().count();
            let after = doc
                .toks
                .partition_point(|t| t.start < end + close.len_utf8());
            let after_word = k > v + 1 && !doc.toks[k - 1].punct;
            // So is a quoted name right after the verb: the speaker (ونقلت "فرانس برس" عن مصدر
            // عسكري أن …), whose words come after it.
            let quoted_name = doc
                .input
                .mentions
                .iter()
                .any(|m| m.start <= from && end <= m.end && m.end <= end + close.len_utf8());
            if words <= 4 && (after_word || quoted_name) {
                if after < limit && after > k {
                    k = after;
                    continue;
                }
                return None;
            }
            return Some(Content {
                start: from,
                end,
                outer_end: end
                    + if rel < rest.len() {
                        close.len_utf8()
                    } else {
                        0
                    },
                opener_tok: k,
            });
        }
        if t.punct && t.norm == ":" {
            // A colon then a quote: the quote is the content.
            let next_is_quote = doc.toks.get(k + 1).is_some_and(|n| {
                text.get(n.start..n.end)
                    .and_then(|r| r.chars().next())
                    .and_then(is_quote_open)
                    .is_some()
            });
            if next_is_quote {
                k += 1;
                continue;
            }
        }
        if is_anna(&t.norm) || (t.punct && t.norm == ":") {
            let start = doc.toks.get(k + 1).map(|n| n.start)?;
            if start >= sent_end {
                return None;
            }
            // A quote right after أن: keep the whole clause, quotes included. The writer's own
            // comment on what was said (… ما يجعل الاتهامات تتجه نحو تركيا، مما يعني) ends it,
            // and so does the main clause of a concession the verb stands in (على الرغم من أن …
            // التقارير التي ترجح أن …، فإن الرئيس الروسي …).
            let (sa, _) = doc.sentence_of(v);
            let conceded = (sa..v).any(|p| {
                matches!(
                    doc.toks[p].norm.trim_start_matches(['و', 'ف']),
                    "رغم" | "الرغم" | "برغم"
                )
            }) && !(sa..v).any(|p| doc.toks[p].norm == "فان");
            // A report told inside a «حينما / عندما» clause ends where the main clause's verb
            // follows a comma (ولعل ما ألمح إليه توكاييف، حينما ادعى أن العنف كان من عمل …،
            // واقتحموا المكاتب الحكومية، يعد أحد أبرز الدلائل: the writer's inference).
            let temporal = v > sa
                && matches!(
                    doc.toks[v - 1].norm.trim_start_matches(['و', 'ف']),
                    "حينما" | "عندما" | "حين" | "لما"
                );
            let main_verb = |c: usize| {
                let t = &doc.toks[c];
                doc.toks[c - 1].punct
                    && doc.toks[c - 1].norm == ","
                    && !doc.covered(c)
                    && t.norm.chars().count() >= 3
                    && (t.norm.starts_with('ي')
                        || matches!(t.norm.as_str(), "تعد" | "تعتبر" | "تمثل" | "تشكل" | "تبدو"))
            };
            let end = (k + 2..sb)
                .find(|&c| {
                    writer_comment_at(doc, c)
                        || (conceded && doc.toks[c].norm == "فان" && doc.toks[c - 1].punct)
                        || (temporal && main_verb(c))
                })
                .and_then(|c| (k + 1..c).rev().find(|&p| !doc.toks[p].punct))
                .map_or(sent_end, |p| doc.toks[p].end);
            return Some(Content {
                start,
                end,
                outer_end: end,
                opener_tok: k,
            });
        }
        k += 1;
    }
    None
}

pub(crate) fn extract(doc: &Doc<'_>, actors: &mut Actors) -> (Vec<Claim>, Vec<Diagnostic>) {
    let lex = lexicon();
    let mut out: Vec<Claim> = Vec::new();
    for &(sa, sb) in &doc.stoks {
        let mut k = sa;
        while k < sb {
            // Post-posed source: ... حسبما ذكرت X / وفقاً لتقديرات X / على حد وصف X.
            // فحسب at a clause's end is "only", no source.
            let postposed = (doc.is(k, &lex.postposed) && doc.toks[k].norm != "فحسب")
                || (doc.toks[k].norm == "حد"
                    && k > sa
                    && matches!(doc.toks[k - 1].norm.as_str(), "على" | "علي"));
            if postposed && k > sa + 3 {
                let marker = if doc.toks[k].norm == "حد" { k - 1 } else { k };
                let verb_tok = (k + 1..(k + 3).min(sb)).find(|&p| doc.is_word(p, &lex.speech));
                let mut q = verb_tok.map_or(k + 1, |v| v + 1);
                if verb_tok.is_none() && doc.toks.get(q).is_some_and(|t| t.norm == "ما") {
                    q += 1;
                }
                // بحسب ما نقلت وكالة X عن Y، نقلاً عن Y: Y speaks, X relays.
                let relay = relay_source(doc, verb_tok.unwrap_or(k), sb);
                let (subject, relay_via) = match relay {
                    Some((j, src)) => (
                        subject_at(doc, actors, src, sb.min(src + 10), false),
                        subject_at(doc, actors, q, j, verb_tok.is_none()).map(|s| s.id(doc)),
                    ),
                    None => (
                        subject_at(doc, actors, q, sb.min(q + 10), verb_tok.is_none()),
                        None,
                    ),
                };
                let subject = subject.or_else(|| {
                    best_speaker(
                        doc,
                        (k + 1..(k + 7).min(sb)).filter_map(|p| doc.mention_at(p)),
                    )
                    .map(Spk::Mention)
                });
                if subject.is_some() || verb_tok.is_some() {
                    let mut ce = marker;
                    while ce > sa && doc.toks[ce - 1].punct {
                        ce -= 1;
                    }
                    let c_start = doc.toks[sa].start;
                    let c_end = doc.toks[ce.max(sa + 1) - 1].end;
                    let spk_id = subject.as_ref().map(|s| s.id(doc));
                    // A statement of this sentence already found (قال الوزير إن …، بحسب ما
                    // نقلت وكالة X): the post-posed source reports it; its content ends here.
                    let marker_at = doc.toks[marker].start;
                    let held = out.iter_mut().rev().find(|c| {
                        subject.is_some()
                            && c.content.start >= c_start
                            && c.content.start < marker_at
                            && marker_at <= c.content.end
                    });
                    if let Some(held) = held {
                        if c_end > held.content.start {
                            if let Some(ev) = doc.ev(held.content.start, c_end) {
                                held.content = ev;
                                let (a, b) = (held.content.start, held.content.end);
                                held.about.retain(|id| {
                                    doc.input
                                        .mentions
                                        .iter()
                                        .any(|m| &m.entity == id && m.start >= a && m.end <= b)
                                });
                            }
                        }
                        match (&held.speaker, spk_id) {
                            (None, Some(id)) => {
                                held.speaker = Some(id);
                                held.via = held.via.take().or(relay_via);
                            }
                            (Some(sp), Some(id)) if held.via.is_none() && *sp != id => {
                                held.via = Some(id);
                            }
                            _ => {}
                        }
                        k = verb_tok.map_or(k + 1, |v| v + 1);
                        continue;
                    }
                    // The citation ends with the source it names: a described one (بحسب
                    // تقارير، حسب متحدث باسم حاكم المنطقة) runs to the next punctuation.
                    let ev_end = match &subject {
                        Some(Spk::Mention(m)) => doc.input.mentions[*m].end,
                        _ => {
                            let stop = (q..sb).find(|&p| doc.toks[p].punct).unwrap_or(sb);
                            doc.toks[stop.max(verb_tok.unwrap_or(k) + 1) - 1].end
                        }
                    };
                    let verb = doc
                        .input
                        .text
                        .get(doc.toks[marker].start..doc.toks[verb_tok.unwrap_or(k)].end)
                        .unwrap_or("")
                        .to_string();
                    if let (Some(content), Some(ev)) =
                        (doc.ev(c_start, c_end), doc.ev(c_start, ev_end))
                    {
                        let n = out.len();
                        push_claim(doc, &mut out, None, relay_via, verb, content, ev);
                        if out.len() > n {
                            if let Some(last) = out.last_mut() {
                                last.speaker = spk_id;
                            }
                        }
                    }
                    k = verb_tok.map_or(k + 1, |v| v + 1);
                    continue;
                }
            }
            if !doc.is_word(k, &lex.speech) {
                k += 1;
                continue;
            }
            // ما يؤكد / مما يعني: "which confirms", a clause about the facts, not speech; التي
            // تعتبر / الذي يوصف: "which is considered", a passive.
            let passive_relative = k > sa
                && matches!(doc.toks[k - 1].norm.as_str(), "التي" | "الذي")
                && matches!(
                    doc.toks[k].norm.as_str(),
                    "تعتبر"
                        | "يعتبر"
                        | "توصف"
                        | "يوصف"
                        | "تسمي"
                        | "يسمي"
                        | "تعد"
                        | "يعد"
                );
            if k > sa && matches!(doc.toks[k - 1].norm.as_str(), "ما" | "مما") || passive_relative
            {
                k += 1;
                continue;
            }
            // يذكر أن / يشار إلى أن / الجدير بالذكر أن: the writer's own note, nobody's claim.
            // «بوتين يعتبر على الأرجح أن …»: the writer's guess at a view, not a statement.
            if writers_note(doc, k) || hedged_belief(doc, k) {
                k += 1;
                continue;
            }
            let Some(c) = content_after(doc, k, sb) else {
                k += 1;
                continue;
            };
            // VSO: the speaker stands between verb and content; after a relay verb (نقلت وكالة X
            // عن Y) the source follows عن and the relay is `via`.
            let mut speaker: Option<usize> = None;
            let mut described: Option<(String, usize)> = None;
            let mut relay_via: Option<String> = None;
            let stop = c.opener_tok;
            let first = match relay_source(doc, k, stop) {
                Some((j, src)) => {
                    relay_via = subject_at(doc, actors, k + 1, j, false).map(|s| s.id(doc));
                    subject_at(doc, actors, src, stop, false)
                }
                None => subject_at(doc, actors, k + 1, stop, false),
            };
            match first {
                Some(Spk::Mention(m)) => speaker = Some(m),
                Some(Spk::Actor(id, at)) => described = Some((id, at)),
                None => {}
            }
            if speaker.is_none() && described.is_none() && relay_via.is_none() {
                speaker = best_speaker(
                    doc,
                    (k + 1..c.opener_tok.min(k + 5))
                        .filter_map(|p| doc.mention_at(p))
                        .filter(|&m| !after_preposition(doc, doc.mtok[m].0) && !addressee(doc, m))
                        // A word with ل before it opens the addressee (وقال لبي بي سي).
                        .filter(|&m| {
                            !(k + 1..doc.mtok[m].0)
                                .any(|q| doc.toks[q].norm.starts_with('ل') && !covered(doc, q))
                        }),
                );
            }
            // SVO: the nearest agent before the verb in the same clause.
            if speaker.is_none() && described.is_none() {
                let (ca, _) = doc.clause_of(k);
                let from = k
                    .saturating_sub(8)
                    .max(ca)
                    .max(sa)
                    .max(after_dateline(doc, sa, k));
                let near = |m: usize| doc.mtok[m].1 + 4 >= k;
                let before: Vec<usize> = doc
                    .mentions_in(from, k)
                    .filter(|&m| {
                        doc.input.mentions[m].form != MentionForm::Adjective
                            && !after_preposition(doc, doc.mtok[m].0)
                            && !bracketed(doc, m)
                            && near(m)
                    })
                    .collect();
                speaker = best_speaker(doc, before.into_iter().rev());
            }
            // The subject stands further back when the verb opens a dependent clause: a relative
            // (التقارير التي ترجح), a temporal clause (الرئيس توكاييف، حينما ادعى), an appositive
            // (وزير الخارجية، سيرغي لافروف، اشتكى) or a purpose clause (وعادت موسكو …، لتعلن).
            if speaker.is_none() && described.is_none() && k > sa {
                speaker = subject_of_dependent(doc, k, sa);
            }
            // A described speaker: right after the verb (ذكرت تقارير صحفية، أكدت السلطات), or
            // in subject position before it within the sentence (وسائل الإعلام التابعة لـ… وصفت).
            if speaker.is_none() && described.is_none() {
                // Not the noun a statement is made in (وقال في بيان إنه).
                let after = (k + 1..(k + 3).min(c.opener_tok))
                    .filter(|&p| !after_preposition(doc, p))
                    .find_map(|p| described_at(doc, p, c.opener_tok));
                let relative = k >= sa + 2
                    && matches!(
                        doc.toks[k - 1].norm.as_str(),
                        "التي" | "الذي" | "الذين" | "اللذين" | "اللتين"
                    );
                let before = || {
                    if relative {
                        return (k.saturating_sub(3).max(sa)..k - 1)
                            .find_map(|p| described_at(doc, p, k - 1));
                    }
                    let lo = k.saturating_sub(12).max(after_dateline(doc, sa, k));
                    (lo..k).rev().find_map(|p| {
                        let subject = p == sa
                            || doc.toks[p - 1].punct
                            || opens_subject(doc.toks[p - 1].norm.as_str());
                        let clear = !(p..k).any(|q| {
                            doc.is_word(q, &lex.speech)
                                || (doc.toks[q].punct && doc.toks[q].norm == ".")
                        });
                        if !(subject && clear) {
                            return None;
                        }
                        // NAME، المتحدثة باسم …، قالت: the description is the named person's.
                        if p >= sa + 2 && doc.toks[p - 1].punct && doc.toks[p - 1].norm == "," {
                            if let Some(m) = doc.mentions_in(sa, p - 1).find(|&m| {
                                doc.mtok[m].1 == p - 2
                                    && doc.input.mentions[m].kind == EntityType::Per
                                    && doc.input.mentions[m].form != MentionForm::Adjective
                            }) {
                                return Some(Found::Named(m));
                            }
                        }
                        described_at(doc, p, k)
                    })
                };
                match after.or_else(before) {
                    Some(Found::Named(m)) => speaker = Some(m),
                    Some(Found::Described(a, s, e)) => {
                        // The named person's words: between the role and the content after the
                        // verb, between the role and the verb before it.
                        let stop = if e > k { c.opener_tok } else { k };
                        match person_after_role(doc, e, stop) {
                            Some(m) => speaker = Some(m),
                            None => {
                                described =
                                    actors.id(doc, a, s, e).map(|id| (id, doc.toks[s].start));
                            }
                        }
                    }
                    None => {}
                }
            }
            // An implicit subject (وقال إن، وأضافت أن، وتابع في بيان إن): the pronoun refers to
            // the speaker of the claim just before (within two sentences), else to the last person
            // named before the verb in this or the previous sentence.
            // A noun right after the verb is its own subject, even one nobody names
            // (أوضحت أجهزة الإغاثة أنها): no pronoun to resolve.
            let noun_after = k + 1 < c.opener_tok && {
                let t = &doc.toks[k + 1];
                let n = t.norm.as_str();
                !t.punct
                    && !not_name().contains(n)
                    && !n.starts_with('ل')
                    && !n.starts_with('ب')
                    && !n.ends_with('ا')
                    && doc.mention_at(k + 1).is_none()
            };
            let implicit = speaker.is_none()
                && described.is_none()
                && !noun_after
                && c.opener_tok <= k + 5
                && (k + 1..c.opener_tok.saturating_sub(1)).all(|p| doc.mention_at(p).is_none());
            if implicit {
                let sent_index = |tok: usize| doc.stoks.partition_point(|&(_, b)| b <= tok);
                let here = sent_index(k);
                let prev_claim = out.last().and_then(|pc| {
                    let t = doc.toks.partition_point(|t| t.end <= pc.evidence[0].start);
                    (here.saturating_sub(sent_index(t)) <= 2)
                        .then(|| pc.speaker.clone())
                        .flatten()
                        .filter(|id| {
                            match (verb_gender(&doc.toks[k].norm), person_gender(doc, id)) {
                                (Some(v), Some(p)) => v == p,
                                _ => true,
                            }
                        })
                });
                // Not a name quoted inside an earlier statement (بن لادن in someone's words),
                // nor one inside an organisation's name.
                let quoted = |m: usize| {
                    let at = doc.input.mentions[m].start;
                    out.iter()
                        .any(|c| c.content.start <= at && at < c.content.end)
                };
                let institution_named_after = |m: usize| {
                    doc.mtok[m].0 > 0
                        && matches!(
                            doc.toks[doc.mtok[m].0 - 1].norm.as_str(),
                            "حركه" | "حزب" | "حكومه" | "اداره" | "نظام" | "عهد"
                        )
                };
                // A feminine verb (وقالت) does not take a man as its implicit subject, nor a
                // masculine one a woman, as far as the document tells their genders.
                let verb_gender = verb_gender(&doc.toks[k].norm);
                let agrees = move |m: usize| match (
                    verb_gender,
                    person_gender(doc, &doc.input.mentions[m].entity),
                ) {
                    (Some(v), Some(p)) => v == p,
                    _ => true,
                };
                let persons = |from: usize| {
                    doc.mentions_in(from, k).filter(move |&m| {
                        agrees(m)
                            && !quoted(m)
                            && !institution_named_after(m)
                            && !doc.mentions_in(from, k).any(|o| {
                                o != m
                                    && doc.mtok[o].0 < doc.mtok[m].0
                                    && doc.mtok[m].1 <= doc.mtok[o].1
                            })
                            && doc.input.mentions[m].kind == EntityType::Per
                            && doc.input.mentions[m].form != MentionForm::Adjective
                            && !after_preposition(doc, doc.mtok[m].0)
                            && doc.mtok[m].1 < k
                    })
                };
                // The subject of this sentence's earlier verb (وكان بوتين قد تحدث …، وأعرب عن
                // أمله أن) wins over the previous claim's speaker.
                let this_sentence = if k > sa && doc.toks[k - 1].punct {
                    persons(after_dateline(doc, sa, k)).next()
                } else {
                    None
                };
                match (this_sentence, prev_claim) {
                    (Some(m), _) => speaker = Some(m),
                    (None, Some(id)) => described = Some((id, doc.toks[k].start)),
                    (None, None) => {
                        let from = here
                            .checked_sub(1)
                            .and_then(|i| doc.stoks.get(i))
                            .map_or(sa, |&(a, _)| a);
                        speaker = persons(from).last();
                    }
                }
            }
            // Reporting outlet: X في “Y” / X في Y right after the speaker.
            let via_m = speaker.and_then(|m| {
                let e = doc.mtok[m].1 + 1;
                (e < c.opener_tok && doc.toks.get(e).is_some_and(|t| t.norm == "في"))
                    .then(|| (e + 1..(e + 4).min(c.opener_tok + 1)).find_map(|p| doc.mention_at(p)))
                    .flatten()
                    .filter(|&v| doc.input.mentions[v].kind == marsad_picture::EntityType::Org)
            });
            let ev_start = speaker
                .map(|m| doc.input.mentions[m].start)
                .or(described.as_ref().map(|d| d.1))
                .unwrap_or(doc.toks[k].start)
                .min(doc.toks[k].start);
            let verb = doc
                .input
                .text
                .get(doc.toks[k].start..doc.toks[k].end)
                .unwrap_or("")
                .to_string();
            if let (Some(content), Some(ev)) =
                (doc.ev(c.start, c.end), doc.ev(ev_start, c.outer_end))
            {
                let speaker_id = speaker.map(|m| doc.input.mentions[m].entity.clone());
                let via_entity = relay_via
                    .clone()
                    .or_else(|| via_m.map(|v| doc.input.mentions[v].entity.clone()))
                    .filter(|v| Some(v) != speaker_id.as_ref());
                push_claim(doc, &mut out, speaker, via_entity, verb, content, ev);
                if let (None, Some((id, _)), Some(last)) = (speaker, &described, out.last_mut()) {
                    if last.speaker.is_none() && last.content.start == c.start {
                        last.speaker = Some(id.clone());
                    }
                }
            }
            // A quote may run past the sentence; speech inside a quote is a nested claim, so go on
            // after the opener rather than after the content.
            k = c.opener_tok + 1;
        }
    }
    // Continuations (وأضاف، مضيفة أن، مشيراً إلى) go on with the speaker of the claim just before,
    // within two sentences.
    for i in 1..out.len() {
        if out[i].speaker.is_some() || !continues(&out[i].verb) {
            continue;
        }
        let prev = &out[i - 1];
        let (Some(sp), s) = (prev.speaker.clone(), out[i].evidence[0].start) else {
            continue;
        };
        let gap = doc
            .stoks
            .iter()
            .filter(|&&(a, _)| {
                let at = doc.toks.get(a).map_or(usize::MAX, |t| t.start);
                at > prev.content.end && at <= s
            })
            .count();
        let verb = marsad_text::normalize_str(&out[i].verb);
        let agrees = match (verb_gender(&verb), person_gender(doc, &sp)) {
            (Some(v), Some(p)) => v == p,
            _ => true,
        };
        if gap <= 1 && prev.evidence[0].start < s && agrees {
            out[i].speaker = Some(sp);
        }
    }
    // Reporting chains: a claim inside another's content is reported via that speaker.
    let outer: Vec<(usize, usize, Option<String>)> = out
        .iter()
        .map(|c| (c.content.start, c.content.end, c.speaker.clone()))
        .collect();
    for c in &mut out {
        if c.via.is_some() {
            continue;
        }
        let s = c.evidence[0].start;
        if let Some((_, _, Some(sp))) = outer
            .iter()
            .filter(|(a, b, sp)| *a <= s && s < *b && sp.as_ref() != c.speaker.as_ref())
            .min_by_key(|(a, b, _)| b - a)
        {
            c.via = Some(sp.clone());
        }
    }
    for (n, c) in out.iter_mut().enumerate() {
        c.id = format!("c{}", n + 1);
    }
    (out, Vec::new())
}

/// A mention the speech is addressed to: قال … لصحيفة X / لوكالة X (the outlet that heard it).
fn addressee(doc: &Doc<'_>, m: usize) -> bool {
    const TO_MEDIA: &[&str] = &[
        "لصحيفه",
        "لوكاله",
        "لقناه",
        "لموقع",
        "لمجله",
        "لاذاعه",
        "لتلفزيون",
        "لشبكه",
        "للصحفيين",
    ];
    let first = doc.mtok[m].0;
    // A ل glued to the name (لبي بي سي، لرويترز).
    if doc.input.mentions[m].start > doc.toks[first].start && doc.toks[first].norm.starts_with('ل')
    {
        return true;
    }
    let before = first.checked_sub(1).map(|p| doc.toks[p].norm.as_str());
    // A name inside a ل-phrase, or the rest of a name whose first word carries the ل (لبي بي سي
    // with only بي سي marked).
    let glued_before = first > 0
        && !covered(doc, first - 1)
        && !doc.toks[first - 1].punct
        && before.is_some_and(|b| {
            b.starts_with('ل')
                && !b.starts_with("لل")
                && !matches!(
                    b,
                    "لكن" | "لقد" | "لذلك" | "لاحقا" | "لا" | "لم" | "لن" | "لما" | "لسان"
                )
        });
    if glued_before {
        return true;
    }
    before.is_some_and(|b| TO_MEDIA.contains(&b))
        || TO_MEDIA.iter().any(|w| doc.toks[first].norm.starts_with(w))
}

/// A mention in brackets followed by a dash, the outlet of a dateline (دبي (CNN)— قالت …): no
/// subject. A bracketed name without the dash (رئيسة الوزراء (تيريزا ماي)) is an apposition.
fn bracketed(doc: &Doc<'_>, m: usize) -> bool {
    let (a, b) = doc.mtok[m];
    let dash = |x: &str| x.contains('—') || x.contains('–') || x == "-";
    a > 0
        && doc.toks[a - 1].norm.ends_with('(')
        && doc.toks.get(b + 1).is_some_and(|t| {
            t.norm.starts_with(')')
                && (dash(&t.norm) || doc.toks.get(b + 2).is_some_and(|n| dash(&n.norm)))
        })
}

/// The first token after a dateline (دبي، الإمارات (CNN)— …) inside `sa..k`, else `sa`: names
/// before the bracketed outlet and its dash are where the story was filed, not its speakers.
fn after_dateline(doc: &Doc<'_>, sa: usize, k: usize) -> usize {
    (sa..k)
        .rev()
        .find(|&p| {
            let t = doc.toks[p].norm.as_str();
            let dash = |x: &str| x.contains('—') || x.contains('–') || x == "-";
            (t.starts_with(')') && (dash(t) || doc.toks.get(p + 1).is_some_and(|n| dash(&n.norm))))
                && (sa..p).any(|q| doc.toks[q].norm.ends_with('('))
        })
        .map_or(sa, |p| p + 1)
}

/// The grammatical gender a speech verb gives its subject (`true`: feminine): قالت، أضافت،
/// مضيفة، تقول are feminine; قال، أضاف، يقول، مضيفاً masculine; توعد (form V) tells nothing.
fn verb_gender(norm: &str) -> Option<bool> {
    let n = norm.strip_prefix(['و', 'ف']).unwrap_or(norm);
    if n.chars().count() < 3 {
        return None;
    }
    let speech = &lexicon().speech;
    let is_speech = |w: &str| speech.iter().any(|s| s == w);
    // The ت is the feminine ending only where the form without it is a speech verb too (قالت،
    // أضافت): لفت is "he pointed out".
    if let Some(stem) = n.strip_suffix('ت') {
        return is_speech(stem).then_some(true);
    }
    if let Some(stem) = n.strip_suffix('ه') {
        return (is_speech(&format!("{stem}ا")) || is_speech(stem)).then_some(true);
    }
    // The imperfect's ت is "she" where the ي form is a speech verb too (تزعم، تقول: «الذي تزعم هي
    // أنه»); outside quotes "you" is rare in news, and a feminine plural of things or bodies
    // (تقول السلطات) is no man either.
    if let Some(stem) = n.strip_prefix('ت') {
        return is_speech(&format!("ي{stem}")).then_some(true);
    }
    Some(false)
}

/// What the document tells of a person's gender (`true`: feminine), from the titles right
/// before its mentions (الرئيسة، وزيرة، رئيسة الوزراء البريطانية) and the speech verbs right before
/// them (قالت ماي، قال ظريف); `None` when it tells nothing or both.
fn person_gender(doc: &Doc<'_>, entity: &str) -> Option<bool> {
    let lex = lexicon();
    let (mut fem, mut masc) = (0u32, 0u32);
    for (m, mm) in doc.input.mentions.iter().enumerate() {
        if mm.entity != entity || mm.kind != EntityType::Per || mm.form != MentionForm::Name {
            continue;
        }
        let first = doc.mtok[m].0;
        for back in 1..=3 {
            let Some(p) = first.checked_sub(back) else {
                break;
            };
            let t = &doc.toks[p];
            if t.punct {
                break;
            }
            // وزير begins with و: the word as written first, then without a و / ف glued on.
            let gender = [
                t.norm.as_str(),
                t.norm.strip_prefix(['و', 'ف']).unwrap_or(""),
            ]
            .into_iter()
            .map(|n| n.strip_prefix("ال").unwrap_or(n))
            .find_map(|w| {
                if TITLES.contains(&w) {
                    Some(false)
                } else {
                    w.strip_suffix('ه')
                        .filter(|stem| TITLES.contains(stem))
                        .map(|_| true)
                }
            });
            match gender {
                Some(true) => {
                    fem += 1;
                    break;
                }
                Some(false) => {
                    masc += 1;
                    break;
                }
                None => {}
            }
            // An imperfect's ت is left out here: «تعتبر العامري …» may have another subject.
            if back == 1 && doc.is_word(p, &lex.speech) && !t.norm.starts_with('ت') {
                match verb_gender(&t.norm) {
                    Some(true) => fem += 1,
                    Some(false) => masc += 1,
                    None => {}
                }
                break;
            }
        }
    }
    match (fem, masc) {
        (0, 0) => None,
        (f, 0) if f > 0 => Some(true),
        (0, m) if m > 0 => Some(false),
        _ => None,
    }
}

/// Titles whose feminine adds ة (الرئيس / الرئيسة، وزير / وزيرة).
const TITLES: &[&str] = &[
    "رئيس",
    "وزير",
    "سفير",
    "متحدث",
    "مستشار",
    "نائب",
    "زعيم",
    "امين",
    "مدير",
    "ملك",
    "امير",
    "سيد",
    "مندوب",
    "محافظ",
    "قاضي",
    "مرشح",
    "ناطق",
];

/// Verbs that continue the previous speaker's statement.
fn continues(verb: &str) -> bool {
    let n = marsad_text::normalize_str(verb);
    let n = n.strip_prefix('و').unwrap_or(&n);
    matches!(
        n,
        "اضاف"
            | "اضافت"
            | "تابع"
            | "تابعت"
            | "تابعه"
            | "مضيفا"
            | "مضيفه"
            | "مضيف"
            | "مشيرا"
            | "مشيره"
            | "مؤكدا"
            | "مؤكده"
            | "موضحا"
            | "موضحه"
            | "معتبرا"
            | "معتبره"
            | "لافتا"
            | "لافته"
    )
}

/// The subject of a speech verb at `k` that opens a dependent clause, found before it.
fn subject_of_dependent(doc: &Doc<'_>, k: usize, sa: usize) -> Option<usize> {
    let prev = doc.toks[k - 1].norm.as_str();
    let agent_ending_at = |end: usize| {
        doc.mentions_in(sa, end + 1).find(|&m| {
            doc.mtok[m].1 == end
                && is_agent(doc.input.mentions[m].kind)
                && doc.input.mentions[m].form != MentionForm::Adjective
                && !after_preposition(doc, doc.mtok[m].0)
        })
    };
    // Relative: the noun phrase right before التي/الذي names the speaker.
    if matches!(prev, "التي" | "الذي" | "الذين" | "اللذين" | "اللتين") && k >= sa + 2
    {
        return agent_ending_at(k - 2);
    }
    // Temporal: الرئيس X، حين/حينما/عندما قال — the nearest agent before it in the sentence.
    if matches!(prev, "حين" | "حينما" | "عندما" | "لما" | "وحين" | "وعندما")
    {
        return best_speaker(doc, (sa..k - 1).rev().filter_map(&agent_ending_at).take(1));
    }
    // Appositive: …، NAME، VERB — the name closes the phrase right before the comma; not for a
    // circumstantial continuation (…، مضيفاً), whose subject is the sentence's.
    let hal = continues(
        doc.input
            .text
            .get(doc.toks[k].start..doc.toks[k].end)
            .unwrap_or(""),
    );
    if doc.toks[k - 1].punct && doc.toks[k - 1].norm == "," && k >= sa + 2 && !hal {
        let named = agent_ending_at(k - 2).filter(|&m| {
            matches!(
                doc.input.mentions[m].kind,
                EntityType::Per | EntityType::Org
            )
        });
        if named.is_some() {
            return named;
        }
    }
    // Purpose: لِـ + verb continues the clause before it (وعادت موسكو إلى المشهد، لتعلن).
    let verb = doc.toks[k].norm.as_str();
    let bare = verb.strip_prefix('و').unwrap_or(verb);
    if bare.starts_with("لت") || bare.starts_with("لي") {
        let from = k.saturating_sub(12).max(sa);
        let near: Vec<usize> = (from..k)
            .rev()
            .filter_map(&agent_ending_at)
            .take(1)
            .collect();
        return best_speaker(doc, near.into_iter());
    }
    None
}

fn push_claim(
    doc: &Doc<'_>,
    out: &mut Vec<Claim>,
    speaker: Option<usize>,
    via: Option<String>,
    verb: String,
    content: marsad_picture::Evidence,
    ev: marsad_picture::Evidence,
) {
    let speaker_id = speaker.map(|m| doc.input.mentions[m].entity.clone());
    let mut about: Vec<String> = Vec::new();
    for m in doc.input.mentions {
        if m.start >= content.start
            && m.end <= content.end
            && is_agent(m.kind)
            && !about.contains(&m.entity)
        {
            about.push(m.entity.clone());
        }
    }
    if out
        .iter()
        .any(|c| c.content.start == content.start && c.content.end == content.end)
    {
        return;
    }
    out.push(Claim {
        id: String::new(),
        speaker: speaker_id,
        via,
        verb,
        content,
        about,
        evidence: vec![ev],
    });
}

/// Words that never start or belong to an untagged name, nor continue a speaker's description:
/// function words, time words, adverbs and the nouns a statement is made in (بيان، مقابلة).
const NOT_NAME: &[&str] = &[
    "في",
    "من",
    "إلى",
    "على",
    "عن",
    "مع",
    "ضد",
    "لدى",
    "حول",
    "أمام",
    "خلال",
    "عبر",
    "بعد",
    "قبل",
    "منذ",
    "حتى",
    "عند",
    "بين",
    "إن",
    "أن",
    "أنه",
    "إنه",
    "انها",
    "ما",
    "لا",
    "لم",
    "لن",
    "قد",
    "لقد",
    "كان",
    "كانت",
    "هو",
    "هي",
    "هم",
    "كما",
    "ذلك",
    "هذا",
    "هذه",
    "تلك",
    "الذي",
    "التي",
    "الذين",
    "اليوم",
    "أمس",
    "غدا",
    "يوم",
    "صباح",
    "مساء",
    "ليل",
    "ليلة",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
    "لاحقا",
    "أيضا",
    "كذلك",
    "مجددا",
    "أخيرا",
    "سابقا",
    "بيان",
    "تصريح",
    "تصريحات",
    "مقابلة",
    "حديث",
    "كلمة",
    "رسالة",
    "تغريدة",
    "مؤتمر",
    "لقاء",
    "اجتماع",
    "تقرير",
    "بدوره",
    "بدورها",
    "ذات",
    "مرة",
    "بوضوح",
    "صراحة",
    "كل",
    "بعض",
    "عدد",
    "أحد",
    "إحدى",
    "وكان",
    "وقد",
    "لكن",
    "بأن",
    "بأنه",
    "وأن",
    "فيه",
    "فيها",
    "عيان",
    "آخر",
    "أخرى",
    "الآخر",
    "رسمي",
    "رسميا",
    "قائلا",
    "قائلة",
    "مؤكدا",
    "مضيفا",
    "وفق",
    "وفقا",
    "حسب",
    "بحسب",
    "نقلا",
    "تعليقا",
    "ردا",
    "معلقا",
    "متحدثا",
    "حيث",
    "إذ",
    "وهو",
    "وهي",
    "عام",
    "أول",
    "ثاني",
    "قوله",
    "قولها",
    "قولهم",
    "له",
    "لها",
    "لهم",
    "به",
    "بها",
    "عليه",
    "منه",
    "عنه",
    "إليه",
    "لديه",
    "الوقت",
    "ذاته",
    "نفسه",
    "نفسها",
    "وقتها",
    "وقتذاك",
    "حينها",
    "آنذاك",
    "حين",
    "دولة",
    "دول",
    "الأمم",
    "جمهورية",
    "مملكة",
    "الدولة",
    "شعب",
    "الشعب",
];

fn not_name() -> &'static std::collections::HashSet<String> {
    static S: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    S.get_or_init(|| {
        NOT_NAME
            .iter()
            .map(|w| marsad_text::normalize_str(w))
            .collect()
    })
}

/// Token `i` may be part of a name nobody tagged: a plain word, no function, time, title or
/// reporter word, no speech verb, no group noun.
fn name_word(doc: &Doc<'_>, i: usize) -> bool {
    let Some(t) = doc.toks.get(i) else {
        return false;
    };
    let n = t.norm.as_str();
    let strip = n.strip_prefix("ال").unwrap_or(n);
    !t.punct
        && n.chars().count() >= 2
        && n.chars().all(|c| c.is_alphabetic())
        && !["لل", "بال", "وال", "فال", "كال"]
            .iter()
            .any(|p| n.starts_with(p))
        && doc.mention_at(i).is_none()
        && !covered(doc, i)
        && !not_name().contains(n)
        && !reporters().contains_key(strip)
        && !is_anna(n)
        && !doc.is_word(i, &lexicon().speech)
        && crate::agents::agent_at(n, None).is_none()
}

/// Token `i` lies inside some mention.
fn covered(doc: &Doc<'_>, i: usize) -> bool {
    doc.covered(i)
}

/// Token `i` ends a name: the content's opener, a comma, a bracket, or a preposition or
/// addressee (في، خلال، لوكالة، للصحفيين).
fn name_boundary(doc: &Doc<'_>, i: usize, stop: usize) -> bool {
    if i >= stop {
        return true;
    }
    let t = &doc.toks[i];
    let n = t.norm.as_str();
    (t.punct && !n.starts_with('"'))
        || is_anna(n)
        || not_name().contains(n)
        || matches!(
            n,
            "في" | "خلال"
                | "امام"
                | "عبر"
                | "على"
                | "علي"
                | "لدي"
                | "من"
                | "بعد"
                | "عن"
                | "مع"
                | "اليوم"
                | "امس"
                | "الاثنين"
                | "الثلاثاء"
                | "الاربعاء"
                | "الخميس"
                | "الجمعه"
                | "السبت"
                | "الاحد"
                | "ايضا"
                | "يوم"
        )
        || [
            "لوكال",
            "لصحيف",
            "لقنا",
            "لموقع",
            "لوسائل",
            "للصحف",
            "لشبك",
            "لتلفزيون",
            "لمجل",
            "لاذاع",
            "لل",
        ]
        .iter()
        .any(|p| n.starts_with(p))
}

/// An untagged name of two or three words at token `p` (قال محمد العلي إن، قالت رندا سلم،):
/// the end token, when a boundary follows. The first word carries no article.
fn name_at(doc: &Doc<'_>, p: usize, stop: usize) -> Option<usize> {
    // A name word carries no article (قسم الإطفاء is no name) except الله after عبد, nor a
    // preposition glued to a noun (لشركة), nor a nisba ending (فرنسيون).
    let plain = |i: usize| {
        let n = doc.toks[i].norm.as_str();
        let glued = ['ل', 'ب', 'ك'].iter().any(|c| {
            n.strip_prefix(*c).is_some_and(|r| {
                r.starts_with("ال")
                    || reporters().contains_key(r.strip_prefix("ال").unwrap_or(r))
                    || not_name().contains(r)
            })
        });
        let compound = n == "الله" && i > 0 && doc.toks[i - 1].norm.starts_with("عبد");
        name_word(doc, i)
            && (compound || !n.starts_with("ال"))
            && !glued
            && !["يون", "يين", "يه", "ها", "هم", "هما"]
                .iter()
                .any(|e| n.ends_with(e))
    };
    if p >= stop || !plain(p) {
        return None;
    }
    (2..=3usize).find_map(|len| {
        let e = p + len;
        ((p + 1..e).all(|i| i < stop && plain(i)) && name_boundary(doc, e, stop)).then_some(e)
    })
}

/// The entity a bare surname at token `p` refers to (وأوضحت سلم، وقال شكري): a person named in
/// full earlier in the document, by the linker or as an untagged name.
fn surname_at(doc: &Doc<'_>, actors: &Actors, p: usize, stop: usize) -> Option<String> {
    if p >= stop || !name_word(doc, p) || !name_boundary(doc, p + 1, stop) {
        return None;
    }
    let here = doc.toks[p].start;
    let n = doc.toks[p].norm.as_str();
    let last_word = |s: &str| {
        marsad_text::normalize_str(s)
            .split_whitespace()
            .last()
            .map(str::to_string)
    };
    let linked = doc
        .input
        .mentions
        .iter()
        .filter(|m| m.kind == EntityType::Per && m.form == MentionForm::Name && m.end <= here)
        .filter(|m| {
            let s = doc.input.text.get(m.start..m.end).unwrap_or("");
            s.split_whitespace().count() >= 2 && last_word(s).as_deref() == Some(n)
        })
        .map(|m| (m.start, m.entity.clone()))
        .next_back();
    let untagged = actors
        .list
        .iter()
        .filter(|e| e.name.en.is_none() && e.kind == EntityType::Per)
        .filter(|e| last_word(&e.name.ar).as_deref() == Some(n))
        .filter_map(|e| {
            let at = e
                .mentions
                .iter()
                .map(|m| m.evidence.start)
                .filter(|&s| s < here)
                .max()?;
            Some((at, e.id.clone()))
        })
        .max_by_key(|x| x.0);
    match (linked, untagged) {
        (Some(a), Some(b)) => Some(if a.0 >= b.0 { a.1 } else { b.1 }),
        (a, b) => a.or(b).map(|x| x.1),
    }
}

/// A per-document actor for the words `s..e` (an untagged name, or a described speaker with
/// its complement): the same words give the same actor, so spokespeople of different ministries
/// stay apart. `en` is the gloss of a described head, none for a name.
fn phrase_actor(
    doc: &Doc<'_>,
    actors: &mut Actors,
    en: Option<&'static str>,
    kind: EntityType,
    s: usize,
    e: usize,
) -> Option<String> {
    phrase_actor_from(
        doc,
        actors,
        en,
        kind,
        doc.toks[s].start,
        doc.toks[e.max(s + 1) - 1].end,
    )
}

/// [`phrase_actor`] for the bytes `from..to` (a head with a ل glued on starts after it).
fn phrase_actor_from(
    doc: &Doc<'_>,
    actors: &mut Actors,
    en: Option<&'static str>,
    kind: EntityType,
    from: usize,
    to: usize,
) -> Option<String> {
    let ev = doc.ev(from, to)?;
    let key = |t: &str| {
        marsad_text::normalize_str(t)
            .split_whitespace()
            .map(|w| w.strip_prefix("ال").unwrap_or(w).to_string())
            .collect::<Vec<_>>()
    };
    let k = key(&ev.text);
    let found = actors
        .list
        .iter()
        .position(|x| x.name.en.as_deref() == en && key(&x.name.ar) == k);
    let i = match found {
        Some(i) => i,
        None => {
            let n = actors.list.len() + 1;
            actors.list.push(marsad_picture::Entity {
                id: format!("A:{}:{n}", doc.input.doc),
                kb: None,
                kind,
                name: marsad_picture::Name {
                    ar: ev.text.clone(),
                    en: en.map(str::to_string),
                },
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
            actors.list.len() - 1
        }
    };
    let ent = &mut actors.list[i];
    if !ent.aliases.contains(&ev.text) {
        ent.aliases.push(ev.text.clone());
    }
    if !ent.mentions.iter().any(|m| m.evidence == ev) {
        ent.mentions.push(marsad_picture::Mention {
            evidence: ev,
            form: MentionForm::Name,
        });
    }
    Some(ent.id.clone())
}

/// A described head with its complements at token `p`: the head's meaning, where the head ends
/// and where the description ends (المتحدث باسم وزارة الخارجية الروسية، وزير خارجية الأردن،
/// ممثل بريطانيا في المنظمة، صحيفة “نيويورك تايمز”). `lam` lets the head carry a ل
/// (وفقاً لوكالة …).
fn phrase_at(doc: &Doc<'_>, p: usize, stop: usize, lam: bool) -> Option<(Agent, usize, usize)> {
    if p >= stop || doc.toks[p].punct || doc.mention_at(p).is_some() {
        return None;
    }
    let norm = doc.toks[p].norm.as_str();
    let norm = if lam {
        norm.strip_prefix('ل').unwrap_or(norm)
    } else {
        norm
    };
    let one = norm.strip_prefix("ال").unwrap_or(norm);
    let (a, len) = match doc.toks.get(p + 1).filter(|_| p + 1 < stop) {
        Some(t) => match reporters().get(&format!("{one} {}", t.norm)) {
            Some(a) => (*a, 2),
            None => (*reporters().get(one)?, 1),
        },
        None => (*reporters().get(one)?, 1),
    };
    let head_end = p + len;
    let mut e = head_end;
    let mut construct = !one.is_empty() && !norm.starts_with("ال");
    let (mut in_complement, mut title_in_complement) = (false, false);
    let text = doc.input.text;
    while e < stop && e < head_end + 7 {
        let t = &doc.toks[e];
        let raw = text.get(t.start..t.end).unwrap_or("");
        if t.punct {
            // A quoted name in the description: صحيفة “نيويورك تايمز”، مدير مختبرات "بورتون داون".
            let open = raw.chars().next();
            if let (Some(o), Some(close)) = (open, open.and_then(is_quote_open)) {
                let q = (e + 1..(e + 7).min(stop)).find(|&i| {
                    let r = text.get(doc.toks[i].start..doc.toks[i].end).unwrap_or("");
                    r.contains(close) || (o == close && r.contains(o))
                });
                if let Some(q) = q.filter(|&q| q > e + 1) {
                    e = q + 1;
                    construct = false;
                    continue;
                }
            }
            break;
        }
        if let Some(m) = doc.mention_at(e) {
            let mm = &doc.input.mentions[m];
            // المتحدث باسم رئيسة الوزراء تيريزا ماي: the person of a title in the complement is
            // the complement's.
            let person = mm.kind == EntityType::Per && mm.form != MentionForm::Adjective;
            if (person && !title_in_complement)
                || addressee(doc, m)
                || (mm.start > doc.toks[e].start && doc.toks[e].norm.starts_with('ل'))
            {
                break;
            }
            e = doc.mtok[m].1 + 1;
            construct = false;
            continue;
        }
        let n = t.norm.as_str();
        if n == "في" || n == "باسم" {
            let next_ok = doc.toks.get(e + 1).is_some_and(|x| {
                e + 1 < stop
                    && (x.norm.starts_with("ال")
                        || doc
                            .mention_at(e + 1)
                            .is_some_and(|m| doc.input.mentions[m].kind != EntityType::Per)
                        || doc
                            .toks
                            .get(e + 2)
                            .is_some_and(|y| y.norm.starts_with("ال")))
                    && !not_name().contains(x.norm.as_str())
            });
            if next_ok || n == "باسم" {
                in_complement |= n == "باسم";
                construct = true;
                e += 1;
                continue;
            }
            break;
        }
        if in_complement && reporters().contains_key(n.strip_prefix("ال").unwrap_or(n)) {
            title_in_complement = true;
        }
        // An outlet's own name (وكالة ريا نوفوستي) belongs to the phrase; after other heads a
        // name is the person described.
        if let Some(ne) = name_at(doc, e, stop) {
            if a.kind == EntityType::Org && e == head_end {
                e = ne;
            }
            break;
        }
        if not_name().contains(n) || is_anna(n) || doc.is_word(e, &lexicon().speech) {
            break;
        }
        // The genitive of a construct, chained (وزير خارجية الأردن، مدير مكتب رئيس الوزراء), or a
        // definite complement.
        // للشؤون السياسية is a complement; للصحفيين an addressee.
        let genitive_l = n.starts_with("لل")
            && ![
                "للصحف",
                "للصحاف",
                "للاعلام",
                "للتلفزيون",
                "للاذاع",
                "للقنا",
                "للوكال",
            ]
            .iter()
            .any(|w| n.starts_with(w));
        let definite = n.starts_with("ال") || n.starts_with("بال") || genitive_l;
        if definite || (construct && !n.starts_with('ل')) {
            construct = !definite;
            e += 1;
            continue;
        }
        break;
    }
    Some((a, head_end, e))
}

/// A rank or role with the person's name right after it (اللواء منصور التركي), or after the
/// role's complement (الناطق الإعلامي بصحة عسير سعيد النقير): that person, who is the one speaking.
fn person_after_role(doc: &Doc<'_>, e: usize, stop: usize) -> Option<usize> {
    let after = if e < stop && doc.toks[e].punct && doc.toks[e].norm == "," {
        e + 1
    } else {
        e
    };
    doc.mentions_in(after, stop.min(after + 4)).find(|&m| {
        doc.input.mentions[m].kind == EntityType::Per
            && doc.input.mentions[m].form == MentionForm::Name
            && (after..doc.mtok[m].0).all(|q| {
                !doc.toks[q].punct
                    && !doc.is_word(q, &lexicon().speech)
                    && doc
                        .mention_at(q)
                        .is_none_or(|x| doc.input.mentions[x].kind != EntityType::Per)
            })
    })
}

/// The speaker whose words start at token `p` (after a speech verb, or after عن of a relay): a
/// linked mention, a described head with its complement (the person named right after it wins),
/// an untagged name, or a surname named in full earlier.
fn subject_at(
    doc: &Doc<'_>,
    actors: &mut Actors,
    mut p: usize,
    stop: usize,
    lam: bool,
) -> Option<Spk> {
    // Time words and adverbs between verb and subject (ذكرت الاثنين وكالة …).
    for _ in 0..2 {
        if p < stop
            && doc.mention_at(p).is_none()
            && (matches!(
                doc.toks[p].norm.as_str(),
                "اليوم"
                    | "امس"
                    | "الاثنين"
                    | "الثلاثاء"
                    | "الاربعاء"
                    | "الخميس"
                    | "الجمعه"
                    | "السبت"
                    | "الاحد"
                    | "ايضا"
                    | "كذلك"
                    | "مجددا"
                    | "بدوره"
                    | "بدورها"
                    | "وقتها"
                    | "حينها"
                    | "انذاك"
            ) || doc.toks[p].punct && doc.toks[p].norm == ",")
        {
            p += 1;
        }
    }
    if p >= stop {
        return None;
    }
    if let Some(m) = doc.mention_at(p) {
        let mm = &doc.input.mentions[m];
        // A first name the linker took for something else, the person's surname right after
        // it (ديفيد شاكمان with ديفيد a place).
        let next = doc.mention_at(doc.mtok[m].1 + 1).filter(|&n| {
            doc.input.mentions[n].kind == EntityType::Per
                && doc.input.mentions[n].form == MentionForm::Name
        });
        if let (true, Some(n)) = (mm.kind != EntityType::Per, next) {
            return Some(Spk::Mention(n));
        }
        // وقال لبي بي سي: a ل glued to the name makes it the addressee (but وفقاً لرويترز names the
        // source of a post-posed attribution).
        let glued_l = mm.start > doc.toks[p].start && doc.toks[p].norm.starts_with('ل');
        if is_agent(mm.kind)
            && mm.form != MentionForm::Adjective
            && !addressee(doc, m)
            && (lam || !glued_l)
        {
            return Some(Spk::Mention(m));
        }
        return None;
    }
    if let Some((a, he, e)) = phrase_at(doc, p, stop, lam) {
        // The person the description belongs to: right after it, or after a comma.
        let after = if e < stop && doc.toks[e].punct && doc.toks[e].norm == "," {
            e + 1
        } else {
            e
        };
        if a.en != "outlet" {
            // One title word may stand before the name (، اللواء عاموس يادلين).
            let is_person = |m: &usize| {
                let mm = &doc.input.mentions[*m];
                mm.kind == EntityType::Per && mm.form != MentionForm::Adjective
            };
            // A first name the linker took for a place (غاري إيتنهيد): the surname after it.
            let person = |i: usize| {
                doc.mention_at(i).and_then(|m| {
                    if is_person(&m) {
                        Some(m)
                    } else {
                        doc.mention_at(doc.mtok[m].1 + 1).filter(is_person)
                    }
                })
            };
            let titled = after + 1 < stop
                && doc.mention_at(after).is_none()
                && doc.toks[after].norm.starts_with("ال")
                && !doc.toks[after].punct;
            if let Some(m) = person(after).or_else(|| titled.then(|| person(after + 1)).flatten()) {
                return Some(Spk::Mention(m));
            }
            if a.kind != EntityType::Org {
                if let Some(ne) = name_at(doc, after, stop) {
                    return phrase_actor(doc, actors, None, EntityType::Per, after, ne)
                        .map(|id| Spk::Actor(id, doc.toks[p].start));
                }
            }
        }
        // An outlet, company or body named right after its head (وكالة رويترز، شركة أبل), and the
        // state a government or ministry belongs to (الحكومة البريطانية).
        let named = doc.mentions_in(he, e).find(|&m| {
            let mm = &doc.input.mentions[m];
            match a.en {
                "government" | "ministry" => {
                    matches!(mm.kind, EntityType::Gpe | EntityType::Org) && doc.mtok[m].0 == he
                }
                _ => {
                    a.kind == EntityType::Org
                        && mm.kind == EntityType::Org
                        && mm.form == MentionForm::Name
                        && doc.mtok[m].0 <= he + 1
                }
            }
        });
        if let Some(m) = named {
            return Some(Spk::Mention(m));
        }
        let id = if e == he {
            bare_head(doc, actors, a, p, he)
        } else {
            None
        };
        let from = doc.toks[p].start
            + if lam && doc.toks[p].norm.starts_with('ل') && !doc.toks[p].norm.starts_with("لل")
            {
                'ل'.len_utf8()
            } else {
                0
            };
        let to = doc.toks[e.max(p + 1) - 1].end;
        let id = id.or_else(|| phrase_actor_from(doc, actors, Some(a.en), a.kind, from, to))?;
        return Some(Spk::Actor(id, doc.toks[p].start));
    }
    if let Some(f) = actor_at(doc, p, stop) {
        return match f {
            Found::Named(m) if bracketed(doc, m) => None,
            // A group noun with a nisba (العالم السياسي الروسي ألكسي مكاركين، الشرطة الأفغانية):
            // the person named after it speaks; else the group itself, except the authorities,
            // which stand for their state.
            Found::Named(m) if doc.mtok[m].0 > p => {
                // The rest of a name the nisba opens (قوات سوريا الديمقراطية).
                let mut e = doc.mtok[m].1 + 1;
                while e < stop
                    && e < doc.mtok[m].1 + 3
                    && doc.toks[e].norm.starts_with("ال")
                    && doc.mention_at(e).is_none()
                    && !not_name().contains(doc.toks[e].norm.as_str())
                {
                    e += 1;
                }
                let after = if e < stop && doc.toks[e].norm == "," {
                    e + 1
                } else {
                    e
                };
                if let Some(pm) = doc.mention_at(after).filter(|&x| {
                    doc.input.mentions[x].kind == EntityType::Per
                        && doc.input.mentions[x].form != MentionForm::Adjective
                }) {
                    return Some(Spk::Mention(pm));
                }
                if let Some(ne) = name_at(doc, after, stop) {
                    return phrase_actor(doc, actors, None, EntityType::Per, after, ne)
                        .map(|id| Spk::Actor(id, doc.toks[p].start));
                }
                let head = crate::agents::agent_at(
                    &doc.toks[p].norm,
                    doc.toks.get(p + 1).map(|t| t.norm.as_str()),
                );
                let from = doc.toks[p].start
                    + if lam
                        && doc.toks[p].norm.starts_with('ل')
                        && !doc.toks[p].norm.starts_with("لل")
                    {
                        'ل'.len_utf8()
                    } else {
                        0
                    };
                match head {
                    Some((a, _)) if a.en != "authorities" => phrase_actor_from(
                        doc,
                        actors,
                        Some(a.en),
                        a.kind,
                        from,
                        doc.toks[e - 1].end,
                    )
                    .map(|id| Spk::Actor(id, from)),
                    _ => Some(Spk::Mention(m)),
                }
            }
            Found::Named(m) => Some(Spk::Mention(m)),
            Found::Described(a, s, e) => match person_after_role(doc, e, stop) {
                Some(m) => Some(Spk::Mention(m)),
                None => actors
                    .id(doc, a, s, e)
                    .map(|id| Spk::Actor(id, doc.toks[s].start)),
            },
        };
    }
    if let Some(e) = name_at(doc, p, stop) {
        return phrase_actor(doc, actors, None, EntityType::Per, p, e)
            .map(|id| Spk::Actor(id, doc.toks[p].start));
    }
    if let Some(m) = titled_person(doc, p, stop) {
        return Some(Spk::Mention(m));
    }
    surname_at(doc, actors, p, stop).map(|id| Spk::Actor(id, doc.toks[p].start))
}

/// A person named after a title phrase the lists do not know (وقال المفوض السامي لحقوق الإنسان
/// زيد رعد الحسين إن، المبعوث الأممي إلى سوريا ستيفان دي ميستورا): a definite head, then up to
/// six words — its adjectives, genitives and prepositional phrases, places among them — and the
/// name, which the statement follows (إن/أن, a colon, a quote, a comma).
fn titled_person(doc: &Doc<'_>, p: usize, stop: usize) -> Option<usize> {
    let head = doc.toks.get(p).filter(|t| !t.punct)?;
    if !head.norm.starts_with("ال") || doc.mention_at(p).is_some() {
        return None;
    }
    let mut x = p + 1;
    while x < stop && x <= p + 6 {
        let t = &doc.toks[x];
        if t.punct
            || matches!(
                t.norm.as_str(),
                "ان" | "انه" | "انها" | "بان" | "الذي" | "التي"
            )
        {
            return None;
        }
        if let Some(m) = doc.mention_at(x) {
            let mm = &doc.input.mentions[m];
            let after = doc.mtok[m].1 + 1;
            if mm.kind == EntityType::Per && mm.form == MentionForm::Name {
                // «يرى المؤيدون للرئيس السيسي أن»، «الطبيب السابق للرئيس الأمريكي دونالد ترامب»:
                // a title with ل makes the name a complement, and so does a preposition right
                // before it («في رسالته إلى زوكربرغ أنه»).
                let (s0, _) = doc.mtok[m];
                let of_title = (p..s0).any(|y| {
                    let w = &doc.toks[y].norm;
                    w.starts_with('ل') && TITLES.iter().any(|t| w.contains(t))
                });
                let prev = doc.toks[s0 - 1].norm.as_str();
                let after_prep = matches!(
                    prev,
                    "في" | "الي"
                        | "إلى"
                        | "من"
                        | "لدي"
                        | "لدى"
                        | "عن"
                        | "علي"
                        | "على"
                        | "مع"
                ) || mm.start > doc.toks[s0].start;
                if of_title || after_prep {
                    return None;
                }
                // Past commas and the day (زيد رعد الحسين، الجمعة، أن).
                let mut a = after;
                while a < doc.toks.len()
                    && a < after + 4
                    && (doc.toks[a].norm == ","
                        || matches!(
                            doc.toks[a].norm.as_str(),
                            "اليوم"
                                | "امس"
                                | "الاثنين"
                                | "الثلاثاء"
                                | "الاربعاء"
                                | "الخميس"
                                | "الجمعه"
                                | "السبت"
                                | "الاحد"
                        ))
                {
                    a += 1;
                }
                let said = doc.toks.get(a).is_some_and(|t| {
                    matches!(t.norm.as_str(), "ان" | "انه" | "انها" | "بان" | ":")
                        || t.norm.starts_with('"')
                        || t.norm.starts_with('«')
                });
                return said.then_some(m);
            }
            // A place or body inside the title hangs on a preposition (المبعوث الأممي إلى سوريا،
            // المبعوث الفلسطيني للأمم المتحدة) or is a nisba; a bare one is the verb's object
            // (واتهمت المنظمة روسيا بقيادة رئيسها فلاديمير بوتين "…": the organisation accuses).
            let (s0, _) = doc.mtok[m];
            let hung = mm.form == MentionForm::Adjective
                || mm.start > doc.toks[s0].start
                || (s0 > p
                    && matches!(
                        doc.toks[s0 - 1].norm.as_str(),
                        "في" | "الي" | "إلى" | "من" | "لدي" | "لدى" | "عن" | "علي" | "على"
                    ));
            if !hung {
                return None;
            }
            x = after;
            continue;
        }
        x += 1;
    }
    None
}

/// A bare described head (وقال المتحدث، وأضاف الوزير): the person or described speaker last
/// introduced with the same head word before it in the document.
fn bare_head(doc: &Doc<'_>, actors: &mut Actors, a: Agent, p: usize, he: usize) -> Option<String> {
    let strip = |w: &str| w.strip_prefix("ال").unwrap_or(w).to_string();
    let head = strip(doc.toks[p].norm.as_str());
    let here = doc.toks[p].start;
    // Only a title names a person (وقال الوزير); a bare statement or outlet is no person.
    let person = (a.kind == EntityType::Per)
        .then(|| {
            doc.input
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| {
                    m.kind == EntityType::Per && m.form == MentionForm::Name && m.end <= here
                })
                .filter(|(i, _)| {
                    let first = doc.mtok[*i].0;
                    (first.saturating_sub(7)..first)
                        .any(|q| strip(doc.toks[q].norm.as_str()) == head)
                        && !(first.saturating_sub(7)..first)
                            .any(|q| doc.toks[q].norm == "." || doc.toks[q].norm == "باسم")
                })
                .map(|(_, m)| (m.start, m.entity.clone()))
                .next_back()
        })
        .flatten();
    let described = actors
        .list
        .iter()
        .filter(|x| {
            x.name.en.as_deref() == Some(a.en)
                && marsad_text::normalize_str(&x.name.ar)
                    .split_whitespace()
                    .next()
                    .map(strip)
                    .as_deref()
                    == Some(head.as_str())
        })
        .filter_map(|x| {
            let at = x
                .mentions
                .iter()
                .map(|m| m.evidence.start)
                .filter(|&s| s < here)
                .max()?;
            Some((at, x.id.clone()))
        })
        .max_by_key(|x| x.0);
    let best = match (person, described) {
        (Some(a), Some(b)) => Some(if a.0 >= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }?;
    // Record the bare mention on a described actor so its mentions show where it speaks.
    if let Some(x) = actors.list.iter_mut().find(|x| x.id == best.1) {
        if let Some(ev) = doc.ev(doc.toks[p].start, doc.toks[he - 1].end) {
            if !x.mentions.iter().any(|m| m.evidence == ev) {
                x.mentions.push(marsad_picture::Mention {
                    evidence: ev,
                    form: MentionForm::Name,
                });
            }
        }
    }
    Some(best.1)
}

/// A speaker: a linked mention, or a per-document actor id with the byte its words start at.
#[derive(Debug, Clone)]
enum Spk {
    Mention(usize),
    Actor(String, usize),
}

impl Spk {
    fn id(&self, doc: &Doc<'_>) -> String {
        match self {
            Spk::Mention(m) => doc.input.mentions[*m].entity.clone(),
            Spk::Actor(id, _) => id.clone(),
        }
    }
}

/// A relay verb (نقلت وكالة X عن Y، ونقل موقع عن): the token of عن / على لسان in `v+1..stop`
/// and the first token of the source after it.
fn relay_source(doc: &Doc<'_>, v: usize, stop: usize) -> Option<(usize, usize)> {
    let n = doc.toks[v].norm.as_str();
    let n = n.strip_prefix('و').unwrap_or(n);
    if !matches!(n, "نقل" | "نقلت" | "تنقل" | "ينقل" | "نقلا") {
        return None;
    }
    (v + 1..stop.min(v + 12)).find_map(|i| match doc.toks[i].norm.as_str() {
        "عن" => Some((i, i + 1)),
        "علي" | "على" if doc.toks.get(i + 1).is_some_and(|t| t.norm == "لسان") => {
            Some((i, i + 2))
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    //! Speakers on real ANT sentences (development articles of the fifth claims check).

    use marsad_picture::{EntityType, MentionForm};

    use crate::{extract, DocEvents, DocInput, EntityMention};

    /// A mention of `id` at the `nth` occurrence of `surface`.
    fn at(text: &str, surface: &str, nth: usize, id: &str, kind: EntityType) -> EntityMention {
        let start = text
            .match_indices(surface)
            .nth(nth)
            .map(|(i, _)| i)
            .expect("surface in text");
        let form = if surface.ends_with("ية") || surface.ends_with("ي") && kind == EntityType::Gpe
        {
            MentionForm::Adjective
        } else {
            MentionForm::Name
        };
        EntityMention {
            entity: id.to_string(),
            kind,
            form,
            start,
            end: start + surface.len(),
        }
    }

    fn run(text: &str, mut mentions: Vec<EntityMention>) -> DocEvents {
        mentions.sort_by_key(|m| m.start);
        let sents = marsad_text::sentences(text);
        extract(DocInput {
            doc: "d",
            text,
            sentences: &sents,
            mentions: &mentions,
            quantities: &[],
            dates: &[],
        })
        .0
    }

    /// Speaker and via of the claim whose content starts with `content`, as display names.
    fn who(out: &DocEvents, content: &str) -> (Option<String>, Option<String>) {
        let c = out
            .claims
            .iter()
            .find(|c| c.content.text.starts_with(content))
            .unwrap_or_else(|| panic!("no claim {content}: {:?}", out.claims));
        let name = |id: &Option<String>| {
            id.as_ref().map(|id| {
                out.actors
                    .iter()
                    .find(|a| &a.id == id)
                    .map_or(id.clone(), |a| a.name.ar.clone())
            })
        };
        (name(&c.speaker), name(&c.via))
    }

    #[test]
    fn the_person_after_a_description_with_a_state_speaks() {
        let t = "قال وزير الخارجية المصري، سامح شكري، إن القمة العربية المرتقبة بالرياض سوف تناقش قضية الإرهاب.";
        let out = run(
            t,
            vec![
                at(t, "المصري", 0, "eg", EntityType::Gpe),
                at(t, "سامح شكري", 0, "shoukry", EntityType::Per),
            ],
        );
        assert_eq!(who(&out, "القمة").0.as_deref(), Some("shoukry"));
    }

    #[test]
    fn untagged_name_after_the_verb_and_its_surname_later() {
        let t = "قالت رندا سلم، رئيس قسم حل الصراعات بمعهد الشرق الأوسط، إن النتائج الكبيرة التي حققها مقتدى الصدر عبر مؤيديه من المرشحين بالانتخابات البرلمانية العراقية، تعتبر أمرا سيئا لكل من إيران والولايات المتحدة الأمريكية في الوقت ذاته. وأوضحت سلم إنه وبالنسبة للمراقبين والمتابعين لمقتدى الصدر، فإن هناك مخاوف عديدة.";
        let out = run(
            t,
            vec![
                at(t, "مقتدى الصدر", 0, "sadr", EntityType::Per),
                at(t, "إيران", 0, "ir", EntityType::Gpe),
            ],
        );
        let first = out.claims[0].speaker.clone();
        assert_eq!(who(&out, "النتائج").0.as_deref(), Some("رندا سلم"));
        assert_eq!(out.claims[1].speaker, first, "{:?}", out.claims);
        let a = out.actors.iter().find(|a| Some(&a.id) == first.as_ref());
        assert_eq!(a.map(|a| a.kind), Some(EntityType::Per));
    }

    #[test]
    fn untagged_name_after_a_spokesperson_description() {
        let t = "وقالت المتحدثة باسم البيت الأبيض ساره ساندرز إن الرئيس دونالد ترامب على علم بالحادث وإنه سيرسل المساعدات التي يحتاجونها في مكان الحادث.";
        let out = run(
            t,
            vec![
                at(t, "البيت الأبيض", 0, "wh", EntityType::Org),
                at(t, "دونالد ترامب", 0, "trump", EntityType::Per),
            ],
        );
        assert_eq!(who(&out, "الرئيس").0.as_deref(), Some("ساره ساندرز"));
    }

    #[test]
    fn spokespeople_of_different_offices_stay_apart() {
        let t = "ودعت بريطانيا إلى الهدوء في قطاع غزة، بحسب ما صرح المتحدث باسم رئيسة الوزراء تيريزا ماي للصحافيين. وقال المتحدث \"نحن قلقون إزاء التقارير عن العنف وخسارة الأرواح في غزة\". وقالت متحدثة باسم وزارة الخارجية الألمانية \"يتعين (احترام) حق التظاهر السلمي في غزة أيضا\". وقالت المتحدثة إن ذلك يعني أن الذخيرة الحية ينبغي أن يقتصر استخدامها عندما لا تنجح وسائل الردع الأضعف.";
        let out = run(
            t,
            vec![
                at(t, "بريطانيا", 0, "uk", EntityType::Gpe),
                at(t, "تيريزا ماي", 0, "may", EntityType::Per),
                at(t, "الألمانية", 0, "de", EntityType::Gpe),
            ],
        );
        let uk = who(&out, "ودعت").0;
        let uk2 = who(&out, "نحن قلقون").0;
        let de = who(&out, "يتعين").0;
        let de2 = who(&out, "ذلك يعني").0;
        assert_eq!(uk.as_deref(), Some("المتحدث باسم رئيسة الوزراء تيريزا ماي"));
        assert_eq!(uk2, uk);
        assert_eq!(de.as_deref(), Some("متحدثة باسم وزارة الخارجية الألمانية"));
        assert_eq!(de2, de);
    }

    #[test]
    fn relay_names_source_and_via() {
        let t = "ونقلت وكالة ريا نوفوستي عن المسؤول الطبي بافل كورنيافكا قوله، إن \"ستة أشخاص قد قتلوا\". ونقلت وكالة الأنباء الكورية الجنوبية \"يونهاب\" عن مسؤول في الرئاسة قوله إن سول تتوقع من بومبيو أن يعود ومعه المحتجزون.";
        let out = run(
            t,
            vec![
                at(t, "ريا نوفوستي", 0, "ria", EntityType::Org),
                at(t, "الكورية الجنوبية", 0, "kr", EntityType::Gpe),
                at(t, "بومبيو", 0, "pompeo", EntityType::Per),
            ],
        );
        assert_eq!(
            who(&out, "\"ستة"),
            (Some("بافل كورنيافكا".into()), Some("ria".into()))
        );
        assert_eq!(
            who(&out, "سول"),
            (
                Some("مسؤول في الرئاسة".into()),
                Some("وكالة الأنباء الكورية الجنوبية \"يونهاب\"".into())
            )
        );
    }

    #[test]
    fn a_person_after_a_title_phrase_the_lists_do_not_know_speaks() {
        // ANT (2018) sentences: the title runs over prepositions and places.
        let t = "وقال المبعوث الأممي إلى سوريا ستيفان دي ميستورا إن المحادثات ستستأنف. أعلن المفوض السامي لحقوق الإنسان زيد رعد الحسين، الجمعة، أن الرئيس بحاجة إلى فحص. واتهمت المنظمة روسيا بقيادة رئيسها فلاديمير بوتين \"بخنق الأصوات المستقلة\".";
        let out = run(
            t,
            vec![
                at(t, "سوريا", 0, "sy", EntityType::Gpe),
                at(t, "ستيفان دي ميستورا", 0, "demistura", EntityType::Per),
                at(t, "زيد رعد الحسين", 0, "zeid", EntityType::Per),
                at(t, "روسيا", 0, "ru", EntityType::Gpe),
                at(t, "فلاديمير بوتين", 0, "putin", EntityType::Per),
            ],
        );
        assert_eq!(who(&out, "المحادثات").0.as_deref(), Some("demistura"));
        assert_eq!(who(&out, "الرئيس").0.as_deref(), Some("zeid"));
        // A name after a preposition or a title with ل is a complement, not the speaker.
        let t = "وأوضح المجلس في رسالته إلى زوكربرغ أنه سيحقق. أعلن الطبيب السابق للرئيس الأمريكي دونالد ترامب الثلاثاء أن مقربين أغاروا على مكتبه.";
        let out2 = run(
            t,
            vec![
                at(t, "زوكربرغ", 0, "zuck", EntityType::Per),
                at(t, "الأمريكي", 0, "us", EntityType::Gpe),
                at(t, "دونالد ترامب", 0, "trump", EntityType::Per),
            ],
        );
        assert!(
            out2.claims
                .iter()
                .all(|c| !matches!(c.speaker.as_deref(), Some("zuck" | "trump"))),
            "{:?}",
            out2.claims
        );
        // A name after the verb's object is no speaker.
        let c = out.claims.iter().find(|c| c.content.text.contains("بخنق"));
        assert!(
            c.is_none_or(|c| c.speaker.as_deref() != Some("putin")),
            "{:?}",
            out.claims
        );
    }

    #[test]
    fn a_postposed_described_source_is_inside_the_citation() {
        // ANT (2018): the evidence had ended at «بحسب», leaving out who said it.
        let t = "وألقي القبض على المسلح بعد نحو ساعة على مغادرته المدرسة، بحسب الشرطة. وقال شهود إن الهجوم استمر دقائق.";
        let out = run(t, vec![]);
        let c = out
            .claims
            .iter()
            .find(|c| c.verb == "بحسب")
            .unwrap_or_else(|| panic!("{:?}", out.claims));
        assert!(
            c.evidence[0].text.ends_with("بحسب الشرطة"),
            "{:?}",
            c.evidence
        );
        assert!(c.content.text.ends_with("المدرسة"), "{}", c.content.text);
    }

    #[test]
    fn postposed_relay_reports_the_statement_it_follows() {
        let t = "أعلن نائب رئيس الوزراء الصيني ليو هي السبت أن بكين وواشنطن اتفقتا على عدم الدخول في حرب تجارية، بحسب ما نقلت وكالة أنباء الصين الجديدة (شينخو) الرسمية.";
        let out = run(
            t,
            vec![
                at(t, "الصيني", 0, "cn", EntityType::Gpe),
                at(t, "بكين", 0, "bj", EntityType::Gpe),
            ],
        );
        assert_eq!(out.claims.len(), 1, "{:?}", out.claims);
        let c = &out.claims[0];
        assert!(c.content.text.ends_with("حرب تجارية"), "{}", c.content.text);
        let (sp, via) = who(&out, "بكين");
        assert_ne!(sp.as_deref(), Some("cn"));
        assert_eq!(via.as_deref(), Some("وكالة أنباء الصين الجديدة"));
    }

    #[test]
    fn police_with_a_nisba_is_the_police_and_a_statement_no_name() {
        let t = "قالت الشرطة الأفغانية ومسؤولون في وزارة الداخلية إن 3 انفجارات متوالية هزت العاصمة كابول، الأربعاء. وقال بيان لشركة الترفيه: \"أسرة سيرك دو سوليه بكاملها تشعر بالصدمة والانهيار\".";
        let out = run(
            t,
            vec![
                at(t, "الأفغانية", 0, "af", EntityType::Gpe),
                at(t, "كابول", 0, "kabul", EntityType::Gpe),
            ],
        );
        assert_eq!(
            who(&out, "3 انفجارات").0.as_deref(),
            Some("الشرطة الأفغانية")
        );
        assert_eq!(who(&out, "أسرة").0.as_deref(), Some("بيان"));
    }

    #[test]
    fn subject_of_the_sentence_beats_the_previous_speaker() {
        let t = "وقال مندوب بريطانيا في المنظمة أمام الاجتماع الطارئ، إن اتهام روسيا اعتمد على عدة نقاط. وكان الرئيس الروسي فلاديمير بوتين قد تحدث عن القضية أثناء زيارته الأخيرة إلى تركيا، وأعرب عن أمله أن \"يسود المنطق\" في التعامل مع محاولة تسميم سكريبال.";
        let out = run(
            t,
            vec![
                at(t, "بريطانيا", 0, "uk", EntityType::Gpe),
                at(t, "روسيا", 0, "ru", EntityType::Gpe),
                at(t, "الروسي", 0, "ru", EntityType::Gpe),
                at(t, "فلاديمير بوتين", 0, "putin", EntityType::Per),
                at(t, "تركيا", 0, "tr", EntityType::Gpe),
            ],
        );
        assert_eq!(
            who(&out, "اتهام").0.as_deref(),
            Some("مندوب بريطانيا في المنظمة")
        );
        assert_eq!(who(&out, "\"يسود").0.as_deref(), Some("putin"));
    }

    #[test]
    fn a_statement_is_no_person_and_only_is_no_source() {
        let t = "وتابع المكتب، في بيان، أن ماكرون تحدث عن الضربة العسكرية التي نفذتها فرنسا لسوريا قبل أسبوع. وقال البيان إن السيسي شدد على موقف مصر الثابت. وقالت روسيا إنه ينبغي أن تسيطر قوات دمشق على الحدود الجنوبية فحسب، وفق ما ذكرت وكالة رويترز.";
        let out = run(
            t,
            vec![
                at(t, "ماكرون", 0, "macron", EntityType::Per),
                at(t, "فرنسا", 0, "fr", EntityType::Gpe),
                at(t, "السيسي", 0, "sisi", EntityType::Per),
                at(t, "مصر", 0, "eg", EntityType::Gpe),
                at(t, "روسيا", 0, "ru", EntityType::Gpe),
                at(t, "دمشق", 0, "dam", EntityType::Gpe),
                at(t, "رويترز", 0, "reuters", EntityType::Org),
            ],
        );
        assert_ne!(who(&out, "السيسي").0.as_deref(), Some("macron"));
        assert_eq!(
            who(&out, "ينبغي"),
            (Some("ru".into()), Some("reuters".into()))
        );
    }

    #[test]
    fn the_noun_a_statement_is_made_in_does_not_speak() {
        let t = "لكن نائب وزير الخارجية الكوري الشمالي كيم كي غوان انتقد بولتون. وقال في بيان نقلته وكالة الأنباء الرسمية إنه إذا أصرت واشنطن على تطبيق النموذج الليبي فسنعيد النظر في القمة.";
        let out = run(
            t,
            vec![
                at(t, "الكوري الشمالي", 0, "nk", EntityType::Gpe),
                at(t, "كيم كي غوان", 0, "kkg", EntityType::Per),
                at(t, "بولتون", 0, "bolton", EntityType::Per),
                at(t, "واشنطن", 0, "dc", EntityType::Gpe),
            ],
        );
        assert_ne!(who(&out, "إذا").0.as_deref(), Some("بيان"));
    }

    #[test]
    fn on_the_tongue_of_is_a_relay_source() {
        let t = "ونقلت وكالة الأنباء السورية الرسمية على لسان المعلم قوله: \"إيران تقف إلى جانب الجمهورية العربية السورية منذ بداية الحرب\".";
        let out = run(
            t,
            vec![
                at(t, "السورية", 0, "sy", EntityType::Gpe),
                at(t, "المعلم", 0, "muallem", EntityType::Per),
                at(t, "إيران", 0, "ir", EntityType::Gpe),
            ],
        );
        assert_eq!(
            who(&out, "إيران"),
            (
                Some("muallem".into()),
                Some("وكالة الأنباء السورية الرسمية".into())
            )
        );
    }

    #[test]
    fn a_name_with_a_glued_lam_is_the_addressee() {
        let t = "في المقابل، يؤيد الطالب الجامعي كيلليون فيري موقف الجامعة، وقال لبي بي سي: \"تعلم كم هي جذابة أجساد النساء\".";
        let out = run(t, vec![at(t, "بي بي سي", 0, "bbc", EntityType::Org)]);
        assert_ne!(
            who(&out, "تعلم").0.as_deref(),
            Some("bbc"),
            "{:?}",
            out.claims
        );
        // As the linker marks it: the name without its first word.
        let out = run(t, vec![at(t, "بي سي", 0, "bbc", EntityType::Per)]);
        assert_ne!(
            who(&out, "تعلم").0.as_deref(),
            Some("bbc"),
            "{:?}",
            out.claims
        );
    }

    proptest::proptest! {
        /// Any mix of titles, names, relays and post-posed markers: no panic, every claim and
        /// actor evidence indexes the text, and an actor id is never reused for two names.
        #[test]
        fn speaker_phrases_index_the_text(
            words in proptest::collection::vec(proptest::prop_oneof![
                proptest::strategy::Just("وقال"), proptest::strategy::Just("إن"),
                proptest::strategy::Just("المتحدث"), proptest::strategy::Just("باسم"),
                proptest::strategy::Just("وزارة"), proptest::strategy::Just("الخارجية"),
                proptest::strategy::Just("الروسية"), proptest::strategy::Just("رندا"),
                proptest::strategy::Just("سلم"), proptest::strategy::Just("،"),
                proptest::strategy::Just("ونقلت"), proptest::strategy::Just("وكالة"),
                proptest::strategy::Just("عن"), proptest::strategy::Just("\""),
                proptest::strategy::Just("“"), proptest::strategy::Just("”"),
                proptest::strategy::Just("بحسب"), proptest::strategy::Just("ما"),
                proptest::strategy::Just("لوكالة"), proptest::strategy::Just("للشؤون"),
                proptest::strategy::Just("في"), proptest::strategy::Just("بيان"),
                proptest::strategy::Just("."), proptest::strategy::Just("فحسب"),
                proptest::strategy::Just("وأوضحت"), proptest::strategy::Just("روسيا"),
            ], 0..40),
            pick in proptest::collection::vec(proptest::arbitrary::any::<bool>(), 40),
        ) {
            let text = words.join(" ");
            let mut mentions = Vec::new();
            let mut pos = 0;
            for (i, w) in words.iter().enumerate() {
                if (*w == "روسيا" || *w == "الروسية") && pick[i] {
                    mentions.push(EntityMention {
                        entity: format!("e{i}"),
                        kind: EntityType::Gpe,
                        form: if *w == "روسيا" { MentionForm::Name } else { MentionForm::Adjective },
                        start: pos,
                        end: pos + w.len(),
                    });
                }
                pos += w.len() + 1;
            }
            let out = run(&text, mentions);
            let ok = |e: &marsad_picture::Evidence| text.get(e.start..e.end) == Some(e.text.as_str());
            for c in &out.claims {
                proptest::prop_assert!(ok(&c.content) && c.evidence.iter().all(ok));
            }
            for a in &out.actors {
                proptest::prop_assert!(a.mentions.iter().all(|m| ok(&m.evidence)));
                proptest::prop_assert_eq!(out.actors.iter().filter(|b| b.id == a.id).count(), 1);
            }
        }
    }
}
