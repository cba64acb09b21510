//! PEM blocks (RFC 7468) of certificates, requests and CRLs, found and decoded quickly.
//!
//! Certificate bundles are large (the Mozilla bundle holds 150 certificates) and loading
//! one is dominated by PEM decoding, so the common shape (no headers, standard base64
//! with line breaks) is decoded here directly. Anything unusual falls back to the `pem`
//! crate, so the fast path never accepts what the general parser would refuse.

use base64::Engine;

/// (label, contents) of every PEM block in `data`, in order.
pub fn blocks(data: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    match fast_blocks(data) {
        Some(blocks) => Ok(blocks),
        None => pem::parse_many(data)
            .map(|blocks| {
                blocks
                    .into_iter()
                    .map(|b| (b.tag().to_owned(), b.into_contents()))
                    .collect()
            })
            .map_err(|e| e.to_string()),
    }
}

const BEGIN: &[u8] = b"-----BEGIN ";
const END: &[u8] = b"-----END ";
const DASHES: &[u8] = b"-----";

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    // Jump between occurrences of the needle's first byte (the '-' of a marker) rather
    // than comparing a window at every offset: the base64 body never contains it.
    let first = *needle.first()?;
    let mut at = from;
    loop {
        let rest = haystack.get(at..)?;
        let offset = rest.iter().position(|b| *b == first)?;
        if rest.get(offset..)?.starts_with(needle) {
            return Some(at + offset);
        }
        at += offset + 1;
    }
}

/// `None` whenever the input is not plainly well-formed: markers at the start of their
/// lines, each followed by a line break (or the end of the data, for the last one).
fn fast_blocks(data: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    let mut position = 0;
    while let Some(begin) = find(data, BEGIN, position) {
        if !at_line_start(data, begin) {
            return None;
        }
        let label_start = begin + BEGIN.len();
        let label_end = find(data, DASHES, label_start)?;
        let label = data.get(label_start..label_end)?;
        if label.is_empty()
            || label
                .iter()
                .any(|b| !(b.is_ascii_uppercase() || *b == b' ' || b.is_ascii_digit()))
        {
            return None;
        }
        let body_start = line_break_after(data, label_end + DASHES.len())?;
        let mut end_marker = END.to_vec();
        end_marker.extend_from_slice(label);
        end_marker.extend_from_slice(DASHES);
        let body_end = find(data, &end_marker, body_start)?;
        if !at_line_start(data, body_end) {
            return None;
        }
        let body = data.get(body_start..body_end)?;
        if !plain_lines(body) {
            return None; // headers, blank lines, stray characters: leave it to the pem crate
        }
        let compact: Vec<u8> = body
            .iter()
            .copied()
            .filter(|b| !matches!(b, b'\n' | b'\r'))
            .collect();
        let contents = base64::engine::general_purpose::STANDARD
            .decode(&compact)
            .ok()?;
        out.push((String::from_utf8(label.to_vec()).ok()?, contents));
        let after = body_end + end_marker.len();
        position = if after == data.len() {
            after
        } else {
            line_break_after(data, after)?
        };
    }
    Some(out)
}

/// Non-empty lines, each ending in "\n" or "\r\n". (The base64 decoder then refuses
/// anything but the standard alphabet, so headers and stray characters fall back too.)
fn plain_lines(body: &[u8]) -> bool {
    if !body.ends_with(b"\n") || matches!(body.first(), Some(b'\n' | b'\r')) {
        return false;
    }
    let mut rest = body;
    while let Some(at) = rest.iter().position(|b| *b == b'\n') {
        rest = rest.get(at + 1..).unwrap_or_default();
        if matches!(rest.first(), Some(b'\n' | b'\r')) {
            return false;
        }
    }
    true
}

fn at_line_start(data: &[u8], at: usize) -> bool {
    at == 0 || data.get(at - 1) == Some(&b'\n')
}

/// The offset after the line break at `at` ("\n" or "\r\n"), if there is one.
fn line_break_after(data: &[u8], at: usize) -> Option<usize> {
    match (data.get(at), data.get(at + 1)) {
        (Some(b'\n'), _) => Some(at + 1),
        (Some(b'\r'), Some(b'\n')) => Some(at + 2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_and_general_paths_agree() {
        let text = b"junk\n-----BEGIN CERTIFICATE-----\nAAEC\nAw==\n-----END CERTIFICATE-----\n\
                     -----BEGIN X509 CRL-----\nBAU=\n-----END X509 CRL-----\n";
        let fast = fast_blocks(text);
        assert_eq!(
            fast,
            Some(vec![
                ("CERTIFICATE".to_owned(), vec![0, 1, 2, 3]),
                ("X509 CRL".to_owned(), vec![4, 5]),
            ])
        );
        assert_eq!(blocks(text).ok(), fast);
    }

    #[test]
    fn unusual_input_falls_back() {
        assert_eq!(
            fast_blocks(b"-----BEGIN CERTIFICATE-----\nA!==\n-----END CERTIFICATE-----\n"),
            None
        );
        assert!(blocks(b"-----BEGIN CERTIFICATE-----\nA!==\n-----END CERTIFICATE-----\n").is_err());
        assert_eq!(fast_blocks(b"-----BEGIN CERTIFICATE-----\nAAEC\n"), None);
        // Found by the x509_pem fuzz target: a marker that does not start its line.
        assert_eq!(
            fast_blocks(b"------BEGIN CERTIFICATE-----\nAAEC\n-----END CERTIFICATE-----\n"),
            None
        );
        // Also found by fuzzing: blank lines inside the body.
        assert_eq!(
            fast_blocks(b"-----BEGIN CERTIFICATE-----\nAAEC\n\nAw==\n-----END CERTIFICATE-----\n"),
            None
        );
    }
}
