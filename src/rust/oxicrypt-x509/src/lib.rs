//! X.509 (RFC 5280) certificates, certification requests (RFC 2986) and CRLs as borrowed
//! DER structures, built with the `asn1` crate's derive macros.
//!
//! Every type borrows from the caller's DER bytes; nothing is copied while parsing, and
//! sequences (names, extensions, revoked entries) are walked only when someone reads them.
//! Parsing is strict DER: the `asn1` crate rejects BER forms, and the errors name the
//! structure and field at fault.

// The `asn1` derive macros return its ParseError by value, as every asn1 user must.
#![allow(clippy::result_large_err)]

pub mod build;
pub mod certificate;
pub mod common;
pub mod crl;
pub mod csr;
pub mod der;
pub mod error;
pub mod extensions;
pub mod general_name;
pub mod name;
pub mod oids;
pub mod pem;
pub mod precert;
pub mod sct;
pub mod signature;

pub use error::X509Error;
