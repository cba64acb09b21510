//! `cmac.CMAC`, and the mapping from a Python block-cipher object to the CMAC OpenSSL
//! computes (also used by `KBKDFCMAC`).

use std::ffi::CStr;

use oxicrypt_openssl::constant_time::bytes_eq;
use oxicrypt_openssl::mac::Mac;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyType};

use crate::buf::{Buffer, DETACH_THRESHOLD};
use crate::error::{CryptoError, CryptoResult, Reason};

const FINALIZED: &str = "Context was already finalized.";

pub fn block_cipher_abc(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static CELL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    CELL.import(
        py,
        "oxicrypt.hazmat.primitives.ciphers",
        "BlockCipherAlgorithm",
    )
}

/// The CBC cipher OpenSSL runs CMAC over for an algorithm `name` and key, and the key to
/// give it (two-key and one-key Triple DES are expanded to three keys).
fn cbc_cipher(name: &str, key: &[u8]) -> Option<(&'static CStr, Vec<u8>)> {
    let cipher: &'static CStr = match (name, key.len()) {
        ("AES", 16) => c"AES-128-CBC",
        ("AES", 24) => c"AES-192-CBC",
        ("AES", 32) => c"AES-256-CBC",
        ("camellia", 16) => c"CAMELLIA-128-CBC",
        ("camellia", 24) => c"CAMELLIA-192-CBC",
        ("camellia", 32) => c"CAMELLIA-256-CBC",
        ("SM4", 16) => c"SM4-CBC",
        ("3DES", 8) => return Some((c"DES-EDE3-CBC", key.repeat(3))),
        ("3DES", 16) => {
            let mut k = key.to_vec();
            k.extend_from_slice(key.get(..8)?);
            return Some((c"DES-EDE3-CBC", k));
        }
        ("3DES", 24) => c"DES-EDE3-CBC",
        // Blowfish, CAST5, IDEA, SEED and RC2 are in OpenSSL's legacy provider.
        ("Blowfish", _) => c"BF-CBC",
        ("CAST5", _) => c"CAST5-CBC",
        ("IDEA", _) => c"IDEA-CBC",
        ("SEED", _) => c"SEED-CBC",
        _ => return None,
    };
    Some((cipher, key.to_vec()))
}

/// A CMAC keyed from a block-cipher algorithm object (`algorithms.AES(key)`, ...).
/// `for_kbkdf` selects the errors `KBKDFCMAC` gives instead of `CMAC`'s.
pub fn keyed_cmac(algorithm: &Bound<'_, PyAny>, for_kbkdf: bool) -> CryptoResult<Mac> {
    let py = algorithm.py();
    if !algorithm.is_instance(block_cipher_abc(py)?)? {
        return Err(if for_kbkdf {
            CryptoError::Unsupported("Algorithm must be a block cipher.".into(), Reason::Cipher)
        } else {
            PyTypeError::new_err("Expected instance of BlockCipherAlgorithm.").into()
        });
    }
    let name: String = algorithm.getattr(pyo3::intern!(py, "name"))?.extract()?;
    let key_obj = algorithm.getattr(pyo3::intern!(py, "key"))?;
    let key: Buffer<'_> = key_obj.extract()?;
    let unsupported = || {
        CryptoError::Unsupported(
            "CMAC is not supported with this algorithm".into(),
            Reason::Cipher,
        )
    };
    let (cipher, key) = cbc_cipher(&name, key.as_bytes()).ok_or_else(unsupported)?;
    let mac = Mac::cmac(cipher, &key).map_err(|_| unsupported());
    let mut key = key;
    key.fill(0);
    mac
}

#[pyclass(module = "oxicrypt.hazmat.primitives.cmac", name = "CMAC")]
pub struct Cmac {
    /// `None` once finalized.
    ctx: Option<Mac>,
}

impl Cmac {
    fn finish(&mut self) -> CryptoResult<Vec<u8>> {
        let mut ctx = self
            .ctx
            .take()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))?;
        Ok(ctx.finish()?)
    }
}

#[pymethods]
impl Cmac {
    #[new]
    #[pyo3(signature = (algorithm, backend=None))]
    fn new(algorithm: &Bound<'_, PyAny>, backend: Option<&Bound<'_, PyAny>>) -> CryptoResult<Self> {
        let _ = backend;
        Ok(Cmac {
            ctx: Some(keyed_cmac(algorithm, false)?),
        })
    }

    fn update(&mut self, py: Python<'_>, data: Buffer<'_>) -> CryptoResult<()> {
        let ctx = self
            .ctx
            .as_mut()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))?;
        let data = data.as_bytes();
        if data.len() >= DETACH_THRESHOLD {
            py.detach(|| ctx.update(data))?;
        } else {
            ctx.update(data)?;
        }
        Ok(())
    }

    fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
        Ok(PyBytes::new(py, &self.finish()?))
    }

    fn verify(&mut self, signature: &Bound<'_, PyAny>) -> CryptoResult<()> {
        let signature = crate::kdf::bytes_arg(signature)?;
        let mac = self.finish()?;
        if bytes_eq(&mac, &signature) {
            Ok(())
        } else {
            Err(CryptoError::InvalidSignature(
                "Signature did not match digest.",
            ))
        }
    }

    fn copy(&self) -> CryptoResult<Cmac> {
        let ctx = self
            .ctx
            .as_ref()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))?;
        Ok(Cmac {
            ctx: Some(ctx.try_clone()?),
        })
    }
}
