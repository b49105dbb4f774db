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
            Found::Named(m) if bracketed(doc, m) => None,
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
    // مسؤول أمريكي, مصادر إسرائيلية: the state the nisba names speaks.
    if let Some(m) = doc.mention_at(k + len).filter(|_| k + len < cb) {
        let mm = &doc.input.mentions[m];
        if mm.form == MentionForm::Adjective && matches!(mm.kind, EntityType::Gpe | EntityType::Org)
        {
            return Some(Found::Named(m));
        }
    }
    Some(Found::Described(a, k, k + len))
}

/// Byte offset in `rest` of the mark closing a quote, skipping nested pairs of the same kind
/// (“… “مؤامرة غربية” …”).
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
            if words <= 4 && after_word {
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
            // A quote right after أن: keep the whole clause, quotes included.
            return Some(Content {
                start,
                end: sent_end,
                outer_end: sent_end,
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
            let postposed = doc.is(k, &lex.postposed)
                || (doc.toks[k].norm == "حد"
                    && k > sa
                    && matches!(doc.toks[k - 1].norm.as_str(), "على" | "علي"));
            if postposed && k > sa + 3 {
                let marker = if doc.toks[k].norm == "حد" { k - 1 } else { k };
                let speaker = best_speaker(
                    doc,
                    (k + 1..(k + 7).min(sb)).filter_map(|p| doc.mention_at(p)),
                );
                let verb_tok = (k + 1..(k + 3).min(sb)).find(|&p| doc.is_word(p, &lex.speech));
                if speaker.is_some() || verb_tok.is_some() {
                    let mut ce = marker;
                    while ce > sa && doc.toks[ce - 1].punct {
                        ce -= 1;
                    }
                    let c_start = doc.toks[sa].start;
                    let c_end = doc.toks[ce.max(sa + 1) - 1].end;
                    let (ev_end, spk) = match speaker {
                        Some(m) => (doc.input.mentions[m].end, Some(m)),
                        None => (doc.toks[verb_tok.unwrap_or(k)].end, None),
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
                        push_claim(doc, &mut out, spk, None, verb, content, ev);
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
            let Some(c) = content_after(doc, k, sb) else {
                k += 1;
                continue;
            };
            // VSO: the speaker stands between verb and content.
            let mut speaker = best_speaker(
                doc,
                (k + 1..c.opener_tok.min(k + 5))
                    .filter_map(|p| doc.mention_at(p))
                    .filter(|&m| !after_preposition(doc, doc.mtok[m].0) && !addressee(doc, m)),
            );
            // SVO: the nearest agent before the verb in the same clause.
            if speaker.is_none() {
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
            if speaker.is_none() && k > sa {
                speaker = subject_of_dependent(doc, k, sa);
            }
            // A described speaker: right after the verb (ذكرت تقارير صحفية، أكدت السلطات), or
            // in subject position before it within the sentence (وسائل الإعلام التابعة لـ… وصفت).
            let mut described: Option<(String, usize)> = None;
            if speaker.is_none() {
                let after = (k + 1..(k + 3).min(c.opener_tok))
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
                        described = actors.id(doc, a, s, e).map(|id| (id, doc.toks[s].start));
                    }
                    None => {}
                }
            }
            // An implicit subject (وقال إن، وأضافت أن، وتابع في بيان إن): the pronoun refers to
            // the speaker of the claim just before (within two sentences), else to the last person
            // named before the verb in this or the previous sentence.
            let implicit = speaker.is_none()
                && described.is_none()
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
                });
                match prev_claim {
                    Some(id) => described = Some((id, doc.toks[k].start)),
                    None => {
                        let from = here
                            .checked_sub(1)
                            .and_then(|i| doc.stoks.get(i))
                            .map_or(sa, |&(a, _)| a);
                        // Not a name quoted inside an earlier statement (بن لادن in someone's
                        // words), nor one inside an organisation's name.
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
                        speaker = doc
                            .mentions_in(from, k)
                            .filter(|&m| {
                                !quoted(m)
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
                            .last();
                    }
                }
            }
            // Reporting outlet: X في “Y” / X في Y right after the speaker.
            let via = speaker.and_then(|m| {
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
                let via_entity = via.map(|v| doc.input.mentions[v].entity.clone());
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
        if gap <= 1 && prev.evidence[0].start < s {
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
    let before = first.checked_sub(1).map(|p| doc.toks[p].norm.as_str());
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
    // Appositive: …، NAME، VERB — the name closes the phrase right before the comma.
    if doc.toks[k - 1].punct && doc.toks[k - 1].norm == "," && k >= sa + 2 {
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
