//! Container log streams: header detection, redaction and the template miner.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    cyberbrain_logmine::fuzz::log_lines(data);
});
