//! The contexts of `padding.PKCS7` and `padding.ANSIX923`. Padders pass data through and
//! only count it; unpadders hold back the last block and check its padding in constant
//! time (the check's duration does not depend on the padding length or where it is
//! wrong), since padding errors after decryption are a classic oracle.

use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::buf::Buffer;
use crate::error::{CryptoError, CryptoResult};

const FINALIZED: &str = "Context was already finalized.";
const INVALID: &str = "Invalid padding bytes.";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scheme {
    Pkcs7,
    AnsiX923,
}

/// The block size in bytes, from the bit count the classes take.
fn block_bytes(block_size: usize) -> CryptoResult<usize> {
    if block_size == 0 || block_size % 8 != 0 || block_size > 2040 {
        return Err(CryptoError::value(
            "block_size must be a positive multiple of 8, at most 2040",
        ));
    }
    Ok(block_size / 8)
}

/// 0xff if a < b, else 0, without a branch.
fn ct_lt(a: usize, b: usize) -> u8 {
    let (_, borrow) = a.overflowing_sub(b);
    0u8.wrapping_sub(u8::from(borrow))
}

/// 0xff if x == 0, else 0, without a branch.
fn ct_is_zero(x: u8) -> u8 {
    let wide = u16::from(x).wrapping_sub(1);
    (wide >> 8) as u8
}

/// The length of the data before the padding of the final `block`, or `None` if the
/// padding is malformed. Every byte of the block is examined whatever the padding says.
fn padding_start(scheme: Scheme, block: &[u8]) -> Option<usize> {
    let n = block.len();
    let pad = usize::from(*block.last()?);
    // The padding length must be between 1 and the block size.
    let mut bad: u8 = ct_is_zero(pad as u8) | !ct_lt(pad, n + 1);
    for (i, &byte) in block.iter().enumerate() {
        // Index i is inside the padding if it is among the last `pad` bytes.
        let in_padding = !ct_lt(i, n.wrapping_sub(pad));
        let expected = match scheme {
            Scheme::Pkcs7 => pad as u8,
            // ANSI X9.23: zeros, except the length byte at the end.
            Scheme::AnsiX923 => {
                if i + 1 == n {
                    pad as u8
                } else {
                    0
                }
            }
        };
        bad |= in_padding & !ct_is_zero(byte ^ expected);
    }
    if bad == 0 {
        Some(n - pad)
    } else {
        None
    }
}

fn padding(scheme: Scheme, block: usize, length: usize) -> Vec<u8> {
    let pad = block - length % block;
    match scheme {
        Scheme::Pkcs7 => vec![pad as u8; pad],
        Scheme::AnsiX923 => {
            let mut p = vec![0u8; pad];
            if let Some(last) = p.last_mut() {
                *last = pad as u8;
            }
            p
        }
    }
}

/// A padder: returns its input as given, and the padding when finalized.
struct Padder {
    scheme: Scheme,
    block: usize,
    /// The data length modulo the block size; `None` once finalized.
    length: Option<usize>,
}

impl Padder {
    fn new(scheme: Scheme, block_size: usize) -> CryptoResult<Padder> {
        Ok(Padder {
            scheme,
            block: block_bytes(block_size)?,
            length: Some(0),
        })
    }

    fn update<'py>(&mut self, data: &Bound<'py, PyAny>) -> CryptoResult<Bound<'py, PyAny>> {
        let length = self
            .length
            .as_mut()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))?;
        let view: Buffer<'_> = data.extract()?;
        *length = (*length + view.as_bytes().len() % self.block) % self.block;
        Ok(data.clone())
    }

    fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
        let length = self
            .length
            .take()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))?;
        Ok(PyBytes::new(py, &padding(self.scheme, self.block, length)))
    }
}

/// An unpadder: holds back the last block, whose padding it checks when finalized.
struct Unpadder {
    scheme: Scheme,
    block: usize,
    /// `None` once finalized.
    buffer: Option<Vec<u8>>,
}

impl Unpadder {
    fn new(scheme: Scheme, block_size: usize) -> CryptoResult<Unpadder> {
        Ok(Unpadder {
            scheme,
            block: block_bytes(block_size)?,
            buffer: Some(Vec::new()),
        })
    }

    fn update<'py>(
        &mut self,
        py: Python<'py>,
        data: Buffer<'_>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let buffer = self
            .buffer
            .as_mut()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))?;
        buffer.extend_from_slice(data.as_bytes());
        // Everything but the last complete block (which may hold the padding) goes out.
        let ready = (buffer.len() / self.block).saturating_sub(1) * self.block;
        let out = PyBytes::new(py, buffer.get(..ready).unwrap_or_default());
        buffer.drain(..ready);
        Ok(out)
    }

    fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
        let buffer = self
            .buffer
            .take()
            .ok_or(CryptoError::AlreadyFinalized(FINALIZED))?;
        if buffer.len() != self.block {
            return Err(CryptoError::value(INVALID));
        }
        let start =
            padding_start(self.scheme, &buffer).ok_or_else(|| CryptoError::value(INVALID))?;
        Ok(PyBytes::new(py, buffer.get(..start).unwrap_or_default()))
    }
}

macro_rules! padder_class {
    ($ty:ident, $name:literal, $scheme:expr) => {
        #[pyclass(module = "oxicrypt.hazmat.primitives.padding", name = $name)]
        pub struct $ty(Padder);

        #[pymethods]
        impl $ty {
            #[new]
            fn new(block_size: usize) -> CryptoResult<Self> {
                Ok($ty(Padder::new($scheme, block_size)?))
            }

            fn update<'py>(&mut self, buf: &Bound<'py, PyAny>) -> CryptoResult<Bound<'py, PyAny>> {
                self.0.update(buf)
            }

            fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
                self.0.finalize(py)
            }
        }
    };
}

macro_rules! unpadder_class {
    ($ty:ident, $name:literal, $scheme:expr) => {
        #[pyclass(module = "oxicrypt.hazmat.primitives.padding", name = $name)]
        pub struct $ty(Unpadder);

        #[pymethods]
        impl $ty {
            #[new]
            fn new(block_size: usize) -> CryptoResult<Self> {
                Ok($ty(Unpadder::new($scheme, block_size)?))
            }

            fn update<'py>(
                &mut self,
                py: Python<'py>,
                buf: Buffer<'_>,
            ) -> CryptoResult<Bound<'py, PyBytes>> {
                self.0.update(py, buf)
            }

            fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
                self.0.finalize(py)
            }
        }
    };
}

padder_class!(Pkcs7PaddingContext, "PKCS7PaddingContext", Scheme::Pkcs7);
unpadder_class!(
    Pkcs7UnpaddingContext,
    "PKCS7UnpaddingContext",
    Scheme::Pkcs7
);
padder_class!(
    AnsiX923PaddingContext,
    "ANSIX923PaddingContext",
    Scheme::AnsiX923
);
unpadder_class!(
    AnsiX923UnpaddingContext,
    "ANSIX923UnpaddingContext",
    Scheme::AnsiX923
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Pkcs7PaddingContext>()?;
    m.add_class::<Pkcs7UnpaddingContext>()?;
    m.add_class::<AnsiX923PaddingContext>()?;
    m.add_class::<AnsiX923UnpaddingContext>()
}

#[cfg(test)]
mod tests {
    use super::{padding_start, Scheme};

    #[test]
    fn checks() {
        assert_eq!(padding_start(Scheme::Pkcs7, &[9, 9, 2, 2]), Some(2));
        assert_eq!(padding_start(Scheme::Pkcs7, &[4, 4, 4, 4]), Some(0));
        assert_eq!(padding_start(Scheme::Pkcs7, &[9, 9, 1, 2]), None);
        assert_eq!(padding_start(Scheme::Pkcs7, &[9, 9, 9, 0]), None);
        assert_eq!(padding_start(Scheme::Pkcs7, &[5, 5, 5, 5]), None);
        assert_eq!(padding_start(Scheme::AnsiX923, &[9, 0, 0, 3]), Some(1));
        assert_eq!(padding_start(Scheme::AnsiX923, &[9, 1, 0, 3]), None);
        assert_eq!(padding_start(Scheme::AnsiX923, &[9, 9, 9, 1]), Some(3));
    }
}
