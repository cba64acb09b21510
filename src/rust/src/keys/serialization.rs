//! The serialization enums (`Encoding`, `PrivateFormat`, `PublicFormat`,
//! `ParameterFormat`) and the rules that map a requested (encoding, format, encryption)
//! to one concrete output, shared by every key type.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyType};

use crate::error::{CryptoError, CryptoResult};

#[allow(clippy::upper_case_acronyms)]
#[pyclass(
    frozen,
    from_py_object,
    module = "oxicrypt.hazmat.primitives._serialization"
)]
// Each enum's doc starts with "Name()\n--\n": CPython reads that as the class's
// __text_signature__, so inspect.signature() shows "()" as for the reference.
/// Encoding()
/// --
///
/// How serialized key bytes are framed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    PEM,
    DER,
    OpenSSH,
    Raw,
    X962,
    SMIME,
}

#[pyclass(
    frozen,
    from_py_object,
    module = "oxicrypt.hazmat.primitives._serialization"
)]
/// PrivateFormat()
/// --
///
/// The container a private key is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PrivateFormat {
    PKCS8,
    TraditionalOpenSSL,
    Raw,
    OpenSSH,
    PKCS12,
}

/// Members compare equal only to themselves (not to their int values, unlike a default
/// PyO3 enum) and hash by identity of member, as in the reference.
macro_rules! member_comparisons {
    ($enum:ty { $($extra:tt)* }) => {
        #[pymethods]
        impl $enum {
            fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> Py<PyAny> {
                let equal = other.cast::<$enum>().ok().map(|o| o.get() == self);
                crate::keys::eq_result(py, equal)
            }

            fn __hash__(&self) -> u64 {
                use std::hash::{Hash, Hasher};
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                (stringify!($enum), *self as u8).hash(&mut hasher);
                hasher.finish()
            }

            $($extra)*
        }
    };
}

member_comparisons!(Encoding {});
member_comparisons!(PublicFormat {});
member_comparisons!(ParameterFormat {});
member_comparisons!(PrivateFormat {
    /// A builder for encryption with chosen parameters (KDF rounds, MAC hash, PBES
    /// algorithm); only the OpenSSH and PKCS#12 formats take them.
    fn encryption_builder(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
        let py = slf.py();
        match slf.get() {
            PrivateFormat::OpenSSH | PrivateFormat::PKCS12 => Ok(serialization_class(
                py,
                "KeySerializationEncryptionBuilder",
            )?
            .call1((slf,))?
            .unbind()),
            _ => Err(PyValueError::new_err(
                "encryption_builder only supported with PrivateFormat.OpenSSH and \
                 PrivateFormat.PKCS12",
            )),
        }
    }
});

#[pyclass(
    frozen,
    from_py_object,
    module = "oxicrypt.hazmat.primitives._serialization"
)]
/// PublicFormat()
/// --
///
/// The container a public key is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PublicFormat {
    SubjectPublicKeyInfo,
    PKCS1,
    OpenSSH,
    Raw,
    CompressedPoint,
    UncompressedPoint,
}

#[pyclass(
    frozen,
    from_py_object,
    module = "oxicrypt.hazmat.primitives._serialization"
)]
/// ParameterFormat()
/// --
///
/// The container of key-exchange parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParameterFormat {
    PKCS3,
}

fn serialization_class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    static MODULE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    MODULE
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(
                py.import("oxicrypt.hazmat.primitives._serialization")?
                    .into_any()
                    .unbind(),
            )
        })?
        .bind(py)
        .getattr(name)
}

fn is_instance_of(obj: &Bound<'_, PyAny>, class: &str) -> PyResult<bool> {
    let cls = serialization_class(obj.py(), class)?;
    obj.is_instance(cls.cast::<PyType>()?)
}

/// What a `KeySerializationEncryption` object asks for.
pub enum Encryption {
    None,
    /// `BestAvailableEncryption(password)`: oxicrypt's strongest scheme for the format.
    Best(Vec<u8>),
    /// `format.encryption_builder()...build(password)`: parameters chosen by the caller
    /// for the OpenSSH or PKCS#12 formats. Only the OpenSSH format's KDF rounds are read
    /// here (`None` when the builder left them unset).
    Custom {
        password: Vec<u8>,
        kdf_rounds: Option<u32>,
    },
}

impl Encryption {
    pub fn from_py(obj: &Bound<'_, PyAny>, format: PrivateFormat) -> PyResult<Encryption> {
        if is_instance_of(obj, "NoEncryption")? {
            return Ok(Encryption::None);
        }
        if is_instance_of(obj, "BestAvailableEncryption")? {
            let password: Vec<u8> = obj.getattr("password")?.extract()?;
            return Ok(Encryption::Best(password));
        }
        if is_instance_of(obj, "_KeySerializationEncryption")? {
            let wanted = obj.getattr("_format")?;
            let wanted = wanted.cast::<PrivateFormat>()?.get();
            if *wanted != format {
                // Parameters chosen for one format mean nothing to another.
                return Err(PyValueError::new_err("Unsupported encryption type"));
            }
            let password: Vec<u8> = obj.getattr("password")?.extract()?;
            let kdf_rounds: Option<u32> = obj.getattr("_kdf_rounds")?.extract()?;
            return Ok(Encryption::Custom {
                password,
                kdf_rounds,
            });
        }
        if is_instance_of(obj, "KeySerializationEncryption")? {
            return Err(PyValueError::new_err("Unsupported encryption type"));
        }
        Err(PyTypeError::new_err(
            "Encryption algorithm must be a KeySerializationEncryption instance",
        ))
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Encryption::None)
    }
}

/// Checks the rules every key type shares for `private_bytes` and returns the parsed
/// encryption request. Raw is only valid as Raw/Raw/NoEncryption, and OpenSSH needs PEM.
/// The order of the checks (which error a request with several faults gets) is the
/// reference's.
/// `raw_keys` says whether the key type has a Raw form at all (the RFC 8410 curves): only
/// those apply the Raw pairing rule; for the others a Raw request is simply a format or
/// encoding the key does not support, reported as such by the key.
pub fn check_private_request(
    encoding: Encoding,
    format: PrivateFormat,
    encryption: &Bound<'_, PyAny>,
    raw_keys: bool,
) -> PyResult<Encryption> {
    // Not an encryption object at all is reported at once; an encryption this format
    // cannot use ("Unsupported encryption type", a ValueError) only after the Raw and
    // OpenSSH rules, as the reference does.
    let parsed = Encryption::from_py(encryption, format);
    let enc = match parsed {
        Err(e) if !e.is_instance_of::<PyValueError>(encryption.py()) => return Err(e),
        other => other,
    };
    let is_none = enc.as_ref().is_ok_and(Encryption::is_none);
    if raw_keys && (encoding == Encoding::Raw || format == PrivateFormat::Raw) {
        if encoding != Encoding::Raw || format != PrivateFormat::Raw || !is_none {
            return Err(PyValueError::new_err(
                "When using Raw both encoding and format must be Raw and \
                 encryption_algorithm must be NoEncryption()",
            ));
        }
        return enc;
    }
    let enc = enc?;
    if format == PrivateFormat::OpenSSH && encoding != Encoding::PEM {
        return Err(PyValueError::new_err(
            "OpenSSH private key format can only be used with PEM encoding",
        ));
    }
    // The encoding is checked when the container is encoded, after the key has checked
    // the format: an invalid format is reported before an invalid encoding.
    Ok(enc)
}

/// Checks the rules every key type shares for `public_bytes`; `raw_keys` as for
/// [`check_private_request`].
pub fn check_public_request(
    encoding: Encoding,
    format: PublicFormat,
    raw_keys: bool,
) -> PyResult<()> {
    if raw_keys && (encoding == Encoding::Raw || format == PublicFormat::Raw) {
        if encoding != Encoding::Raw || format != PublicFormat::Raw {
            return Err(PyValueError::new_err(
                "When using Raw both encoding and format must be Raw",
            ));
        }
        return Ok(());
    }
    // SubjectPublicKeyInfo needs PEM or DER whatever else is asked (as in the reference,
    // this comes before the OpenSSH pairing).
    if format == PublicFormat::SubjectPublicKeyInfo
        && encoding != Encoding::PEM
        && encoding != Encoding::DER
    {
        return Err(PyTypeError::new_err(
            "encoding must be Encoding.DER or Encoding.PEM",
        ));
    }
    // The OpenSSH format needs the OpenSSH encoding. The OpenSSH encoding with another
    // format is left to the key type, which says the format is invalid for it.
    if format == PublicFormat::OpenSSH && encoding != Encoding::OpenSSH {
        return Err(PyValueError::new_err(
            "OpenSSH format must be used with OpenSSH encoding",
        ));
    }
    Ok(())
}

/// DER as is, or wrapped in a PEM block with `label`.
pub fn der_or_pem<'py>(
    py: Python<'py>,
    encoding: Encoding,
    label: &str,
    der: &[u8],
) -> PyResult<Bound<'py, PyBytes>> {
    match encoding {
        Encoding::DER => Ok(PyBytes::new(py, der)),
        Encoding::PEM => Ok(PyBytes::new(
            py,
            oxicrypt_keys::pem::encode(label, der).as_bytes(),
        )),
        _ => Err(PyTypeError::new_err(
            "encoding must be Encoding.DER or Encoding.PEM",
        )),
    }
}

/// A private key written in a container, before encoding and encryption.
pub enum PrivateDer {
    /// A PKCS#8 PrivateKeyInfo.
    Pkcs8(Vec<u8>),
    /// A traditional OpenSSL container (PKCS#1 RSA, SEC 1 EC, ...) and its PEM label.
    Traditional { label: &'static str, der: Vec<u8> },
}

fn pbe_error(e: oxicrypt_openssl::pbe::PbeError) -> CryptoError {
    match e {
        oxicrypt_openssl::pbe::PbeError::OpenSsl(stack) => stack.into(),
        other => PyValueError::new_err(other.to_string()).into(),
    }
}

/// Encodes (PEM or DER) and, as asked, encrypts a private key container: PKCS#8 becomes an
/// EncryptedPrivateKeyInfo (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC); a traditional PEM
/// key gets OpenSSL's legacy `Proc-Type`/`DEK-Info` encryption with AES-256-CBC.
pub fn encode_private<'py>(
    py: Python<'py>,
    encoding: Encoding,
    container: PrivateDer,
    encryption: Encryption,
) -> CryptoResult<Bound<'py, PyBytes>> {
    // The traditional formats exist only as PEM or DER: any other encoding makes the
    // request one for a format this key does not have (the reference's ValueError), where
    // PKCS#8 with another encoding is a wrong encoding (TypeError, in der_or_pem).
    if matches!(container, PrivateDer::Traditional { .. })
        && encoding != Encoding::PEM
        && encoding != Encoding::DER
    {
        return Err(PyValueError::new_err("format is invalid with this key").into());
    }
    // As in the reference, whose PEM password callback takes at most 1023 bytes; other
    // tools reading the key are as limited.
    if let Encryption::Best(password) = &encryption {
        if password.len() > 1023 {
            return Err(PyValueError::new_err(
                "Passwords longer than 1023 bytes are not supported by this backend",
            )
            .into());
        }
    }
    match (container, encryption) {
        (PrivateDer::Pkcs8(der), Encryption::None) => {
            Ok(der_or_pem(py, encoding, "PRIVATE KEY", &der)?)
        }
        (PrivateDer::Pkcs8(der), Encryption::Best(password)) => {
            let encrypted = py
                .detach(|| {
                    oxicrypt_openssl::pbe::encrypt_pkcs8(
                        &der,
                        &password,
                        oxicrypt_openssl::pbe::DEFAULT_PBKDF2_ITERATIONS,
                    )
                })
                .map_err(pbe_error)?;
            Ok(der_or_pem(
                py,
                encoding,
                "ENCRYPTED PRIVATE KEY",
                &encrypted,
            )?)
        }
        (PrivateDer::Traditional { label, der }, Encryption::None) => {
            Ok(der_or_pem(py, encoding, label, &der)?)
        }
        (PrivateDer::Traditional { .. }, Encryption::Best(_)) if encoding == Encoding::DER => {
            Err(PyValueError::new_err(
                "Encryption is not supported for DER encoded traditional OpenSSL keys",
            )
            .into())
        }
        (PrivateDer::Traditional { label, der }, Encryption::Best(password)) => {
            let cipher = oxicrypt_keys::pbes::BlockCipher::Aes256Cbc;
            let (enc, encrypted) =
                oxicrypt_openssl::pbe::encrypt_legacy_pem(&der, &password, cipher)
                    .map_err(pbe_error)?;
            let pem = oxicrypt_keys::pbes::encode_legacy_pem(label, &enc, &encrypted);
            Ok(PyBytes::new(py, pem.as_bytes()))
        }
        (_, Encryption::Custom { .. }) => {
            Err(PyValueError::new_err("Unsupported encryption type").into())
        }
    }
}
