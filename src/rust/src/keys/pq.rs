//! What ML-DSA and ML-KEM keys share: building them from seeds and raw public keys (with
//! the reference's error messages), their serialization, and the key objects `load_*`
//! returns for them.

use openssl::pkey::{PKey, Private, Public};
use oxicrypt_keys::pq::PqKind;
use oxicrypt_openssl::pq as ossl;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::serialization::{
    check_private_request, check_public_request, der_or_pem, encode_private, Encoding, PrivateDer,
    PrivateFormat, PublicFormat,
};
use crate::error::{CryptoError, CryptoResult, Reason};

/// UnsupportedAlgorithm unless the linked OpenSSL implements `kind`.
pub fn ensure_supported(kind: PqKind) -> CryptoResult<()> {
    if ossl::supported(kind) {
        Ok(())
    } else {
        Err(CryptoError::Unsupported(
            format!("{} is not supported by this backend.", kind.name()),
            Reason::PublicKeyAlgorithm,
        ))
    }
}

/// The parameter set of a Python-facing name ("ML-DSA-44"); `signature` says which
/// family the calling module implements.
pub fn kind_named(name: &str, signature: bool) -> CryptoResult<PqKind> {
    PqKind::ALL
        .into_iter()
        .find(|k| k.name() == name && k.is_signature() == signature)
        .ok_or_else(|| CryptoError::value(&format!("unknown parameter set {name:?}")))
}

pub fn generate(py: Python<'_>, kind: PqKind) -> CryptoResult<PKey<Private>> {
    ensure_supported(kind)?;
    Ok(py.detach(|| ossl::generate(kind))?)
}

pub fn private_from_seed(py: Python<'_>, kind: PqKind, seed: &[u8]) -> CryptoResult<PKey<Private>> {
    ensure_supported(kind)?;
    if seed.len() != kind.seed_len() {
        return Err(CryptoError::value(&format!(
            "An {} seed is {} bytes long",
            kind.name(),
            kind.seed_len()
        )));
    }
    Ok(py.detach(|| ossl::private_from_seed(kind, seed))?)
}

pub fn public_from_raw(kind: PqKind, raw: &[u8]) -> CryptoResult<PKey<Public>> {
    ensure_supported(kind)?;
    // Any key OpenSSL refuses (for ML-KEM, coefficients not reduced modulo q) gets the
    // reference's one message.
    let invalid = || {
        CryptoError::value(&format!(
            "An {} public key is {} bytes long",
            kind.name(),
            kind.public_len()
        ))
    };
    if raw.len() != kind.public_len() {
        return Err(invalid());
    }
    ossl::public_from_raw(kind, raw).map_err(|_| invalid())
}

pub fn public_of(kind: PqKind, key: &PKey<Private>) -> CryptoResult<PKey<Public>> {
    Ok(ossl::public_of(kind, key)?)
}

pub fn seed_of(kind: PqKind, key: &PKey<Private>) -> CryptoResult<Vec<u8>> {
    Ok(ossl::seed_of(kind, key)?)
}

/// `private_bytes`: the seed as Raw, or a PKCS#8 container holding it. There is no
/// traditional or OpenSSH form.
pub fn private_bytes<'py>(
    py: Python<'py>,
    kind: PqKind,
    key: &PKey<Private>,
    encoding: Encoding,
    format: PrivateFormat,
    encryption: &Bound<'py, PyAny>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let encryption = check_private_request(encoding, format, encryption, false)?;
    let invalid_format = || CryptoError::value("format is invalid with this key");
    match format {
        PrivateFormat::Raw => {
            // Raw is the seed alone: no other encoding, no encryption.
            if encoding != Encoding::Raw || !encryption.is_none() {
                return Err(invalid_format());
            }
            Ok(PyBytes::new(py, &seed_of(kind, key)?))
        }
        PrivateFormat::PKCS8 => {
            let der = oxicrypt_keys::pkcs8::write_pq_key(kind, &seed_of(kind, key)?);
            encode_private(py, encoding, PrivateDer::Pkcs8(der), encryption)
        }
        PrivateFormat::OpenSSH => Err(CryptoError::value("Unsupported key type")),
        _ => Err(invalid_format()),
    }
}

/// `public_bytes`: the raw key, or a SubjectPublicKeyInfo holding it.
pub fn public_bytes<'py>(
    py: Python<'py>,
    kind: PqKind,
    key: &PKey<Public>,
    encoding: Encoding,
    format: PublicFormat,
) -> CryptoResult<Bound<'py, PyBytes>> {
    check_public_request(encoding, format, true)?;
    match format {
        PublicFormat::Raw => Ok(PyBytes::new(py, &key.raw_public_key()?)),
        PublicFormat::SubjectPublicKeyInfo => {
            let der = oxicrypt_keys::spki::write_pq_key(kind, &key.raw_public_key()?);
            Ok(der_or_pem(py, encoding, "PUBLIC KEY", &der)?)
        }
        PublicFormat::OpenSSH => Err(CryptoError::value("Unsupported key type")),
        _ => Err(CryptoError::value("format is invalid with this key")),
    }
}

/// The Python object of a private key read from a container.
pub fn private_key_object(py: Python<'_>, kind: PqKind, seed: &[u8]) -> CryptoResult<Py<PyAny>> {
    let pkey = private_from_seed(py, kind, seed)?;
    if kind.is_signature() {
        super::mldsa::private_object(py, kind, pkey)
    } else {
        super::mlkem::private_object(py, kind, pkey)
    }
}

/// The Python object of a public key read from a container.
pub fn public_key_object(py: Python<'_>, kind: PqKind, raw: &[u8]) -> CryptoResult<Py<PyAny>> {
    let pkey = public_from_raw(kind, raw)?;
    if kind.is_signature() {
        super::mldsa::public_object(py, kind, pkey)
    } else {
        super::mlkem::public_object(py, kind, pkey)
    }
}
