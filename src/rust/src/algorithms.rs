//! Resolving the Python hash-algorithm objects users pass (`hashes.SHA256()`, or any
//! instance of `hashes.HashAlgorithm`) to the digest OpenSSL computes.

use openssl::md::MdRef;
use oxicrypt_openssl::digest::HashKind;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use crate::error::{CryptoError, CryptoResult, Reason};

/// A resolved hash algorithm: which digest, and how many bytes it produces.
#[derive(Clone, Copy)]
pub struct Resolved {
    pub kind: HashKind,
    pub md: &'static MdRef,
    /// For an extendable-output function, the `digest_size` the algorithm object chose
    /// (0 for fixed-size digests, whose size OpenSSL knows).
    pub digest_size: usize,
}

fn abc<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyType>>,
    name: &str,
) -> PyResult<&'py Bound<'py, PyType>> {
    cell.import(py, "oxicrypt.hazmat.primitives.hashes", name)
}

pub fn hash_algorithm_abc(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static CELL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    abc(py, &CELL, "HashAlgorithm")
}

pub fn xof_abc(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static CELL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    abc(py, &CELL, "ExtendableOutputFunction")
}

/// Checks that `algorithm` is a `HashAlgorithm` and finds its digest in OpenSSL.
pub fn resolve(algorithm: &Bound<'_, PyAny>) -> CryptoResult<Resolved> {
    let py = algorithm.py();
    if !algorithm.is_instance(hash_algorithm_abc(py)?)? {
        return Err(PyTypeError::new_err("Expected instance of hashes.HashAlgorithm.").into());
    }
    let name_obj = algorithm.getattr(pyo3::intern!(py, "name"))?;
    let name = name_obj.str()?;
    let name = name.to_cow()?;
    let unsupported = || {
        CryptoError::Unsupported(
            format!("{name} is not a supported hash on this backend"),
            Reason::Hash,
        )
    };
    let kind = HashKind::from_name(&name).ok_or_else(unsupported)?;
    // Only these read `digest_size`: the others have one fixed size, which OpenSSL knows.
    let digest_size = match kind {
        HashKind::Shake128 | HashKind::Shake256 | HashKind::Blake2b512 | HashKind::Blake2s256 => {
            algorithm
                .getattr(pyo3::intern!(py, "digest_size"))?
                .extract::<usize>()?
        }
        _ => 0,
    };
    // OpenSSL has BLAKE2 only at full length; a shorter BLAKE2 is a different function.
    let fixed_size_ok = match kind {
        HashKind::Blake2b512 => digest_size == 64,
        HashKind::Blake2s256 => digest_size == 32,
        _ => true,
    };
    if !fixed_size_ok {
        return Err(unsupported());
    }
    let md = kind.md().ok_or_else(unsupported)?;
    Ok(Resolved {
        kind,
        md,
        digest_size,
    })
}
