//! Facts about the linked OpenSSL, for `hazmat.backends`.

use pyo3::prelude::*;

#[pyfunction]
pub fn openssl_version_text() -> &'static str {
    oxicrypt_openssl::version::version_text()
}

#[pyfunction]
pub fn openssl_version_number() -> i64 {
    oxicrypt_openssl::version::version_number()
}

/// Whether `name` (the `name` of a hash algorithm) is a digest the linked OpenSSL has.
#[pyfunction]
pub fn digest_available(name: &str) -> bool {
    oxicrypt_openssl::digest::HashKind::from_name(name).is_some_and(|k| k.md().is_some())
}

#[pyfunction]
pub fn xof_squeeze_supported() -> bool {
    oxicrypt_openssl::version::XOF_SQUEEZE_SUPPORTED
}

#[pyfunction]
pub fn deterministic_nonces_supported() -> bool {
    oxicrypt_openssl::signature::DETERMINISTIC_NONCES_SUPPORTED
}
