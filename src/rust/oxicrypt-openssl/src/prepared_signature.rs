//! Signing and verifying contexts prepared once per key and copied for each use.
//!
//! `EVP_DigestSignInit`/`EVP_DigestVerifyInit` look the signature implementation up in
//! the provider store every time, about 1.2 us: 5-6% of an Ed25519 signature. Copying a
//! context initialised once (`EVP_MD_CTX_copy_ex`) costs about 0.1 us and signs the same.
//! A context cannot simply be kept and reused: OpenSSL >= 3.2 marks it finalised after a
//! one-shot signature or verification.

use foreign_types::ForeignTypeRef;
use openssl::error::ErrorStack;
use openssl::md_ctx::{MdCtx, MdCtxRef};
use openssl::pkey::{HasPrivate, HasPublic, PKeyRef};

/// A fresh context that starts as a copy of `template`.
fn copy_of(template: &MdCtxRef) -> Result<MdCtx, ErrorStack> {
    let ctx = MdCtx::new()?;
    // SAFETY: both pointers come from live MdCtx values. `template` is only read: the C
    // function takes it as `const`, which OpenSSL's threading rules allow from several
    // threads at once (the key and method it references are reference-counted
    // atomically). `ctx` is new and exclusively ours; on failure it is freed by its Drop.
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use openssl::pkey::{Id, PKey};

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
}
