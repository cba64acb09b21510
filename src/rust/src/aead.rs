//! `oxicrypt._rust.aead`: the one-shot AEAD classes of `ciphers.aead` (AESGCM,
//! ChaCha20Poly1305, AESCCM, AESSIV, AESOCB3, AESGCMSIV).
//!
//! The objects are immutable and shared freely between threads: the key lives in an
//! [`AeadKey`], whose cached contexts make short messages cheap.

use oxicrypt_openssl::aead::{AeadError, AeadKey, AeadKind};
use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

use crate::buf::{new_bytes_uninit, overlaps, Buffer, BufferMut, DETACH_THRESHOLD};
use crate::error::{CryptoError, CryptoResult, Reason};

const TAG_LEN: usize = 16;

/// OpenSSL counts lengths in a C `int`; the reference refuses longer inputs.
fn check_lengths(pieces: &[&[u8]]) -> CryptoResult<()> {
    if pieces.iter().any(|p| p.len() > i32::MAX as usize) {
        return Err(PyOverflowError::new_err(
            "Data or associated data too long. Max 2**31 - 1 bytes",
        )
        .into());
    }
    Ok(())
}

fn aead_error(e: AeadError) -> CryptoError {
    match e {
        AeadError::InvalidTag => CryptoError::InvalidTag,
        AeadError::OpenSsl(e) => CryptoError::OpenSsl(e),
        AeadError::Unsupported | AeadError::Length => {
            CryptoError::OpenSsl(openssl::error::ErrorStack::get())
        }
    }
}

fn new_key(kind: AeadKind, key: &[u8], tag_len: usize, unsupported: &str) -> CryptoResult<AeadKey> {
    AeadKey::new(kind, key, tag_len).map_err(|e| match e {
        AeadError::Unsupported => CryptoError::Unsupported(unsupported.to_owned(), Reason::Cipher),
        e => aead_error(e),
    })
}

fn random_key(py: Python<'_>, len: usize) -> CryptoResult<Py<PyBytes>> {
    let bytes = PyBytes::new_with(py, len, |b| {
        openssl::rand::rand_bytes(b).map_err(|e| CryptoError::from(e).into())
    })?;
    Ok(bytes.unbind())
}

/// Runs `op` without the GIL when the message is long enough for that to pay.
fn maybe_detached<T: Send>(py: Python<'_>, len: usize, op: impl FnOnce() -> T + Send) -> T {
    if len >= DETACH_THRESHOLD {
        py.detach(op)
    } else {
        op()
    }
}

fn seal_to_bytes(
    py: Python<'_>,
    key: &AeadKey,
    nonce: &[u8],
    aad: &[&[u8]],
    data: &[u8],
) -> CryptoResult<Py<PyBytes>> {
    let len = data.len() + key.tag_len();
    let bytes = new_bytes_uninit(py, len, |out| {
        maybe_detached(py, data.len(), || key.seal_uninit(nonce, aad, data, out))
            .map(|()| len)
            .map_err(|e| aead_error(e).into())
    })?;
    Ok(bytes.unbind())
}

fn open_to_bytes(
    py: Python<'_>,
    key: &AeadKey,
    nonce: &[u8],
    aad: &[&[u8]],
    data: &[u8],
) -> CryptoResult<Py<PyBytes>> {
    let Some(len) = data.len().checked_sub(key.tag_len()) else {
        return Err(CryptoError::InvalidTag);
    };
    let bytes = new_bytes_uninit(py, len, |out| {
        maybe_detached(py, data.len(), || key.open_uninit(nonce, aad, data, out))
            .map(|()| len)
            .map_err(|e| aead_error(e).into())
    })?;
    Ok(bytes.unbind())
}

/// Whether any input shares memory with the output buffer; such inputs are copied first.
fn any_overlap(inputs: &[&[u8]], buf: &BufferMut<'_>) -> bool {
    inputs.iter().any(|i| {
        let start = i.as_ptr() as usize;
        overlaps(start..start + i.len(), buf.addr_range())
    })
}

fn check_buffer(buf: &BufferMut<'_>, len: usize) -> CryptoResult<()> {
    if buf.len() != len {
        return Err(CryptoError::value(&format!("buffer must be {len} bytes")));
    }
    Ok(())
}

fn seal_into(
    py: Python<'_>,
    key: &AeadKey,
    nonce: &[u8],
    aad: &[&[u8]],
    data: &[u8],
    buf: &mut BufferMut<'_>,
) -> CryptoResult<usize> {
    let len = data.len() + key.tag_len();
    check_buffer(buf, len)?;
    if any_overlap(&[nonce, data], buf) || any_overlap(aad, buf) {
        let (nonce, data) = (nonce.to_vec(), data.to_vec());
        let aad: Vec<Vec<u8>> = aad.iter().map(|a| a.to_vec()).collect();
        let aad: Vec<&[u8]> = aad.iter().map(Vec::as_slice).collect();
        return seal_into(py, key, &nonce, &aad, &data, buf);
    }
    let out = buf.as_mut_bytes();
    maybe_detached(py, data.len(), || key.seal(nonce, aad, data, out)).map_err(aead_error)?;
    Ok(len)
}

fn open_into(
    py: Python<'_>,
    key: &AeadKey,
    nonce: &[u8],
    aad: &[&[u8]],
    data: &[u8],
    buf: &mut BufferMut<'_>,
) -> CryptoResult<usize> {
    let Some(len) = data.len().checked_sub(key.tag_len()) else {
        return Err(CryptoError::InvalidTag);
    };
    check_buffer(buf, len)?;
    if any_overlap(&[nonce, data], buf) || any_overlap(aad, buf) {
        let (nonce, data) = (nonce.to_vec(), data.to_vec());
        let aad: Vec<Vec<u8>> = aad.iter().map(|a| a.to_vec()).collect();
        let aad: Vec<&[u8]> = aad.iter().map(Vec::as_slice).collect();
        return open_into(py, key, &nonce, &aad, &data, buf);
    }
    let out = buf.as_mut_bytes();
    maybe_detached(py, data.len(), || key.open(nonce, aad, data, out)).map_err(aead_error)?;
    Ok(len)
}

/// What distinguishes the nonce-taking classes: their nonce rule, and (CCM) a limit on
/// the message length that depends on the nonce.
trait NonceRule {
    fn check_nonce(len: usize) -> CryptoResult<()>;
    fn check_data(&self, _nonce_len: usize, _data_len: usize) -> CryptoResult<()> {
        Ok(())
    }
}

/// The encrypt/decrypt methods every nonce-taking class has, around class-specific
/// `extra` methods (constructor, `generate_key`).
macro_rules! nonce_aead {
    ($rust:ident, $python:literal, { $($extra:tt)* }) => {
        #[pyclass(frozen, module = "oxicrypt._rust.aead", name = $python)]
        pub struct $rust {
            key: AeadKey,
        }

        #[pymethods]
        impl $rust {
            $($extra)*

            #[pyo3(signature = (nonce, data, associated_data))]
            fn encrypt(
                &self,
                py: Python<'_>,
                nonce: Buffer<'_>,
                data: Buffer<'_>,
                associated_data: Option<Buffer<'_>>,
            ) -> CryptoResult<Py<PyBytes>> {
                let (nonce, data) = (nonce.as_bytes(), data.as_bytes());
                let ad = associated_data.as_ref().map(Buffer::as_bytes);
                check_lengths(&[data, ad.unwrap_or(&[])])?;
                Self::check_nonce(nonce.len())?;
                self.check_data(nonce.len(), data.len())?;
                let ad_list = [ad.unwrap_or(&[])];
                seal_to_bytes(py, &self.key, nonce, &ad_list, data)
            }

            #[pyo3(signature = (nonce, data, associated_data, buf))]
            fn encrypt_into(
                &self,
                py: Python<'_>,
                nonce: Buffer<'_>,
                data: Buffer<'_>,
                associated_data: Option<Buffer<'_>>,
                mut buf: BufferMut<'_>,
            ) -> CryptoResult<usize> {
                let (nonce, data) = (nonce.as_bytes(), data.as_bytes());
                let ad = associated_data.as_ref().map(Buffer::as_bytes);
                check_lengths(&[data, ad.unwrap_or(&[])])?;
                Self::check_nonce(nonce.len())?;
                self.check_data(nonce.len(), data.len())?;
                let ad_list = [ad.unwrap_or(&[])];
                seal_into(py, &self.key, nonce, &ad_list, data, &mut buf)
            }

            #[pyo3(signature = (nonce, data, associated_data))]
            fn decrypt(
                &self,
                py: Python<'_>,
                nonce: Buffer<'_>,
                data: Buffer<'_>,
                associated_data: Option<Buffer<'_>>,
            ) -> CryptoResult<Py<PyBytes>> {
                let (nonce, data) = (nonce.as_bytes(), data.as_bytes());
                Self::check_nonce(nonce.len())?;
                let ad_list = [associated_data.as_ref().map_or(&[][..], Buffer::as_bytes)];
                open_to_bytes(py, &self.key, nonce, &ad_list, data)
            }

            #[pyo3(signature = (nonce, data, associated_data, buf))]
            fn decrypt_into(
                &self,
                py: Python<'_>,
                nonce: Buffer<'_>,
                data: Buffer<'_>,
                associated_data: Option<Buffer<'_>>,
                mut buf: BufferMut<'_>,
            ) -> CryptoResult<usize> {
                let (nonce, data) = (nonce.as_bytes(), data.as_bytes());
                Self::check_nonce(nonce.len())?;
                let ad_list = [associated_data.as_ref().map_or(&[][..], Buffer::as_bytes)];
                open_into(py, &self.key, nonce, &ad_list, data, &mut buf)
            }
        }
    };
}

fn aes_key_bits(bit_length: usize) -> CryptoResult<usize> {
    if !matches!(bit_length, 128 | 192 | 256) {
        return Err(CryptoError::value("bit_length must be 128, 192, or 256"));
    }
    Ok(bit_length / 8)
}

nonce_aead!(AesGcm, "AESGCM", {
    #[new]
    fn new(key: Buffer<'_>) -> CryptoResult<AesGcm> {
        let key = key.as_bytes();
        if !matches!(key.len(), 16 | 24 | 32) {
            return Err(CryptoError::value(
                "AESGCM key must be 128, 192, or 256 bits.",
            ));
        }
        Ok(AesGcm {
            key: new_key(AeadKind::AesGcm, key, TAG_LEN, "AES-GCM is not supported")?,
        })
    }

    #[staticmethod]
    fn generate_key(py: Python<'_>, bit_length: usize) -> CryptoResult<Py<PyBytes>> {
        random_key(py, aes_key_bits(bit_length)?)
    }
});

impl NonceRule for AesGcm {
    fn check_nonce(len: usize) -> CryptoResult<()> {
        if !(8..=128).contains(&len) {
            return Err(CryptoError::value("Nonce must be between 8 and 128 bytes"));
        }
        Ok(())
    }
}

nonce_aead!(ChaCha20Poly1305, "ChaCha20Poly1305", {
    #[new]
    fn new(key: Buffer<'_>) -> CryptoResult<ChaCha20Poly1305> {
        let key = key.as_bytes();
        if key.len() != 32 {
            return Err(CryptoError::value("ChaCha20Poly1305 key must be 32 bytes."));
        }
        Ok(ChaCha20Poly1305 {
            key: new_key(
                AeadKind::ChaCha20Poly1305,
                key,
                TAG_LEN,
                "ChaCha20Poly1305 is not supported by this version of OpenSSL",
            )?,
        })
    }

    #[staticmethod]
    fn generate_key(py: Python<'_>) -> CryptoResult<Py<PyBytes>> {
        random_key(py, 32)
    }
});

impl NonceRule for ChaCha20Poly1305 {
    fn check_nonce(len: usize) -> CryptoResult<()> {
        if len != 12 {
            return Err(CryptoError::value("Nonce must be 12 bytes"));
        }
        Ok(())
    }
}

nonce_aead!(AesCcm, "AESCCM", {
    #[new]
    #[pyo3(signature = (key, tag_length=None))]
    fn new(key: Buffer<'_>, tag_length: Option<usize>) -> CryptoResult<AesCcm> {
        let tag_length = tag_length.unwrap_or(TAG_LEN);
        let key = key.as_bytes();
        if !matches!(key.len(), 16 | 24 | 32) {
            return Err(CryptoError::value(
                "AESCCM key must be 128, 192, or 256 bits.",
            ));
        }
        if !matches!(tag_length, 4 | 6 | 8 | 10 | 12 | 14 | 16) {
            return Err(CryptoError::value("Invalid tag_length"));
        }
        Ok(AesCcm {
            key: new_key(
                AeadKind::AesCcm,
                key,
                tag_length,
                "AES-CCM is not supported",
            )?,
        })
    }

    #[staticmethod]
    fn generate_key(py: Python<'_>, bit_length: usize) -> CryptoResult<Py<PyBytes>> {
        random_key(py, aes_key_bits(bit_length)?)
    }
});

impl NonceRule for AesCcm {
    fn check_nonce(len: usize) -> CryptoResult<()> {
        if !(7..=13).contains(&len) {
            return Err(CryptoError::value("Nonce must be between 7 and 13 bytes"));
        }
        Ok(())
    }

    /// The message length is written in the 15 - nonce_len bytes the nonce leaves free.
    fn check_data(&self, nonce_len: usize, data_len: usize) -> CryptoResult<()> {
        let length_bits = 8 * (15 - nonce_len.min(15));
        if length_bits < 64 && (data_len as u64) >> length_bits != 0 {
            return Err(CryptoError::value("Data too long for nonce"));
        }
        Ok(())
    }
}

nonce_aead!(AesOcb3, "AESOCB3", {
    #[new]
    fn new(key: Buffer<'_>) -> CryptoResult<AesOcb3> {
        let key = key.as_bytes();
        if !matches!(key.len(), 16 | 24 | 32) {
            return Err(CryptoError::value(
                "AESOCB3 key must be 128, 192, or 256 bits.",
            ));
        }
        Ok(AesOcb3 {
            key: new_key(
                AeadKind::AesOcb3,
                key,
                TAG_LEN,
                "AES-OCB3 is not supported by this version of OpenSSL",
            )?,
        })
    }

    #[staticmethod]
    fn generate_key(py: Python<'_>, bit_length: usize) -> CryptoResult<Py<PyBytes>> {
        random_key(py, aes_key_bits(bit_length)?)
    }
});

impl NonceRule for AesOcb3 {
    fn check_nonce(len: usize) -> CryptoResult<()> {
        if !(12..=15).contains(&len) {
            return Err(CryptoError::value("Nonce must be between 12 and 15 bytes"));
        }
        Ok(())
    }
}

nonce_aead!(AesGcmSiv, "AESGCMSIV", {
    #[new]
    fn new(key: Buffer<'_>) -> CryptoResult<AesGcmSiv> {
        let key = key.as_bytes();
        if !matches!(key.len(), 16 | 24 | 32) {
            return Err(CryptoError::value(
                "AES-GCM-SIV key must be 128, 192 or 256 bits.",
            ));
        }
        Ok(AesGcmSiv {
            key: new_key(
                AeadKind::AesGcmSiv,
                key,
                TAG_LEN,
                "AES-GCM-SIV is not supported by this version of OpenSSL",
            )?,
        })
    }

    #[staticmethod]
    fn generate_key(py: Python<'_>, bit_length: usize) -> CryptoResult<Py<PyBytes>> {
        random_key(py, aes_key_bits(bit_length)?)
    }
});

impl NonceRule for AesGcmSiv {
    fn check_nonce(len: usize) -> CryptoResult<()> {
        if len != 12 {
            return Err(CryptoError::value("Nonce must be 12 bytes long"));
        }
        Ok(())
    }
}

/// AES-SIV (RFC 5297): deterministic, with no nonce and a list of associated data
/// components (a nonce, if wanted, is passed as the last component).
#[pyclass(frozen, module = "oxicrypt._rust.aead", name = "AESSIV")]
pub struct AesSiv {
    key: AeadKey,
}

/// The buffers of an `associated_data` list (`None` is an empty list).
fn ad_list<'py>(associated_data: Option<&Bound<'py, PyAny>>) -> CryptoResult<Vec<Buffer<'py>>> {
    let Some(ad) = associated_data else {
        return Ok(Vec::new());
    };
    let list = ad.cast::<PyList>().map_err(|_| {
        let name = ad
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        PyTypeError::new_err(format!("'{name}' object is not an instance of 'list'"))
    })?;
    Ok(list
        .iter()
        .map(|item| item.extract::<Buffer<'py>>())
        .collect::<PyResult<Vec<_>>>()?)
}

#[pymethods]
impl AesSiv {
    #[new]
    fn new(key: Buffer<'_>) -> CryptoResult<AesSiv> {
        let key = key.as_bytes();
        if !matches!(key.len(), 32 | 48 | 64) {
            return Err(CryptoError::value(
                "AESSIV key must be 256, 384, or 512 bits.",
            ));
        }
        Ok(AesSiv {
            key: new_key(
                AeadKind::AesSiv,
                key,
                TAG_LEN,
                "AES-SIV is not supported by this version of OpenSSL",
            )?,
        })
    }

    #[staticmethod]
    fn generate_key(py: Python<'_>, bit_length: usize) -> CryptoResult<Py<PyBytes>> {
        if !matches!(bit_length, 256 | 384 | 512) {
            return Err(CryptoError::value("bit_length must be 256, 384, or 512"));
        }
        random_key(py, bit_length / 8)
    }

    #[pyo3(signature = (data, associated_data))]
    fn encrypt(
        &self,
        py: Python<'_>,
        data: Buffer<'_>,
        associated_data: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<Py<PyBytes>> {
        let ad = ad_list(associated_data)?;
        let ad: Vec<&[u8]> = ad.iter().map(Buffer::as_bytes).collect();
        check_lengths(&[data.as_bytes()])?;
        check_lengths(&ad)?;
        seal_to_bytes(py, &self.key, &[], &ad, data.as_bytes())
    }

    #[pyo3(signature = (data, associated_data, buf))]
    fn encrypt_into(
        &self,
        py: Python<'_>,
        data: Buffer<'_>,
        associated_data: Option<&Bound<'_, PyAny>>,
        mut buf: BufferMut<'_>,
    ) -> CryptoResult<usize> {
        let ad = ad_list(associated_data)?;
        let ad: Vec<&[u8]> = ad.iter().map(Buffer::as_bytes).collect();
        check_lengths(&[data.as_bytes()])?;
        check_lengths(&ad)?;
        seal_into(py, &self.key, &[], &ad, data.as_bytes(), &mut buf)
    }

    #[pyo3(signature = (data, associated_data))]
    fn decrypt(
        &self,
        py: Python<'_>,
        data: Buffer<'_>,
        associated_data: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<Py<PyBytes>> {
        let ad = ad_list(associated_data)?;
        let ad: Vec<&[u8]> = ad.iter().map(Buffer::as_bytes).collect();
        open_to_bytes(py, &self.key, &[], &ad, data.as_bytes())
    }

    #[pyo3(signature = (data, associated_data, buf))]
    fn decrypt_into(
        &self,
        py: Python<'_>,
        data: Buffer<'_>,
        associated_data: Option<&Bound<'_, PyAny>>,
        mut buf: BufferMut<'_>,
    ) -> CryptoResult<usize> {
        let ad = ad_list(associated_data)?;
        let ad: Vec<&[u8]> = ad.iter().map(Buffer::as_bytes).collect();
        open_into(py, &self.key, &[], &ad, data.as_bytes(), &mut buf)
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<AesGcm>()?;
    m.add_class::<ChaCha20Poly1305>()?;
    m.add_class::<AesCcm>()?;
    m.add_class::<AesSiv>()?;
    m.add_class::<AesOcb3>()?;
    m.add_class::<AesGcmSiv>()
}
