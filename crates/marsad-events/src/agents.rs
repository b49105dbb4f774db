//! Described actors: agent nouns (المتظاهرون، قوات الأمن، الشرطة، المسلحون) that act in events
//! without being named. They come from a general list of Arabic agent nouns (with broken plurals)
//! and the one-word entries of OEDA's Arabic agents dictionary (`data/agents.all.ar_v3.txt`, MIT),
//! whose sound plurals are generated.

use std::collections::HashMap;
use std::sync::OnceLock;

use marsad_picture::EntityType;
use marsad_text::normalize_str;

/// What kind of group an agent noun names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agent {
    /// English gloss used as the entity's English name.
    pub en: &'static str,
    /// Entity type of the described actor (organised forces are ORG, crowds MISC).
    pub kind: EntityType,
    /// The group is taking part in a protest by being there (المتظاهرون).
    pub protester: bool,
}

const fn crowd(en: &'static str) -> Agent {
    Agent {
        en,
        kind: EntityType::Misc,
        protester: false,
    }
}

const fn force(en: &'static str) -> Agent {
    Agent {
        en,
        kind: EntityType::Org,
        protester: false,
    }
}

const PROTESTERS: Agent = Agent {
    en: "protesters",
    kind: EntityType::Misc,
    protester: true,
};

/// One- and two-word agent nouns as written (normalised when loaded).
const AGENTS: &[(&[&str], Agent)] = &[
    (
        &[
            "متظاهر",
            "متظاهرون",
            "متظاهرين",
            "متظاهرات",
            "محتج",
            "محتجون",
            "محتجين",
            "محتجات",
            "معتصمون",
            "معتصمين",
            "مضربون",
            "مضربين",
            "متظاهرو",
            "محتجو",
        ],
        PROTESTERS,
    ),
    (
        &["ناشط", "ناشطون", "ناشطين", "ناشطات", "نشطاء"],
        crowd("activists"),
    ),
    (&["معارضون", "معارضين"], crowd("opponents")),
    (&["طلاب", "طلبة"], crowd("students")),
    (&["عمال", "تجار", "موظفين", "موظفون"], crowd("workers")),
    (&["شبان", "الشبان"], crowd("young men")),
    (&["نساء", "النساء", "نسوة", "النسوة"], crowd("women")),
    (
        &["سكان", "أهالي", "مواطنون", "مواطنين", "مدنيون", "مدنيين"],
        crowd("residents"),
    ),
    (&["حشود", "جموع", "حشد"], crowd("crowds")),
    (&["شرطة", "شرطي", "الشرطة"], force("police")),
    (
        &[
            "قوات الأمن",
            "قوى الأمن",
            "رجال الأمن",
            "عناصر الأمن",
            "أجهزة الأمن",
            "الأجهزة الأمنية",
            "قوات أمنية",
        ],
        force("security forces"),
    ),
    (
        &["جيش", "قوات", "جنود", "جندي", "عسكريون", "عسكريين"],
        force("armed forces"),
    ),
    (
        &["طيران", "طائرات", "مقاتلات", "مروحيات"],
        force("air force"),
    ),
    (&["سلطات"], force("authorities")),
    (
        &[
            "مسلح",
            "مسلحون",
            "مسلحين",
            "مهاجم",
            "مهاجمون",
            "مهاجمين",
            "انتحاري",
            "انتحاريون",
            "متشدد",
            "متشددون",
            "متشددين",
            "إرهابي",
            "إرهابيون",
            "إرهابيين",
            "مقاتلون",
            "مقاتلين",
            "متمردون",
            "متمردين",
            "مسلحو",
            "مهاجمو",
            "مقاتلو",
            "متمردو",
            "عناصر",
            "ميليشيا",
            "ميليشيات",
            "مليشيا",
            "مليشيات",
            "عصابة",
        ],
        crowd("gunmen"),
    ),
];

/// The OEDA agents dictionary, MIT.
const OEDA: &str = include_str!("../data/agents.all.ar_v3.txt");

/// Agent code groups of the OEDA dictionary kept as described actors, with their gloss.
fn oeda_agent(code: &str) -> Option<Agent> {
    let c = code.trim_matches(|c| c == '[' || c == ']' || c == '~');
    Some(match c.get(..3)? {
        "REB" | "UAF" | "RAD" => crowd("armed group"),
        "MIL" => force("armed forces"),
        "OPP" => crowd("opposition"),
        "CVL" => crowd("civilians"),
        "EDU" => crowd("students"),
        "LAB" => crowd("workers"),
        "REF" => crowd("refugees"),
        _ => return None,
    })
}

/// Normalised agent nouns (one or two words) → meaning.
pub fn agents() -> &'static HashMap<String, Agent> {
    static A: OnceLock<HashMap<String, Agent>> = OnceLock::new();
    A.get_or_init(|| {
        let mut m = HashMap::new();
        for (forms, a) in AGENTS {
            for f in *forms {
                m.insert(normalize_str(f), *a);
            }
        }
        for line in OEDA.lines() {
            let line = line.trim();
            let Some((word, code)) = line.split_once(char::is_whitespace) else {
                continue;
            };
            if word.starts_with('#') || word.contains('_') {
                continue;
            }
            let Some(a) = oeda_agent(code.trim()) else {
                continue;
            };
            let w = normalize_str(word);
            let w = w.strip_prefix("ال").unwrap_or(&w).to_string();
            // Short lemmas are mostly other words too.
            if w.chars().count() < 4 {
                continue;
            }
            // حَمَلة ("bearers", OPP) is spelt like حَمْلة, the campaign the news tells of (شنت
            // القوات حملة قصف): read from ANT, where it was the campaign every time.
            if w == "حمله" {
                continue;
            }
            for form in [
                w.clone(),
                format!("{w}ون"),
                format!("{w}ين"),
                format!("{w}ات"),
            ] {
                m.entry(form).or_insert(a);
            }
        }
        m
    })
}

/// The agent noun at normalised word `w` (and the next word `next`, for two-word nouns): the
/// meaning and how many words it spans. Clitics و/ف and the article (or ل/ب with it) come off.
pub fn agent_at(w: &str, next: Option<&str>) -> Option<(Agent, usize)> {
    let m = agents();
    let strip = |w: &str| -> String {
        let w = w
            .strip_prefix('و')
            .or_else(|| w.strip_prefix('ف'))
            .filter(|x| x.chars().count() >= 3)
            .unwrap_or(w);
        let w = ["بال", "لل", "ال"]
            .iter()
            .find_map(|p| w.strip_prefix(p))
            .filter(|x| x.chars().count() >= 3)
            .unwrap_or(w);
        w.to_string()
    };
    let head = strip(w);
    if let Some(n) = next {
        let two = format!("{head} {n}");
        if let Some(a) = m.get(&two).or_else(|| m.get(&format!("ال{two}"))) {
            return Some((*a, 2));
        }
    }
    m.get(&head)
        .or_else(|| m.get(&format!("ال{head}")))
        // The indefinite accusative (مسلحاً، انتحارياً) drops its alif.
        .or_else(|| {
            head.strip_suffix('ا')
                .filter(|x| x.chars().count() >= 3)
                .and_then(|x| m.get(x))
        })
        .map(|a| (*a, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agent_nouns_with_clitics_and_two_words() {
        let n = |s: &str| normalize_str(s);
        let (a, k) = agent_at(&n("المتظاهرون"), None).expect("protesters");
        assert!(a.protester && k == 1);
        let (a, k) = agent_at(&n("قوات"), Some(&n("الأمن"))).expect("security forces");
        assert_eq!((a.en, k), ("security forces", 2));
        assert_eq!(
            agent_at(&n("والشرطة"), None).map(|x| x.0.en),
            Some("police")
        );
        assert!(agent_at(&n("الحكومة"), None).is_none());
        assert!(agent_at(&n("قال"), None).is_none());
    }

    #[test]
    fn a_campaign_is_no_actor() {
        // OEDA's حملة ("bearers") is the campaign in news (شنت القوات حملة قصف, ANT 2018).
        let n = |s: &str| normalize_str(s);
        for w in ["حملة", "الحملة", "والحملة", "حملات"] {
            assert!(agent_at(&n(w), None).is_none(), "{w}");
        }
    }
}
