//! Fuzz target: arbitrary bytes as .txt, .html and .jsonl must never panic ingest.
//! The body lives in the crate (`marsad_ingest::fuzz_one`) so stable tests run it on seeds.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    marsad_ingest::fuzz_one(data);
});
