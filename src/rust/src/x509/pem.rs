//! PEM framing of certificates, requests and CRLs.

use pyo3::exceptions::PyValueError;
use pyo3::PyResult;

pub const CERTIFICATE_LABELS: &[&str] = &["CERTIFICATE", "X509 CERTIFICATE"];
pub const CSR_LABELS: &[&str] = &["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"];
pub const CRL_LABELS: &[&str] = &["X509 CRL"];

/// The contents of every block labelled with one of `labels`, in order.
pub fn der_blocks(data: &[u8], labels: &[&str]) -> PyResult<Vec<Vec<u8>>> {
    let blocks = oxicrypt_x509::pem::blocks(data)
        .map_err(|e| PyValueError::new_err(format!("Unable to load PEM file: {e}")))?;
    Ok(blocks
        .into_iter()
        .filter(|(label, _)| labels.contains(&label.as_str()))
        .map(|(_, der)| der)
        .collect())
}

/// The first block labelled with one of `labels`.
pub fn first_der_block(data: &[u8], labels: &[&str], what: &str) -> PyResult<Vec<u8>> {
    let all = oxicrypt_x509::pem::blocks(data)
        .map_err(|e| PyValueError::new_err(format!("Unable to load PEM file: {e}")))?;
    if all.is_empty() {
        return Err(PyValueError::new_err(
            "Unable to load PEM file: no PEM block (-----BEGIN ...-----) found",
        ));
    }
    all.into_iter()
        .find(|(label, _)| labels.contains(&label.as_str()))
        .map(|(_, der)| der)
        .ok_or_else(|| {
            PyValueError::new_err(format!(
                "Valid PEM but no BEGIN {label}/END {label} delimiters. Are you sure this is a {what}?",
                label = labels.first().copied().unwrap_or_default()
            ))
        })
}
