//! `kdf.hkdf.HKDF` and `kdf.hkdf.HKDFExpand` (RFC 5869).

use oxicrypt_openssl::kdf::hkdf;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::{optional_bytes_arg, Derive, Once};
use crate::algorithms::{resolve, Resolved};
use crate::buf::Buffer;
use crate::error::{CryptoError, CryptoResult, Reason};

/// The output size of a resolved digest: the algorithm object's for XOFs, OpenSSL's
/// otherwise.
pub fn digest_size(resolved: &Resolved) -> usize {
    if resolved.digest_size > 0 {
        resolved.digest_size
    } else {
        resolved.md.size()
    }
}

/// HMAC cannot run on an extendable-output function.
pub fn check_hmac_digest(resolved: &Resolved) -> CryptoResult<()> {
    if resolved.kind.is_xof() {
        return Err(CryptoError::Unsupported(
            "Digest is not supported for HMAC".to_owned(),
            Reason::Hash,
        ));
    }
    Ok(())
}

/// RFC 5869 caps the output at 255 blocks.
fn check_length(resolved: &Resolved, length: usize) -> CryptoResult<()> {
    let max = 255 * digest_size(resolved);
    if length > max {
        return Err(CryptoError::value(&format!(
            "Cannot derive keys larger than {max} octets."
        )));
    }
    Ok(())
}

struct ExpandParams {
    resolved: Resolved,
    length: usize,
    info: Vec<u8>,
}

impl Derive for ExpandParams {
    fn length(&self) -> usize {
        self.length
    }

    fn compute(&self, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        check_hmac_digest(&self.resolved)?;
        hkdf::expand(self.resolved.md, key_material, &self.info, out)?;
        Ok(())
    }
}

struct ExtractExpandParams {
    salt: Option<Vec<u8>>,
    expand: ExpandParams,
}

impl Derive for ExtractExpandParams {
    fn length(&self) -> usize {
        self.expand.length
    }

    fn compute(&self, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        check_hmac_digest(&self.expand.resolved)?;
        let prk = oxicrypt_openssl::kdf::Zeroizing(hkdf::extract(
            self.expand.resolved.md,
            self.salt.as_deref(),
            key_material,
        )?);
        self.expand.compute(&prk.0, out)
    }
}

#[pyclass(module = "oxicrypt.hazmat.primitives.kdf.hkdf", name = "HKDF")]
pub struct Hkdf {
    params: ExtractExpandParams,
    once: Once,
}

kdf_pymethods!(Hkdf {
    #[new]
    #[pyo3(signature = (algorithm, length, salt=None, info=None, backend=None))]
    fn new(
        algorithm: &Bound<'_, PyAny>,
        length: usize,
        salt: Option<&Bound<'_, PyAny>>,
        info: Option<&Bound<'_, PyAny>>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<Self> {
        let _ = backend;
        let resolved = resolve(algorithm)?;
        let salt = optional_bytes_arg(salt)?;
        let info = optional_bytes_arg(info)?.unwrap_or_default();
        check_length(&resolved, length)?;
        Ok(Hkdf {
            params: ExtractExpandParams {
                salt,
                expand: ExpandParams {
                    resolved,
                    length,
                    info,
                },
            },
            once: Once::default(),
        })
    }

    /// HKDF-Extract alone: the pseudorandom key.
    #[staticmethod]
    fn extract<'py>(
        py: Python<'py>,
        algorithm: &Bound<'py, PyAny>,
        salt: Option<&Bound<'py, PyAny>>,
        key_material: Buffer<'py>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let resolved = resolve(algorithm)?;
        let salt = optional_bytes_arg(salt)?;
        check_hmac_digest(&resolved)?;
        let km = key_material.as_bytes();
        let prk = py.detach(|| hkdf::extract(resolved.md, salt.as_deref(), km))?;
        Ok(PyBytes::new(py, &prk))
    }
});

#[pyclass(module = "oxicrypt.hazmat.primitives.kdf.hkdf", name = "HKDFExpand")]
pub struct HkdfExpand {
    params: ExpandParams,
    once: Once,
}

kdf_pymethods!(HkdfExpand {
    #[new]
    #[pyo3(signature = (algorithm, length, info, backend=None))]
    fn new(
        algorithm: &Bound<'_, PyAny>,
        length: usize,
        info: Option<&Bound<'_, PyAny>>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<Self> {
        let _ = backend;
        let resolved = resolve(algorithm)?;
        let info = optional_bytes_arg(info)?.unwrap_or_default();
        check_length(&resolved, length)?;
        Ok(HkdfExpand {
            params: ExpandParams {
                resolved,
                length,
                info,
            },
            once: Once::default(),
        })
    }
});
