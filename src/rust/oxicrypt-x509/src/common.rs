//! Types shared by certificates, requests and CRLs.

/// AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct AlgorithmIdentifier<'a> {
    pub oid: asn1::ObjectIdentifier,
    pub params: Option<asn1::Tlv<'a>>,
}

/// Time ::= CHOICE { utcTime UTCTime, generalTime GeneralizedTime }
///
/// RFC 5280 requires both forms to end in "Z" and GeneralizedTime to carry no
/// fraction; the `asn1` crate's X.509 variants enforce exactly that.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub enum Time {
    UtcTime(asn1::UtcTime),
    GeneralizedTime(asn1::X509GeneralizedTime),
}

impl Time {
    pub fn as_datetime(&self) -> &asn1::DateTime {
        match self {
            Time::UtcTime(t) => t.as_datetime(),
            Time::GeneralizedTime(t) => t.as_datetime(),
        }
    }
}

/// Validity ::= SEQUENCE { notBefore Time, notAfter Time }
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct Validity {
    pub not_before: Time,
    pub not_after: Time,
}

/// RSASSA-PSS-params (RFC 4055, section 3.1). The DEFAULT hash and mask generation
/// function are SHA-1; `None` here means "absent, so the default".
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct RsaPssParameters<'a> {
    #[explicit(0)]
    pub hash_algorithm: Option<AlgorithmIdentifier<'a>>,
    #[explicit(1)]
    pub mask_gen_algorithm: Option<MaskGenAlgorithm<'a>>,
    #[explicit(2)]
    pub salt_length: Option<u16>,
    #[explicit(3)]
    pub trailer_field: Option<u8>,
}

/// MaskGenAlgorithm: an AlgorithmIdentifier whose parameters are the MGF's hash.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct MaskGenAlgorithm<'a> {
    pub oid: asn1::ObjectIdentifier,
    pub params: AlgorithmIdentifier<'a>,
}

/// Attribute ::= SEQUENCE { type OID, values SET OF ANY } (RFC 2986 / X.501).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, PartialEq, Eq)]
pub struct Attribute<'a> {
    pub type_id: asn1::ObjectIdentifier,
    pub values: asn1::SetOf<'a, asn1::Tlv<'a>>,
}

/// The DER of the to-be-signed part of a signed structure (certificate, request, CRL):
/// the first element of its outer SEQUENCE, tag and length included, exactly as signed.
pub fn tbs_bytes<'a>(der: &'a [u8]) -> Result<&'a [u8], crate::X509Error> {
    let what = "signed structure";
    let outer = asn1::parse_single::<asn1::Sequence<'a>>(der)
        .map_err(|e| crate::X509Error::asn1(what, e))?;
    outer
        .parse(|p| {
            let tbs = p.read_element::<asn1::Tlv<'a>>()?;
            let _ = p.read_element::<asn1::Tlv<'a>>()?;
            let _ = p.read_element::<asn1::Tlv<'a>>()?;
            Ok(tbs.full_data())
        })
        .map_err(|e: asn1::ParseError| crate::X509Error::asn1(what, e))
}

/// SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
struct SpkiShape<'a> {
    algorithm: AlgorithmIdentifier<'a>,
    _subject_public_key: asn1::BitString<'a>,
}

const NULL: &[u8] = &[0x05, 0x00];

/// A certificate's or request's key is kept as raw bytes until `public_key()` reads it,
/// but its shape is checked on loading, as the reference does: a SEQUENCE of an
/// AlgorithmIdentifier and a BIT STRING, with parameters of the kind the algorithm takes
/// (RFC 3279: NULL for rsaEncryption, a curve for EC keys; RFC 8410: none for the
/// Edwards and Montgomery curves).
pub fn check_spki(spki: asn1::Tlv<'_>) -> Result<(), crate::X509Error> {
    use oxicrypt_keys::oids;
    let what = "SubjectPublicKeyInfo";
    let shape = asn1::parse_single::<SpkiShape<'_>>(spki.full_data())
        .map_err(|e| crate::X509Error::asn1(what, e))?;
    let oid = &shape.algorithm.oid;
    let params = shape.algorithm.params.as_ref().map(|p| p.full_data());
    let fits = if *oid == oids::RSA_ENCRYPTION {
        params.is_none() || params == Some(NULL)
    } else if [oids::ED25519, oids::ED448, oids::X25519, oids::X448].contains(oid) {
        params.is_none()
    } else if *oid == oids::EC_PUBLIC_KEY {
        // namedCurve OID, specifiedCurve SEQUENCE or implicitCurve NULL.
        matches!(params.and_then(|p| p.first()), Some(0x06 | 0x30 | 0x05))
    } else {
        true
    };
    if fits {
        Ok(())
    } else {
        Err(crate::X509Error::new(
            what,
            format!("unexpected parameters for key algorithm {oid}"),
        ))
    }
}
