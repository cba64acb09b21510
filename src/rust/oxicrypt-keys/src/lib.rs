//! Key containers parsed and written in pure Rust: SubjectPublicKeyInfo (RFC 5280),
//! PKCS#8 (RFC 5208/5958), and PEM framing (RFC 7468). Parsing is strict DER; what
//! comes out is the key material, ready to hand to a crypto library. No OpenSSL here.

// The asn1 derives return asn1::ParseError, whose size is that crate's choice.
#![allow(clippy::result_large_err)]

pub mod dh;
pub mod dsa;
pub mod dss;
pub mod ec;
pub mod error;
pub mod key;
pub mod oids;
pub mod pbes;
pub mod pem;
pub mod pkcs8;
pub mod pq;
pub mod rsa;
pub mod spki;
pub mod ssh;

pub use error::KeyError;
pub use key::{PrivateKeyData, PublicKeyData};
