//! Test support for the parity suite (tests/parity): the same inputs through OpenSSL's C
//! decoders (`d2i_AutoPrivateKey`, `PEM_read_bio_PrivateKey`, `d2i_PUBKEY`, ...), so the
//! tests can compare OpenSSL's accept/reject decision and key with oxicrypt's Rust
//! parsers. Not part of the public API.

use openssl::pkey::{Id, PKey, Private, Public};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// OpenSSL's name for the key type and its SubjectPublicKeyInfo, or `None` when OpenSSL's
/// C decoder rejects the input.
type Decoded<'py> = Option<(String, Bound<'py, PyBytes>)>;

fn type_name(id: Id) -> String {
    match id {
        Id::RSA => "RSA".to_owned(),
        Id::RSA_PSS => "RSA-PSS".to_owned(),
        Id::EC => "EC".to_owned(),
        Id::DSA => "DSA".to_owned(),
        Id::DH => "DH".to_owned(),
        Id::DHX => "DHX".to_owned(),
        Id::ED25519 => "Ed25519".to_owned(),
        Id::ED448 => "Ed448".to_owned(),
        Id::X25519 => "X25519".to_owned(),
        Id::X448 => "X448".to_owned(),
        other => format!("nid {}", other.as_raw()),
    }
}

fn describe_private<'py>(
    py: Python<'py>,
    key: Result<PKey<Private>, openssl::error::ErrorStack>,
) -> Decoded<'py> {
    let key = key.ok()?;
    let spki = key.public_key_to_der().ok()?;
    Some((type_name(key.id()), PyBytes::new(py, &spki)))
}

fn describe_public<'py>(
    py: Python<'py>,
    key: Result<PKey<Public>, openssl::error::ErrorStack>,
) -> Decoded<'py> {
    let key = key.ok()?;
    let spki = key.public_key_to_der().ok()?;
    Some((type_name(key.id()), PyBytes::new(py, &spki)))
}

#[pyfunction]
#[pyo3(signature = (data, pem, password=None))]
pub fn openssl_load_private_key<'py>(
    py: Python<'py>,
    data: &[u8],
    pem: bool,
    password: Option<&[u8]>,
) -> Decoded<'py> {
    let key = match (pem, password) {
        (true, Some(pw)) => PKey::private_key_from_pem_passphrase(data, pw),
        // A callback that supplies no password, so that an encrypted key is rejected
        // instead of OpenSSL prompting on the terminal.
        (true, None) => PKey::private_key_from_pem_callback(data, |_| Ok(0)),
        (false, Some(pw)) => PKey::private_key_from_pkcs8_passphrase(data, pw),
        (false, None) => PKey::private_key_from_der(data),
    };
    let decoded = describe_private(py, key);
    // Rejections leave errors queued; clear them so nothing later misreads them.
    let _ = openssl::error::ErrorStack::get();
    decoded
}

#[pyfunction]
pub fn openssl_load_public_key<'py>(py: Python<'py>, data: &[u8], pem: bool) -> Decoded<'py> {
    let key = if pem {
        // Not `PKey::public_key_from_pem`: it would ask on the terminal for the password
        // of an encrypted private key.
        oxicrypt_openssl::pem::public_key_from_pem(data)
    } else {
        PKey::public_key_from_der(data)
    };
    let decoded = describe_public(py, key);
    let _ = openssl::error::ErrorStack::get();
    decoded
}
