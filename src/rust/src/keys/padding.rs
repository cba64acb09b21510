//! Reading the Python padding objects (`PKCS1v15`, `PSS`, `OAEP`, `MGF1`) of
//! `asymmetric.padding` into what OpenSSL is told.

use openssl::md::MdRef;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use crate::algorithms::resolve;
use crate::error::{CryptoError, CryptoResult, Reason};

pub enum SaltLength {
    Exact(usize),
    Max,
    DigestLength,
    Auto,
}

pub enum RsaPadding {
    Pkcs1v15,
    Pss {
        mgf1: &'static MdRef,
        salt: SaltLength,
    },
    Oaep {
        mgf1: &'static MdRef,
        md: &'static MdRef,
        label: Option<Vec<u8>>,
    },
}

fn padding_class<'py>(py: Python<'py>, name: &'static str) -> PyResult<Bound<'py, PyType>> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    let module = MODULE.get_or_try_init(py, || {
        Ok::<_, PyErr>(
            py.import("oxicrypt.hazmat.primitives.asymmetric.padding")?
                .unbind(),
        )
    })?;
    Ok(module.bind(py).getattr(name)?.cast_into::<PyType>()?)
}

fn is(obj: &Bound<'_, PyAny>, class: &'static str) -> PyResult<bool> {
    obj.is_instance(padding_class(obj.py(), class)?.as_any())
}

fn mgf1_digest(padding: &Bound<'_, PyAny>) -> CryptoResult<&'static MdRef> {
    let mgf = padding.getattr("_mgf")?;
    if !is(&mgf, "MGF1")? {
        return Err(CryptoError::Unsupported(
            "Only MGF1 is supported by this backend.".to_owned(),
            Reason::Mgf,
        ));
    }
    Ok(resolve(&mgf.getattr("_algorithm")?)?.md)
}

pub fn extract(padding: &Bound<'_, PyAny>) -> CryptoResult<RsaPadding> {
    if !is(padding, "AsymmetricPadding")? {
        return Err(
            PyTypeError::new_err("Padding must be an instance of AsymmetricPadding.").into(),
        );
    }
    if is(padding, "PKCS1v15")? {
        return Ok(RsaPadding::Pkcs1v15);
    }
    if is(padding, "PSS")? {
        let salt = padding.getattr("_salt_length")?;
        let salt = if is(&salt, "_MaxLength")? {
            SaltLength::Max
        } else if is(&salt, "_DigestLength")? {
            SaltLength::DigestLength
        } else if is(&salt, "_Auto")? {
            SaltLength::Auto
        } else {
            SaltLength::Exact(salt.extract()?)
        };
        return Ok(RsaPadding::Pss {
            mgf1: mgf1_digest(padding)?,
            salt,
        });
    }
    if is(padding, "OAEP")? {
        // OAEP is offered with the SHA-1 and SHA-2 digests only, for the label hash and
        // for MGF1, as in the reference.
        let oaep_hash = |algorithm: &Bound<'_, PyAny>| -> CryptoResult<&'static MdRef> {
            let resolved = resolve(algorithm)?;
            use oxicrypt_openssl::digest::HashKind as K;
            if !matches!(
                resolved.kind,
                K::Sha1 | K::Sha224 | K::Sha256 | K::Sha384 | K::Sha512
            ) {
                return Err(CryptoError::Unsupported(
                    "This combination of padding and hash algorithm is not supported".to_owned(),
                    Reason::Padding,
                ));
            }
            Ok(resolved.md)
        };
        let mgf = padding.getattr("_mgf")?;
        if !is(&mgf, "MGF1")? {
            return Err(CryptoError::Unsupported(
                "Only MGF1 is supported by this backend.".to_owned(),
                Reason::Mgf,
            ));
        }
        let label = padding.getattr("_label")?;
        let label = if label.is_none() {
            None
        } else {
            Some(label.extract::<Vec<u8>>()?)
        };
        return Ok(RsaPadding::Oaep {
            mgf1: oaep_hash(&mgf.getattr("_algorithm")?)?,
            md: oaep_hash(&padding.getattr("_algorithm")?)?,
            label,
        });
    }
    let name: String = padding.getattr("name")?.extract()?;
    Err(CryptoError::Unsupported(
        format!("{name} is not supported by this backend."),
        Reason::Padding,
    ))
}
