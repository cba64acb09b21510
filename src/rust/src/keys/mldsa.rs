//! ML-DSA (FIPS 204) keys, module `oxicrypt._rust.mldsa`: one private and one public
//! class per parameter set (made by `mldsa_classes!`), and `MLDSAMuHasher`, which
//! computes the message representative mu for `sign_mu`/`verify_mu`.

use openssl::pkey::{PKey, Private, Public};
use oxicrypt_keys::pq::PqKind;
use oxicrypt_openssl::digest::{Digest, HashKind};
use oxicrypt_openssl::pq as ossl;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::pq;
use crate::buf::Buffer;
use crate::error::{CryptoError, CryptoResult};

/// FIPS 204, section 5.2: the context string is at most 255 bytes.
const MAX_CONTEXT: usize = 255;
/// The length of mu and of tr (FIPS 204, algorithm 7, lines 6-7).
const MU_LEN: usize = 64;

fn check_context(context: Option<&Buffer<'_>>) -> CryptoResult<Vec<u8>> {
    let context = context.map(Buffer::as_bytes).unwrap_or_default();
    if context.len() > MAX_CONTEXT {
        return Err(CryptoError::value("Context must be at most 255 bytes"));
    }
    Ok(context.to_vec())
}

fn check_mu(mu: &[u8]) -> CryptoResult<()> {
    if mu.len() != MU_LEN {
        return Err(CryptoError::value("mu must be 64 bytes"));
    }
    Ok(())
}

pub fn sign(
    py: Python<'_>,
    kind: PqKind,
    key: &PKey<Private>,
    data: &[u8],
    context: Option<&Buffer<'_>>,
) -> CryptoResult<Vec<u8>> {
    let context = check_context(context)?;
    Ok(py.detach(|| ossl::sign(kind, key, data, &context, false))?)
}

pub fn sign_mu(
    py: Python<'_>,
    kind: PqKind,
    key: &PKey<Private>,
    mu: &[u8],
) -> CryptoResult<Vec<u8>> {
    check_mu(mu)?;
    Ok(py.detach(|| ossl::sign(kind, key, mu, &[], true))?)
}

pub fn verify(
    py: Python<'_>,
    kind: PqKind,
    key: &PKey<Public>,
    signature: &[u8],
    data: &[u8],
    context: Option<&Buffer<'_>>,
) -> CryptoResult<()> {
    let context = check_context(context)?;
    let valid = py.detach(|| ossl::verify(kind, key, signature, data, &context, false))?;
    if valid {
        Ok(())
    } else {
        Err(CryptoError::InvalidSignature(""))
    }
}

pub fn verify_mu(
    py: Python<'_>,
    kind: PqKind,
    key: &PKey<Public>,
    signature: &[u8],
    mu: &[u8],
) -> CryptoResult<()> {
    check_mu(mu)?;
    let valid = py.detach(|| ossl::verify(kind, key, signature, mu, &[], true))?;
    if valid {
        Ok(())
    } else {
        Err(CryptoError::InvalidSignature(""))
    }
}

/// Defines the private and public classes of one parameter set.
macro_rules! mldsa_classes {
    ($kind:expr, $private:ident, $private_name:literal, $public:ident, $public_name:literal) => {
        #[pyclass(frozen, module = "oxicrypt._rust.mldsa", name = $private_name)]
        pub struct $private {
            pub(crate) pkey: PKey<Private>,
        }

        #[pyclass(frozen, module = "oxicrypt._rust.mldsa", name = $public_name)]
        pub struct $public {
            pub(crate) pkey: PKey<Public>,
        }

        #[pymethods]
        impl $private {
            fn public_key(&self) -> CryptoResult<$public> {
                Ok($public {
                    pkey: pq::public_of($kind, &self.pkey)?,
                })
            }

            fn private_bytes_raw<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
                Ok(PyBytes::new(py, &pq::seed_of($kind, &self.pkey)?))
            }

            fn private_bytes<'py>(
                &self,
                py: Python<'py>,
                encoding: super::serialization::Encoding,
                format: super::serialization::PrivateFormat,
                encryption_algorithm: &Bound<'py, PyAny>,
            ) -> CryptoResult<Bound<'py, PyBytes>> {
                pq::private_bytes(
                    py,
                    $kind,
                    &self.pkey,
                    encoding,
                    format,
                    encryption_algorithm,
                )
            }

            #[pyo3(signature = (data, context=None))]
            fn sign<'py>(
                &self,
                py: Python<'py>,
                data: Buffer<'_>,
                context: Option<Buffer<'_>>,
            ) -> CryptoResult<Bound<'py, PyBytes>> {
                let signature = sign(py, $kind, &self.pkey, data.as_bytes(), context.as_ref())?;
                Ok(PyBytes::new(py, &signature))
            }

            fn sign_mu<'py>(
                &self,
                py: Python<'py>,
                mu: Buffer<'_>,
            ) -> CryptoResult<Bound<'py, PyBytes>> {
                let signature = sign_mu(py, $kind, &self.pkey, mu.as_bytes())?;
                Ok(PyBytes::new(py, &signature))
            }

            fn __copy__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
                slf
            }

            fn __deepcopy__<'py>(
                slf: PyRef<'py, Self>,
                _memo: &Bound<'py, PyAny>,
            ) -> PyRef<'py, Self> {
                slf
            }
        }

        #[pymethods]
        impl $public {
            fn public_bytes_raw<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
                Ok(PyBytes::new(py, &self.pkey.raw_public_key()?))
            }

            fn public_bytes<'py>(
                &self,
                py: Python<'py>,
                encoding: super::serialization::Encoding,
                format: super::serialization::PublicFormat,
            ) -> CryptoResult<Bound<'py, PyBytes>> {
                pq::public_bytes(py, $kind, &self.pkey, encoding, format)
            }

            #[pyo3(signature = (signature, data, context=None))]
            fn verify(
                &self,
                py: Python<'_>,
                signature: Buffer<'_>,
                data: Buffer<'_>,
                context: Option<Buffer<'_>>,
            ) -> CryptoResult<()> {
                verify(
                    py,
                    $kind,
                    &self.pkey,
                    signature.as_bytes(),
                    data.as_bytes(),
                    context.as_ref(),
                )
            }

            fn verify_mu(
                &self,
                py: Python<'_>,
                signature: Buffer<'_>,
                mu: Buffer<'_>,
            ) -> CryptoResult<()> {
                verify_mu(py, $kind, &self.pkey, signature.as_bytes(), mu.as_bytes())
            }

            fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> Py<PyAny> {
                let equal = other
                    .cast::<$public>()
                    .ok()
                    .map(|other| self.pkey.public_eq(&other.get().pkey));
                crate::keys::eq_result(py, equal)
            }

            fn __copy__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
                slf
            }

            fn __deepcopy__<'py>(
                slf: PyRef<'py, Self>,
                _memo: &Bound<'py, PyAny>,
            ) -> PyRef<'py, Self> {
                slf
            }
        }
    };
}

mldsa_classes!(
    PqKind::MlDsa44,
    MlDsa44PrivateKey,
    "MLDSA44PrivateKey",
    MlDsa44PublicKey,
    "MLDSA44PublicKey"
);
mldsa_classes!(
    PqKind::MlDsa65,
    MlDsa65PrivateKey,
    "MLDSA65PrivateKey",
    MlDsa65PublicKey,
    "MLDSA65PublicKey"
);
mldsa_classes!(
    PqKind::MlDsa87,
    MlDsa87PrivateKey,
    "MLDSA87PrivateKey",
    MlDsa87PublicKey,
    "MLDSA87PublicKey"
);

/// The Python object of a private key of parameter set `kind`.
pub fn private_object(
    py: Python<'_>,
    kind: PqKind,
    pkey: PKey<Private>,
) -> CryptoResult<Py<PyAny>> {
    Ok(match kind {
        PqKind::MlDsa44 => Py::new(py, MlDsa44PrivateKey { pkey })?.into_any(),
        PqKind::MlDsa65 => Py::new(py, MlDsa65PrivateKey { pkey })?.into_any(),
        PqKind::MlDsa87 => Py::new(py, MlDsa87PrivateKey { pkey })?.into_any(),
        PqKind::MlKem768 | PqKind::MlKem1024 => {
            return Err(CryptoError::value("not an ML-DSA parameter set"))
        }
    })
}

/// The Python object of a public key of parameter set `kind`.
pub fn public_object(py: Python<'_>, kind: PqKind, pkey: PKey<Public>) -> CryptoResult<Py<PyAny>> {
    Ok(match kind {
        PqKind::MlDsa44 => Py::new(py, MlDsa44PublicKey { pkey })?.into_any(),
        PqKind::MlDsa65 => Py::new(py, MlDsa65PublicKey { pkey })?.into_any(),
        PqKind::MlDsa87 => Py::new(py, MlDsa87PublicKey { pkey })?.into_any(),
        PqKind::MlKem768 | PqKind::MlKem1024 => {
            return Err(CryptoError::value("not an ML-DSA parameter set"))
        }
    })
}

/// The raw public key of any ML-DSA public key object, or None for anything else.
fn raw_public_key(obj: &Bound<'_, PyAny>) -> CryptoResult<Option<Vec<u8>>> {
    let pkey = if let Ok(key) = obj.cast::<MlDsa44PublicKey>() {
        &key.get().pkey
    } else if let Ok(key) = obj.cast::<MlDsa65PublicKey>() {
        &key.get().pkey
    } else if let Ok(key) = obj.cast::<MlDsa87PublicKey>() {
        &key.get().pkey
    } else {
        return Ok(None);
    };
    Ok(Some(pkey.raw_public_key()?))
}

const FINALIZED: &str = "Context was already finalized.";

/// MLDSAMuHasher(public_key, context=None)
/// --
///
/// Computes mu = SHAKE256(tr || 0 || len(context) || context || message, 64), with
/// tr = SHAKE256(public key, 64) (FIPS 204, algorithm 2 and algorithm 7, line 6), for
/// messages too large to hold in memory at once: the result goes to `sign_mu` and
/// `verify_mu`.
#[pyclass(module = "oxicrypt._rust.mldsa", name = "MLDSAMuHasher")]
pub struct MuHasher {
    /// `None` once finalized.
    digest: Option<Digest>,
}

fn shake256() -> CryptoResult<Digest> {
    let md = HashKind::Shake256
        .md()
        .ok_or_else(|| CryptoError::value("SHAKE256 is not available"))?;
    Ok(Digest::new(md)?)
}

#[pymethods]
impl MuHasher {
    #[new]
    #[pyo3(signature = (public_key, context=None))]
    fn new(public_key: &Bound<'_, PyAny>, context: Option<Buffer<'_>>) -> CryptoResult<MuHasher> {
        let Some(raw) = raw_public_key(public_key)? else {
            return Err(PyTypeError::new_err("public_key must be an ML-DSA public key.").into());
        };
        let context = check_context(context.as_ref())?;
        let mut tr = [0u8; MU_LEN];
        let mut key_hash = shake256()?;
        key_hash.update(&raw)?;
        key_hash.finish_xof(&mut tr)?;
        let mut digest = shake256()?;
        digest.update(&tr)?;
        // M' = IntegerToBytes(0, 1) || IntegerToBytes(|ctx|, 1) || ctx || M (algorithm 2,
        // line 10): the domain separator of pure (not pre-hashed) ML-DSA.
        let length = u8::try_from(context.len()).map_err(|_| CryptoError::value("context"))?;
        digest.update(&[0, length])?;
        digest.update(&context)?;
        Ok(MuHasher {
            digest: Some(digest),
        })
    }

    fn update(&mut self, py: Python<'_>, data: Buffer<'_>) -> CryptoResult<()> {
        let digest = self
            .digest
            .as_mut()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))?;
        crate::hashes::absorb(py, digest, data.as_bytes())
    }

    fn copy(&self) -> CryptoResult<MuHasher> {
        let digest = self
            .digest
            .clone()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))?;
        Ok(MuHasher {
            digest: Some(digest),
        })
    }

    fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
        let mut digest = self
            .digest
            .take()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))?;
        let mut mu = [0u8; MU_LEN];
        digest.finish_xof(&mut mu)?;
        Ok(PyBytes::new(py, &mu))
    }
}

#[pyfunction]
fn generate_key(py: Python<'_>, name: &str) -> CryptoResult<Py<PyAny>> {
    let kind = pq::kind_named(name, true)?;
    let pkey = pq::generate(py, kind)?;
    private_object(py, kind, pkey)
}

#[pyfunction]
fn from_seed_bytes(py: Python<'_>, name: &str, data: Buffer<'_>) -> CryptoResult<Py<PyAny>> {
    let kind = pq::kind_named(name, true)?;
    let pkey = pq::private_from_seed(py, kind, data.as_bytes())?;
    private_object(py, kind, pkey)
}

#[pyfunction]
fn from_public_bytes(py: Python<'_>, name: &str, data: Buffer<'_>) -> CryptoResult<Py<PyAny>> {
    let kind = pq::kind_named(name, true)?;
    let pkey = pq::public_from_raw(kind, data.as_bytes())?;
    public_object(py, kind, pkey)
}

#[pyfunction]
fn supported() -> bool {
    ossl::supported(PqKind::MlDsa44)
        && ossl::supported(PqKind::MlDsa65)
        && ossl::supported(PqKind::MlDsa87)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<MlDsa44PrivateKey>()?;
    m.add_class::<MlDsa44PublicKey>()?;
    m.add_class::<MlDsa65PrivateKey>()?;
    m.add_class::<MlDsa65PublicKey>()?;
    m.add_class::<MlDsa87PrivateKey>()?;
    m.add_class::<MlDsa87PublicKey>()?;
    m.add_class::<MuHasher>()?;
    m.add_function(wrap_pyfunction!(generate_key, m)?)?;
    m.add_function(wrap_pyfunction!(from_seed_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(from_public_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(supported, m)?)
}
