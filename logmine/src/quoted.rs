//! Quoted strings and bracketed values as logs write them: where a `"…"` string ends (its
//! escapes read) and where a `[…]` or `{…}` value closes. Shared by the structured readers
//! (`structured.rs`) and the rewrite of JSON objects inside messages (`inline_json.rs`), so
//! that neither depends on the other for it.

/// A quoted value from just after its opening quote at `start`: its text with `\n`, `\t` and
/// escaped characters read, and the index after its closing quote. `None` when it never closes.
pub(crate) fn read_quoted(line: &[u8], start: usize) -> Option<(Vec<u8>, usize)> {
    let mut value = Vec::new();
    let mut i = start;
    loop {
        match line.get(i)? {
            b'"' => return Some((value, i + 1)),
            b'\\' if i + 1 < line.len() => {
                value.push(match line[i + 1] {
                    b'n' => b'\n',
                    b't' => b'\t',
                    other => other,
                });
                i += 2;
            }
            &b => {
                value.push(b);
                i += 1;
            }
        }
    }
}

/// Where the value opening with `[` or `{` at `start` closes (the index after its bracket), its
/// brackets balanced and quotes inside read whole; `None` when it opens with neither or never
/// closes.
pub(crate) fn bracketed_end(line: &[u8], start: usize) -> Option<usize> {
    if !matches!(line.get(start), Some(b'[' | b'{')) {
        return None;
    }
    let mut depth = 0usize;
    let mut i = start;
    while i < line.len() {
        match line[i] {
            b'"' => {
                i = read_quoted(line, i + 1)?.1;
                continue;
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}
