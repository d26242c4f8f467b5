//! The commands this host declares: the `[exec]` section of the configuration file and the
//! `--allow-command` flags. The controller can only choose among them, by name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use cyberbrain_tasks::CommandParams;
use regex::Regex;
use serde::Deserialize;

/// The most commands a host may declare: the hello names them all, and the controller takes at
/// most 256 items in a list.
pub const MAX_COMMANDS: usize = 256;
/// The timeout of an entry that does not set one.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// The longest timeout an entry may set (a job's longest deadline).
pub const MAX_TIMEOUT_SECONDS: u64 = 86_400;
/// The output cap of an entry that does not set one: head and tail kept within it.
pub const DEFAULT_OUTPUT_CAP: usize = 1024 * 1024;
/// The largest output cap an entry may set, well inside the link's 16 MiB message limit.
pub const MAX_OUTPUT_CAP: usize = 8 * 1024 * 1024;
/// The smallest output cap: room for a head, a tail and the marker between them.
pub const MIN_OUTPUT_CAP: usize = 1024;
/// The `PATH` a command gets unless its entry passes the agent's own.
pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// Who a command runs as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunAs {
    /// User id.
    pub uid: u32,
    /// Primary group id.
    pub gid: u32,
}

/// One declared command.
#[derive(Debug, Clone)]
pub struct CommandEntry {
    /// The name the controller uses.
    pub name: String,
    /// The executable, absolute: never looked up in `PATH`, never a shell unless the entry says so.
    pub path: PathBuf,
    /// Arguments always passed first, before the caller's.
    pub fixed_args: Vec<String>,
    /// One pattern per argument the caller may pass, in order; each is matched against the whole
    /// argument. No slots: the caller passes no argument.
    pub slots: Vec<Regex>,
    /// How long the command may run before its process group is killed.
    pub timeout: Duration,
    /// How many output bytes are kept (head and tail).
    pub output_cap: usize,
    /// The user to run as; `None` keeps the agent's.
    pub run_as: Option<RunAs>,
    /// The user as configured, for logs.
    pub user: Option<String>,
    /// Names of the agent's environment variables passed on (the rest of the environment is
    /// cleared).
    pub env: Vec<String>,
    /// Whether the caller's arguments may begin with `-` (`allow_options = true`). Off by default:
    /// a slot pattern such as `.*` must not let the caller inject an option (`--output=/etc/x`)
    /// into the declared program.
    pub allow_options: bool,
}

/// Why a command was refused, said to the controller and logged on the host.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The host does not declare the command.
    #[error(
        "command {0:?} is not declared on this host (its [exec] configuration or --allow-command)"
    )]
    NotDeclared(String),
    /// More arguments than the entry has slots.
    #[error("command {name:?} takes at most {slots} argument(s), got {given}")]
    TooManyArguments {
        /// The command.
        name: String,
        /// Its slots.
        slots: usize,
        /// Arguments given.
        given: usize,
    },
    /// An argument that does not match its slot's pattern.
    #[error("argument {index} of command {name:?} does not match the pattern {pattern:?}")]
    ArgumentRefused {
        /// The command.
        name: String,
        /// The argument's position, from 0.
        index: usize,
        /// The slot's pattern.
        pattern: String,
    },
    /// An argument that begins with `-` for an entry without `allow_options`.
    #[error(
        "argument {index} of command {name:?} begins with '-' (an option); the host's entry does not set allow_options"
    )]
    OptionRefused {
        /// The command.
        name: String,
        /// The argument's position, from 0.
        index: usize,
    },
}

/// What is wrong with a declaration.
#[derive(Debug, thiserror::Error)]
#[error("command {name:?}: {reason}")]
pub struct InvalidEntry {
    /// The entry's name (or the flag's text).
    pub name: String,
    /// What is wrong.
    pub reason: String,
}

/// The commands this host declares, by name.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: BTreeMap<String, CommandEntry>,
}

/// An `[exec.NAME]` table of the configuration file, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryFile {
    path: PathBuf,
    #[serde(default)]
    args: Vec<String>,
    #[serde(default)]
    slots: Vec<String>,
    timeout_seconds: Option<u64>,
    output_cap_bytes: Option<usize>,
    user: Option<String>,
    #[serde(default)]
    env: Vec<String>,
    #[serde(default)]
    allow_options: bool,
}

impl Catalog {
    /// The catalogue of `[exec]` entries (a TOML table of tables) and `--allow-command` entries
    /// (flags win over the file for the same name).
    pub fn new(
        section: Option<&toml::Table>,
        flags: &[CommandEntry],
    ) -> Result<Catalog, InvalidEntry> {
        let mut entries = BTreeMap::new();
        for (name, value) in section.into_iter().flatten() {
            let invalid = |reason: String| InvalidEntry {
                name: name.clone(),
                reason,
            };
            let file: EntryFile = value
                .clone()
                .try_into()
                .map_err(|e: toml::de::Error| invalid(e.message().to_string()))?;
            let entry = entry_from_file(name, file, &|user| {
                resolve_user(Path::new("/etc/passwd"), user)
            })
            .map_err(invalid)?;
            entries.insert(name.clone(), entry);
        }
        for entry in flags {
            entries.insert(entry.name.clone(), entry.clone());
        }
        if entries.len() > MAX_COMMANDS {
            return Err(InvalidEntry {
                name: "[exec]".into(),
                reason: format!(
                    "at most {MAX_COMMANDS} commands (the hello lists them all), got {}",
                    entries.len()
                ),
            });
        }
        Ok(Catalog { entries })
    }

    /// The declared names, sorted: what the hello reports.
    pub fn names(&self) -> Vec<String> {
        self.entries.keys().cloned().collect()
    }

    /// Whether no command is declared (the default).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry a task names, if its arguments fit the entry's slots.
    pub fn admit(&self, task: &CommandParams) -> Result<&CommandEntry, Refusal> {
        let entry = self
            .entries
            .get(&task.name)
            .ok_or_else(|| Refusal::NotDeclared(task.name.clone()))?;
        if task.args.len() > entry.slots.len() {
            return Err(Refusal::TooManyArguments {
                name: task.name.clone(),
                slots: entry.slots.len(),
                given: task.args.len(),
            });
        }
        for (index, (arg, slot)) in task.args.iter().zip(&entry.slots).enumerate() {
            if arg.starts_with('-') && !entry.allow_options {
                return Err(Refusal::OptionRefused {
                    name: task.name.clone(),
                    index,
                });
            }
            if !slot.is_match(arg) {
                return Err(Refusal::ArgumentRefused {
                    name: task.name.clone(),
                    index,
                    pattern: unanchored(slot.as_str()).to_string(),
                });
            }
        }
        Ok(entry)
    }
}

/// A slot's pattern as the operator wrote it (without the anchors added around it).
fn unanchored(pattern: &str) -> &str {
    pattern
        .strip_prefix("^(?:")
        .and_then(|p| p.strip_suffix(")$"))
        .unwrap_or(pattern)
}

fn entry_from_file(
    name: &str,
    file: EntryFile,
    users: &dyn Fn(&str) -> Result<RunAs, String>,
) -> Result<CommandEntry, String> {
    if !CommandParams::is_valid_name(name) {
        return Err(
            "the name must be 1-64 letters, digits, '-', '_' or '.', not starting with '.' or '-'"
                .into(),
        );
    }
    check_path(&file.path)?;
    let slots = file
        .slots
        .iter()
        .enumerate()
        .map(|(i, pattern)| {
            // Anchored: the whole argument must match, not a part of it.
            regex::RegexBuilder::new(&format!("^(?:{pattern})$"))
                .size_limit(1 << 20)
                .build()
                .map_err(|e| format!("slots[{i}] is not a valid pattern: {e}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let timeout = match file.timeout_seconds {
        None => DEFAULT_TIMEOUT,
        Some(s) if (1..=MAX_TIMEOUT_SECONDS).contains(&s) => Duration::from_secs(s),
        Some(_) => {
            return Err(format!(
                "timeout_seconds must be 1 to {MAX_TIMEOUT_SECONDS}"
            ));
        }
    };
    let output_cap = match file.output_cap_bytes {
        None => DEFAULT_OUTPUT_CAP,
        Some(c) if (MIN_OUTPUT_CAP..=MAX_OUTPUT_CAP).contains(&c) => c,
        Some(_) => {
            return Err(format!(
                "output_cap_bytes must be {MIN_OUTPUT_CAP} to {MAX_OUTPUT_CAP}"
            ));
        }
    };
    for var in &file.env {
        if var.is_empty() || var.contains(['=', '\0']) {
            return Err(format!("env names variables: {var:?} is not a name"));
        }
    }
    let run_as = file.user.as_deref().map(users).transpose()?;
    Ok(CommandEntry {
        name: name.to_string(),
        path: file.path,
        fixed_args: file.args,
        slots,
        timeout,
        output_cap,
        run_as,
        user: file.user,
        env: file.env,
        allow_options: file.allow_options,
    })
}

fn check_path(path: &Path) -> Result<(), String> {
    if !path.is_absolute() {
        return Err(format!("path {} must be absolute", path.display()));
    }
    if path
        .components()
        .any(|c| matches!(c, std::path::Component::ParentDir))
    {
        return Err(format!("path {} must not contain `..`", path.display()));
    }
    Ok(())
}

/// Parses `--allow-command NAME=/abs/path [fixed args…]`: the fixed arguments are split on
/// whitespace (no quoting; use the `[exec]` section for anything more). No argument slots, the
/// agent's user, the default timeout and output cap.
pub fn parse_flag(text: &str) -> Result<CommandEntry, String> {
    let (name, command) = text
        .split_once('=')
        .ok_or_else(|| format!("{text:?}: expected NAME=/abs/path [fixed args…]"))?;
    let mut words = command.split_whitespace();
    let path = words
        .next()
        .ok_or_else(|| format!("{text:?}: no path after {name}="))?;
    let file = EntryFile {
        path: PathBuf::from(path),
        args: words.map(str::to_string).collect(),
        slots: Vec::new(),
        timeout_seconds: None,
        output_cap_bytes: None,
        user: None,
        env: Vec::new(),
        allow_options: false,
    };
    entry_from_file(name.trim(), file, &|_| Err("no user in a flag".into()))
        .map_err(|reason| format!("command {name:?}: {reason}"))
}

/// A user as `NAME` (looked up in `passwd`) or `UID:GID`.
pub fn resolve_user(passwd: &Path, user: &str) -> Result<RunAs, String> {
    if let Some((uid, gid)) = user.split_once(':') {
        return match (uid.parse(), gid.parse()) {
            (Ok(uid), Ok(gid)) => Ok(RunAs { uid, gid }),
            _ => Err(format!("user {user:?}: UID:GID must be two numbers")),
        };
    }
    let text = std::fs::read_to_string(passwd)
        .map_err(|e| format!("user {user:?}: cannot read {}: {e}", passwd.display()))?;
    text.lines()
        .filter_map(|line| {
            let mut fields = line.split(':');
            let name = fields.next()?;
            let _password = fields.next()?;
            let uid = fields.next()?.parse().ok()?;
            let gid = fields.next()?.parse().ok()?;
            (name == user).then_some(RunAs { uid, gid })
        })
        .next()
        .ok_or_else(|| format!("user {user:?} is not in {}", passwd.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(text: &str) -> Result<Catalog, InvalidEntry> {
        let table: toml::Table = toml::from_str(text).expect("toml");
        Catalog::new(table.get("exec").and_then(|v| v.as_table()), &[])
    }

    fn task(name: &str, args: &[&str]) -> CommandParams {
        CommandParams {
            name: name.into(),
            args: args.iter().map(|a| a.to_string()).collect(),
        }
    }

    #[test]
    fn nothing_is_declared_by_default() {
        let empty = Catalog::new(None, &[]).unwrap();
        assert!(empty.is_empty());
        assert_eq!(
            empty.admit(&task("whoami", &[])).unwrap_err(),
            Refusal::NotDeclared("whoami".into())
        );
    }

    #[test]
    fn arguments_must_match_their_whole_slot() {
        let c = catalog(
            "[exec.disk]\npath = \"/bin/df\"\nargs = [\"-h\"]\nslots = [\"/[a-z/]*\"]\n\
             timeout_seconds = 5\noutput_cap_bytes = 4096\nuser = \"0:0\"\nenv = [\"LANG\"]\n",
        )
        .unwrap();
        assert_eq!(c.names(), ["disk"]);
        let entry = c.admit(&task("disk", &["/var"])).unwrap();
        assert_eq!(entry.fixed_args, ["-h"]);
        assert_eq!(entry.timeout, Duration::from_secs(5));
        assert_eq!(entry.output_cap, 4096);
        assert_eq!(entry.run_as, Some(RunAs { uid: 0, gid: 0 }));
        assert!(
            c.admit(&task("disk", &[])).is_ok(),
            "slots may be left empty"
        );
        // A match inside the argument is not enough.
        assert_eq!(
            c.admit(&task("disk", &["/var; rm -rf /"])).unwrap_err(),
            Refusal::ArgumentRefused {
                name: "disk".into(),
                index: 0,
                pattern: "/[a-z/]*".into()
            }
        );
        assert!(matches!(
            c.admit(&task("disk", &["/a", "/b"])).unwrap_err(),
            Refusal::TooManyArguments {
                slots: 1,
                given: 2,
                ..
            }
        ));
    }

    #[test]
    fn arguments_that_look_like_options_are_refused_unless_the_entry_allows_them() {
        let c = catalog(
            "[exec.show]\npath = \"/bin/cat\"\nslots = [\".*\", \".*\"]\n\
             [exec.grep]\npath = \"/bin/grep\"\nslots = [\".*\"]\nallow_options = true\n",
        )
        .unwrap();
        assert!(c.admit(&task("show", &["a-b", "x"])).is_ok());
        for option in ["-", "--output=/etc/passwd", "-rf"] {
            assert_eq!(
                c.admit(&task("show", &["file", option])).unwrap_err(),
                Refusal::OptionRefused {
                    name: "show".into(),
                    index: 1
                },
                "{option}"
            );
        }
        assert!(!c.admit(&task("show", &[])).unwrap().allow_options);
        assert!(c.admit(&task("grep", &["-i"])).is_ok(), "opted in");
        let flag = parse_flag("ls=/bin/ls -l").unwrap();
        assert!(!flag.allow_options, "flags never allow options");
    }

    #[test]
    fn bad_declarations_are_refused_with_the_reason() {
        for (text, reason) in [
            ("[exec.x]\npath = \"bin/ls\"\n", "absolute"),
            ("[exec.x]\npath = \"/bin/../ls\"\n", ".."),
            (
                "[exec.x]\npath = \"/bin/ls\"\nslots = [\"(\"]\n",
                "slots[0]",
            ),
            (
                "[exec.x]\npath = \"/bin/ls\"\ntimeout_seconds = 0\n",
                "timeout",
            ),
            (
                "[exec.x]\npath = \"/bin/ls\"\noutput_cap_bytes = 1\n",
                "output_cap",
            ),
            ("[exec.x]\npath = \"/bin/ls\"\nshell = true\n", "shell"),
            ("[exec.\"-x\"]\npath = \"/bin/ls\"\n", "name"),
            (
                "[exec.x]\npath = \"/bin/ls\"\nuser = \"no-such-user-here\"\n",
                "not in",
            ),
        ] {
            let err = catalog(text).unwrap_err().to_string();
            assert!(err.contains(reason), "{text}: {err}");
        }
    }

    #[test]
    fn flags_declare_a_path_and_fixed_arguments() {
        let entry = parse_flag("who=/usr/bin/id -u -n").unwrap();
        assert_eq!(entry.name, "who");
        assert_eq!(entry.path, PathBuf::from("/usr/bin/id"));
        assert_eq!(entry.fixed_args, ["-u", "-n"]);
        assert!(entry.slots.is_empty());
        assert_eq!(entry.output_cap, DEFAULT_OUTPUT_CAP);
        assert!(parse_flag("who").is_err());
        assert!(parse_flag("who=id").unwrap_err().contains("absolute"));
        assert!(parse_flag("who=").is_err());
        let c = Catalog::new(None, &[entry]).unwrap();
        assert_eq!(c.names(), ["who"]);
    }

    #[test]
    fn users_are_looked_up_by_name_or_given_as_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let passwd = dir.path().join("passwd");
        std::fs::write(
            &passwd,
            "root:x:0:0::/root:/bin/sh\nnobody:x:65534:65533::/:/bin/false\n",
        )
        .unwrap();
        assert_eq!(
            resolve_user(&passwd, "nobody").unwrap(),
            RunAs {
                uid: 65534,
                gid: 65533
            }
        );
        assert_eq!(
            resolve_user(&passwd, "10:20").unwrap(),
            RunAs { uid: 10, gid: 20 }
        );
        assert!(resolve_user(&passwd, "ghost").is_err());
        assert!(resolve_user(&passwd, "a:b").is_err());
    }
}
