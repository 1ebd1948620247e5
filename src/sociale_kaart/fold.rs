//! How the sociale kaart compares text: lower case, accents stripped, punctuation a space. The
//! search index folds every text it holds; the records (a wijk's name, a team's name) and the
//! importers compare names the same way.

use unicode_normalization::char::decompose_canonical;

/// Lower case, accents stripped, punctuation a space. Letters of other scripts stay.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

/// [`fold`] into a buffer the caller reuses: the index folds every text of every record.
pub(super) fn fold_into(out: &mut String, text: &str) {
    out.clear();
    if text.is_ascii() {
        let mut bytes = std::mem::take(out).into_bytes();
        let folded = text.bytes().map(|b| if b.is_ascii_alphanumeric() { b.to_ascii_lowercase() } else { b' ' });
        bytes.extend(folded);
        *out = String::from_utf8(bytes).unwrap_or_default();
        return;
    }
    for c in text.chars() {
        if c.is_ascii() {
            out.push(if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { ' ' });
        } else {
            decompose_canonical(c, |part| {
                if part.is_alphanumeric() {
                    out.extend(part.to_lowercase().filter(|l| l.is_alphanumeric()));
                } else if splits_words(part) {
                    out.push(' ');
                }
                // Anything else is an accent (a combining mark after decomposition) or a
                // symbol: dropped without splitting the word.
            });
        }
    }
}

fn splits_words(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{00A0}'..='\u{00BF}' | '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}')
}
