//! What certificates, CSRs and CRLs share: their signature algorithm, read into the
//! Python objects the reference returns, and the check of a signature by a public key.

use oxicrypt_x509::common::AlgorithmIdentifier;
use oxicrypt_x509::signature::{pss_hash, pss_parameters, scheme, PssError, Scheme};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict};

use super::py::{ec_attr, padding_attr, parse_error};
use crate::error::{CryptoError, Reason};

fn hash_object<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("oxicrypt.hazmat.primitives.hashes")?
        .getattr(name)?
        .call0()
}

fn unknown(algorithm: &AlgorithmIdentifier<'_>) -> PyErr {
    CryptoError::Unsupported(
        format!("Signature algorithm OID: {} not recognized", algorithm.oid),
        Reason::Hash,
    )
    .into()
}

fn pss_error(e: PssError) -> PyErr {
    match e {
        PssError::Malformed(e) => parse_error(e),
        PssError::Unsupported(what) => CryptoError::Unsupported(what, Reason::Hash).into(),
    }
}

/// `signature_hash_algorithm`: the hash, or None for Ed25519/Ed448.
pub fn hash_algorithm<'py>(
    py: Python<'py>,
    algorithm: &AlgorithmIdentifier<'_>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let Some(scheme) = scheme(&algorithm.oid) else {
        return Err(unknown(algorithm));
    };
    Ok(match scheme {
        Scheme::RsaPkcs1v15(h) | Scheme::Ecdsa(h) | Scheme::Dsa(h) => Some(hash_object(py, h)?),
        Scheme::RsaPss => Some(hash_object(py, pss_hash(algorithm).map_err(pss_error)?)?),
        Scheme::Ed25519 | Scheme::Ed448 | Scheme::MlDsa | Scheme::Unhashed => None,
    })
}

/// `signature_algorithm_parameters`: PKCS1v15(), PSS(...), ECDSA(hash) or None.
pub fn parameters<'py>(
    py: Python<'py>,
    algorithm: &AlgorithmIdentifier<'_>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    // Unknown algorithms have no parameters object (only the hash is "unsupported").
    let Some(scheme) = scheme(&algorithm.oid) else {
        return Ok(None);
    };
    Ok(match scheme {
        Scheme::RsaPkcs1v15(_) => Some(padding_attr(py, "PKCS1v15")?.call0()?),
        Scheme::RsaPss => {
            let params = pss_parameters(algorithm).map_err(pss_error)?;
            let mgf = padding_attr(py, "MGF1")?.call1((hash_object(py, params.mgf1_hash)?,))?;
            let kwargs = PyDict::new(py);
            kwargs.set_item("mgf", mgf)?;
            kwargs.set_item("salt_length", params.salt_length)?;
            Some(padding_attr(py, "PSS")?.call((), Some(&kwargs))?)
        }
        Scheme::Ecdsa(h) => Some(ec_attr(py, "ECDSA")?.call1((hash_object(py, h)?,))?),
        Scheme::Dsa(_) | Scheme::Ed25519 | Scheme::Ed448 | Scheme::MlDsa | Scheme::Unhashed => None,
    })
}

/// How a public key object relates to a signature algorithm.
pub enum KeyFit {
    /// A key of the algorithm's type.
    Fits,
    /// A public key, but of another type: it cannot have made the signature.
    OtherType,
    /// Not a public key object at all.
    NotAKey,
}

/// The public key classes, and the schemes each one verifies.
pub fn key_fit(
    py: Python<'_>,
    key: &Bound<'_, PyAny>,
    algorithm: &AlgorithmIdentifier<'_>,
) -> PyResult<KeyFit> {
    const CLASSES: &[(&str, &str)] = &[
        ("rsa", "RSAPublicKey"),
        ("ec", "EllipticCurvePublicKey"),
        ("dsa", "DSAPublicKey"),
        ("ed25519", "Ed25519PublicKey"),
        ("ed448", "Ed448PublicKey"),
        ("x25519", "X25519PublicKey"),
        ("x448", "X448PublicKey"),
        ("dh", "DHPublicKey"),
        ("mldsa", "MLDSA44PublicKey"),
        ("mldsa", "MLDSA65PublicKey"),
        ("mldsa", "MLDSA87PublicKey"),
        ("mlkem", "MLKEM768PublicKey"),
        ("mlkem", "MLKEM1024PublicKey"),
    ];
    // The classes, looked up once: (family, class).
    static LOOKED_UP: PyOnceLock<Vec<(&'static str, Py<PyAny>)>> = PyOnceLock::new();
    let classes = LOOKED_UP.get_or_try_init(py, || -> PyResult<_> {
        let mut out = Vec::with_capacity(CLASSES.len());
        for (module, class) in CLASSES {
            let class = py
                .import(format!("oxicrypt.hazmat.primitives.asymmetric.{module}"))?
                .getattr(*class)?;
            out.push((*module, class.unbind()));
        }
        Ok(out)
    })?;
    let mut family = None;
    for (module, class) in classes {
        if key.is_instance(class.bind(py))? {
            family = Some(*module);
            break;
        }
    }
    let Some(family) = family else {
        return Ok(KeyFit::NotAKey);
    };
    let wanted = match scheme(&algorithm.oid) {
        Some(Scheme::RsaPkcs1v15(_) | Scheme::RsaPss) => "rsa",
        Some(Scheme::Ecdsa(_)) => "ec",
        Some(Scheme::Dsa(_)) => "dsa",
        Some(Scheme::Ed25519) => "ed25519",
        Some(Scheme::Ed448) => "ed448",
        Some(Scheme::MlDsa) => "mldsa",
        // Nothing oxicrypt verifies with: the verification itself reports it.
        Some(Scheme::Unhashed) | None => return Ok(KeyFit::Fits),
    };
    Ok(if family == wanted {
        KeyFit::Fits
    } else {
        KeyFit::OtherType
    })
}

/// Whether oxicrypt checks signatures of `algorithm` when asked whether an issuer signed
/// a certificate: not for unknown algorithms, nor for MD5 or SHA-1 (too weak to count,
/// as in the reference, whose OpenSSL refuses them at its default security level).
pub fn verifiable(algorithm: &AlgorithmIdentifier<'_>) -> bool {
    !matches!(scheme(&algorithm.oid), None | Some(Scheme::Unhashed))
        && !oxicrypt_x509::signature::uses_weak_hash(algorithm)
}

/// Whether `e` means "this signature is not valid" rather than a failure to check it:
/// a bad signature, or an algorithm oxicrypt cannot verify with.
pub fn is_rejection(py: Python<'_>, e: &PyErr) -> bool {
    e.is_instance_of::<crate::error::InvalidSignature>(py)
        || e.is_instance_of::<crate::error::UnsupportedAlgorithm>(py)
}

/// Checks `signature` over `data` with `key` (a public key object) as `algorithm` says;
/// the key's own `verify` raises InvalidSignature, or TypeError for a mismatched key type.
pub fn verify(
    py: Python<'_>,
    key: &Bound<'_, PyAny>,
    algorithm: &AlgorithmIdentifier<'_>,
    signature: &[u8],
    data: &[u8],
) -> PyResult<()> {
    let Some(scheme) = scheme(&algorithm.oid) else {
        return Err(unknown(algorithm));
    };
    if oxicrypt_x509::signature::uses_weak_hash(algorithm) {
        return Err(crate::error::CryptoError::InvalidSignature("").into());
    }
    let signature = PyBytes::new(py, signature);
    let data = PyBytes::new(py, data);
    match scheme {
        Scheme::RsaPkcs1v15(_) | Scheme::RsaPss => {
            let padding = parameters(py, algorithm)?;
            let hash = hash_algorithm(py, algorithm)?;
            key.call_method1("verify", (signature, data, padding, hash))?;
        }
        Scheme::Ecdsa(_) => {
            let ecdsa = parameters(py, algorithm)?;
            key.call_method1("verify", (signature, data, ecdsa))?;
        }
        Scheme::Dsa(h) => {
            key.call_method1("verify", (signature, data, hash_object(py, h)?))?;
        }
        // An ML-DSA key of another parameter set fails like a wrong signature.
        Scheme::Ed25519 | Scheme::Ed448 | Scheme::MlDsa => {
            key.call_method1("verify", (signature, data))?;
        }
        Scheme::Unhashed => return Err(unknown(algorithm)),
    }
    Ok(())
}
