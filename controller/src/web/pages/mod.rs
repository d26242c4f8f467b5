//! The console's pages, one module per noun. Each handler: extract the signed-in caller, check the
//! access table for the API method the page corresponds to, read the store, render.

pub mod agents;
pub mod allowlist;
pub mod attention;
pub mod audit;
pub mod directives;
pub mod gpus;
pub mod launch;
pub mod login;
pub mod overview;
pub mod run;
pub mod runs;
pub mod usage;
