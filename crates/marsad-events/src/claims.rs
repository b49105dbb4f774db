//! Attributed speech: speech verb + speaker + content (a quote, an أنّ-clause, or what follows a
//! colon), post-posed sources (حسبما ذكرت X، وفقاً لـX، على حد وصف X), and reporting chains.

use marsad_picture::{Claim, Diagnostic, MentionForm};

use crate::lexicon::lexicon;
use crate::{is_agent, Doc};

/// `أن/إن` with optional و/ب/ف and a pronoun suffix (بأنها، وأنه).
fn is_anna(norm: &str) -> bool {
    let s = norm
        .strip_prefix('و')
        .or_else(|| norm.strip_prefix('ف'))
        .unwrap_or(norm);
    let s = s.strip_prefix('ب').unwrap_or(s);
    matches!(s, "ان" | "انه" | "انها" | "انهم" | "انهما")
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

pub(crate) fn extract(doc: &Doc<'_>) -> (Vec<Claim>, Vec<Diagnostic>) {
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
            let Some(c) = content_after(doc, k, sb) else {
                k += 1;
                continue;
            };
            // VSO: the speaker stands between verb and content.
            let mut speaker = best_speaker(
                doc,
                (k + 1..c.opener_tok.min(k + 5))
                    .filter_map(|p| doc.mention_at(p))
                    .filter(|&m| !after_preposition(doc, doc.mtok[m].0)),
            );
            // SVO: the nearest agent before the verb in the same clause.
            if speaker.is_none() {
                let (ca, _) = doc.clause_of(k);
                let from = k.saturating_sub(8).max(ca).max(sa);
                let near = |m: usize| doc.mtok[m].1 + 4 >= k;
                let before: Vec<usize> = doc
                    .mentions_in(from, k)
                    .filter(|&m| {
                        doc.input.mentions[m].form != MentionForm::Adjective
                            && !after_preposition(doc, doc.mtok[m].0)
                            && near(m)
                    })
                    .collect();
                speaker = best_speaker(doc, before.into_iter().rev());
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
            }
            // A quote may run past the sentence; speech inside a quote is a nested claim, so go on
            // after the opener rather than after the content.
            k = c.opener_tok + 1;
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
