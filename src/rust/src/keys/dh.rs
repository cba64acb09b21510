//! Finite-field Diffie-Hellman (deprecated, as in the reference): parameters, keys,
//! numbers, and serialization (containers written by oxicrypt-keys).

use openssl::bn::BigNum;
use openssl::dh::Dh;
use openssl::pkey::{HasParams, HasPublic, PKey, Params, Private, Public};
use oxicrypt_keys::dh::{DhParams, DhPrivate, DhPublic};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyInt};

use super::bignum::{bit_length, bn_to_int, int_to_bn, py_eq, require_int};
use super::serialization::{
    check_private_request, check_public_request, der_or_pem, encode_private, Encoding,
    ParameterFormat, PrivateDer, PrivateFormat, PublicFormat,
};
use crate::error::{CryptoError, CryptoResult};

/// The deprecation every entry point into FFDH raises, as the reference does.
pub fn warn_deprecated(py: Python<'_>) -> PyResult<()> {
    let category = py.import("oxicrypt.utils")?.getattr("DeprecatedIn50")?;
    PyErr::warn(
        py,
        &category,
        c"Finite-field Diffie-Hellman (FFDH) is deprecated and will be removed in a later \
          release; use X25519 or ECDH instead.",
        1,
    )
}

fn bn(v: &[u8]) -> CryptoResult<BigNum> {
    Ok(BigNum::from_slice(v)?)
}

fn params_of<T: HasParams>(dh: &Dh<T>) -> DhParams {
    DhParams {
        p: dh.prime_p().to_vec(),
        g: dh.generator().to_vec(),
        q: dh.prime_q().map(|q| q.to_vec()),
    }
}

/// A key's group as the key presents it: OpenSSL fills in q for the well-known groups
/// (RFC 3526, RFC 7919) even in plain PKCS #3 keys, but only X9.42 (DHX) keys carry q
/// in their containers, and mixing the two kinds makes exchanges fail.
fn key_params<T: HasParams>(pkey: &PKey<T>) -> CryptoResult<DhParams> {
    let mut params = params_of(&pkey.dh()?);
    if pkey.id() != openssl::pkey::Id::DHX {
        params.q = None;
    }
    Ok(params)
}

fn dh_params(params: &DhParams) -> CryptoResult<Dh<Params>> {
    let q = match &params.q {
        Some(q) => Some(bn(q)?),
        None => None,
    };
    Ok(Dh::from_pqg(bn(&params.p)?, q, bn(&params.g)?)?)
}

/// X9.42 groups (with q) are DHX keys in OpenSSL, PKCS #3 groups plain DH keys.
fn pkey_of<T>(dh: Dh<T>, x942: bool) -> CryptoResult<PKey<T>> {
    Ok(if x942 {
        PKey::from_dhx(dh)?
    } else {
        PKey::from_dh(dh)?
    })
}

/// OpenSSL (and the reference) refuse groups below 512 bits.
fn check_group_size(params: &DhParams) -> CryptoResult<()> {
    let bits = bn(&params.p)?.num_bits();
    if bits < 512 {
        return Err(CryptoError::value("p (modulus) must be at least 512-bit"));
    }
    Ok(())
}

pub fn private_key_from_container(key: &DhPrivate) -> CryptoResult<PKey<Private>> {
    check_group_size(&key.params)?;
    let dh = dh_params(&key.params)?.set_private_key(bn(&key.x)?)?;
    pkey_of(dh, key.params.q.is_some())
}

pub fn public_key_from_container(key: &DhPublic) -> CryptoResult<PKey<Public>> {
    check_group_size(&key.params)?;
    let dh = dh_params(&key.params)?.set_public_key(bn(&key.y)?)?;
    pkey_of(dh, key.params.q.is_some())
}

/// The OID and DER parameters of a group, as they go into SPKI and PKCS#8.
fn algorithm(params: &DhParams) -> CryptoResult<(oxicrypt_keys::oids::Oid, Vec<u8>)> {
    let oid = if params.q.is_some() {
        oxicrypt_keys::oids::DH_PUBLIC_NUMBER
    } else {
        oxicrypt_keys::oids::DH_KEY_AGREEMENT
    };
    Ok((oid, oxicrypt_keys::dh::write_params(params)?))
}

fn parameter_numbers(py: Python<'_>, params: &DhParams) -> PyResult<DhParameterNumbers> {
    let int =
        |v: &[u8]| -> PyResult<Py<PyInt>> { Ok(super::bignum::magnitude_to_int(py, v)?.unbind()) };
    Ok(DhParameterNumbers {
        p: int(&params.p)?,
        g: int(&params.g)?,
        q: match &params.q {
            Some(q) => Some(int(q)?),
            None => None,
        },
    })
}

fn public_numbers<T: HasPublic>(py: Python<'_>, key: &PKey<T>) -> CryptoResult<DhPublicNumbers> {
    let dh = key.dh()?;
    Ok(DhPublicNumbers {
        y: bn_to_int(py, dh.public_key())?.unbind(),
        parameter_numbers: Py::new(py, parameter_numbers(py, &key_params(key)?)?)?,
    })
}

#[pyclass(frozen, module = "oxicrypt._rust.dh", name = "DHParameters")]
pub struct DhParameters {
    params: DhParams,
}

#[pyclass(frozen, module = "oxicrypt._rust.dh", name = "DHPrivateKey")]
pub struct DhPrivateKey {
    pub(crate) pkey: PKey<Private>,
}

#[pyclass(frozen, module = "oxicrypt._rust.dh", name = "DHPublicKey")]
pub struct DhPublicKey {
    pub(crate) pkey: PKey<Public>,
}

impl DhParameters {
    pub fn from_container(params: DhParams) -> DhParameters {
        DhParameters { params }
    }
}

#[pymethods]
impl DhParameters {
    fn generate_private_key(&self, py: Python<'_>) -> CryptoResult<DhPrivateKey> {
        warn_deprecated(py)?;
        let params = self.params.clone();
        let pkey = py.detach(|| -> CryptoResult<PKey<Private>> {
            let dh = dh_params(&params)?.generate_key()?;
            pkey_of(dh, params.q.is_some())
        })?;
        Ok(DhPrivateKey { pkey })
    }

    fn parameter_numbers(&self, py: Python<'_>) -> PyResult<DhParameterNumbers> {
        parameter_numbers(py, &self.params)
    }

    fn parameter_bytes<'py>(
        &self,
        py: Python<'py>,
        encoding: Encoding,
        format: ParameterFormat,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let ParameterFormat::PKCS3 = format;
        let der = oxicrypt_keys::dh::write_params(&self.params)?;
        let label = if self.params.q.is_some() {
            "X9.42 DH PARAMETERS"
        } else {
            "DH PARAMETERS"
        };
        Ok(der_or_pem(py, encoding, label, &der)?)
    }
}

#[pymethods]
impl DhPrivateKey {
    #[getter]
    fn key_size(&self) -> u32 {
        self.pkey.bits()
    }

    fn public_key(&self) -> CryptoResult<DhPublicKey> {
        let dh = self.pkey.dh()?;
        let params = key_params(&self.pkey)?;
        let public = dh_params(&params)?.set_public_key(dh.public_key().to_owned()?)?;
        Ok(DhPublicKey {
            pkey: pkey_of(public, params.q.is_some())?,
        })
    }

    fn parameters(&self) -> CryptoResult<DhParameters> {
        Ok(DhParameters {
            params: key_params(&self.pkey)?,
        })
    }

    fn exchange<'py>(
        &self,
        py: Python<'py>,
        peer_public_key: PyRef<'_, DhPublicKey>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let peer = &peer_public_key.pkey;
        let p_len = self.pkey.size();
        let shared = py.detach(|| -> CryptoResult<Vec<u8>> {
            let mut deriver = openssl::derive::Deriver::new(&self.pkey)?;
            deriver
                .set_peer(peer)
                .map_err(|_| CryptoError::value("Error computing shared key."))?;
            let secret = deriver
                .derive_to_vec()
                .map_err(|_| CryptoError::value("Error computing shared key."))?;
            // The shared secret is an element of the group: give it p's full length, with
            // its leading zero bytes (OpenSSL's DH derivation strips them).
            let mut padded = vec![0u8; p_len.saturating_sub(secret.len())];
            padded.extend_from_slice(&secret);
            Ok(padded)
        })?;
        Ok(PyBytes::new(py, &shared))
    }

    fn private_numbers(&self, py: Python<'_>) -> CryptoResult<DhPrivateNumbers> {
        let dh = self.pkey.dh()?;
        Ok(DhPrivateNumbers {
            x: bn_to_int(py, dh.private_key())?.unbind(),
            public_numbers: Py::new(py, public_numbers(py, &self.pkey)?)?,
        })
    }

    fn private_bytes<'py>(
        &self,
        py: Python<'py>,
        encoding: Encoding,
        format: PrivateFormat,
        encryption_algorithm: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let encryption = check_private_request(encoding, format, encryption_algorithm, false)?;
        if format != PrivateFormat::PKCS8 {
            return Err(CryptoError::value(
                "DH private keys support only PKCS8 serialization",
            ));
        }
        let dh = self.pkey.dh()?;
        let (oid, params) = algorithm(&key_params(&self.pkey)?)?;
        let der =
            oxicrypt_keys::pkcs8::write_integer_key(oid, &params, &dh.private_key().to_vec())?;
        encode_private(py, encoding, PrivateDer::Pkcs8(der), encryption)
    }

    fn __copy__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __deepcopy__<'py>(slf: PyRef<'py, Self>, _memo: &Bound<'py, PyAny>) -> PyRef<'py, Self> {
        slf
    }
}

#[pymethods]
impl DhPublicKey {
    #[getter]
    fn key_size(&self) -> u32 {
        self.pkey.bits()
    }

    fn parameters(&self) -> CryptoResult<DhParameters> {
        Ok(DhParameters {
            params: key_params(&self.pkey)?,
        })
    }

    fn public_numbers(&self, py: Python<'_>) -> CryptoResult<DhPublicNumbers> {
        public_numbers(py, &self.pkey)
    }

    fn public_bytes<'py>(
        &self,
        py: Python<'py>,
        encoding: Encoding,
        format: PublicFormat,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        check_public_request(encoding, format, false)?;
        if format != PublicFormat::SubjectPublicKeyInfo {
            return Err(CryptoError::value(
                "DH public_bytes only supports SubjectPublicKeyInfo format",
            ));
        }
        let dh = self.pkey.dh()?;
        let (oid, params) = algorithm(&key_params(&self.pkey)?)?;
        let der =
            oxicrypt_keys::spki::write_integer_key_spki(oid, &params, &dh.public_key().to_vec())?;
        Ok(der_or_pem(py, encoding, "PUBLIC KEY", &der)?)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> Py<PyAny> {
        let equal = other
            .cast::<DhPublicKey>()
            .ok()
            .map(|other| self.pkey.public_eq(&other.get().pkey));
        crate::keys::eq_result(py, equal)
    }

    fn __copy__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __deepcopy__<'py>(slf: PyRef<'py, Self>, _memo: &Bound<'py, PyAny>) -> PyRef<'py, Self> {
        slf
    }
}

#[pyclass(frozen, module = "oxicrypt._rust.dh", name = "DHParameterNumbers")]
pub struct DhParameterNumbers {
    #[pyo3(get)]
    p: Py<PyInt>,
    #[pyo3(get)]
    g: Py<PyInt>,
    q: Option<Py<PyInt>>,
}

impl DhParameterNumbers {
    fn to_params(&self, py: Python<'_>) -> CryptoResult<DhParams> {
        let m = |v: &Py<PyInt>| super::bignum::int_to_magnitude(v.bind(py).as_any());
        Ok(DhParams {
            p: m(&self.p)?,
            g: m(&self.g)?,
            q: match &self.q {
                Some(q) => Some(m(q)?),
                None => None,
            },
        })
    }

    fn check(&self, py: Python<'_>) -> CryptoResult<()> {
        if bit_length(self.p.bind(py))? < 512 {
            return Err(CryptoError::value("p (modulus) must be at least 512-bit"));
        }
        Ok(())
    }
}

#[pymethods]
impl DhParameterNumbers {
    #[new]
    #[pyo3(signature = (p, g, q=None))]
    fn new(
        py: Python<'_>,
        p: &Bound<'_, PyAny>,
        g: &Bound<'_, PyAny>,
        q: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        warn_deprecated(py)?;
        let p = require_int(p, "p and g must be integers")?;
        let g = require_int(g, "p and g must be integers")?;
        let q = match q {
            Some(q) if !q.is_none() => Some(require_int(q, "q must be integer or None")?),
            _ => None,
        };
        if g.bind(py).lt(2)? {
            return Err(PyValueError::new_err("DH generator must be 2 or greater"));
        }
        Ok(DhParameterNumbers { p, g, q })
    }

    #[getter]
    fn q(&self, py: Python<'_>) -> Option<Py<PyInt>> {
        self.q.as_ref().map(|q| q.clone_ref(py))
    }

    #[pyo3(signature = (backend=None))]
    fn parameters(
        &self,
        py: Python<'_>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<DhParameters> {
        let _ = backend;
        self.check(py)?;
        Ok(DhParameters {
            params: self.to_params(py)?,
        })
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(o) = other.cast::<DhParameterNumbers>() else {
            return Ok(crate::keys::eq_result(py, None));
        };
        let o = o.get();
        let q_equal = match (&self.q, &o.q) {
            (None, None) => true,
            (Some(a), Some(b)) => py_eq(a.bind(py), b.bind(py))?,
            _ => false,
        };
        let equal = q_equal
            && py_eq(self.p.bind(py), o.p.bind(py))?
            && py_eq(self.g.bind(py), o.g.bind(py))?;
        Ok(crate::keys::eq_result(py, Some(equal)))
    }
}

#[pyclass(frozen, module = "oxicrypt._rust.dh", name = "DHPublicNumbers")]
pub struct DhPublicNumbers {
    #[pyo3(get)]
    y: Py<PyInt>,
    #[pyo3(get)]
    parameter_numbers: Py<DhParameterNumbers>,
}

#[pymethods]
impl DhPublicNumbers {
    #[new]
    fn new(y: &Bound<'_, PyAny>, parameter_numbers: &Bound<'_, PyAny>) -> PyResult<Self> {
        let y = require_int(y, "y must be an integer.")?;
        let parameter_numbers = parameter_numbers
            .cast::<DhParameterNumbers>()
            .map_err(|_| {
                PyTypeError::new_err("parameters must be an instance of DHParameterNumbers.")
            })?
            .clone()
            .unbind();
        Ok(DhPublicNumbers {
            y,
            parameter_numbers,
        })
    }

    #[pyo3(signature = (backend=None))]
    fn public_key(
        &self,
        py: Python<'_>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<DhPublicKey> {
        let _ = backend;
        let params = self.parameter_numbers.get();
        params.check(py)?;
        let key = DhPublic {
            params: params.to_params(py)?,
            y: super::bignum::int_to_magnitude(self.y.bind(py).as_any())?,
        };
        Ok(DhPublicKey {
            pkey: public_key_from_container(&key)?,
        })
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(o) = other.cast::<DhPublicNumbers>() else {
            return Ok(crate::keys::eq_result(py, None));
        };
        let o = o.get();
        let equal = py_eq(self.y.bind(py), o.y.bind(py))?
            && py_eq(
                self.parameter_numbers.bind(py),
                o.parameter_numbers.bind(py),
            )?;
        Ok(crate::keys::eq_result(py, Some(equal)))
    }
}

#[pyclass(frozen, module = "oxicrypt._rust.dh", name = "DHPrivateNumbers")]
pub struct DhPrivateNumbers {
    #[pyo3(get)]
    x: Py<PyInt>,
    #[pyo3(get)]
    public_numbers: Py<DhPublicNumbers>,
}

#[pymethods]
impl DhPrivateNumbers {
    #[new]
    fn new(x: &Bound<'_, PyAny>, public_numbers: &Bound<'_, PyAny>) -> PyResult<Self> {
        let x = require_int(x, "x must be an integer.")?;
        let public_numbers = public_numbers
            .cast::<DhPublicNumbers>()
            .map_err(|_| {
                PyTypeError::new_err("public_numbers must be an instance of DHPublicNumbers.")
            })?
            .clone()
            .unbind();
        Ok(DhPrivateNumbers { x, public_numbers })
    }

    #[pyo3(signature = (backend=None))]
    fn private_key(
        &self,
        py: Python<'_>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<DhPrivateKey> {
        let _ = backend;
        let public = self.public_numbers.get();
        let params = public.parameter_numbers.get();
        params.check(py)?;
        let key = DhPrivate {
            params: params.to_params(py)?,
            x: super::bignum::int_to_magnitude(self.x.bind(py).as_any())?,
        };
        let pkey = private_key_from_container(&key)?;
        let y = int_to_bn(public.y.bind(py).as_any())?;
        if pkey.dh()?.public_key() != &*y {
            return Err(CryptoError::value(
                "The public value does not match the private value.",
            ));
        }
        Ok(DhPrivateKey { pkey })
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(o) = other.cast::<DhPrivateNumbers>() else {
            return Ok(crate::keys::eq_result(py, None));
        };
        let o = o.get();
        let equal = py_eq(self.x.bind(py), o.x.bind(py))?
            && py_eq(self.public_numbers.bind(py), o.public_numbers.bind(py))?;
        Ok(crate::keys::eq_result(py, Some(equal)))
    }
}

#[pyfunction]
#[pyo3(signature = (generator, key_size, backend=None))]
fn generate_parameters(
    py: Python<'_>,
    generator: u32,
    key_size: u32,
    backend: Option<&Bound<'_, PyAny>>,
) -> CryptoResult<DhParameters> {
    let _ = backend;
    warn_deprecated(py)?;
    if key_size < 512 {
        return Err(CryptoError::value("DH key_size must be at least 512 bits"));
    }
    if generator != 2 && generator != 5 {
        return Err(CryptoError::value("DH generator must be 2 or 5"));
    }
    let dh = py.detach(|| Dh::generate_params(key_size, generator))?;
    Ok(DhParameters {
        params: params_of(&dh),
    })
}

/// `load_{pem,der}_parameters`: DH groups in PKCS #3 or X9.42 form.
pub fn parameters_from_der(
    py: Python<'_>,
    der: &[u8],
    x942: Option<bool>,
) -> CryptoResult<DhParameters> {
    warn_deprecated(py)?;
    let params = match x942 {
        Some(true) => oxicrypt_keys::dh::parse_x942(der)?,
        Some(false) => oxicrypt_keys::dh::parse_pkcs3(der)?,
        // DER alone: a real X9.42 q does not fit PKCS #3's privateValueLength.
        None => {
            oxicrypt_keys::dh::parse_pkcs3(der).or_else(|_| oxicrypt_keys::dh::parse_x942(der))?
        }
    };
    check_group_size(&params)?;
    dh_params(&params)?;
    Ok(DhParameters { params })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<DhParameters>()?;
    m.add_class::<DhPrivateKey>()?;
    m.add_class::<DhPublicKey>()?;
    m.add_class::<DhParameterNumbers>()?;
    m.add_class::<DhPublicNumbers>()?;
    m.add_class::<DhPrivateNumbers>()?;
    m.add_function(wrap_pyfunction!(generate_parameters, m)?)
}
