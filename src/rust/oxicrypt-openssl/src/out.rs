//! Output buffers that may be uninitialized: newly allocated Python `bytes` are filled by
//! OpenSSL directly, without being zeroed first (for a 1 MiB AES-GCM message the zeroing
//! alone costs about a sixth of the encryption).
//!
//! Functions here take `&mut [MaybeUninit<u8>]` and only ever store initialized bytes
//! through it. Callers holding initialized memory use [`as_uninit`], which is private to
//! this crate for that reason: code outside could store `MaybeUninit::uninit()` through
//! the view and leave a `&mut [u8]` uninitialized.

use std::mem::MaybeUninit;

use foreign_types::ForeignTypeRef;
use openssl::cipher_ctx::CipherCtxRef;
use openssl::error::ErrorStack;

/// OpenSSL counts bytes in a C `int`: longer inputs go in pieces of this size, a multiple
/// of every block size.
pub(crate) const MAX_CHUNK: usize = 1 << 30;

/// Views initialized bytes as a buffer that is only written to.
pub(crate) fn as_uninit(buf: &mut [u8]) -> &mut [MaybeUninit<u8>] {
    // SAFETY: MaybeUninit<u8> has the size, alignment and validity-superset of u8, so the
    // view covers the same memory. Every function of this crate that takes the view only
    // stores initialized bytes through it (OpenSSL output, copies, zeroes), so `buf` stays
    // initialized, as its type promises, once the view is dropped.
    unsafe { &mut *(std::ptr::from_mut::<[u8]>(buf) as *mut [MaybeUninit<u8>]) }
}

/// Copies `src` into the start of `dst` (which must be at least as long).
pub(crate) fn write(dst: &mut [MaybeUninit<u8>], src: &[u8]) {
    for (d, s) in dst.iter_mut().zip(src) {
        d.write(*s);
    }
}

/// Zeroes `dst`.
pub(crate) fn zero(dst: &mut [MaybeUninit<u8>]) {
    for d in dst {
        d.write(0);
    }
}

/// Runs `input` through the cipher into the start of `out`, returning how many bytes
/// OpenSSL wrote. The caller guarantees that OpenSSL writes at most `out.len()` bytes for
/// this input (see the SAFETY argument at each call), and `input` fits in a C int.
pub(crate) fn cipher_update(
    ctx: &mut CipherCtxRef,
    input: &[u8],
    out: &mut [MaybeUninit<u8>],
) -> Result<usize, ErrorStack> {
    let Ok(inl) = std::ffi::c_int::try_from(input.len()) else {
        return Err(ErrorStack::get());
    };
    let mut outl: std::ffi::c_int = 0;
    // SAFETY: `ctx` is a valid, initialized EVP_CIPHER_CTX; `input` is readable for inl
    // bytes; `out` is writable for out.len() bytes, and by the caller's guarantee OpenSSL
    // writes no more than that (OpenSSL never reads the output buffer before writing it,
    // so its being uninitialized is fine). `outl` is a valid int to write.
    let rc = unsafe {
        openssl_sys::EVP_CipherUpdate(
            ctx.as_ptr(),
            out.as_mut_ptr().cast::<u8>(),
            &mut outl,
            input.as_ptr(),
            inl,
        )
    };
    if rc <= 0 {
        return Err(ErrorStack::get());
    }
    let written = usize::try_from(outl).map_err(|_| ErrorStack::get())?;
    if written > out.len() {
        return Err(ErrorStack::get());
    }
    Ok(written)
}
