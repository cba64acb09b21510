//! OpenSSL's PEM public-key reader with a password callback, which the `openssl` crate
//! does not offer. Its `PKey::public_key_from_pem` passes no callback, and OpenSSL 3's
//! reader then decrypts an encrypted private key in the input to get at its public key,
//! asking for the password on the terminal. The parity suite must never wait for a
//! keyboard.

use std::ffi::{c_char, c_int, c_void};

use foreign_types::ForeignType;
use openssl::error::ErrorStack;
use openssl::pkey::{PKey, Public};

/// A password callback that supplies no password (0 bytes: an encrypted key stays
/// unreadable).
unsafe extern "C" fn no_password(
    _buf: *mut c_char,
    _size: c_int,
    _rwflag: c_int,
    _user_data: *mut c_void,
) -> c_int {
    0
}

/// `PEM_read_bio_PUBKEY` on `pem`, never prompting: what OpenSSL's reader finds without a
/// password.
pub fn public_key_from_pem(pem: &[u8]) -> Result<PKey<Public>, ErrorStack> {
    openssl_sys::init();
    let len = c_int::try_from(pem.len()).map_err(|_| ErrorStack::get())?;
    // SAFETY: BIO_new_mem_buf makes a read-only BIO over `len` bytes at `pem`, which
    // outlive the BIO (it is freed below, before this function returns).
    let bio = unsafe { openssl_sys::BIO_new_mem_buf(pem.as_ptr().cast(), len) };
    if bio.is_null() {
        return Err(ErrorStack::get());
    }
    // SAFETY: `bio` is a valid BIO; no output object is passed (null), the callback has
    // the pem_password_cb signature and ignores its (null) user data.
    let key = unsafe {
        openssl_sys::PEM_read_bio_PUBKEY(
            bio,
            std::ptr::null_mut(),
            Some(no_password),
            std::ptr::null_mut(),
        )
    };
    // SAFETY: `bio` came from BIO_new_mem_buf and is freed exactly once; the key read
    // from it does not refer to it.
    unsafe { openssl_sys::BIO_free_all(bio) };
    if key.is_null() {
        return Err(ErrorStack::get());
    }
    // SAFETY: `key` is a new EVP_PKEY whose one reference we own; PKey takes it over.
    Ok(unsafe { PKey::from_ptr(key) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_public_key_and_refuses_an_encrypted_private_key_without_asking() {
        let key = PKey::generate_ed25519().unwrap();
        let read = public_key_from_pem(&key.public_key_to_pem().unwrap()).unwrap();
        assert!(read.public_eq(&key));

        let cipher = openssl::symm::Cipher::aes_256_cbc();
        let encrypted = key
            .private_key_to_pem_pkcs8_passphrase(cipher, b"secret")
            .unwrap();
        assert!(public_key_from_pem(&encrypted).is_err());
        assert!(public_key_from_pem(b"not PEM").is_err());
    }
}
