//! The builders' Rust half: to-be-signed structures and signed envelopes from the Python
//! builder's checked fields. Signing itself happens in Python through the key objects.

use oxicrypt_x509::build::{self, AlgorithmError, AttributeToWrite, ExtensionToWrite, KeyKind};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::encode::{name_der, oid_of};
use super::ext_encode::{date_time, extension_value, int_bytes};
use crate::buf::Buffer;
use crate::error::UnsupportedAlgorithm;

/// The signature AlgorithmIdentifier the reference writes for a key kind ("rsa", "ec",
/// "dsa", "ed25519", "ed448", "ml-dsa-44", "ml-dsa-65", "ml-dsa-87"), a hash name and, for RSA-PSS, the MGF1 hash and salt length.
#[pyfunction]
#[pyo3(signature = (kind, hash_name, pss_mgf1_hash=None, pss_salt_length=None))]
pub fn signature_algorithm_identifier<'py>(
    py: Python<'py>,
    kind: &str,
    hash_name: Option<&str>,
    pss_mgf1_hash: Option<&str>,
    pss_salt_length: Option<u64>,
) -> PyResult<Bound<'py, PyBytes>> {
    let kind = match kind {
        "rsa" => KeyKind::Rsa,
        "ec" => KeyKind::Ec,
        "dsa" => KeyKind::Dsa,
        "ed25519" => KeyKind::Ed25519,
        "ed448" => KeyKind::Ed448,
        "ml-dsa-44" => KeyKind::MlDsa44,
        "ml-dsa-65" => KeyKind::MlDsa65,
        "ml-dsa-87" => KeyKind::MlDsa87,
        _ => return Err(PyValueError::new_err(format!("unknown key kind {kind}"))),
    };
    let pss = match (pss_mgf1_hash, pss_salt_length) {
        (Some(mgf1_hash), Some(salt_length)) => Some(build::Pss {
            mgf1_hash,
            salt_length,
        }),
        _ => None,
    };
    let der = build::signature_algorithm(kind, hash_name, pss.as_ref()).map_err(|e| {
        let message = match e {
            AlgorithmError::UnsupportedHash => format!(
                "Hash algorithm \"{}\" not supported for signatures",
                hash_name.unwrap_or_default()
            ),
            AlgorithmError::Sha3WithDsa => "SHA3 hashes are not supported with DSA keys".into(),
        };
        // The reference raises these without a reason.
        UnsupportedAlgorithm::new_err(message)
    })?;
    Ok(PyBytes::new(py, &der))
}

/// `x509.Extension` objects (or anything with `oid`, `critical`, `value`) to write.
fn extensions_to_write(extensions: &Bound<'_, PyAny>) -> PyResult<Vec<ExtensionToWrite>> {
    let py = extensions.py();
    let extension_class = super::py::x509_class!(py, "Extension")?;
    let mut out = Vec::new();
    for extension in extensions.try_iter()? {
        let extension = extension?;
        let fields = if extension.get_type().is(extension_class) {
            // The private attributes behind the properties: a third of the cost.
            [
                intern!(py, "_oid"),
                intern!(py, "_critical"),
                intern!(py, "_value"),
            ]
        } else {
            // A subclass may override the properties, and a duck-typed object has only
            // these.
            [
                intern!(py, "oid"),
                intern!(py, "critical"),
                intern!(py, "value"),
            ]
        };
        let [oid, critical, value] = fields;
        out.push(ExtensionToWrite {
            oid: oid_of(&extension.getattr(oid)?, "oid")?,
            critical: extension.getattr(critical)?.is_truthy()?,
            value: extension_value(&extension.getattr(value)?)?,
        });
    }
    Ok(out)
}

#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn encode_tbs_certificate<'py>(
    py: Python<'py>,
    issuer: &Bound<'py, PyAny>,
    subject: &Bound<'py, PyAny>,
    spki: Buffer<'_>,
    serial_number: &Bound<'py, PyAny>,
    not_before: &Bound<'py, PyAny>,
    not_after: &Bound<'py, PyAny>,
    extensions: &Bound<'py, PyAny>,
    signature_algorithm: Buffer<'_>,
) -> PyResult<Bound<'py, PyBytes>> {
    let extensions = extensions_to_write(extensions)?;
    let tbs = build::tbs_certificate(&build::TbsCertificate {
        serial: &int_bytes(serial_number)?,
        signature_algorithm: signature_algorithm.as_bytes(),
        issuer: &name_der(issuer)?,
        not_before: date_time(not_before)?,
        not_after: date_time(not_after)?,
        subject: &name_der(subject)?,
        spki: spki.as_bytes(),
        extensions: &extensions,
    })
    .map_err(super::py::parse_error)?;
    Ok(PyBytes::new(py, &tbs))
}

/// CertificationRequestInfo; `attributes` are `(oid, value bytes, universal tag number)`.
#[pyfunction]
pub fn encode_csr_info<'py>(
    py: Python<'py>,
    subject: &Bound<'py, PyAny>,
    spki: Buffer<'_>,
    extensions: &Bound<'py, PyAny>,
    attributes: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let extensions = extensions_to_write(extensions)?;
    let mut to_write = Vec::new();
    for attribute in attributes.try_iter()? {
        let (oid, value, tag): (Bound<'py, PyAny>, Vec<u8>, u8) = attribute?
            .extract()
            .map_err(|_| PyTypeError::new_err("attributes must be (oid, bytes, tag) tuples"))?;
        to_write.push(AttributeToWrite {
            oid: oid_of(&oid, "oid")?,
            value: oxicrypt_x509::der::tlv(&[tag], &value),
        });
    }
    let info = build::certification_request_info(
        &name_der(subject)?,
        spki.as_bytes(),
        &extensions,
        &to_write,
    );
    Ok(PyBytes::new(py, &info))
}

/// SEQUENCE { tbs, signatureAlgorithm, signature BIT STRING }.
#[pyfunction]
pub fn encode_signed<'py>(
    py: Python<'py>,
    tbs: Buffer<'_>,
    signature_algorithm: Buffer<'_>,
    signature: Buffer<'_>,
) -> PyResult<Bound<'py, PyBytes>> {
    Ok(PyBytes::new(
        py,
        &build::signed(
            tbs.as_bytes(),
            signature_algorithm.as_bytes(),
            signature.as_bytes(),
        ),
    ))
}

/// `encode_signed` for a certificate, loaded straight into a `Certificate`.
#[pyfunction]
pub fn signed_certificate(
    py: Python<'_>,
    tbs: Buffer<'_>,
    signature_algorithm: Buffer<'_>,
    signature: Buffer<'_>,
) -> PyResult<super::certificate::Certificate> {
    let der = build::signed(
        tbs.as_bytes(),
        signature_algorithm.as_bytes(),
        signature.as_bytes(),
    );
    super::certificate::certificate_from_bytes(py, PyBytes::new(py, &der).unbind())
}

/// TBSCertList; `revoked` holds `(serial, revocation date, extensions)` tuples.
#[pyfunction]
pub fn encode_tbs_crl<'py>(
    py: Python<'py>,
    issuer: &Bound<'py, PyAny>,
    last_update: &Bound<'py, PyAny>,
    next_update: &Bound<'py, PyAny>,
    revoked: &Bound<'py, PyAny>,
    extensions: &Bound<'py, PyAny>,
    signature_algorithm: Buffer<'_>,
) -> PyResult<Bound<'py, PyBytes>> {
    let mut entries = Vec::new();
    for entry in revoked.try_iter()? {
        let (serial, date, entry_extensions): (
            Bound<'py, PyAny>,
            Bound<'py, PyAny>,
            Bound<'py, PyAny>,
        ) = entry?.extract()?;
        let entry = build::revoked_entry(
            &int_bytes(&serial)?,
            date_time(&date)?,
            &extensions_to_write(&entry_extensions)?,
        )
        .map_err(super::py::parse_error)?;
        entries.push(entry);
    }
    let extensions = extensions_to_write(extensions)?;
    let tbs = build::tbs_cert_list(&build::TbsCertList {
        signature_algorithm: signature_algorithm.as_bytes(),
        issuer: &name_der(issuer)?,
        this_update: date_time(last_update)?,
        next_update: date_time(next_update)?,
        revoked: &entries,
        extensions: &extensions,
    })
    .map_err(super::py::parse_error)?;
    Ok(PyBytes::new(py, &tbs))
}

/// An RSA SubjectPublicKeyInfo as an RSASSA-PSS one (`public_key(..., rsa_padding=PSS)`).
#[pyfunction]
pub fn rsa_pss_spki<'py>(py: Python<'py>, spki: Buffer<'_>) -> PyResult<Bound<'py, PyBytes>> {
    let der = build::rsa_pss_spki(spki.as_bytes()).map_err(super::py::parse_error)?;
    Ok(PyBytes::new(py, &der))
}

/// The AlgorithmIdentifier of an unsigned certificate (`create_unsigned`).
#[pyfunction]
pub fn unsigned_algorithm_identifier(py: Python<'_>) -> Bound<'_, PyBytes> {
    PyBytes::new(py, &build::unsigned_algorithm())
}
