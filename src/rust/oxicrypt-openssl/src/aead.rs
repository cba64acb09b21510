//! One-shot authenticated encryption (the `aead` module's classes): a key bound to an
//! algorithm, sealing and opening whole messages into caller-sized buffers.
//!
//! Each [`AeadKey`] keeps one context per direction with the cipher and key already set
//! up, so that an operation only loads the nonce: for short messages, setting up the key
//! (and on OpenSSL 3 fetching and allocating the provider context) would cost more than
//! the encryption. GCM and ChaCha20-Poly1305 reuse their cached contexts in place, and a
//! thread that finds the cache in use works on a copy. The other modes' provider contexts
//! refuse a second message under one set-up: they copy or set up again (see
//! `AeadKind::setup`).

use std::mem::MaybeUninit;
use std::sync::{Mutex, TryLockError};

use openssl::cipher::CipherRef;
use openssl::cipher_ctx::{CipherCtx, CipherCtxRef};
use openssl::error::ErrorStack;

use crate::cipher::fetch;
use crate::out::{self, as_uninit, MAX_CHUNK};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AeadKind {
    AesGcm,
    ChaCha20Poly1305,
    AesCcm,
    AesSiv,
    AesOcb3,
    AesGcmSiv,
}

impl AeadKind {
    /// The name OpenSSL gives the algorithm for a key of `key_len` bytes.
    fn openssl_name(self, key_len: usize) -> Option<&'static str> {
        Some(match (self, key_len) {
            (AeadKind::AesGcm, 16) => "AES-128-GCM",
            (AeadKind::AesGcm, 24) => "AES-192-GCM",
            (AeadKind::AesGcm, 32) => "AES-256-GCM",
            (AeadKind::ChaCha20Poly1305, 32) => "ChaCha20-Poly1305",
            (AeadKind::AesCcm, 16) => "AES-128-CCM",
            (AeadKind::AesCcm, 24) => "AES-192-CCM",
            (AeadKind::AesCcm, 32) => "AES-256-CCM",
            (AeadKind::AesSiv, 32) => "AES-128-SIV",
            (AeadKind::AesSiv, 48) => "AES-192-SIV",
            (AeadKind::AesSiv, 64) => "AES-256-SIV",
            (AeadKind::AesOcb3, 16) => "AES-128-OCB",
            (AeadKind::AesOcb3, 24) => "AES-192-OCB",
            (AeadKind::AesOcb3, 32) => "AES-256-OCB",
            (AeadKind::AesGcmSiv, 16) => "AES-128-GCM-SIV",
            (AeadKind::AesGcmSiv, 24) => "AES-192-GCM-SIV",
            (AeadKind::AesGcmSiv, 32) => "AES-256-GCM-SIV",
            _ => return None,
        })
    }

    /// How a message gets a context with the key loaded: GCM and ChaCha20-Poly1305
    /// contexts take a new nonce and run another message after finishing one. The SIV
    /// modes refuse a second message, and OCB keeps per-message state; copying a keyed
    /// context costs less than loading their keys again (measured: about 2.5x for
    /// AES-SIV, whose set-up computes a CMAC). CCM fixes its nonce and tag lengths when
    /// the key is loaded, so it has to load the key for each message.
    fn setup(self) -> Setup {
        match self {
            AeadKind::AesGcm | AeadKind::ChaCha20Poly1305 => Setup::Reuse,
            AeadKind::AesSiv | AeadKind::AesGcmSiv | AeadKind::AesOcb3 => Setup::Copy,
            AeadKind::AesCcm => Setup::Rekey,
        }
    }

    /// Whether the data must reach OpenSSL in a single update (everything but GCM and
    /// ChaCha20-Poly1305, which stream).
    fn single_update(self) -> bool {
        self.setup() != Setup::Reuse
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Setup {
    /// One cached context per direction, given a new nonce for each message.
    Reuse,
    /// A copy of a context that has the key loaded.
    Copy,
    /// A fresh context, loaded with the key for each message.
    Rekey,
}

#[derive(Debug)]
pub enum AeadError {
    /// The linked OpenSSL lacks the algorithm (or this key size of it).
    Unsupported,
    /// The tag did not match, or the ciphertext is too short to hold one.
    InvalidTag,
    /// The output buffer does not have the length the operation produces, or the data is
    /// too long for OpenSSL to take in one piece.
    Length,
    OpenSsl(ErrorStack),
}

impl From<ErrorStack> for AeadError {
    fn from(e: ErrorStack) -> AeadError {
        AeadError::OpenSsl(e)
    }
}

/// The longest tag of any mode here.
const MAX_TAG_LEN: usize = 16;

/// A key for one AEAD algorithm, with the contexts that carry its key schedule.
pub struct AeadKey {
    kind: AeadKind,
    tag_len: usize,
    cipher: &'static CipherRef,
    /// Kept for the modes that load it for each message ([`Setup::Rekey`]); empty
    /// otherwise.
    key: Vec<u8>,
    /// Set up with cipher and key, never run: the source of copies.
    base_enc: CipherCtx,
    base_dec: CipherCtx,
    /// Reused in place by the modes that allow it.
    cached_enc: Mutex<Option<CipherCtx>>,
    cached_dec: Mutex<Option<CipherCtx>>,
}

impl AeadKey {
    /// Sets up `key` for `kind` with tags of `tag_len` bytes (16 except for CCM).
    pub fn new(kind: AeadKind, key: &[u8], tag_len: usize) -> Result<AeadKey, AeadError> {
        let cipher = kind
            .openssl_name(key.len())
            .and_then(fetch)
            .ok_or(AeadError::Unsupported)?;
        Ok(AeadKey {
            kind,
            tag_len,
            cipher,
            key: if kind.setup() == Setup::Rekey {
                key.to_vec()
            } else {
                Vec::new()
            },
            base_enc: keyed(cipher, key, true)?,
            base_dec: keyed(cipher, key, false)?,
            cached_enc: Mutex::new(None),
            cached_dec: Mutex::new(None),
        })
    }

    pub fn tag_len(&self) -> usize {
        self.tag_len
    }

    /// Encrypts `data` with `nonce` (empty for AES-SIV) and the associated data `aad`
    /// (several pieces only for AES-SIV, where each is one component) into `out`, which
    /// must be exactly `data.len() + tag_len` bytes: ciphertext then tag, or for AES-SIV
    /// the tag (the synthetic IV) then ciphertext.
    pub fn seal(
        &self,
        nonce: &[u8],
        aad: &[&[u8]],
        data: &[u8],
        out: &mut [u8],
    ) -> Result<(), AeadError> {
        self.seal_uninit(nonce, aad, data, as_uninit(out))
    }

    /// [`seal`](Self::seal) into memory that need not be initialized; all of it is on
    /// success.
    pub fn seal_uninit(
        &self,
        nonce: &[u8],
        aad: &[&[u8]],
        data: &[u8],
        out: &mut [MaybeUninit<u8>],
    ) -> Result<(), AeadError> {
        if Some(out.len()) != data.len().checked_add(self.tag_len) {
            return Err(AeadError::Length);
        }
        let split = if self.kind == AeadKind::AesSiv {
            out.split_at_mut_checked(self.tag_len)
                .map(|(tag, body)| (body, tag))
        } else {
            out.split_at_mut_checked(data.len())
        };
        let (body, tag) = split.ok_or(AeadError::Length)?;
        self.with_context(true, |ctx| {
            self.start(ctx, true, nonce, aad, data.len(), None)?;
            self.run(ctx, data, body)?;
            let mut computed = [0u8; MAX_TAG_LEN];
            let computed = computed.get_mut(..tag.len()).ok_or(AeadError::Length)?;
            ctx.tag(computed)?;
            out::write(tag, computed);
            Ok(())
        })
    }

    /// Decrypts and verifies `data` (as [`seal`](Self::seal) laid it out) into `out`,
    /// which must be exactly `data.len() - tag_len` bytes. On failure `out` is zeroed,
    /// so that unauthenticated plaintext never reaches the caller.
    pub fn open(
        &self,
        nonce: &[u8],
        aad: &[&[u8]],
        data: &[u8],
        out: &mut [u8],
    ) -> Result<(), AeadError> {
        self.open_uninit(nonce, aad, data, as_uninit(out))
    }

    /// [`open`](Self::open) into memory that need not be initialized; all of it is
    /// afterwards, zeroes on failure.
    pub fn open_uninit(
        &self,
        nonce: &[u8],
        aad: &[&[u8]],
        data: &[u8],
        out: &mut [MaybeUninit<u8>],
    ) -> Result<(), AeadError> {
        let Some(body_len) = data.len().checked_sub(self.tag_len) else {
            return Err(AeadError::InvalidTag);
        };
        if out.len() != body_len {
            return Err(AeadError::Length);
        }
        let split = if self.kind == AeadKind::AesSiv {
            data.split_at_checked(self.tag_len)
                .map(|(tag, body)| (body, tag))
        } else {
            data.split_at_checked(body_len)
        };
        let (body, tag) = split.ok_or(AeadError::InvalidTag)?;
        let result = self.with_context(false, |ctx| {
            self.start(ctx, false, nonce, aad, body.len(), Some(tag))?;
            // OpenSSL reports a wrong tag from the update (CCM, SIV) or the final call.
            if self.run(ctx, body, out).is_err() {
                // Drop what OpenSSL queued for the failed check.
                let _ = ErrorStack::get();
                return Err(AeadError::InvalidTag);
            }
            Ok(())
        });
        if result.is_err() {
            out::zero(out);
        }
        result
    }

    /// Runs `op` on a context for the direction: the cached one when the mode allows
    /// reuse and no other thread holds it, otherwise a fresh copy of the base context.
    fn with_context<T>(
        &self,
        encrypt: bool,
        op: impl FnOnce(&mut CipherCtxRef) -> Result<T, AeadError>,
    ) -> Result<T, AeadError> {
        let (base, cache) = if encrypt {
            (&self.base_enc, &self.cached_enc)
        } else {
            (&self.base_dec, &self.cached_dec)
        };
        if self.kind.setup() == Setup::Reuse {
            match cache.try_lock() {
                Ok(mut slot) => {
                    if slot.is_none() {
                        *slot = Some(copy_of(base)?);
                    }
                    if let Some(ctx) = slot.as_mut() {
                        return op(ctx);
                    }
                }
                // A panic cannot happen while the lock is held (no code here panics),
                // but a poisoned cache is simply bypassed.
                Err(TryLockError::WouldBlock) | Err(TryLockError::Poisoned(_)) => {}
            }
        }
        let mut ctx = if self.kind.setup() == Setup::Rekey {
            let mut ctx = CipherCtx::new()?;
            if encrypt {
                ctx.encrypt_init(Some(self.cipher), None, None)?;
            } else {
                ctx.decrypt_init(Some(self.cipher), None, None)?;
            }
            ctx
        } else {
            copy_of(base)?
        };
        op(&mut ctx)
    }

    /// Loads the nonce, tag length, message length and associated data.
    fn start(
        &self,
        ctx: &mut CipherCtxRef,
        encrypt: bool,
        nonce: &[u8],
        aad: &[&[u8]],
        data_len: usize,
        tag: Option<&[u8]>,
    ) -> Result<(), AeadError> {
        let ccm = self.kind == AeadKind::AesCcm;
        let key = (self.kind.setup() == Setup::Rekey).then_some(self.key.as_slice());
        if key.is_some_and(|k| k.len() < ctx.key_length()) {
            return Err(AeadError::Length);
        }
        if self.kind != AeadKind::AesSiv && nonce.len() != ctx.iv_length() {
            ctx.set_iv_length(nonce.len())?;
        }
        // CCM needs the tag (or its length) before the nonce; the other modes take the
        // tag after it, since loading a nonce may reset what was set for the last message.
        match (ccm, tag) {
            (true, Some(tag)) => ctx.set_tag(tag)?,
            (true, None) => ctx.set_tag_length(self.tag_len)?,
            _ => {}
        }
        if self.kind != AeadKind::AesSiv {
            if nonce.len() < ctx.iv_length() {
                return Err(AeadError::Length);
            }
            if encrypt {
                ctx.encrypt_init(None, key, Some(nonce))?;
            } else {
                ctx.decrypt_init(None, key, Some(nonce))?;
            }
        } else if key.is_some() {
            if encrypt {
                ctx.encrypt_init(None, key, None)?;
            } else {
                ctx.decrypt_init(None, key, None)?;
            }
        }
        if let (false, Some(tag)) = (ccm, tag) {
            ctx.set_tag(tag)?;
        }
        if ccm {
            ctx.set_data_len(data_len)?;
        }
        for piece in aad {
            // Every piece is one component for SIV, even an empty one; elsewhere an
            // empty piece changes nothing and CCM takes only one AAD call.
            if self.kind != AeadKind::AesSiv && piece.is_empty() {
                continue;
            }
            if self.kind.single_update() && piece.len() > MAX_CHUNK {
                return Err(AeadError::Length);
            }
            if piece.is_empty() {
                // An empty SIV component still counts: `chunks` would skip it.
                ctx.cipher_update(piece, None)?;
            }
            for chunk in piece.chunks(MAX_CHUNK) {
                ctx.cipher_update(chunk, None)?;
            }
        }
        Ok(())
    }

    /// Encrypts or decrypts the message body into `out` (exactly as long as `input`) and
    /// finishes the message, which checks the tag of a decryption.
    fn run(
        &self,
        ctx: &mut CipherCtxRef,
        input: &[u8],
        out: &mut [MaybeUninit<u8>],
    ) -> Result<(), AeadError> {
        if out.len() != input.len() {
            return Err(AeadError::Length);
        }
        if self.kind.single_update() {
            if input.len() > MAX_CHUNK {
                return Err(AeadError::Length);
            }
            // Called even for an empty message: CCM and the SIV modes compute the tag
            // in this call.
            let written = update(ctx, input, out)?;
            // OCB holds back a partial block until the final call.
            if let Some(rest) = out.get_mut(written..) {
                let mut scratch = [0u8; 32];
                let n = ctx.cipher_final(&mut scratch)?;
                match (rest.len() == n, scratch.get(..n)) {
                    (true, Some(tail)) => out::write(rest, tail),
                    _ => return Err(AeadError::Length),
                }
            }
            return Ok(());
        }
        for (input, dst) in input.chunks(MAX_CHUNK).zip(out.chunks_mut(MAX_CHUNK)) {
            if update(ctx, input, dst)? != input.len() {
                return Err(AeadError::Length);
            }
        }
        let mut scratch = [0u8; 32];
        ctx.cipher_final(&mut scratch)?;
        Ok(())
    }
}

/// Runs `input` (at most [`MAX_CHUNK`] bytes) into `out` (as long as `input`), returning
/// how many bytes OpenSSL wrote.
fn update(
    ctx: &mut CipherCtxRef,
    input: &[u8],
    out: &mut [MaybeUninit<u8>],
) -> Result<usize, ErrorStack> {
    if out.len() < input.len() || input.len() > MAX_CHUNK {
        return Err(ErrorStack::get());
    }
    // What OpenSSL may write: every AEAD mode here is a stream mode as far as output
    // goes. The providers for GCM, ChaCha20-Poly1305, CCM, SIV and GCM-SIV write exactly
    // inl bytes, and OCB writes whole blocks of what it was given, at most inl bytes on a
    // context that holds no partial block (each message starts from a fresh nonce, and
    // the body goes in one call). `out` holds at least inl bytes.
    out::cipher_update(ctx, input, out)
}

fn keyed(cipher: &CipherRef, key: &[u8], encrypt: bool) -> Result<CipherCtx, AeadError> {
    let mut ctx = CipherCtx::new()?;
    if key.len() != cipher.key_length() {
        return Err(AeadError::Length);
    }
    if encrypt {
        ctx.encrypt_init(Some(cipher), Some(key), None)?;
    } else {
        ctx.decrypt_init(Some(cipher), Some(key), None)?;
    }
    Ok(ctx)
}

impl Drop for AeadKey {
    fn drop(&mut self) {
        // Best effort: the key schedules inside OpenSSL's contexts are cleansed by OpenSSL.
        self.key.fill(0);
    }
}

fn copy_of(base: &CipherCtxRef) -> Result<CipherCtx, ErrorStack> {
    let mut ctx = CipherCtx::new()?;
    ctx.copy(base)?;
    Ok(ctx)
}

#[cfg(test)]
mod tests {
    use super::{AeadError, AeadKey, AeadKind};

    fn seal(key: &AeadKey, nonce: &[u8], aad: &[&[u8]], data: &[u8]) -> Vec<u8> {
        let mut out = vec![0u8; data.len() + key.tag_len()];
        key.seal(nonce, aad, data, &mut out).expect("seal");
        out
    }

    #[test]
    fn gcm_test_case_2() {
        // McGrew & Viega, "The Galois/Counter Mode of Operation", test case 2.
        let key = AeadKey::new(AeadKind::AesGcm, &[0; 16], 16).expect("key");
        let out = seal(&key, &[0; 12], &[], &[0; 16]);
        assert_eq!(
            hex::encode(out),
            "0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf"
        );
    }

    #[test]
    fn reuse_after_failure_and_other_nonce_lengths() {
        let key = AeadKey::new(AeadKind::AesGcm, &[3; 32], 16).expect("key");
        let first = seal(&key, &[1; 12], &[b"ad"], b"hello");
        let mut out = [0u8; 5];
        let mut bad = first.clone();
        bad[0] ^= 1;
        assert!(matches!(
            key.open(&[1; 12], &[b"ad"], &bad, &mut out),
            Err(AeadError::InvalidTag)
        ));
        assert_eq!(out, [0; 5]);
        let other = seal(&key, &[1; 16], &[], b"hello");
        assert_ne!(other, first);
        assert_eq!(seal(&key, &[1; 12], &[b"ad"], b"hello"), first);
        key.open(&[1; 12], &[b"ad"], &first, &mut out)
            .expect("open");
        assert_eq!(&out, b"hello");
    }

    #[test]
    fn every_kind_round_trips_including_empty() {
        for (kind, key_len, nonce_len, tag_len) in [
            (AeadKind::AesGcm, 16, 12, 16),
            (AeadKind::ChaCha20Poly1305, 32, 12, 16),
            (AeadKind::AesCcm, 16, 13, 8),
            (AeadKind::AesSiv, 32, 0, 16),
            (AeadKind::AesOcb3, 16, 15, 16),
            (AeadKind::AesGcmSiv, 32, 12, 16),
        ] {
            let key = AeadKey::new(kind, &vec![5; key_len], tag_len).expect("key");
            let nonce = vec![7; nonce_len];
            for data in [&b""[..], b"x", &[9u8; 40]] {
                let mut sealed = vec![0u8; data.len() + tag_len];
                key.seal(&nonce, &[b"a", b""], data, &mut sealed)
                    .unwrap_or_else(|e| panic!("seal {kind:?} {}: {e:?}", data.len()));
                let mut out = vec![0u8; data.len()];
                key.open(&nonce, &[b"a", b""], &sealed, &mut out)
                    .unwrap_or_else(|e| panic!("{kind:?} {}: {e:?}", data.len()));
                assert_eq!(out, data);
            }
        }
    }
}
