//! `CertificateRevocationList`, `RevokedCertificate` and the CRL loaders.

use oxicrypt_x509::crl;
use pyo3::exceptions::{PyIndexError, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyInt, PyList, PySlice};

use super::extensions::{decode_crl_entry_extension, decode_crl_extension, extensions_object};
use super::name::name_object;
use super::pem::{first_der_block, CRL_LABELS};
use super::py::{bool_object, naive_datetime, oid, parse_error, signed_int, utc_datetime};
use super::signed;
use crate::buf::Buffer;
use crate::keys::serialization::{der_or_pem, Encoding};

self_cell::self_cell!(
    struct OwnedCrl {
        owner: Py<PyBytes>,
        #[covariant]
        dependent: RawCrl,
    }
);

type RawCrl<'a> = crl::CertificateList<'a>;

self_cell::self_cell!(
    struct OwnedEntry {
        owner: Py<PyBytes>,
        #[covariant]
        dependent: RawEntry,
    }
);

type RawEntry<'a> = crl::RevokedCertificate<'a>;

#[pyclass(
    frozen,
    module = "oxicrypt._rust.x509",
    name = "CertificateRevocationList"
)]
pub struct CertificateRevocationList {
    raw: OwnedCrl,
    extensions: PyOnceLock<Py<PyAny>>,
    /// The revoked entries as Python objects, built on first use (iteration, indexing,
    /// lookup), then shared.
    revoked: PyOnceLock<Vec<Py<RevokedCertificate>>>,
}

#[pyclass(frozen, module = "oxicrypt._rust.x509", name = "RevokedCertificate")]
pub struct RevokedCertificate {
    raw: OwnedEntry,
    extensions: PyOnceLock<Py<PyAny>>,
}

impl CertificateRevocationList {
    fn crl(&self) -> &RawCrl<'_> {
        self.raw.borrow_dependent()
    }

    fn der<'a>(&'a self, py: Python<'_>) -> &'a [u8] {
        self.raw.borrow_owner().as_bytes(py)
    }

    fn tbs_der<'a>(&'a self, py: Python<'_>) -> PyResult<&'a [u8]> {
        oxicrypt_x509::common::tbs_bytes(self.der(py)).map_err(parse_error)
    }

    fn revoked(&self, py: Python<'_>) -> PyResult<&Vec<Py<RevokedCertificate>>> {
        self.revoked.get_or_try_init(py, || {
            let mut out = Vec::new();
            if let Some(entries) = self.crl().tbs_cert_list.revoked_certificates.clone() {
                for entry in entries {
                    let der = asn1::write_single(&entry).map_err(|e| {
                        pyo3::exceptions::PyValueError::new_err(format!(
                            "revoked certificate entry: {e:?}"
                        ))
                    })?;
                    let owned = OwnedEntry::try_new(PyBytes::new(py, &der).unbind(), |b| {
                        asn1::parse_single::<RawEntry<'_>>(b.as_bytes(py))
                            .map_err(|e| super::py::asn1_error("revoked certificate", e))
                    })?;
                    out.push(Py::new(
                        py,
                        RevokedCertificate {
                            raw: owned,
                            extensions: PyOnceLock::new(),
                        },
                    )?);
                }
            }
            Ok::<_, PyErr>(out)
        })
    }
}

fn crl_from_bytes(py: Python<'_>, der: Py<PyBytes>) -> PyResult<CertificateRevocationList> {
    let raw = OwnedCrl::try_new(der, |bytes| {
        crl::parse(bytes.as_bytes(py)).map_err(parse_error)
    })?;
    // Version is OPTIONAL and, when present, must be v2 (1).
    if let Some(version) = raw.borrow_dependent().tbs_cert_list.version {
        if version != 1 {
            let error = super::py::x509_class!(py, "InvalidVersion")?
                .call1((format!("{version} is not a valid CRL version"), version))?;
            return Err(PyErr::from_value(error));
        }
    }
    Ok(CertificateRevocationList {
        raw,
        extensions: PyOnceLock::new(),
        revoked: PyOnceLock::new(),
    })
}

#[pymethods]
impl CertificateRevocationList {
    /// Only the loaders make these; the class itself cannot be instantiated.
    #[new]
    fn py_new() -> PyResult<Self> {
        Err(pyo3::exceptions::PyTypeError::new_err(
            "cannot create 'oxicrypt.x509.CertificateRevocationList' instances",
        ))
    }

    #[getter]
    fn issuer<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        name_object(py, &self.crl().tbs_cert_list.issuer)
    }

    #[getter]
    fn last_update<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        super::certificate::warn_naive(py, "last_update")?;
        naive_datetime(py, self.crl().tbs_cert_list.this_update.as_datetime())
    }

    #[getter]
    fn last_update_utc<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        utc_datetime(py, self.crl().tbs_cert_list.this_update.as_datetime())
    }

    #[getter]
    fn next_update<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        super::certificate::warn_naive(py, "next_update")?;
        self.crl()
            .tbs_cert_list
            .next_update
            .as_ref()
            .map(|t| naive_datetime(py, t.as_datetime()))
            .transpose()
    }

    #[getter]
    fn next_update_utc<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.crl()
            .tbs_cert_list
            .next_update
            .as_ref()
            .map(|t| utc_datetime(py, t.as_datetime()))
            .transpose()
    }

    #[getter]
    fn extensions(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let extensions = self.extensions.get_or_try_init(py, || {
            extensions_object(
                py,
                self.crl().tbs_cert_list.raw_crl_extensions.as_ref(),
                decode_crl_extension,
            )
            .map(Bound::unbind)
        })?;
        Ok(extensions.clone_ref(py))
    }

    #[getter]
    fn signature_algorithm_oid<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        oid(py, &self.crl().signature_alg.oid)
    }

    #[getter]
    fn signature_hash_algorithm<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        signed::hash_algorithm(py, &self.crl().signature_alg)
    }

    #[getter]
    fn signature_algorithm_parameters<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        signed::parameters(py, &self.crl().signature_alg)
    }

    #[getter]
    fn signature<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.crl().signature.as_bytes())
    }

    #[getter]
    fn tbs_certlist_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        Ok(PyBytes::new(py, self.tbs_der(py)?))
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
        der_or_pem(py, encoding, "X509 CRL", self.der(py))
    }

    fn is_signature_valid(&self, py: Python<'_>, public_key: &Bound<'_, PyAny>) -> PyResult<bool> {
        let crl = self.crl();
        match signed::key_fit(py, public_key, &crl.signature_alg)? {
            signed::KeyFit::NotAKey => {
                return Err(PyTypeError::new_err(
                    "public_key must be a public key object (RSA, EC, DSA, Ed25519, Ed448, ...)",
                ))
            }
            signed::KeyFit::OtherType => return Ok(false),
            signed::KeyFit::Fits => {}
        }
        match signed::verify(
            py,
            public_key,
            &crl.signature_alg,
            crl.signature.as_bytes(),
            self.tbs_der(py)?,
        ) {
            Ok(()) => Ok(true),
            Err(e) if signed::is_rejection(py, &e) => Ok(false),
            Err(e) => Err(e),
        }
    }

    fn get_revoked_certificate_by_serial_number(
        &self,
        py: Python<'_>,
        serial: &Bound<'_, PyAny>,
    ) -> PyResult<Option<Py<RevokedCertificate>>> {
        let serial = serial
            .cast::<PyInt>()
            .map_err(|_| PyTypeError::new_err("serial must be an integer"))?;
        if serial.lt(0)? {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "Negative integers are not supported",
            ));
        }
        // The serial as DER INTEGER content (minimal two's complement; it is not
        // negative here), compared with each entry's bytes: no Python int per entry.
        let bits: usize = serial.call_method0("bit_length")?.extract()?;
        let wanted: Vec<u8> = serial
            .call_method1("to_bytes", ((bits + 8) / 8, "big"))?
            .extract()?;
        for entry in self.revoked(py)? {
            if entry.get().entry().user_certificate.as_bytes() == wanted.as_slice() {
                return Ok(Some(entry.clone_ref(py)));
            }
        }
        Ok(None)
    }

    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(self.revoked(py)?.len())
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let list = PyList::new(py, self.revoked(py)?.iter().map(|e| e.clone_ref(py)))?;
        list.try_iter().map(Bound::into_any)
    }

    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let revoked = self.revoked(py)?;
        if index.is_instance_of::<PySlice>() {
            let list = PyList::new(py, revoked.iter().map(|e| e.clone_ref(py)))?;
            return list.as_any().get_item(index);
        }
        let i: isize = index.extract()?;
        let position = if i < 0 {
            i.checked_add_unsigned(revoked.len())
        } else {
            Some(i)
        };
        position
            .and_then(|p| usize::try_from(p).ok())
            .and_then(|p| revoked.get(p))
            .map(|entry| entry.bind(py).clone().into_any())
            .ok_or_else(|| PyIndexError::new_err("CRL index out of range"))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> Py<PyAny> {
        match other.cast::<CertificateRevocationList>() {
            Ok(other) => bool_object(py, self.der(py) == other.get().der(py)),
            Err(_) => py.NotImplemented(),
        }
    }
}

impl RevokedCertificate {
    fn entry(&self) -> &RawEntry<'_> {
        self.raw.borrow_dependent()
    }
}

#[pymethods]
impl RevokedCertificate {
    /// Only the loaders make these; the class itself cannot be instantiated.
    #[new]
    fn py_new() -> PyResult<Self> {
        Err(pyo3::exceptions::PyTypeError::new_err(
            "cannot create 'oxicrypt.x509.RevokedCertificate' instances",
        ))
    }

    #[getter]
    fn serial_number<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        signed_int(py, self.entry().user_certificate.as_bytes())
    }

    #[getter]
    fn revocation_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        super::certificate::warn_naive(py, "revocation_date")?;
        naive_datetime(py, self.entry().revocation_date.as_datetime())
    }

    #[getter]
    fn revocation_date_utc<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        utc_datetime(py, self.entry().revocation_date.as_datetime())
    }

    #[getter]
    fn extensions(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let extensions = self.extensions.get_or_try_init(py, || {
            extensions_object(
                py,
                self.entry().raw_crl_entry_extensions.as_ref(),
                decode_crl_entry_extension,
            )
            .map(Bound::unbind)
        })?;
        Ok(extensions.clone_ref(py))
    }
}

#[pyfunction]
#[pyo3(signature = (data, backend=None))]
pub fn load_der_x509_crl(
    py: Python<'_>,
    data: Buffer<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> PyResult<CertificateRevocationList> {
    let _ = backend;
    crl_from_bytes(py, PyBytes::new(py, data.as_bytes()).unbind())
}

#[pyfunction]
#[pyo3(signature = (data, backend=None))]
pub fn load_pem_x509_crl(
    py: Python<'_>,
    data: Buffer<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> PyResult<CertificateRevocationList> {
    let _ = backend;
    let der = first_der_block(data.as_bytes(), CRL_LABELS, "CRL")?;
    crl_from_bytes(py, PyBytes::new(py, &der).unbind())
}
