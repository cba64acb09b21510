//! The contexts `Cipher.encryptor()` and `Cipher.decryptor()` return: `CipherContext`,
//! and for GCM `AEADEncryptionContext` / `AEADDecryptionContext`. All three share
//! [`Core`], which holds the OpenSSL stream and the reference's usage rules (limits,
//! finalization, tags).

use std::mem::MaybeUninit;

use oxicrypt_openssl::cipher::{fetch, CipherStream, StreamError};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::registry::{self, Algorithm, Mode};
use crate::buf::{new_bytes_uninit, overlaps, Buffer, BufferMut, DETACH_THRESHOLD};
use crate::error::{CryptoError, CryptoResult, Reason};

const FINALIZED: &str = "Context was already finalized.";
/// `GCM._MAX_ENCRYPTED_BYTES`: NIST SP 800-38D's limit of 2**39 - 256 bits of plaintext.
const GCM_MAX_DATA_BYTES: u64 = ((1 << 39) - 256) / 8;
/// `GCM._MAX_AAD_BYTES`: 2**64 - 1 bits of associated data.
const GCM_MAX_AAD_BYTES: u64 = u64::MAX / 8;
/// ChaCha20 makes 64 bytes of keystream per value of its 32-bit block counter.
const CHACHA20_BLOCK_LEN: u64 = 64;
const GCM_TAG_LEN: usize = 16;
const XTS_MIN_LEN: usize = 16;

pub struct Core {
    /// `None` once finalized.
    stream: Option<CipherStream>,
    algorithm: Algorithm,
    mode: Mode,
    iv_len: usize,
    data_bytes: u64,
    aad_bytes: u64,
    updated: bool,
    /// ChaCha20: how many more bytes the current nonce's counter allows.
    chacha_budget: u64,
    /// GCM decryption: the tag given to the mode, and the shortest tag accepted later.
    mode_tag: Option<Vec<u8>>,
    min_tag_len: usize,
    /// GCM encryption: the tag, once finalized.
    tag: Option<Py<PyBytes>>,
}

fn unsupported(algorithm: &Bound<'_, PyAny>, mode: &Bound<'_, PyAny>) -> CryptoResult<CryptoError> {
    let mode_name = if mode.is_none() {
        "None".to_owned()
    } else {
        mode.getattr(pyo3::intern!(mode.py(), "name"))?
            .str()?
            .to_string()
    };
    let algorithm_name = algorithm
        .getattr(pyo3::intern!(algorithm.py(), "name"))?
        .str()?
        .to_string();
    Ok(CryptoError::Unsupported(
        format!("cipher {algorithm_name} in {mode_name} mode is not supported "),
        Reason::Cipher,
    ))
}

/// The OpenSSL cipher name for a Python (algorithm, mode) pair, if oxicrypt offers it.
fn resolve(
    algorithm: &Bound<'_, PyAny>,
    mode: &Bound<'_, PyAny>,
    key_len: usize,
) -> PyResult<Option<(Algorithm, Mode, &'static str)>> {
    let (Some(alg), Some(m)) = (registry::algorithm(algorithm)?, registry::mode(mode)?) else {
        return Ok(None);
    };
    Ok(key_len
        .checked_mul(8)
        .and_then(|bits| registry::openssl_name(alg, m, bits))
        .map(|name| (alg, m, name)))
}

/// `cipher_supported(algorithm, mode)`: whether the pair can make a context.
#[pyfunction]
pub fn cipher_supported(algorithm: &Bound<'_, PyAny>, mode: &Bound<'_, PyAny>) -> PyResult<bool> {
    let key: Buffer<'_> = algorithm
        .getattr(pyo3::intern!(algorithm.py(), "key"))?
        .extract()?;
    Ok(resolve(algorithm, mode, key.as_bytes().len())?
        .and_then(|(_, _, name)| fetch(name))
        .is_some())
}

impl Core {
    fn new(
        algorithm: &Bound<'_, PyAny>,
        mode: &Bound<'_, PyAny>,
        encrypt: bool,
    ) -> CryptoResult<Core> {
        let py = algorithm.py();
        let key: Buffer<'_> = algorithm.getattr(pyo3::intern!(py, "key"))?.extract()?;
        let key = key.as_bytes();
        let Some((alg, m, cipher)) = resolve(algorithm, mode, key.len())?
            .and_then(|(alg, m, name)| fetch(name).map(|c| (alg, m, c)))
        else {
            return Err(unsupported(algorithm, mode)?);
        };
        let iv_attr = match m {
            Mode::Cbc | Mode::Ofb | Mode::Cfb | Mode::Cfb8 | Mode::Gcm => {
                Some((mode, pyo3::intern!(py, "initialization_vector")))
            }
            Mode::Ctr => Some((mode, pyo3::intern!(py, "nonce"))),
            Mode::Xts => Some((mode, pyo3::intern!(py, "tweak"))),
            Mode::None if alg == Algorithm::ChaCha20 => {
                Some((algorithm, pyo3::intern!(py, "nonce")))
            }
            Mode::None | Mode::Ecb => None,
        };
        let iv_obj = iv_attr.map(|(obj, attr)| obj.getattr(attr)).transpose()?;
        let iv: Option<Buffer<'_>> = iv_obj.as_ref().map(|o| o.extract()).transpose()?;
        let iv = iv.as_ref().map(Buffer::as_bytes);
        if m == Mode::Xts {
            let (a, b) = key.split_at(key.len() / 2);
            if a == b {
                return Err(CryptoError::value(
                    "In XTS mode duplicated keys are not allowed",
                ));
            }
        }
        let (mode_tag, min_tag_len) = if m == Mode::Gcm {
            let tag: Option<Vec<u8>> = mode.getattr(pyo3::intern!(py, "tag"))?.extract()?;
            let min: usize = mode
                .getattr(pyo3::intern!(py, "_min_tag_length"))?
                .extract()?;
            (tag, min)
        } else {
            (None, 0)
        };
        let stream = CipherStream::new(cipher, encrypt, key, iv)?;
        Ok(Core {
            stream: Some(stream),
            algorithm: alg,
            mode: m,
            iv_len: iv.map_or(0, <[u8]>::len),
            data_bytes: 0,
            aad_bytes: 0,
            updated: false,
            chacha_budget: chacha_budget(alg, iv),
            mode_tag,
            min_tag_len,
            tag: None,
        })
    }

    fn stream(&mut self) -> CryptoResult<&mut CipherStream> {
        self.stream
            .as_mut()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))
    }

    /// The reference's checks on `len` more bytes of data, then counts them.
    fn admit(&mut self, len: usize) -> CryptoResult<()> {
        let len64 = u64::try_from(len).unwrap_or(u64::MAX);
        if self.mode == Mode::Xts && len < XTS_MIN_LEN {
            return Err(CryptoError::value(
                "In XTS mode you must supply at least a full block in the first update call. \
                 For AES this is 16 bytes.",
            ));
        }
        if self.mode == Mode::Gcm && self.data_bytes.saturating_add(len64) > GCM_MAX_DATA_BYTES {
            return Err(CryptoError::value("Exceeded maximum encrypted byte limit"));
        }
        if self.algorithm == Algorithm::ChaCha20 {
            if len64 > self.chacha_budget {
                return Err(CryptoError::value(
                    "Exceeded the maximum number of bytes that can be encrypted with ChaCha20 \
                     for this nonce. The 32-bit counter portion of the nonce would overflow.",
                ));
            }
            self.chacha_budget -= len64;
        }
        self.data_bytes = self.data_bytes.saturating_add(len64);
        self.updated = true;
        Ok(())
    }

    fn update(&mut self, py: Python<'_>, data: &[u8]) -> CryptoResult<Py<PyBytes>> {
        self.stream()?;
        self.admit(data.len())?;
        let stream = self.stream()?;
        let out_len = stream.output_len(data.len());
        let bytes = new_bytes_uninit(py, out_len, |out| {
            run(py, stream, data, out).map_err(PyErr::from)
        })?;
        Ok(bytes.unbind())
    }

    fn update_into(
        &mut self,
        py: Python<'_>,
        data: &Buffer<'_>,
        buf: &mut BufferMut<'_>,
    ) -> CryptoResult<usize> {
        let block_len = self.stream()?.block_len();
        let needed = data.as_bytes().len().saturating_add(block_len - 1);
        if buf.len() < needed {
            return Err(CryptoError::value(&format!(
                "buffer must be at least {needed} bytes for this payload"
            )));
        }
        self.admit(data.as_bytes().len())?;
        let stream = self.stream()?;
        let input = data.as_bytes();
        let input_addr = input.as_ptr() as usize..(input.as_ptr() as usize + input.len());
        // Encrypting a buffer into itself: OpenSSL may not read memory it has already
        // overwritten, and Rust may not hold a shared and a mutable view of it at once.
        let copy;
        let input = if overlaps(input_addr, buf.addr_range()) {
            copy = input.to_vec();
            copy.as_slice()
        } else {
            input
        };
        let out = buf.as_mut_bytes();
        run_into(py, stream, input, out)
    }

    fn finalize(
        &mut self,
        py: Python<'_>,
        decrypt_tag: Option<&[u8]>,
    ) -> CryptoResult<Py<PyBytes>> {
        let mode = self.mode;
        let stream = self.stream()?;
        let aead_decrypt = mode == Mode::Gcm && decrypt_tag.is_some();
        if let Some(tag) = decrypt_tag {
            stream.set_tag(tag)?;
        }
        match stream.finalize() {
            Ok(()) => {}
            Err(StreamError::PartialBlock) => {
                return Err(CryptoError::value(
                    "The length of the provided data is not a multiple of the block length.",
                ))
            }
            Err(StreamError::OpenSsl(_)) if aead_decrypt => {
                // Drop what OpenSSL queued for the failed check.
                let _ = openssl::error::ErrorStack::get();
                return Err(CryptoError::InvalidTag);
            }
            Err(StreamError::OpenSsl(e)) => return Err(e.into()),
            Err(StreamError::OutputTooSmall) => {
                return Err(CryptoError::OpenSsl(openssl::error::ErrorStack::get()))
            }
        }
        if mode == Mode::Gcm && decrypt_tag.is_none() {
            let mut tag = [0u8; GCM_TAG_LEN];
            stream.tag(&mut tag)?;
            self.tag = Some(PyBytes::new(py, &tag).unbind());
        }
        self.stream = None;
        Ok(PyBytes::new(py, b"").unbind())
    }

    fn reset_nonce(&mut self, nonce: &[u8]) -> CryptoResult<()> {
        self.stream()?;
        if self.mode != Mode::Ctr && self.algorithm != Algorithm::ChaCha20 {
            return Err(CryptoError::Unsupported(
                "This algorithm or mode does not support resetting the nonce.".to_owned(),
                Reason::Cipher,
            ));
        }
        if nonce.len() != self.iv_len {
            return Err(CryptoError::value(&format!(
                "Nonce must be {} bytes long",
                self.iv_len
            )));
        }
        self.stream()?.reset_iv(nonce)?;
        self.chacha_budget = chacha_budget(self.algorithm, Some(nonce));
        self.data_bytes = 0;
        Ok(())
    }

    fn authenticate_additional_data(&mut self, data: &[u8]) -> CryptoResult<()> {
        self.stream()?;
        if self.updated {
            return Err(CryptoError::AlreadyUpdated(
                "Update has been called on this context.",
            ));
        }
        let len = u64::try_from(data.len()).unwrap_or(u64::MAX);
        if self.aad_bytes.saturating_add(len) > GCM_MAX_AAD_BYTES {
            return Err(CryptoError::value("Exceeded maximum AAD byte limit"));
        }
        self.aad_bytes += len;
        let stream = self.stream()?;
        stream.update_aad(data)?;
        Ok(())
    }
}

/// How many bytes ChaCha20 may produce from `nonce`, whose first four bytes are the
/// little-endian block counter: the reference refuses to let the counter wrap.
fn chacha_budget(algorithm: Algorithm, nonce: Option<&[u8]>) -> u64 {
    if algorithm != Algorithm::ChaCha20 {
        return u64::MAX;
    }
    let counter = nonce
        .and_then(|n| n.first_chunk::<4>())
        .map_or(0, |c| u64::from(u32::from_le_bytes(*c)));
    ((1u64 << 32) - counter) * CHACHA20_BLOCK_LEN
}

/// Runs `data` through `stream` into fresh memory, without the GIL for large inputs.
fn run(
    py: Python<'_>,
    stream: &mut CipherStream,
    data: &[u8],
    out: &mut [MaybeUninit<u8>],
) -> CryptoResult<usize> {
    stream_result(if data.len() >= DETACH_THRESHOLD {
        py.detach(|| stream.update_uninit(data, out))
    } else {
        stream.update_uninit(data, out)
    })
}

/// Runs `data` through `stream` into the caller's buffer, without the GIL for large
/// inputs.
fn run_into(
    py: Python<'_>,
    stream: &mut CipherStream,
    data: &[u8],
    out: &mut [u8],
) -> CryptoResult<usize> {
    stream_result(if data.len() >= DETACH_THRESHOLD {
        py.detach(|| stream.update(data, out))
    } else {
        stream.update(data, out)
    })
}

fn stream_result(result: Result<usize, StreamError>) -> CryptoResult<usize> {
    match result {
        Ok(n) => Ok(n),
        Err(StreamError::OpenSsl(e)) => Err(e.into()),
        Err(_) => Err(CryptoError::OpenSsl(openssl::error::ErrorStack::get())),
    }
}

/// A context class: the methods all three share, around class-specific `extra` ones.
macro_rules! context_class {
    ($rust:ident, $python:literal, { $($extra:tt)* }) => {
        #[pyclass(module = "oxicrypt._rust.ciphers", name = $python)]
        pub struct $rust {
            core: Core,
        }

        #[pymethods]
        impl $rust {
            $($extra)*

            fn update(&mut self, py: Python<'_>, data: Buffer<'_>) -> CryptoResult<Py<PyBytes>> {
                self.core.update(py, data.as_bytes())
            }

            fn update_into(
                &mut self,
                py: Python<'_>,
                data: Buffer<'_>,
                mut buf: BufferMut<'_>,
            ) -> CryptoResult<usize> {
                self.core.update_into(py, &data, &mut buf)
            }

            fn reset_nonce(&mut self, nonce: Buffer<'_>) -> CryptoResult<()> {
                self.core.reset_nonce(nonce.as_bytes())
            }
        }
    };
}

context_class!(CipherContext, "CipherContext", {
    fn finalize(&mut self, py: Python<'_>) -> CryptoResult<Py<PyBytes>> {
        self.core.finalize(py, None)
    }
});

context_class!(AeadEncryptionContext, "AEADEncryptionContext", {
    fn finalize(&mut self, py: Python<'_>) -> CryptoResult<Py<PyBytes>> {
        self.core.finalize(py, None)
    }

    fn authenticate_additional_data(&mut self, data: Buffer<'_>) -> CryptoResult<()> {
        self.core.authenticate_additional_data(data.as_bytes())
    }

    #[getter]
    fn tag(&self, py: Python<'_>) -> CryptoResult<Py<PyBytes>> {
        self.core
            .tag
            .as_ref()
            .map(|t| t.clone_ref(py))
            .ok_or(CryptoError::NotYetFinalized(
                "You must finalize encryption before getting the tag.",
            ))
    }
});

context_class!(AeadDecryptionContext, "AEADDecryptionContext", {
    fn finalize(&mut self, py: Python<'_>) -> CryptoResult<Py<PyBytes>> {
        self.core.stream()?;
        let Some(tag) = self.core.mode_tag.clone() else {
            return Err(CryptoError::value(
                "Authentication tag must be provided when decrypting.",
            ));
        };
        self.core.finalize(py, Some(&tag))
    }

    fn finalize_with_tag(
        &mut self,
        py: Python<'_>,
        tag: &Bound<'_, PyBytes>,
    ) -> CryptoResult<Py<PyBytes>> {
        self.core.stream()?;
        if self.core.mode_tag.is_some() {
            return Err(CryptoError::value(
                "Authentication tag must be provided only once.",
            ));
        }
        let tag = tag.as_bytes();
        if tag.len() < self.core.min_tag_len {
            return Err(CryptoError::value(&format!(
                "Authentication tag must be {} bytes or longer.",
                self.core.min_tag_len
            )));
        }
        if tag.len() > GCM_TAG_LEN {
            return Err(CryptoError::value(&format!(
                "Authentication tag cannot be more than {GCM_TAG_LEN} bytes."
            )));
        }
        self.core.finalize(py, Some(tag))
    }

    fn authenticate_additional_data(&mut self, data: Buffer<'_>) -> CryptoResult<()> {
        self.core.authenticate_additional_data(data.as_bytes())
    }
});

fn create(
    py: Python<'_>,
    algorithm: &Bound<'_, PyAny>,
    mode: &Bound<'_, PyAny>,
    encrypt: bool,
) -> CryptoResult<Py<PyAny>> {
    let core = Core::new(algorithm, mode, encrypt)?;
    Ok(match (core.mode, encrypt) {
        (Mode::Gcm, true) => Py::new(py, AeadEncryptionContext { core })?.into_any(),
        (Mode::Gcm, false) => Py::new(py, AeadDecryptionContext { core })?.into_any(),
        _ => Py::new(py, CipherContext { core })?.into_any(),
    })
}

#[pyfunction]
pub fn create_encryption_ctx(
    py: Python<'_>,
    algorithm: &Bound<'_, PyAny>,
    mode: &Bound<'_, PyAny>,
) -> CryptoResult<Py<PyAny>> {
    create(py, algorithm, mode, true)
}

#[pyfunction]
pub fn create_decryption_ctx(
    py: Python<'_>,
    algorithm: &Bound<'_, PyAny>,
    mode: &Bound<'_, PyAny>,
) -> CryptoResult<Py<PyAny>> {
    create(py, algorithm, mode, false)
}

/// Applies `f` to the core of an AEAD context (for the limit tests).
fn with_aead_core(ctx: &Bound<'_, PyAny>, f: impl FnOnce(&mut Core)) -> PyResult<()> {
    if let Ok(ctx) = ctx.cast::<AeadEncryptionContext>() {
        f(&mut ctx.borrow_mut().core);
    } else if let Ok(ctx) = ctx.cast::<AeadDecryptionContext>() {
        f(&mut ctx.borrow_mut().core);
    } else {
        return Err(PyTypeError::new_err("expected an AEAD cipher context"));
    }
    Ok(())
}

/// Test hook: counts `n` bytes of data as already processed, to reach GCM's limits.
#[pyfunction]
pub fn _advance(ctx: &Bound<'_, PyAny>, n: u64) -> PyResult<()> {
    with_aead_core(ctx, |core| {
        core.data_bytes = core.data_bytes.saturating_add(n)
    })
}

/// Test hook: counts `n` bytes of associated data as already processed.
#[pyfunction]
pub fn _advance_aad(ctx: &Bound<'_, PyAny>, n: u64) -> PyResult<()> {
    with_aead_core(ctx, |core| {
        core.aad_bytes = core.aad_bytes.saturating_add(n)
    })
}
