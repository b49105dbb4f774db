//! General Arabic word lists: event triggers (PLOVER type + subtype), speech verbs, mode markers,
//! figure kinds. Entries are written as in text and normalised when loaded, so matching is on
//! [`marsad_text::normalize_str`] forms.

use std::collections::HashMap;
use std::sync::OnceLock;

use marsad_text::normalize_str;

/// A trigger's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    /// PLOVER type.
    pub kind: &'static str,
    /// Free subtype.
    pub subtype: &'static str,
    /// A finite verb (its subject may follow it), not a noun.
    pub verb: bool,
    /// Object words one of which must follow within a few words (empty: none needed), normalised.
    pub objects: &'static [&'static str],
}

/// (surface forms, PLOVER type, subtype, is verb, object words one of which must follow closely).
/// What is given or offered after a verb of giving (قدم، عرض): help, support, aid.
const AID_OBJECTS: &[&str] = &[
    "المساعدة",
    "مساعدة",
    "مساعدات",
    "الدعم",
    "دعم",
    "معونة",
    "العون",
];

/// A trigger table row.
type Row = (
    &'static [&'static str],
    &'static str,
    &'static str,
    bool,
    &'static [&'static str],
);

const TRIGGERS: &[Row] = &[
    (
        &[
            "احتجاج",
            "احتجاجات",
            "تظاهرات",
            "تظاهرة",
            "مظاهرات",
            "مظاهرة",
            "اعتصام",
            "اعتصامات",
            "إضراب",
            "إضرابات",
            "مسيرات",
            "احتجاجا",
            // The adjective stands for its protest head (وقفة احتجاجية، تحركات احتجاجية).
            "احتجاجية",
            "احتجاجي",
        ],
        "PROTEST",
        "demonstration",
        false,
        &[],
    ),
    // مسيرة is also a career or a course (مسيرة سياسية): only with a protest word close after.
    (
        &["مسيرة"],
        "PROTEST",
        "demonstration",
        false,
        &[
            "احتجاجية",
            "احتجاجا",
            "جماهيرية",
            "حاشدة",
            "غاضبة",
            "سلمية",
            "تنديدا",
            "للتنديد",
            "للمطالبة",
            "ضد",
            "مناهضة",
            "رافضة",
            "منددة",
            "تضامنا",
            "تضامنية",
            "شعبية",
            "نسائية",
            "خرجت",
            "انطلقت",
        ],
    ),
    (
        &[
            "احتج",
            "احتجت",
            "احتجوا",
            "تظاهر",
            "تظاهرت",
            "تظاهروا",
            "يتظاهرون",
            "يتظاهرن",
            "تظاهرن",
            "يحتجون",
            "اعتصم",
            "اعتصموا",
            "اعتصمت",
            "يعتصمون",
            "احتشد",
            "احتشدوا",
            "احتشدت",
            "يحتشدون",
            "تجمهر",
            "تجمهروا",
            "أضربوا",
        ],
        "PROTEST",
        "demonstration",
        true,
        &[],
    ),
    (
        &["اضطرابات", "شغب", "أعمال الشغب", "انتفاضة", "عصيان"],
        "PROTEST",
        "unrest",
        false,
        &[],
    ),
    (
        &[
            "قتل",
            "قتلت",
            "قتلوا",
            "يقتل",
            "اغتال",
            "اغتالت",
            // Killed in the Gulf's and the Palestinian press's own word ("martyred").
            "استشهد",
            "استشهدت",
            "استشهدوا",
        ],
        "ASSAULT",
        "killing",
        true,
        &[],
    ),
    (
        &["مقتل", "قتلى", "اغتيال", "مصرع", "استشهاد"],
        "ASSAULT",
        "killing",
        false,
        &[],
    ),
    (
        &["أصيب", "أصيبت", "أصيبوا", "جرح"],
        "ASSAULT",
        "wounding",
        true,
        &[],
    ),
    (
        &["إصابة", "جرحى", "مصابين"],
        "ASSAULT",
        "wounding",
        false,
        &[],
    ),
    (
        &[
            "هاجم",
            "هاجمت",
            "هاجموا",
            "قصف",
            "قصفت",
            "اقتحم",
            "اقتحمت",
            "اقتحموا",
            "فجر",
            "انفجر",
            "انفجرت",
            "اعتدى",
            "اعتدت",
            "اعتدوا",
            "دهس",
            "دهست",
            "أطلق النار",
            "أطلقت النار",
            "أطلقوا النار",
            "أطلق الرصاص",
            "أطلقت الرصاص",
            "أطلقوا الرصاص",
            "أطلق أعيرة",
            "أطلقت أعيرة",
            "أطلقوا أعيرة",
            "فتح النار",
            "فتحت النار",
            "فتحوا النار",
        ],
        "ASSAULT",
        "attack",
        true,
        &[],
    ),
    (
        &[
            "هجوم",
            "هجمات",
            "غارة",
            "غارات",
            "تفجير",
            "انفجار",
            "اقتحام",
            "إطلاق النار",
            "إطلاق نار",
            "إطلاق الرصاص",
            // Gunfire told by its rounds (قتل جراء طلق ناري، أطلقت القوات أعيرة نارية).
            "طلق ناري",
            "طلقات نارية",
            "أعيرة نارية",
            "عيار ناري",
            "اعتداء",
            "اعتداءات",
            "مجزرة",
            "مذبحة",
            "دهس",
            "دهسا",
        ],
        "ASSAULT",
        "attack",
        false,
        &[],
    ),
    // ضربة is also a blow of any kind (ضربة للاقتصاد، ضربة جزاء): only an air or missile
    // strike (ضربة عسكرية is mostly debated, not told).
    (
        &["ضربة", "ضربات", "ضربتين"],
        "ASSAULT",
        "attack",
        false,
        &["جوية", "صاروخية"],
    ),
    (
        &["اختطف", "اختطفت", "اختطفوا", "خطف", "خطفت", "خطفوا"],
        "ASSAULT",
        "abduction",
        true,
        &[],
    ),
    (&["اختطاف", "خطف"], "ASSAULT", "abduction", false, &[]),
    (
        &[
            "اشتباكات",
            "اشتباك",
            "مواجهات",
            "اشتبك",
            "اشتبكت",
            "اشتبكوا",
        ],
        "ASSAULT",
        "clash",
        false,
        &[],
    ),
    (
        &[
            "اعتقل",
            "اعتقلت",
            "اعتقلوا",
            "احتجز",
            "احتجزت",
            "أوقف",
            "أوقفت",
            "ألقى القبض",
            "ألقت القبض",
        ],
        "COERCE",
        "arrest",
        true,
        &[],
    ),
    (
        &["اعتقال", "اعتقالات", "احتجاز", "توقيف", "القبض", "معتقلين"],
        "COERCE",
        "arrest",
        false,
        &[],
    ),
    (
        &[
            "قمع",
            "حظر التجول",
            "حالة الطوارئ",
            "حالة طوارئ",
            "الأحكام العرفية",
        ],
        "COERCE",
        "repression",
        false,
        &[],
    ),
    (
        &["قمعت", "فرض", "فرضت"],
        "COERCE",
        "repression",
        true,
        &["حظر", "الطوارئ", "طوارئ", "قيود", "الأحكام"],
    ),
    (
        &[
            "طلب",
            "طلبت",
            "يطلب",
            "تطلب",
            "طالب",
            "طالبت",
            "يطالب",
            "تطالب",
            "ناشد",
            "ناشدت",
            "دعا",
            "دعت",
            "يدعو",
            "تدعو",
            "استعان",
            "استعانت",
            "استنجد",
            "استنجدت",
        ],
        "REQUEST",
        "request",
        true,
        &[],
    ),
    (
        &["طلب", "مطالبة", "مطالب", "دعوة", "مناشدة", "استعانة"],
        "REQUEST",
        "request",
        false,
        &[],
    ),
    (
        &[
            "دعم",
            "دعمت",
            "يدعم",
            "تدعم",
            "أيد",
            "أيدت",
            "يؤيد",
            "تؤيد",
            "ساند",
            "ساندت",
            "تضامن",
            "تضامنت",
        ],
        "SUPPORT",
        "support",
        true,
        &[],
    ),
    (
        &["دعم", "تأييد", "مساندة", "التضامن", "تضامن"],
        "SUPPORT",
        "support",
        false,
        &[],
    ),
    // Offering aid is telling an offer, not aid given (قامت تركيا بعرض المساعدة على كازاخستان;
    // another report says the offer was ignored): its own subtype.
    (
        &["عرض", "عرضت", "يعرض", "تعرض"],
        "AID",
        "offer of aid",
        true,
        AID_OBJECTS,
    ),
    (
        &[
            "قدم",
            "قدمت",
            "تقدم",
            "يقدم",
            "منح",
            "منحت",
            "أرسل",
            "أرسلت",
            "إرسال",
        ],
        "AID",
        "aid",
        true,
        AID_OBJECTS,
    ),
    (
        &["مساعدات", "معونة", "معونات", "إغاثة"],
        "AID",
        "aid",
        false,
        &[],
    ),
    (
        &["تعاون", "تعاونت", "شراكة", "تنسيق", "الاستثمار", "استثمارات"],
        "COOPERATE",
        "cooperation",
        false,
        &[],
    ),
    (
        &[
            "اتفاق",
            "اتفاقية",
            "اتفاقيات",
            "معاهدة",
            "توقيع",
            "اتفق",
            "اتفقت",
            "اتفقوا",
        ],
        "AGREE",
        "agreement",
        false,
        &[],
    ),
    // وقع is also "happened" / "fell" (على وقع): signing needs its object.
    (
        &["وقع", "وقعت", "وقعا", "يوقع", "توقع"],
        "AGREE",
        "signing",
        true,
        &[
            "اتفاق",
            "اتفاقا",
            "اتفاقية",
            "اتفاقيات",
            "معاهدة",
            "مذكرة",
            "على",
        ],
    ),
    (
        &["زار", "زارت", "التقى", "التقت", "اجتمع", "اجتمعت"],
        "CONSULT",
        "meeting",
        true,
        &[],
    ),
    (
        &[
            "زيارة",
            "محادثات",
            "مباحثات",
            "مفاوضات",
            "اجتماع",
            "قمة",
            "لقاء",
            "اتصال هاتفي",
            "مشاورات",
        ],
        "CONSULT",
        "meeting",
        false,
        &[],
    ),
    (
        &[
            "اتهم",
            "اتهمت",
            "يتهم",
            "تتهم",
            "انتقد",
            "انتقدت",
            "أدان",
            "أدانت",
            "ندد",
            "نددت",
        ],
        "ACCUSE",
        "accusation",
        true,
        &[],
    ),
    (
        &[
            "اتهام",
            "اتهامات",
            "الاتهامات",
            "انتقاد",
            "انتقادات",
            "إدانة",
            "مؤامرة",
        ],
        "ACCUSE",
        "accusation",
        false,
        &[],
    ),
    (
        &["رفض", "رفضت", "يرفض", "ترفض"],
        "REJECT",
        "rejection",
        true,
        &[],
    ),
    (&["رفض"], "REJECT", "rejection", false, &[]),
    (
        &["هدد", "هددت", "يهدد", "تهدد", "توعد", "توعدت"],
        "THREATEN",
        "threat",
        true,
        &[],
    ),
    (
        &["تهديد", "تهديدات", "إنذار"],
        "THREATEN",
        "threat",
        false,
        &[],
    ),
    (
        &["عقوبات", "قطع العلاقات", "طرد"],
        "SANCTION",
        "sanction",
        false,
        &[],
    ),
    (&["فرضت عقوبات", "طردت"], "SANCTION", "sanction", true, &[]),
    (
        &["انسحاب", "سحب القوات", "انسحبت", "انسحب"],
        "RETREAT",
        "withdrawal",
        false,
        &[],
    ),
    // Who resigns is the one who concedes: the resignation's genitive is its source.
    (
        &["استقالة", "استقال", "استقالت"],
        "CONCEDE",
        "resignation",
        false,
        &[],
    ),
    (
        &["إقالة", "أقال", "عزل", "الإفراج", "أفرج", "أفرجت", "تنازل"],
        "CONCEDE",
        "concession",
        false,
        &[],
    ),
    (
        &["تدخل", "تعزيزات", "حشود"],
        "MOBILIZE",
        "intervention",
        false,
        &[],
    ),
    (
        &[
            "حشد",
            "حشدت",
            "نشر",
            "نشرت",
            "انتشار",
            "إرسال",
            "أرسل",
            "أرسلت",
            "دخول",
        ],
        "MOBILIZE",
        "troop deployment",
        false,
        &[
            "قوات",
            "جنود",
            "جندي",
            "عسكرية",
            "عسكري",
            "قواتها",
            "القوات",
            "الجنود",
            "تعزيزات",
            "مظليين",
        ],
    ),
];

/// Words after which a light verb's noun carries the event (`قام بـ`, `تم`).
const LIGHT_VERBS: &[&str] = &[
    "قام",
    "قامت",
    "قاموا",
    "يقوم",
    "تقوم",
    "تم",
    "يتم",
    "جرى",
    "أجرى",
    "أجرت",
];

/// Speech verbs that introduce attributed content.
const SPEECH: &[&str] = &[
    "قال",
    "قالت",
    "يقول",
    "تقول",
    "أعلن",
    "أعلنت",
    "يعلن",
    "تعلن",
    "أكد",
    "أكدت",
    "يؤكد",
    "تؤكد",
    "ادعى",
    "ادعت",
    "يدعي",
    "تدعي",
    "زعم",
    "زعمت",
    "يزعم",
    "تزعم",
    "اشتكى",
    "اشتكت",
    "وصف",
    "وصفت",
    "يصف",
    "تصف",
    "حذر",
    "حذرت",
    "يحذر",
    "تحذر",
    "أضاف",
    "أضافت",
    "مضيفا",
    "مضيفة",
    "صرح",
    "صرحت",
    "أشار",
    "أشارت",
    "يشير",
    "تشير",
    "أوضح",
    "أوضحت",
    "كتب",
    "كتبت",
    "يكتب",
    "ذكر",
    "ذكرت",
    "يذكر",
    "نفى",
    "نفت",
    "ينفي",
    "تنفي",
    "اعتبر",
    "اعتبرت",
    "يعتبر",
    "تعتبر",
    "أفاد",
    "أفادت",
    "شدد",
    "شددت",
    "لفت",
    "لفتت",
    "تابع",
    "تابعت",
    "رأى",
    "رأت",
    "يرى",
    "ترى",
    "أفاد",
    "اتهم",
    "اتهمت",
    "أعرب",
    "أعربت",
    "نقل",
    "نقلت",
    "تحدث",
    "تحدثت",
    "تتحدث",
    "يتحدث",
    "ترجح",
    "يرجح",
];

/// Markers of a post-posed source (`…، حسبما ذكرت X`, `وفقاً لـ X`, `على حد وصف X`).
const POSTPOSED: &[&str] = &["حسبما", "وفقا", "وفق", "بحسب", "حسب", "نقلا"];

/// Negation markers before a trigger.
const NEGATION: &[&str] = &[
    "لم", "لن", "لا", "ليس", "ليست", "دون", "بدون", "عدم", "نفى", "نفت", "ينفي", "تنفي",
];

/// Hedges making what follows possible, not actual.
const HYPOTHETICAL: &[&str] = &[
    "ربما",
    "إذا",
    "لو",
    "لكان",
    "يمكن",
    "يمكنهم",
    "محتمل",
    "المحتمل",
    "احتمال",
    "يتوقع",
    "فيتوقع",
    "تأمل",
    "يأمل",
    "تخشى",
    "يخشى",
    "خشية",
];

/// Words that put a whole sentence on someone else's authority.
const REPORTED: &[&str] = &[
    "حسبما",
    "وفقا",
    "بحسب",
    "حسب",
    "نقلا",
    "ذكرت",
    "أفادت",
    "تقارير",
    "التقارير",
];

/// Words that mark a claim rather than a report.
const CLAIMED: &[&str] = &[
    "زعم",
    "زعمت",
    "يزعم",
    "ادعى",
    "ادعت",
    "يدعي",
    "مزاعم",
    "ادعاءات",
];

/// Nouns and verbs that tell what a figure counts.
const FIGURE_KINDS: &[(&[&str], &str)] = &[
    (
        &[
            "قتيل",
            "قتيلا",
            "قتلى",
            "قتل",
            "مقتل",
            "لقي",
            "لقوا",
            "مصرع",
            "ضحية",
            "ضحايا",
            "وفاة",
        ],
        "killed",
    ),
    (
        &["جريح", "جرحى", "مصاب", "مصابا", "مصابين", "أصيب", "إصابة"],
        "injured",
    ),
    (
        &[
            "معتقل",
            "معتقلا",
            "معتقلين",
            "اعتقال",
            "اعتقل",
            "القبض",
            "موقوف",
            "موقوفين",
            "توقيف",
        ],
        "arrested",
    ),
    (
        &[
            "جندي",
            "جنود",
            "عسكري",
            "عسكريين",
            "قوات",
            "مظلي",
            "مظليين",
            "عنصر",
            "عناصر",
        ],
        "troops",
    ),
    (&["نسمة", "سكان", "السكان", "مواطن"], "population"),
    (&["متظاهر", "متظاهرين", "محتج", "محتجين"], "protesters"),
    (
        &["دخل", "راتب", "رواتب", "أجور", "الأجور", "الناتج"],
        "income",
    ),
    (
        &["تجارة", "التجارة", "التبادل", "صادرات", "واردات"],
        "trade",
    ),
    (&["اتفاقية", "اتفاقيات", "اتفاق"], "agreements"),
    (&["مشروع", "مشروعا", "مشاريع", "مشروعات"], "projects"),
    (&["استثمار", "استثمارات", "الاستثمارات"], "investment"),
];

fn norm_map<T: Copy>(entries: &[(&[&str], T)]) -> HashMap<String, T> {
    let mut m = HashMap::new();
    for (forms, v) in entries {
        for f in *forms {
            m.entry(normalize_str(f)).or_insert(*v);
        }
    }
    m
}

fn norm_set(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| normalize_str(w)).collect()
}

/// All word lists, normalised once.
pub struct Lexicon {
    /// One- or two-word trigger forms → meanings (a noun and a verb reading may share a form).
    pub triggers: HashMap<String, Vec<Trigger>>,
    /// Light verbs.
    pub light: Vec<String>,
    /// Speech verbs.
    pub speech: Vec<String>,
    /// Post-posed source markers.
    pub postposed: Vec<String>,
    /// Negation.
    pub negation: Vec<String>,
    /// Hedges.
    pub hypothetical: Vec<String>,
    /// Reporting markers.
    pub reported: Vec<String>,
    /// Claim markers.
    pub claimed: Vec<String>,
    /// Figure kinds.
    pub figure_kinds: HashMap<String, &'static str>,
}

/// The lexicon, built once.
pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut triggers: HashMap<String, Vec<Trigger>> = HashMap::new();
        // Object words are normalised once for the process, so that matching them on the trigger
        // path allocates nothing (the lexicon lives as long as the process).
        let mut normalised: HashMap<usize, &'static [&'static str]> = HashMap::new();
        for (forms, kind, subtype, verb, objects) in TRIGGERS {
            let objects: &'static [&'static str] = normalised
                .entry(objects.as_ptr() as usize)
                .or_insert_with(|| {
                    let v: Vec<&'static str> = objects
                        .iter()
                        .map(|o| &*Box::leak(normalize_str(o).into_boxed_str()))
                        .collect();
                    Box::leak(v.into_boxed_slice())
                });
            for f in *forms {
                let t = Trigger {
                    kind,
                    subtype,
                    verb: *verb,
                    objects,
                };
                let e = triggers.entry(normalize_str(f)).or_default();
                if !e.contains(&t) {
                    e.push(t);
                }
            }
        }
        Lexicon {
            triggers,
            light: norm_set(LIGHT_VERBS),
            speech: norm_set(SPEECH),
            postposed: norm_set(POSTPOSED),
            negation: norm_set(NEGATION),
            hypothetical: norm_set(HYPOTHETICAL),
            reported: norm_set(REPORTED),
            claimed: norm_set(CLAIMED),
            figure_kinds: norm_map(FIGURE_KINDS),
        }
    })
}

/// Forms of a normalised word with proclitics (و ف ب ل ك, the article) and common suffixes
/// (plural ات, pronouns ها ه هم) taken off, longest first; the word itself comes first.
pub fn stems(w: &str) -> Stems<'_> {
    // Called for most tokens several times per document: a fixed array, no allocation.
    let mut bases = Stems::default();
    bases.push(w);
    for p in ["و", "ف"] {
        if let Some(s) = w.strip_prefix(p) {
            if s.chars().count() >= 2 {
                bases.push(s);
            }
        }
    }
    let n = bases.len();
    for i in 0..n {
        let b = bases.items[i];
        for p in ["بال", "لل", "كال", "ال", "ب", "ل", "ك", "س"] {
            if let Some(s) = b.strip_prefix(p) {
                if s.chars().count() >= 2 {
                    bases.push(s);
                    if p.ends_with('ل') && p != "ل" {
                        break;
                    }
                }
            }
        }
    }
    let mut out = Stems::default();
    for b in bases.iter() {
        if !out.contains(b) {
            out.push(b);
        }
    }
    let n = out.len();
    for i in 0..n {
        let b = out.items[i];
        // ا: the accusative ending (إضراباً، هجوماً).
        for s in ["ها", "هم", "ه", "ات", "ا"] {
            if let Some(x) = b.strip_suffix(s) {
                if x.chars().count() >= 3 && !out.contains(&x) {
                    out.push(x);
                }
            }
        }
    }
    out
}

/// The readings [`stems`] gives for one word, at most [`Stems::CAP`] (more are dropped; a word
/// has at most a few clitic readings).
#[derive(Debug, Clone, Copy)]
pub struct Stems<'a> {
    items: [&'a str; Stems::CAP],
    len: usize,
}

impl Stems<'_> {
    /// How many readings fit.
    pub const CAP: usize = 32;
}

impl Default for Stems<'_> {
    fn default() -> Self {
        Stems {
            items: [""; Stems::CAP],
            len: 0,
        }
    }
}

impl<'a> Stems<'a> {
    fn push(&mut self, s: &'a str) {
        if self.len < Stems::CAP {
            self.items[self.len] = s;
            self.len += 1;
        }
    }
}

impl<'a> std::ops::Deref for Stems<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        &self.items[..self.len]
    }
}

impl<'a> IntoIterator for Stems<'a> {
    type Item = &'a str;
    type IntoIter = std::iter::Take<std::array::IntoIter<&'a str, { Stems::CAP }>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter().take(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The allocating version [`stems`] replaced: the reference it must keep agreeing with.
    fn stems_reference(w: &str) -> Vec<&str> {
        let mut out = vec![w];
        let mut bases = vec![w];
        for p in ["و", "ف"] {
            if let Some(s) = w.strip_prefix(p) {
                if s.chars().count() >= 2 {
                    bases.push(s);
                }
            }
        }
        let n = bases.len();
        for i in 0..n {
            let b = bases[i];
            for p in ["بال", "لل", "كال", "ال", "ب", "ل", "ك", "س"] {
                if let Some(s) = b.strip_prefix(p) {
                    if s.chars().count() >= 2 {
                        bases.push(s);
                        if p.ends_with('ل') && p != "ل" {
                            break;
                        }
                    }
                }
            }
        }
        for b in &bases {
            if !out.contains(b) {
                out.push(b);
            }
        }
        let n = out.len();
        for i in 0..n {
            let b = out[i];
            for s in ["ها", "هم", "ه", "ات", "ا"] {
                if let Some(x) = b.strip_suffix(s) {
                    if x.chars().count() >= 3 && !out.contains(&x) {
                        out.push(x);
                    }
                }
            }
        }
        out
    }

    proptest::proptest! {
        /// Clitic-heavy words built from the letters the stripper looks at.
        #[test]
        fn stems_agree_with_the_reference(w in "[وفبالكسهمتاد]{0,12}") {
            proptest::prop_assert_eq!(stems(&w).to_vec(), stems_reference(&w));
        }
    }

    #[test]
    fn stems_strip_clitics_and_suffixes() {
        let w = normalize_str("وبالاحتجاجات");
        let s = stems(&w);
        assert!(s.contains(&"احتجاجات"));
        assert!(s.contains(&"احتجاج"));
        let w = normalize_str("دعمها");
        let s = stems(&w);
        assert!(s.contains(&"دعم"));
    }

    #[test]
    fn lexicon_has_both_readings_of_talab() {
        let l = lexicon();
        let t = &l.triggers[&normalize_str("طلب")];
        assert!(t.iter().any(|t| t.verb) && t.iter().any(|t| !t.verb));
    }
}
