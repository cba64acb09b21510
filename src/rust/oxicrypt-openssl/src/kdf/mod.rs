//! Key derivation functions. PBKDF2, scrypt and Argon2 run in OpenSSL; the constructions
//! that are a few lines over a hash or MAC (HKDF, ConcatKDF, X9.63, KBKDF) are written
//! here on top of [`crate::digest`], [`crate::hmac`] and [`crate::mac`], which keeps them
//! available for every digest and every CMAC cipher OpenSSL offers.

pub mod argon2;
pub mod counter;
pub mod hkdf;
pub mod kbkdf;
pub mod pbkdf2;
pub mod scrypt;

use openssl::error::ErrorStack;

/// Overwrites a secret with zeros when dropped.
pub struct Zeroizing(pub Vec<u8>);

impl Drop for Zeroizing {
    fn drop(&mut self) {
        self.0.fill(0);
        std::hint::black_box(&mut self.0);
    }
}

/// Why a derivation failed.
#[derive(Debug)]
pub enum KdfError {
    /// A length or count does not fit what the algorithm (or OpenSSL's API) can take.
    TooLarge(&'static str),
    /// OpenSSL failed.
    OpenSsl(ErrorStack),
}

impl From<ErrorStack> for KdfError {
    fn from(e: ErrorStack) -> KdfError {
        KdfError::OpenSsl(e)
    }
}

impl std::fmt::Display for KdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KdfError::TooLarge(what) => write!(f, "{what} is too large"),
            KdfError::OpenSsl(e) => write!(f, "OpenSSL error: {e}"),
        }
    }
}

impl std::error::Error for KdfError {}
