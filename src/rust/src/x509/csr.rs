//! `CertificateSigningRequest` (RFC 2986) and its loaders.

use oxicrypt_x509::csr;
use oxicrypt_x509::extensions::RawExtensions;
use oxicrypt_x509::oids;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyList};

use super::extensions::{decode_certificate_extension, extensions_object};
use super::name::name_object;
use super::pem::{first_der_block, CSR_LABELS};
use super::py::{asn1_error, oid, parse_error, x509_class};
use super::signed;
use crate::buf::Buffer;
use crate::keys::serialization::{der_or_pem, Encoding};

self_cell::self_cell!(
    struct OwnedCsr {
        owner: Py<PyBytes>,
        #[covariant]
        dependent: RawCsr,
    }
);

type RawCsr<'a> = csr::CertificationRequest<'a>;

#[pyclass(
    frozen,
    module = "oxicrypt._rust.x509",
    name = "CertificateSigningRequest"
)]
pub struct CertificateSigningRequest {
    raw: OwnedCsr,
    extensions: PyOnceLock<Py<PyAny>>,
}

impl CertificateSigningRequest {
    fn csr(&self) -> &RawCsr<'_> {
        self.raw.borrow_dependent()
    }

    fn der<'a>(&'a self, py: Python<'_>) -> &'a [u8] {
        self.raw.borrow_owner().as_bytes(py)
    }

    fn tbs_der<'a>(&'a self, py: Python<'_>) -> PyResult<&'a [u8]> {
        oxicrypt_x509::common::tbs_bytes(self.der(py)).map_err(parse_error)
    }

    /// The single value of each attribute; multi-valued attributes are refused.
    fn attribute_values(&self) -> PyResult<Vec<(asn1::ObjectIdentifier, asn1::Tlv<'_>)>> {
        let mut out = Vec::new();
        for attribute in self.csr().info.attributes.clone() {
            let value = single_value(&attribute)?;
            out.push((attribute.type_id, value));
        }
        Ok(out)
    }
}

fn single_value<'a>(attribute: &oxicrypt_x509::common::Attribute<'a>) -> PyResult<asn1::Tlv<'a>> {
    let mut values = attribute.values.clone();
    match (values.next(), values.next()) {
        (Some(value), None) => Ok(value),
        _ => Err(PyValueError::new_err(
            "Only single-valued attributes are supported",
        )),
    }
}

fn csr_from_bytes(py: Python<'_>, der: Py<PyBytes>) -> PyResult<CertificateSigningRequest> {
    let raw = OwnedCsr::try_new(der, |bytes| {
        csr::parse(bytes.as_bytes(py)).map_err(parse_error)
    })?;
    let version = raw.borrow_dependent().info.version;
    if version != 0 {
        let error = x509_class!(py, "InvalidVersion")?
            .call1((format!("{version} is not a valid CSR version"), version))?;
        return Err(PyErr::from_value(error));
    }
    Ok(CertificateSigningRequest {
        raw,
        extensions: PyOnceLock::new(),
    })
}

#[pymethods]
impl CertificateSigningRequest {
    /// Only the loaders make these; the class itself cannot be instantiated.
    #[new]
    fn py_new() -> PyResult<Self> {
        Err(pyo3::exceptions::PyTypeError::new_err(
            "cannot create 'oxicrypt.x509.CertificateSigningRequest' instances",
        ))
    }

    #[getter]
    fn subject<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        name_object(py, &self.csr().info.subject)
    }

    fn public_key(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        super::spki::public_key(py, self.csr().info.spki.full_data())
    }

    #[getter]
    fn public_key_algorithm_oid<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let spki = asn1::parse_single::<oxicrypt_keys::spki::SubjectPublicKeyInfo<'_>>(
            self.csr().info.spki.full_data(),
        )
        .map_err(|e| asn1_error("SubjectPublicKeyInfo", e))?;
        oid(py, &spki.algorithm.oid)
    }

    #[getter]
    fn signature_algorithm_oid<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        oid(py, &self.csr().signature_alg.oid)
    }

    #[getter]
    fn signature_hash_algorithm<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        signed::hash_algorithm(py, &self.csr().signature_alg)
    }

    #[getter]
    fn signature_algorithm_parameters<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        signed::parameters(py, &self.csr().signature_alg)
    }

    #[getter]
    fn signature<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.csr().signature.as_bytes())
    }

    #[getter]
    fn tbs_certrequest_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        Ok(PyBytes::new(py, self.tbs_der(py)?))
    }

    /// The extensions of the extensionRequest attribute (or Microsoft's variant of it).
    #[getter]
    fn extensions(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let extensions = self.extensions.get_or_try_init(py, || {
            let mut raw: Option<RawExtensions<'_>> = None;
            for attribute in self.csr().info.attributes.clone() {
                if attribute.type_id == oids::EXTENSION_REQUEST
                    || attribute.type_id == oids::MS_EXTENSION_REQUEST
                {
                    let value = single_value(&attribute)?;
                    raw = Some(
                        asn1::parse_single::<RawExtensions<'_>>(value.full_data())
                            .map_err(|e| asn1_error("extensionRequest attribute", e))?,
                    );
                    break;
                }
            }
            extensions_object(py, raw.as_ref(), decode_certificate_extension).map(Bound::unbind)
        })?;
        Ok(extensions.clone_ref(py))
    }

    #[getter]
    fn attributes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let attribute = x509_class!(py, "Attribute")?;
        let list = PyList::empty(py);
        for (type_id, value) in self.attribute_values()? {
            let tag = value.tag().as_u8().map(u32::from).ok_or_else(|| {
                PyValueError::new_err(format!(
                    "attribute {type_id} has a value with a long-form tag"
                ))
            })?;
            list.append(attribute.call1((
                oid(py, &type_id)?,
                PyBytes::new(py, value.data()),
                tag,
            ))?)?;
        }
        x509_class!(py, "Attributes")?.call1((list,))
    }

    #[getter]
    fn is_signature_valid(&self, py: Python<'_>) -> PyResult<bool> {
        let key = self.public_key(py)?;
        let csr = self.csr();
        match signed::verify(
            py,
            key.bind(py),
            &csr.signature_alg,
            csr.signature.as_bytes(),
            self.tbs_der(py)?,
        ) {
            Ok(()) => Ok(true),
            Err(e) if signed::is_rejection(py, &e) => Ok(false),
            Err(e) => Err(e),
        }
    }

    fn public_bytes<'py>(
        &self,
        py: Python<'py>,
        encoding: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let encoding: Encoding = encoding
            .extract()
            .map_err(|_| PyTypeError::new_err("encoding must be an item from the Encoding enum"))?;
        der_or_pem(py, encoding, "CERTIFICATE REQUEST", self.der(py))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> Py<PyAny> {
        match other.cast::<CertificateSigningRequest>() {
            Ok(other) => super::py::bool_object(py, self.der(py) == other.get().der(py)),
            Err(_) => py.NotImplemented(),
        }
    }

    fn __hash__(&self, py: Python<'_>) -> u64 {
        super::py::hash_bytes(self.der(py))
    }
}

#[pyfunction]
#[pyo3(signature = (data, backend=None))]
pub fn load_der_x509_csr(
    py: Python<'_>,
    data: Buffer<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> PyResult<CertificateSigningRequest> {
    let _ = backend;
    csr_from_bytes(py, PyBytes::new(py, data.as_bytes()).unbind())
}

#[pyfunction]
#[pyo3(signature = (data, backend=None))]
pub fn load_pem_x509_csr(
    py: Python<'_>,
    data: Buffer<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> PyResult<CertificateSigningRequest> {
    let _ = backend;
    let der = first_der_block(data.as_bytes(), CSR_LABELS, "certificate signing request")?;
    csr_from_bytes(py, PyBytes::new(py, &der).unbind())
}
