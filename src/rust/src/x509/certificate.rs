//! `Certificate` and the certificate loaders. The object owns the DER bytes and a parsed,
//! borrowed view of them; fields become Python objects only when read.

use oxicrypt_x509::certificate::{self, V1, V3};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyList};

use super::extensions::{decode_certificate_extension, extensions_object};
use super::name::name_object;
use super::pem::{der_blocks, first_der_block, CERTIFICATE_LABELS};
use super::py::{naive_datetime, oid, parse_error, signed_int, utc_datetime, x509_class};
use super::signed;
use crate::buf::Buffer;
use crate::keys::serialization::{der_or_pem, Encoding};

self_cell::self_cell!(
    struct OwnedCertificate {
        owner: Py<PyBytes>,
        #[covariant]
        dependent: RawCertificate,
    }
);

type RawCertificate<'a> = certificate::Certificate<'a>;

#[pyclass(frozen, module = "oxicrypt._rust.x509", name = "Certificate")]
pub struct Certificate {
    raw: OwnedCertificate,
    subject: PyOnceLock<Py<PyAny>>,
    issuer: PyOnceLock<Py<PyAny>>,
    extensions: PyOnceLock<Py<PyAny>>,
}

impl Certificate {
    fn cert(&self) -> &RawCertificate<'_> {
        self.raw.borrow_dependent()
    }

    fn der<'a>(&'a self, py: Python<'_>) -> &'a [u8] {
        self.raw.borrow_owner().as_bytes(py)
    }

    fn tbs_der<'a>(&'a self, py: Python<'_>) -> PyResult<&'a [u8]> {
        oxicrypt_x509::common::tbs_bytes(self.der(py)).map_err(parse_error)
    }
}

/// Parses `der` (owned by a Python bytes object) into a `Certificate`, with the
/// reference's load-time checks (only versions v1 and v3 exist for it).
pub fn certificate_from_bytes(py: Python<'_>, der: Py<PyBytes>) -> PyResult<Certificate> {
    let raw = OwnedCertificate::try_new(der, |bytes| {
        certificate::parse(bytes.as_bytes(py)).map_err(parse_error)
    })?;
    let version = raw.borrow_dependent().tbs_cert.version;
    if version != V1 && version != V3 {
        let error = x509_class!(py, "InvalidVersion")?
            .call1((format!("{version} is not a valid X509 version"), version))?;
        return Err(PyErr::from_value(error));
    }
    warn_if_not_positive(py, &raw.borrow_dependent().tbs_cert.serial)?;
    Ok(Certificate {
        raw,
        subject: PyOnceLock::new(),
        issuer: PyOnceLock::new(),
        extensions: PyOnceLock::new(),
    })
}

#[pymethods]
impl Certificate {
    /// Only the loaders make these; the class itself cannot be instantiated.
    #[new]
    fn py_new() -> PyResult<Self> {
        Err(pyo3::exceptions::PyTypeError::new_err(
            "cannot create 'oxicrypt.x509.Certificate' instances",
        ))
    }

    #[getter]
    fn version<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let member = if self.cert().tbs_cert.version == V1 {
            "v1"
        } else {
            "v3"
        };
        x509_class!(py, "Version")?.getattr(member)
    }

    #[getter]
    fn serial_number<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        warn_if_not_positive(py, &self.cert().tbs_cert.serial)?;
        signed_int(py, self.cert().tbs_cert.serial.as_bytes())
    }

    #[getter]
    fn not_valid_before<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        warn_naive(py, "not_valid_before")?;
        naive_datetime(py, self.cert().tbs_cert.validity.not_before.as_datetime())
    }

    #[getter]
    fn not_valid_before_utc<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        utc_datetime(py, self.cert().tbs_cert.validity.not_before.as_datetime())
    }

    #[getter]
    fn not_valid_after<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        warn_naive(py, "not_valid_after")?;
        naive_datetime(py, self.cert().tbs_cert.validity.not_after.as_datetime())
    }

    #[getter]
    fn not_valid_after_utc<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        utc_datetime(py, self.cert().tbs_cert.validity.not_after.as_datetime())
    }

    #[getter]
    fn issuer(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let name = self.issuer.get_or_try_init(py, || {
            name_object(py, &self.cert().tbs_cert.issuer).map(Bound::unbind)
        })?;
        Ok(name.clone_ref(py))
    }

    #[getter]
    fn subject(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let name = self.subject.get_or_try_init(py, || {
            name_object(py, &self.cert().tbs_cert.subject).map(Bound::unbind)
        })?;
        Ok(name.clone_ref(py))
    }

    #[getter]
    fn extensions(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let extensions = self.extensions.get_or_try_init(py, || {
            extensions_object(
                py,
                self.cert().tbs_cert.raw_extensions.as_ref(),
                decode_certificate_extension,
            )
            .map(Bound::unbind)
        })?;
        Ok(extensions.clone_ref(py))
    }

    fn public_key(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        super::spki::public_key(py, self.cert().tbs_cert.spki.full_data())
    }

    #[getter]
    fn public_key_algorithm_oid<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let spki = asn1::parse_single::<oxicrypt_keys::spki::SubjectPublicKeyInfo<'_>>(
            self.cert().tbs_cert.spki.full_data(),
        )
        .map_err(|e| super::py::asn1_error("SubjectPublicKeyInfo", e))?;
        oid(py, &spki.algorithm.oid)
    }

    #[getter]
    fn signature_algorithm_oid<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        oid(py, &self.cert().signature_alg.oid)
    }

    #[getter]
    fn signature_hash_algorithm<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        signed::hash_algorithm(py, &self.cert().signature_alg)
    }

    #[getter]
    fn signature_algorithm_parameters<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        signed::parameters(py, &self.cert().signature_alg)
    }

    #[getter]
    fn signature<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.cert().signature.as_bytes())
    }

    #[getter]
    fn tbs_certificate_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        Ok(PyBytes::new(py, self.tbs_der(py)?))
    }

    /// The TBSCertificate as a CT log signed it for the precertificate (RFC 6962,
    /// section 3.2): this certificate's TBS without its SCT list extension.
    #[getter]
    fn tbs_precertificate_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        // A repeated extension is reported as such before anything else.
        super::extensions::check_duplicates(py, self.cert().tbs_cert.raw_extensions.as_ref())?;
        let der = super::precert::tbs_without_scts(self.tbs_der(py)?)?;
        Ok(PyBytes::new(py, &der))
    }

    fn fingerprint<'py>(
        &self,
        py: Python<'py>,
        algorithm: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let resolved = crate::algorithms::resolve(algorithm)?;
        let digest = crate::hashes::digest_of(py, &resolved, self.der(py))?;
        Ok(PyBytes::new(py, &digest))
    }

    fn public_bytes<'py>(
        &self,
        py: Python<'py>,
        encoding: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let encoding: Encoding = encoding
            .extract()
            .map_err(|_| PyTypeError::new_err("encoding must be an item from the Encoding enum"))?;
        if encoding == Encoding::DER {
            return Ok(self.raw.borrow_owner().bind(py).clone());
        }
        der_or_pem(py, encoding, "CERTIFICATE", self.der(py))
    }

    fn verify_directly_issued_by(&self, py: Python<'_>, issuer: &Bound<'_, PyAny>) -> PyResult<()> {
        let issuer = issuer
            .cast::<Certificate>()
            .map_err(|_| PyTypeError::new_err("issuer must be a Certificate"))?;
        let issuer = issuer.get();
        let cert = self.cert();
        if cert.signature_alg != cert.tbs_cert.signature_alg {
            return Err(PyValueError::new_err(
                "Inner and outer signature algorithms do not match. This is an invalid certificate.",
            ));
        }
        if issuer.cert().tbs_cert.subject != cert.tbs_cert.issuer {
            return Err(PyValueError::new_err(
                "Issuer certificate subject does not match certificate issuer.",
            ));
        }
        let key = issuer.public_key(py)?;
        if !signed::verifiable(&cert.signature_alg) {
            return Err(PyValueError::new_err("Unsupported signature algorithm"));
        }
        signed::verify(
            py,
            key.bind(py),
            &cert.signature_alg,
            cert.signature.as_bytes(),
            self.tbs_der(py)?,
        )
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> Py<PyAny> {
        match other.cast::<Certificate>() {
            Ok(other) => (self.der(py) == other.get().der(py))
                .into_pyobject(py)
                .map(|b| b.to_owned().into_any().unbind())
                .unwrap_or_else(|_| py.NotImplemented()),
            Err(_) => py.NotImplemented(),
        }
    }

    fn __hash__(&self, py: Python<'_>) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.der(py).hash(&mut hasher);
        hasher.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let subject = self.subject(py)?;
        Ok(format!(
            "<Certificate(subject={}, ...)>",
            subject.bind(py).repr()?
        ))
    }

    fn __deepcopy__<'py>(slf: PyRef<'py, Self>, _memo: &Bound<'py, PyAny>) -> PyRef<'py, Self> {
        slf
    }
}

/// RFC 5280, section 4.1.2.2: serial numbers are positive. The reference reads such
/// certificates with this warning (on loading and on each read of the serial),
/// announcing that it will refuse them.
fn warn_if_not_positive(py: Python<'_>, serial: &asn1::BigInt<'_>) -> PyResult<()> {
    if !serial.is_negative() && serial.as_bytes().iter().any(|b| *b != 0) {
        return Ok(());
    }
    super::py::deprecation_warning(
        py,
        c"Parsed a serial number which wasn't positive (i.e., it was negative or zero), \
          which is disallowed by RFC 5280. Loading this certificate will cause an \
          exception in a future release of oxicrypt.",
        1,
    )
}

pub(super) fn warn_naive(py: Python<'_>, property: &str) -> PyResult<()> {
    super::py::deprecation_warning(
        py,
        &std::ffi::CString::new(format!(
            "Properties that return a naïve datetime object have been deprecated. Please \
             switch to {property}_utc."
        ))
        .unwrap_or_default(),
        2,
    )
}

fn bytes_of(py: Python<'_>, data: &Buffer<'_>) -> Py<PyBytes> {
    PyBytes::new(py, data.as_bytes()).unbind()
}

#[pyfunction]
#[pyo3(signature = (data, backend=None))]
pub fn load_der_x509_certificate(
    py: Python<'_>,
    data: Buffer<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> PyResult<Certificate> {
    let _ = backend;
    certificate_from_bytes(py, bytes_of(py, &data))
}

#[pyfunction]
#[pyo3(signature = (data, backend=None))]
pub fn load_pem_x509_certificate(
    py: Python<'_>,
    data: Buffer<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> PyResult<Certificate> {
    let _ = backend;
    let der = first_der_block(data.as_bytes(), CERTIFICATE_LABELS, "certificate")?;
    certificate_from_bytes(py, PyBytes::new(py, &der).unbind())
}

#[pyfunction]
pub fn load_pem_x509_certificates<'py>(
    py: Python<'py>,
    data: Buffer<'_>,
) -> PyResult<Bound<'py, PyList>> {
    let blocks = der_blocks(data.as_bytes(), CERTIFICATE_LABELS)?;
    let list = PyList::empty(py);
    for der in blocks {
        list.append(certificate_from_bytes(py, PyBytes::new(py, &der).unbind())?)?;
    }
    if list.is_empty() {
        return Err(PyValueError::new_err(
            "Unable to load PEM file: no CERTIFICATE block found",
        ));
    }
    Ok(list)
}
