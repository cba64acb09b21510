//! Names (RFC 5280, section 4.1.2.4) to `oxicrypt.x509.Name` objects.

use oxicrypt_x509::name::{decode_string, string_tag, AttributeTypeValue, Name};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyList, PyTuple};

use super::py::{name_module_attr, oid};

/// `x509.Name` for a parsed RDNSequence, built in one call to `Name._from_parsed` with
/// (oid, value, tag number) per attribute: parsed values need none of the constructors'
/// type checks, and one Python call per name instead of one per object keeps loading fast.
pub fn name_object<'py>(py: Python<'py>, name: &Name<'_>) -> PyResult<Bound<'py, PyAny>> {
    static FROM_PARSED: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let rdns = PyList::empty(py);
    for rdn in name.clone() {
        rdns.append(rdn_attributes(py, rdn)?)?;
    }
    let from_parsed = FROM_PARSED.get_or_try_init(py, || {
        Ok::<_, PyErr>(
            name_module_attr(py, "Name")?
                .getattr("_from_parsed")?
                .unbind(),
        )
    })?;
    from_parsed.bind(py).call1((rdns,))
}

/// `x509.RelativeDistinguishedName` for a SET OF AttributeTypeAndValue (the relative
/// form of a distribution point name).
pub fn rdn_object<'py>(
    py: Python<'py>,
    rdn: asn1::SetOf<'_, AttributeTypeValue<'_>>,
) -> PyResult<Bound<'py, PyAny>> {
    let attributes = rdn_attributes(py, rdn)?;
    name_module_attr(py, "RelativeDistinguishedName")?.call_method1("_from_parsed", (attributes,))
}

fn rdn_attributes<'py>(
    py: Python<'py>,
    rdn: asn1::SetOf<'_, AttributeTypeValue<'_>>,
) -> PyResult<Bound<'py, PyList>> {
    let attributes = PyList::empty(py);
    for attribute in rdn {
        attributes.append(attribute_tuple(py, &attribute)?)?;
    }
    Ok(attributes)
}

fn attribute_tuple<'py>(
    py: Python<'py>,
    attribute: &AttributeTypeValue<'_>,
) -> PyResult<Bound<'py, PyTuple>> {
    let tag = attribute.value.tag();
    let tag_number = tag.as_u8().map(u32::from).ok_or_else(|| {
        PyValueError::new_err(format!(
            "name attribute {} has a value with a long-form tag",
            attribute.type_id
        ))
    })?;
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
    PyTuple::new(
        py,
        [
            oid(py, &attribute.type_id)?,
            value,
            tag_number.into_pyobject(py)?.into_any(),
        ],
    )
}
