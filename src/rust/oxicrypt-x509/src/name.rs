//! Name (RFC 5280, section 4.1.2.4): a sequence of relative distinguished names, each a
//! set of (attribute type, value) pairs.

/// AttributeTypeAndValue ::= SEQUENCE { type OID, value ANY }
///
/// The value stays a raw TLV: its tag is the string type that Python's `NameAttribute`
/// reports as `_type`, and the bindings decode the text from it.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct AttributeTypeValue<'a> {
    pub type_id: asn1::ObjectIdentifier,
    pub value: AttributeValue<'a>,
}

/// A name attribute's value: any TLV, but a PrintableString must hold only the
/// characters X.680 allows it, checked when the name is parsed (as the reference does).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct AttributeValue<'a>(pub asn1::Tlv<'a>);

impl<'a> AttributeValue<'a> {
    pub fn tag(&self) -> asn1::Tag {
        self.0.tag()
    }

    pub fn data(&self) -> &'a [u8] {
        self.0.data()
    }

    pub fn full_data(&self) -> &'a [u8] {
        self.0.full_data()
    }
}

const PRINTABLE_TAG: asn1::Tag =
    <asn1::PrintableString<'static> as asn1::SimpleAsn1Readable<'static>>::TAG;

impl<'a> asn1::Asn1Readable<'a> for AttributeValue<'a> {
    fn parse(parser: &mut asn1::Parser<'a>) -> asn1::ParseResult<Self> {
        let tlv = parser.read_element::<asn1::Tlv<'a>>()?;
        if tlv.tag() == PRINTABLE_TAG {
            asn1::parse_single::<asn1::PrintableString<'a>>(tlv.full_data())?;
        }
        Ok(AttributeValue(tlv))
    }

    fn can_parse(_tag: asn1::Tag) -> bool {
        true
    }
}

impl asn1::Asn1Writable for AttributeValue<'_> {
    type Error = asn1::WriteError;

    fn write(&self, dest: &mut asn1::Writer<'_>) -> asn1::WriteResult {
        dest.write_element(&self.0)
    }

    fn encoded_length(&self) -> Option<usize> {
        Some(self.0.full_data().len())
    }
}

/// RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
pub type RelativeDistinguishedName<'a> = asn1::SetOf<'a, AttributeTypeValue<'a>>;

/// RDNSequence ::= SEQUENCE OF RelativeDistinguishedName
pub type Name<'a> = asn1::SequenceOf<'a, RelativeDistinguishedName<'a>>;

/// Universal tag numbers of the value types a name attribute may carry.
pub mod string_tag {
    pub const BIT_STRING: u32 = 3;
    pub const UTF8_STRING: u32 = 12;
    pub const NUMERIC_STRING: u32 = 18;
    pub const PRINTABLE_STRING: u32 = 19;
    pub const T61_STRING: u32 = 20;
    pub const IA5_STRING: u32 = 22;
    pub const VISIBLE_STRING: u32 = 26;
    pub const UNIVERSAL_STRING: u32 = 28;
    pub const BMP_STRING: u32 = 30;
}

/// The text of a name attribute value, decoded from its string type; `None` when the
/// bytes are not valid for the type (BMPString and UniversalString are UTF-16BE and
/// UTF-32BE; the 8-bit types are read as UTF-8, as OpenSSL's UTF-8 output would be).
pub fn decode_string(tag_number: u32, data: &[u8]) -> Option<String> {
    match tag_number {
        string_tag::BMP_STRING => {
            if data.len() % 2 != 0 {
                return None;
            }
            let units: Option<Vec<u16>> = data
                .chunks_exact(2)
                .map(|c| c.try_into().ok().map(u16::from_be_bytes))
                .collect();
            String::from_utf16(&units?).ok()
        }
        string_tag::UNIVERSAL_STRING => {
            if data.len() % 4 != 0 {
                return None;
            }
            data.chunks_exact(4)
                .map(|c| {
                    c.try_into()
                        .ok()
                        .and_then(|b| char::from_u32(u32::from_be_bytes(b)))
                })
                .collect()
        }
        _ => std::str::from_utf8(data).ok().map(str::to_owned),
    }
}

/// One attribute to encode: its type, the universal tag number of its value's string type,
/// and the value's content octets (already in that type's encoding).
pub struct AttributeToEncode {
    pub oid: asn1::ObjectIdentifier,
    pub tag: u8,
    pub content: Vec<u8>,
}

/// The DER of a Name: a SEQUENCE of RDNs, each a SET whose members are sorted by their
/// encodings, as DER requires of SET OF.
pub fn encode(rdns: &[Vec<AttributeToEncode>]) -> Result<Vec<u8>, crate::X509Error> {
    use crate::der::tlv;
    let mut name = Vec::new();
    for rdn in rdns {
        name.extend_from_slice(&encode_rdn(rdn)?);
    }
    Ok(tlv(&[0x30], &name))
}

/// The DER of one RelativeDistinguishedName: a SET OF AttributeTypeAndValue.
pub fn encode_rdn(rdn: &[AttributeToEncode]) -> Result<Vec<u8>, crate::X509Error> {
    use crate::der::tlv;
    let mut members = Vec::with_capacity(rdn.len());
    for attribute in rdn {
        let oid = asn1::write_single(&attribute.oid)
            .map_err(|e| crate::X509Error::new("Name", format!("{e:?}")))?;
        let mut content = oid;
        content.extend_from_slice(&tlv(&[attribute.tag], &attribute.content));
        members.push(tlv(&[0x30], &content));
    }
    Ok(crate::der::set_of(members))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_wide_strings() {
        assert_eq!(
            decode_string(30, &[0, b'h', 0, b'i']).as_deref(),
            Some("hi")
        );
        assert_eq!(decode_string(30, &[0]), None);
        assert_eq!(decode_string(28, &[0, 0, 0, b'x']).as_deref(), Some("x"));
        assert_eq!(decode_string(28, &[0, 0x11, 0, 0]), None);
        assert_eq!(decode_string(12, b"caf\xc3\xa9").as_deref(), Some("café"));
        assert_eq!(decode_string(12, b"\xff"), None);
    }
}
