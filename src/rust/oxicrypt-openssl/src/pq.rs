//! ML-DSA (FIPS 204) signatures and ML-KEM (FIPS 203) key encapsulation, which OpenSSL
//! has from 3.5 on. The `openssl` crate builds and reads the keys (from a seed, from raw
//! public bytes); this module adds what it does not wrap: message signing with a context
//! string or from an externally computed mu (`EVP_PKEY_sign_message_init` with
//! parameters), and encapsulation (`EVP_PKEY_encapsulate`).
//!
//! Built against an older OpenSSL, every parameter set reports itself unsupported and the
//! operations fail with an (empty) OpenSSL error: callers check [`supported`] first.

use openssl::error::ErrorStack;
use openssl::pkey::{HasPublic, KeyType, PKey, PKeyRef, Private, Public};
use oxicrypt_keys::pq::PqKind;

/// The OpenSSL algorithm of a parameter set.
pub fn key_type(kind: PqKind) -> KeyType {
    match kind {
        PqKind::MlDsa44 => KeyType::ML_DSA_44,
        PqKind::MlDsa65 => KeyType::ML_DSA_65,
        PqKind::MlDsa87 => KeyType::ML_DSA_87,
        PqKind::MlKem768 => KeyType::ML_KEM_768,
        PqKind::MlKem1024 => KeyType::ML_KEM_1024,
    }
}

/// Public key from its raw FIPS encoding; OpenSSL checks it (for ML-KEM, the modulus
/// check of FIPS 203, section 7.2).
pub fn public_from_raw(kind: PqKind, raw: &[u8]) -> Result<PKey<Public>, ErrorStack> {
    PKey::public_key_from_raw_bytes_ex(None, key_type(kind), None, raw)
}

/// The public half of a key pair.
pub fn public_of<T: HasPublic>(kind: PqKind, key: &PKeyRef<T>) -> Result<PKey<Public>, ErrorStack> {
    public_from_raw(kind, &key.raw_public_key()?)
}

pub use imp::{decapsulate, encapsulate, private_from_seed, seed_of, sign, supported, verify};

#[cfg(ossl350)]
mod imp {
    use std::ffi::{c_int, c_uint, c_void, CStr};
    use std::ptr;
    use std::sync::OnceLock;

    use foreign_types::ForeignType;
    use openssl::error::ErrorStack;
    use openssl::pkey::{HasPrivate, HasPublic, PKey, PKeyRef, Private};
    use openssl::pkey_ctx::PkeyCtx;
    use openssl_sys as ffi;
    use oxicrypt_keys::pq::PqKind;

    use super::key_type;

    /// Checks an OpenSSL return code, draining the error queue on failure.
    fn cvt(ret: c_int) -> Result<(), ErrorStack> {
        if ret == 1 {
            Ok(())
        } else {
            Err(ErrorStack::get())
        }
    }

    /// Whether the linked OpenSSL provides `kind` (a build may leave algorithms out):
    /// asked once per parameter set by building a key from an all-zero seed.
    pub fn supported(kind: PqKind) -> bool {
        static CACHE: [OnceLock<bool>; PqKind::ALL.len()] =
            [const { OnceLock::new() }; PqKind::ALL.len()];
        let index = PqKind::ALL.iter().position(|k| *k == kind);
        let Some(slot) = index.and_then(|i| CACHE.get(i)) else {
            return false;
        };
        // A failed attempt returns its error stack, which drains OpenSSL's error queue.
        *slot.get_or_init(|| private_from_seed(kind, &vec![0u8; kind.seed_len()]).is_ok())
    }

    /// The key pair FIPS 204 `ML-DSA.KeyGen_internal(xi)` or FIPS 203
    /// `ML-KEM.KeyGen_internal(d, z)` derives from `seed` (`xi`, or `d || z`).
    pub fn private_from_seed(kind: PqKind, seed: &[u8]) -> Result<PKey<Private>, ErrorStack> {
        PKey::private_key_from_seed(None, key_type(kind), None, seed)
    }

    /// The seed a key was made from (oxicrypt only makes keys from seeds).
    pub fn seed_of<T: HasPrivate>(kind: PqKind, key: &PKeyRef<T>) -> Result<Vec<u8>, ErrorStack> {
        let mut seed = vec![0u8; kind.seed_len()];
        let written = key.seed_into(&mut seed)?;
        seed.truncate(written);
        Ok(seed)
    }

    /// An `EVP_SIGNATURE`, freed on drop.
    struct SignatureAlgorithm(*mut ffi::EVP_SIGNATURE);

    impl SignatureAlgorithm {
        fn fetch(kind: PqKind) -> Result<SignatureAlgorithm, ErrorStack> {
            let name = match kind {
                PqKind::MlDsa44 => c"ML-DSA-44",
                PqKind::MlDsa65 => c"ML-DSA-65",
                PqKind::MlDsa87 => c"ML-DSA-87",
                PqKind::MlKem768 | PqKind::MlKem1024 => return Err(ErrorStack::get()),
            };
            // SAFETY: `name` is a NUL-terminated string; a null library context and
            // property query mean the defaults. A null return is checked.
            let alg =
                unsafe { ffi::EVP_SIGNATURE_fetch(ptr::null_mut(), name.as_ptr(), ptr::null()) };
            if alg.is_null() {
                return Err(ErrorStack::get());
            }
            Ok(SignatureAlgorithm(alg))
        }
    }

    impl Drop for SignatureAlgorithm {
        fn drop(&mut self) {
            // SAFETY: the pointer came from a successful fetch and is freed only here.
            unsafe { ffi::EVP_SIGNATURE_free(self.0) }
        }
    }

    const CONTEXT_STRING: &CStr = c"context-string";
    const MU: &CStr = c"mu";

    /// Starts a message signing (`verify` false) or verification operation with the
    /// FIPS 204 context string, or with `external_mu` when the input is mu itself.
    fn message_init<T>(
        kind: PqKind,
        key: &PKeyRef<T>,
        context: &[u8],
        external_mu: bool,
        verify: bool,
    ) -> Result<PkeyCtx<T>, ErrorStack> {
        let ctx = PkeyCtx::new(key)?;
        let alg = SignatureAlgorithm::fetch(kind)?;
        let mut mu_flag: c_uint = c_uint::from(external_mu);
        // SAFETY: the OSSL_PARAM constructors only record the pointers; `context` and
        // `mu_flag` outlive the init call, which is the only reader (OpenSSL copies the
        // context string into the operation). The octet string is never written through,
        // although the constructor's signature takes a mutable pointer.
        let params = unsafe {
            [
                ffi::OSSL_PARAM_construct_uint(MU.as_ptr(), &mut mu_flag),
                if context.is_empty() {
                    ffi::OSSL_PARAM_construct_end()
                } else {
                    ffi::OSSL_PARAM_construct_octet_string(
                        CONTEXT_STRING.as_ptr(),
                        context.as_ptr().cast_mut().cast::<c_void>(),
                        context.len(),
                    )
                },
                ffi::OSSL_PARAM_construct_end(),
            ]
        };
        // SAFETY: `ctx` and `alg` are valid objects owned here; `params` is an array
        // terminated by an end marker, valid for the duration of the call.
        let ret = unsafe {
            if verify {
                ffi::EVP_PKEY_verify_message_init(ctx.as_ptr(), alg.0, params.as_ptr())
            } else {
                ffi::EVP_PKEY_sign_message_init(ctx.as_ptr(), alg.0, params.as_ptr())
            }
        };
        cvt(ret)?;
        Ok(ctx)
    }

    /// Signs `message` (or, with `external_mu`, the 64-byte mu) with the hedged
    /// (randomized) variant of FIPS 204 ML-DSA.Sign.
    pub fn sign<T: HasPrivate>(
        kind: PqKind,
        key: &PKeyRef<T>,
        message: &[u8],
        context: &[u8],
        external_mu: bool,
    ) -> Result<Vec<u8>, ErrorStack> {
        let ctx = message_init(kind, key, context, external_mu, false)?;
        let mut len = kind.output_len();
        let mut signature = vec![0u8; len];
        // SAFETY: `signature` has room for `len` bytes, the signature size of the
        // parameter set, which OpenSSL checks against; `message` is valid for its length.
        cvt(unsafe {
            ffi::EVP_PKEY_sign(
                ctx.as_ptr(),
                signature.as_mut_ptr(),
                &mut len,
                message.as_ptr(),
                message.len(),
            )
        })?;
        signature.truncate(len);
        Ok(signature)
    }

    /// Whether `signature` is valid for `message` (or mu), with that context string.
    pub fn verify<T: HasPublic>(
        kind: PqKind,
        key: &PKeyRef<T>,
        signature: &[u8],
        message: &[u8],
        context: &[u8],
        external_mu: bool,
    ) -> Result<bool, ErrorStack> {
        let ctx = message_init(kind, key, context, external_mu, true)?;
        // SAFETY: both slices are valid for their lengths; OpenSSL only reads them.
        let ret = unsafe {
            ffi::EVP_PKEY_verify(
                ctx.as_ptr(),
                signature.as_ptr(),
                signature.len(),
                message.as_ptr(),
                message.len(),
            )
        };
        // A malformed signature is just one that does not verify; drop what OpenSSL queued.
        let _ = ErrorStack::get();
        Ok(ret == 1)
    }

    /// FIPS 203 ML-KEM.Encaps: a fresh shared secret and its ciphertext for `key`.
    pub fn encapsulate<T: HasPublic>(
        kind: PqKind,
        key: &PKeyRef<T>,
    ) -> Result<(Vec<u8>, Vec<u8>), ErrorStack> {
        let ctx = PkeyCtx::new(key)?;
        // SAFETY: `ctx` is a valid context; no parameters are passed.
        cvt(unsafe { ffi::EVP_PKEY_encapsulate_init(ctx.as_ptr(), ptr::null()) })?;
        let mut ciphertext = vec![0u8; kind.output_len()];
        let mut secret = vec![0u8; 32];
        let (mut ciphertext_len, mut secret_len) = (ciphertext.len(), secret.len());
        // SAFETY: the buffers have the sizes passed with them (the ciphertext size of the
        // parameter set and ML-KEM's 32-byte secret), which OpenSSL checks against.
        cvt(unsafe {
            ffi::EVP_PKEY_encapsulate(
                ctx.as_ptr(),
                ciphertext.as_mut_ptr(),
                &mut ciphertext_len,
                secret.as_mut_ptr(),
                &mut secret_len,
            )
        })?;
        ciphertext.truncate(ciphertext_len);
        secret.truncate(secret_len);
        Ok((secret, ciphertext))
    }

    /// FIPS 203 ML-KEM.Decaps. A ciphertext of the right length always gives a secret (a
    /// tampered one gives the implicit-rejection secret); other lengths are an error.
    pub fn decapsulate<T: HasPrivate>(
        key: &PKeyRef<T>,
        ciphertext: &[u8],
    ) -> Result<Vec<u8>, ErrorStack> {
        let ctx = PkeyCtx::new(key)?;
        // SAFETY: `ctx` is a valid context; no parameters are passed.
        cvt(unsafe { ffi::EVP_PKEY_decapsulate_init(ctx.as_ptr(), ptr::null()) })?;
        let mut secret = vec![0u8; 32];
        let mut secret_len = secret.len();
        // SAFETY: `secret` has room for `secret_len` bytes, which OpenSSL checks against;
        // `ciphertext` is valid for its length and only read.
        cvt(unsafe {
            ffi::EVP_PKEY_decapsulate(
                ctx.as_ptr(),
                secret.as_mut_ptr(),
                &mut secret_len,
                ciphertext.as_ptr(),
                ciphertext.len(),
            )
        })?;
        secret.truncate(secret_len);
        Ok(secret)
    }
}

#[cfg(not(ossl350))]
mod imp {
    //! OpenSSL before 3.5 has neither algorithm.

    use openssl::error::ErrorStack;
    use openssl::pkey::{HasPrivate, HasPublic, PKey, PKeyRef, Private};
    use oxicrypt_keys::pq::PqKind;

    pub fn supported(_kind: PqKind) -> bool {
        false
    }

    pub fn private_from_seed(_kind: PqKind, _seed: &[u8]) -> Result<PKey<Private>, ErrorStack> {
        Err(ErrorStack::get())
    }

    pub fn seed_of<T: HasPrivate>(_kind: PqKind, _key: &PKeyRef<T>) -> Result<Vec<u8>, ErrorStack> {
        Err(ErrorStack::get())
    }

    pub fn sign<T: HasPrivate>(
        _kind: PqKind,
        _key: &PKeyRef<T>,
        _message: &[u8],
        _context: &[u8],
        _external_mu: bool,
    ) -> Result<Vec<u8>, ErrorStack> {
        Err(ErrorStack::get())
    }

    pub fn verify<T: HasPublic>(
        _kind: PqKind,
        _key: &PKeyRef<T>,
        _signature: &[u8],
        _message: &[u8],
        _context: &[u8],
        _external_mu: bool,
    ) -> Result<bool, ErrorStack> {
        Err(ErrorStack::get())
    }

    pub fn encapsulate<T: HasPublic>(
        _kind: PqKind,
        _key: &PKeyRef<T>,
    ) -> Result<(Vec<u8>, Vec<u8>), ErrorStack> {
        Err(ErrorStack::get())
    }

    pub fn decapsulate<T: HasPrivate>(
        _key: &PKeyRef<T>,
        _ciphertext: &[u8],
    ) -> Result<Vec<u8>, ErrorStack> {
        Err(ErrorStack::get())
    }
}

/// A new key pair from a fresh random seed (FIPS 204 ML-DSA.KeyGen, FIPS 203
/// ML-KEM.KeyGen: both draw the seed and derive the key from it).
pub fn generate(kind: PqKind) -> Result<PKey<Private>, ErrorStack> {
    let mut seed = vec![0u8; kind.seed_len()];
    openssl::rand::rand_priv_bytes(&mut seed)?;
    let key = private_from_seed(kind, &seed);
    // The seed is secret key material.
    seed.fill(0);
    key
}

#[cfg(all(test, ossl350))]
mod tests {
    use super::*;

    #[test]
    fn sign_verify_with_context_and_mu() {
        let key = private_from_seed(PqKind::MlDsa44, &[0x2a; 32]).unwrap();
        let public = public_of(PqKind::MlDsa44, &key).unwrap();
        assert_eq!(public.raw_public_key().unwrap().len(), 1312);
        assert_eq!(seed_of(PqKind::MlDsa44, &key).unwrap(), [0x2a; 32]);
        let sig = sign(PqKind::MlDsa44, &key, b"msg", b"ctx", false).unwrap();
        assert_eq!(sig.len(), 2420);
        assert!(verify(PqKind::MlDsa44, &public, &sig, b"msg", b"ctx", false).unwrap());
        assert!(!verify(PqKind::MlDsa44, &public, &sig, b"msg", b"", false).unwrap());
        assert!(!verify(PqKind::MlDsa44, &public, &sig, b"msg", b"ctx", true).unwrap());
        let mu = [5u8; 64];
        let sig = sign(PqKind::MlDsa44, &key, &mu, b"", true).unwrap();
        assert!(verify(PqKind::MlDsa44, &public, &sig, &mu, b"", true).unwrap());
        assert!(!verify(PqKind::MlDsa44, &public, &sig[1..], &mu, b"", true).unwrap());
    }

    #[test]
    fn encapsulation_round_trips() {
        for kind in [PqKind::MlKem768, PqKind::MlKem1024] {
            assert!(supported(kind));
            let key = generate(kind).unwrap();
            let public = public_of(kind, &key).unwrap();
            let (secret, ciphertext) = encapsulate(kind, &public).unwrap();
            assert_eq!(ciphertext.len(), kind.output_len());
            assert_eq!(decapsulate(&key, &ciphertext).unwrap(), secret);
            assert!(decapsulate(&key, &ciphertext[1..]).is_err());
        }
    }
}
