//! The subject public key of a certificate or request, as a key object.

use oxicrypt_keys::spki::SubjectPublicKeyInfo;
use oxicrypt_keys::{oids, KeyError};
use pyo3::prelude::*;

use crate::error::{CryptoError, Reason};

/// Key algorithms whose SubjectPublicKeyInfo oxicrypt reads.
const KNOWN: &[asn1::ObjectIdentifier] = &[
    oids::RSA_ENCRYPTION,
    oids::RSASSA_PSS,
    oids::EC_PUBLIC_KEY,
    oids::DSA,
    oids::DH_KEY_AGREEMENT,
    oids::DH_PUBLIC_NUMBER,
    oids::ED25519,
    oids::ED448,
    oids::X25519,
    oids::X448,
];

/// The key of a DER SubjectPublicKeyInfo. A certificate may hold a key of an algorithm
/// oxicrypt has no class for: that is `UnsupportedAlgorithm` here, where a malformed key
/// is a `ValueError`.
pub fn public_key(py: Python<'_>, spki: &[u8]) -> PyResult<Py<PyAny>> {
    match oxicrypt_keys::spki::parse(spki) {
        Ok(key) => Ok(crate::keys::load::public_key_object(py, key)?),
        Err(KeyError::Malformed(what)) => {
            if let Ok(info) = asn1::parse_single::<SubjectPublicKeyInfo<'_>>(spki) {
                if !KNOWN.contains(&info.algorithm.oid) {
                    return Err(CryptoError::Unsupported(
                        format!("Unknown key type: {}", info.algorithm.oid),
                        Reason::PublicKeyAlgorithm,
                    )
                    .into());
                }
            }
            Err(CryptoError::Key(KeyError::Malformed(what)).into())
        }
        Err(e) => Err(CryptoError::Key(e).into()),
    }
}
