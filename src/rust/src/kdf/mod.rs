//! `oxicrypt._rust.kdf`: the key derivation functions of
//! `oxicrypt.hazmat.primitives.kdf.*`. Each class derives once: `derive`, `derive_into`
//! and `verify` all use up the instance, as in the reference. Derivation runs with the GIL
//! released.

/// The `#[pymethods]` of a KDF class with fields `params` (a [`Derive`]) and `once`: the
/// given constructor and other methods, plus `derive`, `derive_into` and `verify`.
macro_rules! kdf_pymethods {
    ($ty:ty { $($items:tt)* }) => {
        #[pyo3::pymethods]
        impl $ty {
            $($items)*

            fn derive<'py>(
                &mut self,
                py: pyo3::Python<'py>,
                key_material: crate::buf::Buffer<'_>,
            ) -> crate::error::CryptoResult<pyo3::Bound<'py, pyo3::types::PyBytes>> {
                crate::kdf::derive(py, &mut self.once, &self.params, &key_material)
            }

            fn derive_into(
                &mut self,
                py: pyo3::Python<'_>,
                key_material: crate::buf::Buffer<'_>,
                buf: crate::writable::WritableBuffer<'_>,
            ) -> crate::error::CryptoResult<usize> {
                crate::kdf::derive_into(py, &mut self.once, &self.params, &key_material, buf)
            }

            fn verify(
                &mut self,
                py: pyo3::Python<'_>,
                key_material: crate::buf::Buffer<'_>,
                expected_key: crate::buf::Buffer<'_>,
            ) -> crate::error::CryptoResult<()> {
                crate::kdf::verify(py, &mut self.once, &self.params, &key_material, &expected_key)
            }
        }
    };
}

mod argon2;
mod counter;
mod hkdf;
mod kbkdf;
mod pbkdf2;
mod scrypt;

use oxicrypt_openssl::constant_time::bytes_eq;
use oxicrypt_openssl::kdf::KdfError;
use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::buf::Buffer;
use crate::error::{CryptoError, CryptoResult};
use crate::writable::WritableBuffer;

pyo3::import_exception!(oxicrypt.exceptions, InvalidKey);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<pbkdf2::Pbkdf2Hmac>()?;
    m.add_class::<scrypt::Scrypt>()?;
    m.add_class::<hkdf::Hkdf>()?;
    m.add_class::<hkdf::HkdfExpand>()?;
    m.add_class::<counter::X963Kdf>()?;
    m.add_class::<counter::ConcatKdfHash>()?;
    m.add_class::<counter::ConcatKdfHmac>()?;
    m.add_class::<kbkdf::KbkdfHmac>()?;
    m.add_class::<kbkdf::KbkdfCmac>()?;
    m.add_class::<argon2::Argon2d>()?;
    m.add_class::<argon2::Argon2i>()?;
    m.add_class::<argon2::Argon2id>()?;
    Ok(())
}

const FINALIZED: &str = "Context was already finalized.";

impl From<KdfError> for CryptoError {
    fn from(e: KdfError) -> CryptoError {
        match e {
            KdfError::TooLarge(what) => {
                CryptoError::Py(PyOverflowError::new_err(format!("{what} is too large")))
            }
            KdfError::OpenSsl(stack) => CryptoError::OpenSsl(stack),
        }
    }
}

/// A `bytes` argument (not any buffer: the reference takes only `bytes` for salts, labels
/// and the like), with the reference's message for anything else.
pub fn bytes_arg(obj: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    match obj.cast::<PyBytes>() {
        Ok(b) => Ok(b.as_bytes().to_vec()),
        Err(_) => Err(not_an_instance(obj, "bytes")),
    }
}

/// An optional `bytes` argument.
pub fn optional_bytes_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<u8>>> {
    match obj {
        Some(o) if !o.is_none() => bytes_arg(o).map(Some),
        _ => Ok(None),
    }
}

pub fn not_an_instance(obj: &Bound<'_, PyAny>, expected: &str) -> PyErr {
    let name = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_owned());
    PyTypeError::new_err(format!(
        "'{name}' object is not an instance of '{expected}'"
    ))
}

/// A `str` argument, with the reference's message for anything else.
pub fn str_arg(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(not_an_instance(obj, "str")),
    }
}

/// What every KDF instance does once its parameters are checked: fill an output of its
/// length from the key material. Runs without the GIL, so it only sees plain Rust data.
pub trait Derive: Sync {
    fn length(&self) -> usize;
    fn compute(&self, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()>;
}

/// The use-once state shared by all KDF classes.
#[derive(Default)]
pub struct Once {
    used: bool,
}

impl Once {
    pub fn take(&mut self) -> CryptoResult<()> {
        if self.used {
            return Err(CryptoError::AlreadyFinalized(FINALIZED));
        }
        self.used = true;
        Ok(())
    }
}

pub fn derive<'py, D: Derive>(
    py: Python<'py>,
    once: &mut Once,
    kdf: &D,
    key_material: &Buffer<'_>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    once.take()?;
    let km = key_material.as_bytes();
    let out = PyBytes::new_with(py, kdf.length(), |out| {
        py.detach(|| kdf.compute(km, out)).map_err(PyErr::from)
    })?;
    Ok(out)
}

pub fn derive_into<D: Derive>(
    py: Python<'_>,
    once: &mut Once,
    kdf: &D,
    key_material: &Buffer<'_>,
    mut buf: WritableBuffer<'_>,
) -> CryptoResult<usize> {
    once.take()?;
    let length = kdf.length();
    if buf.len() != length {
        return Err(CryptoError::value(&format!(
            "buffer must be {length} bytes"
        )));
    }
    let out = buf.as_mut_slice();
    let km = unaliased(key_material.as_bytes(), out);
    py.detach(|| kdf.compute(&km, out))?;
    Ok(length)
}

/// The key material, copied if it shares memory with the output buffer (a caller may pass
/// one bytearray as both): a shared and a mutable borrow of the same bytes must not
/// coexist, and derivation would read what it has already overwritten.
pub fn unaliased<'a>(key_material: &'a [u8], out: &[u8]) -> std::borrow::Cow<'a, [u8]> {
    let km = key_material.as_ptr_range();
    let dst = out.as_ptr_range();
    if km.start < dst.end && dst.start < km.end {
        std::borrow::Cow::Owned(key_material.to_vec())
    } else {
        std::borrow::Cow::Borrowed(key_material)
    }
}

pub fn verify<D: Derive>(
    py: Python<'_>,
    once: &mut Once,
    kdf: &D,
    key_material: &Buffer<'_>,
    expected_key: &Buffer<'_>,
) -> CryptoResult<()> {
    let derived = derive(py, once, kdf, key_material)?;
    if bytes_eq(derived.as_bytes(), expected_key.as_bytes()) {
        Ok(())
    } else {
        Err(InvalidKey::new_err("Keys do not match.").into())
    }
}
