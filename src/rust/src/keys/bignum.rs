//! Python ints to and from OpenSSL BIGNUMs and big-endian magnitudes.

use openssl::bn::BigNumRef;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyInt};

/// The big-endian magnitude of a non-negative Python int (empty for 0).
pub fn int_to_magnitude(value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let int = value.cast::<PyInt>().map_err(|_| {
        PyTypeError::new_err(format!(
            "'{}' object is not an instance of 'int'",
            value
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        ))
    })?;
    if int.lt(0)? {
        return Err(PyValueError::new_err("Negative integers are not supported"));
    }
    let bits: usize = int.call_method0("bit_length")?.extract()?;
    int.call_method1("to_bytes", (bits.div_ceil(8), "big"))?
        .extract()
}

pub fn magnitude_to_int<'py>(py: Python<'py>, magnitude: &[u8]) -> PyResult<Bound<'py, PyInt>> {
    Ok(py
        .get_type::<PyInt>()
        .call_method1("from_bytes", (PyBytes::new(py, magnitude), "big"))?
        .cast_into::<PyInt>()?)
}

pub fn bn_to_int<'py>(py: Python<'py>, bn: &BigNumRef) -> PyResult<Bound<'py, PyInt>> {
    magnitude_to_int(py, &bn.to_vec())
}

/// The TypeError PyO3 gives when an argument is not of the `expected` class.
pub fn type_error(value: &Bound<'_, PyAny>, expected: &str) -> PyErr {
    if value.is_none() {
        return PyTypeError::new_err(format!("'None' is not an instance of '{expected}'"));
    }
    let name = value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    PyTypeError::new_err(format!(
        "'{name}' object is not an instance of '{expected}'"
    ))
}

/// `value` as a Python int, or the TypeError PyO3 gives for a wrong argument type.
pub fn int_arg(value: &Bound<'_, PyAny>) -> PyResult<Py<PyInt>> {
    Ok(value
        .cast::<PyInt>()
        .map_err(|_| type_error(value, "int"))?
        .clone()
        .unbind())
}

/// `value` as a Python int, or a TypeError with `message`.
pub fn require_int(value: &Bound<'_, PyAny>, message: &str) -> PyResult<Py<PyInt>> {
    Ok(value
        .cast::<PyInt>()
        .map_err(|_| PyTypeError::new_err(message.to_owned()))?
        .clone()
        .unbind())
}

/// Python `==` (not Rust's PartialEq on handles, which compares object identity).
pub fn py_eq<A, B>(a: &Bound<'_, A>, b: &Bound<'_, B>) -> PyResult<bool> {
    PyAnyMethods::eq(a.as_any(), b.as_any())
}

/// An OpenSSL BIGNUM from a non-negative Python int.
pub fn int_to_bn(value: &Bound<'_, PyAny>) -> PyResult<openssl::bn::BigNum> {
    openssl::bn::BigNum::from_slice(&int_to_magnitude(value)?)
        .map_err(|e| PyValueError::new_err(format!("integer too large: {e}")))
}

/// The bit length of a Python int.
pub fn bit_length(value: &Bound<'_, PyAny>) -> PyResult<usize> {
    value.call_method0("bit_length")?.extract()
}
