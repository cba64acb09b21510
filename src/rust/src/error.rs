//! The one place where Rust errors become Python exceptions.

use openssl::error::ErrorStack;
use oxicrypt_keys::KeyError;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyList;

pyo3::import_exception!(oxicrypt.exceptions, AlreadyFinalized);
pyo3::import_exception!(oxicrypt.exceptions, AlreadyUpdated);
pyo3::import_exception!(oxicrypt.exceptions, InvalidTag);
pyo3::import_exception!(oxicrypt.exceptions, NotYetFinalized);
pyo3::import_exception!(oxicrypt.exceptions, InternalError);
pyo3::import_exception!(oxicrypt.exceptions, InvalidSignature);
pyo3::import_exception!(oxicrypt.exceptions, UnsupportedAlgorithm);

/// Members of `oxicrypt.exceptions._Reasons` that Rust code reports.
#[derive(Clone, Copy, Debug)]
pub enum Reason {
    Hash,
    PublicKeyAlgorithm,
    Serialization,
    Padding,
    Mgf,
    EllipticCurve,
    ExchangeAlgorithm,
    Cipher,
    Mac,
}

impl Reason {
    fn member_name(self) -> &'static str {
        match self {
            Reason::Hash => "UNSUPPORTED_HASH",
            Reason::PublicKeyAlgorithm => "UNSUPPORTED_PUBLIC_KEY_ALGORITHM",
            Reason::Serialization => "UNSUPPORTED_SERIALIZATION",
            Reason::Padding => "UNSUPPORTED_PADDING",
            Reason::Mgf => "UNSUPPORTED_MGF",
            Reason::EllipticCurve => "UNSUPPORTED_ELLIPTIC_CURVE",
            Reason::ExchangeAlgorithm => "UNSUPPORTED_EXCHANGE_ALGORITHM",
            Reason::Cipher => "UNSUPPORTED_CIPHER",
            Reason::Mac => "UNSUPPORTED_MAC",
        }
    }
}

#[derive(Debug)]
pub enum CryptoError {
    /// An exception already raised by Python code or by argument conversion.
    Py(PyErr),
    /// OpenSSL failed where it should not: reported as `InternalError` with its stack.
    OpenSsl(ErrorStack),
    AlreadyFinalized(&'static str),
    /// Associated data given after the data it must precede.
    AlreadyUpdated(&'static str),
    /// A value that only exists after finalization was asked for too early.
    NotYetFinalized(&'static str),
    /// An authentication tag did not match (no message, as in the reference).
    InvalidTag,
    InvalidSignature(&'static str),
    Unsupported(String, Reason),
    /// A key container could not be read.
    Key(KeyError),
}

pub type CryptoResult<T> = Result<T, CryptoError>;

impl CryptoError {
    /// A `ValueError` with `msg`: the usual answer to bad input.
    pub fn value(msg: &str) -> CryptoError {
        CryptoError::Py(PyValueError::new_err(msg.to_owned()))
    }
}

impl From<PyErr> for CryptoError {
    fn from(e: PyErr) -> Self {
        CryptoError::Py(e)
    }
}

impl From<KeyError> for CryptoError {
    fn from(e: KeyError) -> Self {
        CryptoError::Key(e)
    }
}

impl From<ErrorStack> for CryptoError {
    fn from(e: ErrorStack) -> Self {
        CryptoError::OpenSsl(e)
    }
}

impl From<CryptoError> for PyErr {
    fn from(e: CryptoError) -> PyErr {
        match e {
            CryptoError::Py(e) => e,
            CryptoError::AlreadyFinalized(msg) => AlreadyFinalized::new_err(msg),
            CryptoError::AlreadyUpdated(msg) => AlreadyUpdated::new_err(msg),
            CryptoError::NotYetFinalized(msg) => NotYetFinalized::new_err(msg),
            CryptoError::InvalidTag => InvalidTag::new_err(()),
            CryptoError::InvalidSignature("") => InvalidSignature::new_err(()),
            CryptoError::InvalidSignature(msg) => InvalidSignature::new_err(msg),
            CryptoError::Key(KeyError::Malformed(what)) => PyValueError::new_err(format!(
                "Could not deserialize key data: {what}. The data may be in an incorrect \
                 format, damaged, or encrypted with an unsupported algorithm."
            )),
            CryptoError::Key(KeyError::UnsupportedAlgorithm(what)) => CryptoError::Unsupported(
                format!("Unsupported key type: {what}"),
                Reason::PublicKeyAlgorithm,
            )
            .into(),
            CryptoError::Key(e @ KeyError::PemLabelNotFound(_)) => {
                PyValueError::new_err(format!("Could not deserialize key data: {e}"))
            }
            CryptoError::Key(KeyError::PasswordRequired) => {
                PyTypeError::new_err("Password was not given but private key is encrypted")
            }
            CryptoError::Unsupported(msg, reason) => Python::attach(|py| {
                match reasons(py).and_then(|r| r.getattr(reason.member_name())) {
                    Ok(reason) => UnsupportedAlgorithm::new_err((msg, reason.unbind())),
                    Err(e) => e,
                }
            }),
            CryptoError::OpenSsl(stack) => Python::attach(|py| {
                let errors: Vec<OpenSSLError> = stack
                    .errors()
                    .iter()
                    .map(|e| OpenSSLError {
                        lib: e.library_code(),
                        reason: e.reason_code(),
                        reason_text: e.to_string(),
                    })
                    .collect();
                match PyList::new(py, errors) {
                    Ok(list) => InternalError::new_err((
                        "Unknown OpenSSL error. This error is commonly encountered when another \
                         library is not cleaning up the OpenSSL error stack. Please file an \
                         issue with oxicrypt, including the output of \
                         oxicrypt.hazmat.backends.default_backend().openssl_version_text().",
                        list.unbind(),
                    )),
                    Err(e) => e,
                }
            }),
        }
    }
}

fn reasons(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    static REASONS: pyo3::sync::PyOnceLock<Py<PyAny>> = pyo3::sync::PyOnceLock::new();
    REASONS
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(
                py.import("oxicrypt.exceptions")?
                    .getattr("_Reasons")?
                    .unbind(),
            )
        })
        .map(|r| r.bind(py).clone())
}

/// One entry of OpenSSL's error queue, as carried by `InternalError.err_code`.
#[pyclass(frozen, module = "oxicrypt._rust.openssl")]
pub struct OpenSSLError {
    lib: i32,
    reason: i32,
    reason_text: String,
}

#[pymethods]
impl OpenSSLError {
    #[getter]
    fn lib(&self) -> i32 {
        self.lib
    }

    #[getter]
    fn reason(&self) -> i32 {
        self.reason
    }

    #[getter]
    fn reason_text(&self) -> &str {
        &self.reason_text
    }

    fn __repr__(&self) -> String {
        format!(
            "<OpenSSLError(lib={}, reason={}, reason_text={})>",
            self.lib, self.reason, self.reason_text
        )
    }
}
