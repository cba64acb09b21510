//! `oxicrypt._rust.ciphers`: the contexts behind `Cipher(algorithm, mode)`.

mod context;
mod registry;

use pyo3::prelude::*;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<context::CipherContext>()?;
    m.add_class::<context::AeadEncryptionContext>()?;
    m.add_class::<context::AeadDecryptionContext>()?;
    m.add_function(wrap_pyfunction!(context::create_encryption_ctx, m)?)?;
    m.add_function(wrap_pyfunction!(context::create_decryption_ctx, m)?)?;
    m.add_function(wrap_pyfunction!(context::cipher_supported, m)?)?;
    m.add_function(wrap_pyfunction!(context::_advance, m)?)?;
    m.add_function(wrap_pyfunction!(context::_advance_aad, m)?)?;
    m.add_function(wrap_pyfunction!(legacy_provider_loaded, m)?)
}

/// Whether OpenSSL's legacy provider (Blowfish, CAST5, IDEA, SEED, RC2, RC4) is loaded;
/// asking loads it, as using one of those ciphers would.
#[pyfunction]
fn legacy_provider_loaded() -> bool {
    oxicrypt_openssl::cipher::legacy_provider_loaded()
}
