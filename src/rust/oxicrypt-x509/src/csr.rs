//! CertificationRequest (RFC 2986, section 4).

use crate::common::{AlgorithmIdentifier, Attribute};
use crate::error::{parse_der, X509Error};
use crate::name::Name;

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct CertificationRequest<'a> {
    pub info: CertificationRequestInfo<'a>,
    pub signature_alg: AlgorithmIdentifier<'a>,
    pub signature: asn1::BitString<'a>,
}

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct CertificationRequestInfo<'a> {
    pub version: u8,
    pub subject: Name<'a>,
    pub spki: asn1::Tlv<'a>,
    #[implicit(0, required)]
    pub attributes: asn1::SetOf<'a, Attribute<'a>>,
}

pub fn parse(der: &[u8]) -> Result<CertificationRequest<'_>, X509Error> {
    let csr: CertificationRequest<'_> = parse_der("certificate signing request", der)?;
    crate::signature::check_parameters(&csr.signature_alg)?;
    crate::common::check_spki(csr.info.spki)?;
    Ok(csr)
}
