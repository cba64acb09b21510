//! PBKDF2 with HMAC (RFC 8018 section 5.2), through OpenSSL's `PKCS5_PBKDF2_HMAC`, which
//! takes the digest directly (so every digest oxicrypt caches works, BLAKE2 included) and
//! applies none of SP 800-132's lower bounds, as the reference does not either.

use std::ffi::c_int;

use foreign_types::ForeignTypeRef;
use openssl::error::ErrorStack;
use openssl::md::MdRef;
use openssl_sys as ffi;

use super::KdfError;

fn int(len: usize, what: &'static str) -> Result<c_int, KdfError> {
    c_int::try_from(len).map_err(|_| KdfError::TooLarge(what))
}

/// Fills `out` with PBKDF2-HMAC-`md` of `password` and `salt`.
pub fn derive(
    md: &MdRef,
    password: &[u8],
    salt: &[u8],
    iterations: u64,
    out: &mut [u8],
) -> Result<(), KdfError> {
    let pass_len = int(password.len(), "password")?;
    let salt_len = int(salt.len(), "salt")?;
    let out_len = int(out.len(), "length")?;
    let iterations = c_int::try_from(iterations).map_err(|_| KdfError::TooLarge("iterations"))?;
    if out.is_empty() {
        return Ok(());
    }
    // SAFETY: every pointer is valid for the length passed with it (an empty slice's
    // dangling pointer is never read for length 0); md is a valid EVP_MD; out is writable
    // for out_len bytes.
    let ret = unsafe {
        ffi::PKCS5_PBKDF2_HMAC(
            password.as_ptr().cast(),
            pass_len,
            salt.as_ptr(),
            salt_len,
            iterations,
            md.as_ptr(),
            out_len,
            out.as_mut_ptr(),
        )
    };
    if ret == 1 {
        Ok(())
    } else {
        Err(ErrorStack::get().into())
    }
}

#[cfg(test)]
mod tests {
    use crate::digest::HashKind;

    #[test]
    fn rfc6070_case_2() {
        let mut out = [0u8; 20];
        super::derive(
            HashKind::Sha1.md().unwrap(),
            b"password",
            b"salt",
            2,
            &mut out,
        )
        .unwrap();
        assert_eq!(hex::encode(out), "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957");
    }
}
