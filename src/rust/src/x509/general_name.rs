//! GeneralName values to the classes of `oxicrypt.x509.general_name`.

use oxicrypt_x509::general_name::{GeneralName, GeneralNames};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

use super::name::name_object;
use super::py::{oid, x509_class};

pub fn general_name_object<'py>(
    py: Python<'py>,
    name: &GeneralName<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    match name {
        GeneralName::OtherName(other) => x509_class!(py, "OtherName")?.call1((
            oid(py, &other.type_id)?,
            PyBytes::new(py, other.value.full_data()),
        )),
        GeneralName::Rfc822Name(s) => unvalidated(x509_class!(py, "RFC822Name")?, s.0),
        GeneralName::DnsName(s) => unvalidated(x509_class!(py, "DNSName")?, s.0),
        GeneralName::UniformResourceIdentifier(s) => {
            unvalidated(x509_class!(py, "UniformResourceIdentifier")?, s.0)
        }
        GeneralName::DirectoryName(n) => {
            x509_class!(py, "DirectoryName")?.call1((name_object(py, n)?,))
        }
        GeneralName::RegisteredId(o) => x509_class!(py, "RegisteredID")?.call1((oid(py, o)?,)),
        GeneralName::IpAddress(bytes) => ip_address(py, bytes),
        GeneralName::X400Address(_) => unsupported(py, "x400Address", 3),
        GeneralName::EdiPartyName(_) => unsupported(py, "EDIPartyName", 5),
    }
}

/// A string-valued name built without the constructor's checks: what the certificate
/// says is reported as it is (the reference does the same with `_init_without_validation`).
fn unvalidated<'py>(class: &Bound<'py, PyAny>, value: &str) -> PyResult<Bound<'py, PyAny>> {
    class.call_method1(
        pyo3::intern!(class.py(), "_init_without_validation"),
        (value,),
    )
}

fn unsupported<'py>(py: Python<'py>, what: &str, tag: u32) -> PyResult<Bound<'py, PyAny>> {
    let error = x509_class!(py, "UnsupportedGeneralNameType")?
        .call1((format!("{what} is not supported"), tag))?;
    Err(PyErr::from_value(error))
}

/// An iPAddress: 4 or 16 bytes are an address; 8 or 32 (address then mask) a network,
/// as in name constraints.
fn ip_address<'py>(py: Python<'py>, bytes: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    let ipaddress = py.import("ipaddress")?;
    let value = match bytes.len() {
        4 | 16 => ipaddress.call_method1("ip_address", (PyBytes::new(py, bytes),))?,
        8 | 32 => {
            let half = bytes.len() / 2;
            let (address, mask) = bytes.split_at(half);
            let prefix = mask_prefix(mask).ok_or_else(|| {
                PyValueError::new_err("Invalid netmask in IP address network constraint")
            })?;
            let address = ipaddress.call_method1("ip_address", (PyBytes::new(py, address),))?;
            ipaddress.call_method1("ip_network", (format!("{}/{prefix}", address.str()?),))?
        }
        n => {
            return Err(PyValueError::new_err(format!(
                "Invalid IPAddress length {n}: must be 4 or 16 bytes (or 8 or 32 for a network)"
            )))
        }
    };
    x509_class!(py, "IPAddress")?.call1((value,))
}

/// The prefix length of a netmask of contiguous leading ones, if it is one.
fn mask_prefix(mask: &[u8]) -> Option<u32> {
    let mut prefix = 0;
    let mut seen_zero = false;
    for byte in mask {
        for bit in (0..8).rev() {
            if byte >> bit & 1 == 1 {
                if seen_zero {
                    return None;
                }
                prefix += 1;
            } else {
                seen_zero = true;
            }
        }
    }
    Some(prefix)
}

pub fn general_names_list<'py>(
    py: Python<'py>,
    names: &GeneralNames<'_>,
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for name in names.clone() {
        list.append(general_name_object(py, &name)?)?;
    }
    Ok(list)
}
