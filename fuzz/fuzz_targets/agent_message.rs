//! Agent→controller messages: protobuf decoding, the checks, the allowlist filter, the stored form.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    cyberbrain_controller::fuzz::agent_message(data);
});
