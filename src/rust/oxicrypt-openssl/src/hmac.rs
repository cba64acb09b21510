//! HMAC (RFC 2104) through OpenSSL's `HMAC_CTX`, which the `openssl` crate does not wrap.
//! `HMAC_CTX` takes an `EVP_MD` directly, so the digests fetched once in
//! [`crate::digest`] are reused and no provider lookup happens per key.

use std::ffi::{c_int, c_uint};
use std::ptr;

use foreign_types::ForeignTypeRef;
use openssl::error::ErrorStack;
use openssl::md::MdRef;
use openssl_sys as ffi;

use crate::digest::Digest;

/// The longest MAC any digest produces (`EVP_MAX_MD_SIZE`).
pub const MAX_MD_SIZE: usize = ffi::EVP_MAX_MD_SIZE as usize;

/// A keyed HMAC computation. Cloning copies the state.
pub struct Hmac {
    ctx: *mut ffi::HMAC_CTX,
}

// SAFETY: the HMAC_CTX is owned exclusively by this value and OpenSSL keeps no
// thread-affine state in it; `&self` methods never mutate it, so sharing references
// across threads is sound, and so is moving the owner.
unsafe impl Send for Hmac {}
// SAFETY: see above.
unsafe impl Sync for Hmac {}

/// Checks an OpenSSL return code, draining the error queue on failure.
fn cvt(ret: c_int) -> Result<(), ErrorStack> {
    if ret == 1 {
        Ok(())
    } else {
        Err(ErrorStack::get())
    }
}

impl Hmac {
    fn alloc() -> Result<Hmac, ErrorStack> {
        // SAFETY: HMAC_CTX_new has no preconditions; a null return is checked.
        let ctx = unsafe { ffi::HMAC_CTX_new() };
        if ctx.is_null() {
            return Err(ErrorStack::get());
        }
        Ok(Hmac { ctx })
    }

    pub fn new(key: &[u8], md: &'static MdRef) -> Result<Hmac, ErrorStack> {
        Hmac::with_key_limit(key, md, c_int::MAX as usize)
    }

    /// `new`, with keys longer than `limit` bytes replaced by their hash first. HMAC does
    /// that itself for any key longer than the block size (RFC 2104, section 2), so the MAC
    /// is the same; doing it here lifts HMAC_Init_ex's `int` limit on the key length.
    fn with_key_limit(key: &[u8], md: &'static MdRef, limit: usize) -> Result<Hmac, ErrorStack> {
        let hashed;
        let key = if key.len() > limit {
            let mut d = Digest::new(md)?;
            d.update(key)?;
            hashed = d.finish()?;
            &*hashed
        } else {
            key
        };
        // At most `limit` (<= c_int::MAX) or a digest length (<= 64): never truncated.
        let len = c_int::try_from(key.len()).unwrap_or(c_int::MAX);
        // A null key would tell HMAC_Init_ex to reuse the previous key; an empty key must
        // be passed as a valid pointer with length 0.
        static EMPTY: [u8; 1] = [0];
        let key_ptr = if key.is_empty() {
            EMPTY.as_ptr()
        } else {
            key.as_ptr()
        };
        let hmac = Hmac::alloc()?;
        // SAFETY: ctx is a fresh HMAC_CTX; key_ptr points to `len` readable bytes;
        // md is a valid EVP_MD for the life of the process.
        cvt(unsafe {
            ffi::HMAC_Init_ex(hmac.ctx, key_ptr.cast(), len, md.as_ptr(), ptr::null_mut())
        })?;
        Ok(hmac)
    }

    pub fn update(&mut self, data: &[u8]) -> Result<(), ErrorStack> {
        // SAFETY: ctx was initialised in `new`; data is a valid slice.
        cvt(unsafe { ffi::HMAC_Update(self.ctx, data.as_ptr(), data.len()) })
    }

    /// Writes the MAC into the start of `out` and returns its length. The context cannot
    /// be used afterwards.
    pub fn finish(&mut self, out: &mut [u8; MAX_MD_SIZE]) -> Result<usize, ErrorStack> {
        let mut len: c_uint = 0;
        // SAFETY: ctx was initialised; out has room for any digest (EVP_MAX_MD_SIZE).
        cvt(unsafe { ffi::HMAC_Final(self.ctx, out.as_mut_ptr(), &mut len) })?;
        Ok(len as usize)
    }

    pub fn try_clone(&self) -> Result<Hmac, ErrorStack> {
        let copy = Hmac::alloc()?;
        // SAFETY: both contexts are valid; HMAC_CTX_copy only reads `src` despite its
        // non-const signature.
        cvt(unsafe { ffi::HMAC_CTX_copy(copy.ctx, self.ctx) })?;
        Ok(copy)
    }
}

impl Drop for Hmac {
    fn drop(&mut self) {
        // SAFETY: ctx came from HMAC_CTX_new and is freed exactly once.
        unsafe { ffi::HMAC_CTX_free(self.ctx) }
    }
}

#[cfg(test)]
mod tests {
    use super::{Hmac, MAX_MD_SIZE};
    use crate::digest::HashKind;

    fn mac(kind: HashKind, key: &[u8], data: &[u8]) -> String {
        let mut h = Hmac::new(key, kind.md().unwrap()).unwrap();
        h.update(data).unwrap();
        let mut out = [0u8; 64];
        let n = h.finish(&mut out).unwrap();
        hex::encode(&out[..n])
    }

    #[test]
    fn rfc4231_case_2() {
        assert_eq!(
            mac(HashKind::Sha256, b"Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn empty_key_is_a_key() {
        // HMAC-SHA256 with an empty key over an empty message.
        assert_eq!(
            mac(HashKind::Sha256, b"", b""),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"
        );
    }

    #[test]
    fn prehashed_long_key_gives_the_same_mac() {
        let md = HashKind::Sha256.md().unwrap();
        let key = [0x42u8; 300];
        let mut direct = Hmac::new(&key, md).unwrap();
        let mut prehashed = Hmac::with_key_limit(&key, md, 100).unwrap();
        direct.update(b"message").unwrap();
        prehashed.update(b"message").unwrap();
        let (mut a, mut b) = ([0u8; MAX_MD_SIZE], [0u8; MAX_MD_SIZE]);
        let na = direct.finish(&mut a).unwrap();
        let nb = prehashed.finish(&mut b).unwrap();
        assert_eq!(a[..na], b[..nb]);
    }

    #[test]
    fn clone_forks_the_state() {
        let mut a = Hmac::new(b"k", HashKind::Sha1.md().unwrap()).unwrap();
        a.update(b"x").unwrap();
        let mut b = a.try_clone().unwrap();
        let (mut oa, mut ob) = ([0u8; 64], [0u8; 64]);
        let na = a.finish(&mut oa).unwrap();
        let nb = b.finish(&mut ob).unwrap();
        assert_eq!(oa[..na], ob[..nb]);
    }
}
