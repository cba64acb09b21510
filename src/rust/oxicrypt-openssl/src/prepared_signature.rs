//! Signing and verifying contexts prepared once per key and copied for each use.
//!
//! `EVP_DigestSignInit`/`EVP_DigestVerifyInit` and `EVP_PKEY_sign_init`/`verify_init` look
//! the signature implementation up in the provider store every time, about 1.2 us: 5-6% of
//! an Ed25519 signature, 8% of an ECDSA P-256 signature or an RSA-2048 verification.
//! Copying a context initialised once (`EVP_MD_CTX_copy_ex`, `EVP_PKEY_CTX_dup`) costs
//! about 0.1 us and signs the same. A context cannot simply be kept and reused: OpenSSL
//! 3.2 and later mark a digest-sign context finalised after a one-shot signature, and a
//! configured (padding, digest, nonce type) context must not leak into the next use.

use foreign_types::{ForeignType, ForeignTypeRef};
use openssl::error::ErrorStack;
use openssl::md_ctx::{MdCtx, MdCtxRef};
use openssl::pkey::{HasPrivate, HasPublic, PKeyRef};
use openssl::pkey_ctx::PkeyCtx;

/// A fresh context that starts as a copy of `template`.
fn copy_of(template: &MdCtxRef) -> Result<MdCtx, ErrorStack> {
    let ctx = MdCtx::new()?;
    // SAFETY: both pointers come from live MdCtx values; `ctx` is new and exclusively
    // ours, and on failure it is freed by its Drop. `template` is shared between threads
    // and only read: OpenSSL's documented threading rules do not cover contexts, so this
    // rests on reading the sources of 3.0 to 3.6.3 (EVP_MD_CTX_copy_ex and the providers'
    // eddsa dupctx): the copy reads the source and takes references with atomic up-refs.
    // Check again when the vendored OpenSSL moves to a new minor version.
    let ok = unsafe { openssl_sys::EVP_MD_CTX_copy_ex(ctx.as_ptr(), template.as_ptr()) };
    if ok == 1 {
        Ok(ctx)
    } else {
        Err(ErrorStack::get())
    }
}

/// One-shot signatures without a separate digest (Ed25519, Ed448) with one key.
pub struct PreparedSigner {
    template: MdCtx,
}

impl PreparedSigner {
    pub fn new<T: HasPrivate>(key: &PKeyRef<T>) -> Result<Self, ErrorStack> {
        let mut template = MdCtx::new()?;
        // The context holds its own reference to the key.
        template.digest_sign_init(None, key)?;
        Ok(PreparedSigner { template })
    }

    pub fn sign(&self, data: &[u8]) -> Result<Vec<u8>, ErrorStack> {
        let mut ctx = copy_of(&self.template)?;
        let mut signature = Vec::new();
        ctx.digest_sign_to_vec(data, &mut signature)?;
        Ok(signature)
    }
}

/// One-shot verification without a separate digest (Ed25519, Ed448) with one key.
pub struct PreparedVerifier {
    template: MdCtx,
}

impl PreparedVerifier {
    pub fn new<T: HasPublic>(key: &PKeyRef<T>) -> Result<Self, ErrorStack> {
        let mut template = MdCtx::new()?;
        template.digest_verify_init(None, key)?;
        Ok(PreparedVerifier { template })
    }

    /// `Ok(false)` for a signature that does not verify, malformed ones included.
    pub fn verify(&self, signature: &[u8], data: &[u8]) -> Result<bool, ErrorStack> {
        let mut ctx = copy_of(&self.template)?;
        Ok(ctx.digest_verify(data, signature).unwrap_or(false))
    }
}

extern "C" {
    // In libcrypto since 1.0.0 (const argument since 3.0); openssl-sys does not declare it.
    fn EVP_PKEY_CTX_dup(ctx: *const openssl_sys::EVP_PKEY_CTX) -> *mut openssl_sys::EVP_PKEY_CTX;
}

/// Signatures over a digest computed beforehand (ECDSA, RSA, DSA) with one key: a
/// context after `sign_init` or `verify_init`, copied for each use and configured there.
pub struct PreparedPkeyCtx<T> {
    template: PkeyCtx<T>,
}

impl<T: HasPrivate> PreparedPkeyCtx<T> {
    pub fn for_signing(key: &PKeyRef<T>) -> Result<Self, ErrorStack> {
        let mut template = PkeyCtx::new(key)?;
        template.sign_init()?;
        Ok(PreparedPkeyCtx { template })
    }
}

impl<T: HasPublic> PreparedPkeyCtx<T> {
    pub fn for_verifying(key: &PKeyRef<T>) -> Result<Self, ErrorStack> {
        let mut template = PkeyCtx::new(key)?;
        template.verify_init()?;
        Ok(PreparedPkeyCtx { template })
    }
}

impl<T> PreparedPkeyCtx<T> {
    /// A fresh context, initialised as the template was, for the caller to configure.
    pub fn context(&self) -> Result<PkeyCtx<T>, ErrorStack> {
        // SAFETY: the template is a live context owned by `self`, shared between threads
        // and only read. As for `copy_of`, this rests on the sources of OpenSSL 3.0 to
        // 3.6.3 (EVP_PKEY_CTX_dup and the ecdsa, rsa and dsa dupctx functions), which
        // read the source and take references with atomic up-refs; check again when the
        // vendored OpenSSL moves to a new minor version.
        let copy = unsafe { EVP_PKEY_CTX_dup(self.template.as_ptr()) };
        if copy.is_null() {
            return Err(ErrorStack::get());
        }
        // SAFETY: `copy` is a new, non-null context that nothing else owns; the PkeyCtx
        // takes ownership and frees it once.
        Ok(unsafe { PkeyCtx::from_ptr(copy) })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use openssl::ec::{EcGroup, EcKey};
    use openssl::md::Md;
    use openssl::nid::Nid;
    use openssl::pkey::{Id, PKey};
    use openssl::rsa::{Padding, Rsa};

    #[test]
    fn signs_like_a_fresh_context_many_times() {
        for (id, len) in [(Id::ED25519, 32), (Id::ED448, 57)] {
            let key = PKey::private_key_from_raw_bytes(&vec![7u8; len], id).unwrap();
            let public =
                PKey::public_key_from_raw_bytes(&key.raw_public_key().unwrap(), id).unwrap();
            let signer = PreparedSigner::new(&key).unwrap();
            let verifier = PreparedVerifier::new(&public).unwrap();
            for message in [&b""[..], b"abc", &[0x5a; 1000]] {
                let expected = openssl::sign::Signer::new_without_digest(&key)
                    .unwrap()
                    .sign_oneshot_to_vec(message)
                    .unwrap();
                // Deterministic signatures: the copy signs exactly as a fresh context.
                assert_eq!(signer.sign(message).unwrap(), expected);
                assert_eq!(signer.sign(message).unwrap(), expected);
                assert!(verifier.verify(&expected, message).unwrap());
                let mut bad = expected.clone();
                bad[0] ^= 1;
                assert!(!verifier.verify(&bad, message).unwrap());
                assert!(!verifier.verify(&expected[1..], message).unwrap());
            }
        }
    }

    #[test]
    fn copied_pkey_contexts_sign_and_verify() {
        let group = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1).unwrap();
        let ec = PKey::from_ec_key(EcKey::generate(&group).unwrap()).unwrap();
        let rsa = PKey::from_rsa(Rsa::generate(2048).unwrap()).unwrap();
        let digest = [0x42u8; 32];
        for key in [&ec, &rsa] {
            let public = PKey::public_key_from_der(&key.public_key_to_der().unwrap()).unwrap();
            let signer = PreparedPkeyCtx::for_signing(key).unwrap();
            let verifier = PreparedPkeyCtx::for_verifying(&public).unwrap();
            for round in 0..3 {
                let mut ctx = signer.context().unwrap();
                if key.id() == Id::RSA {
                    // Configuring one copy leaves the template (and the next copy) alone.
                    let padding = if round == 1 {
                        Padding::PKCS1_PSS
                    } else {
                        Padding::PKCS1
                    };
                    ctx.set_rsa_padding(padding).unwrap();
                    ctx.set_signature_md(Md::sha256()).unwrap();
                }
                let mut signature = Vec::new();
                ctx.sign_to_vec(&digest, &mut signature).unwrap();
                let mut check = verifier.context().unwrap();
                if key.id() == Id::RSA {
                    check.set_signature_md(Md::sha256()).unwrap();
                    if round == 1 {
                        check.set_rsa_padding(Padding::PKCS1_PSS).unwrap();
                    }
                }
                assert!(check.verify(&digest, &signature).unwrap());
                // A copy made after that one carries none of its settings: a PSS signature
                // fails a plain copy, a PKCS #1 v1.5 or ECDSA one a wrong digest.
                let mut other = verifier.context().unwrap();
                if key.id() == Id::RSA {
                    other.set_signature_md(Md::sha256()).unwrap();
                }
                if key.id() == Id::RSA && round == 1 {
                    assert!(!other.verify(&digest, &signature).unwrap_or(false));
                }
                assert!(!other.verify(&[0u8; 32], &signature).unwrap_or(false));
            }
        }
    }
}
