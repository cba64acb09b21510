//! `kdf.scrypt.Scrypt`.

use oxicrypt_openssl::kdf::scrypt;
use pyo3::exceptions::PyMemoryError;
use pyo3::prelude::*;

use super::{bytes_arg, Derive, Once};
use crate::error::{CryptoError, CryptoResult};

/// The most memory scrypt may use, as in the reference: `sys.maxsize // 2` (OpenSSL's
/// own default of 32 MiB would refuse common parameters). Parameters that need more, or
/// whose allocation fails, raise `MemoryError`.
const MAX_MEMORY: u64 = (isize::MAX as u64) / 2;

struct Params {
    salt: Vec<u8>,
    length: usize,
    n: u64,
    r: u64,
    p: u64,
}

impl Derive for Params {
    fn length(&self) -> usize {
        self.length
    }

    fn compute(&self, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        scrypt::derive(
            key_material,
            &self.salt,
            self.n,
            self.r,
            self.p,
            MAX_MEMORY,
            out,
        )
        .map_err(|_| {
            let mib = 128u128 * u128::from(self.n) * u128::from(self.r) / (1024 * 1024);
            CryptoError::Py(PyMemoryError::new_err(format!(
                "Not enough memory to derive key. These parameters require {mib}MB of memory."
            )))
        })
    }
}

#[pyclass(module = "oxicrypt.hazmat.primitives.kdf.scrypt", name = "Scrypt")]
pub struct Scrypt {
    params: Params,
    once: Once,
}

kdf_pymethods!(Scrypt {
    #[new]
    #[pyo3(signature = (salt, length, n, r, p, backend=None))]
    fn new(
        salt: &Bound<'_, PyAny>,
        length: usize,
        n: u64,
        r: u64,
        p: u64,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<Self> {
        let _ = backend;
        let salt = bytes_arg(salt)?;
        if n < 2 || !n.is_power_of_two() {
            return Err(CryptoError::value(
                "n must be greater than 1 and be a power of 2.",
            ));
        }
        if r < 1 {
            return Err(CryptoError::value("r must be greater than or equal to 1."));
        }
        if p < 1 {
            return Err(CryptoError::value("p must be greater than or equal to 1."));
        }
        Ok(Scrypt {
            params: Params {
                salt,
                length,
                n,
                r,
                p,
            },
            once: Once::default(),
        })
    }
});
