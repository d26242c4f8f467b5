//! The operations commands of the binary: `backup` and `restore` (see docs/operations.md).
//! They live in the binary, not the library: they are one-shot commands that report to a person.

pub mod backup;
mod crypt;
mod database;
mod files;
mod layout;
mod manifest;
mod pg_tools;
mod progress;
pub mod restore;
