//! The checks of what comes from outside: ids, links, e-mail addresses, phone numbers, markup
//! and paths. Every part that reads a file or a form uses these, so one rule has one place.

use super::limits::MAX_URL_CHARS;

/// An id in content and region packs (a contact, a number, a theme): 1 to 64 of `a–z 0–9 -`.
pub fn is_content_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The longest id a dossier may have.
pub const MAX_ID_CHARS: usize = 64;

/// Whether `id` can be a dossier's id: 1 to 64 of `A–Z a–z 0–9 _ -`. An id is a segment of
/// the screen's address (`#/meldcode/<id>/1`) and of the storage key, so `/`, `?`, `#`, `%`,
/// spaces and anything else an address would change are refused. The app's own ids
/// (`d-` and 16 hex digits) always pass.
pub fn is_record_id(id: &str) -> bool {
    (1..=MAX_ID_CHARS).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Whether the JSON text nests arrays and objects more than `max` deep, found in one pass
/// without parsing (brackets inside strings do not count). Broken JSON is left to the parser.
pub fn nests_deeper_than(text: &str, max: usize) -> bool {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for byte in text.bytes() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// A HSDS record's id after lower-casing: 1 to 64 of `a–z 0–9 - _` (valid in HSDS and safe in
/// a link).
pub fn is_hsds_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

pub fn is_web_url(url: &str) -> bool {
    let scheme =
        |prefix: &str| url.get(..prefix.len()).is_some_and(|s| s.eq_ignore_ascii_case(prefix));
    let rest = match url {
        _ if scheme("https://") => &url[8..],
        _ if scheme("http://") => &url[7..],
        _ => return false,
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    // No user info ("https://www.voorbeeldstad.nl@evil.example/"): a link goes where it says.
    !host.is_empty()
        && !host.contains('@')
        && url.len() <= MAX_URL_CHARS
        && !has_char_outside_link(url, b"<>\"'`\\")
}

/// A number a Dutch phone can dial: digits, spaces, hyphens or dashes ("020 – 557 33 38"),
/// a leading plus, and at most one pair of parentheses around digits ("(010)", or "(0)" after
/// a country code). Nothing that could break out of a `tel:` link, and no "(0)(0)(0)112".
pub fn is_phone(number: &str) -> bool {
    let number = number.trim();
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let allowed = number.chars().enumerate().all(|(i, c)| {
        c.is_ascii_digit() || " -()\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}".contains(c) || (c == '+' && i == 0)
    });
    // One pair of parentheses at most, with only digits inside.
    let groups = number.matches('(').count();
    let parentheses = match (number.find('('), number.find(')')) {
        (None, None) => true,
        (Some(open), Some(close)) => {
            groups == 1
                && number.matches(')').count() == 1
                && open < close
                && close > open + 1
                && number[open + 1..close].chars().all(|c| c.is_ascii_digit())
        }
        _ => false,
    };
    // "(0)" only after a country code, where the Dutch leave it out when dialling.
    let zero = !number.contains("(0)") || number.starts_with('+');
    allowed && parentheses && zero && (3..=15).contains(&digits)
}

/// The digits a phone dials for `number`, as a `tel:` link. Dutch numbers are written
/// "+31 (0)10 555 0101": the "(0)" is dialled only from within the country, so after a
/// country code it is left out (`tel:+31105550101`, not `+310105550101`, which does not connect).
pub fn tel_uri(number: &str) -> String {
    let number = number.trim();
    let international = number.starts_with('+');
    let mut uri = String::from("tel:");
    if international {
        uri.push('+');
    }
    let mut rest = number.trim_start_matches('+');
    while let Some(c) = rest.chars().next() {
        if international && rest.starts_with("(0)") {
            rest = &rest[3..];
            continue;
        }
        if c.is_ascii_digit() {
            uri.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    uri
}

pub fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    // A plain address: nothing that would make `mailto:` carry more ("?bcc=…&subject=…").
    email.len() <= MAX_URL_CHARS
        && !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !has_char_outside_link(email, b"<>\"'(),;:[]\\?#%&=/")
}

/// Whitespace, control characters or one of `forbidden`: what could break out of a link.
/// Byte by byte with a bit set while the text is ASCII, which nearly every link is (a region
/// has thousands of them).
fn has_char_outside_link(text: &str, forbidden: &[u8]) -> bool {
    let mut set: u128 = (1 << 0x7f) | ((1 << 0x21) - 1);
    for &b in forbidden {
        set |= 1 << b;
    }
    match text.bytes().position(|b| b >= 0x80 || set >> b & 1 == 1) {
        None => false,
        Some(at) if text.as_bytes()[at] < 0x80 => true,
        Some(at) => text[at..].chars().any(|c| {
            c.is_whitespace() || c.is_control() || (c.is_ascii() && set >> c as u32 & 1 == 1)
        }),
    }
}

/// `text` safe inside an HTML attribute value in double quotes, and in element content.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text that would be markup if anyone rendered it as HTML, or holds invisible characters.
/// Control characters are C0 and DEL, or C1 (`C2 80`–`C2 9F` in UTF-8); invisible ones are
/// the format characters that hide or reorder text: zero-width ones and bidi controls
/// (a right-to-left override turns "Buurtteam" into something else on screen).
pub fn has_markup(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Most text has none of these bytes: one quick look settles it. `E2` and `EF` start the
    // invisible characters (and some visible ones, such as "–" and "€").
    if !bytes.iter().any(|&b| b < 0x20 || b == b'<' || b == 0x7f || b == 0xc2 || b == 0xe2 || b == 0xef) {
        return false;
    }
    if text.chars().any(is_invisible) {
        return true;
    }
    let next = |i: usize| bytes.get(i + 1).copied().unwrap_or(0);
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'<' => next(i).is_ascii_alphabetic() || b"/!?".contains(&next(i)),
        b'\n' | b'\r' | b'\t' => false,
        0..=0x1f | 0x7f => true,
        0xc2 => (0x80..=0x9f).contains(&next(i)),
        _ => false,
    })
}

/// Zero-width characters, bidi controls and the byte order mark inside text.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// A path below the region pack's folder: no scheme, no host, no way up.
pub fn is_relative_path(path: &str) -> bool {
    (1..=300).contains(&path.len())
        && !path.starts_with('/')
        && path.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
        && path.chars().all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_http_or_https_only() {
        assert!(is_web_url("https://www.voorbeeldstad.nl/buurtteam"));
        assert!(is_web_url("HTTP://example.nl"));
        for bad in [
            "javascript:alert(1)",
            "https://",
            "ftp://x.nl",
            "https://a.nl/\"onload=",
            "//a.nl",
            "data:text/html,x",
            "https://a.nl/x y",
            "https://a.nl/\u{a0}x",
            "https://a.nl/\u{85}",
            "https://café.nl/<b>",
            "https://www.voorbeeldstad.nl@evil.example/login",
            "https://user:pass@voorbeeldstad.nl/",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
        assert!(is_web_url("https://café.nl/menu"));
    }

    #[test]
    fn phone_numbers_make_safe_links() {
        for good in ["010-5550101", "+31 10 555 0101", "(010) 555 01 01", "112", "020 – 557 33 38", "+31 (0)10 555 0101"] {
            assert!(is_phone(good), "{good}");
        }
        for bad in [
            "0800<script>",
            "\"+44 1234 234567\"",
            "12",
            "tel:112",
            "010+5550101",
            "1234567890123456",
            "(0)(0)(0)112",
            "(0)10 555 0101",
            "010) 555 (0101",
            "() 112",
            "(01(0)) 555",
        ] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn emails_and_markup() {
        assert!(is_email("noord@buurtteam.voorbeeldstad.nl"));
        for bad in ["geen", "a@b", "a@b.nl\"><script>", "@b.nl", "a@@b.nl", "a b@c.nl",
                    "info@voorbeeldstad.nl?bcc=spy%40evil.example&subject=x", "a@b.nl#x", "a/b@c.nl"] {
            assert!(!is_email(bad), "{bad}");
        }
        assert!(is_email("j.de-vries+meldcode@voorbeeldstad.nl"));
        for hidden in ["Buurt\u{202e}maet", "Buurt\u{200b}team", "\u{feff}Buurtteam", "Buurt\u{2066}team\u{2069}"] {
            assert!(has_markup(hidden), "{hidden:?}");
        }
        assert!(!has_markup("Buurtteam – wijk ’t Zand, € 5"));
        assert!(is_email("info@bürgerhaus.nl") && !is_email("a\u{2003}b@c.nl"));
        assert!(has_markup("<b>hoi</b>") && has_markup("a\u{0}b") && has_markup("a\u{85}"));
        assert!(has_markup("é\u{9f}") && !has_markup("één ¬ é\u{a0}é <3"));
        assert!(has_markup("\u{1b}") && has_markup("ab\u{7f}"));
        assert!(!has_markup("3 < 4 en 5 > 2\nregel twee"));
    }

    #[test]
    fn tel_uri_keeps_only_digits_and_a_leading_plus() {
        assert_eq!(tel_uri("+31 70 311 9007"), "tel:+31703119007");
        assert_eq!(tel_uri("0800-2000"), "tel:08002000");
        assert_eq!(tel_uri("112\"><script>"), "tel:112");
        assert_eq!(tel_uri("+31 (0)10 555 0101"), "tel:+31105550101");
        assert_eq!(tel_uri("(010) 555 01 01"), "tel:0105550101");
        assert_eq!(tel_uri("020 – 557 33 38"), "tel:0205573338");
    }

    #[test]
    fn ids_are_what_an_address_segment_can_carry() {
        for good in ["d-0123456789abcdef", "a", "KO_2026-014", &"x".repeat(64)] {
            assert!(is_record_id(good), "{good}");
        }
        for bad in ["", "a/b", "a b", "a?b", "a#b", "%2F", "..", "é", &"x".repeat(65), "a\u{0}"] {
            assert!(!is_record_id(bad), "{bad:?}");
        }
    }

    #[test]
    fn nesting_is_measured_outside_strings_only() {
        assert!(!nests_deeper_than(r#"{"a":[[1]]}"#, 3));
        assert!(nests_deeper_than(r#"{"a":[[[1]]]}"#, 3));
        assert!(!nests_deeper_than(r#"{"a":"[[[[[[\"[[[["}"#, 1));
        assert!(nests_deeper_than(&"[".repeat(100_000), 32));
    }

    #[test]
    fn only_paths_next_to_the_pack_are_accepted() {
        for good in ["sociale-kaart.json", "data/diensten.csv", "v2/kaart_2026.json"] {
            assert!(is_relative_path(good), "{good}");
        }
        for bad in [
            "https://elders.nl/kaart.json",
            "//elders.nl/kaart.json",
            "/kaart.json",
            "../geheim.json",
            "data/../../x.json",
            "javascript:alert(1)",
            "kaart.json?x=1",
            "",
            "a b.json",
        ] {
            assert!(!is_relative_path(bad), "{bad}");
        }
    }
}
