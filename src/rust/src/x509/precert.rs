//! Python face of the precertificate TBS reconstruction in oxicrypt-x509.

use pyo3::exceptions::PyValueError;
use pyo3::PyResult;

/// The error's detail alone is the message, as users match on it.
pub fn tbs_without_scts(tbs: &[u8]) -> PyResult<Vec<u8>> {
    oxicrypt_x509::precert::tbs_without_scts(tbs).map_err(|e| PyValueError::new_err(e.detail))
}
