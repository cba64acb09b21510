//! DSA keys (FIPS 186-4): parameters, signatures, numbers, and serialization (containers
//! written by oxicrypt-keys).

use openssl::bn::{BigNum, BigNumContext};
use openssl::dsa::Dsa;
use openssl::pkey::{HasParams, HasPublic, PKey, Private, Public};
use oxicrypt_keys::dsa::{DsaParams, DsaPrivate, DsaPublic};
use oxicrypt_openssl::prepared_signature::PreparedPkeyCtx;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyInt};

use super::bignum::{bit_length, bn_to_int, int_to_bn, py_eq, require_int};
use super::prepared::{signing_context, verifying_context, Prepared};
use super::serialization::{
    check_private_request, check_public_request, der_or_pem, encode_private, Encoding, PrivateDer,
    PrivateFormat, PublicFormat,
};
use crate::buf::Buffer;
use crate::error::{CryptoError, CryptoResult};

/// Checks domain parameters as the reference does before building a key.
fn check_params(py: Python<'_>, p: &Py<PyInt>, q: &Py<PyInt>, g: &Py<PyInt>) -> CryptoResult<()> {
    let (p, q, g) = (p.bind(py), q.bind(py), g.bind(py));
    if ![1024, 2048, 3072, 4096].contains(&bit_length(p)?) {
        return Err(CryptoError::value(
            "p must be exactly 1024, 2048, 3072, or 4096 bits long",
        ));
    }
    if ![160, 224, 256].contains(&bit_length(q)?) {
        return Err(CryptoError::value(
            "q must be exactly 160, 224, or 256 bits long",
        ));
    }
    if g.le(1)? || g.ge(p)? {
        return Err(CryptoError::value("g, p don't satisfy 1 < g < p."));
    }
    Ok(())
}

fn params_of<T: HasParams>(dsa: &Dsa<T>) -> DsaParams {
    DsaParams {
        p: dsa.p().to_vec(),
        q: dsa.q().to_vec(),
        g: dsa.g().to_vec(),
    }
}

fn bn(v: &[u8]) -> CryptoResult<BigNum> {
    Ok(BigNum::from_slice(v)?)
}

/// y = g^x mod p, for containers (PKCS#8) that store only x.
fn public_value(params: &DsaParams, x: &[u8]) -> CryptoResult<Vec<u8>> {
    let mut ctx = BigNumContext::new()?;
    let mut y = BigNum::new()?;
    let (g, x, p) = (bn(&params.g)?, bn(x)?, bn(&params.p)?);
    y.mod_exp(&g, &x, &p, &mut ctx)?;
    Ok(y.to_vec())
}

pub fn private_key_from_container(key: &DsaPrivate) -> CryptoResult<PKey<Private>> {
    let y = match &key.y {
        Some(y) => y.clone(),
        None => public_value(&key.params, &key.x)?,
    };
    let p = &key.params;
    let dsa = Dsa::from_private_components(bn(&p.p)?, bn(&p.q)?, bn(&p.g)?, bn(&key.x)?, bn(&y)?)?;
    Ok(PKey::from_dsa(dsa)?)
}

pub fn public_key_from_container(key: &DsaPublic) -> CryptoResult<PKey<Public>> {
    let p = &key.params;
    let dsa = Dsa::from_public_components(bn(&p.p)?, bn(&p.q)?, bn(&p.g)?, bn(&key.y)?)?;
    Ok(PKey::from_dsa(dsa)?)
}

fn parameter_numbers(py: Python<'_>, params: &DsaParams) -> PyResult<DsaParameterNumbers> {
    let int =
        |v: &[u8]| -> PyResult<Py<PyInt>> { Ok(super::bignum::magnitude_to_int(py, v)?.unbind()) };
    Ok(DsaParameterNumbers {
        p: int(&params.p)?,
        q: int(&params.q)?,
        g: int(&params.g)?,
    })
}

fn public_numbers<T: HasPublic>(py: Python<'_>, key: &PKey<T>) -> CryptoResult<DsaPublicNumbers> {
    let dsa = key.dsa()?;
    Ok(DsaPublicNumbers {
        y: bn_to_int(py, dsa.pub_key())?.unbind(),
        parameter_numbers: Py::new(py, parameter_numbers(py, &params_of(&dsa))?)?,
    })
}

#[pyclass(frozen, module = "oxicrypt._rust.dsa", name = "DSAParameters")]
pub struct DsaParameters {
    dsa: Dsa<openssl::pkey::Params>,
}

#[pyclass(frozen, module = "oxicrypt._rust.dsa", name = "DSAPrivateKey")]
pub struct DsaPrivateKey {
    pub(crate) pkey: PKey<Private>,
    signer: Prepared<PreparedPkeyCtx<Private>>,
}

#[pyclass(frozen, module = "oxicrypt._rust.dsa", name = "DSAPublicKey")]
pub struct DsaPublicKey {
    pub(crate) pkey: PKey<Public>,
    verifier: Prepared<PreparedPkeyCtx<Public>>,
}

impl DsaPrivateKey {
    pub fn new(pkey: PKey<Private>) -> DsaPrivateKey {
        DsaPrivateKey {
            pkey,
            signer: Prepared::default(),
        }
    }
}

impl DsaPublicKey {
    pub fn new(pkey: PKey<Public>) -> DsaPublicKey {
        DsaPublicKey {
            pkey,
            verifier: Prepared::default(),
        }
    }
}

fn params_object(params: &DsaParams) -> CryptoResult<DsaParameters> {
    Ok(DsaParameters {
        dsa: Dsa::from_pqg(bn(&params.p)?, bn(&params.q)?, bn(&params.g)?)?,
    })
}

#[pymethods]
impl DsaParameters {
    fn generate_private_key(&self, py: Python<'_>) -> CryptoResult<DsaPrivateKey> {
        let params = params_of(&self.dsa);
        let pkey = py.detach(|| -> CryptoResult<PKey<Private>> {
            let dsa = Dsa::from_pqg(bn(&params.p)?, bn(&params.q)?, bn(&params.g)?)?;
            Ok(PKey::from_dsa(dsa.generate_key()?)?)
        })?;
        Ok(DsaPrivateKey::new(pkey))
    }

    fn parameter_numbers(&self, py: Python<'_>) -> PyResult<DsaParameterNumbers> {
        parameter_numbers(py, &params_of(&self.dsa))
    }
}

#[pymethods]
impl DsaPrivateKey {
    #[getter]
    fn key_size(&self) -> u32 {
        self.pkey.bits()
    }

    fn public_key(&self) -> CryptoResult<DsaPublicKey> {
        let dsa = self.pkey.dsa()?;
        let public = Dsa::from_public_components(
            dsa.p().to_owned()?,
            dsa.q().to_owned()?,
            dsa.g().to_owned()?,
            dsa.pub_key().to_owned()?,
        )?;
        Ok(DsaPublicKey::new(PKey::from_dsa(public)?))
    }

    fn parameters(&self) -> CryptoResult<DsaParameters> {
        params_object(&params_of(&self.pkey.dsa()?))
    }

    fn sign<'py>(
        &self,
        py: Python<'py>,
        data: Buffer<'_>,
        algorithm: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let digest = super::signing::message_digest(py, data.as_bytes(), algorithm)?.bytes;
        let signature = py.detach(|| -> CryptoResult<Vec<u8>> {
            let mut ctx = signing_context(&self.signer, &self.pkey)?;
            let mut signature = Vec::new();
            ctx.sign_to_vec(&digest, &mut signature)?;
            Ok(signature)
        })?;
        Ok(PyBytes::new(py, &signature))
    }

    fn private_numbers(&self, py: Python<'_>) -> CryptoResult<DsaPrivateNumbers> {
        let dsa = self.pkey.dsa()?;
        Ok(DsaPrivateNumbers {
            x: bn_to_int(py, dsa.priv_key())?.unbind(),
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
        let dsa = self.pkey.dsa()?;
        let params = params_of(&dsa);
        let container = match format {
            PrivateFormat::PKCS8 => PrivateDer::Pkcs8(oxicrypt_keys::pkcs8::write_integer_key(
                oxicrypt_keys::oids::DSA,
                &oxicrypt_keys::dsa::write_params(&params)?,
                &dsa.priv_key().to_vec(),
            )?),
            PrivateFormat::TraditionalOpenSSL => PrivateDer::Traditional {
                label: "DSA PRIVATE KEY",
                der: oxicrypt_keys::dsa::write_traditional(
                    &params,
                    &dsa.pub_key().to_vec(),
                    &dsa.priv_key().to_vec(),
                )?,
            },
            PrivateFormat::OpenSSH => return super::ssh::private_bytes(py, &self.pkey, encryption),
            _ => return Err(CryptoError::value("format is invalid with this key")),
        };
        encode_private(py, encoding, container, encryption)
    }

    fn __copy__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __deepcopy__<'py>(slf: PyRef<'py, Self>, _memo: &Bound<'py, PyAny>) -> PyRef<'py, Self> {
        slf
    }
}

#[pymethods]
impl DsaPublicKey {
    #[getter]
    fn key_size(&self) -> u32 {
        self.pkey.bits()
    }

    fn parameters(&self) -> CryptoResult<DsaParameters> {
        params_object(&params_of(&self.pkey.dsa()?))
    }

    fn verify(
        &self,
        py: Python<'_>,
        signature: Buffer<'_>,
        data: Buffer<'_>,
        algorithm: &Bound<'_, PyAny>,
    ) -> CryptoResult<()> {
        let digest = super::signing::message_digest(py, data.as_bytes(), algorithm)?.bytes;
        let signature = signature.as_bytes();
        let valid = py.detach(|| -> CryptoResult<bool> {
            let mut ctx = verifying_context(&self.verifier, &self.pkey)?;
            let valid = ctx.verify(&digest, signature).unwrap_or(false);
            let _ = openssl::error::ErrorStack::get();
            Ok(valid)
        })?;
        if valid {
            Ok(())
        } else {
            Err(CryptoError::InvalidSignature(""))
        }
    }

    fn public_numbers(&self, py: Python<'_>) -> CryptoResult<DsaPublicNumbers> {
        public_numbers(py, &self.pkey)
    }

    fn public_bytes<'py>(
        &self,
        py: Python<'py>,
        encoding: Encoding,
        format: PublicFormat,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        check_public_request(encoding, format, false)?;
        match format {
            PublicFormat::SubjectPublicKeyInfo => {
                let dsa = self.pkey.dsa()?;
                let der = oxicrypt_keys::spki::write_integer_key_spki(
                    oxicrypt_keys::oids::DSA,
                    &oxicrypt_keys::dsa::write_params(&params_of(&dsa))?,
                    &dsa.pub_key().to_vec(),
                )?;
                Ok(der_or_pem(py, encoding, "PUBLIC KEY", &der)?)
            }
            PublicFormat::OpenSSH => super::ssh::public_bytes(py, &self.pkey),
            _ => Err(CryptoError::value("format is invalid with this key")),
        }
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> Py<PyAny> {
        let equal = other
            .cast::<DsaPublicKey>()
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

#[pyclass(frozen, module = "oxicrypt._rust.dsa", name = "DSAParameterNumbers")]
pub struct DsaParameterNumbers {
    #[pyo3(get)]
    p: Py<PyInt>,
    #[pyo3(get)]
    q: Py<PyInt>,
    #[pyo3(get)]
    g: Py<PyInt>,
}

#[pymethods]
impl DsaParameterNumbers {
    #[new]
    fn new(p: &Bound<'_, PyAny>, q: &Bound<'_, PyAny>, g: &Bound<'_, PyAny>) -> PyResult<Self> {
        let msg = "DSAParameterNumbers p, q, and g arguments must be integers.";
        Ok(DsaParameterNumbers {
            p: require_int(p, msg)?,
            q: require_int(q, msg)?,
            g: require_int(g, msg)?,
        })
    }

    #[pyo3(signature = (backend=None))]
    fn parameters(
        &self,
        py: Python<'_>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<DsaParameters> {
        let _ = backend;
        check_params(py, &self.p, &self.q, &self.g)?;
        Ok(DsaParameters {
            dsa: Dsa::from_pqg(
                int_to_bn(self.p.bind(py).as_any())?,
                int_to_bn(self.q.bind(py).as_any())?,
                int_to_bn(self.g.bind(py).as_any())?,
            )?,
        })
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(o) = other.cast::<DsaParameterNumbers>() else {
            return Ok(crate::keys::eq_result(py, None));
        };
        let o = o.get();
        let equal = py_eq(self.p.bind(py), o.p.bind(py))?
            && py_eq(self.q.bind(py), o.q.bind(py))?
            && py_eq(self.g.bind(py), o.g.bind(py))?;
        Ok(crate::keys::eq_result(py, Some(equal)))
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "<DSAParameterNumbers(p={}, q={}, g={})>",
            self.p.bind(py),
            self.q.bind(py),
            self.g.bind(py)
        )
    }
}

#[pyclass(frozen, module = "oxicrypt._rust.dsa", name = "DSAPublicNumbers")]
pub struct DsaPublicNumbers {
    #[pyo3(get)]
    y: Py<PyInt>,
    #[pyo3(get)]
    parameter_numbers: Py<DsaParameterNumbers>,
}

impl DsaPublicNumbers {
    fn check(&self, py: Python<'_>) -> CryptoResult<()> {
        let params = self.parameter_numbers.get();
        check_params(py, &params.p, &params.q, &params.g)?;
        let y = self.y.bind(py);
        if y.le(1)? || y.ge(params.p.bind(py))? {
            return Err(CryptoError::value("y must be > 1 and < p."));
        }
        Ok(())
    }
}

#[pymethods]
impl DsaPublicNumbers {
    #[new]
    fn new(y: &Bound<'_, PyAny>, parameter_numbers: &Bound<'_, PyAny>) -> PyResult<Self> {
        let y = require_int(y, "DSAPublicNumbers y argument must be an integer.")?;
        let parameter_numbers = parameter_numbers
            .cast::<DsaParameterNumbers>()
            .map_err(|_| {
                PyTypeError::new_err("parameter_numbers must be a DSAParameterNumbers instance.")
            })?
            .clone()
            .unbind();
        Ok(DsaPublicNumbers {
            y,
            parameter_numbers,
        })
    }

    #[pyo3(signature = (backend=None))]
    fn public_key(
        &self,
        py: Python<'_>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<DsaPublicKey> {
        let _ = backend;
        self.check(py)?;
        let params = self.parameter_numbers.get();
        let dsa = Dsa::from_public_components(
            int_to_bn(params.p.bind(py).as_any())?,
            int_to_bn(params.q.bind(py).as_any())?,
            int_to_bn(params.g.bind(py).as_any())?,
            int_to_bn(self.y.bind(py).as_any())?,
        )?;
        Ok(DsaPublicKey::new(PKey::from_dsa(dsa)?))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(o) = other.cast::<DsaPublicNumbers>() else {
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

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "<DSAPublicNumbers(y={}, parameter_numbers={})>",
            self.y.bind(py),
            self.parameter_numbers.get().__repr__(py)
        )
    }
}

#[pyclass(frozen, module = "oxicrypt._rust.dsa", name = "DSAPrivateNumbers")]
pub struct DsaPrivateNumbers {
    #[pyo3(get)]
    x: Py<PyInt>,
    #[pyo3(get)]
    public_numbers: Py<DsaPublicNumbers>,
}

#[pymethods]
impl DsaPrivateNumbers {
    #[new]
    fn new(x: &Bound<'_, PyAny>, public_numbers: &Bound<'_, PyAny>) -> PyResult<Self> {
        let x = require_int(x, "DSAPrivateNumbers x argument must be an integer.")?;
        let public_numbers = public_numbers
            .cast::<DsaPublicNumbers>()
            .map_err(|_| {
                PyTypeError::new_err("public_numbers must be a DSAPublicNumbers instance.")
            })?
            .clone()
            .unbind();
        Ok(DsaPrivateNumbers { x, public_numbers })
    }

    #[pyo3(signature = (backend=None))]
    fn private_key(
        &self,
        py: Python<'_>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<DsaPrivateKey> {
        let _ = backend;
        let public = self.public_numbers.get();
        public.check(py)?;
        let params = public.parameter_numbers.get();
        let (p, q, g) = (params.p.bind(py), params.q.bind(py), params.g.bind(py));
        let (x, y) = (self.x.bind(py), public.y.bind(py));
        if x.le(0)? || x.ge(q)? {
            return Err(CryptoError::value("x must be > 0 and < q."));
        }
        let expected = g.pow(x, Some(p))?;
        if !py_eq(&expected, y)? {
            return Err(CryptoError::value("y must be equal to (g ** x % p)."));
        }
        let dsa = Dsa::from_private_components(
            int_to_bn(p.as_any())?,
            int_to_bn(q.as_any())?,
            int_to_bn(g.as_any())?,
            int_to_bn(x.as_any())?,
            int_to_bn(y.as_any())?,
        )?;
        Ok(DsaPrivateKey::new(PKey::from_dsa(dsa)?))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(o) = other.cast::<DsaPrivateNumbers>() else {
            return Ok(crate::keys::eq_result(py, None));
        };
        let o = o.get();
        let equal = py_eq(self.x.bind(py), o.x.bind(py))?
            && py_eq(self.public_numbers.bind(py), o.public_numbers.bind(py))?;
        Ok(crate::keys::eq_result(py, Some(equal)))
    }
}

fn check_key_size(key_size: u32) -> CryptoResult<()> {
    if ![1024, 2048, 3072, 4096].contains(&key_size) {
        return Err(CryptoError::value(
            "Key size must be 1024, 2048, 3072, or 4096 bits.",
        ));
    }
    Ok(())
}

#[pyfunction]
fn generate_parameters(py: Python<'_>, key_size: u32) -> CryptoResult<DsaParameters> {
    check_key_size(key_size)?;
    let dsa = py.detach(|| Dsa::generate_params(key_size))?;
    Ok(DsaParameters { dsa })
}

#[pyfunction]
fn generate_private_key(py: Python<'_>, key_size: u32) -> CryptoResult<DsaPrivateKey> {
    check_key_size(key_size)?;
    let pkey = py.detach(|| -> CryptoResult<PKey<Private>> {
        Ok(PKey::from_dsa(Dsa::generate(key_size)?)?)
    })?;
    Ok(DsaPrivateKey::new(pkey))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<DsaParameters>()?;
    m.add_class::<DsaPrivateKey>()?;
    m.add_class::<DsaPublicKey>()?;
    m.add_class::<DsaParameterNumbers>()?;
    m.add_class::<DsaPublicNumbers>()?;
    m.add_class::<DsaPrivateNumbers>()?;
    m.add_function(wrap_pyfunction!(generate_parameters, m)?)?;
    m.add_function(wrap_pyfunction!(generate_private_key, m)?)
}
