//! `ObjectIdentifier`: a dotted-decimal OID, validated as DER can encode it.

use oxicrypt_keys::oids::Oid;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

#[pyclass(frozen, module = "oxicrypt._rust.oid", name = "ObjectIdentifier")]
pub struct ObjectIdentifier {
    pub(crate) oid: Oid,
}

impl ObjectIdentifier {
    pub fn from_oid(oid: Oid) -> ObjectIdentifier {
        ObjectIdentifier { oid }
    }
}

#[pymethods]
impl ObjectIdentifier {
    #[new]
    fn new(value: &str) -> PyResult<ObjectIdentifier> {
        let oid = oxicrypt_keys::oids::parse_dotted(value).ok_or_else(|| {
            PyValueError::new_err(format!("{value:?} is not a valid object identifier"))
        })?;
        Ok(ObjectIdentifier { oid })
    }

    #[getter]
    fn dotted_string(&self) -> String {
        self.oid.to_string()
    }

    /// The OID's name, from the table in `oxicrypt.hazmat._oid` (the names the
    /// reference reports), or "Unknown OID".
    #[getter]
    fn _name(slf: &Bound<'_, Self>) -> PyResult<String> {
        static NAMES: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        let py = slf.py();
        let names = NAMES.get_or_try_init(py, || {
            Ok::<_, PyErr>(
                py.import("oxicrypt.hazmat._oid")?
                    .getattr("_OID_NAMES")?
                    .unbind(),
            )
        })?;
        match names.bind(py).call_method1("get", (slf,))? {
            name if name.is_none() => Ok("Unknown OID".to_owned()),
            name => name.extract(),
        }
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<ObjectIdentifier>() {
            Ok(other) => self.oid == other.get().oid,
            Err(_) => false,
        }
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        // The encoded arcs identify the OID as well as the dotted text, without
        // formatting it on every dictionary lookup.
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.oid.hash(&mut hasher);
        hasher.finish()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        Ok(format!(
            "<ObjectIdentifier(oid={}, name={})>",
            slf.get().oid,
            Self::_name(slf)?
        ))
    }

    fn __copy__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __deepcopy__<'py>(slf: PyRef<'py, Self>, _memo: &Bound<'py, PyAny>) -> PyRef<'py, Self> {
        slf
    }
}
