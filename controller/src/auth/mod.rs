//! Who may call what: the role table every API call is checked against (`rbac`), the per-source
//! limit on calls whose token would need a database lookup (`sources`), and the per-token rate
//! limit on the public API (`throttle`), and what calls of MCP tools may do (`mcp`). The token types themselves are in
//! `cyberbrain_model::tokens`.

pub mod mcp;
pub mod rbac;
pub mod sources;
pub mod throttle;
