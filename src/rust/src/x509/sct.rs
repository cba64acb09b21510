//! SCT lists to `oxicrypt.x509.certificate_transparency.SignedCertificateTimestamp`s.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

use super::py::{ct_attr, parse_error};

/// Hash algorithms of TLS 1.2's HashAlgorithm registry (RFC 5246, section 7.4.1.4.1).
fn hash_name(code: u8) -> Option<&'static str> {
    Some(match code {
        1 => "MD5",
        2 => "SHA1",
        3 => "SHA224",
        4 => "SHA256",
        5 => "SHA384",
        6 => "SHA512",
        _ => return None,
    })
}

fn signature_name(code: u8) -> Option<&'static str> {
    Some(match code {
        // RFC 6962 SCTs are always signed: "anonymous" is refused like an unknown code.
        1 => "RSA",
        2 => "DSA",
        3 => "ECDSA",
        _ => return None,
    })
}

pub fn scts_list<'py>(
    py: Python<'py>,
    data: &[u8],
    entry_type: &str,
) -> PyResult<Bound<'py, PyList>> {
    let scts = oxicrypt_x509::sct::parse_list(data).map_err(parse_error)?;
    let hashes = py.import("oxicrypt.hazmat.primitives.hashes")?;
    let sct_class = ct_attr(py, "SignedCertificateTimestamp")?;
    let entry = ct_attr(py, "LogEntryType")?.getattr(entry_type)?;
    let version = ct_attr(py, "Version")?.getattr("v1")?;
    let utc = py.import("datetime")?.getattr("timezone")?.getattr("utc")?;
    let fromtimestamp = py
        .import("datetime")?
        .getattr("datetime")?
        .getattr("fromtimestamp")?;
    let list = PyList::empty(py);
    for sct in scts {
        let hash = match hash_name(sct.hash_algorithm) {
            Some(name) => hashes.getattr(name)?.call0()?,
            None => {
                return Err(PyValueError::new_err(format!(
                    "invalid SCT hash algorithm {}",
                    sct.hash_algorithm
                )))
            }
        };
        let signature_algorithm = match signature_name(sct.signature_algorithm) {
            Some(name) => ct_attr(py, "SignatureAlgorithm")?.getattr(name)?,
            None => {
                return Err(PyValueError::new_err(format!(
                    "invalid SCT signature algorithm {}",
                    sct.signature_algorithm
                )))
            }
        };
        // Naive UTC datetime with millisecond precision.
        let seconds = sct.timestamp / 1000;
        let micros = (sct.timestamp % 1000) * 1000;
        let timestamp = fromtimestamp
            .call1((seconds, &utc))?
            .call_method1("replace", ())?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("microsecond", micros)?;
        kwargs.set_item("tzinfo", py.None())?;
        let timestamp = timestamp.call_method("replace", (), Some(&kwargs))?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("version", &version)?;
        kwargs.set_item("log_id", PyBytes::new(py, sct.log_id))?;
        kwargs.set_item("timestamp", timestamp)?;
        kwargs.set_item("entry_type", &entry)?;
        kwargs.set_item("signature_hash_algorithm", hash)?;
        kwargs.set_item("signature_algorithm", signature_algorithm)?;
        kwargs.set_item("signature", PyBytes::new(py, sct.signature))?;
        kwargs.set_item("extension_bytes", PyBytes::new(py, sct.extensions))?;
        list.append(sct_class.call_method("_from_parts", (), Some(&kwargs))?)?;
    }
    Ok(list)
}
