//! `keywrap`: AES key wrap (RFC 3394) and key wrap with padding (RFC 5649).

use oxicrypt_openssl::keywrap::{self, UnwrapError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::buf::Buffer;
use crate::error::{CryptoError, CryptoResult};

pyo3::import_exception!(oxicrypt.hazmat.primitives.keywrap, InvalidUnwrap);

fn check_wrapping_key(key: &[u8]) -> CryptoResult<()> {
    if ![16, 24, 32].contains(&key.len()) {
        return Err(CryptoError::value(
            "The wrapping key must be a valid AES key length",
        ));
    }
    Ok(())
}

fn invalid_unwrap(msg: &str) -> CryptoError {
    CryptoError::Py(if msg.is_empty() {
        InvalidUnwrap::new_err(())
    } else {
        InvalidUnwrap::new_err(msg.to_owned())
    })
}

fn unwrapped<'py>(
    py: Python<'py>,
    r: Result<Vec<u8>, UnwrapError>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    match r {
        Ok(mut key) => {
            let out = PyBytes::new(py, &key);
            key.fill(0);
            Ok(out)
        }
        Err(UnwrapError::Invalid) => Err(invalid_unwrap("")),
        Err(UnwrapError::OpenSsl(e)) => Err(e.into()),
    }
}

#[pyfunction]
#[pyo3(signature = (wrapping_key, key_to_wrap, backend=None))]
pub fn aes_key_wrap<'py>(
    py: Python<'py>,
    wrapping_key: Buffer<'_>,
    key_to_wrap: Buffer<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let _ = backend;
    let (kek, key) = (wrapping_key.as_bytes(), key_to_wrap.as_bytes());
    check_wrapping_key(kek)?;
    if key.len() < 16 {
        return Err(CryptoError::value(
            "The key to wrap must be at least 16 bytes",
        ));
    }
    if key.len() % 8 != 0 {
        return Err(CryptoError::value(
            "The key to wrap must be a multiple of 8 bytes",
        ));
    }
    Ok(PyBytes::new(py, &keywrap::wrap(kek, key)?))
}

#[pyfunction]
#[pyo3(signature = (wrapping_key, wrapped_key, backend=None))]
pub fn aes_key_unwrap<'py>(
    py: Python<'py>,
    wrapping_key: Buffer<'_>,
    wrapped_key: Buffer<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let _ = backend;
    let (kek, wrapped) = (wrapping_key.as_bytes(), wrapped_key.as_bytes());
    if wrapped.len() < 24 {
        return Err(invalid_unwrap("Must be at least 24 bytes"));
    }
    if wrapped.len() % 8 != 0 {
        return Err(invalid_unwrap(
            "The wrapped key must be a multiple of 8 bytes",
        ));
    }
    check_wrapping_key(kek)?;
    unwrapped(py, keywrap::unwrap(kek, wrapped))
}

#[pyfunction]
#[pyo3(signature = (wrapping_key, key_to_wrap, backend=None))]
pub fn aes_key_wrap_with_padding<'py>(
    py: Python<'py>,
    wrapping_key: Buffer<'_>,
    key_to_wrap: Buffer<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let _ = backend;
    let (kek, key) = (wrapping_key.as_bytes(), key_to_wrap.as_bytes());
    check_wrapping_key(kek)?;
    if key.is_empty() || u32::try_from(key.len()).is_err() {
        return Err(CryptoError::value(
            "key_to_wrap must be between 1 and 2^32 bytes",
        ));
    }
    Ok(PyBytes::new(py, &keywrap::wrap_with_padding(kek, key)?))
}

#[pyfunction]
#[pyo3(signature = (wrapping_key, wrapped_key, backend=None))]
pub fn aes_key_unwrap_with_padding<'py>(
    py: Python<'py>,
    wrapping_key: Buffer<'_>,
    wrapped_key: Buffer<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let _ = backend;
    let (kek, wrapped) = (wrapping_key.as_bytes(), wrapped_key.as_bytes());
    if wrapped.len() < 16 {
        return Err(invalid_unwrap("Must be at least 16 bytes"));
    }
    if wrapped.len() % 8 != 0 {
        return Err(invalid_unwrap(
            "The wrapped key must be a multiple of 8 bytes",
        ));
    }
    check_wrapping_key(kek)?;
    unwrapped(py, keywrap::unwrap_with_padding(kek, wrapped))
}
