//! Extensions (RFC 5280, section 4.2) and the DER structures of the extension values
//! oxicrypt decodes. An extension's value stays raw bytes until someone asks for it.

use crate::error::{parse_der, X509Error};
use crate::general_name::{
    GeneralName, GeneralNames, LenientIa5String, LenientVisibleString, RelativeName,
};

/// Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct Extension<'a> {
    pub extn_id: asn1::ObjectIdentifier,
    #[default(false)]
    pub critical: bool,
    pub extn_value: &'a [u8],
}

pub type RawExtensions<'a> = asn1::SequenceOf<'a, Extension<'a>>;

/// The extensions in order, after checking that no OID appears twice (RFC 5280, section
/// 4.2: "A certificate MUST NOT include more than one instance of a particular
/// extension"). On a duplicate, the error carries the OID.
pub fn collect<'a>(
    raw: Option<&RawExtensions<'a>>,
) -> Result<Vec<Extension<'a>>, DuplicateExtension> {
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for ext in raw.clone() {
        if !seen.insert(ext.extn_id.clone()) {
            return Err(DuplicateExtension(ext.extn_id));
        }
        out.push(ext);
    }
    Ok(out)
}

/// An extension OID that appears more than once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateExtension(pub asn1::ObjectIdentifier);

/// BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct BasicConstraints {
    #[default(false)]
    pub ca: bool,
    pub path_length: Option<u64>,
}

/// AuthorityKeyIdentifier (section 4.2.1.1).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct AuthorityKeyIdentifier<'a> {
    #[implicit(0)]
    pub key_identifier: Option<&'a [u8]>,
    #[implicit(1)]
    pub authority_cert_issuer: Option<GeneralNames<'a>>,
    /// A serial number, so signed like every serial (negative ones exist in the wild).
    #[implicit(2)]
    pub authority_cert_serial_number: Option<asn1::BigInt<'a>>,
}

/// DistributionPointName ::= CHOICE { fullName [0] GeneralNames,
///                                    nameRelativeToCRLIssuer [1] RelativeDistinguishedName }
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub enum DistributionPointName<'a> {
    #[implicit(0)]
    FullName(GeneralNames<'a>),
    #[implicit(1)]
    RelativeName(RelativeName<'a>),
}

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct DistributionPoint<'a> {
    #[explicit(0)]
    pub distribution_point: Option<DistributionPointName<'a>>,
    #[implicit(1)]
    pub reasons: Option<asn1::BitString<'a>>,
    #[implicit(2)]
    pub crl_issuer: Option<GeneralNames<'a>>,
}

pub type DistributionPoints<'a> = asn1::SequenceOf<'a, DistributionPoint<'a>>;

/// AccessDescription (sections 4.2.2.1 and 4.2.2.2).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct AccessDescription<'a> {
    pub access_method: asn1::ObjectIdentifier,
    pub access_location: GeneralName<'a>,
}

pub type AccessDescriptions<'a> = asn1::SequenceOf<'a, AccessDescription<'a>>;

/// DisplayText ::= CHOICE { ia5String, visibleString, bmpString, utf8String }
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub enum DisplayText<'a> {
    Ia5String(LenientIa5String<'a>),
    Utf8String(asn1::Utf8String<'a>),
    /// Read like IA5String: certificates in the wild put UTF-8 here.
    VisibleString(LenientVisibleString<'a>),
    BmpString(asn1::BMPString<'a>),
}

impl DisplayText<'_> {
    /// A VisibleString holding characters other than visible ASCII (the reference warns
    /// about these).
    pub fn is_invalid_visible_string(&self) -> bool {
        match self {
            DisplayText::VisibleString(s) => s.0.bytes().any(|b| !(0x20..=0x7e).contains(&b)),
            _ => false,
        }
    }

    pub fn text(&self) -> String {
        match self {
            DisplayText::Ia5String(s) => s.0.to_owned(),
            DisplayText::Utf8String(s) => s.as_str().to_owned(),
            DisplayText::VisibleString(s) => s.0.to_owned(),
            DisplayText::BmpString(s) => crate::name::decode_string(
                crate::name::string_tag::BMP_STRING,
                s.as_utf16_be_bytes(),
            )
            .unwrap_or_default(),
        }
    }
}

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct NoticeReference<'a> {
    pub organization: DisplayText<'a>,
    pub notice_numbers: asn1::SequenceOf<'a, asn1::BigUint<'a>>,
}

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct UserNotice<'a> {
    pub notice_ref: Option<NoticeReference<'a>>,
    pub explicit_text: Option<DisplayText<'a>>,
}

/// PolicyQualifierInfo: the qualifier's type depends on its OID (CPS URI or user notice).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct PolicyQualifierInfo<'a> {
    pub policy_qualifier_id: asn1::ObjectIdentifier,
    pub qualifier: asn1::Tlv<'a>,
}

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct PolicyInformation<'a> {
    pub policy_identifier: asn1::ObjectIdentifier,
    pub policy_qualifiers: Option<asn1::SequenceOf<'a, PolicyQualifierInfo<'a>>>,
}

pub type CertificatePolicies<'a> = asn1::SequenceOf<'a, PolicyInformation<'a>>;

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct PolicyConstraints {
    #[implicit(0)]
    pub require_explicit_policy: Option<u64>,
    #[implicit(1)]
    pub inhibit_policy_mapping: Option<u64>,
}

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct GeneralSubtree<'a> {
    pub base: GeneralName<'a>,
    #[implicit(0)]
    #[default(0u64)]
    pub minimum: u64,
    #[implicit(1)]
    pub maximum: Option<u64>,
}

pub type GeneralSubtrees<'a> = asn1::SequenceOf<'a, GeneralSubtree<'a>>;

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct NameConstraints<'a> {
    #[implicit(0)]
    pub permitted_subtrees: Option<GeneralSubtrees<'a>>,
    #[implicit(1)]
    pub excluded_subtrees: Option<GeneralSubtrees<'a>>,
}

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct PrivateKeyUsagePeriod {
    #[implicit(0)]
    pub not_before: Option<asn1::X509GeneralizedTime>,
    #[implicit(1)]
    pub not_after: Option<asn1::X509GeneralizedTime>,
}

/// IssuingDistributionPoint (section 5.2.5).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct IssuingDistributionPoint<'a> {
    #[explicit(0)]
    pub distribution_point: Option<DistributionPointName<'a>>,
    #[implicit(1)]
    #[default(false)]
    pub only_contains_user_certs: bool,
    #[implicit(2)]
    #[default(false)]
    pub only_contains_ca_certs: bool,
    #[implicit(3)]
    pub only_some_reasons: Option<asn1::BitString<'a>>,
    #[implicit(4)]
    #[default(false)]
    pub indirect_crl: bool,
    #[implicit(5)]
    #[default(false)]
    pub only_contains_attribute_certs: bool,
}

/// Microsoft's certificate template extension.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct MsCertificateTemplate<'a> {
    pub template_id: asn1::ObjectIdentifier,
    pub major_version: Option<asn1::BigUint<'a>>,
    pub minor_version: Option<asn1::BigUint<'a>>,
}

/// NamingAuthority (Common PKI / ISIS-MTT admissions extension).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct NamingAuthority<'a> {
    pub id: Option<asn1::ObjectIdentifier>,
    pub url: Option<LenientIa5String<'a>>,
    pub text: Option<DisplayText<'a>>,
}

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct ProfessionInfo<'a> {
    #[explicit(0)]
    pub naming_authority: Option<NamingAuthority<'a>>,
    pub profession_items: asn1::SequenceOf<'a, DisplayText<'a>>,
    pub profession_oids: Option<asn1::SequenceOf<'a, asn1::ObjectIdentifier>>,
    pub registration_number: Option<asn1::PrintableString<'a>>,
    pub add_profession_info: Option<&'a [u8]>,
}

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct Admission<'a> {
    #[explicit(0)]
    pub admission_authority: Option<GeneralName<'a>>,
    #[explicit(1)]
    pub naming_authority: Option<NamingAuthority<'a>>,
    pub profession_infos: asn1::SequenceOf<'a, ProfessionInfo<'a>>,
}

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct Admissions<'a> {
    pub admission_authority: Option<GeneralName<'a>>,
    pub contents_of_admissions: asn1::SequenceOf<'a, Admission<'a>>,
}

/// Parses an extension value as `T`, naming the extension in the error.
pub fn parse_value<'a, T: asn1::Asn1Readable<'a>>(
    name: &str,
    ext: &Extension<'a>,
) -> Result<T, X509Error> {
    parse_der(name, ext.extn_value)
}
