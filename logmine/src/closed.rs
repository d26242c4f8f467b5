//! Closed sets of words: booleans, HTTP methods, standard streams, signals, transports and units
//! of size; and the C library's error texts. A slot holding two words of one set is a variable though it may never hold three, and
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

/// Whether `token` is an HTTP method (of [`CLOSED_SETS`]), as [`closed_set`] reads it.
pub(crate) fn is_http_method(token: &[u8]) -> bool {
    closed_set(b"GET").is_some_and(|methods| closed_set(token) == Some(methods))
}

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

/// The C library's error texts (`strerror`, glibc's and the BSDs' wording, and `gai_strerror`'s),
/// what `perror` and most C programs write after a colon: a closed set of reasons, the same in
/// every program.
const ERROR_TEXTS: &[&str] = &[
    "operation not permitted",
    "no such file or directory",
    "no such process",
    "interrupted system call",
    "input/output error",
    "no such device or address",
    "argument list too long",
    "exec format error",
    "bad file descriptor",
    "no child processes",
    "resource temporarily unavailable",
    "cannot allocate memory",
    "permission denied",
    "bad address",
    "device or resource busy",
    "file exists",
    "invalid cross-device link",
    "no such device",
    "not a directory",
    "is a directory",
    "invalid argument",
    "too many open files in system",
    "too many open files",
    "inappropriate ioctl for device",
    "text file busy",
    "file too large",
    "no space left on device",
    "illegal seek",
    "read-only file system",
    "too many links",
    "broken pipe",
    "numerical result out of range",
    "resource deadlock avoided",
    "file name too long",
    "no locks available",
    "function not implemented",
    "directory not empty",
    "too many levels of symbolic links",
    "protocol error",
    "bad message",
    "value too large for defined data type",
    "operation not supported",
    "protocol not supported",
    "address family not supported by protocol",
    "address already in use",
    "cannot assign requested address",
    "network is down",
    "network is unreachable",
    "network dropped connection on reset",
    "software caused connection abort",
    "connection reset by peer",
    "no buffer space available",
    "transport endpoint is already connected",
    "transport endpoint is not connected",
    "connection timed out",
    "operation timed out",
    "connection refused",
    "host is down",
    "no route to host",
    "operation already in progress",
    "operation now in progress",
    "stale file handle",
    "remote i/o error",
    "disk quota exceeded",
    "operation canceled",
    "message too long",
    "no data available",
    "timer expired",
    "device not configured",
    // `gai_strerror`'s, what `getaddrinfo` callers write after the same colon (glibc's, and
    // musl's `Name does not resolve`).
    "name or service not known",
    "temporary failure in name resolution",
    "no address associated with hostname",
    "non-recoverable failure in name resolution",
    "servname not supported for ai_socktype",
    "address family for hostname not supported",
    "name does not resolve",
];

/// The JVM's texts for socket and stream errors (`java.net.SocketException: Connection reset`),
/// the same in every Java program: reasons as the C library's are.
const JVM_ERROR_TEXTS: &[&str] = &[
    "connection reset",
    "read timed out",
    "connect timed out",
    "socket closed",
    "socket is closed",
    "stream closed",
];

/// Whether `word` names a failure or a warning of one (`Error`, `FAILED`, `Exception`,
/// `Warning`, `Invalid`), any case.
pub(crate) fn names_a_failure(word: &[u8]) -> bool {
    const FAILURES: &[&[u8]] = &[
        b"error",
        b"errors",
        b"failure",
        b"failed",
        b"fail",
        b"exception",
        b"fatal",
        b"warning",
        b"critical",
        b"panic",
        b"crash",
        b"timeout",
        b"denied",
        b"invalid",
        b"unable",
    ];
    FAILURES.iter().any(|f| word.eq_ignore_ascii_case(f))
}

/// Whether `tokens` are one of the C library's error texts ([`ERROR_TEXTS`]), any case, a
/// closing `.` aside.
pub(crate) fn is_error_text(tokens: &[Box<[u8]>]) -> bool {
    is_one_of(ERROR_TEXTS, tokens)
}

/// Whether `tokens` are one of the JVM's error texts ([`JVM_ERROR_TEXTS`]), any case, a closing
/// `.` aside: a reason after a Java exception's type only (`Connection reset` is a phrase too).
pub(crate) fn is_jvm_error_text(tokens: &[Box<[u8]>]) -> bool {
    is_one_of(JVM_ERROR_TEXTS, tokens)
}

/// Whether `tokens` are one of `texts`, any case, a closing `.` aside.
fn is_one_of(texts: &[&str], tokens: &[Box<[u8]>]) -> bool {
    let words = tokens.len();
    if !(2..=7).contains(&words) {
        return false;
    }
    texts.iter().any(|text| {
        let mut expected = text.split(' ');
        let matched = tokens.iter().enumerate().all(|(i, token)| {
            let token = if i + 1 == words {
                token.strip_suffix(b".").unwrap_or(token)
            } else {
                token
            };
            expected
                .next()
                .is_some_and(|word| token.eq_ignore_ascii_case(word.as_bytes()))
        });
        matched && expected.next().is_none()
    })
}

#[cfg(test)]
mod tests {
    use super::{closed_set, is_error_text};

    #[test]
    fn the_c_library_s_error_texts_are_known_in_any_case() {
        let text =
            |s: &str| -> Vec<Box<[u8]>> { s.split(' ').map(|w| Box::from(w.as_bytes())).collect() };
        assert!(is_error_text(&text("Network is down")));
        assert!(is_error_text(&text("No such device")));
        assert!(is_error_text(&text("Input/Output Error.")));
        assert!(!is_error_text(&text("No such device here")));
        assert!(!is_error_text(&text("Started nginx.service")));
        assert!(!is_error_text(&text("Network")));
    }

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
