//! The extension OIDs and criticality flags of certificates and CRLs as OpenSSL's C
//! decoder sees them, for the parity suite. The `openssl` crate has no generic
//! extension iterator.

use std::ffi::{c_char, c_int};

use foreign_types::ForeignTypeRef;
use openssl::x509::{X509CrlRef, X509Ref};
use openssl_sys as ffi;

/// (dotted OID, critical) of each extension, in order.
pub type ExtensionList = Vec<(String, bool)>;

/// # Safety
/// `ext` must be a valid `X509_EXTENSION` pointer, or null.
unsafe fn describe(ext: *mut ffi::X509_EXTENSION) -> Option<(String, bool)> {
    if ext.is_null() {
        return None;
    }
    // SAFETY: `ext` is a valid extension (checked non-null; the caller guarantees it is
    // an extension owned by a live certificate or CRL).
    let object = unsafe { ffi::X509_EXTENSION_get_object(ext) };
    if object.is_null() {
        return None;
    }
    let mut buf = [0u8; 128];
    // SAFETY: `buf` is writable for its full length, which is what we pass; OpenSSL
    // NUL-terminates within it and returns the length it wanted.
    let len = unsafe {
        ffi::OBJ_obj2txt(
            buf.as_mut_ptr().cast::<c_char>(),
            buf.len() as c_int,
            object,
            1,
        )
    };
    let len = usize::try_from(len).ok()?;
    let text = String::from_utf8_lossy(buf.get(..len.min(buf.len() - 1))?).into_owned();
    // SAFETY: as above, `ext` is a valid extension.
    let critical = unsafe { ffi::X509_EXTENSION_get_critical(ext) } > 0;
    Some((text, critical))
}

pub fn certificate_extensions(cert: &X509Ref) -> ExtensionList {
    // SAFETY: `cert.as_ptr()` is a valid X509 for the lifetime of the borrow; the
    // extensions returned are owned by it and only read before the borrow ends.
    let count = unsafe { ffi::X509_get_ext_count(cert.as_ptr()) };
    (0..count)
        // SAFETY: `i` is within 0..count, as X509_get_ext requires.
        .filter_map(|i| unsafe { describe(ffi::X509_get_ext(cert.as_ptr(), i)) })
        .collect()
}

pub fn crl_extensions(crl: &X509CrlRef) -> ExtensionList {
    // SAFETY: as in `certificate_extensions`, for an X509_CRL.
    let count = unsafe { ffi::X509_CRL_get_ext_count(crl.as_ptr()) };
    (0..count)
        // SAFETY: `i` is within 0..count.
        .filter_map(|i| unsafe { describe(ffi::X509_CRL_get_ext(crl.as_ptr(), i)) })
        .collect()
}
