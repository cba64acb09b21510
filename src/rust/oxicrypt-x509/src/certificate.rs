//! Certificate and TBSCertificate (RFC 5280, section 4.1).

use crate::common::{AlgorithmIdentifier, Validity};
use crate::error::{parse_der, X509Error};
use crate::extensions::RawExtensions;
use crate::name::Name;

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct Certificate<'a> {
    pub tbs_cert: TbsCertificate<'a>,
    pub signature_alg: AlgorithmIdentifier<'a>,
    pub signature: asn1::BitString<'a>,
}

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct TbsCertificate<'a> {
    #[explicit(0)]
    #[default(0u8)]
    pub version: u8,
    pub serial: asn1::BigInt<'a>,
    pub signature_alg: AlgorithmIdentifier<'a>,
    pub issuer: Name<'a>,
    pub validity: Validity,
    pub subject: Name<'a>,
    /// Kept as its TLV: `public_key()` hands these exact bytes to the key parser.
    pub spki: asn1::Tlv<'a>,
    #[implicit(1)]
    pub issuer_unique_id: Option<asn1::BitString<'a>>,
    #[implicit(2)]
    pub subject_unique_id: Option<asn1::BitString<'a>>,
    #[explicit(3)]
    pub raw_extensions: Option<RawExtensions<'a>>,
}

/// X.509 versions oxicrypt accepts, as in the reference: v1 (0) and v3 (2).
pub const V1: u8 = 0;
pub const V3: u8 = 2;

/// Reads one DER certificate; trailing bytes are an error.
pub fn parse(der: &[u8]) -> Result<Certificate<'_>, X509Error> {
    let cert: Certificate<'_> = parse_der("certificate", der)?;
    crate::signature::check_parameters(&cert.signature_alg)?;
    crate::signature::check_parameters(&cert.tbs_cert.signature_alg)?;
    crate::common::check_spki(cert.tbs_cert.spki)?;
    Ok(cert)
}

pub use crate::common::tbs_bytes;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_garbage_and_truncation() {
        assert!(parse(b"").is_err());
        assert!(parse(&[0x30, 0x03, 0x02, 0x01]).is_err());
        assert!(parse(&[0x30, 0x00]).is_err());
    }
}
