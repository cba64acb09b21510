//! `hashes.Hash` and `hashes.XOFHash`.

use oxicrypt_openssl::digest::Digest;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::algorithms::{resolve, xof_abc, Resolved};
use crate::buf::{Buffer, DETACH_THRESHOLD};
use crate::error::{CryptoError, CryptoResult, Reason};

const FINALIZED: &str = "Context was already finalized.";

/// Absorbs `data`, without the GIL when the input is large enough for it to matter.
pub fn absorb(py: Python<'_>, digest: &mut Digest, data: &[u8]) -> CryptoResult<()> {
    if data.len() >= DETACH_THRESHOLD {
        py.detach(|| digest.update(data))?;
    } else {
        digest.update(data)?;
    }
    Ok(())
}

/// The digest of `data` as bytes, for signatures: extendable-output functions give their
/// algorithm's `digest_size` bytes.
pub fn digest_of(py: Python<'_>, resolved: &Resolved, data: &[u8]) -> CryptoResult<Vec<u8>> {
    let mut digest = Digest::new(resolved.md)?;
    absorb(py, &mut digest, data)?;
    if resolved.kind.is_xof() {
        let mut out = vec![0u8; resolved.digest_size];
        digest.finish_xof(&mut out)?;
        Ok(out)
    } else {
        Ok(digest.finish()?.to_vec())
    }
}

fn finish(py: Python<'_>, resolved: &Resolved, digest: &mut Digest) -> CryptoResult<Py<PyBytes>> {
    if resolved.kind.is_xof() {
        let bytes = PyBytes::new_with(py, resolved.digest_size, |out| {
            digest
                .finish_xof(out)
                .map_err(|e| CryptoError::from(e).into())
        })?;
        Ok(bytes.unbind())
    } else {
        let out = digest.finish()?;
        Ok(PyBytes::new(py, &out).unbind())
    }
}

#[pyclass(module = "oxicrypt._rust.hashes", name = "Hash")]
pub struct Hash {
    algorithm: Py<PyAny>,
    resolved: Resolved,
    /// `None` once finalized.
    digest: Option<Digest>,
}

impl Hash {
    fn context(&mut self) -> CryptoResult<&mut Digest> {
        self.digest
            .as_mut()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))
    }
}

#[pymethods]
impl Hash {
    #[new]
    #[pyo3(signature = (algorithm, backend=None))]
    fn new(algorithm: &Bound<'_, PyAny>, backend: Option<&Bound<'_, PyAny>>) -> CryptoResult<Hash> {
        let _ = backend;
        let resolved = resolve(algorithm)?;
        Ok(Hash {
            algorithm: algorithm.clone().unbind(),
            resolved,
            digest: Some(Digest::new(resolved.md)?),
        })
    }

    /// Hashes `data` in one call.
    #[staticmethod]
    fn hash(
        py: Python<'_>,
        algorithm: &Bound<'_, PyAny>,
        data: Buffer<'_>,
    ) -> CryptoResult<Py<PyBytes>> {
        let resolved = resolve(algorithm)?;
        let mut digest = Digest::new(resolved.md)?;
        absorb(py, &mut digest, data.as_bytes())?;
        finish(py, &resolved, &mut digest)
    }

    #[getter]
    fn algorithm(&self, py: Python<'_>) -> Py<PyAny> {
        self.algorithm.clone_ref(py)
    }

    fn update(&mut self, py: Python<'_>, data: Buffer<'_>) -> CryptoResult<()> {
        absorb(py, self.context()?, data.as_bytes())
    }

    fn copy(&mut self, py: Python<'_>) -> CryptoResult<Hash> {
        let digest = self.context()?.clone();
        Ok(Hash {
            algorithm: self.algorithm.clone_ref(py),
            resolved: self.resolved,
            digest: Some(digest),
        })
    }

    fn finalize(&mut self, py: Python<'_>) -> CryptoResult<Py<PyBytes>> {
        let mut digest = self
            .digest
            .take()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))?;
        finish(py, &self.resolved, &mut digest)
    }
}

/// An extendable-output function read in as many pieces as wanted, up to the
/// `digest_size` of its algorithm.
#[pyclass(module = "oxicrypt._rust.hashes", name = "XOFHash")]
pub struct XofHash {
    algorithm: Py<PyAny>,
    digest: Digest,
    /// Bytes that may still be squeezed out.
    remaining: usize,
    squeezed: bool,
}

#[pymethods]
impl XofHash {
    #[new]
    fn new(algorithm: &Bound<'_, PyAny>) -> CryptoResult<XofHash> {
        let py = algorithm.py();
        if !algorithm.is_instance(xof_abc(py)?)? {
            return Err(PyTypeError::new_err(
                "Expected instance of an extendable output function.",
            )
            .into());
        }
        if !oxicrypt_openssl::version::XOF_SQUEEZE_SUPPORTED {
            return Err(CryptoError::Unsupported(
                "Extendable output functions need OpenSSL 3.3 or later.".to_owned(),
                Reason::Hash,
            ));
        }
        let resolved = resolve(algorithm)?;
        Ok(XofHash {
            algorithm: algorithm.clone().unbind(),
            digest: Digest::new(resolved.md)?,
            remaining: resolved.digest_size,
            squeezed: false,
        })
    }

    #[getter]
    fn algorithm(&self, py: Python<'_>) -> Py<PyAny> {
        self.algorithm.clone_ref(py)
    }

    fn update(&mut self, py: Python<'_>, data: Buffer<'_>) -> CryptoResult<()> {
        if self.squeezed {
            return Err(CryptoError::AlreadyFinalized(
                "Context was already squeezed.",
            ));
        }
        absorb(py, &mut self.digest, data.as_bytes())
    }

    fn copy(&self, py: Python<'_>) -> XofHash {
        XofHash {
            algorithm: self.algorithm.clone_ref(py),
            digest: self.digest.clone(),
            remaining: self.remaining,
            squeezed: self.squeezed,
        }
    }

    fn squeeze(&mut self, py: Python<'_>, length: usize) -> CryptoResult<Py<PyBytes>> {
        if length > self.remaining {
            return Err(PyValueError::new_err(
                "Exceeded maximum squeeze limit specified by digest_size.",
            )
            .into());
        }
        let bytes = PyBytes::new_with(py, length, |out| {
            self.digest
                .squeeze(out)
                .map_err(|e| CryptoError::from(e).into())
        })?;
        self.remaining -= length;
        self.squeezed = true;
        Ok(bytes.unbind())
    }
}
