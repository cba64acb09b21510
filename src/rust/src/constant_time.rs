//! `constant_time.bytes_eq`.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

#[pyfunction]
pub fn bytes_eq(a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<bool> {
    match (a.cast::<PyBytes>(), b.cast::<PyBytes>()) {
        (Ok(a), Ok(b)) => Ok(oxicrypt_openssl::constant_time::bytes_eq(
            a.as_bytes(),
            b.as_bytes(),
        )),
        _ => Err(PyTypeError::new_err("a and b must be bytes.")),
    }
}
