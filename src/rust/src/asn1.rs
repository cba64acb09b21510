//! `asymmetric.utils.encode_dss_signature` / `decode_dss_signature`: Python ints to and
//! from the DER `Dss-Sig-Value`, parsed in oxicrypt-keys.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyInt, PyTuple};

use crate::error::CryptoResult;

/// DER INTEGER contents of a non-negative Python int.
fn int_to_der_contents(value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
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
    // One extra bit for the sign: a set top bit gets a leading zero byte, and 0 is one byte.
    let bits: usize = int.call_method0("bit_length")?.extract()?;
    int.call_method1("to_bytes", (bits / 8 + 1, "big"))?
        .extract()
}

fn der_contents_to_int<'py>(py: Python<'py>, bytes: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    py.get_type::<PyInt>()
        .call_method1("from_bytes", (PyBytes::new(py, bytes), "big"))
}

#[pyfunction]
pub fn encode_dss_signature<'py>(
    py: Python<'py>,
    r: &Bound<'py, PyAny>,
    s: &Bound<'py, PyAny>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let der = oxicrypt_keys::dss::write(&int_to_der_contents(r)?, &int_to_der_contents(s)?)?;
    Ok(PyBytes::new(py, &der))
}

#[pyfunction]
pub fn decode_dss_signature<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyBytes>,
) -> CryptoResult<Bound<'py, PyTuple>> {
    let (r, s) = oxicrypt_keys::dss::parse(data.as_bytes()).map_err(|e| match e {
        oxicrypt_keys::KeyError::Malformed(what) => PyValueError::new_err(what),
        other => PyValueError::new_err(other.to_string()),
    })?;
    Ok(PyTuple::new(
        py,
        [der_contents_to_int(py, &r)?, der_contents_to_int(py, &s)?],
    )?)
}
