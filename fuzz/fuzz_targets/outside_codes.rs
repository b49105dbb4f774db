//! Fuzz target: arbitrary text as an outside scorer's codes file (`--outside-codes`) must parse or
//! be an error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = marsad_ner::OutsideCodes::parse(&String::from_utf8_lossy(data));
});
