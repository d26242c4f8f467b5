//! Wire types for Cyberbrain, generated from the `.proto` sources beside this crate.
//!
//! This is the only crate that knows protobuf code generation. Everything else imports these types as
//! `pb` and converts to its own domain types at its edge. Beside the generated code, [`auth`] holds
//! the one piece of the API's wire contract that is not in a `.proto`: the bearer token clients send.

#![allow(missing_docs)]

/// The public API (`cyberbrain.v1`): directives, runs, fleet, allowlist.
#[allow(clippy::all)]
pub mod v1 {
    tonic::include_proto!("cyberbrain.v1");
}

/// The agent link (`cyberbrain.agent.v1`): the controller ↔ agent stream and task results.
#[allow(clippy::all)]
pub mod agent {
    /// Version 1 of the agent link.
    pub mod v1 {
        tonic::include_proto!("cyberbrain.agent.v1");
    }
}

pub mod auth;

/// The encoded `FileDescriptorSet` of every Cyberbrain proto, for gRPC server reflection.
pub const FILE_DESCRIPTOR_SET: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/cyberbrain_descriptor.bin"));
