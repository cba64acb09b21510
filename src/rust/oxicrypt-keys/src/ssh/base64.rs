//! Base64 (RFC 4648, section 4) for the body of OpenSSH public key lines.
//!
//! Decoding is strict: the standard alphabet only, no whitespace, `=` padding to a multiple
//! of four characters, and zero bits in the unused part of the last character, so that
//! every accepted body re-encodes to itself.

use crate::error::KeyError;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn value(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

fn symbol(sextet: u32) -> char {
    // `sextet & 63` is always a valid index into the 64-symbol alphabet.
    char::from(
        ALPHABET
            .get((sextet & 63) as usize)
            .copied()
            .unwrap_or(b'A'),
    )
}

pub fn encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b0 = u32::from(chunk.first().copied().unwrap_or(0));
        let b1 = u32::from(chunk.get(1).copied().unwrap_or(0));
        let b2 = u32::from(chunk.get(2).copied().unwrap_or(0));
        let n = (b0 << 16) | (b1 << 8) | b2;
        out.push(symbol(n >> 18));
        out.push(symbol(n >> 12));
        out.push(if chunk.len() > 1 { symbol(n >> 6) } else { '=' });
        out.push(if chunk.len() > 2 { symbol(n) } else { '=' });
    }
    out
}

pub fn decode(text: &[u8], what: &str) -> Result<Vec<u8>, KeyError> {
    if text.len() % 4 != 0 {
        return Err(KeyError::malformed(format!(
            "{what}: base64 length {} is not a multiple of 4",
            text.len()
        )));
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let quads = text.len() / 4;
    for (i, quad) in text.chunks(4).enumerate() {
        let last = i + 1 == quads;
        let pad = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return Err(KeyError::malformed(format!(
                "{what}: misplaced base64 padding"
            )));
        }
        let mut n: u32 = 0;
        for &c in quad.iter().take(4 - pad) {
            let v = value(c).ok_or_else(|| {
                KeyError::malformed(format!(
                    "{what}: invalid base64 character {:?}",
                    char::from(c)
                ))
            })?;
            n = (n << 6) | v;
        }
        n <<= 6 * pad as u32;
        let bytes = n.to_be_bytes();
        let [_, b0, b1, b2] = bytes;
        match pad {
            0 => out.extend_from_slice(&[b0, b1, b2]),
            1 if b2 == 0 => out.extend_from_slice(&[b0, b1]),
            2 if b1 == 0 && b2 == 0 => out.push(b0),
            _ => {
                return Err(KeyError::malformed(format!(
                    "{what}: non-canonical base64 (unused bits are not zero)"
                )))
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors() {
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), enc);
            assert_eq!(decode(enc.as_bytes(), "t").unwrap(), plain.as_bytes());
        }
        assert_eq!(encode(&[0xfb, 0xff]), "+/8=");
        assert_eq!(decode(b"+/8=", "t").unwrap(), [0xfb, 0xff]);
    }

    #[test]
    fn strictness() {
        for bad in [
            &b"Zg="[..],
            b"Zg=a",
            b"Z===",
            b"Zg==Zg==",
            b"Zh==",
            b"Zm9=",
            b"Zm 9v",
            b"Zm9v\n",
            b"Zm-v",
        ] {
            assert!(decode(bad, "t").is_err(), "{:?}", bad);
        }
    }
}
