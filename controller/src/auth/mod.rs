//! Who may call what: the role table every API call is checked against (`rbac`), the per-source
//! limit on calls whose token would need a database lookup (`sources`), and the per-token rate
//! limit on the public API (`throttle`). The token types themselves are in
//! `cyberbrain_model::tokens`.

pub mod rbac;
pub mod sources;
pub mod throttle;
