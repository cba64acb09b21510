//! Signature options the `openssl` crate offers only on some OpenSSL versions.

use openssl::error::ErrorStack;
use openssl::pkey_ctx::PkeyCtx;

/// Whether ECDSA/DSA can sign with RFC 6979 deterministic nonces (OpenSSL >= 3.2).
pub const DETERMINISTIC_NONCES_SUPPORTED: bool = cfg!(ossl320);

/// Switches a signing context to RFC 6979 deterministic nonces.
#[cfg(ossl320)]
pub fn set_deterministic_nonce<T>(ctx: &mut PkeyCtx<T>) -> Result<(), ErrorStack> {
    ctx.set_nonce_type(openssl::pkey_ctx::NonceType::DETERMINISTIC_K)
}

/// Without OpenSSL 3.2 there is nothing to call: callers check
/// [`DETERMINISTIC_NONCES_SUPPORTED`] first, so this reports an (empty) OpenSSL error
/// rather than panicking if one does not.
#[cfg(not(ossl320))]
pub fn set_deterministic_nonce<T>(_ctx: &mut PkeyCtx<T>) -> Result<(), ErrorStack> {
    Err(ErrorStack::get())
}
