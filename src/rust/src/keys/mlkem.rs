//! ML-KEM (FIPS 203) keys, module `oxicrypt._rust.mlkem`: one private and one public
//! class per parameter set, made by `mlkem_classes!`.

use openssl::pkey::{PKey, Private, Public};
use oxicrypt_keys::pq::PqKind;
use oxicrypt_openssl::pq as ossl;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};

use super::pq;
use crate::buf::Buffer;
use crate::error::{CryptoError, CryptoResult};

/// `(shared_secret, ciphertext)` for `key`.
pub fn encapsulate<'py>(
    py: Python<'py>,
    kind: PqKind,
    key: &PKey<Public>,
) -> CryptoResult<Bound<'py, PyTuple>> {
    let (secret, ciphertext) = py.detach(|| ossl::encapsulate(kind, key))?;
    Ok(PyTuple::new(
        py,
        [PyBytes::new(py, &secret), PyBytes::new(py, &ciphertext)],
    )?)
}

/// The shared secret of `ciphertext`. Any ciphertext of the right length gives one (FIPS
/// 203 implicit rejection: a tampered ciphertext gives an unrelated secret, not an error).
pub fn decapsulate(
    py: Python<'_>,
    kind: PqKind,
    key: &PKey<Private>,
    ciphertext: &[u8],
) -> CryptoResult<Vec<u8>> {
    if ciphertext.len() != kind.output_len() {
        return Err(CryptoError::value(&format!(
            "Invalid {} ciphertext",
            kind.name()
        )));
    }
    Ok(py.detach(|| ossl::decapsulate(key, ciphertext))?)
}

macro_rules! mlkem_classes {
    ($kind:expr, $private:ident, $private_name:literal, $public:ident, $public_name:literal) => {
        #[pyclass(frozen, module = "oxicrypt._rust.mlkem", name = $private_name)]
        pub struct $private {
            pub(crate) pkey: PKey<Private>,
        }

        #[pyclass(frozen, module = "oxicrypt._rust.mlkem", name = $public_name)]
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

            fn decapsulate<'py>(
                &self,
                py: Python<'py>,
                ciphertext: Buffer<'_>,
            ) -> CryptoResult<Bound<'py, PyBytes>> {
                let secret = decapsulate(py, $kind, &self.pkey, ciphertext.as_bytes())?;
                Ok(PyBytes::new(py, &secret))
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

            fn encapsulate<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyTuple>> {
                encapsulate(py, $kind, &self.pkey)
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

mlkem_classes!(
    PqKind::MlKem768,
    MlKem768PrivateKey,
    "MLKEM768PrivateKey",
    MlKem768PublicKey,
    "MLKEM768PublicKey"
);
mlkem_classes!(
    PqKind::MlKem1024,
    MlKem1024PrivateKey,
    "MLKEM1024PrivateKey",
    MlKem1024PublicKey,
    "MLKEM1024PublicKey"
);

/// The Python object of a private key of parameter set `kind`.
pub fn private_object(
    py: Python<'_>,
    kind: PqKind,
    pkey: PKey<Private>,
) -> CryptoResult<Py<PyAny>> {
    Ok(match kind {
        PqKind::MlKem768 => Py::new(py, MlKem768PrivateKey { pkey })?.into_any(),
        PqKind::MlKem1024 => Py::new(py, MlKem1024PrivateKey { pkey })?.into_any(),
        PqKind::MlDsa44 | PqKind::MlDsa65 | PqKind::MlDsa87 => {
            return Err(CryptoError::value("not an ML-KEM parameter set"))
        }
    })
}

/// The Python object of a public key of parameter set `kind`.
pub fn public_object(py: Python<'_>, kind: PqKind, pkey: PKey<Public>) -> CryptoResult<Py<PyAny>> {
    Ok(match kind {
        PqKind::MlKem768 => Py::new(py, MlKem768PublicKey { pkey })?.into_any(),
        PqKind::MlKem1024 => Py::new(py, MlKem1024PublicKey { pkey })?.into_any(),
        PqKind::MlDsa44 | PqKind::MlDsa65 | PqKind::MlDsa87 => {
            return Err(CryptoError::value("not an ML-KEM parameter set"))
        }
    })
}

#[pyfunction]
fn generate_key(py: Python<'_>, name: &str) -> CryptoResult<Py<PyAny>> {
    let kind = pq::kind_named(name, false)?;
    let pkey = pq::generate(py, kind)?;
    private_object(py, kind, pkey)
}

#[pyfunction]
fn from_seed_bytes(py: Python<'_>, name: &str, data: Buffer<'_>) -> CryptoResult<Py<PyAny>> {
    let kind = pq::kind_named(name, false)?;
    let pkey = pq::private_from_seed(py, kind, data.as_bytes())?;
    private_object(py, kind, pkey)
}

#[pyfunction]
fn from_public_bytes(py: Python<'_>, name: &str, data: Buffer<'_>) -> CryptoResult<Py<PyAny>> {
    let kind = pq::kind_named(name, false)?;
    let pkey = pq::public_from_raw(kind, data.as_bytes())?;
    public_object(py, kind, pkey)
}

#[pyfunction]
fn supported() -> bool {
    ossl::supported(PqKind::MlKem768) && ossl::supported(PqKind::MlKem1024)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<MlKem768PrivateKey>()?;
    m.add_class::<MlKem768PublicKey>()?;
    m.add_class::<MlKem1024PrivateKey>()?;
    m.add_class::<MlKem1024PublicKey>()?;
    m.add_function(wrap_pyfunction!(generate_key, m)?)?;
    m.add_function(wrap_pyfunction!(from_seed_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(from_public_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(supported, m)?)
}
