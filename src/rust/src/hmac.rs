//! `hmac.HMAC`.

use oxicrypt_openssl::constant_time::bytes_eq;
use oxicrypt_openssl::hmac::{Hmac, MAX_MD_SIZE};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::algorithms::resolve;
use crate::buf::{Buffer, DETACH_THRESHOLD};
use crate::error::{CryptoError, CryptoResult, Reason};

const FINALIZED: &str = "Context was already finalized.";

#[pyclass(module = "oxicrypt._rust.hmac", name = "HMAC")]
pub struct HmacContext {
    algorithm: Py<PyAny>,
    /// `None` once finalized.
    ctx: Option<Hmac>,
}

impl HmacContext {
    fn context(&mut self) -> CryptoResult<&mut Hmac> {
        self.ctx
            .as_mut()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))
    }

    fn finish(&mut self) -> CryptoResult<Vec<u8>> {
        let mut ctx = self
            .ctx
            .take()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))?;
        let mut out = [0u8; MAX_MD_SIZE];
        let n = ctx.finish(&mut out)?;
        Ok(out.get(..n).unwrap_or(&out).to_vec())
    }
}

#[pymethods]
impl HmacContext {
    #[new]
    #[pyo3(signature = (key, algorithm, backend=None))]
    fn new(
        py: Python<'_>,
        key: Buffer<'_>,
        algorithm: &Bound<'_, PyAny>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<HmacContext> {
        let _ = backend;
        let resolved = resolve(algorithm)?;
        if resolved.kind.is_xof() {
            return Err(CryptoError::Unsupported(
                "Digest is not supported for HMAC".to_owned(),
                Reason::Hash,
            ));
        }
        let key = key.as_bytes();
        let ctx = if key.len() >= DETACH_THRESHOLD {
            py.detach(|| Hmac::new(key, resolved.md))?
        } else {
            Hmac::new(key, resolved.md)?
        };
        Ok(HmacContext {
            algorithm: algorithm.clone().unbind(),
            ctx: Some(ctx),
        })
    }

    #[getter]
    fn algorithm(&self, py: Python<'_>) -> Py<PyAny> {
        self.algorithm.clone_ref(py)
    }

    fn update(&mut self, py: Python<'_>, data: Buffer<'_>) -> CryptoResult<()> {
        let ctx = self.context()?;
        let data = data.as_bytes();
        if data.len() >= DETACH_THRESHOLD {
            py.detach(|| ctx.update(data))?;
        } else {
            ctx.update(data)?;
        }
        Ok(())
    }

    fn copy(&mut self, py: Python<'_>) -> CryptoResult<HmacContext> {
        let ctx = self.context()?.try_clone()?;
        Ok(HmacContext {
            algorithm: self.algorithm.clone_ref(py),
            ctx: Some(ctx),
        })
    }

    fn finalize(&mut self, py: Python<'_>) -> CryptoResult<Py<PyBytes>> {
        let mac = self.finish()?;
        Ok(PyBytes::new(py, &mac).unbind())
    }

    /// Finalizes and compares with `signature` in constant time.
    fn verify(&mut self, signature: &Bound<'_, PyBytes>) -> CryptoResult<()> {
        let mac = self.finish()?;
        if bytes_eq(&mac, signature.as_bytes()) {
            Ok(())
        } else {
            Err(CryptoError::InvalidSignature(
                "Signature did not match digest.",
            ))
        }
    }
}
