//! Compiles the `.proto` sources with protox (pure Rust, no `protoc`) and writes the encoded
//! descriptor set that the controller serves for gRPC reflection.

use std::path::PathBuf;

use protox::prost::Message;

const PROTOS: &[&str] = &[
    "cyberbrain/v1/tasks.proto",
    "cyberbrain/v1/selector.proto",
    "cyberbrain/v1/directives.proto",
    "cyberbrain/v1/runs.proto",
    "cyberbrain/v1/fleet.proto",
    "cyberbrain/v1/allowlist.proto",
    "cyberbrain/v1/usage.proto",
    "cyberbrain/v1/auth.proto",
    "cyberbrain/v1/audit.proto",
    "cyberbrain/v1/schedules.proto",
    "cyberbrain/v1/notifications.proto",
    "cyberbrain/v1/triggers.proto",
    "cyberbrain/agent/v1/results.proto",
    "cyberbrain/agent/v1/link.proto",
    "cyberbrain/agent/v1/enroll.proto",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=cyberbrain");
    let descriptors = protox::compile(PROTOS, ["."])?;
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    std::fs::write(
        out_dir.join("cyberbrain_descriptor.bin"),
        descriptors.encode_to_vec(),
    )?;
    // Type names (`prost::Name`) let the controller find each request's descriptor, so its one
    // input check walks every field by reflection.
    let mut config = prost_build::Config::new();
    config.enable_type_names();
    tonic_prost_build::configure()
        .build_server(true)
        .build_client(true)
        .compile_fds_with_config(descriptors, config)?;
    Ok(())
}
