//! Relations the text states: membership lists (التي تضم كلاً من A وB…, دول X مثل A وB),
//! observers (بصفتهما مراقب), agreements (اتفاق … مع X) and alliances (X حليف لـY، تحالف مع).

use marsad_picture::{EntityType, Relation};
use marsad_text::normalize_str;

use crate::lexicon::stems;
use crate::{is_agent, Doc};

const GAP_WORDS: &[&str] = &[
    "و",
    "كلا",
    "كل",
    "من",
    "هي",
    "هم",
    "دول",
    "دوله",
    "اعضاء",
    "الاعضاء",
    "الي",
    "بالاضافه",
    "مثل",
    "منها",
    "بينها",
    "وهي",
    "ايضا",
    "شمال",
    "وشمال",
    "جنوب",
    "وجنوب",
    "شرق",
    "وشرق",
    "غرب",
    "وغرب",
];

fn gap_ok(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    let mut depth = 0i32;
    for t in &doc.toks[a..b] {
        let n = t.norm.as_str();
        if n.contains('(') {
            depth += 1;
            continue;
        }
        if n.contains(')') {
            depth -= 1;
            continue;
        }
        if depth > 0 {
            continue;
        }
        let ok = (t.punct && matches!(n, "," | ":" | "-"))
            || n.chars().all(|c| c.is_ascii_digit())
            || GAP_WORDS.contains(&n);
        if !ok {
            return false;
        }
    }
    true
}

/// A run of state mentions after token `from` separated only by list glue; first gap may hold
/// up to `lead` words (التي تضم 7 دول هي: …).
fn state_list(doc: &Doc<'_>, from: usize, end: usize, lead: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut pos = from;
    for m in doc.mentions_in(from, end).collect::<Vec<_>>() {
        let (a, b) = doc.mtok[m];
        if a < pos {
            continue;
        }
        let first = out.is_empty();
        let fits = if first {
            a - pos <= lead && gap_ok_lenient(doc, pos, a)
        } else {
            gap_ok(doc, pos, a) || unnamed_item(doc, pos, a)
        };
        if !fits {
            break;
        }
        // After the first state a tagger's LOC is still a list item (وقرغيزستان).
        let k = doc.input.mentions[m].kind;
        if region_of_state(doc, a) {
            // "وشمال قبرص" is Northern Cyprus, not Cyprus: an item, but not this state.
        } else if k == EntityType::Gpe || (!first && k == EntityType::Loc) {
            out.push(m);
        } else if !first {
            break;
        }
        pos = b + 1;
    }
    out
}

/// A list item no mention covers (a spelling the KB and the tagger do not know, قرغيزيا) between
/// two that are: "، X و<next>" or "، X، <next>". The list goes on past it.
fn unnamed_item(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    let toks = &doc.toks[a..b];
    let word = |t: &crate::Tok| !t.punct && t.norm.chars().count() >= 3;
    let next_joined = doc.toks.get(b).is_some_and(|t| t.norm.starts_with('و'));
    match toks {
        [c, x] => c.punct && c.norm == "," && word(x) && next_joined,
        [c, x, d] => c.punct && c.norm == "," && word(x) && d.punct && d.norm == ",",
        _ => false,
    }
}

/// A negation between token `a` and the trigger `k` (إسرائيل ليست عضوا، لم يتم التوصل إلى اتفاق):
/// the relation is denied or not reached.
fn negated_between(doc: &Doc<'_>, a: usize, k: usize) -> bool {
    (a..k).any(|p| {
        matches!(
            doc.toks[p].norm.trim_start_matches('و'),
            "ليس"
                | "ليست"
                | "ليسوا"
                | "ليسا"
                | "لم"
                | "لن"
                | "لا"
                | "غير"
                | "عدم"
                | "دون"
        )
    })
}

/// Whether the mention starting at token `a` follows a compass word (شمال قبرص، وجنوب لبنان):
/// the words name a part of the state, which is not the state as a member or an observer.
fn region_of_state(doc: &Doc<'_>, a: usize) -> bool {
    a.checked_sub(1).is_some_and(|p| {
        let n = doc.toks[p].norm.as_str();
        let n = n.strip_prefix('و').unwrap_or(n);
        matches!(n, "شمال" | "جنوب" | "شرق" | "غرب")
    })
}

fn gap_ok_lenient(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    !doc.toks[a..b]
        .iter()
        .any(|t| t.punct && matches!(t.norm.as_str(), "." | ";" | "?"))
}

fn nearest_org_before(doc: &Doc<'_>, k: usize, back: usize) -> Option<usize> {
    let (sa, _) = doc.sentence_of(k);
    doc.mentions_in(k.saturating_sub(back).max(sa), k)
        .filter(|&m| doc.input.mentions[m].kind == EntityType::Org && doc.mtok[m].1 < k)
        .last()
}

fn relation(
    doc: &Doc<'_>,
    kind: &str,
    subj: usize,
    obj: usize,
    span: (usize, usize),
) -> Option<Relation> {
    let s = &doc.input.mentions[subj];
    let o = &doc.input.mentions[obj];
    if s.entity == o.entity {
        return None;
    }
    Some(Relation {
        id: String::new(),
        kind: kind.to_string(),
        subject: s.entity.clone(),
        object: o.entity.clone(),
        valid: None,
        evidence: vec![doc.ev(span.0, span.1)?],
    })
}

pub(crate) fn extract(doc: &Doc<'_>) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::new();
    let contain = ["تضم", "يضم", "ضمت", "تضمن", "يتضمن", "يجمع", "تجمع"].map(normalize_str);
    let member = ["عضو", "عضوا"].map(normalize_str);
    let alliance = ["حليف", "حلفاء", "تحالف"].map(normalize_str);
    let agreement = ["اتفاق", "اتفاقيه", "معاهده", "اتفاقا"].map(normalize_str);
    for k in 0..doc.toks.len() {
        let st = stems(&doc.toks[k].norm);
        let (_, sb) = doc.sentence_of(k);
        // Membership: ORG … تضم A وB…  /  دول ORG مثل A وB.
        let is_contain = st.iter().take(3).any(|s| contain.iter().any(|c| c == s));
        let is_like = doc.toks[k].norm == "مثل";
        if is_contain || is_like {
            // An unnamed group noun between the organisation and the verb is what contains the
            // members («نقلت نيويورك تايمز عن مسؤول في تحالف إقليمي يضم إيران وسوريا»).
            let org = nearest_org_before(doc, k, if is_like { 3 } else { 25 }).filter(|&o| {
                !(doc.mtok[o].1 + 1..k).any(|p| {
                    !doc.covered(p)
                        && matches!(
                            doc.toks[p].norm.trim_start_matches(['و', 'ف', 'ب', 'ل']),
                            "تحالف"
                                | "التحالف"
                                | "قوه"
                                | "القوه"
                                | "ائتلاف"
                                | "الائتلاف"
                                | "تكتل"
                                | "التكتل"
                                | "مجموعه"
                                | "المجموعه"
                                | "جبهه"
                                | "الجبهه"
                                | "حلف"
                                | "الحلف"
                        )
                })
            });
            if let Some(org) = org {
                let members = state_list(doc, k + 1, sb, if is_like { 0 } else { 5 });
                if members.len() >= 2 {
                    for &m in &members {
                        let span = (doc.input.mentions[org].start, doc.input.mentions[m].end);
                        if let Some(r) = relation(doc, "member_of", m, org, span) {
                            out.push(r);
                        }
                    }
                }
            }
        }
        // X عضو (مؤسس) في ORG.
        if st.iter().take(3).any(|s| member.iter().any(|c| c == s)) {
            let (ca, cb) = doc.clause_of(k);
            // "قالت إسرائيل إنه عضو بحماس": the member is the pronoun after إنّ, not the speaker.
            let complementizer = |p: usize| {
                matches!(
                    doc.toks[p].norm.as_str(),
                    "ان" | "انه" | "انها" | "بان" | "بانه" | "بانها" | "وانه" | "وانها"
                )
            };
            let subj = doc
                .mentions_in(k.saturating_sub(2).max(ca), k)
                .filter(|&m| doc.input.mentions[m].kind == EntityType::Gpe)
                .filter(|&m| !(doc.mtok[m].1 + 1..k).any(complementizer))
                .last()
                .filter(|&m| !region_of_state(doc, doc.mtok[m].0));
            let org = (k + 1..(k + 4).min(cb)).find_map(|p| {
                doc.mention_at(p)
                    .filter(|&m| doc.input.mentions[m].kind == EntityType::Org)
            });
            if let (Some(s), Some(o)) = (subj, org) {
                let span = (doc.input.mentions[s].start, doc.input.mentions[o].end);
                if negated_between(doc, doc.mtok[s].1 + 1, k) {
                    // "إسرائيل ليست عضوا في المحكمة الجنائية الدولية".
                } else if let Some(r) = relation(doc, "member_of", s, o, span) {
                    out.push(r);
                }
            }
        }
        // Observers: A وB بصفتهما مراقب / كمراقب.
        if st.iter().any(|s| s.starts_with("مراقب")) {
            let prev = k
                .checked_sub(1)
                .map(|p| doc.toks[p].norm.as_str())
                .unwrap_or("");
            let marked =
                prev.starts_with("بصفت") || doc.toks[k].norm.starts_with("كمراقب") || prev == "صفه";
            if marked {
                let (sa, _) = doc.sentence_of(k);
                // The organisation nearest before the observers (a long sentence can name an older
                // one first: انهيار الاتحاد السوفييتي … منظمة العالم التركي … بصفتهما مراقب),
                // else the first after them (كمراقب في المنظمة).
                let org = nearest_org_before(doc, k, k - sa).or_else(|| {
                    doc.mentions_in(k, sb)
                        .find(|&m| doc.input.mentions[m].kind == EntityType::Org)
                });
                if let Some(org) = org {
                    let from = k.saturating_sub(12).max(sa).max(doc.mtok[org].1 + 1);
                    // The observers are the list right before بصفتهما, not every state since the
                    // organisation (its members often come first: يضم A وB، إلى جانب C وD بصفتهما
                    // مراقب).
                    let mut observers: Vec<usize> = Vec::new();
                    // The list ends before بصفتهما (or at كمراقب itself).
                    let mut stop = if prev.starts_with("بصفت") || prev == "صفه" {
                        k - 1
                    } else {
                        k
                    };
                    for m in doc
                        .mentions_in(from, k)
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                    {
                        let (a, b) = doc.mtok[m];
                        if b >= stop || !gap_ok(doc, b + 1, stop) {
                            break;
                        }
                        observers.push(m);
                        stop = a;
                    }
                    observers.reverse();
                    for m in observers {
                        if doc.input.mentions[m].kind == EntityType::Gpe
                            && !region_of_state(doc, doc.mtok[m].0)
                        {
                            let a = doc.input.mentions[m]
                                .start
                                .min(doc.input.mentions[org].start);
                            let b = doc.toks[k].end.max(doc.input.mentions[org].end);
                            if let Some(r) = relation(doc, "observer_of", m, org, (a, b)) {
                                out.push(r);
                            }
                        }
                    }
                }
            }
        }
        // Agreements: X … اتفاق … مع Y.
        if st.iter().take(3).any(|s| agreement.iter().any(|c| c == s)) {
            let (ca, cb) = doc.clause_of(k);
            // مع belongs to the agreement only across its adjectives, not across another noun's
            // phrase ("اتفاق خلال لقائه مع ترامب": the meeting is with Trump).
            // Concluding it (توصلت، أبرمته، عقدته، توقيع) makes its parties.
            let concluding = |n: &str| {
                let n = n.trim_start_matches('و');
                [
                    "توصل",
                    "ابرم",
                    "وقع",
                    "عقد",
                    "يوقع",
                    "توقع",
                    "يبرم",
                    "تبرم",
                    "توقيع",
                    "مبرم",
                ]
                .iter()
                .any(|v| n.starts_with(v))
            };
            let with = (k + 1..(k + 5).min(cb))
                .take_while(|&p| {
                    let n = doc.toks[p].norm.as_str();
                    let time_head = matches!(n, "خلال" | "بعد" | "قبل" | "عند" | "اثناء" | "بين");
                    // A noun with a pronoun (لقائه) heads another phrase.
                    let other_noun = n != "مع"
                        && n.chars().count() >= 5
                        && ["ه", "ها", "هم"].iter().any(|x| n.ends_with(x))
                        && !concluding(n)
                        && !n.starts_with("بشان");
                    !time_head && !other_noun
                })
                .find(|&p| doc.toks[p].norm == "مع");
            let obj = with.and_then(|w| (w + 1..(w + 3).min(cb)).find_map(|p| doc.mention_at(p)));
            let subj = doc
                .mentions_in(k.saturating_sub(10).max(ca), k)
                .filter(|&m| is_agent(doc.input.mentions[m].kind))
                .last();
            // "الاتفاق النووي مع إيران" names a known agreement: whoever stands before it is a party
            // only if a verb of concluding it stands between (توصلت، أبرمت، وقعت).
            let definite = {
                let n = doc.toks[k].norm.as_str();
                ["ال", "لل", "بال", "وال", "فال", "كال"]
                    .iter()
                    .any(|p| n.starts_with(p))
            };
            let concluded = |a: usize| {
                (a..k).any(|p| concluding(&doc.toks[p].norm))
                    || doc.toks.get(k + 1).is_some_and(|t| concluding(&t.norm))
            };
            // "رغبتهما في التوصل إلى اتفاق", "للتوصل لاتفاق": reaching one as a goal is no agreement
            // yet; "بعد التوصل إلى اتفاق" is one.
            let sought = (k.saturating_sub(3).max(ca)..k).any(|p| {
                let n = doc.toks[p].norm.trim_start_matches('و');
                matches!(n, "التوصل" | "للتوصل" | "بالتوصل" | "لتوصل")
                    && !(p > 0 && matches!(doc.toks[p - 1].norm.as_str(), "بعد" | "وبعد" | "عقب"))
            });
            if let (Some(s), Some(o)) = (subj, obj) {
                let after_s = doc.mtok[s].1 + 1;
                if is_agent(doc.input.mentions[o].kind)
                    && !negated_between(doc, after_s, k)
                    && !sought
                    && (!definite || concluded(after_s))
                {
                    let span = (doc.input.mentions[s].start, doc.input.mentions[o].end);
                    if let Some(r) = relation(doc, "agreement_with", s, o, span) {
                        out.push(r);
                    }
                }
            }
        }
        // Alliances: X حليف (مهم) لـY / تحالف مع Y. "قوات التحالف", "للتحالف" name a coalition, not
        // an alliance of X with anyone, unless مع follows at once (بالتحالف مع إيران).
        let coalition = {
            let n = doc.toks[k].norm.as_str();
            let next_with = doc.toks.get(k + 1).is_some_and(|t| t.norm == "مع");
            (n.contains("التحالف") || n.starts_with("للتحالف")) && !next_with
        };
        if !coalition && st.iter().take(3).any(|s| alliance.iter().any(|c| c == s)) {
            let (ca, cb) = doc.clause_of(k);
            let subj = doc
                .mentions_in(k.saturating_sub(4).max(ca), k)
                .filter(|&m| is_agent(doc.input.mentions[m].kind))
                .last();
            let obj = (k + 1..(k + 4).min(cb)).find_map(|p| {
                doc.mention_at(p).filter(|&m| {
                    let t = doc
                        .input
                        .text
                        .get(doc.input.mentions[m].start..doc.input.mentions[m].end)
                        .unwrap_or("");
                    let n = normalize_str(t);
                    // مع right after the trigger or after one adjective (تحالفا قويا مع), never
                    // after a verb (قوات التحالف تنسق مع).
                    let with = p > 0
                        && doc.toks[p - 1].norm == "مع"
                        && (p - 1 == k + 1
                            || (p - 1 == k + 2
                                && !doc.toks[k + 1].norm.starts_with(['ي', 'ت', 'ن'])));
                    is_agent(doc.input.mentions[m].kind) && (n.starts_with('ل') || with)
                })
            });
            if let (Some(s), Some(o)) = (subj, obj) {
                let span = (doc.input.mentions[s].start, doc.input.mentions[o].end);
                if negated_between(doc, doc.mtok[s].1 + 1, k) {
                    // "لا يعني أن أمريكا … ليست حليفا".
                } else if let Some(r) = relation(doc, "ally_of", s, o, span) {
                    out.push(r);
                }
            }
        }
    }
    // Same relation twice in one document: one relation, several evidences.
    let mut merged: Vec<Relation> = Vec::new();
    for r in out {
        if let Some(m) = merged
            .iter_mut()
            .find(|m| m.kind == r.kind && m.subject == r.subject && m.object == r.object)
        {
            for e in r.evidence {
                if !m.evidence.contains(&e) {
                    m.evidence.push(e);
                }
            }
        } else {
            merged.push(r);
        }
    }
    for (n, r) in merged.iter_mut().enumerate() {
        r.id = format!("r{}", n + 1);
    }
    merged
}

/// A figure right after a containing verb (تضم 7 دول، يجمع خمس دول) counts the members of the
/// organisation the verb is about: its kind becomes `members` and it is about that organisation.
pub(crate) fn member_counts(doc: &Doc<'_>, quantities: &mut [marsad_picture::Quantity]) {
    let contain = ["تضم", "يضم", "ضمت", "يجمع", "تجمع"].map(normalize_str);
    for q in quantities.iter_mut() {
        let Some(ev) = q.evidence.first() else {
            continue;
        };
        let qs = doc.toks.partition_point(|t| t.end <= ev.start);
        let verb = (qs.saturating_sub(2)..qs).find(|&k| {
            stems(&doc.toks[k].norm)
                .iter()
                .take(3)
                .any(|s| contain.iter().any(|c| c == s))
        });
        // Only members are counted: states or members (تضم 7 دول، 57 عضواً), not staff, trucks
        // or detainees (تضم 25 شاحنة، تضم 12 ألف عنصر).
        let qe = doc.toks.partition_point(|t| t.start < ev.end);
        let member_noun = q.unit.as_deref() == Some("state")
            || (qs..(qe + 1).min(doc.toks.len())).any(|k| {
                stems(&doc.toks[k].norm).iter().any(|s| {
                    matches!(
                        *s,
                        "دول" | "دوله" | "بلد" | "بلدان" | "عضو" | "عضوا" | "اعضاء" | "اعضائها"
                    )
                })
            });
        if !member_noun {
            continue;
        }
        if let Some(org) = verb.and_then(|k| nearest_org_before(doc, k, 30)) {
            q.kind = "members".to_string();
            let id = &doc.input.mentions[org].entity;
            if !q.about.contains(id) {
                q.about.push(id.clone());
            }
        }
    }
}
