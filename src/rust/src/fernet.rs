//! The token cryptography of `oxicrypt.fernet.Fernet`: one call per encryption or
//! decryption. Argument checks and the public class are in Python.

use oxicrypt_openssl::fernet::{self, Keys, TokenError};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyString};

use crate::error::{CryptoError, CryptoResult};

/// How far in the future a token's timestamp may be, in seconds, when a TTL is checked.
const MAX_CLOCK_SKEW: i128 = 60;

/// Decodes a token given as `bytes` or ASCII `str`. The canonical form is decoded in Rust;
/// anything else goes through Python's `base64.urlsafe_b64decode`, so that the tokens
/// accepted are exactly those the reference accepts (it ignores stray characters, for
/// instance). `None` for a token that does not decode.
fn decode(token: &Bound<'_, PyAny>) -> CryptoResult<Option<Vec<u8>>> {
    let py = token.py();
    if let Ok(b) = token.cast::<PyBytes>() {
        if let Some(raw) = fernet::decode_strict(b.as_bytes()) {
            return Ok(Some(raw));
        }
    } else if let Ok(s) = token.cast::<PyString>() {
        let text = s.to_cow()?;
        if !text.is_ascii() {
            return Err(PyValueError::new_err(
                "string argument should contain only ASCII characters",
            )
            .into());
        }
        if let Some(raw) = fernet::decode_strict(text.as_bytes()) {
            return Ok(Some(raw));
        }
    } else {
        return Err(PyTypeError::new_err("token must be bytes or str").into());
    }
    static DECODE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let decoder = DECODE.import(py, "base64", "urlsafe_b64decode")?;
    match decoder.call1((token,)) {
        Ok(raw) => Ok(Some(raw.extract::<Vec<u8>>()?)),
        Err(e) if e.is_instance_of::<PyValueError>(py) || e.is_instance_of::<PyTypeError>(py) => {
            // binascii.Error is a ValueError.
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// The decoded token and its timestamp, if it has Fernet's shape.
fn parse(token: &Bound<'_, PyAny>) -> CryptoResult<Option<(Vec<u8>, u64)>> {
    Ok(decode(token)?.and_then(|raw| {
        let ts = fernet::unverified_timestamp(&raw)?;
        Some((raw, ts))
    }))
}

fn open(keys: &Keys, raw: &[u8]) -> CryptoResult<Option<Vec<u8>>> {
    match fernet::decrypt(keys, raw) {
        Ok(p) => Ok(Some(p)),
        Err(TokenError::Invalid) => Ok(None),
        Err(TokenError::OpenSsl(e)) => Err(e.into()),
    }
}

/// A Fernet key, split into its signing and encryption halves.
#[pyclass(frozen, module = "oxicrypt._rust.fernet", name = "FernetKey")]
pub struct FernetKey {
    keys: Keys,
}

#[pymethods]
impl FernetKey {
    #[new]
    fn new(raw: &[u8]) -> CryptoResult<Self> {
        let keys = Keys::from_raw(raw).ok_or_else(|| {
            CryptoError::value("Fernet key must be 32 url-safe base64-encoded bytes.")
        })?;
        Ok(FernetKey { keys })
    }

    /// The token for `data` at `current_time`, with `iv` or a random IV.
    #[pyo3(signature = (data, current_time, iv=None))]
    fn encrypt<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyBytes>,
        current_time: u64,
        iv: Option<&[u8]>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let mut iv_bytes = [0u8; 16];
        match iv {
            Some(given) => {
                iv_bytes = given
                    .try_into()
                    .map_err(|_| CryptoError::value("iv must be 16 bytes"))?
            }
            None => openssl::rand::rand_bytes(&mut iv_bytes)?,
        }
        let data = data.as_bytes();
        let token = if data.len() >= crate::buf::DETACH_THRESHOLD {
            py.detach(|| fernet::encrypt(&self.keys, data, current_time, &iv_bytes))?
        } else {
            fernet::encrypt(&self.keys, data, current_time, &iv_bytes)?
        };
        Ok(PyBytes::new(py, token.as_bytes()))
    }

    /// The plaintext of `token`, or `None` if it is not a valid token for this key, or
    /// (with a `ttl`) is older than `ttl` seconds or too far in the future at
    /// `current_time`.
    #[pyo3(signature = (token, ttl, current_time))]
    fn decrypt<'py>(
        &self,
        py: Python<'py>,
        token: &Bound<'py, PyAny>,
        ttl: Option<i64>,
        current_time: i64,
    ) -> CryptoResult<Option<Bound<'py, PyBytes>>> {
        let Some((raw, ts)) = parse(token)? else {
            return Ok(None);
        };
        if let Some(ttl) = ttl {
            let (ts, ttl, now) = (i128::from(ts), i128::from(ttl), i128::from(current_time));
            if ts + ttl < now || now + MAX_CLOCK_SKEW < ts {
                return Ok(None);
            }
        }
        let plain = if raw.len() >= crate::buf::DETACH_THRESHOLD {
            py.detach(|| open(&self.keys, &raw))?
        } else {
            open(&self.keys, &raw)?
        };
        Ok(plain.map(|mut p| {
            let out = PyBytes::new(py, &p);
            p.fill(0);
            out
        }))
    }

    /// The timestamp of a token that is authentic for this key, or `None`.
    fn extract_timestamp(&self, token: &Bound<'_, PyAny>) -> CryptoResult<Option<u64>> {
        let Some((raw, ts)) = parse(token)? else {
            return Ok(None);
        };
        match fernet::verify(&self.keys, &raw) {
            Ok(()) => Ok(Some(ts)),
            Err(TokenError::Invalid) => Ok(None),
            Err(TokenError::OpenSsl(e)) => Err(e.into()),
        }
    }
}

/// The timestamp a token claims, without checking it: for TTL checks done in Python.
#[pyfunction]
pub fn unverified_timestamp(token: &Bound<'_, PyAny>) -> CryptoResult<Option<u64>> {
    Ok(parse(token)?.map(|(_, ts)| ts))
}
