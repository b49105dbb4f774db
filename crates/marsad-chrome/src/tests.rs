use super::*;
use proptest::prelude::*;

const S000: &str = include_str!("../../../examples/kazakhstan-2022/000_06c48e6e3a04ee1d.txt");
const S001: &str = include_str!("../../../examples/kazakhstan-2022/001_b869f9608b7549f6.txt");
const S002: &str = include_str!("../../../examples/kazakhstan-2022/002_bcef1e2ff6c2592e.txt");
const S003: &str = include_str!("../../../examples/kazakhstan-2022/003_56a20f09cefd383e.txt");
const S004: &str = include_str!("../../../examples/kazakhstan-2022/004_81184fc5c9f9c216.txt");

/// Found spans as (text, reason), for comparing with hand labels.
fn found(text: &str) -> Vec<(String, String)> {
    detect(text)
        .into_iter()
        .map(|s| (s.text, s.reason))
        .collect()
}

fn expect(labels: &[(&str, &str)]) -> Vec<(String, String)> {
    labels
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn check_invariants(text: &str, spans: &[RemovedSpan]) {
    let mut prev_end = 0;
    for s in spans {
        assert!(s.start < s.end, "empty span {s:?}");
        assert!(s.start >= prev_end, "overlap or unsorted at {s:?}");
        assert!(s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert_eq!(&text[s.start..s.end], s.text);
        assert!(!s.text.contains('\n'));
        assert!(
            Reason::ALL.iter().any(|r| r.as_str() == s.reason),
            "unknown reason {}",
            s.reason
        );
        prev_end = s.end;
    }
}

// Hand labels of the five sample articles: every chrome line, and nothing else.

#[test]
fn golden_000_footer_invitation_and_disclaimer() {
    assert_eq!(
        found(S000),
        expect(&[
            (
                "أنتم أيضاً يمكنكم المشاركة معنا في قسم الآراء والتجارب الشخصية عن طريق إرسال كتاباتكم عبر هذا البريد الإلكتروني:[email protected]",
                "contact_invitation"
            ),
            ("مقالات الرأي المنشورة في “عربي بوست” لا تعبر عن وجهة نظر فريق تحرير الموقع.", "disclaimer"),
        ])
    );
}

#[test]
fn golden_001_share_comment_latin() {
    // The sub-heading ("هل قطع التدخل ... ؟") and the photo caption ("أرشيفية- ...") stay.
    assert_eq!(
        found(S001),
        expect(&[
            ("شاركها.", "share"),
            ("اترك تعليقاً", "comment_prompt"),
            ("Exit mobile version", "latin_ui"),
        ])
    );
}

#[test]
fn golden_002_section_related_lists_and_comment_form() {
    // Sub-headings ("انتفاضة أم صراع على السلطة", "سبب آخر للقلق", "أسئلة عميقة") stay.
    assert_eq!(
        found(S002),
        expect(&[
            ("رأي", "section_label"),
            ("اقرأ المزيد", "related_list"),
            (
                "كازاخستان تعتقل قائد الأمن الوطني السابق للاشتباه في “الخيانة”",
                "related_list"
            ),
            (
                "مسيرات دامية في كازاخستان والسودان و”عين الأسد” تحت مرمى الصواريخ",
                "related_list"
            ),
            (
                "لماذا تقلق أوروبا وليس فقط روسيا والصين من أزمة كازاخستان؟",
                "related_list"
            ),
            ("أخبار مرتبطة", "related_list"),
            ("اترك تعليقاً", "comment_prompt"),
            (
                "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
                "comment_prompt"
            ),
            ("زر الذهاب إلى الأعلى", "navigation"),
        ])
    );
}

#[test]
fn golden_003_clean_article_untouched() {
    assert_eq!(found(S003), expect(&[]));
}

#[test]
fn golden_004_keeps_byline_date_source_drops_clock() {
    // Byline, title, date line and "المصدر: Le Monde" are metadata and stay.
    assert_eq!(found(S004), expect(&[("02 : 01", "timestamp")]));
}

#[test]
fn samples_keep_invariants_and_blank_preserves_length() {
    for text in [S000, S001, S002, S003, S004] {
        let spans = detect(text);
        check_invariants(text, &spans);
        let b = blank(text, &spans);
        assert_eq!(b.len(), text.len());
        assert_eq!(b.matches('\n').count(), text.matches('\n').count());
    }
}

#[test]
fn blank_keeps_sub_headings_and_body() {
    let b = blank(S002, &detect(S002));
    assert!(b.contains("سبب آخر للقلق"));
    assert!(b.contains("انتفاضة أم صراع على السلطة"));
    assert!(!b.contains("أخبار مرتبطة"));
    assert!(!b.contains("زر الذهاب"));
}

// Real lines from ANT news (BBC, France 24, CNN Arabic), in a small article frame.

#[test]
fn inline_read_also_link_mid_article() {
    let text = "واحتدمت المعارك البرية في محيط الغوطة الشرقية الأحد، على الرغم من صدور قرار من مجلس الأمن الدولي.\n\
اقرأ أيضا: الجماعات المسلحة التي تقاتل في الغوطة الشرقية\n\
وجرى تداول فيديو على مواقع التواصل الاجتماعي، يظهر جثة طفل ملفوفة في كفن أزرق اللون بعد الانفجار.";
    assert_eq!(
        found(text),
        expect(&[(
            "اقرأ أيضا: الجماعات المسلحة التي تقاتل في الغوطة الشرقية",
            "related_list"
        )])
    );
}

#[test]
fn inline_more_and_watch_links() {
    let text = "أعلنت النيابة العامة السعودية أن الملك وافق على استحداث دوائر متخصصة لقضايا الفساد في النيابة العامة.\n\
للمزيد: ما سر التغيرات العسكرية في السعودية؟\n\
واختار المجلس ميغيل دياز-كانيل رسمياً ليصبح القائد الجديد للبلاد، وهي المرة الأولى خلال ستة عقود.\n\
شاهد.. \"انتخابات\" في كوبا.. حزب واحد ومرشح وحيد\n\
أيضاً.. هجمات كوبا الصوتية \"المحيرة\" تواصل إرباك واشنطن";
    assert_eq!(
        found(text),
        expect(&[
            (
                "للمزيد: ما سر التغيرات العسكرية في السعودية؟",
                "related_list"
            ),
            (
                "شاهد.. \"انتخابات\" في كوبا.. حزب واحد ومرشح وحيد",
                "related_list"
            ),
            (
                "أيضاً.. هجمات كوبا الصوتية \"المحيرة\" تواصل إرباك واشنطن",
                "related_list"
            ),
        ])
    );
}

#[test]
fn verb_shahada_in_body_is_not_a_link() {
    // "شاهد" is also a verb; without a hard separator it is article text.
    let text = "شاهد السكان طائرات تحلق على ارتفاع منخفض فوق المدينة، بحسب مصادر محلية.";
    assert_eq!(found(text), expect(&[]));
}

#[test]
fn related_header_list_mid_article_ends_at_body() {
    let text = "وقد دعا رضا بهلوي الحفيد السلطات الإيرانية إلى منح عائلته حق الوصول إلى المومياء من خلال الأطباء والخبراء.\n\
اقرأ أيضاً:\n\
منح الجنسية المصرية لابنة شاه ايران\n\
انتحار الابن الاصغر لشاه ايران في امريكا\n\
وكان رضا شاه قد تنازل عن العرش لابنه محمد رضا بهلوي في عام 1941 وتوفي في جنوب أفريقيا عام 1944.";
    let f = found(text);
    assert_eq!(f.len(), 3, "{f:?}");
    assert_eq!(f[0].0, "اقرأ أيضاً:");
    assert_eq!(f[1].0, "منح الجنسية المصرية لابنة شاه ايران");
    assert_eq!(f[2].0, "انتحار الابن الاصغر لشاه ايران في امريكا");
}

#[test]
fn app_promo_and_separator_in_tail() {
    let text = "وقتل في الحرب اليمنية منذ شرع التحالف بقيادة السعودية في حملته نحو 10 آلاف شخص، أغلبهم مدنيون.\n\
-------------------------------------------------\n\
يمكنكم تسلم إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.";
    assert_eq!(
        found(text),
        expect(&[
            ("-------------------------------------------------", "separator"),
            (
                "يمكنكم تسلم إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.",
                "promo"
            ),
        ])
    );
}

#[test]
fn byline_disclaimer_keeps_the_byline() {
    let text = "هذا المقال بقلم کاملیا انتخابی فرد، والآراء الواردة أدناه تعبر عن رأي الكاتبة، ولا تعكس بالضرورة وجهة نظر شبكة CNN.\n\
مهدي كروبي، أحد زعماء المعارضة الذي يخضع للإقامة الجبرية منذ 8 سنوات تقريباً، اعترف في رسالة مفتوحة بذلك.";
    let spans = detect(text);
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0].reason, "disclaimer");
    assert!(spans[0].text.starts_with("والآراء الواردة"));
    check_invariants(text, &spans);
}

#[test]
fn quoted_does_not_reflect_mid_article_is_kept() {
    // A body sentence with "لا تعبر عن رأي" is reporting, not a site disclaimer.
    let text = "قال المتحدث إن الحكومة تدرس الملف.\n\
وتعد وجهة النظر المماثلة لرجل الدين عبدالجليل سالم، تقدمية ولا تعبر عن رأي الأغلبية التقليدية، التي لن تتغير عقولها بسهولة.\n\
وأضاف أن الحكومة ستعلن قرارها خلال الأسبوع المقبل بعد التشاور مع الأطراف المعنية كافة.";
    assert_eq!(found(text), expect(&[]));
}

#[test]
fn clock_time_in_middle_is_kept() {
    let text = "بدأت الجلسة صباح اليوم في مقر البرلمان، بحضور أغلب النواب والوزراء.\n\
10:45\n\
وأعلن رئيس المجلس افتتاح الجلسة بعد اكتمال النصاب القانوني، ثم بدأ النقاش في مشروع الموازنة.\n\
وقال النواب إن المشروع يحتاج إلى مراجعة شاملة قبل التصويت عليه في جلسة لاحقة.";
    assert_eq!(found(text), expect(&[]));
}

#[test]
fn trailing_read_more_glued_to_body() {
    let text = "وأكد الوزير أن بلاده ستواصل دعم الجهود الدولية لإحلال السلام في المنطقة. اقرأ المزيد";
    let spans = detect(text);
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0].text, "اقرأ المزيد");
    assert_eq!(spans[0].reason, "navigation");
}

#[test]
fn share_bar_of_platform_names() {
    let text = "وأعلنت الوزارة عن خطة جديدة لدعم المزارعين في المناطق المتضررة من الجفاف هذا العام.\nفيسبوك تويتر واتساب";
    assert_eq!(found(text), expect(&[("فيسبوك تويتر واتساب", "share")]));
}

#[test]
fn crlf_lines_exclude_carriage_return() {
    let text = "وأعلنت الوزارة عن خطة جديدة لدعم المزارعين في المناطق المتضررة هذا العام.\r\nاترك تعليقاً\r\n";
    let spans = detect(text);
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0].text, "اترك تعليقاً");
}

#[test]
fn blank_replaces_only_span_bytes() {
    let text = "سطر أول\nاترك تعليقاً\nسطر";
    let spans = detect(text);
    let b = blank(text, &spans);
    assert_eq!(b.len(), text.len());
    let s = &spans[0];
    assert!(b[s.start..s.end].bytes().all(|c| c == b' '));
    assert_eq!(&b[..s.start], &text[..s.start]);
    assert_eq!(&b[s.end..], &text[s.end..]);
}

#[test]
fn blank_clips_bad_spans() {
    let text = "نص عربي";
    let bad = RemovedSpan {
        start: 1,
        end: 500,
        text: String::new(),
        reason: "share".into(),
    };
    let b = blank(text, &[bad]);
    assert_eq!(b.len(), text.len());
}

fn arb_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "اترك تعليقاً",
        "شاركها",
        "أخبار مرتبطة",
        "اقرأ أيضاً:",
        "للمزيد: عنوان خبر آخر",
        "رأي",
        "02 : 01",
        "Exit mobile version",
        "-----",
        "وقال الوزير إن الحكومة ستواصل العمل، وأضاف أن الخطة جاهزة.",
        "عنوان قصير",
        "[email protected]",
        "يمكنكم المشاركة معنا عبر البريد الإلكتروني: a@b.com",
        "والآراء الواردة",
        "بقلم فلان، والآراء الواردة لا تعكس بالضرورة رأي الموقع",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        ".",
        "،",
        "ً",
        "»",
        "@",
    ]);
    prop_oneof![
        prop::collection::vec(pieces, 0..30).prop_map(|v| v.concat()),
        any::<String>(),
        prop::collection::vec(
            prop_oneof![
                any::<char>().prop_map(|c| c.to_string()),
                Just("\n".to_string())
            ],
            0..80
        )
        .prop_map(|v| v.concat()),
    ]
}

/// Regression (Saudi news audit): a site's tag list glued onto the last line («سمات …») made the
/// words after it part of the article (Iraq as the bomber).
#[test]
fn a_tag_list_glued_onto_the_last_line_is_chrome() {
    let t = "أعربت العراق عن استنكارها للتفجير.\nوأن يديم الأمن والأمان في بلاد المسلمين . سمات التفجير الإرهابي العراق مسجد قوات الطوارئ بمنطقة عسير";
    assert_eq!(
        found(t),
        expect(&[(
            "سمات التفجير الإرهابي العراق مسجد قوات الطوارئ بمنطقة عسير",
            "navigation"
        )])
    );
    check_invariants(t, &detect(t));
    // The word in running text ("features") stays.
    let t = "أعربت العراق عن استنكارها.\nوقال إن سمات المرحلة المقبلة واضحة للجميع.";
    assert!(found(t).is_empty());
}

proptest! {
    #[test]
    fn prop_spans_valid_and_blank_preserves(text in arb_text()) {
        let spans = detect(&text);
        check_invariants(&text, &spans);
        let b = blank(&text, &spans);
        prop_assert_eq!(b.len(), text.len());
        let tb = text.as_bytes();
        let bb = b.as_bytes();
        let mut k = 0;
        for (i, (&x, &y)) in tb.iter().zip(bb.iter()).enumerate() {
            while k < spans.len() && spans[k].end <= i {
                k += 1;
            }
            let inside = k < spans.len() && spans[k].start <= i && i < spans[k].end;
            if inside && x != b'\n' {
                prop_assert_eq!(y, b' ');
            } else {
                prop_assert_eq!(x, y);
            }
        }
    }
}

#[test]
fn agency_end_marker_and_mecca_time_stamp_in_tail() {
    let text = "وجرى خلال اللقاء بحث العلاقات الثنائية بين البلدين، بالإضافة إلى الأوضاع العامة في المنطقة.\n // انتهى //\n 17:54 ت م";
    assert_eq!(
        found(text),
        expect(&[(" // انتهى //", "navigation"), (" 17:54 ت م", "timestamp")])
    );
}

#[test]
fn clock_followed_by_words_is_not_a_stamp() {
    assert!(is_clock("02 : 01"));
    assert!(is_clock("10:45 ص"));
    assert!(is_clock("09:30 GMT"));
    assert!(!is_clock("10:45 صباحا بتوقيت القاهرة"));
    assert!(!is_clock("2018"));
    assert!(!is_clock("1:2:3:4"));
}

#[test]
fn glued_related_header_in_tail() {
    let text = "وقال الوزير إن الخطة ستنفذ على مراحل خلال العام المقبل، بحسب البيان الرسمي.\n\
مقالات أخرى للكاتبأزمة كوريا الشمالية في سطورالانتخابات التركية: أرقام وحقائق";
    let f = found(text);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].1, "related_list");
}

#[test]
fn news_link_line() {
    let text = "وأكد المتحدث أن الأعمال ستستمر حتى نهاية الشهر الجاري، وفق الجدول المعتمد.\n\
رابط الخبر: الصليب الأحمر: المساعدات أقل كثيرا مما تحتاجه الأسر في الغوطة الشرقية";
    assert_eq!(found(text).len(), 1);
    assert_eq!(found(text)[0].1, "navigation");
}

#[test]
fn bare_address_and_handle_lines() {
    let text = "وختم الكاتب مقاله بالدعوة إلى مراجعة شاملة للسياسات الاقتصادية في المنطقة.\nname.surname@example.com\nTwitter:@example_1";
    assert_eq!(
        found(text),
        expect(&[
            ("name.surname@example.com", "contact_invitation"),
            ("Twitter:@example_1", "contact_invitation"),
        ])
    );
}

#[test]
fn guillemet_quotes_are_not_breadcrumbs() {
    let text = "تونس - لندن: «الشرق الأوسط»\nأعلنت الحكومة التونسية أمس عن خطة جديدة لدعم الاستثمار في المناطق الداخلية، وفق بيان رسمي.";
    assert_eq!(found(text), expect(&[]));
}

#[test]
fn question_sub_heading_after_related_list_is_kept() {
    let text = "ولا تمنع حالة الطوارئ في البلاد الأحزاب السياسية المسجلة من المشاركة في الانتخابات، وعقد المسيرات.\n\
اقرأ ايضاً:\n\
دميرتاش: المرشح الذي يخوض معركته الانتخابية في تركيا من خلف القضبان\n\
ميرال أكشينار: \"المرأة الحديدية\" التي تتحدى أردوغان\n\
إذاً، ماسبب استمرار حالة الطوارئ وما عدد الأشخاص الذين تأثروا بها؟\n\
فُرضت حالة الطوارئ عقب محاولة الانقلاب العسكري الفاشل في يوليو/تموز 2016. وكان الانقلاب بمثابة صدمة كبيرة لتركيا.";
    let f = found(text);
    assert_eq!(f.len(), 3, "{f:?}");
    assert!(f.iter().all(|(t, _)| !t.starts_with("إذاً")));
}

#[test]
fn ambiguous_label_mid_article_is_kept_but_removed_at_tail() {
    let mid =
        "وأعلنت اللجنة العليا للانتخابات أن نسبة الإقبال بلغت 44 في المئة، وفق النتائج الأولية.\n\
مشاركة\n\
وقال رئيس اللجنة إن النتائج النهائية ستعلن خلال أيام بعد الانتهاء من فرز كل الأصوات في المحافظات.\n\
وأضاف أن اللجنة تلقت عددا من الطعون التي ستنظر فيها قبل إعلان النتائج الرسمية النهائية.";
    assert_eq!(found(mid), expect(&[]));
    let tail = "وأعلنت اللجنة العليا للانتخابات أن نسبة الإقبال بلغت 44 في المئة، وفق النتائج الأولية.\nمشاركة";
    assert_eq!(found(tail), expect(&[("مشاركة", "share")]));
}

#[test]
fn wordpress_share_bar_with_latin_and_arabic_names() {
    let text = "وأكد الوزير أن بلاده ستواصل دعم الجهود الدولية لإحلال السلام في المنطقة، وفق البيان.\n\
فيسبوك X لينكدإن واتساب تيلقرام مشاركة عبر البريد طباعة\n\
Facebook Twitter LinkedIn Tumblr Pinterest Reddit VKontakte";
    assert_eq!(
        found(text),
        expect(&[
            (
                "فيسبوك X لينكدإن واتساب تيلقرام مشاركة عبر البريد طباعة",
                "share"
            ),
            (
                "Facebook Twitter LinkedIn Tumblr Pinterest Reddit VKontakte",
                "share"
            ),
        ])
    );
}

#[test]
fn blog_disclaimer_and_tag_line_in_tail() {
    let text =
        "وختم الكاتب بالدعوة إلى مراجعة شاملة للسياسات الاقتصادية في المنطقة، قبل فوات الأوان.\n\
هذه التدوينة تعبر عن رأي صاحبها ولا تعبر بالضرورة عن رأي الموقع\n\
المزيد عن: كازاخستان روسيا تركيا";
    assert_eq!(
        found(text),
        expect(&[
            (
                "هذه التدوينة تعبر عن رأي صاحبها ولا تعبر بالضرورة عن رأي الموقع",
                "disclaimer"
            ),
            ("المزيد عن: كازاخستان روسيا تركيا", "navigation"),
        ])
    );
}

#[test]
fn lede_reporting_a_site_statement_is_kept() {
    // A first paragraph that reports a "does not reflect" statement is news, not a disclaimer.
    let text = "قال الموقع الرسمي للوزارة إن الأرقام المتداولة لا تعكس بالضرورة الوضع الحقيقي للاقتصاد، داعيا إلى انتظار البيانات.\n\
وأضاف البيان أن الوزارة ستنشر تقريرها الفصلي خلال الأسبوع المقبل بعد مراجعته من الجهات المختصة.";
    assert_eq!(found(text), expect(&[]));
}
