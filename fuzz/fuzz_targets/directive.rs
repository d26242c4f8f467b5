//! `CreateDirective` requests: protobuf decoding and validation of names, tasks and targets.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    cyberbrain_controller::fuzz::directive(data);
});
