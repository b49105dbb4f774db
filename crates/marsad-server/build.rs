//! Embeds every file under `web/` (owned by the web page) into the binary: writes a table of
//! `(relative path, include_bytes!)` to `$OUT_DIR/web_assets.rs`.

use std::path::{Path, PathBuf};

fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        // Dotfiles (.gitkeep, editor swap files) are not part of the page.
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, root, out);
        } else if let Ok(rel) = path.strip_prefix(root) {
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, path));
        }
    }
}

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("web");
    // A directory here makes cargo rerun this script when any file below it changes.
    println!("cargo:rerun-if-changed=web");
    let mut files = Vec::new();
    walk(&root, &root, &mut files);
    let mut src = String::from("/// Embedded web files: path relative to `web/`, bytes.\npub static FILES: &[(&str, &[u8])] = &[\n");
    for (rel, path) in files {
        src.push_str(&format!(
            "    ({rel:?}, include_bytes!({:?})),\n",
            path.to_string_lossy()
        ));
    }
    src.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("web_assets.rs");
    std::fs::write(out, src).expect("OUT_DIR is writable");
}
