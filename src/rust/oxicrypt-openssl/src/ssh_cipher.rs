//! The ciphers that protect OpenSSH private keys (the `ciphername` of `openssh-key-v1`,
//! OpenSSH's PROTOCOL.key): AES in CTR, CBC and GCM modes, and OpenSSH's
//! `chacha20-poly1305@openssh.com`.
//!
//! The key and IV come from one run of bcrypt_pbkdf: `key || iv`, `key_len + iv_len`
//! bytes of [`SshCipher`]. The private section is a whole number of blocks, so the block
//! modes run without padding. For the AEAD ciphers the tag follows the section in the
//! file; a wrong tag is [`SshCipherError::InvalidTag`].
//!
//! `chacha20-poly1305@openssh.com` is OpenSSH's transport construction with sequence
//! number 0 and no length field: of the 64 key bytes, the first 32 key ChaCha20 (the last
//! 32, the length cipher of the transport, are unused); block 0 of the keystream gives
//! the Poly1305 key, the data is encrypted from block 1 on, and the tag is Poly1305 over
//! the ciphertext. ChaCha20 here is the original variant (64-bit nonce, 64-bit counter);
//! OpenSSL's 16-byte ChaCha20 IV (32-bit counter, 96-bit nonce) lays out the same state
//! words, so `counter || nonce` as 8 + 8 little-endian bytes is that IV.

use std::fmt;

use openssl::cipher::{Cipher, CipherRef};
use openssl::cipher_ctx::CipherCtx;
use openssl::error::ErrorStack;
use openssl::pkey::{Id, PKey};
use openssl::sign::Signer;
use oxicrypt_keys::ssh::SshCipher;

use crate::constant_time::bytes_eq;

/// Why a private section could not be encrypted or decrypted.
#[derive(Debug)]
pub enum SshCipherError {
    /// The AEAD tag does not match: wrong password, or damaged data.
    InvalidTag,
    /// The key material, IV, data or tag has the wrong length for the cipher.
    Length(String),
    /// OpenSSL failed where it should not have.
    OpenSsl(ErrorStack),
}

impl fmt::Display for SshCipherError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SshCipherError::InvalidTag => write!(f, "the authentication tag does not match"),
            SshCipherError::Length(what) => write!(f, "{what}"),
            SshCipherError::OpenSsl(e) => write!(f, "OpenSSL error: {e}"),
        }
    }
}

impl std::error::Error for SshCipherError {}

impl From<ErrorStack> for SshCipherError {
    fn from(e: ErrorStack) -> SshCipherError {
        SshCipherError::OpenSsl(e)
    }
}

const POLY1305_KEY_LEN: usize = 32;
const CHACHA20_KEY_LEN: usize = 32;
/// Counter 0, nonce (sequence number) 0: the block whose keystream keys Poly1305.
const CHACHA20_IV_POLY_KEY: [u8; 16] = [0; 16];
/// Counter 1, nonce 0: where the data starts.
const CHACHA20_IV_DATA: [u8; 16] = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/// How many bytes of key material `cipher` takes: key, then IV.
pub fn derived_len(cipher: SshCipher) -> usize {
    cipher.key_len() + cipher.iv_len()
}

fn openssl_cipher(cipher: SshCipher) -> &'static CipherRef {
    match cipher {
        SshCipher::Aes128Ctr => Cipher::aes_128_ctr(),
        SshCipher::Aes192Ctr => Cipher::aes_192_ctr(),
        SshCipher::Aes256Ctr => Cipher::aes_256_ctr(),
        SshCipher::Aes128Cbc => Cipher::aes_128_cbc(),
        SshCipher::Aes192Cbc => Cipher::aes_192_cbc(),
        SshCipher::Aes256Cbc => Cipher::aes_256_cbc(),
        SshCipher::Aes128Gcm => Cipher::aes_128_gcm(),
        SshCipher::Aes256Gcm => Cipher::aes_256_gcm(),
        SshCipher::ChaCha20Poly1305 => Cipher::chacha20(),
    }
}

/// Splits KDF output into key and IV, checking its length.
fn split_derived(cipher: SshCipher, derived: &[u8]) -> Result<(&[u8], &[u8]), SshCipherError> {
    if derived.len() != derived_len(cipher) {
        return Err(SshCipherError::Length(format!(
            "{} needs {} bytes of key material, not {}",
            cipher.name(),
            derived_len(cipher),
            derived.len()
        )));
    }
    derived
        .split_at_checked(cipher.key_len())
        .ok_or_else(|| SshCipherError::Length("key material too short".to_owned()))
}

fn check_blocks(cipher: SshCipher, data: &[u8]) -> Result<(), SshCipherError> {
    if data.len() % cipher.block_len() != 0 {
        return Err(SshCipherError::Length(format!(
            "{} data must be a whole number of {}-byte blocks, not {} bytes",
            cipher.name(),
            cipher.block_len(),
            data.len()
        )));
    }
    Ok(())
}

/// Runs a cipher without padding over `data`.
fn run(
    cipher: &CipherRef,
    key: &[u8],
    iv: &[u8],
    data: &[u8],
    encrypt: bool,
) -> Result<Vec<u8>, ErrorStack> {
    let mut ctx = CipherCtx::new()?;
    if encrypt {
        ctx.encrypt_init(Some(cipher), Some(key), Some(iv))?;
    } else {
        ctx.decrypt_init(Some(cipher), Some(key), Some(iv))?;
    }
    ctx.set_padding(false);
    let mut out = Vec::with_capacity(data.len() + cipher.block_size());
    ctx.cipher_update_vec(data, &mut out)?;
    ctx.cipher_final_vec(&mut out)?;
    Ok(out)
}

/// The Poly1305 key and the data key of `chacha20-poly1305@openssh.com`.
fn chacha_poly_key(key: &[u8]) -> Result<(Vec<u8>, &[u8]), SshCipherError> {
    let data_key = key
        .get(..CHACHA20_KEY_LEN)
        .ok_or_else(|| SshCipherError::Length("ChaCha20 key too short".to_owned()))?;
    let poly_key = run(
        Cipher::chacha20(),
        data_key,
        &CHACHA20_IV_POLY_KEY,
        &[0; POLY1305_KEY_LEN],
        true,
    )?;
    Ok((poly_key, data_key))
}

fn poly1305(key: &[u8], data: &[u8]) -> Result<Vec<u8>, ErrorStack> {
    let pkey = PKey::private_key_from_raw_bytes(key, Id::POLY1305)?;
    let mut signer = Signer::new_without_digest(&pkey)?;
    signer.sign_oneshot_to_vec(data)
}

/// Encrypts a private section (a whole number of blocks) with key material `derived`;
/// returns the ciphertext and the tag (empty for the unauthenticated modes).
pub fn encrypt(
    cipher: SshCipher,
    derived: &[u8],
    plaintext: &[u8],
) -> Result<(Vec<u8>, Vec<u8>), SshCipherError> {
    let (key, iv) = split_derived(cipher, derived)?;
    check_blocks(cipher, plaintext)?;
    match cipher {
        SshCipher::ChaCha20Poly1305 => {
            let (poly_key, data_key) = chacha_poly_key(key)?;
            let ciphertext = run(
                Cipher::chacha20(),
                data_key,
                &CHACHA20_IV_DATA,
                plaintext,
                true,
            )?;
            let tag = poly1305(&poly_key, &ciphertext)?;
            Ok((ciphertext, tag))
        }
        SshCipher::Aes128Gcm | SshCipher::Aes256Gcm => {
            let mut ctx = CipherCtx::new()?;
            ctx.encrypt_init(Some(openssl_cipher(cipher)), Some(key), Some(iv))?;
            let mut out = Vec::with_capacity(plaintext.len());
            ctx.cipher_update_vec(plaintext, &mut out)?;
            ctx.cipher_final_vec(&mut out)?;
            let mut tag = vec![0; cipher.tag_len()];
            ctx.tag(&mut tag)?;
            Ok((out, tag))
        }
        _ => Ok((
            run(openssl_cipher(cipher), key, iv, plaintext, true)?,
            Vec::new(),
        )),
    }
}

/// Decrypts a private section with key material `derived`, checking `tag` first for the
/// AEAD ciphers (it must be empty for the others).
pub fn decrypt(
    cipher: SshCipher,
    derived: &[u8],
    ciphertext: &[u8],
    tag: &[u8],
) -> Result<Vec<u8>, SshCipherError> {
    let (key, iv) = split_derived(cipher, derived)?;
    check_blocks(cipher, ciphertext)?;
    if tag.len() != cipher.tag_len() {
        return Err(SshCipherError::Length(format!(
            "{} needs a {}-byte tag, not {} bytes",
            cipher.name(),
            cipher.tag_len(),
            tag.len()
        )));
    }
    match cipher {
        SshCipher::ChaCha20Poly1305 => {
            let (poly_key, data_key) = chacha_poly_key(key)?;
            let expected = poly1305(&poly_key, ciphertext)?;
            if !bytes_eq(&expected, tag) {
                return Err(SshCipherError::InvalidTag);
            }
            Ok(run(
                Cipher::chacha20(),
                data_key,
                &CHACHA20_IV_DATA,
                ciphertext,
                false,
            )?)
        }
        SshCipher::Aes128Gcm | SshCipher::Aes256Gcm => {
            let mut ctx = CipherCtx::new()?;
            ctx.decrypt_init(Some(openssl_cipher(cipher)), Some(key), Some(iv))?;
            let mut out = Vec::with_capacity(ciphertext.len());
            ctx.cipher_update_vec(ciphertext, &mut out)?;
            ctx.set_tag(tag)?;
            if ctx.cipher_final_vec(&mut out).is_err() {
                // Drop what OpenSSL queued for the failed check.
                let _ = ErrorStack::get();
                return Err(SshCipherError::InvalidTag);
            }
            Ok(out)
        }
        _ => Ok(run(openssl_cipher(cipher), key, iv, ciphertext, false)?),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    fn material(cipher: SshCipher) -> Vec<u8> {
        (0..derived_len(cipher)).map(|i| i as u8).collect()
    }

    #[test]
    fn round_trips_and_tags() {
        let plain: Vec<u8> = (0..96u8).collect();
        for cipher in SshCipher::ALL {
            let derived = material(cipher);
            let (ct, tag) = encrypt(cipher, &derived, &plain).unwrap();
            assert_eq!(ct.len(), plain.len(), "{}", cipher.name());
            assert_ne!(ct, plain);
            assert_eq!(tag.len(), cipher.tag_len());
            assert_eq!(decrypt(cipher, &derived, &ct, &tag).unwrap(), plain);
            if cipher.tag_len() > 0 {
                let mut bad = tag.clone();
                bad[0] ^= 1;
                assert!(matches!(
                    decrypt(cipher, &derived, &ct, &bad),
                    Err(SshCipherError::InvalidTag)
                ));
                let mut bad_ct = ct.clone();
                bad_ct[5] ^= 1;
                assert!(matches!(
                    decrypt(cipher, &derived, &bad_ct, &tag),
                    Err(SshCipherError::InvalidTag)
                ));
            }
        }
    }

    #[test]
    fn lengths_are_checked() {
        for cipher in SshCipher::ALL {
            let derived = material(cipher);
            let block = vec![0; cipher.block_len()];
            let tag = vec![0; cipher.tag_len()];
            assert!(matches!(
                decrypt(cipher, &derived[1..], &block, &tag),
                Err(SshCipherError::Length(_))
            ));
            assert!(matches!(
                decrypt(cipher, &derived, &block[1..], &tag),
                Err(SshCipherError::Length(_))
            ));
            assert!(matches!(
                decrypt(cipher, &derived, &block, &[0; 3]),
                Err(SshCipherError::Length(_))
            ));
            assert!(matches!(
                encrypt(cipher, &derived, &block[1..]),
                Err(SshCipherError::Length(_))
            ));
        }
    }

    // AES-128-CTR, NIST SP 800-38A F.5.1 (first block).
    #[test]
    fn aes_ctr_known_answer() {
        let key = hex::decode("2b7e151628aed2a6abf7158809cf4f3c").unwrap();
        let iv = hex::decode("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff").unwrap();
        let derived = [key, iv].concat();
        let plain = hex::decode("6bc1bee22e409f96e93d7e117393172a").unwrap();
        let (ct, _) = encrypt(SshCipher::Aes128Ctr, &derived, &plain).unwrap();
        assert_eq!(hex::encode(ct), "874d6191b620e3261bef6864990db6ce");
    }
}
