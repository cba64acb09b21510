//! `load_{pem,der}_{private,public}_key`: containers are parsed by `oxicrypt-keys`, and
//! the key material is then handed to OpenSSL.

use oxicrypt_keys::{KeyError, PrivateKeyData, PublicKeyData};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

use crate::buf::Buffer;
use crate::error::{CryptoError, CryptoResult};
use crate::keys::{curves, dh, dsa, ec, rsa};
use oxicrypt_keys::key::CurveKind;

const PRIVATE_LABELS: &[&str] = &[
    "PRIVATE KEY",
    "ENCRYPTED PRIVATE KEY",
    "RSA PRIVATE KEY",
    "EC PRIVATE KEY",
    "DSA PRIVATE KEY",
];
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
            Py::new(py, ed25519::Ed25519PrivateKey::new(pkey))?.into_any()
        }
        PrivateKeyData::Ed448(raw) => {
            let pkey = curves::private_from_raw(CurveKind::Ed448, &raw)?;
            Py::new(py, ed448::Ed448PrivateKey::new(pkey))?.into_any()
        }
        PrivateKeyData::X25519(raw) => {
            let pkey = curves::private_from_raw(CurveKind::X25519, &raw)?;
            Py::new(py, x25519::X25519PrivateKey::new(pkey))?.into_any()
        }
        PrivateKeyData::X448(raw) => {
            let pkey = curves::private_from_raw(CurveKind::X448, &raw)?;
            Py::new(py, x448::X448PrivateKey::new(pkey))?.into_any()
        }
        PrivateKeyData::Rsa(key) => {
            let pkey = py.detach(|| rsa::private_key_from_components(&key, check_rsa))?;
            Py::new(py, rsa::RsaPrivateKey::new(pkey))?.into_any()
        }
        PrivateKeyData::Dsa(key) => {
            let pkey = dsa::private_key_from_container(&key)?;
            Py::new(py, dsa::DsaPrivateKey::new(pkey))?.into_any()
        }
        PrivateKeyData::Dh(key) => {
            dh::warn_deprecated(py)?;
            let pkey = dh::private_key_from_container(&key)?;
            Py::new(py, dh::DhPrivateKey { pkey })?.into_any()
        }
        PrivateKeyData::Ec(key) => {
            let name = ec::curve_name_for_container(&key.curve)?;
            ec::check_scalar_length(name, &key.scalar)?;
            let pkey = ec::private_key_from_scalar(
                name,
                &key.scalar,
                key.point.as_deref(),
                ec::RANGE_MESSAGE,
            )?;
            Py::new(py, ec::EcPrivateKey::new(py, pkey)?)?.into_any()
        }
        PrivateKeyData::Pq(kind, seed) => crate::keys::pq::private_key_object(py, kind, &seed)?,
    })
}

pub(crate) fn public_key_object(py: Python<'_>, key: PublicKeyData) -> CryptoResult<Py<PyAny>> {
    use crate::keys::curves::{ed25519, ed448, x25519, x448};
    Ok(match key {
        PublicKeyData::Ed25519(raw) => {
            let pkey = curves::public_from_raw(CurveKind::Ed25519, &raw)?;
            Py::new(py, ed25519::Ed25519PublicKey::new(pkey))?.into_any()
        }
        PublicKeyData::Ed448(raw) => {
            let pkey = curves::public_from_raw(CurveKind::Ed448, &raw)?;
            Py::new(py, ed448::Ed448PublicKey::new(pkey))?.into_any()
        }
        PublicKeyData::X25519(raw) => {
            let pkey = curves::public_from_raw(CurveKind::X25519, &raw)?;
            Py::new(py, x25519::X25519PublicKey::new(pkey))?.into_any()
        }
        PublicKeyData::X448(raw) => {
            let pkey = curves::public_from_raw(CurveKind::X448, &raw)?;
            Py::new(py, x448::X448PublicKey::new(pkey))?.into_any()
        }
        PublicKeyData::Rsa(key) => {
            let pkey = rsa::public_key_from_components(&key)?;
            Py::new(py, rsa::RsaPublicKey::new(pkey))?.into_any()
        }
        PublicKeyData::Dsa(key) => {
            let pkey = dsa::public_key_from_container(&key)?;
            Py::new(py, dsa::DsaPublicKey::new(pkey))?.into_any()
        }
        PublicKeyData::Dh(key) => {
            dh::warn_deprecated(py)?;
            let pkey = dh::public_key_from_container(&key)?;
            Py::new(py, dh::DhPublicKey { pkey })?.into_any()
        }
        PublicKeyData::Ec(key) => {
            let name = ec::curve_name_for_container(&key.curve)?;
            let pkey = ec::public_key_from_point(name, &key.point)?;
            Py::new(py, ec::EcPublicKey::new(py, pkey)?)?.into_any()
        }
        PublicKeyData::Pq(kind, raw) => crate::keys::pq::public_key_object(py, kind, &raw)?,
    })
}

fn password_given_error() -> CryptoError {
    PyTypeError::new_err("Password was given but private key is not encrypted.").into()
}

fn decrypt_error(e: oxicrypt_openssl::pbe::PbeError) -> CryptoError {
    use oxicrypt_openssl::pbe::PbeError;
    match e {
        PbeError::BadPassword => {
            PyValueError::new_err("Incorrect password, could not decrypt key").into()
        }
        PbeError::Invalid(key_error) => key_error.into(),
        PbeError::OpenSsl(stack) => stack.into(),
        other @ PbeError::Unsupported(_) => PyValueError::new_err(other.to_string()).into(),
    }
}

/// The password for an encrypted key; an empty one counts as none, as in the reference.
fn required_password(password: Option<&[u8]>) -> CryptoResult<&[u8]> {
    match password {
        Some(p) if !p.is_empty() => Ok(p),
        _ => Err(KeyError::PasswordRequired.into()),
    }
}

/// An EncryptedPrivateKeyInfo; an encryption scheme oxicrypt does not know is a
/// ValueError, as in the reference.
fn parse_encrypted(der: &[u8]) -> CryptoResult<oxicrypt_keys::pbes::EncryptedPrivateKeyInfo> {
    oxicrypt_keys::pbes::parse_encrypted(der).map_err(|e| match e {
        KeyError::UnsupportedAlgorithm(what) => {
            PyValueError::new_err(format!("Unknown key encryption algorithm: {what}")).into()
        }
        other => other.into(),
    })
}

/// Decrypts a DER EncryptedPrivateKeyInfo and parses the PKCS#8 key inside.
fn decrypt_pkcs8(
    py: Python<'_>,
    info: &oxicrypt_keys::pbes::EncryptedPrivateKeyInfo,
    password: Option<&[u8]>,
) -> CryptoResult<PrivateKeyData> {
    let password = required_password(password)?;
    // Key derivation is deliberately slow: let other threads run meanwhile.
    let der = py
        .detach(|| oxicrypt_openssl::pbe::decrypt_pkcs8(info, password))
        .map_err(decrypt_error)?;
    Ok(oxicrypt_keys::pkcs8::parse(&der)?)
}

/// A DER private key in any container oxicrypt reads: PKCS#8, encrypted PKCS#8, or the
/// traditional PKCS#1 RSA and SEC 1 EC forms (as OpenSSL's d2i_AutoPrivateKey tries).
/// When nothing fits, the PKCS#8 error is the one reported.
/// Returns the key and whether it was encrypted: an unneeded password is reported by the
/// caller only after the key itself proved valid, as the reference orders its errors.
fn parse_private_der(
    py: Python<'_>,
    der: &[u8],
    password: Option<&[u8]>,
) -> CryptoResult<(PrivateKeyData, bool)> {
    let pkcs8_error = match oxicrypt_keys::pkcs8::parse(der) {
        Ok(key) => return Ok((key, false)),
        Err(KeyError::Malformed(what)) => what,
        Err(other) => return Err(other.into()),
    };
    match parse_encrypted(der) {
        Ok(info) => return Ok((decrypt_pkcs8(py, &info, password)?, true)),
        // An EncryptedPrivateKeyInfo with a scheme oxicrypt does not know (a missing
        // password is reported first).
        Err(CryptoError::Py(e)) => {
            required_password(password)?;
            return Err(CryptoError::Py(e));
        }
        Err(_) => {}
    }
    let traditional = if let Ok(rsa) = oxicrypt_keys::rsa::parse_private(der) {
        PrivateKeyData::Rsa(rsa)
    } else if let Ok(ec) = oxicrypt_keys::ec::parse_private(der, None) {
        PrivateKeyData::Ec(ec)
    } else if let Ok(dsa) = oxicrypt_keys::dsa::parse_traditional(der) {
        PrivateKeyData::Dsa(dsa)
    } else {
        return Err(KeyError::Malformed(pkcs8_error).into());
    };
    Ok((traditional, false))
}

/// The DER inside a traditional PEM block ("RSA/EC/DSA PRIVATE KEY").
fn parse_traditional(label: &str, der: &[u8]) -> CryptoResult<(PrivateKeyData, bool)> {
    // Malformed data is reported before an unneeded password, as in the reference.
    let key = match label {
        "EC PRIVATE KEY" => PrivateKeyData::Ec(oxicrypt_keys::ec::parse_private(der, None)?),
        "DSA PRIVATE KEY" => PrivateKeyData::Dsa(oxicrypt_keys::dsa::parse_traditional(der)?),
        _ => PrivateKeyData::Rsa(oxicrypt_keys::rsa::parse_private(der)?),
    };
    Ok((key, false))
}

/// A PEM block with OpenSSL's legacy `Proc-Type`/`DEK-Info` encryption: decrypted with the
/// password, then read as its label says.
fn parse_legacy_encrypted_pem(
    py: Python<'_>,
    block: &oxicrypt_keys::pem::PemBlock,
    password: Option<&[u8]>,
) -> CryptoResult<(PrivateKeyData, bool)> {
    // A block marked encrypted needs a password before its DEK-Info is even looked at.
    // (As in the reference: only when it names a cipher; a missing or malformed DEK-Info is
    // reported as malformed data.)
    let marked_encrypted = block
        .headers
        .iter()
        .any(|(name, value)| name == "Proc-Type" && value.contains("ENCRYPTED"));
    let names_cipher = block
        .headers
        .iter()
        .any(|(name, value)| name == "DEK-Info" && value.contains(','));
    if marked_encrypted && names_cipher {
        required_password(password)?;
    }
    let Some(enc) = oxicrypt_keys::pbes::parse_dek_info(&block.headers)? else {
        // Headers that do not say "encrypted": read the block as if they were absent.
        return match block.label.as_str() {
            "RSA PRIVATE KEY" | "EC PRIVATE KEY" | "DSA PRIVATE KEY" => {
                parse_traditional(&block.label, &block.der)
            }
            _ => parse_private_der(py, &block.der, password),
        };
    };
    let password = required_password(password)?;
    let der = py
        .detach(|| oxicrypt_openssl::pbe::decrypt_legacy_pem(&enc, &block.der, password))
        .map_err(decrypt_error)?;
    let parsed = match block.label.as_str() {
        "EC PRIVATE KEY" => oxicrypt_keys::ec::parse_private(&der, None).map(PrivateKeyData::Ec),
        "RSA PRIVATE KEY" => oxicrypt_keys::rsa::parse_private(&der).map(PrivateKeyData::Rsa),
        "DSA PRIVATE KEY" => oxicrypt_keys::dsa::parse_traditional(&der).map(PrivateKeyData::Dsa),
        _ => oxicrypt_keys::pkcs8::parse(&der),
    };
    // A wrong password that happened to leave valid padding yields garbage, not a key.
    let key = parsed.map_err(|e| match e {
        KeyError::Malformed(_) => CryptoError::from(PyValueError::new_err(
            "Incorrect password, could not decrypt key",
        )),
        e => e.into(),
    })?;
    Ok((key, true))
}

/// Builds the key object, then reports a password given for an unencrypted key: the
/// key's own errors come first, as in the reference.
fn finish_private(
    py: Python<'_>,
    (key, encrypted): (PrivateKeyData, bool),
    password: Option<&[u8]>,
    check_rsa: bool,
) -> CryptoResult<Py<PyAny>> {
    // The reference's order: the curve of an EC key is looked up before the password is
    // judged, an RSA key is validated after.
    let unneeded_password = !encrypted && password.is_some();
    if unneeded_password && matches!(key, PrivateKeyData::Rsa(_)) {
        return Err(password_given_error());
    }
    let object = private_key_object(py, key, check_rsa)?;
    if unneeded_password {
        return Err(password_given_error());
    }
    Ok(object)
}

fn pem_error(e: KeyError, missing_label: &'static str) -> CryptoError {
    match e {
        KeyError::Malformed(what) => PyValueError::new_err(format!(
            "Unable to load PEM file: {what}. Check that the data is a PEM-encoded key \
             (-----BEGIN ...----- lines around base64)."
        ))
        .into(),
        KeyError::PemLabelNotFound(_) => PyValueError::new_err(missing_label).into(),
        other => other.into(),
    }
}

const NO_PRIVATE_KEY_LABEL: &str = "Valid PEM but no BEGIN/END delimiters for a private key \
     found. Are you sure this is a private key?";
const NO_PUBLIC_KEY_LABEL: &str = "Valid PEM but no BEGIN PUBLIC KEY/END PUBLIC KEY \
     delimiters. Are you sure this is a public key?";

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
    let password = password.as_ref().map(|p| p.as_bytes());
    let parsed = parse_private_der(py, data.as_bytes(), password)?;
    finish_private(py, parsed, password, !unsafe_skip_rsa_key_validation)
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
    let password = password.as_ref().map(|p| p.as_bytes());
    let block = oxicrypt_keys::pem::find_block(data.as_bytes(), PRIVATE_LABELS)
        .map_err(|e| pem_error(e, NO_PRIVATE_KEY_LABEL))?;
    let key = match block.label.as_str() {
        "ENCRYPTED PRIVATE KEY" => {
            // A missing password is reported before anything about the scheme.
            required_password(password)?;
            let info = parse_encrypted(&block.der)?;
            (decrypt_pkcs8(py, &info, password)?, true)
        }
        _ if !block.headers.is_empty() => parse_legacy_encrypted_pem(py, &block, password)?,
        "RSA PRIVATE KEY" | "EC PRIVATE KEY" | "DSA PRIVATE KEY" => {
            parse_traditional(&block.label, &block.der)?
        }
        _ => parse_private_der(py, &block.der, password)?,
    };
    finish_private(py, key, password, !unsafe_skip_rsa_key_validation)
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
    // Public keys come from the first PEM block only, as in the reference.
    let block = oxicrypt_keys::pem::first_block(data.as_bytes())
        .map_err(|e| pem_error(e, NO_PUBLIC_KEY_LABEL))?;
    if !PUBLIC_LABELS.contains(&block.label.as_str()) {
        return Err(PyValueError::new_err(NO_PUBLIC_KEY_LABEL).into());
    }
    // A mislabelled block (PKCS#1 under "PUBLIC KEY", SPKI under "RSA PUBLIC KEY") is
    // read as what it contains, as OpenSSL's PEM readers do.
    let key = if block.label == "RSA PUBLIC KEY" {
        match oxicrypt_keys::rsa::parse_public(&block.der) {
            Ok(rsa) => PublicKeyData::Rsa(rsa),
            // ...but only an RSA key: the label still says what kind of key it is.
            Err(pkcs1_error) => match oxicrypt_keys::spki::parse(&block.der) {
                Ok(rsa @ PublicKeyData::Rsa(_)) => rsa,
                _ => return Err(pkcs1_error.into()),
            },
        }
    } else {
        oxicrypt_keys::spki::parse(&block.der)?
    };
    public_key_object(py, key)
}

const PARAMETER_LABELS: &[&str] = &["DH PARAMETERS", "X9.42 DH PARAMETERS"];

#[pyfunction]
#[pyo3(signature = (data, backend=None))]
pub fn load_pem_parameters(
    py: Python<'_>,
    data: Buffer<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> CryptoResult<dh::DhParameters> {
    let _ = backend;
    let block = oxicrypt_keys::pem::find_block(data.as_bytes(), PARAMETER_LABELS).map_err(|e| {
        pem_error(
            e,
            "Valid PEM but no BEGIN DH PARAMETERS/END DH PARAMETERS delimiters. Are you sure \
             this is DH parameters?",
        )
    })?;
    dh::parameters_from_der(py, &block.der, Some(block.label == "X9.42 DH PARAMETERS"))
}

#[pyfunction]
#[pyo3(signature = (data, backend=None))]
pub fn load_der_parameters(
    py: Python<'_>,
    data: Buffer<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> CryptoResult<dh::DhParameters> {
    let _ = backend;
    dh::parameters_from_der(py, data.as_bytes(), None)
}
