//! The OpenSSH formats (`oxicrypt._rust.ssh`): public key lines and certificates,
//! `openssh-key-v1` private keys, and the `OpenSSH` branches of the key classes'
//! `public_bytes`/`private_bytes`. The formats themselves are read and written by
//! `oxicrypt_keys::ssh`; this module converts between them and key objects, runs the
//! crypto (bcrypt_pbkdf through the optional `bcrypt` package, the private-key ciphers,
//! certificate signatures) and maps errors to the exceptions the reference raises.
//!
//! - [`keys`]: SSH key data to and from OpenSSL keys and Python key objects.
//! - [`public`]: public key lines, fingerprints' blobs, `load_ssh_public_identity`.
//! - [`private`]: `load_ssh_private_key` and writing `openssh-key-v1`.
//! - [`cert`]: certificate fields, signature checks and signing.

mod cert;
mod keys;
mod private;
mod public;

use oxicrypt_keys::ssh::public::NEED_UNCOMPRESSED_POINT;
use oxicrypt_keys::KeyError;
use pyo3::exceptions::{PyNotImplementedError, PyValueError};
use pyo3::prelude::*;

use crate::error::{CryptoError, UnsupportedAlgorithm};

pub use private::private_bytes;
pub use public::public_bytes;

/// `UnsupportedAlgorithm(message)` with no reason, as the reference's SSH code raises it.
fn unsupported(message: impl Into<String>) -> CryptoError {
    CryptoError::Py(UnsupportedAlgorithm::new_err(message.into()))
}

fn value_error(message: impl Into<String>) -> CryptoError {
    CryptoError::Py(PyValueError::new_err(message.into()))
}

/// SSH format errors: `oxicrypt_keys::ssh` words its messages as the reference does (its
/// short message first, then where the fault is), so they are passed on unchanged.
fn ssh_error(e: KeyError) -> CryptoError {
    match e {
        KeyError::Malformed(what) if what.starts_with(NEED_UNCOMPRESSED_POINT) => {
            CryptoError::Py(PyNotImplementedError::new_err(what))
        }
        KeyError::Malformed(what) => value_error(what),
        KeyError::UnsupportedAlgorithm(what) => unsupported(what),
        other => CryptoError::Key(other),
    }
}

/// The reference deprecates SSH DSA keys: writing one warns with
/// `CryptographyDeprecationWarning` (reading one warns in the Python layer, where the
/// warning can point at the caller's line).
fn warn_if_dsa<T>(py: Python<'_>, pkey: &openssl::pkey::PKeyRef<T>) -> PyResult<()> {
    if pkey.id() != openssl::pkey::Id::DSA {
        return Ok(());
    }
    let category = py.import("oxicrypt.utils")?.getattr("DeprecatedIn40")?;
    PyErr::warn(
        py,
        &category,
        c"SSH DSA key support is deprecated and will be removed in a future release",
        1,
    )
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(public::load_public_identity, m)?)?;
    m.add_function(wrap_pyfunction!(public::serialize_public_key, m)?)?;
    m.add_function(wrap_pyfunction!(public::public_key_blob, m)?)?;
    m.add_function(wrap_pyfunction!(private::load_private_key, m)?)?;
    m.add_function(wrap_pyfunction!(cert::signature_key, m)?)?;
    m.add_function(wrap_pyfunction!(cert::verify_cert_signature, m)?)?;
    m.add_function(wrap_pyfunction!(cert::sign_certificate, m)?)
}
