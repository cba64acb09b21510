//! The message side of RSA, DSA and ECDSA signatures: a `Prehashed` digest taken as given
//! (checked against its size), or the data hashed here. One place, so that the three key
//! types agree and the classes of `asymmetric.utils` are looked up once per process.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use crate::algorithms::{resolve, Resolved};
use crate::error::CryptoResult;

/// A class of `oxicrypt.hazmat.primitives.asymmetric.utils` (`Prehashed`, `NoDigestInfo`).
pub fn utils_class<'py>(py: Python<'py>, name: &'static str) -> PyResult<Bound<'py, PyType>> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    let module = MODULE.get_or_try_init(py, || {
        Ok::<_, PyErr>(
            py.import("oxicrypt.hazmat.primitives.asymmetric.utils")?
                .unbind(),
        )
    })?;
    Ok(module.bind(py).getattr(name)?.cast_into::<PyType>()?)
}

/// What is signed: the digest, and the hash algorithm that made it.
pub struct MessageDigest {
    pub resolved: Resolved,
    pub bytes: Vec<u8>,
    /// The caller passed `Prehashed`: `bytes` is their digest.
    pub prehashed: bool,
}

/// `algorithm` is a `HashAlgorithm` (hash `data`) or `Prehashed` (`data` is the digest).
pub fn message_digest(
    py: Python<'_>,
    data: &[u8],
    algorithm: &Bound<'_, PyAny>,
) -> CryptoResult<MessageDigest> {
    if algorithm.is_instance(utils_class(py, "Prehashed")?.as_any())? {
        let resolved = resolve(&algorithm.getattr("_algorithm")?)?;
        if data.len() != resolved.md.size() {
            return Err(PyValueError::new_err(
                "The provided data must be the same length as the hash algorithm's digest size.",
            )
            .into());
        }
        return Ok(MessageDigest {
            resolved,
            bytes: data.to_vec(),
            prehashed: true,
        });
    }
    let resolved = resolve(algorithm)?;
    Ok(MessageDigest {
        bytes: crate::hashes::digest_of(py, &resolved, data)?,
        resolved,
        prehashed: false,
    })
}
