//! The key material a container holds, independent of the container.

use crate::dh::{DhPrivate, DhPublic};
use crate::dsa::{DsaPrivate, DsaPublic};
use crate::ec::{EcPrivate, EcPublic};
use crate::pq::PqKind;
use crate::rsa::{RsaPrivate, RsaPublic};

/// A public key as found in a SubjectPublicKeyInfo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKeyData {
    Ed25519(Vec<u8>),
    Ed448(Vec<u8>),
    X25519(Vec<u8>),
    X448(Vec<u8>),
    Rsa(RsaPublic),
    Ec(EcPublic),
    Dsa(DsaPublic),
    Dh(DhPublic),
    /// An ML-DSA or ML-KEM public key: its raw FIPS 204/203 encoding.
    Pq(PqKind, Vec<u8>),
}

/// A private key as found in a PKCS#8 PrivateKeyInfo or a traditional container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrivateKeyData {
    Ed25519(Vec<u8>),
    Ed448(Vec<u8>),
    X25519(Vec<u8>),
    X448(Vec<u8>),
    Rsa(RsaPrivate),
    Ec(EcPrivate),
    Dsa(DsaPrivate),
    Dh(DhPrivate),
    /// An ML-DSA or ML-KEM private key: its seed.
    Pq(PqKind, Vec<u8>),
}

/// The four RFC 8410 curves: their OIDs and their key lengths in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CurveKind {
    Ed25519,
    Ed448,
    X25519,
    X448,
}

impl CurveKind {
    pub fn oid(self) -> asn1::ObjectIdentifier {
        match self {
            CurveKind::Ed25519 => crate::oids::ED25519,
            CurveKind::Ed448 => crate::oids::ED448,
            CurveKind::X25519 => crate::oids::X25519,
            CurveKind::X448 => crate::oids::X448,
        }
    }

    pub fn from_oid(oid: &asn1::ObjectIdentifier) -> Option<CurveKind> {
        [
            CurveKind::Ed25519,
            CurveKind::Ed448,
            CurveKind::X25519,
            CurveKind::X448,
        ]
        .into_iter()
        .find(|k| k.oid() == *oid)
    }

    /// Length of the public key, and of the private key (seed or scalar).
    pub fn key_len(self) -> usize {
        match self {
            CurveKind::Ed25519 | CurveKind::X25519 => 32,
            CurveKind::Ed448 => 57,
            CurveKind::X448 => 56,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            CurveKind::Ed25519 => "Ed25519",
            CurveKind::Ed448 => "Ed448",
            CurveKind::X25519 => "X25519",
            CurveKind::X448 => "X448",
        }
    }

    pub(crate) fn public(self, key: Vec<u8>) -> PublicKeyData {
        match self {
            CurveKind::Ed25519 => PublicKeyData::Ed25519(key),
            CurveKind::Ed448 => PublicKeyData::Ed448(key),
            CurveKind::X25519 => PublicKeyData::X25519(key),
            CurveKind::X448 => PublicKeyData::X448(key),
        }
    }

    pub(crate) fn private(self, key: Vec<u8>) -> PrivateKeyData {
        match self {
            CurveKind::Ed25519 => PrivateKeyData::Ed25519(key),
            CurveKind::Ed448 => PrivateKeyData::Ed448(key),
            CurveKind::X25519 => PrivateKeyData::X25519(key),
            CurveKind::X448 => PrivateKeyData::X448(key),
        }
    }
}
