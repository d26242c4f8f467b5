//! Closed sets of words: booleans, HTTP methods, standard streams, signals, transports and units
//! of size. A slot holding two words of one set is a variable though it may never hold three, and
//! a clause's head holding one is the same head whichever it holds.

/// Closed sets of values: a slot that held two of one set is a variable, though it may never
/// hold three. Booleans, HTTP methods, standard streams, signals, transports and units of size.
const CLOSED_SETS: &[&[&[u8]]] = &[
    &[b"true", b"false", b"yes", b"no"],
    &[
        b"GET", b"POST", b"PUT", b"DELETE", b"PATCH", b"HEAD", b"OPTIONS", b"CONNECT", b"TRACE",
    ],
    &[b"stdout", b"stderr", b"stdin"],
    &[
        b"SIGTERM", b"SIGKILL", b"SIGINT", b"SIGHUP", b"SIGQUIT", b"SIGSEGV", b"SIGABRT",
        b"SIGBUS", b"SIGFPE", b"SIGILL", b"SIGPIPE", b"SIGALRM", b"SIGUSR1", b"SIGUSR2",
        b"SIGCHLD", b"SIGSTOP", b"SIGCONT",
    ],
    // Go's names of the signals (`os.Signal`'s `String()`): `received signal terminated`.
    &[b"interrupt", b"terminated", b"killed", b"hangup", b"quit"],
    // Transports: a listener, a peer or a probe names the one it uses (`via tcp`, `(protocol:
    // RDMA)`).
    &[b"tcp", b"udp", b"sctp", b"quic", b"icmp", b"rdma"],
    // Units of size a program picks by magnitude (`2.31 GB`, `512.00 MB`): the number's.
    &[
        b"B", b"KB", b"MB", b"GB", b"TB", b"PB", b"KiB", b"MiB", b"GiB", b"TiB", b"PiB",
    ],
];

/// Which of [`CLOSED_SETS`] `token` belongs to, alone or as a `key=` or `key:` value and with
/// punctuation around it (`true`, `completed=false`, `(YES)`, `"GET`); any case.
pub(crate) fn closed_set(token: &[u8]) -> Option<usize> {
    // The value after the last `=` or `:` that is not closing punctuation (`retain=False):`).
    let body = token
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(token, |last| &token[..=last]);
    let value = body
        .rsplit(|&b| b == b'=' || b == b':')
        .next()
        .unwrap_or(body);
    let start = value.iter().position(u8::is_ascii_alphabetic)?;
    let end = value.iter().rposition(u8::is_ascii_alphabetic)?;
    let word = &value[start..=end];
    let outer = |b: &u8| b.is_ascii_punctuation();
    if !(value[..start].iter().all(outer) && value[end + 1..].iter().all(outer)) {
        return None;
    }
    CLOSED_SETS
        .iter()
        .position(|set| set.iter().any(|w| word.eq_ignore_ascii_case(w)))
}

#[cfg(test)]
mod tests {
    use super::closed_set;

    #[test]
    fn units_of_size_are_one_set_apart_from_other_words() {
        let mb = closed_set(b"MB");
        assert!(mb.is_some());
        assert_eq!(closed_set(b"GiB"), mb);
        assert_eq!(closed_set(b"(kb)"), mb, "any case, punctuation around it");
        assert_ne!(closed_set(b"GET"), mb);
        assert_eq!(closed_set(b"MBps"), None);
    }

    #[test]
    fn transports_are_one_set_in_any_case() {
        let tcp = closed_set(b"tcp");
        assert!(tcp.is_some());
        assert_eq!(closed_set(b"UDP"), tcp);
        assert_eq!(closed_set(b"RDMA)"), tcp, "closing punctuation aside");
        assert_eq!(closed_set(b"proto=sctp"), tcp, "as a key's value");
        assert_ne!(closed_set(b"GET"), tcp);
        assert_eq!(closed_set(b"tcpdump"), None);
    }
}
