//! `parallel_map` keeps the items' order, so the picture does not depend on the number of cores.

#[test]
fn parallel_map_keeps_order_and_every_item() {
    let words: Vec<String> =
        "قال الرئيس الكازاخستاني قاسم جومارت توكاييف إن منظمة معاهدة الأمن الجماعي"
            .split(' ')
            .cycle()
            .take(1001)
            .enumerate()
            .map(|(i, w)| format!("{w}{i}"))
            .collect();
    let sequential: Vec<usize> = words.iter().map(|w| w.len()).collect();
    assert_eq!(marsad_core::parallel_map(&words, |w| w.len()), sequential);
    let empty: Vec<String> = Vec::new();
    assert!(marsad_core::parallel_map(&empty, |w| w.len()).is_empty());
}
