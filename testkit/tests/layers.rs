//! The workspace's shape, checked: no crate's modules import each other in a cycle, and the lower
//! crates keep out of what belongs above them (gRPC in the store, IO in the report).
//!
//! Cargo already refuses a cycle between crates; inside a crate nothing does. This test reads every
//! library source file, collects the modules each one names through `crate::…`, `super::…` and
//! `self::…` paths (in `use` lines and in code, test modules left out), and fails on every strongly
//! connected group of more than one module. A name a module brings in with `use` (a parent's
//! `pub use child::Item`, say) counts as the module it comes from, so `crate::Item` is an edge to
//! `child`, not to the root. A module naming an item its own ancestor or descendant defines is not
//! an edge: a parent declares its children, and children implement their parent's types.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module, as the path of names from its crate's root (`[]` is the root).
type ModulePath = Vec<String>;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("testkit sits in the workspace")
        .to_path_buf()
}

/// The library crates of the workspace: folders with a `src/lib.rs`.
fn library_crates() -> Vec<PathBuf> {
    let mut crates: Vec<PathBuf> = std::fs::read_dir(workspace_root())
        .expect("read the workspace")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("src/lib.rs").is_file() && p.join("Cargo.toml").is_file())
        .filter(|p| !p.ends_with("fuzz"))
        .collect();
    crates.sort();
    crates
}

/// Every `.rs` file below `src/` that belongs to the library (binaries left out), with its module
/// path.
fn modules_of(crate_dir: &Path) -> Vec<(ModulePath, PathBuf)> {
    fn walk(dir: &Path, prefix: &[String], out: &mut Vec<(ModulePath, PathBuf)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if name == "bin" && prefix.is_empty() {
                    continue;
                }
                let mut p = prefix.to_vec();
                p.push(name);
                walk(&path, &p, out);
            } else if let Some(stem) = name.strip_suffix(".rs") {
                let module = match stem {
                    "lib" | "mod" => prefix.to_vec(),
                    "main" if prefix.is_empty() => continue,
                    _ => {
                        let mut p = prefix.to_vec();
                        p.push(stem.to_string());
                        p
                    }
                };
                out.push((module, path));
            }
        }
    }
    let mut out = Vec::new();
    walk(&crate_dir.join("src"), &[], &mut out);
    out.sort();
    out
}

/// The source without comments and without test modules (`#[cfg(test)]` to the end of the file,
/// where this workspace keeps them).
fn code_of(source: &str) -> String {
    let mut code = String::new();
    for line in source.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            break;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        let line = match line.find("// ") {
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        };
        code.push_str(line);
        code.push('\n');
    }
    code
}

/// Expands a `use` tree such as `crate::{a::{b, c}, d}` into its paths (`crate::a::b`, …).
fn expand_use_tree(tree: &str) -> Vec<String> {
    // White space only matters around `as`.
    let words: Vec<&str> = tree.split_whitespace().collect();
    let mut tree = String::new();
    for word in words {
        if word == "as" {
            tree.push_str(" as ");
        } else {
            tree.push_str(word);
        }
    }
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand_use_tree(&format!("{prefix}{p}")))
        .collect()
}

/// The paths of the `use` declarations at a file's top level (a `use` inside a function brings a
/// name into that function only).
fn module_level_use_paths(code: &str) -> Vec<String> {
    let mut top = String::new();
    let mut in_use = false;
    for line in code.lines() {
        let starts_use = ["use ", "pub use ", "pub(crate) use ", "pub(super) use "]
            .iter()
            .any(|p| line.starts_with(p));
        if starts_use {
            in_use = true;
        }
        if in_use {
            top.push_str(line);
            top.push('\n');
            if line.contains(';') {
                in_use = false;
            }
        }
    }
    use_paths(&top)
}

/// Every path of every `use` declaration in `code`, expanded (`a::{b, c as d}` gives `a::b` and
/// `a::c as d`).
fn use_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before = rest[..i].chars().last();
        rest = &rest[i + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let Some(end) = rest.find(';') else { break };
        paths.extend(expand_use_tree(&rest[..end]));
    }
    paths
}

/// Splits `path as alias` into the path and the name it brings in (`None` for a glob or `self`).
fn imported_name(path: &str) -> (&str, Option<&str>) {
    let (path, alias) = match path.split_once(" as ") {
        Some((p, a)) => (p, Some(a)),
        None => (path, None),
    };
    let last = path.rsplit("::").next().unwrap_or(path);
    let name = alias.or(Some(last)).filter(|n| *n != "*" && *n != "self");
    (path, name)
}

/// The `crate::`, `super::` and `self::` paths a file names, as written.
fn paths_named(code: &str) -> Vec<String> {
    let mut paths: Vec<String> = use_paths(code)
        .into_iter()
        .map(|p| imported_name(&p).0.to_string())
        .filter(|p| p.starts_with("crate::") || p.starts_with("super::") || p.starts_with("self::"))
        .collect();
    // Paths in code: `crate::a::b`, `super::super::c`.
    for anchor in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(anchor) {
            let start = from + i;
            from = start + anchor.len();
            if code[..start]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
            {
                continue;
            }
            let path: String = code[start..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            paths.push(path);
        }
    }
    paths
}

/// The names each module brings in with `use` from another module of the crate, and where from.
type Imports = BTreeMap<ModulePath, BTreeMap<String, ModulePath>>;

/// The module a path names: the longest prefix of it that is a module of the crate, or, when the
/// next name is one that module imports, the module it comes from.
fn resolve(
    path: &str,
    current: &ModulePath,
    modules: &BTreeSet<ModulePath>,
    imports: &Imports,
) -> Option<ModulePath> {
    let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let (found, rest) = longest_module(&mut segments, current, modules)?;
    // A name the module imports: the module that defines it (`imports_of` follows chains).
    let source = rest
        .first()
        .and_then(|name| imports.get(&found).and_then(|names| names.get(*name)));
    Some(source.cloned().unwrap_or(found))
}

/// The longest module prefix of `segments` (read from `current`), and what follows it.
fn longest_module<'s>(
    segments: &mut Vec<&'s str>,
    current: &ModulePath,
    modules: &BTreeSet<ModulePath>,
) -> Option<(ModulePath, Vec<&'s str>)> {
    let mut base: ModulePath = match segments.first() {
        Some(&"crate") => Vec::new(),
        // Each `super` below pops one name: `a/b.rs`'s parent is `a`, `a/mod.rs`'s is the root.
        Some(&"self") | Some(&"super") => current.clone(),
        _ => return None,
    };
    while segments.first() == Some(&"super") {
        base.pop()?;
        segments.remove(0);
    }
    if matches!(segments.first(), Some(&"crate") | Some(&"self")) {
        segments.remove(0);
    }
    let mut found = base.clone();
    let mut candidate = base;
    let mut used = 0;
    for segment in segments.iter() {
        candidate.push(segment.to_string());
        if modules.contains(&candidate) {
            found = candidate.clone();
            used += 1;
        } else {
            break;
        }
    }
    Some((found, segments[used..].to_vec()))
}

/// What each module imports from the crate's other modules: for every `use` of a `crate::`,
/// `super::`, `self::` or child-module path, the name it brings in and the module that defines it.
fn imports_of(
    files: &[(ModulePath, PathBuf)],
    modules: &BTreeSet<ModulePath>,
    code: &BTreeMap<ModulePath, String>,
) -> Imports {
    // Until nothing changes, so that a chain of re-exports resolves to where the item lives.
    let mut imports = Imports::new();
    for _ in 0..16 {
        let mut next = Imports::new();
        for (module, _) in files {
            let names = next.entry(module.clone()).or_default();
            for path in module_level_use_paths(&code[module]) {
                let (path, Some(name)) = imported_name(&path) else {
                    continue;
                };
                let absolute = if path.starts_with("crate::")
                    || path.starts_with("super::")
                    || path.starts_with("self::")
                {
                    path.to_string()
                } else {
                    let mut child = module.clone();
                    child.push(path.split("::").next().unwrap_or_default().to_string());
                    if !modules.contains(&child) {
                        continue; // another crate's path
                    }
                    format!("self::{path}")
                };
                // The module that defines the name: the longest module prefix, or the module
                // that prefix took the name from.
                let as_module = resolve(&absolute, module, modules, &imports);
                if let Some(source) = as_module
                    && source != *module
                {
                    names.insert(name.to_string(), source);
                }
            }
        }
        if next == imports {
            break;
        }
        imports = next;
    }
    imports
}

fn is_ancestor(a: &ModulePath, b: &ModulePath) -> bool {
    a.len() <= b.len() && b[..a.len()] == a[..]
}

/// The import edges between a crate's modules (ancestors and descendants left out).
fn import_graph(crate_dir: &Path) -> BTreeMap<ModulePath, BTreeSet<ModulePath>> {
    let files = modules_of(crate_dir);
    let modules: BTreeSet<ModulePath> = files.iter().map(|(m, _)| m.clone()).collect();
    let code: BTreeMap<ModulePath, String> = files
        .iter()
        .map(|(module, file)| {
            let source = std::fs::read_to_string(file).expect("read a source file");
            (module.clone(), code_of(&source))
        })
        .collect();
    let imports = imports_of(&files, &modules, &code);
    let mut graph: BTreeMap<ModulePath, BTreeSet<ModulePath>> = BTreeMap::new();
    for (module, _) in &files {
        let edges = graph.entry(module.clone()).or_default();
        for path in paths_named(&code[module]) {
            let Some(target) = resolve(&path, module, &modules, &imports) else {
                continue;
            };
            if !is_ancestor(&target, module) && !is_ancestor(module, &target) {
                edges.insert(target);
            }
        }
    }
    graph
}

/// The strongly connected groups of more than one module (Tarjan's algorithm).
fn cycles(graph: &BTreeMap<ModulePath, BTreeSet<ModulePath>>) -> Vec<Vec<ModulePath>> {
    struct State<'g> {
        graph: &'g BTreeMap<ModulePath, BTreeSet<ModulePath>>,
        index: BTreeMap<&'g ModulePath, usize>,
        low: BTreeMap<&'g ModulePath, usize>,
        stack: Vec<&'g ModulePath>,
        on_stack: BTreeSet<&'g ModulePath>,
        groups: Vec<Vec<ModulePath>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g ModulePath) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        if let Some(targets) = s.graph.get(v) {
            for w in targets {
                let Some((w, _)) = s.graph.get_key_value(w) else {
                    continue;
                };
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let low = s.low[v].min(s.low[w]);
                    s.low.insert(v, low);
                } else if s.on_stack.contains(w) {
                    let low = s.low[v].min(s.index[w]);
                    s.low.insert(v, low);
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(w.clone());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.groups.push(group);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        groups: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v) {
            visit(&mut state, v);
        }
    }
    state.groups
}

fn show(module: &ModulePath) -> String {
    if module.is_empty() {
        "(root)".to_string()
    } else {
        module.join("::")
    }
}

#[test]
fn no_crate_has_an_import_cycle_between_its_modules() {
    let mut found = Vec::new();
    let crates = library_crates();
    assert!(crates.len() >= 10, "found only {crates:?}");
    for crate_dir in &crates {
        for group in cycles(&import_graph(crate_dir)) {
            let name = crate_dir.file_name().unwrap_or_default().to_string_lossy();
            let members: Vec<String> = group.iter().map(show).collect();
            found.push(format!("{name}: {}", members.join(" ↔ ")));
        }
    }
    assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
}

#[test]
fn the_checker_finds_a_cycle_and_ignores_parents() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path().join("src");
    std::fs::create_dir_all(src.join("store")).expect("mkdir");
    std::fs::write(
        src.join("lib.rs"),
        "pub mod a;\npub mod b;\npub mod store;\n",
    )
    .expect("write");
    std::fs::write(src.join("a.rs"), "use crate::b::Thing;\n").expect("write");
    std::fs::write(
        src.join("b.rs"),
        "pub fn f() { crate::a::g() }\n#[cfg(test)]\nmod tests { use crate::store::X; }\n",
    )
    .expect("write");
    std::fs::write(
        src.join("store/mod.rs"),
        "mod jobs;\nuse crate::{a, b::{Thing}};\n",
    )
    .expect("write");
    std::fs::write(src.join("store/jobs.rs"), "use super::Store;\n").expect("write");
    let groups = cycles(&import_graph(dir.path()));
    assert_eq!(
        groups,
        vec![vec![vec!["a".to_string()], vec!["b".to_string()]]],
        "a ↔ b only: store → a, b is one-way and store::jobs → store is its parent"
    );
}

#[test]
fn a_cycle_through_re_exports_is_found() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path().join("src");
    std::fs::create_dir_all(&src).expect("mkdir");
    let files = [
        (
            "lib.rs",
            "mod digest;\nmod miner;\nmod report;\npub use digest::Digest;\npub use miner::{Miner as M};\n",
        ),
        ("digest.rs", "use crate::M;\npub struct Digest;\n"),
        (
            "miner.rs",
            "use crate::Digest as Summary;\npub struct Miner;\n",
        ),
        ("report.rs", "use crate::{Digest, M};\n"),
    ];
    for (name, text) in files {
        std::fs::write(src.join(name), text).expect("write");
    }
    let groups = cycles(&import_graph(dir.path()));
    assert_eq!(
        groups,
        vec![vec![vec!["digest".to_string()], vec!["miner".to_string()]]],
        "digest and miner name each other through the root's re-exports; report only uses both"
    );
}

#[test]
fn chains_of_re_exports_and_function_scoped_uses_resolve_to_where_the_item_lives() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path().join("src");
    std::fs::create_dir_all(&src).expect("mkdir");
    let files = [
        (
            "lib.rs",
            "mod a;\nmod b;\nmod hub;\nmod miner;\npub use hub::Item;\n",
        ),
        ("hub.rs", "pub use crate::b::Thing as Item;\n"),
        ("b.rs", "pub use crate::miner::Miner as Thing;\n"),
        (
            "miner.rs",
            "pub struct Miner;\npub fn f() {\n    use crate::a::helper;\n}\n",
        ),
        ("a.rs", "use crate::Item;\npub fn helper() {}\n"),
    ];
    for (name, text) in files {
        std::fs::write(src.join(name), text).expect("write");
    }
    let groups = cycles(&import_graph(dir.path()));
    assert_eq!(
        groups,
        vec![vec![vec!["a".to_string()], vec!["miner".to_string()]]],
        "a names crate::Item, which is miner's Miner three re-exports on; miner names a in a function"
    );
}

/// Whether `code` has `identifier` as a whole word (not inside `monotonic`, say).
fn names_identifier(code: &str, identifier: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(identifier).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = code[i + identifier.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

/// The `[dependencies]` names of a crate's manifest.
fn dependencies_of(crate_dir: &str) -> BTreeSet<String> {
    let manifest = std::fs::read_to_string(workspace_root().join(crate_dir).join("Cargo.toml"))
        .expect("read a manifest");
    let mut in_deps = false;
    let mut names = BTreeSet::new();
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line == "[dependencies]";
            continue;
        }
        if in_deps
            && !line.starts_with('#')
            && let Some((name, _)) = line.split_once(['=', '.'])
        {
            names.insert(name.trim().to_string());
        }
    }
    names
}

#[test]
fn lower_crates_keep_out_of_what_belongs_above_them() {
    let forbidden: [(&str, &[&str]); 5] = [
        (
            "model",
            &[
                "tonic",
                "tokio",
                "tokio-postgres",
                "reqwest",
                "cyberbrain-proto",
            ],
        ),
        (
            "store",
            &[
                "tonic",
                "cyberbrain-proto",
                "cyberbrain-report",
                "cyberbrain-llm",
            ],
        ),
        (
            "report",
            &[
                "tonic",
                "tokio",
                "tokio-postgres",
                "reqwest",
                "cyberbrain-store",
                "cyberbrain-llm",
            ],
        ),
        ("llm", &["tonic", "tokio-postgres", "cyberbrain-store"]),
        // MCP tools reach the fleet only through the public API, as any client: no database,
        // no controller internals, so the controller's checks, limits and audit always apply.
        (
            "mcp",
            &[
                "tokio-postgres",
                "cyberbrain-store",
                "cyberbrain-controller",
                "cyberbrain-llm",
                "cyberbrain-model",
                "cyberbrain-agent",
            ],
        ),
    ];
    for (crate_dir, names) in forbidden {
        let deps = dependencies_of(crate_dir);
        for name in names {
            assert!(!deps.contains(*name), "{crate_dir} depends on {name}");
        }
    }
    // `tasks` owns the wire conversions, so every crate above it links `cyberbrain-proto` and
    // tonic: the sources are checked too. Only the controller's API edge speaks the wire.
    for crate_dir in ["model", "store", "report", "llm"] {
        for (module, file) in modules_of(&workspace_root().join(crate_dir)) {
            let code = code_of(&std::fs::read_to_string(&file).expect("read a source file"));
            for wire in ["cyberbrain_proto", "tonic", "wire", "prost"] {
                assert!(
                    !names_identifier(&code, wire),
                    "{crate_dir}::{} names {wire}: wire types stay at the API's edge",
                    module.join("::")
                );
            }
        }
    }
}

#[test]
fn the_newcomers_docs_stay_short() {
    // A newcomer reads README.md and ARCHITECTURE.md in ten minutes; the operations manual,
    // decisions and test inventory have their own files (docs/, testkit/README.md).
    for (file, limit) in [("README.md", 10_000), ("ARCHITECTURE.md", 25_000)] {
        let size = std::fs::metadata(workspace_root().join(file))
            .expect("the file exists")
            .len();
        assert!(
            size <= limit,
            "{file} is {size} bytes; keep it at most {limit}"
        );
    }
    for file in [
        "docs/operations.md",
        "docs/decisions.md",
        "testkit/README.md",
    ] {
        assert!(workspace_root().join(file).is_file(), "{file} is missing");
    }
}
