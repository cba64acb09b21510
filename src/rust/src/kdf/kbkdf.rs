//! `kdf.kbkdf.KBKDFHMAC` and `kdf.kbkdf.KBKDFCMAC` (NIST SP 800-108 counter mode).

use oxicrypt_openssl::hmac::Hmac;
use oxicrypt_openssl::kdf::kbkdf::{self, CounterLocation};
use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use super::hkdf::check_hmac_digest;
use super::{not_an_instance, optional_bytes_arg, Derive, Once};
use crate::algorithms::{resolve, Resolved};
use crate::cmac::{block_cipher_abc, keyed_cmac};
use crate::error::{CryptoError, CryptoResult, Reason};

fn kbkdf_enum<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyType>>,
    name: &str,
) -> PyResult<&'py Bound<'py, PyType>> {
    cell.import(py, "oxicrypt.hazmat.primitives.kdf.kbkdf", name)
}

/// The checked, PRF-independent parameters.
struct Common {
    length: usize,
    rlen: usize,
    llen: Option<usize>,
    location: CounterLocation,
    label: Vec<u8>,
    context: Vec<u8>,
    fixed: Option<Vec<u8>>,
}

impl Common {
    #[allow(clippy::too_many_arguments)]
    fn new(
        prf_len: usize,
        mode: &Bound<'_, PyAny>,
        length: usize,
        rlen: usize,
        llen: Option<usize>,
        location: &Bound<'_, PyAny>,
        label: Option<&Bound<'_, PyAny>>,
        context: Option<&Bound<'_, PyAny>>,
        fixed: Option<&Bound<'_, PyAny>>,
        break_location: Option<usize>,
    ) -> CryptoResult<Common> {
        let py = mode.py();
        static MODE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        static LOCATION: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        if !mode.is_instance(kbkdf_enum(py, &MODE, "Mode")?)? {
            return Err(PyTypeError::new_err("mode must be of type Mode").into());
        }
        if !location.is_instance(kbkdf_enum(py, &LOCATION, "CounterLocation")?)? {
            return Err(PyTypeError::new_err("location must be of type CounterLocation").into());
        }
        let location_name: String = location.getattr("name")?.extract()?;
        let location =
            match (location_name.as_str(), break_location) {
                ("MiddleFixed", Some(at)) => CounterLocation::MiddleFixed(at),
                ("MiddleFixed", None) => {
                    return Err(CryptoError::value("Please specify a break_location"))
                }
                (_, Some(_)) => return Err(CryptoError::value(
                    "break_location is ignored when location is not CounterLocation.MiddleFixed",
                )),
                ("AfterFixed", None) => CounterLocation::AfterFixed,
                _ => CounterLocation::BeforeFixed,
            };
        let label = optional_bytes_arg(label)?;
        let context = optional_bytes_arg(context)?;
        let fixed = optional_bytes_arg(fixed)?;
        if (label.is_some() || context.is_some()) && fixed.is_some() {
            return Err(CryptoError::value(
                "When supplying fixed data, label and context are ignored.",
            ));
        }
        if !(1..=4).contains(&rlen) {
            return Err(CryptoError::value("rlen must be between 1 and 4"));
        }
        if llen.is_none() && fixed.is_none() {
            return Err(CryptoError::value("Please specify an llen"));
        }
        if llen == Some(0) {
            return Err(CryptoError::value("llen must be non-zero"));
        }
        if kbkdf::rounds(length as u64, prf_len, rlen).is_none() {
            return Err(CryptoError::value("There are too many iterations."));
        }
        Ok(Common {
            length,
            rlen,
            llen,
            location,
            label: label.unwrap_or_default(),
            context: context.unwrap_or_default(),
            fixed,
        })
    }

    /// The fixed input data, given or built from label, context and L.
    fn fixed_input(&self) -> CryptoResult<Vec<u8>> {
        if let Some(fixed) = &self.fixed {
            return Ok(fixed.clone());
        }
        let llen = self.llen.unwrap_or(4);
        kbkdf::fixed_input(&self.label, &self.context, self.length as u64, llen)
            .ok_or_else(|| PyOverflowError::new_err("int too big to convert").into())
    }

    fn run<P: kbkdf::Prf>(&self, prf: &P, out: &mut [u8]) -> CryptoResult<()> {
        let fixed = self.fixed_input()?;
        if let CounterLocation::MiddleFixed(at) = self.location {
            if at > fixed.len() {
                return Err(CryptoError::value("break_location offset > len(fixed)"));
            }
        }
        kbkdf::derive(prf, self.rlen, self.location, &fixed, out)?;
        Ok(())
    }
}

struct HmacParams {
    resolved: Resolved,
    common: Common,
}

impl Derive for HmacParams {
    fn length(&self) -> usize {
        self.common.length
    }

    fn compute(&self, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        check_hmac_digest(&self.resolved)?;
        let prf = Hmac::new(key_material, self.resolved.md)?;
        self.common.run(&prf, out)
    }
}

#[pyclass(module = "oxicrypt.hazmat.primitives.kdf.kbkdf", name = "KBKDFHMAC")]
pub struct KbkdfHmac {
    params: HmacParams,
    once: Once,
}

kdf_pymethods!(KbkdfHmac {
    #[new]
    #[pyo3(signature = (algorithm, mode, length, rlen, llen, location, label, context, fixed, backend=None, *, break_location=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        algorithm: &Bound<'_, PyAny>,
        mode: &Bound<'_, PyAny>,
        length: usize,
        rlen: usize,
        llen: Option<usize>,
        location: &Bound<'_, PyAny>,
        label: Option<&Bound<'_, PyAny>>,
        context: Option<&Bound<'_, PyAny>>,
        fixed: Option<&Bound<'_, PyAny>>,
        backend: Option<&Bound<'_, PyAny>>,
        break_location: Option<usize>,
    ) -> CryptoResult<Self> {
        let _ = backend;
        let resolved = resolve(algorithm)?;
        let prf_len = super::hkdf::digest_size(&resolved);
        let common = Common::new(
            prf_len, mode, length, rlen, llen, location, label, context, fixed, break_location,
        )?;
        Ok(KbkdfHmac {
            params: HmacParams { resolved, common },
            once: Once::default(),
        })
    }
});

/// CMAC needs the cipher object, which is made from the key material with the GIL held;
/// the rest of the derivation then runs without it.
struct CmacParams {
    common: Common,
}

#[pyclass(module = "oxicrypt.hazmat.primitives.kdf.kbkdf", name = "KBKDFCMAC")]
pub struct KbkdfCmac {
    algorithm: Py<PyType>,
    params: CmacParams,
    once: Once,
}

impl KbkdfCmac {
    fn prf(&self, py: Python<'_>, key_material: &[u8]) -> CryptoResult<oxicrypt_openssl::mac::Mac> {
        let cipher = self
            .algorithm
            .bind(py)
            .call1((pyo3::types::PyBytes::new(py, key_material),))?;
        keyed_cmac(&cipher, true)
    }

    fn compute(&self, py: Python<'_>, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        let prf = self.prf(py, key_material)?;
        let common = &self.params.common;
        py.detach(|| common.run(&prf, out))
    }
}

#[pymethods]
impl KbkdfCmac {
    #[new]
    #[pyo3(signature = (algorithm, mode, length, rlen, llen, location, label, context, fixed, backend=None, *, break_location=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        algorithm: &Bound<'_, PyAny>,
        mode: &Bound<'_, PyAny>,
        length: usize,
        rlen: usize,
        llen: Option<usize>,
        location: &Bound<'_, PyAny>,
        label: Option<&Bound<'_, PyAny>>,
        context: Option<&Bound<'_, PyAny>>,
        fixed: Option<&Bound<'_, PyAny>>,
        backend: Option<&Bound<'_, PyAny>>,
        break_location: Option<usize>,
    ) -> CryptoResult<Self> {
        let _ = backend;
        let algorithm = algorithm
            .cast::<PyType>()
            .map_err(|_| not_an_instance(algorithm, "type"))?
            .clone();
        if !algorithm.is_subclass(block_cipher_abc(algorithm.py())?)? {
            return Err(CryptoError::Unsupported(
                "Algorithm must be a block cipher.".into(),
                Reason::Cipher,
            ));
        }
        let block_bits: Option<usize> = algorithm
            .getattr("block_size")
            .ok()
            .and_then(|b| b.extract().ok());
        let prf_len = block_bits.map_or(16, |b| b / 8);
        let common = Common::new(
            prf_len,
            mode,
            length,
            rlen,
            llen,
            location,
            label,
            context,
            fixed,
            break_location,
        )?;
        Ok(KbkdfCmac {
            algorithm: algorithm.unbind(),
            params: CmacParams { common },
            once: Once::default(),
        })
    }

    fn derive<'py>(
        &mut self,
        py: Python<'py>,
        key_material: crate::buf::Buffer<'_>,
    ) -> CryptoResult<Bound<'py, pyo3::types::PyBytes>> {
        self.once.take()?;
        let mut out = vec![0u8; self.params.common.length];
        self.compute(py, key_material.as_bytes(), &mut out)?;
        let result = pyo3::types::PyBytes::new(py, &out);
        out.fill(0);
        Ok(result)
    }

    fn derive_into(
        &mut self,
        py: Python<'_>,
        key_material: crate::buf::Buffer<'_>,
        mut buf: crate::writable::WritableBuffer<'_>,
    ) -> CryptoResult<usize> {
        self.once.take()?;
        let length = self.params.common.length;
        if buf.len() != length {
            return Err(CryptoError::value(&format!(
                "buffer must be {length} bytes"
            )));
        }
        let out = buf.as_mut_slice();
        let km = super::unaliased(key_material.as_bytes(), out);
        self.compute(py, &km, out)?;
        Ok(length)
    }

    fn verify(
        &mut self,
        py: Python<'_>,
        key_material: crate::buf::Buffer<'_>,
        expected_key: crate::buf::Buffer<'_>,
    ) -> CryptoResult<()> {
        let derived = self.derive(py, key_material)?;
        if oxicrypt_openssl::constant_time::bytes_eq(derived.as_bytes(), expected_key.as_bytes()) {
            Ok(())
        } else {
            Err(super::InvalidKey::new_err("Keys do not match.").into())
        }
    }
}
