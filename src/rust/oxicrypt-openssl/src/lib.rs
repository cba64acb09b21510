//! Thin, safe wrappers over OpenSSL for what the `openssl` crate does not offer,
//! plus the per-process caches of fetched algorithms that keep hot paths cheap.
//!
//! This is the only crate of oxicrypt that talks to OpenSSL through `unsafe` FFI;
//! every `unsafe` block carries a `// SAFETY:` comment.

pub mod aead;
pub mod cipher;
pub mod constant_time;
pub mod digest;
pub mod fernet;
pub mod hmac;
pub mod kdf;
pub mod keywrap;
pub mod mac;
mod out;
pub mod pbe;
pub mod pem;
pub mod pq;
pub mod prepared_signature;
pub mod signature;
pub mod ssh_cipher;
pub mod version;
pub mod x509_extensions;

pub use openssl::error::ErrorStack;
