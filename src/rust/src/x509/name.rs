//! Names (RFC 5280, section 4.1.2.4) to `oxicrypt.x509.Name` objects.

use oxicrypt_x509::name::{decode_string, string_tag, AttributeTypeValue, Name};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

use super::py::{name_module_attr, oid, x509_attr};

/// `x509.Name` for a parsed RDNSequence.
pub fn name_object<'py>(py: Python<'py>, name: &Name<'_>) -> PyResult<Bound<'py, PyAny>> {
    let rdns = PyList::empty(py);
    for rdn in name.clone() {
        rdns.append(rdn_object(py, rdn)?)?;
    }
    x509_attr(py, "Name")?.call1((rdns,))
}

/// `x509.RelativeDistinguishedName` for a SET OF AttributeTypeAndValue.
pub fn rdn_object<'py>(
    py: Python<'py>,
    rdn: asn1::SetOf<'_, AttributeTypeValue<'_>>,
) -> PyResult<Bound<'py, PyAny>> {
    let attributes = PyList::empty(py);
    for attribute in rdn {
        attributes.append(attribute_object(py, &attribute)?)?;
    }
    x509_attr(py, "RelativeDistinguishedName")?.call1((attributes,))
}

fn attribute_object<'py>(
    py: Python<'py>,
    attribute: &AttributeTypeValue<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    let tag = attribute.value.tag();
    let tag_number = tag.as_u8().map(u32::from).unwrap_or(u32::MAX);
    let data = attribute.value.data();
    let value: Bound<'py, PyAny> = if tag_number == string_tag::BIT_STRING {
        // X500UniqueIdentifier: the BIT STRING's contents as they are, unused-bits
        // octet included (what the reference reports, and what round-trips).
        PyBytes::new(py, data).into_any()
    } else {
        let text = decode_string(tag_number, data).ok_or_else(|| {
            PyValueError::new_err(format!(
                "name attribute {} is not valid for its string type (tag {tag_number})",
                attribute.type_id
            ))
        })?;
        text.into_pyobject(py)?.into_any()
    };
    let asn1_type = name_module_attr(py, "_ASN1Type")?.call1((tag_number,))?;
    let kwargs = PyDict::new(py);
    // Parsed names are reported as they are, even where the constructor's checks (the
    // country code length, for one) would refuse them.
    kwargs.set_item("_validate", false)?;
    x509_attr(py, "NameAttribute")?.call(
        (oid(py, &attribute.type_id)?, value, asn1_type),
        Some(&kwargs),
    )
}
