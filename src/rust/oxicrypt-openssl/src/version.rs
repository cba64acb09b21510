//! What OpenSSL is linked, and which optional features it was built with.

/// The linked OpenSSL's version string, e.g. "OpenSSL 3.6.0 1 Oct 2025".
pub fn version_text() -> &'static str {
    openssl::version::version()
}

/// The linked OpenSSL's `OPENSSL_VERSION_NUMBER` (0xMNN00PP0L).
pub fn version_number() -> i64 {
    openssl::version::number()
}

/// Whether the linked OpenSSL can squeeze an extendable-output function more than once
/// (`EVP_DigestSqueeze`, OpenSSL >= 3.3).
pub const XOF_SQUEEZE_SUPPORTED: bool = cfg!(ossl330);
