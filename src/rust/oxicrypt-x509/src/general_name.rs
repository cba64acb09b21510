//! GeneralName (RFC 5280, section 4.2.1.6) and the string type it uses.

use crate::name::{AttributeTypeValue, Name};

/// An IA5String whose characters are not checked to be 7-bit: certificates in the wild
/// put UTF-8 in DNS names and URIs, and rejecting the whole certificate for it helps no
/// one. The bytes must still be UTF-8 so that Python receives text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LenientIa5String<'a>(pub &'a str);

impl<'a> asn1::SimpleAsn1Readable<'a> for LenientIa5String<'a> {
    const TAG: asn1::Tag = <asn1::IA5String<'a> as asn1::SimpleAsn1Readable<'a>>::TAG;

    fn parse_data(data: &'a [u8]) -> asn1::ParseResult<Self> {
        std::str::from_utf8(data)
            .map(LenientIa5String)
            .map_err(|_| asn1::ParseError::new(asn1::ParseErrorKind::InvalidValue))
    }
}

impl asn1::SimpleAsn1Writable for LenientIa5String<'_> {
    type Error = asn1::WriteError;
    const TAG: asn1::Tag = <asn1::IA5String<'static> as asn1::SimpleAsn1Writable>::TAG;

    fn write_data(&self, dest: &mut asn1::WriteBuf) -> asn1::WriteResult {
        dest.push_slice(self.0.as_bytes())
    }

    fn data_length(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// OtherName ::= SEQUENCE { type-id OID, value [0] EXPLICIT ANY }
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct OtherName<'a> {
    pub type_id: asn1::ObjectIdentifier,
    #[explicit(0, required)]
    pub value: asn1::Tlv<'a>,
}

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub enum GeneralName<'a> {
    #[implicit(0)]
    OtherName(OtherName<'a>),
    #[implicit(1)]
    Rfc822Name(LenientIa5String<'a>),
    #[implicit(2)]
    DnsName(LenientIa5String<'a>),
    /// ORAddress: kept raw; no Python class represents it.
    #[implicit(3)]
    X400Address(asn1::Sequence<'a>),
    /// Name is a CHOICE, so the tag is explicit (RFC 5280 uses implicit tagging only
    /// where it is allowed).
    #[explicit(4)]
    DirectoryName(Name<'a>),
    /// EDIPartyName: kept raw; no Python class represents it.
    #[implicit(5)]
    EdiPartyName(asn1::Sequence<'a>),
    #[implicit(6)]
    UniformResourceIdentifier(LenientIa5String<'a>),
    #[implicit(7)]
    IpAddress(&'a [u8]),
    #[implicit(8)]
    RegisteredId(asn1::ObjectIdentifier),
}

/// GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName
pub type GeneralNames<'a> = asn1::SequenceOf<'a, GeneralName<'a>>;

/// The relative-name form of a distribution point name.
pub type RelativeName<'a> = asn1::SetOf<'a, AttributeTypeValue<'a>>;

/// A VisibleString read as UTF-8 without checking that it is visible ASCII, for the same
/// reason as [`LenientIa5String`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LenientVisibleString<'a>(pub &'a str);

impl<'a> asn1::SimpleAsn1Readable<'a> for LenientVisibleString<'a> {
    const TAG: asn1::Tag = <asn1::VisibleString<'a> as asn1::SimpleAsn1Readable<'a>>::TAG;

    fn parse_data(data: &'a [u8]) -> asn1::ParseResult<Self> {
        std::str::from_utf8(data)
            .map(LenientVisibleString)
            .map_err(|_| asn1::ParseError::new(asn1::ParseErrorKind::InvalidValue))
    }
}

impl asn1::SimpleAsn1Writable for LenientVisibleString<'_> {
    type Error = asn1::WriteError;
    const TAG: asn1::Tag = <asn1::VisibleString<'static> as asn1::SimpleAsn1Writable>::TAG;

    fn write_data(&self, dest: &mut asn1::WriteBuf) -> asn1::WriteResult {
        dest.push_slice(self.0.as_bytes())
    }

    fn data_length(&self) -> Option<usize> {
        Some(self.0.len())
    }
}
