//! Who may call what: the role table every API call is checked against (`rbac`), and the throttle
//! of failed token checks (`throttle`). The token types themselves are in `cyberbrain_model::tokens`.

pub mod rbac;
pub mod throttle;
