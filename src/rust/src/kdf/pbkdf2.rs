//! `kdf.pbkdf2.PBKDF2HMAC`.

use oxicrypt_openssl::kdf::pbkdf2;
use pyo3::prelude::*;

use super::{bytes_arg, Derive, Once};
use crate::algorithms::{resolve, Resolved};
use crate::error::{CryptoError, CryptoResult, Reason};

struct Params {
    resolved: Resolved,
    length: usize,
    salt: Vec<u8>,
    iterations: u64,
}

impl Derive for Params {
    fn length(&self) -> usize {
        self.length
    }

    fn compute(&self, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        if self.resolved.kind.is_xof() {
            return Err(CryptoError::Unsupported(
                "Digest is not supported for HMAC".to_owned(),
                Reason::Hash,
            ));
        }
        pbkdf2::derive(
            self.resolved.md,
            key_material,
            &self.salt,
            self.iterations,
            out,
        )?;
        Ok(())
    }
}

#[pyclass(module = "oxicrypt.hazmat.primitives.kdf.pbkdf2", name = "PBKDF2HMAC")]
pub struct Pbkdf2Hmac {
    params: Params,
    once: Once,
}

kdf_pymethods!(Pbkdf2Hmac {
    #[new]
    #[pyo3(signature = (algorithm, length, salt, iterations, backend=None))]
    fn new(
        algorithm: &Bound<'_, PyAny>,
        length: usize,
        salt: &Bound<'_, PyAny>,
        iterations: u64,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<Self> {
        let _ = backend;
        let resolved = resolve(algorithm)?;
        let salt = bytes_arg(salt)?;
        if iterations < 1 {
            return Err(CryptoError::value(
                "iterations must be greater than or equal to 1.",
            ));
        }
        Ok(Pbkdf2Hmac {
            params: Params {
                resolved,
                length,
                salt,
                iterations,
            },
            once: Once::default(),
        })
    }
});
