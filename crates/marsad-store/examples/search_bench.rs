//! Search latency over a store: runs each query of a fixed list `--rounds` times and prints
//! p50/p99/max per query kind.
//!
//! `cargo run --release -p marsad-store --example search_bench -- LOCATION [ROUNDS]`

use std::time::Instant;

use marsad_store::SearchQuery;

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let loc = args.next().ok_or("usage: search_bench LOCATION [ROUNDS]")?;
    let rounds: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(20);
    let store = marsad_store::open(&loc)?;
    let t = Instant::now();
    let picture = store.picture()?;
    println!(
        "picture: {} documents, {} entities, {} events; loaded in {:.0} ms",
        picture.documents.len(),
        picture.entities.len(),
        picture.events.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let top = picture
        .entities
        .iter()
        .max_by_key(|e| e.mentions.len())
        .map(|e| e.id.clone());
    let ev_type = picture.events.first().map(|e| e.kind.clone());
    let word = |w: &str| SearchQuery {
        text: w.to_string(),
        ..Default::default()
    };
    let kinds: Vec<(&str, SearchQuery)> = vec![
        ("one rare word (اعتقال)", word("اعتقال")),
        ("one common word (الرئيس)", word("الرئيس")),
        ("two words (الحكومة السورية)", word("الحكومة السورية")),
        ("clitic variant (وللحكومة)", word("وللحكومة")),
        (
            "word + outlet + month",
            SearchQuery {
                text: "الأمن".into(),
                outlet: Some("BBC".into()),
                from: Some("2018-03-01".into()),
                to: Some("2018-03-31".into()),
                ..Default::default()
            },
        ),
        (
            "entity filter only (top entity)",
            SearchQuery {
                entity: top,
                ..Default::default()
            },
        ),
        (
            "word + event type",
            SearchQuery {
                text: "قتل".into(),
                event_type: ev_type,
                ..Default::default()
            },
        ),
    ];
    println!(
        "{:<36} {:>8} {:>9} {:>9} {:>9}",
        "query", "total", "p50 ms", "p99 ms", "max ms"
    );
    for (name, q) in kinds {
        let mut times = Vec::with_capacity(rounds);
        let mut total = 0;
        for _ in 0..rounds {
            let t = Instant::now();
            let r = store.search(&q)?;
            times.push(t.elapsed().as_secs_f64() * 1e3);
            total = r.total;
        }
        let max = times.iter().cloned().fold(0.0, f64::max);
        println!(
            "{name:<36} {total:>8} {:>9.2} {:>9.2} {max:>9.2}",
            pct(&mut times, 0.5),
            pct(&mut times, 0.99)
        );
    }
    Ok(())
}
