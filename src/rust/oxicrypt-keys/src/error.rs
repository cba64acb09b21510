//! Why a key could not be read or written.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// The bytes are not a well-formed container; says what and where.
    Malformed(String),
    /// Well-formed, but the key algorithm (named by this OID or description) is not one
    /// oxicrypt implements.
    UnsupportedAlgorithm(String),
    /// The key is encrypted and no password was given.
    PasswordRequired,
    /// Valid PEM, but no block with one of the expected labels.
    PemLabelNotFound(String),
}

impl KeyError {
    pub(crate) fn malformed(what: impl Into<String>) -> KeyError {
        KeyError::Malformed(what.into())
    }
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyError::Malformed(what) => write!(f, "malformed key data: {what}"),
            KeyError::UnsupportedAlgorithm(what) => write!(f, "unsupported key algorithm: {what}"),
            KeyError::PasswordRequired => write!(f, "the key is encrypted; a password is required"),
            KeyError::PemLabelNotFound(labels) => write!(f, "no PEM block labelled {labels}"),
        }
    }
}

impl std::error::Error for KeyError {}

impl From<asn1::ParseError> for KeyError {
    fn from(e: asn1::ParseError) -> KeyError {
        KeyError::Malformed(e.to_string())
    }
}
