//! Prints what ingest makes of files: id, metadata, warnings, errors and text.
fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let (docs, errs) = marsad_ingest::read_paths(&paths, &marsad_ingest::IngestOptions::default());
    for d in &docs {
        println!(
            "== {} title={:?} outlet={:?} author={:?} published={:?} warnings={:?}\n{}",
            d.id, d.title, d.outlet, d.author, d.published, d.warnings, d.text
        );
    }
    for e in &errs {
        eprintln!("error: {e}");
    }
}
