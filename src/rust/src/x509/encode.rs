//! `encode_name`: a Python `x509.Name` to DER, for `Name.public_bytes()`.

use oxicrypt_x509::name::{encode, string_tag, AttributeToEncode};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use super::py::parse_error;
use crate::oid::ObjectIdentifier;

/// The content octets of `value` in the string type `tag`.
fn content(value: &Bound<'_, PyAny>, tag: u8) -> PyResult<Vec<u8>> {
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(bytes.as_bytes().to_vec());
    }
    if !value.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "name attribute values must be str or bytes",
        ));
    }
    let text: String = value.extract()?;
    let text = text.as_str();
    Ok(match u32::from(tag) {
        string_tag::BMP_STRING => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        string_tag::UNIVERSAL_STRING => text
            .chars()
            .flat_map(|c| u32::from(c).to_be_bytes())
            .collect(),
        _ => text.as_bytes().to_vec(),
    })
}

/// An `ObjectIdentifier` argument as the asn1 crate's OID.
pub fn oid_of(value: &Bound<'_, PyAny>, what: &str) -> PyResult<asn1::ObjectIdentifier> {
    Ok(value
        .cast::<ObjectIdentifier>()
        .map_err(|_| PyTypeError::new_err(format!("{what} must be an ObjectIdentifier")))?
        .get()
        .oid
        .clone())
}

/// The attributes of a Python `RelativeDistinguishedName` (or any iterable of
/// `NameAttribute`), ready to encode.
pub fn rdn_to_encode(rdn: &Bound<'_, PyAny>) -> PyResult<Vec<AttributeToEncode>> {
    let mut attributes = Vec::new();
    let py = rdn.py();
    for attribute in rdn.try_iter()? {
        let attribute = attribute?;
        let oid = oid_of(&attribute.getattr(intern!(py, "oid"))?, "attribute oid")?;
        // `_value_` is what the enum's `value` property returns, without the property call.
        let tag: u8 = attribute
            .getattr(intern!(py, "_type"))?
            .getattr(intern!(py, "_value_"))?
            .extract()
            .map_err(|_| PyValueError::new_err("unsupported name attribute type"))?;
        let value = attribute.getattr(intern!(py, "value"))?;
        attributes.push(AttributeToEncode {
            oid,
            tag,
            content: content(&value, tag)?,
        });
    }
    Ok(attributes)
}

/// The DER of a Python `x509.Name`. A Name is immutable, so its DER is kept in the
/// object's `_der` attribute after the first encoding: an issuer's name is encoded once
/// however many certificates it signs.
pub fn name_der(name: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let py = name.py();
    let cache = intern!(py, "_der");
    // Only real Names keep their DER: any other object with `rdns` (a subclass may compute
    // them) is encoded afresh each time, whatever `_der` it carries.
    let cacheable = name.get_type().is(super::py::x509_class!(py, "Name")?);
    if cacheable {
        if let Some(cached) = name.getattr_opt(cache)? {
            if let Ok(der) = cached.cast::<PyBytes>() {
                return Ok(der.as_bytes().to_vec());
            }
        }
    }
    let mut rdns = Vec::new();
    for rdn in name.getattr(intern!(py, "rdns"))?.try_iter()? {
        rdns.push(rdn_to_encode(&rdn?)?);
    }
    let der = encode(&rdns).map_err(parse_error)?;
    if cacheable {
        name.setattr(cache, PyBytes::new(py, &der))?;
    }
    Ok(der)
}

#[pyfunction]
pub fn encode_name<'py>(
    py: Python<'py>,
    name: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    Ok(PyBytes::new(py, &name_der(name)?))
}

/// `Name.from_bytes`: a DER Name to an `x509.Name`.
#[pyfunction]
pub fn decode_name<'py>(
    py: Python<'py>,
    data: crate::buf::Buffer<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    let name = asn1::parse_single::<oxicrypt_x509::name::Name<'_>>(data.as_bytes())
        .map_err(|e| super::py::asn1_error("Name", e))?;
    super::name::name_object(py, &name)
}
