//! Symmetric ciphers: algorithms fetched by name once per process (loading OpenSSL's
//! legacy provider for the ones that live there), and [`CipherStream`], a running
//! encryption or decryption that writes each update into a buffer the caller sized
//! exactly, so that the bindings can write straight into a Python `bytes` or into the
//! caller's own buffer.

use std::mem::{self, MaybeUninit};
use std::sync::{Mutex, OnceLock, PoisonError};

use openssl::cipher::{Cipher, CipherRef};
use openssl::cipher_ctx::{CipherCtx, CipherCtxRef};
use openssl::error::ErrorStack;
use openssl::lib_ctx::{LibCtx, LibCtxRef};
use openssl::provider::Provider;

use crate::out::{self, as_uninit, MAX_CHUNK};

/// The largest block of any cipher oxicrypt offers (AES, Camellia, SEED, SM4).
pub const MAX_BLOCK_LEN: usize = 16;

/// Prefixes of the names of the ciphers that OpenSSL 3 keeps in its legacy provider.
const LEGACY_PREFIXES: &[&str] = &["BF-", "CAST5-", "IDEA-", "SEED-", "RC2-", "RC4"];

/// A library context of its own with OpenSSL's legacy provider loaded (next to the
/// default one), created the first time a legacy cipher is asked for; `None` when the
/// linked OpenSSL has no legacy provider.
///
/// The decrepit ciphers are fetched from here rather than from the default context, so
/// that nothing else changes behaviour once one of them has been used: key loading, for
/// one, keeps refusing RC2 and single-DES encrypted keys whatever ran before.
pub(crate) fn legacy_lib_ctx() -> Option<&'static LibCtxRef> {
    static CTX: OnceLock<Option<LibCtx>> = OnceLock::new();
    CTX.get_or_init(|| {
        let ctx = LibCtx::new().ok()?;
        let provider = Provider::try_load(Some(&ctx), "legacy", true).ok()?;
        // Dropping the handle would unload the provider; the context lives for the
        // process, and so must the provider.
        mem::forget(provider);
        Some(ctx)
    })
    .as_deref()
}

/// Whether `name` (an OpenSSL cipher name, any case) is one of the legacy provider's.
pub(crate) fn is_legacy_name(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    LEGACY_PREFIXES.iter().any(|p| upper.starts_with(p))
}

/// Whether OpenSSL's legacy provider is available for the decrepit ciphers (loading it
/// into oxicrypt's own library context if that has not happened yet).
pub fn legacy_provider_loaded() -> bool {
    legacy_lib_ctx().is_some()
}

/// The cipher OpenSSL knows as `name` (e.g. `"AES-128-CBC"`), fetched the first time it is
/// asked for and kept for the life of the process: an explicit fetch saves the provider
/// lookup that every context initialisation would otherwise repeat. `None` when the linked
/// OpenSSL does not have it.
pub fn fetch(name: &'static str) -> Option<&'static CipherRef> {
    // A handful of names, looked up linearly: cheaper than hashing at this size.
    static CACHE: Mutex<Vec<(&'static str, Option<&'static CipherRef>)>> = Mutex::new(Vec::new());
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, cipher)) = cache.iter().find(|(n, _)| *n == name) {
        return *cipher;
    }
    let fetched = if is_legacy_name(name) {
        legacy_lib_ctx().and_then(|ctx| Cipher::fetch(Some(ctx), name, None).ok())
    } else {
        Cipher::fetch(None, name, None).ok()
    };
    // A failed fetch returns its error stack, which drains OpenSSL's error queue.
    let cipher = fetched.map(|c| {
        let leaked: &'static Cipher = Box::leak(Box::new(c));
        &**leaked
    });
    cache.push((name, cipher));
    cipher
}

/// Why a [`CipherStream`] operation did not happen.
#[derive(Debug)]
pub enum StreamError {
    /// The output buffer is shorter than [`CipherStream::output_len`] says it must be.
    OutputTooSmall,
    /// Finalizing a block mode with a partial block left over.
    PartialBlock,
    /// OpenSSL refused, e.g. a key or IV length the cipher does not take, or (when
    /// finalizing a decryption with a tag) an authentication failure.
    OpenSsl(ErrorStack),
}

impl From<ErrorStack> for StreamError {
    fn from(e: ErrorStack) -> StreamError {
        StreamError::OpenSsl(e)
    }
}

/// One encryption or decryption with padding disabled.
///
/// Block modes (ECB, CBC) keep an incomplete trailing block here rather than inside
/// OpenSSL, so that OpenSSL only ever sees whole blocks and writes exactly as many bytes
/// as it is given: the output length of every update is known in advance
/// ([`CipherStream::output_len`]), and the bindings allocate it exactly once.
pub struct CipherStream {
    ctx: CipherCtx,
    encrypt: bool,
    /// The block size for block modes, 1 for stream-like modes (CTR, OFB, CFB, GCM, XTS,
    /// ChaCha20, RC4), which OpenSSL reports with block size 1.
    block_len: usize,
    pending: [u8; MAX_BLOCK_LEN],
    pending_len: usize,
}

impl CipherStream {
    /// Starts encrypting (`encrypt`) or decrypting with `cipher`, `key` and `iv` (the IV,
    /// nonce or tweak; `None` for ECB). A key or IV length other than the cipher's
    /// default is set first, for the ciphers that take variable lengths (Blowfish, CAST5,
    /// RC4 keys; GCM IVs); OpenSSL refuses it for the others.
    pub fn new(
        cipher: &CipherRef,
        encrypt: bool,
        key: &[u8],
        iv: Option<&[u8]>,
    ) -> Result<CipherStream, ErrorStack> {
        let mut ctx = CipherCtx::new()?;
        init(&mut ctx, encrypt, Some(cipher), None, None)?;
        if key.len() != ctx.key_length() {
            ctx.set_key_length(key.len())?;
        }
        if let Some(iv) = iv {
            if iv.len() != ctx.iv_length() {
                ctx.set_iv_length(iv.len())?;
            }
        }
        // Checked here because the openssl crate panics on a short key or IV.
        if key.len() < ctx.key_length() || iv.map_or(0, <[u8]>::len) < ctx.iv_length() {
            return Err(ErrorStack::get());
        }
        init(&mut ctx, encrypt, None, Some(key), iv)?;
        ctx.set_padding(false);
        let block_len = ctx.block_size().clamp(1, MAX_BLOCK_LEN);
        Ok(CipherStream {
            ctx,
            encrypt,
            block_len,
            pending: [0; MAX_BLOCK_LEN],
            pending_len: 0,
        })
    }

    /// The cipher's block size in bytes; 1 for modes that process any number of bytes.
    pub fn block_len(&self) -> usize {
        self.block_len
    }

    /// How many bytes the next [`update`](Self::update) with `input_len` bytes writes.
    pub fn output_len(&self, input_len: usize) -> usize {
        if self.block_len == 1 {
            input_len
        } else {
            let total = self.pending_len.saturating_add(input_len);
            total - total % self.block_len
        }
    }

    /// Encrypts or decrypts `input` into the start of `output`, which must hold at least
    /// [`output_len`](Self::output_len) bytes; returns how many were written.
    pub fn update(&mut self, input: &[u8], output: &mut [u8]) -> Result<usize, StreamError> {
        self.update_uninit(input, as_uninit(output))
    }

    /// [`update`](Self::update) into memory that need not be initialized: exactly the
    /// first [`output_len`](Self::output_len) bytes are initialized on success.
    pub fn update_uninit(
        &mut self,
        input: &[u8],
        output: &mut [MaybeUninit<u8>],
    ) -> Result<usize, StreamError> {
        let expected = self.output_len(input.len());
        let output = output
            .get_mut(..expected)
            .ok_or(StreamError::OutputTooSmall)?;
        if self.block_len == 1 {
            feed(&mut self.ctx, input, output)?;
            return Ok(expected);
        }
        let bs = self.block_len;
        let mut input = input;
        let mut output = output;
        if self.pending_len > 0 {
            let take = (bs - self.pending_len).min(input.len());
            let (head, rest) = input
                .split_at_checked(take)
                .ok_or(StreamError::OutputTooSmall)?;
            if let Some(slot) = self
                .pending
                .get_mut(self.pending_len..self.pending_len + take)
            {
                slot.copy_from_slice(head);
            }
            self.pending_len += take;
            input = rest;
            if self.pending_len < bs {
                return Ok(0);
            }
            let block = self.pending;
            let (out_block, out_rest) = output
                .split_at_mut_checked(bs)
                .ok_or(StreamError::OutputTooSmall)?;
            feed(&mut self.ctx, block.get(..bs).unwrap_or(&[]), out_block)?;
            self.pending_len = 0;
            output = out_rest;
        }
        let (whole, tail) = input
            .split_at_checked(input.len() - input.len() % bs)
            .ok_or(StreamError::OutputTooSmall)?;
        feed(&mut self.ctx, whole, output)?;
        if let Some(slot) = self.pending.get_mut(..tail.len()) {
            slot.copy_from_slice(tail);
            self.pending_len = tail.len();
        }
        Ok(expected)
    }

    /// Authenticates `aad` (AEAD modes only; before any data).
    pub fn update_aad(&mut self, aad: &[u8]) -> Result<(), ErrorStack> {
        for chunk in aad.chunks(MAX_CHUNK) {
            self.ctx.cipher_update(chunk, None)?;
        }
        Ok(())
    }

    /// Finishes the operation. Block modes fail with [`StreamError::PartialBlock`] if the
    /// data was not a whole number of blocks; a decryption with a wrong tag fails with
    /// OpenSSL's error. Nothing is left to output, since updates only give OpenSSL whole
    /// blocks.
    pub fn finalize(&mut self) -> Result<(), StreamError> {
        if self.pending_len != 0 {
            return Err(StreamError::PartialBlock);
        }
        let mut scratch = [0u8; 2 * MAX_BLOCK_LEN];
        self.ctx.cipher_final(&mut scratch)?;
        Ok(())
    }

    /// Copies the authentication tag of a finished AEAD encryption into `tag`.
    pub fn tag(&self, tag: &mut [u8]) -> Result<(), ErrorStack> {
        self.ctx.tag(tag)
    }

    /// Sets the expected tag of an AEAD decryption (before [`finalize`](Self::finalize)).
    pub fn set_tag(&mut self, tag: &[u8]) -> Result<(), ErrorStack> {
        self.ctx.set_tag(tag)
    }

    /// Restarts with a new IV or nonce of the current length, keeping the key.
    pub fn reset_iv(&mut self, iv: &[u8]) -> Result<(), ErrorStack> {
        if iv.len() < self.ctx.iv_length() {
            return Err(ErrorStack::get());
        }
        init(&mut self.ctx, self.encrypt, None, None, Some(iv))?;
        self.pending_len = 0;
        Ok(())
    }
}

fn init(
    ctx: &mut CipherCtxRef,
    encrypt: bool,
    cipher: Option<&CipherRef>,
    key: Option<&[u8]>,
    iv: Option<&[u8]>,
) -> Result<(), ErrorStack> {
    if encrypt {
        ctx.encrypt_init(cipher, key, iv)
    } else {
        ctx.decrypt_init(cipher, key, iv)
    }
}

/// Runs `input` through the cipher into `output`, which has room for `input.len()` bytes
/// and is then initialized. Callers give block modes only whole blocks.
fn feed(
    ctx: &mut CipherCtxRef,
    input: &[u8],
    output: &mut [MaybeUninit<u8>],
) -> Result<(), ErrorStack> {
    if output.len() < input.len() {
        return Err(ErrorStack::get());
    }
    for (chunk, dst) in input.chunks(MAX_CHUNK).zip(output.chunks_mut(MAX_CHUNK)) {
        // What OpenSSL may write: at most inl + block_size - 1 bytes, and for a block
        // cipher a multiple of the block size. Here either the mode is stream-like (block
        // size 1: at most inl bytes), or padding is disabled, OpenSSL holds no partial
        // block (CipherStream keeps those) and `chunk` is whole blocks, so the output is a
        // block multiple below inl + block_size: at most inl bytes, which `out` holds.
        let written = out::cipher_update(ctx, chunk, dst)?;
        // Stream modes and whole blocks give exactly as much as they take.
        if written != chunk.len() {
            return Err(ErrorStack::get());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{fetch, CipherStream, StreamError};

    fn run(name: &'static str, key: &[u8], iv: Option<&[u8]>, pieces: &[&[u8]]) -> Vec<u8> {
        let cipher = fetch(name).expect("cipher available");
        let mut s = CipherStream::new(cipher, true, key, iv).expect("init");
        let mut out = Vec::new();
        for piece in pieces {
            let mut buf = vec![0u8; s.output_len(piece.len())];
            let n = s.update(piece, &mut buf).expect("update");
            out.extend_from_slice(&buf[..n]);
        }
        s.finalize().expect("finalize");
        out
    }

    #[test]
    fn cbc_in_odd_pieces_equals_one_piece() {
        let key = [7u8; 16];
        let iv = [9u8; 16];
        let data: Vec<u8> = (0..96u8).collect();
        let whole = run("AES-128-CBC", &key, Some(&iv), &[&data]);
        let parts = run(
            "AES-128-CBC",
            &key,
            Some(&iv),
            &[
                &data[..1],
                &data[1..17],
                &data[17..18],
                &data[18..95],
                &data[95..],
            ],
        );
        assert_eq!(whole, parts);
        assert_eq!(whole.len(), 96);
    }

    #[test]
    fn fips197_aes128_ecb() {
        let key = hex::decode("000102030405060708090a0b0c0d0e0f").expect("hex");
        let pt = hex::decode("00112233445566778899aabbccddeeff").expect("hex");
        let ct = run("AES-128-ECB", &key, None, &[&pt]);
        assert_eq!(hex::encode(ct), "69c4e0d86a7b0430d8cdb78070b4c55a");
    }

    #[test]
    fn partial_block_fails_to_finalize() {
        let cipher = fetch("AES-128-CBC").expect("cipher");
        let mut s = CipherStream::new(cipher, true, &[0; 16], Some(&[0; 16])).expect("init");
        let mut out = [0u8; 0];
        assert_eq!(s.update(&[1, 2, 3], &mut out).expect("update"), 0);
        assert!(matches!(s.finalize(), Err(StreamError::PartialBlock)));
    }

    #[test]
    fn short_output_is_refused() {
        let cipher = fetch("AES-128-CTR").expect("cipher");
        let mut s = CipherStream::new(cipher, true, &[0; 16], Some(&[0; 16])).expect("init");
        let mut out = [0u8; 4];
        assert!(matches!(
            s.update(&[0; 5], &mut out),
            Err(StreamError::OutputTooSmall)
        ));
    }

    #[test]
    fn legacy_ciphers_leave_the_default_context_alone() {
        assert!(fetch("RC2-CBC").is_some());
        // Only oxicrypt's own context has the legacy provider.
        assert!(openssl::cipher::Cipher::fetch(None, "RC2-CBC", None).is_err());
    }

    #[test]
    fn unknown_and_legacy_names() {
        assert!(fetch("NO-SUCH-CIPHER").is_none());
        // Present when the vendored OpenSSL was built with the legacy provider.
        assert!(fetch("BF-CBC").is_some());
        assert!(fetch("SEED-CBC").is_some());
        assert!(fetch("CAMELLIA-128-CBC").is_some());
    }
}
