//! `poly1305.Poly1305` (RFC 8439 section 2.5).

use oxicrypt_openssl::constant_time::bytes_eq;
use oxicrypt_openssl::mac::Mac;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::buf::{Buffer, DETACH_THRESHOLD};
use crate::error::{CryptoError, CryptoResult, Reason};

const FINALIZED: &str = "Context was already finalized.";
const MISMATCH: &str = "Value did not match computed tag.";

fn keyed(key: &[u8]) -> CryptoResult<Mac> {
    if key.len() != 32 {
        return Err(CryptoError::value("A poly1305 key is 32 bytes long"));
    }
    Mac::poly1305(key).map_err(|_| {
        CryptoError::Unsupported(
            "poly1305 is not supported by this version of OpenSSL.".into(),
            Reason::Mac,
        )
    })
}

fn absorb(py: Python<'_>, ctx: &mut Mac, data: &[u8]) -> CryptoResult<()> {
    if data.len() >= DETACH_THRESHOLD {
        py.detach(|| ctx.update(data))?;
    } else {
        ctx.update(data)?;
    }
    Ok(())
}

fn check(tag: &[u8], expected: &[u8]) -> CryptoResult<()> {
    if bytes_eq(tag, expected) {
        Ok(())
    } else {
        Err(CryptoError::InvalidSignature(MISMATCH))
    }
}

#[pyclass(module = "oxicrypt.hazmat.primitives.poly1305", name = "Poly1305")]
pub struct Poly1305 {
    /// `None` once finalized.
    ctx: Option<Mac>,
}

impl Poly1305 {
    fn finish(&mut self) -> CryptoResult<Vec<u8>> {
        let mut ctx = self
            .ctx
            .take()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))?;
        Ok(ctx.finish()?)
    }
}

#[pymethods]
impl Poly1305 {
    #[new]
    fn new(key: Buffer<'_>) -> CryptoResult<Self> {
        Ok(Poly1305 {
            ctx: Some(keyed(key.as_bytes())?),
        })
    }

    #[staticmethod]
    fn generate_tag<'py>(
        py: Python<'py>,
        key: Buffer<'_>,
        data: Buffer<'_>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let mut ctx = keyed(key.as_bytes())?;
        absorb(py, &mut ctx, data.as_bytes())?;
        Ok(PyBytes::new(py, &ctx.finish()?))
    }

    #[staticmethod]
    fn verify_tag(
        py: Python<'_>,
        key: Buffer<'_>,
        data: Buffer<'_>,
        tag: &Bound<'_, PyAny>,
    ) -> CryptoResult<()> {
        let tag = crate::kdf::bytes_arg(tag)?;
        let mut ctx = keyed(key.as_bytes())?;
        absorb(py, &mut ctx, data.as_bytes())?;
        check(&ctx.finish()?, &tag)
    }

    fn update(&mut self, py: Python<'_>, data: Buffer<'_>) -> CryptoResult<()> {
        let ctx = self
            .ctx
            .as_mut()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))?;
        absorb(py, ctx, data.as_bytes())
    }

    fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
        Ok(PyBytes::new(py, &self.finish()?))
    }

    fn verify(&mut self, signature: &Bound<'_, PyAny>) -> CryptoResult<()> {
        // `signature` is the reference's parameter name for the expected tag.
        let tag = crate::kdf::bytes_arg(signature)?;
        let computed = self.finish()?;
        check(&computed, &tag)
    }
}
