//! CertificateList (RFC 5280, section 5.1).

use crate::common::{AlgorithmIdentifier, Time};
use crate::error::{parse_der, X509Error};
use crate::extensions::RawExtensions;
use crate::name::Name;

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct CertificateList<'a> {
    pub tbs_cert_list: TbsCertList<'a>,
    pub signature_alg: AlgorithmIdentifier<'a>,
    pub signature: asn1::BitString<'a>,
}

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct TbsCertList<'a> {
    pub version: Option<u8>,
    pub signature_alg: AlgorithmIdentifier<'a>,
    pub issuer: Name<'a>,
    pub this_update: Time,
    pub next_update: Option<Time>,
    pub revoked_certificates: Option<asn1::SequenceOf<'a, RevokedCertificate<'a>>>,
    #[explicit(0)]
    pub raw_crl_extensions: Option<RawExtensions<'a>>,
}

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct RevokedCertificate<'a> {
    pub user_certificate: asn1::BigInt<'a>,
    pub revocation_date: Time,
    pub raw_crl_entry_extensions: Option<RawExtensions<'a>>,
}

pub fn parse(der: &[u8]) -> Result<CertificateList<'_>, X509Error> {
    let crl: CertificateList<'_> = parse_der("certificate revocation list", der)?;
    crate::signature::check_parameters(&crl.signature_alg)?;
    crate::signature::check_parameters(&crl.tbs_cert_list.signature_alg)?;
    if crl.signature_alg != crl.tbs_cert_list.signature_alg {
        return Err(X509Error::new(
            "certificate revocation list",
            "Inner and outer signature algorithms do not match. This is an invalid CRL.",
        ));
    }
    Ok(crl)
}
