//! The optional TOML configuration file of both binaries. Its keys are the long flag names
//! (`heartbeat-seconds = 10`; `heartbeat_seconds` works too), its values what the flag takes: a
//! string, number or boolean, or an array for a flag that repeats. Precedence, highest first: the
//! command line, the `CYBERBRAIN_*` environment variables, the file, the defaults. The file comes
//! from `--config FILE` or `CYBERBRAIN_CONFIG_FILE`.
//!
//! How: the command line is parsed once to find the file and to learn which settings the command
//! line or the environment gave; the file's other settings are then put in front of the command
//! line as flags, and the whole is parsed again, so every value passes the flag's own checks.

use std::collections::HashSet;
use std::ffi::OsString;
use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::{ArgAction, ArgMatches, Parser};

/// The id of the argument naming the file; declare it as a field `config_file` with
/// `#[arg(long = "config", env = "CYBERBRAIN_CONFIG_FILE")]`.
pub const ARG_ID: &str = "config_file";

/// The id of the switch that prints the settings in effect and exits; declare it as a field
/// `dump_config: bool` with `#[arg(long)]`.
pub const DUMP_ID: &str = "dump_config";

/// What went wrong with the file (clap's own errors are reported by clap).
#[derive(Debug, thiserror::Error)]
pub enum ConfigFileError {
    /// The file cannot be read.
    #[error("cannot read the configuration file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not TOML.
    #[error("the configuration file {path} is not valid TOML: {reason}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// The parser's message, with line and column.
        reason: String,
    },
    /// A key or value the binary does not take.
    #[error("the configuration file {path}: `{key}` {reason}")]
    Setting {
        /// The file.
        path: PathBuf,
        /// The key at fault.
        key: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The flags or the environment are not accepted (or help or the version was asked for).
    #[error(transparent)]
    Clap(#[from] clap::Error),
    /// The flags, the environment or the file's values are not accepted.
    #[error("{error}note: the configuration file {path} gave the settings not on the command line")]
    WithFile {
        /// The file.
        path: PathBuf,
        /// Clap's message, which names the flag.
        error: clap::Error,
    },
}

/// Parses `P` from this process's command line, environment and configuration file; prints the
/// error and exits as clap does (status 2) when something is wrong, or prints help or version, or
/// the settings in effect (`--dump-config`, a switch with id [`DUMP_ID`]).
pub fn parse<P: Parser>() -> P {
    parse_with_sections::<P>(&[])
}

/// Like [`parse`], for a binary whose file may also hold `[section]` tables it reads itself
/// (with [`read_section`]): the tables named in `sections` are left out of the flags; any other
/// table is refused as an unknown setting.
pub fn parse_with_sections<P: Parser>(sections: &[&str]) -> P {
    let parsed = parse_matches::<P>(std::env::args_os().collect(), sections).and_then(|settings| {
        if matches!(
            settings.matches.try_get_one::<bool>(DUMP_ID),
            Ok(Some(true))
        ) {
            print!("{}", dump(&P::command(), &settings));
            std::process::exit(0);
        }
        Ok(P::from_arg_matches(&settings.matches)?)
    });
    match parsed {
        Ok(parsed) => parsed,
        Err(ConfigFileError::Clap(e)) => e.exit(),
        // Clap's message says `error:` already.
        Err(e @ ConfigFileError::WithFile { .. }) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
}

/// Parses `P` from `args` (the program name first), the environment and the configuration file.
pub fn parse_from<P: Parser>(args: Vec<OsString>) -> Result<P, ConfigFileError> {
    parse_from_with_sections(args, &[])
}

/// Like [`parse_from`], leaving the tables named in `sections` to the binary.
pub fn parse_from_with_sections<P: Parser>(
    args: Vec<OsString>,
    sections: &[&str],
) -> Result<P, ConfigFileError> {
    let settings = parse_matches::<P>(args, sections)?;
    Ok(P::from_arg_matches(&settings.matches)?)
}

/// The settings in effect for this process, as `--dump-config` prints them (secrets left out):
/// what a backup keeps of the configuration.
pub fn dump_current<P: Parser>() -> Result<String, ConfigFileError> {
    let settings = parse_matches::<P>(std::env::args_os().collect(), &[])?;
    Ok(dump(&P::command(), &settings))
}

/// The settings as parsed, and which of them the file gave.
pub struct Parsed {
    matches: ArgMatches,
    from_file: HashSet<String>,
}

/// The `[name]` table of the configuration file at `path`, if it has one.
pub fn read_section(
    path: &std::path::Path,
    name: &str,
) -> Result<Option<toml::Table>, ConfigFileError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigFileError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut table: toml::Table = toml::from_str(&text).map_err(|e| ConfigFileError::Syntax {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    match table.remove(name) {
        None => Ok(None),
        Some(toml::Value::Table(section)) => Ok(Some(section)),
        Some(_) => Err(ConfigFileError::Setting {
            path: path.to_path_buf(),
            key: name.to_string(),
            reason: "must be a table ([section])".to_string(),
        }),
    }
}

fn parse_matches<P: Parser>(
    mut args: Vec<OsString>,
    sections: &[&str],
) -> Result<Parsed, ConfigFileError> {
    let command = P::command();
    // Settings that are required may come from the file: not an error yet.
    let first = command
        .clone()
        .ignore_errors(true)
        .try_get_matches_from(&args)?;
    let Some(path) = first.try_get_one::<PathBuf>(ARG_ID).ok().flatten() else {
        return Ok(Parsed {
            matches: command.try_get_matches_from(args)?,
            from_file: HashSet::new(),
        });
    };
    let text = std::fs::read_to_string(path).map_err(|source| ConfigFileError::Read {
        path: path.clone(),
        source,
    })?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| ConfigFileError::Syntax {
        path: path.clone(),
        reason: e.to_string(),
    })?;
    let mut from_file = Vec::new();
    let mut file_ids = HashSet::new();
    for (key, value) in &table {
        if value.is_table() && sections.contains(&key.as_str()) {
            continue;
        }
        let setting = |reason: &str| ConfigFileError::Setting {
            path: path.clone(),
            key: key.clone(),
            reason: reason.to_string(),
        };
        let long = key.replace('_', "-");
        let arg = command
            .get_arguments()
            .find(|arg| arg.get_long() == Some(long.as_str()) && arg.get_id() != ARG_ID)
            .ok_or_else(|| {
                setting("is not a setting (the keys are the long flag names: see --help)")
            })?;
        let given = first.value_source(arg.get_id().as_str());
        if matches!(
            given,
            Some(ValueSource::CommandLine | ValueSource::EnvVariable)
        ) {
            continue;
        }
        file_ids.insert(arg.get_id().to_string());
        let switch = matches!(arg.get_action(), ArgAction::SetTrue | ArgAction::SetFalse);
        let values: Vec<&toml::Value> = match value {
            toml::Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        if values.len() > 1 && !matches!(arg.get_action(), ArgAction::Append) {
            return Err(setting("takes one value, not an array"));
        }
        for value in values {
            let text = match value {
                toml::Value::String(s) => s.clone(),
                toml::Value::Integer(n) => n.to_string(),
                toml::Value::Float(x) => x.to_string(),
                toml::Value::Boolean(b) if switch => {
                    if *b {
                        from_file.push(OsString::from(format!("--{long}")));
                    }
                    continue;
                }
                toml::Value::Boolean(b) => b.to_string(),
                _ => {
                    return Err(setting(
                        "must be a string, number, boolean or array of them",
                    ));
                }
            };
            if switch {
                return Err(setting("is a switch: give true or false"));
            }
            from_file.push(OsString::from(format!("--{long}={text}")));
        }
    }
    // After the program name, before any subcommand: the file's settings are top-level flags.
    let at = args.len().min(1);
    args.splice(at..at, from_file);
    let matches = command
        .try_get_matches_from(args)
        .map_err(|error| match error.kind() {
            clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                ConfigFileError::Clap(error)
            }
            _ => ConfigFileError::WithFile {
                path: path.clone(),
                error,
            },
        })?;
    Ok(Parsed {
        matches,
        from_file: file_ids,
    })
}

/// The settings in effect as a configuration file, each with where it came from. Values of
/// settings that hide their environment values (secrets) are left out, unset ones commented out.
pub fn dump(command: &clap::Command, settings: &Parsed) -> String {
    let mut out = format!(
        "# {} settings in effect: flags win over CYBERBRAIN_* variables, which win over the\n\
         # configuration file, which wins over the defaults.\n",
        command.get_name()
    );
    for arg in command.get_arguments() {
        let id = arg.get_id().as_str();
        let Some(long) = arg.get_long() else { continue };
        if [ARG_ID, DUMP_ID, "help", "version"].contains(&id) {
            continue;
        }
        let source = match settings.matches.value_source(id) {
            _ if settings.from_file.contains(id) => "configuration file",
            Some(ValueSource::CommandLine) => "flag",
            Some(ValueSource::EnvVariable) => "environment",
            Some(ValueSource::DefaultValue) => "default",
            _ => {
                out.push_str(&format!("# {long}: not set\n"));
                continue;
            }
        };
        if arg.is_hide_env_values_set() {
            out.push_str(&format!("# {long}: set ({source}), not shown\n"));
            continue;
        }
        let value = match arg.get_action() {
            ArgAction::SetTrue | ArgAction::SetFalse => {
                toml::Value::Boolean(settings.matches.get_flag(id))
            }
            action => {
                let values: Vec<toml::Value> = settings
                    .matches
                    .get_raw(id)
                    .into_iter()
                    .flatten()
                    .map(|v| {
                        // Numbers read better unquoted; only those written as a number would
                        // be ("007" stays a string, since it would read back as "7").
                        let text = v.to_string_lossy();
                        match text.parse::<i64>() {
                            Ok(n) if n.to_string() == text => toml::Value::Integer(n),
                            _ => toml::Value::String(text.into_owned()),
                        }
                    })
                    .collect();
                match (action, values.len()) {
                    (ArgAction::Append, _) | (_, 2..) => toml::Value::Array(values),
                    (_, _) => values
                        .into_iter()
                        .next()
                        .unwrap_or(toml::Value::String(String::new())),
                }
            }
        };
        out.push_str(&format!("{long} = {value}  # {source}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[derive(Debug, Parser)]
    struct Settings {
        #[arg(long = "config")]
        config_file: Option<PathBuf>,
        #[arg(long, default_value_t = 10)]
        heartbeat_seconds: u32,
        #[arg(long, default_value = "a")]
        name: String,
        #[arg(long = "peer")]
        peers: Vec<String>,
        #[arg(long)]
        verbose: bool,
        #[arg(long)]
        needed: String,
        /// PATH is set in every test process: a setting the environment always gives.
        #[arg(long, env = "PATH")]
        search_path: Option<String>,
        #[arg(long, env = "TEST_SECRET_NOT_SET", hide_env_values = true)]
        secret: Option<String>,
        #[arg(long)]
        dump_config: bool,
    }

    fn parse(file: &str, flags: &[&str]) -> Result<Settings, ConfigFileError> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, file).expect("config file");
        let mut args = vec![OsString::from("test")];
        args.push(OsString::from(format!("--config={}", path.display())));
        args.extend(flags.iter().map(OsString::from));
        parse_from::<Settings>(args)
    }

    #[test]
    fn the_file_fills_in_what_flags_and_environment_leave_unset() {
        let parsed = parse(
            "heartbeat_seconds = 3\nname = \"from-file\"\npeer = [\"x\", \"y\"]\nverbose = true\n\
             search-path = \"from-file\"\nneeded = \"yes\"\n",
            &["--name", "from-flag"],
        )
        .expect("parsed");
        assert_eq!(parsed.heartbeat_seconds, 3);
        assert_eq!(parsed.name, "from-flag", "a flag beats the file");
        assert_eq!(parsed.peers, ["x", "y"]);
        assert!(parsed.verbose);
        assert_eq!(
            parsed.needed, "yes",
            "a required setting may come from the file"
        );
        assert_eq!(
            parsed.search_path,
            std::env::var("PATH").ok(),
            "the environment beats the file"
        );
    }

    #[test]
    fn without_a_file_the_flags_and_defaults_stand() {
        let args = ["test", "--verbose", "--needed=x"]
            .map(OsString::from)
            .to_vec();
        let parsed = parse_from::<Settings>(args).expect("parsed");
        assert_eq!((parsed.heartbeat_seconds, parsed.verbose), (10, true));
        let missing = parse_from::<Settings>(vec!["test".into()]).expect_err("--needed is missing");
        assert!(missing.to_string().contains("--needed"), "{missing}");
    }

    #[test]
    fn a_dump_reads_back_as_the_same_settings_and_keeps_secrets_out() {
        let file = "peer = [\"x\", \"y\"]\nverbose = true\n";
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, file).expect("config file");
        let args = [
            "test".to_string(),
            format!("--config={}", path.display()),
            "--needed=007".into(),
            "--secret=hunter2".into(),
        ]
        .map(OsString::from)
        .to_vec();
        let settings = parse_matches::<Settings>(args, &[]).expect("parsed");
        let dumped = dump(&Settings::command(), &settings);
        assert!(
            dumped.contains("peer = [\"x\", \"y\"]  # configuration file"),
            "{dumped}"
        );
        assert!(dumped.contains("needed = \"007\"  # flag"), "{dumped}");
        assert!(
            dumped.contains("heartbeat-seconds = 10  # default"),
            "{dumped}"
        );
        assert!(
            dumped.contains("# secret: set (flag), not shown"),
            "{dumped}"
        );
        assert!(!dumped.contains("hunter2"), "{dumped}");
        let again = dir.path().join("dumped.toml");
        std::fs::write(&again, &dumped).expect("dump file");
        let reread = parse_from::<Settings>(vec![
            "test".into(),
            format!("--config={}", again.display()).into(),
        ])
        .expect("the dump is a configuration file");
        let first = parse_from::<Settings>(vec![
            "test".into(),
            format!("--config={}", path.display()).into(),
            "--needed=007".into(),
        ])
        .expect("parsed");
        let without_file = |mut settings: Settings| {
            settings.config_file = None;
            format!("{settings:?}")
        };
        assert_eq!(without_file(reread), without_file(first));
    }

    #[test]
    fn bad_files_name_the_key_at_fault() {
        let message = |file: &str| match parse(file, &["--needed=x"]) {
            Err(e) => e.to_string(),
            Ok(parsed) => panic!("accepted {file:?}: {parsed:?}"),
        };
        assert!(message("hearbeat-seconds = 3").contains("`hearbeat-seconds` is not a setting"));
        assert!(message("name = [\"a\", \"b\"]").contains("`name` takes one value"));
        assert!(message("verbose = \"yes\"").contains("`verbose` is a switch"));
        assert!(message("name = { a = 1 }").contains("`name` must be a string"));
        assert!(message("config = \"other.toml\"").contains("`config` is not a setting"));
        assert!(message("name = ").contains("not valid TOML"));
        let invalid = message("heartbeat-seconds = \"soon\"");
        assert!(
            invalid.contains("'--heartbeat-seconds") && invalid.contains("settings.toml"),
            "{invalid}"
        );
    }
}
