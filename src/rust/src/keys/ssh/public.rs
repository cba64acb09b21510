//! Public key lines (`<type> <base64> [comment]`): reading keys and certificates, writing
//! keys, and the key blobs that fingerprints hash.

use openssl::pkey::{HasPublic, PKey};
use oxicrypt_keys::ssh::public::CERT_SUFFIX;
use oxicrypt_keys::ssh::{parse_public_line, write_public_line, SshKeyType, SshPublicIdentity};
use oxicrypt_keys::KeyError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::keys::{pkey_of_public, public_object, public_of_pkey};
use super::{cert, ssh_error, unsupported};
use crate::buf::Buffer;
use crate::error::CryptoResult;

/// The type name a line starts with, if any.
fn line_type(data: &[u8]) -> &[u8] {
    let end = data
        .iter()
        .position(|c| c.is_ascii_whitespace() || *c == 0x0b)
        .unwrap_or(data.len());
    data.get(..end).unwrap_or_default()
}

fn dsa_keys_unsupported() -> crate::error::CryptoError {
    unsupported("DSA keys aren't supported in SSH certificates")
}

/// Reads a public key line: a key object, or for a certificate the tuple of its fields
/// that the Python `SSHCertificate` is built from. Without `legacy_dsa_allowed`, DSA keys
/// and certificates signed by DSA keys are refused, as `load_ssh_public_identity` does.
#[pyfunction]
pub fn load_public_identity(
    py: Python<'_>,
    data: Buffer<'_>,
    legacy_dsa_allowed: bool,
) -> CryptoResult<Py<PyAny>> {
    let data = data.as_bytes();
    let type_name = line_type(data);
    let is_dsa = type_name.strip_suffix(CERT_SUFFIX).unwrap_or(type_name)
        == SshKeyType::Dsa.name().as_bytes();
    let line = match parse_public_line(data) {
        Ok(line) => line,
        // A malformed line is reported first; after that, DSA is refused before the key
        // itself is looked at.
        Err(KeyError::Malformed(what)) if what.starts_with("Invalid line format") => {
            return Err(ssh_error(KeyError::Malformed(what)))
        }
        Err(_) if is_dsa && !legacy_dsa_allowed => return Err(dsa_keys_unsupported()),
        Err(e) => return Err(ssh_error(e)),
    };
    match line.identity {
        SshPublicIdentity::Key(key) => {
            if key.key_type() == SshKeyType::Dsa && !legacy_dsa_allowed {
                return Err(dsa_keys_unsupported());
            }
            public_object(py, &key)
        }
        SshPublicIdentity::Certificate(certificate) => {
            if !legacy_dsa_allowed {
                if certificate.public_key.key_type() == SshKeyType::Dsa {
                    return Err(dsa_keys_unsupported());
                }
                if certificate.signature_key_type == SshKeyType::Dsa.name().as_bytes() {
                    return Err(unsupported(
                        "DSA signatures aren't supported in SSH certificates",
                    ));
                }
            }
            cert::fields(py, &certificate)
        }
    }
}

fn line_of<T: HasPublic>(pkey: &PKey<T>) -> CryptoResult<Vec<u8>> {
    Ok(write_public_line(&public_of_pkey(pkey)?, None))
}

/// `public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH)` of any key type SSH knows.
pub fn public_bytes<'py, T: HasPublic>(
    py: Python<'py>,
    pkey: &PKey<T>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    super::warn_if_dsa(py, pkey)?;
    Ok(PyBytes::new(py, &line_of(pkey)?))
}

/// The one-line OpenSSH form of a public key object, without comment.
#[pyfunction]
pub fn serialize_public_key<'py>(
    py: Python<'py>,
    public_key: &Bound<'py, PyAny>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    Ok(PyBytes::new(py, &line_of(&pkey_of_public(public_key)?)?))
}

/// The SSH key blob of a public key object: what `ssh_key_fingerprint` hashes.
#[pyfunction]
pub fn public_key_blob<'py>(
    py: Python<'py>,
    public_key: &Bound<'py, PyAny>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let key = public_of_pkey(&pkey_of_public(public_key)?)?;
    Ok(PyBytes::new(py, &key.to_blob()))
}
