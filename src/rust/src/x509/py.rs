//! Python objects the X.509 bindings build: classes of `oxicrypt.x509` (looked up once),
//! datetimes, OIDs and integers.

use oxicrypt_x509::X509Error;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyInt};

use crate::oid::ObjectIdentifier;

/// An attribute (class or function) of a module, with the module imported once.
fn module_attr<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyModule>>,
    module: &str,
    name: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let module = cell.get_or_try_init(py, || Ok::<_, PyErr>(py.import(module)?.unbind()))?;
    module.bind(py).getattr(name)
}

/// A class of `oxicrypt.x509` (extensions, names, general names, ...).
pub fn x509_attr<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    module_attr(py, &MODULE, "oxicrypt.x509", name)
}

/// A class of `oxicrypt.x509`, looked up once per call site: `x509_class!(py, "Name")`.
/// Parsing builds many objects; a module attribute lookup each time would cost more than
/// building some of them.
macro_rules! x509_class {
    ($py:expr, $name:literal) => {{
        static CELL: pyo3::sync::PyOnceLock<pyo3::Py<pyo3::PyAny>> = pyo3::sync::PyOnceLock::new();
        CELL.get_or_try_init($py, || {
            $crate::x509::py::x509_attr($py, $name).map(pyo3::Bound::unbind)
        })
        .map(|class| class.bind($py))
    }};
}
pub(crate) use x509_class;

/// A name of `oxicrypt.x509.certificate_transparency`.
pub fn ct_attr<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    module_attr(py, &MODULE, "oxicrypt.x509.certificate_transparency", name)
}

/// A name of `oxicrypt.x509.name` (`_ASN1Type`).
pub fn name_module_attr<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    module_attr(py, &MODULE, "oxicrypt.x509.name", name)
}

/// A name of `oxicrypt.hazmat.primitives.asymmetric.padding` / `ec` / `hashes`.
pub fn padding_attr<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    module_attr(
        py,
        &MODULE,
        "oxicrypt.hazmat.primitives.asymmetric.padding",
        name,
    )
}

pub fn ec_attr<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    module_attr(
        py,
        &MODULE,
        "oxicrypt.hazmat.primitives.asymmetric.ec",
        name,
    )
}

/// `datetime.datetime`, looked up once.
fn datetime_class(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static CLASS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    CLASS
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(py.import("datetime")?.getattr("datetime")?.unbind())
        })
        .map(|c| c.bind(py))
}

/// `datetime.timezone.utc`, looked up once.
fn utc(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static UTC: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    UTC.get_or_try_init(py, || {
        Ok::<_, PyErr>(
            py.import("datetime")?
                .getattr("timezone")?
                .getattr("utc")?
                .unbind(),
        )
    })
    .map(|c| c.bind(py))
}

/// A naive datetime (UTC implied), as the deprecated `not_valid_before` returns.
pub fn naive_datetime<'py>(py: Python<'py>, dt: &asn1::DateTime) -> PyResult<Bound<'py, PyAny>> {
    datetime_class(py)?.call1((
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second(),
    ))
}

/// An aware datetime in UTC.
pub fn utc_datetime<'py>(py: Python<'py>, dt: &asn1::DateTime) -> PyResult<Bound<'py, PyAny>> {
    datetime_class(py)?.call1((
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second(),
        0,
        utc(py)?,
    ))
}

pub fn oid<'py>(py: Python<'py>, oid: &asn1::ObjectIdentifier) -> PyResult<Bound<'py, PyAny>> {
    Ok(Bound::new(py, ObjectIdentifier::from_oid(oid.clone()))?.into_any())
}

/// A DER INTEGER's two's-complement bytes as a Python int.
pub fn signed_int<'py>(py: Python<'py>, twos_complement: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("signed", true)?;
    py.get_type::<PyInt>().call_method(
        "from_bytes",
        (PyBytes::new(py, twos_complement), "big"),
        Some(&kwargs),
    )
}

/// A non-negative DER INTEGER's bytes as a Python int.
pub fn unsigned_int<'py>(py: Python<'py>, magnitude: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    Ok(crate::keys::bignum::magnitude_to_int(py, magnitude)?.into_any())
}

/// Parse failures of X.509 structures are `ValueError`s naming the structure and field.
pub fn parse_error(e: X509Error) -> PyErr {
    PyValueError::new_err(e.to_string())
}

pub fn asn1_error(what: &str, e: asn1::ParseError) -> PyErr {
    parse_error(X509Error::asn1(what, e))
}

pub fn bool_object(py: Python<'_>, value: bool) -> Py<PyAny> {
    pyo3::types::PyBool::new(py, value)
        .to_owned()
        .into_any()
        .unbind()
}

/// A stable hash of DER bytes, for `__hash__` of objects equal when their DER is.
pub fn hash_bytes(der: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    der.hash(&mut hasher);
    hasher.finish()
}

/// Emits a `CryptographyDeprecationWarning` with `message`, attributed `stacklevel` frames
/// up (the reference's warnings about data it will refuse one day, or deprecated APIs).
pub fn deprecation_warning(
    py: Python<'_>,
    message: &std::ffi::CStr,
    stacklevel: i32,
) -> PyResult<()> {
    static CATEGORY: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let category = CATEGORY.get_or_try_init(py, || {
        Ok::<_, PyErr>(
            py.import("oxicrypt.utils")?
                .getattr("CryptographyDeprecationWarning")?
                .unbind(),
        )
    })?;
    PyErr::warn(py, category.bind(py), message, stacklevel)
}
