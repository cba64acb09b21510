//! `load_{pem,der}_{private,public}_key`: containers are parsed by `oxicrypt-keys`, and
//! the key material is then handed to OpenSSL.

use oxicrypt_keys::{KeyError, PrivateKeyData, PublicKeyData};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

use crate::buf::Buffer;
use crate::error::{CryptoError, CryptoResult};
use crate::keys::{curves, rsa};
use oxicrypt_keys::key::CurveKind;

const PRIVATE_LABELS: &[&str] = &["PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY"];
const PUBLIC_LABELS: &[&str] = &["PUBLIC KEY", "RSA PUBLIC KEY"];

fn private_key_object(
    py: Python<'_>,
    key: PrivateKeyData,
    check_rsa: bool,
) -> CryptoResult<Py<PyAny>> {
    use crate::keys::curves::{ed25519, ed448, x25519, x448};
    Ok(match key {
        PrivateKeyData::Ed25519(raw) => {
            let pkey = curves::private_from_raw(CurveKind::Ed25519, &raw)?;
            Py::new(py, ed25519::Ed25519PrivateKey { pkey })?.into_any()
        }
        PrivateKeyData::Ed448(raw) => {
            let pkey = curves::private_from_raw(CurveKind::Ed448, &raw)?;
            Py::new(py, ed448::Ed448PrivateKey { pkey })?.into_any()
        }
        PrivateKeyData::X25519(raw) => {
            let pkey = curves::private_from_raw(CurveKind::X25519, &raw)?;
            Py::new(py, x25519::X25519PrivateKey { pkey })?.into_any()
        }
        PrivateKeyData::X448(raw) => {
            let pkey = curves::private_from_raw(CurveKind::X448, &raw)?;
            Py::new(py, x448::X448PrivateKey { pkey })?.into_any()
        }
        PrivateKeyData::Rsa(key) => {
            let pkey = py.detach(|| rsa::private_key_from_components(&key, check_rsa))?;
            Py::new(py, rsa::RsaPrivateKey { pkey })?.into_any()
        }
    })
}

fn public_key_object(py: Python<'_>, key: PublicKeyData) -> CryptoResult<Py<PyAny>> {
    use crate::keys::curves::{ed25519, ed448, x25519, x448};
    Ok(match key {
        PublicKeyData::Ed25519(raw) => {
            let pkey = curves::public_from_raw(CurveKind::Ed25519, &raw)?;
            Py::new(py, ed25519::Ed25519PublicKey { pkey })?.into_any()
        }
        PublicKeyData::Ed448(raw) => {
            let pkey = curves::public_from_raw(CurveKind::Ed448, &raw)?;
            Py::new(py, ed448::Ed448PublicKey { pkey })?.into_any()
        }
        PublicKeyData::X25519(raw) => {
            let pkey = curves::public_from_raw(CurveKind::X25519, &raw)?;
            Py::new(py, x25519::X25519PublicKey { pkey })?.into_any()
        }
        PublicKeyData::X448(raw) => {
            let pkey = curves::public_from_raw(CurveKind::X448, &raw)?;
            Py::new(py, x448::X448PublicKey { pkey })?.into_any()
        }
        PublicKeyData::Rsa(key) => {
            let pkey = rsa::public_key_from_components(&key)?;
            Py::new(py, rsa::RsaPublicKey { pkey })?.into_any()
        }
    })
}

/// A DER private key in any container oxicrypt reads.
fn parse_private_der(der: &[u8], password: Option<&[u8]>) -> CryptoResult<PrivateKeyData> {
    // PKCS#8 first; a DER key that is not PKCS#8 may be a traditional PKCS#1 RSA key, as
    // OpenSSL's d2i_AutoPrivateKey also tries. The PKCS#8 error is the one reported.
    let key = match oxicrypt_keys::pkcs8::parse(der) {
        Ok(key) => key,
        Err(KeyError::Malformed(pkcs8_error)) => match oxicrypt_keys::rsa::parse_private(der) {
            Ok(rsa) => PrivateKeyData::Rsa(rsa),
            Err(_) => return Err(KeyError::Malformed(pkcs8_error).into()),
        },
        Err(other) => return Err(other.into()),
    };
    if password.is_some() {
        return Err(
            PyTypeError::new_err("Password was given but private key is not encrypted.").into(),
        );
    }
    Ok(key)
}

fn check_password(password: Option<&Buffer<'_>>) -> CryptoResult<()> {
    if let Some(p) = password {
        if p.as_bytes().is_empty() {
            return Err(PyValueError::new_err("Password must be 1 or more bytes.").into());
        }
    }
    Ok(())
}

fn pem_error(e: KeyError) -> CryptoError {
    match e {
        KeyError::Malformed(what) => PyValueError::new_err(format!(
            "Unable to load PEM file: {what}. Check that the data is a PEM-encoded key \
             (-----BEGIN ...----- lines around base64)."
        ))
        .into(),
        other => other.into(),
    }
}

#[pyfunction]
#[pyo3(signature = (data, password, backend=None, *, unsafe_skip_rsa_key_validation=false))]
pub fn load_der_private_key(
    py: Python<'_>,
    data: Buffer<'_>,
    password: Option<Buffer<'_>>,
    backend: Option<&Bound<'_, PyAny>>,
    unsafe_skip_rsa_key_validation: bool,
) -> CryptoResult<Py<PyAny>> {
    let _ = (backend, unsafe_skip_rsa_key_validation);
    check_password(password.as_ref())?;
    let key = parse_private_der(data.as_bytes(), password.as_ref().map(|p| p.as_bytes()))?;
    private_key_object(py, key, !unsafe_skip_rsa_key_validation)
}

#[pyfunction]
#[pyo3(signature = (data, password, backend=None, *, unsafe_skip_rsa_key_validation=false))]
pub fn load_pem_private_key(
    py: Python<'_>,
    data: Buffer<'_>,
    password: Option<Buffer<'_>>,
    backend: Option<&Bound<'_, PyAny>>,
    unsafe_skip_rsa_key_validation: bool,
) -> CryptoResult<Py<PyAny>> {
    let _ = (backend, unsafe_skip_rsa_key_validation);
    check_password(password.as_ref())?;
    let block =
        oxicrypt_keys::pem::find_block(data.as_bytes(), PRIVATE_LABELS).map_err(pem_error)?;
    if block.label == "ENCRYPTED PRIVATE KEY" {
        return Err(CryptoError::Unsupported(
            "encrypted PKCS#8 keys are not supported yet".to_owned(),
            crate::error::Reason::UnsupportedSerialization,
        ));
    }
    let key = match block.label.as_str() {
        "RSA PRIVATE KEY" => {
            if !block.headers.is_empty() {
                return Err(CryptoError::Unsupported(
                    "legacy encrypted PEM keys are not supported yet".to_owned(),
                    crate::error::Reason::UnsupportedSerialization,
                ));
            }
            if password.is_some() {
                return Err(PyTypeError::new_err(
                    "Password was given but private key is not encrypted.",
                )
                .into());
            }
            PrivateKeyData::Rsa(oxicrypt_keys::rsa::parse_private(&block.der)?)
        }
        _ => parse_private_der(&block.der, password.as_ref().map(|p| p.as_bytes()))?,
    };
    private_key_object(py, key, !unsafe_skip_rsa_key_validation)
}

#[pyfunction]
#[pyo3(signature = (data, backend=None))]
pub fn load_der_public_key(
    py: Python<'_>,
    data: Buffer<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> CryptoResult<Py<PyAny>> {
    let _ = backend;
    // SubjectPublicKeyInfo, or a bare PKCS#1 RSAPublicKey as OpenSSL's d2i_PUBKEY callers
    // in the reference also accept.
    let key = match oxicrypt_keys::spki::parse(data.as_bytes()) {
        Ok(key) => key,
        Err(KeyError::Malformed(spki_error)) => {
            match oxicrypt_keys::rsa::parse_public(data.as_bytes()) {
                Ok(rsa) => PublicKeyData::Rsa(rsa),
                Err(_) => return Err(KeyError::Malformed(spki_error).into()),
            }
        }
        Err(other) => return Err(other.into()),
    };
    public_key_object(py, key)
}

#[pyfunction]
#[pyo3(signature = (data, backend=None))]
pub fn load_pem_public_key(
    py: Python<'_>,
    data: Buffer<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> CryptoResult<Py<PyAny>> {
    let _ = backend;
    let block =
        oxicrypt_keys::pem::find_block(data.as_bytes(), PUBLIC_LABELS).map_err(pem_error)?;
    let key = if block.label == "RSA PUBLIC KEY" {
        PublicKeyData::Rsa(oxicrypt_keys::rsa::parse_public(&block.der)?)
    } else {
        oxicrypt_keys::spki::parse(&block.der)?
    };
    public_key_object(py, key)
}
