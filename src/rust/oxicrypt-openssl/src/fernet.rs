//! Fernet tokens (https://github.com/fernet/spec): AES-128-CBC with PKCS#7 padding, then
//! HMAC-SHA256 over version || timestamp || IV || ciphertext, all in urlsafe base64.
//!
//! Everything from the decoded token to the plaintext happens here in one call, so that a
//! Python `Fernet.encrypt`/`decrypt` costs one crossing into Rust.

use std::sync::OnceLock;

use base64::engine::general_purpose::URL_SAFE;
use base64::Engine;
use openssl::cipher::Cipher;
use openssl::cipher_ctx::CipherCtx;
use openssl::error::ErrorStack;

use crate::constant_time::bytes_eq;
use crate::digest::HashKind;
use crate::hmac::{Hmac, MAX_MD_SIZE};

/// The version byte of every token.
pub const VERSION: u8 = 0x80;
const HEADER_LEN: usize = 1 + 8 + 16;
const MAC_LEN: usize = 32;

/// The two halves of a Fernet key.
pub struct Keys {
    pub signing: [u8; 16],
    pub encryption: [u8; 16],
}

impl Keys {
    /// Splits 32 raw key bytes; `None` for any other length.
    pub fn from_raw(raw: &[u8]) -> Option<Keys> {
        let (s, e) = raw.split_at_checked(16)?;
        Some(Keys {
            signing: s.try_into().ok()?,
            encryption: e.try_into().ok()?,
        })
    }
}

impl Drop for Keys {
    fn drop(&mut self) {
        self.signing.fill(0);
        self.encryption.fill(0);
        std::hint::black_box(&mut self.signing);
        std::hint::black_box(&mut self.encryption);
    }
}

fn aes_128_cbc() -> Result<&'static Cipher, ErrorStack> {
    static CIPHER: OnceLock<Option<Cipher>> = OnceLock::new();
    match CIPHER.get_or_init(|| Cipher::fetch(None, "AES-128-CBC", None).ok()) {
        Some(c) => Ok(c),
        None => Err(Cipher::fetch(None, "AES-128-CBC", None)
            .err()
            .unwrap_or_else(ErrorStack::get)),
    }
}

fn mac(keys: &Keys, data: &[u8]) -> Result<([u8; MAX_MD_SIZE], usize), ErrorStack> {
    let md = HashKind::Sha256.md().ok_or_else(ErrorStack::get)?;
    let mut h = Hmac::new(&keys.signing, md)?;
    h.update(data)?;
    let mut out = [0u8; MAX_MD_SIZE];
    let n = h.finish(&mut out)?;
    Ok((out, n))
}

/// The token for `data`, encrypted at `timestamp` with `iv`, in urlsafe base64.
pub fn encrypt(
    keys: &Keys,
    data: &[u8],
    timestamp: u64,
    iv: &[u8; 16],
) -> Result<String, ErrorStack> {
    let mut token = Vec::with_capacity(HEADER_LEN + data.len() + 16 + MAC_LEN);
    token.push(VERSION);
    token.extend_from_slice(&timestamp.to_be_bytes());
    token.extend_from_slice(iv);
    let mut ctx = CipherCtx::new()?;
    ctx.encrypt_init(Some(aes_128_cbc()?), Some(&keys.encryption), Some(iv))?;
    ctx.cipher_update_vec(data, &mut token)?;
    ctx.cipher_final_vec(&mut token)?;
    let (tag, n) = mac(keys, &token)?;
    token.extend_from_slice(tag.get(..n).unwrap_or(&tag));
    Ok(URL_SAFE.encode(&token))
}

/// Decodes a token written in canonical urlsafe base64 (padded, no other characters);
/// `None` for anything else, which callers may hand to a more lenient decoder.
pub fn decode_strict(token: &[u8]) -> Option<Vec<u8>> {
    URL_SAFE.decode(token).ok()
}

/// The timestamp of a decoded token, if it has the right version byte and is long enough
/// to hold one. Says nothing about its authenticity.
pub fn unverified_timestamp(raw: &[u8]) -> Option<u64> {
    match raw {
        [VERSION, ts @ ..] => Some(u64::from_be_bytes(ts.get(..8)?.try_into().ok()?)),
        _ => None,
    }
}

/// Why a token was refused.
#[derive(Debug)]
pub enum TokenError {
    /// Tampered with, truncated, or made with another key.
    Invalid,
    OpenSsl(ErrorStack),
}

impl From<ErrorStack> for TokenError {
    fn from(e: ErrorStack) -> TokenError {
        TokenError::OpenSsl(e)
    }
}

/// Checks the HMAC of a decoded token in constant time.
pub fn verify(keys: &Keys, raw: &[u8]) -> Result<(), TokenError> {
    let Some(split) = raw.len().checked_sub(MAC_LEN) else {
        return Err(TokenError::Invalid);
    };
    let (signed, tag) = raw.split_at(split);
    let (expected, n) = mac(keys, signed)?;
    if bytes_eq(expected.get(..n).unwrap_or(&expected), tag) {
        Ok(())
    } else {
        Err(TokenError::Invalid)
    }
}

/// Verifies and decrypts a decoded token whose version byte and timestamp the caller has
/// already checked.
pub fn decrypt(keys: &Keys, raw: &[u8]) -> Result<Vec<u8>, TokenError> {
    verify(keys, raw)?;
    let body = raw
        .get(HEADER_LEN..raw.len().saturating_sub(MAC_LEN))
        .ok_or(TokenError::Invalid)?;
    let iv = raw.get(9..HEADER_LEN).ok_or(TokenError::Invalid)?;
    if body.is_empty() || body.len() % 16 != 0 {
        return Err(TokenError::Invalid);
    }
    let mut ctx = CipherCtx::new()?;
    ctx.decrypt_init(Some(aes_128_cbc()?), Some(&keys.encryption), Some(iv))?;
    let mut out = Vec::with_capacity(body.len() + 16);
    ctx.cipher_update_vec(body, &mut out)?;
    // Bad padding, after a valid MAC, means a token made by a faulty implementation.
    ctx.cipher_final_vec(&mut out)
        .map_err(|_| TokenError::Invalid)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_generate_vector() {
        // fernet/spec generate.json
        let key = URL_SAFE
            .decode("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=")
            .unwrap();
        let keys = Keys::from_raw(&key).unwrap();
        let iv: [u8; 16] = (0..16).collect::<Vec<u8>>().try_into().unwrap();
        let token = encrypt(&keys, b"hello", 499162800, &iv).unwrap();
        assert_eq!(
            token,
            "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA=="
        );
        let raw = decode_strict(token.as_bytes()).unwrap();
        assert_eq!(unverified_timestamp(&raw), Some(499162800));
        assert_eq!(decrypt(&keys, &raw).unwrap(), b"hello");
        let mut bad = raw.clone();
        *bad.last_mut().unwrap() ^= 1;
        assert!(matches!(decrypt(&keys, &bad), Err(TokenError::Invalid)));
        assert!(matches!(
            decrypt(&keys, &raw[..40]),
            Err(TokenError::Invalid)
        ));
    }
}
