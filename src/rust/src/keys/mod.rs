//! Asymmetric keys and their serialization.

pub mod bignum;
pub mod curves;
pub mod dh;
pub mod dsa;
pub mod ec;
pub mod load;
pub mod mldsa;
pub mod mlkem;
pub mod padding;
pub mod pq;
pub mod prepared;
pub mod rsa;
pub mod serialization;
pub mod signing;
pub mod ssh;

use pyo3::prelude::*;
use pyo3::types::PyBool;

/// The result of `__eq__`: a bool when the other object is comparable, otherwise
/// `NotImplemented`, so that Python asks the other object (as the reference does).
pub fn eq_result(py: Python<'_>, equal: Option<bool>) -> Py<PyAny> {
    match equal {
        Some(equal) => PyBool::new(py, equal).to_owned().into_any().unbind(),
        None => py.NotImplemented(),
    }
}
