//! OpenSSL contexts a key prepares on its first signature or verification and copies for
//! every later one (see `oxicrypt_openssl::prepared_signature` for why).

use std::sync::OnceLock;

use openssl::error::ErrorStack;
use openssl::pkey::{PKey, Private, Public};
use openssl::pkey_ctx::PkeyCtx;
use oxicrypt_openssl::prepared_signature::PreparedPkeyCtx;

/// A value made on first use; `None` inside when making it failed, and callers then do
/// the work without it.
pub struct Prepared<T>(OnceLock<Option<T>>);

impl<T> Default for Prepared<T> {
    fn default() -> Self {
        Prepared(OnceLock::new())
    }
}

impl<T> Prepared<T> {
    pub fn get(&self, make: impl FnOnce() -> Option<T>) -> Option<&T> {
        self.0.get_or_init(make).as_ref()
    }
}

/// A context after `sign_init`, ready to configure and sign with.
pub fn signing_context(
    prepared: &Prepared<PreparedPkeyCtx<Private>>,
    key: &PKey<Private>,
) -> Result<PkeyCtx<Private>, ErrorStack> {
    match prepared.get(|| PreparedPkeyCtx::for_signing(key).ok()) {
        Some(template) => template.context(),
        None => {
            let mut ctx = PkeyCtx::new(key)?;
            ctx.sign_init()?;
            Ok(ctx)
        }
    }
}

/// A context after `verify_init`, ready to configure and verify with.
pub fn verifying_context(
    prepared: &Prepared<PreparedPkeyCtx<Public>>,
    key: &PKey<Public>,
) -> Result<PkeyCtx<Public>, ErrorStack> {
    match prepared.get(|| PreparedPkeyCtx::for_verifying(key).ok()) {
        Some(template) => template.context(),
        None => {
            let mut ctx = PkeyCtx::new(key)?;
            ctx.verify_init()?;
            Ok(ctx)
        }
    }
}
