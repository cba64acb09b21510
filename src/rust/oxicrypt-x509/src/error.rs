//! One error type for the crate: what was being parsed, and what was wrong with it.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct X509Error {
    /// The structure or field being read, e.g. "certificate" or "BasicConstraints".
    pub what: String,
    /// Why it could not be read.
    pub detail: String,
}

impl X509Error {
    pub fn new(what: impl Into<String>, detail: impl Into<String>) -> X509Error {
        X509Error {
            what: what.into(),
            detail: detail.into(),
        }
    }

    /// Wraps an `asn1` parse error, whose text already names the failing field path.
    pub fn asn1(what: impl Into<String>, e: asn1::ParseError) -> X509Error {
        X509Error::new(what, e.to_string())
    }
}

impl fmt::Display for X509Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error parsing {}: {}", self.what, self.detail)
    }
}

impl std::error::Error for X509Error {}

/// Parses one DER value of type `T` that must fill `data` exactly.
pub fn parse_der<'a, T: asn1::Asn1Readable<'a>>(
    what: &str,
    data: &'a [u8],
) -> Result<T, X509Error> {
    asn1::parse_single::<T>(data).map_err(|e| X509Error::asn1(what, e))
}
