//! `kdf.x963kdf.X963KDF`, `kdf.concatkdf.ConcatKDFHash` and `kdf.concatkdf.ConcatKDFHMAC`:
//! the KDFs that hash a 32-bit counter with the shared secret.

use oxicrypt_openssl::kdf::counter;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

use super::hkdf::{check_hmac_digest, digest_size};
use super::{optional_bytes_arg, Derive, Once};
use crate::algorithms::{resolve, Resolved};
use crate::error::{CryptoError, CryptoResult};

/// The counter is 32 bits: at most 2^32 - 1 digests of output. The reference's message
/// says bits but gives the limit in bytes; it is kept as is.
fn check_length(resolved: &Resolved, length: usize) -> CryptoResult<()> {
    let max = counter::max_length(digest_size(resolved));
    if length as u64 > max {
        return Err(CryptoError::value(&format!(
            "Cannot derive keys larger than {max} bits."
        )));
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Construction {
    X963,
    ConcatHash,
}

struct HashParams {
    construction: Construction,
    resolved: Resolved,
    length: usize,
    info: Vec<u8>,
}

impl Derive for HashParams {
    fn length(&self) -> usize {
        self.length
    }

    fn compute(&self, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        let r = &self.resolved;
        let f = match self.construction {
            Construction::X963 => counter::x963,
            Construction::ConcatHash => counter::concat_hash,
        };
        f(
            r.md,
            digest_size(r),
            r.kind.is_xof(),
            key_material,
            &self.info,
            out,
        )?;
        Ok(())
    }
}

fn hash_params(
    construction: Construction,
    algorithm: &Bound<'_, PyAny>,
    length: usize,
    info: Option<&Bound<'_, PyAny>>,
) -> CryptoResult<HashParams> {
    let resolved = resolve(algorithm)?;
    let info = optional_bytes_arg(info)?.unwrap_or_default();
    check_length(&resolved, length)?;
    Ok(HashParams {
        construction,
        resolved,
        length,
        info,
    })
}

#[pyclass(module = "oxicrypt.hazmat.primitives.kdf.x963kdf", name = "X963KDF")]
pub struct X963Kdf {
    params: HashParams,
    once: Once,
}

kdf_pymethods!(X963Kdf {
    #[new]
    #[pyo3(signature = (algorithm, length, sharedinfo, backend=None))]
    fn new(
        algorithm: &Bound<'_, PyAny>,
        length: usize,
        sharedinfo: Option<&Bound<'_, PyAny>>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<Self> {
        let _ = backend;
        Ok(X963Kdf {
            params: hash_params(Construction::X963, algorithm, length, sharedinfo)?,
            once: Once::default(),
        })
    }
});

#[pyclass(
    module = "oxicrypt.hazmat.primitives.kdf.concatkdf",
    name = "ConcatKDFHash"
)]
pub struct ConcatKdfHash {
    params: HashParams,
    once: Once,
}

kdf_pymethods!(ConcatKdfHash {
    #[new]
    #[pyo3(signature = (algorithm, length, otherinfo, backend=None))]
    fn new(
        algorithm: &Bound<'_, PyAny>,
        length: usize,
        otherinfo: Option<&Bound<'_, PyAny>>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<Self> {
        let _ = backend;
        Ok(ConcatKdfHash {
            params: hash_params(Construction::ConcatHash, algorithm, length, otherinfo)?,
            once: Once::default(),
        })
    }
});

struct HmacParams {
    resolved: Resolved,
    length: usize,
    salt: Vec<u8>,
    info: Vec<u8>,
}

impl Derive for HmacParams {
    fn length(&self) -> usize {
        self.length
    }

    fn compute(&self, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        check_hmac_digest(&self.resolved)?;
        counter::concat_hmac(self.resolved.md, &self.salt, key_material, &self.info, out)?;
        Ok(())
    }
}

#[pyclass(
    module = "oxicrypt.hazmat.primitives.kdf.concatkdf",
    name = "ConcatKDFHMAC"
)]
pub struct ConcatKdfHmac {
    params: HmacParams,
    once: Once,
}

kdf_pymethods!(ConcatKdfHmac {
    #[new]
    #[pyo3(signature = (algorithm, length, salt, otherinfo, backend=None))]
    fn new(
        algorithm: &Bound<'_, PyAny>,
        length: usize,
        salt: Option<&Bound<'_, PyAny>>,
        otherinfo: Option<&Bound<'_, PyAny>>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<Self> {
        let _ = backend;
        let resolved = resolve(algorithm)?;
        let salt = optional_bytes_arg(salt)?;
        let info = optional_bytes_arg(otherinfo)?.unwrap_or_default();
        check_length(&resolved, length)?;
        // The default salt is a block of zeros, sized by the algorithm object's
        // `block_size`; algorithms without one (SHA-3, SHAKE) are refused even with a
        // salt, as in the reference.
        let py = algorithm.py();
        let block_size: Option<usize> = algorithm
            .getattr(pyo3::intern!(py, "block_size"))?
            .extract()?;
        let Some(block_size) = block_size else {
            let name = algorithm.getattr(pyo3::intern!(py, "name"))?;
            return Err(PyTypeError::new_err(format!("{name} is unsupported for ConcatKDF")).into());
        };
        let salt = salt.unwrap_or_else(|| vec![0u8; block_size]);
        Ok(ConcatKdfHmac {
            params: HmacParams {
                resolved,
                length,
                salt,
                info,
            },
            once: Once::default(),
        })
    }
});
