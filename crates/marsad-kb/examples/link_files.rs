//! Links text files and prints the entities and relations as JSON.
//! Usage: cargo run --release -p marsad-kb --example link_files -- FILE... [--date YYYY-MM-DD]

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut files = Vec::new();
    let mut date = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--date" {
            date = args.next();
        } else {
            files.push(a);
        }
    }
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            let id = std::path::Path::new(f)
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            Ok((id, std::fs::read_to_string(f)?))
        })
        .collect::<Result<_, std::io::Error>>()?;
    let docs: Vec<marsad_kb::DocInput> = texts
        .iter()
        .map(|(id, t)| marsad_kb::DocInput {
            id,
            text: t,
            published: date.as_deref(),
            extra_mentions: &[],
        })
        .collect();
    let (out, diags) = marsad_kb::link(marsad_kb::Kb::builtin(), &docs);
    for e in &out.entities {
        let forms: Vec<String> = e
            .mentions
            .iter()
            .map(|m| format!("{}:{:?}", m.evidence.text, m.form))
            .collect();
        println!(
            "{}\t{:?}\t{}\t{}\t{}",
            e.id,
            e.kind,
            e.name.ar,
            e.name.en.as_deref().unwrap_or("-"),
            forms.join(" | ")
        );
    }
    for r in &out.relations {
        println!(
            "REL {} {} {} {:?} ev={}",
            r.subject,
            r.kind,
            r.object,
            r.valid,
            r.evidence.len()
        );
    }
    for d in diags {
        eprintln!("{d:?}");
    }
    Ok(())
}
