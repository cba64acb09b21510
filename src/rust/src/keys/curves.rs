//! Ed25519, Ed448, X25519 and X448 keys (RFC 8032, RFC 7748, RFC 8410): one generic
//! implementation, instantiated per curve by the macros at the end.

use std::sync::Mutex;

use openssl::pkey::{Id, PKey, Private, Public};
use openssl::pkey_ctx::PkeyCtx;
use oxicrypt_keys::key::CurveKind;
use oxicrypt_openssl::prepared_signature::{PreparedSigner, PreparedVerifier};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::prepared::Prepared;
use super::serialization::{
    check_private_request, check_public_request, der_or_pem, encode_private, Encoding, Encryption,
    PrivateDer, PrivateFormat, PublicFormat,
};
use crate::error::{CryptoError, CryptoResult};

fn openssl_id(kind: CurveKind) -> Id {
    match kind {
        CurveKind::Ed25519 => Id::ED25519,
        CurveKind::Ed448 => Id::ED448,
        CurveKind::X25519 => Id::X25519,
        CurveKind::X448 => Id::X448,
    }
}

pub fn private_from_raw(kind: CurveKind, data: &[u8]) -> CryptoResult<PKey<Private>> {
    let wrong_length = || {
        CryptoError::from(PyValueError::new_err(format!(
            "An {} private key is {} bytes long",
            kind.name(),
            kind.key_len()
        )))
    };
    if data.len() != kind.key_len() {
        return Err(wrong_length());
    }
    PKey::private_key_from_raw_bytes(data, openssl_id(kind)).map_err(|_| wrong_length())
}

pub fn public_from_raw(kind: CurveKind, data: &[u8]) -> CryptoResult<PKey<Public>> {
    let wrong_length = || {
        CryptoError::from(PyValueError::new_err(format!(
            "An {} public key is {} bytes long",
            kind.name(),
            kind.key_len()
        )))
    };
    if data.len() != kind.key_len() {
        return Err(wrong_length());
    }
    PKey::public_key_from_raw_bytes(data, openssl_id(kind)).map_err(|_| wrong_length())
}

pub fn generate(kind: CurveKind) -> CryptoResult<PKey<Private>> {
    Ok(match kind {
        CurveKind::Ed25519 => PKey::generate_ed25519()?,
        CurveKind::Ed448 => PKey::generate_ed448()?,
        CurveKind::X25519 => PKey::generate_x25519()?,
        CurveKind::X448 => PKey::generate_x448()?,
    })
}

pub fn public_of(kind: CurveKind, key: &PKey<Private>) -> CryptoResult<PKey<Public>> {
    Ok(PKey::public_key_from_raw_bytes(
        &key.raw_public_key()?,
        openssl_id(kind),
    )?)
}

/// X25519 and X448 keys have no OpenSSH form: asking for it is an invalid format whatever
/// the encoding (except Raw, whose own rule is reported first).
fn no_openssh_form(kind: CurveKind, raw_encoding: bool, openssh_format: bool) -> bool {
    matches!(kind, CurveKind::X25519 | CurveKind::X448) && openssh_format && !raw_encoding
}

pub fn private_bytes<'py>(
    py: Python<'py>,
    kind: CurveKind,
    key: &PKey<Private>,
    encoding: Encoding,
    format: PrivateFormat,
    encryption: &Bound<'py, PyAny>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    if no_openssh_form(
        kind,
        encoding == Encoding::Raw,
        format == PrivateFormat::OpenSSH,
    ) {
        Encryption::from_py(encryption, format)?;
        return Err(PyValueError::new_err("format is invalid with this key").into());
    }
    let encryption = check_private_request(encoding, format, encryption, true)?;
    let raw = key.raw_private_key()?;
    match format {
        PrivateFormat::Raw => Ok(PyBytes::new(py, &raw)),
        PrivateFormat::PKCS8 => encode_private(
            py,
            encoding,
            PrivateDer::Pkcs8(oxicrypt_keys::pkcs8::write_curve_key(kind, &raw)),
            encryption,
        ),
        PrivateFormat::OpenSSH => match kind {
            CurveKind::Ed25519 => super::ssh::private_bytes(py, key, encryption),
            CurveKind::Ed448 => Err(PyValueError::new_err("Unsupported key type").into()),
            _ => Err(PyValueError::new_err("format is invalid with this key").into()),
        },
        _ => Err(PyValueError::new_err("format is invalid with this key").into()),
    }
}

pub fn public_bytes<'py>(
    py: Python<'py>,
    kind: CurveKind,
    key: &PKey<Public>,
    encoding: Encoding,
    format: PublicFormat,
) -> CryptoResult<Bound<'py, PyBytes>> {
    if no_openssh_form(
        kind,
        encoding == Encoding::Raw,
        format == PublicFormat::OpenSSH,
    ) {
        return Err(PyValueError::new_err("format is invalid with this key").into());
    }
    check_public_request(encoding, format, true)?;
    let raw = key.raw_public_key()?;
    match format {
        PublicFormat::Raw => Ok(PyBytes::new(py, &raw)),
        PublicFormat::SubjectPublicKeyInfo => {
            let der = oxicrypt_keys::spki::write_curve_key(kind, &raw);
            Ok(der_or_pem(py, encoding, "PUBLIC KEY", &der)?)
        }
        PublicFormat::OpenSSH => match kind {
            CurveKind::Ed25519 => super::ssh::public_bytes(py, key),
            CurveKind::Ed448 => Err(PyValueError::new_err("Unsupported key type").into()),
            _ => Err(PyValueError::new_err("format is invalid with this key").into()),
        },
        _ => Err(PyValueError::new_err("format is invalid with this key").into()),
    }
}

pub fn sign(
    key: &PKey<Private>,
    prepared: &Prepared<PreparedSigner>,
    data: &[u8],
) -> CryptoResult<Vec<u8>> {
    match prepared.get(|| PreparedSigner::new(key).ok()) {
        Some(signer) => Ok(signer.sign(data)?),
        None => {
            let mut signer = openssl::sign::Signer::new_without_digest(key)?;
            Ok(signer.sign_oneshot_to_vec(data)?)
        }
    }
}

pub fn verify(
    key: &PKey<Public>,
    prepared: &Prepared<PreparedVerifier>,
    signature: &[u8],
    data: &[u8],
) -> CryptoResult<()> {
    // A malformed signature is just one that does not verify.
    let valid = match prepared.get(|| PreparedVerifier::new(key).ok()) {
        // Err here is a failed context copy (memory), not a bad signature.
        Some(verifier) => verifier.verify(signature, data)?,
        None => openssl::sign::Verifier::new_without_digest(key)?
            .verify_oneshot(signature, data)
            .unwrap_or(false),
    };
    // Drain anything OpenSSL queued for a malformed signature.
    let _ = openssl::error::ErrorStack::get();
    if valid {
        Ok(())
    } else {
        Err(CryptoError::InvalidSignature(""))
    }
}

/// An exchange key's derive context, kept from one exchange to the next: making a new one
/// (OpenSSL looks up the key exchange implementation) costs about 2% of an X25519
/// exchange. Each exchange takes the context out, so two threads exchanging with the same
/// key at once never share one (the second makes its own).
#[derive(Default)]
pub struct DeriveCache(Mutex<Option<PkeyCtx<Private>>>);

impl DeriveCache {
    fn take(&self) -> Option<PkeyCtx<Private>> {
        self.0.lock().ok()?.take()
    }

    fn put(&self, ctx: PkeyCtx<Private>) {
        if let Ok(mut slot) = self.0.lock() {
            slot.get_or_insert(ctx);
        }
    }
}

pub fn exchange(
    kind: CurveKind,
    key: &PKey<Private>,
    cache: &DeriveCache,
    peer: &PKey<Public>,
) -> CryptoResult<Vec<u8>> {
    let fail = |_| CryptoError::from(PyValueError::new_err("Error computing shared key."));
    let mut ctx = match cache.take() {
        Some(ctx) => ctx,
        None => {
            let mut ctx = PkeyCtx::new(key)?;
            ctx.derive_init()?;
            ctx
        }
    };
    ctx.derive_set_peer(peer).map_err(fail)?;
    // The shared secret is as long as a key (RFC 7748).
    let mut shared = vec![0; kind.key_len()];
    // OpenSSL refuses an all-zero shared secret (a low-order peer point, RFC 7748 §6).
    // A context that failed is dropped, not kept.
    let len = ctx.derive(Some(&mut shared)).map_err(fail)?;
    shared.truncate(len);
    cache.put(ctx);
    Ok(shared)
}

/// Defines the Python classes and module functions of one curve. `$private_methods` and
/// `$public_methods` add what differs between signature and exchange curves.
macro_rules! curve_module {
    (
        $module:ident, $kind:expr, $py_module:literal,
        $private:ident, $private_name:literal, $public:ident, $public_name:literal,
        private_fields { $($field:ident: $field_type:ty),* }
        public_fields { $($public_field:ident: $public_field_type:ty),* }
        private { $($private_methods:tt)* }
        public { $($public_methods:tt)* }
    ) => {
        pub mod $module {
            use openssl::pkey::{PKey, Private, Public};
            use oxicrypt_keys::key::CurveKind;
            use pyo3::prelude::*;
            use pyo3::types::PyBytes;

            #[allow(unused_imports)]
            use crate::buf::Buffer;
            use crate::error::CryptoResult;
            use crate::keys::curves;
            use crate::keys::serialization::{Encoding, PrivateFormat, PublicFormat};

            const KIND: CurveKind = $kind;

            #[pyclass(frozen, module = $py_module, name = $private_name)]
            pub struct $private {
                pub(crate) pkey: PKey<Private>,
                // Public key objects are immutable, so one per private key, made on first
                // use, serves every `public_key()` call (building one costs more than a
                // signature's worth of Python overhead).
                public: pyo3::sync::PyOnceLock<Py<$public>>,
                $($field: $field_type),*
            }

            impl $private {
                pub(crate) fn new(pkey: PKey<Private>) -> Self {
                    $private {
                        pkey,
                        public: pyo3::sync::PyOnceLock::new(),
                        $($field: Default::default()),*
                    }
                }
            }

            #[pyclass(frozen, module = $py_module, name = $public_name)]
            pub struct $public {
                pub(crate) pkey: PKey<Public>,
                $($public_field: $public_field_type),*
            }

            impl $public {
                pub(crate) fn new(pkey: PKey<Public>) -> Self {
                    $public { pkey, $($public_field: Default::default()),* }
                }
            }

            #[pymethods]
            impl $private {
                fn public_key(&self, py: Python<'_>) -> CryptoResult<Py<$public>> {
                    let public = self.public.get_or_try_init(py, || -> CryptoResult<_> {
                        let pkey = curves::public_of(KIND, &self.pkey)?;
                        Ok(Py::new(py, $public::new(pkey))?)
                    })?;
                    Ok(public.clone_ref(py))
                }

                fn private_bytes_raw<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
                    Ok(PyBytes::new(py, &self.pkey.raw_private_key()?))
                }

                fn private_bytes<'py>(
                    &self,
                    py: Python<'py>,
                    encoding: Encoding,
                    format: PrivateFormat,
                    encryption_algorithm: &Bound<'py, PyAny>,
                ) -> CryptoResult<Bound<'py, PyBytes>> {
                    curves::private_bytes(py, KIND, &self.pkey, encoding, format, encryption_algorithm)
                }

                fn __copy__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
                    slf
                }

                fn __deepcopy__<'py>(slf: PyRef<'py, Self>, _memo: &Bound<'py, PyAny>) -> PyRef<'py, Self> {
                    slf
                }

                $($private_methods)*
            }

            #[pymethods]
            impl $public {
                fn public_bytes_raw<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
                    Ok(PyBytes::new(py, &self.pkey.raw_public_key()?))
                }

                fn public_bytes<'py>(
                    &self,
                    py: Python<'py>,
                    encoding: Encoding,
                    format: PublicFormat,
                ) -> CryptoResult<Bound<'py, PyBytes>> {
                    curves::public_bytes(py, KIND, &self.pkey, encoding, format)
                }

                fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> Py<PyAny> {
                    let equal = other
                        .cast::<$public>()
                        .ok()
                        .map(|other| self.pkey.public_eq(&other.get().pkey));
                    crate::keys::eq_result(py, equal)
                }

                fn __copy__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
                    slf
                }

                fn __deepcopy__<'py>(slf: PyRef<'py, Self>, _memo: &Bound<'py, PyAny>) -> PyRef<'py, Self> {
                    slf
                }

                $($public_methods)*
            }

            #[pyfunction]
            fn generate_key(py: Python<'_>) -> CryptoResult<$private> {
                Ok($private::new(py.detach(|| curves::generate(KIND))?))
            }

            #[pyfunction]
            fn from_private_bytes(data: Buffer<'_>) -> CryptoResult<$private> {
                Ok($private::new(curves::private_from_raw(KIND, data.as_bytes())?))
            }

            #[pyfunction]
            fn from_public_bytes(data: Buffer<'_>) -> CryptoResult<$public> {
                Ok($public::new(curves::public_from_raw(KIND, data.as_bytes())?))
            }

            pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
                m.add_class::<$private>()?;
                m.add_class::<$public>()?;
                m.add_function(wrap_pyfunction!(generate_key, m)?)?;
                m.add_function(wrap_pyfunction!(from_private_bytes, m)?)?;
                m.add_function(wrap_pyfunction!(from_public_bytes, m)?)
            }
        }
    };
}

macro_rules! signature_curve {
    ($module:ident, $kind:expr, $py_module:literal,
     $private:ident, $private_name:literal, $public:ident, $public_name:literal) => {
        curve_module! {
            $module, $kind, $py_module, $private, $private_name, $public, $public_name,
            private_fields { signer: crate::keys::prepared::Prepared<oxicrypt_openssl::prepared_signature::PreparedSigner> }
            public_fields { verifier: crate::keys::prepared::Prepared<oxicrypt_openssl::prepared_signature::PreparedVerifier> }
            private {
                fn sign<'py>(&self, py: Python<'py>, data: Buffer<'_>) -> CryptoResult<Bound<'py, PyBytes>> {
                    let data = data.as_bytes();
                    let signature = py.detach(|| curves::sign(&self.pkey, &self.signer, data))?;
                    Ok(PyBytes::new(py, &signature))
                }
            }
            public {
                fn verify(&self, py: Python<'_>, signature: Buffer<'_>, data: Buffer<'_>) -> CryptoResult<()> {
                    let (signature, data) = (signature.as_bytes(), data.as_bytes());
                    py.detach(|| curves::verify(&self.pkey, &self.verifier, signature, data))
                }
            }
        }
    };
}

macro_rules! exchange_curve {
    ($module:ident, $kind:expr, $py_module:literal,
     $private:ident, $private_name:literal, $public:ident, $public_name:literal) => {
        curve_module! {
            $module, $kind, $py_module, $private, $private_name, $public, $public_name,
            private_fields { derive_cache: curves::DeriveCache }
            public_fields {}
            private {
                fn exchange<'py>(
                    &self,
                    py: Python<'py>,
                    peer_public_key: PyRef<'_, $public>,
                ) -> CryptoResult<Bound<'py, PyBytes>> {
                    let peer = &peer_public_key.pkey;
                    let shared = py.detach(|| curves::exchange(KIND, &self.pkey, &self.derive_cache, peer))?;
                    Ok(PyBytes::new(py, &shared))
                }
            }
            public {}
        }
    };
}

signature_curve!(
    ed25519,
    CurveKind::Ed25519,
    "oxicrypt._rust.ed25519",
    Ed25519PrivateKey,
    "Ed25519PrivateKey",
    Ed25519PublicKey,
    "Ed25519PublicKey"
);
signature_curve!(
    ed448,
    CurveKind::Ed448,
    "oxicrypt._rust.ed448",
    Ed448PrivateKey,
    "Ed448PrivateKey",
    Ed448PublicKey,
    "Ed448PublicKey"
);
exchange_curve!(
    x25519,
    CurveKind::X25519,
    "oxicrypt._rust.x25519",
    X25519PrivateKey,
    "X25519PrivateKey",
    X25519PublicKey,
    "X25519PublicKey"
);
exchange_curve!(
    x448,
    CurveKind::X448,
    "oxicrypt._rust.x448",
    X448PrivateKey,
    "X448PrivateKey",
    X448PublicKey,
    "X448PublicKey"
);
