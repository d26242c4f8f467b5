//! Control characters made visible. Text from containers, agents and LLMs may hold escape
//! sequences (`ESC c` resets a terminal, `ESC ] 0;… BEL` sets its title, `ESC [2J` clears it),
//! NULs and other control characters. Markdown passes them through untouched, so a report shown
//! in a terminal (`cbctl run report`, `cat report.md`) would obey them. Here every control
//! character but tab and newline becomes a visible stand-in: C0 characters their Unicode
//! Control Picture (ESC → `␛`, NUL → `␀`, carriage return → `␍`), DEL `␡`, C1 characters (the
//! single-byte CSI U+009B among them) the replacement character `�`. Invisible characters that
//! change how a line reads (bidirectional overrides, zero-width characters) are shown by their
//! code point, `<U+202E>`.

use std::borrow::Cow;

/// `text` with every control character except tab and newline replaced by a visible stand-in,
/// and every invisible one ([`is_invisible`]) shown by its code point, `<U+202E>`. Borrowed when
/// there is nothing to replace.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hostile) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_invisible(c) {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(stand_in(c));
        }
    }
    Cow::Owned(out)
}

/// Whether `c` is a character a report must not carry as it is.
fn is_hostile(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n')) || is_invisible(c)
}

/// Whether `c` is invisible and changes how the text around it reads: Unicode's format
/// characters (Cf: the bidirectional overrides and isolates that reorder what a reader sees,
/// zero-width spaces and joiners, the byte order mark, the soft hyphen, tag characters) and the
/// line and paragraph separators (Zl, Zp), which some renderers break lines at. The table is
/// general category Cf of Unicode 16, plus U+2028 and U+2029.
pub fn is_invisible(c: char) -> bool {
    matches!(
        u32::from(c),
        0xAD | 0x600..=0x605
            | 0x61C
            | 0x6DD
            | 0x70F
            | 0x890..=0x891
            | 0x8E2
            | 0x180E
            | 0x200B..=0x200F
            | 0x2028..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0001
            | 0xE0020..=0xE007F
    )
}

fn stand_in(c: char) -> char {
    if !is_hostile(c) {
        return c;
    }
    match u32::from(c) {
        code @ 0..=0x1f => char::from_u32(0x2400 + code).unwrap_or(char::REPLACEMENT_CHARACTER),
        0x7f => '\u{2421}',
        _ => char::REPLACEMENT_CHARACTER,
    }
}

/// The report's JSON as text, pretty-printed, with every control character escaped: JSON
/// escapes C0 by itself, and this escapes DEL and C1 too (`\u009b` is a CSI to some terminals),
/// and the invisible characters of [`is_invisible`] (`\u202e` would reorder a line on screen),
/// so the text is safe to print while every value reads back unchanged.
pub fn json_text(value: &serde_json::Value) -> Result<String, serde_json::Error> {
    let mut out = Vec::new();
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut out, EscapingFormatter::default());
    serde::Serialize::serialize(value, &mut serializer)?;
    // Only UTF-8 was written: the serializer's own text and escaped ASCII.
    String::from_utf8(out).map_err(|e| serde::ser::Error::custom(e.to_string()))
}

/// serde_json's pretty formatter, escaping DEL and C1 in strings as `\uXXXX`.
#[derive(Default)]
struct EscapingFormatter {
    pretty: serde_json::ser::PrettyFormatter<'static>,
}

impl serde_json::ser::Formatter for EscapingFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if c.is_control() || is_invisible(c) {
                writer.write_all(&fragment.as_bytes()[start..at])?;
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.pretty.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.pretty.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.pretty.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.pretty.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.pretty.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.pretty.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.pretty.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.pretty.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.pretty.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_and_lose_their_escape() {
        assert_eq!(neutralise("\u{1b}c"), "␛c");
        assert_eq!(neutralise("\u{1b}[H\u{1b}[J"), "␛[H␛[J");
        assert_eq!(neutralise("\u{1b}]0;pwned\u{7}"), "␛]0;pwned␇");
        assert_eq!(
            neutralise("nul\0 del\u{7f} csi\u{9b}2J cr\r"),
            "nul␀ del␡ csi�2J cr␍"
        );
    }

    #[test]
    fn json_text_escapes_del_and_c1_and_reads_back_unchanged() {
        let value = serde_json::json!({"line": "a\u{1b}[2J b\u{9b}c d\u{7f} é", "n": [1, 2]});
        let text = json_text(&value).expect("json");
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
        assert!(text.contains("\\u001b[2J b\\u009bc d\\u007f é"), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, value);
        assert_eq!(
            text,
            serde_json::to_string_pretty(&value)
                .unwrap()
                .replace('\u{9b}', "\\u009b")
                .replace('\u{7f}', "\\u007f")
        );
    }

    #[test]
    fn invisible_characters_are_shown_by_code_point() {
        assert_eq!(neutralise("admin\u{202E}txt.exe"), "admin<U+202E>txt.exe");
        assert_eq!(
            neutralise("a\u{200B}b\u{FEFF}c\u{2028}d\u{2029}e\u{2066}f\u{2069}"),
            "a<U+200B>b<U+FEFF>c<U+2028>d<U+2029>e<U+2066>f<U+2069>"
        );
        assert_eq!(neutralise("tag\u{E0041}"), "tag<U+E0041>");
        for c in ['\u{202A}', '\u{202D}', '\u{200F}', '\u{2067}', '\u{AD}'] {
            assert!(is_invisible(c), "{c:?}");
        }
        // Ordinary non-ASCII text is left alone: accents, CJK, emoji, a no-break space.
        for c in ['é', '中', '✓', '🙂', '\u{A0}', '\u{2010}', '\u{2030}'] {
            assert!(!is_invisible(c), "{c:?}");
        }
        let value = serde_json::json!({"name": "a\u{202E}b"});
        let text = json_text(&value).expect("json");
        assert!(text.contains("a\\u202eb"), "{text}");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            value
        );
    }

    #[test]
    fn tab_newline_and_ordinary_text_pass_unchanged() {
        let text = "| a | b |\n\tcafé ✓ `code`";
        assert!(matches!(neutralise(text), Cow::Borrowed(t) if t == text));
    }
}
