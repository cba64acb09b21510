//! SubjectPublicKeyInfo (RFC 5280, section 4.1.2.7), with the RFC 8410 key algorithms.

use crate::dh::{self, DhPublic};
use crate::dsa::{self, DsaPublic};
use crate::ec::{self, EcPublic};
use crate::error::KeyError;
use crate::key::{CurveKind, PublicKeyData};
use crate::oids;
use crate::pq::{self, PqKind};
use crate::rsa::{self, RsaPublic};

/// AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }
#[derive(asn1::Asn1Read, asn1::Asn1Write, Debug, Clone, PartialEq, Eq)]
pub struct AlgorithmIdentifier<'a> {
    pub oid: asn1::ObjectIdentifier,
    pub params: Option<asn1::Tlv<'a>>,
}

impl AlgorithmIdentifier<'_> {
    pub fn without_params(oid: asn1::ObjectIdentifier) -> AlgorithmIdentifier<'static> {
        AlgorithmIdentifier { oid, params: None }
    }
}

/// SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier,
///                                     subjectPublicKey BIT STRING }
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct SubjectPublicKeyInfo<'a> {
    pub algorithm: AlgorithmIdentifier<'a>,
    pub subject_public_key: asn1::BitString<'a>,
}

/// Reads a DER SubjectPublicKeyInfo.
pub fn parse(der: &[u8]) -> Result<PublicKeyData, KeyError> {
    let spki = asn1::parse_single::<SubjectPublicKeyInfo<'_>>(der)
        .map_err(|e| KeyError::malformed(format!("SubjectPublicKeyInfo: {e}")))?;
    let oid = &spki.algorithm.oid;
    if *oid == oids::RSA_ENCRYPTION || *oid == oids::RSASSA_PSS {
        // rsaEncryption has NULL (or, as OpenSSL also accepts, absent) parameters;
        // RSASSA-PSS keys carry restrictions that oxicrypt, like OpenSSL's decoder,
        // does not enforce on loading.
        if *oid == oids::RSA_ENCRYPTION && !params_null_or_absent(&spki.algorithm) {
            return Err(KeyError::malformed(
                "rsaEncryption AlgorithmIdentifier parameters must be NULL",
            ));
        }
        if spki.subject_public_key.padding_bits() != 0 {
            return Err(KeyError::malformed(
                "RSA public key BIT STRING has unused bits",
            ));
        }
        return Ok(PublicKeyData::Rsa(rsa::parse_public(
            spki.subject_public_key.as_bytes(),
        )?));
    }
    if *oid == oids::DSA || *oid == oids::DH_KEY_AGREEMENT || *oid == oids::DH_PUBLIC_NUMBER {
        return parse_integer_key(oid, &spki);
    }
    if *oid == oids::EC_PUBLIC_KEY {
        let curve = ec::curve_from_params(spki.algorithm.params)?;
        if spki.subject_public_key.padding_bits() != 0 {
            return Err(KeyError::malformed(
                "EC public key BIT STRING has unused bits",
            ));
        }
        return Ok(PublicKeyData::Ec(EcPublic {
            curve,
            point: spki.subject_public_key.as_bytes().to_vec(),
        }));
    }
    if let Some(kind) = PqKind::from_oid(oid) {
        return parse_pq_key(kind, &spki);
    }
    if pq::is_unsupported_oid(oid) {
        return Err(KeyError::UnsupportedAlgorithm(format!(
            "key algorithm {oid}"
        )));
    }
    let Some(kind) = CurveKind::from_oid(oid) else {
        // An unknown key algorithm is malformed input to the reference (ValueError); only
        // unknown curves are "unsupported".
        return Err(KeyError::malformed(format!(
            "unknown public key algorithm {oid}"
        )));
    };
    if spki.algorithm.params.is_some() {
        // RFC 8410, section 3: "the parameters MUST be absent".
        return Err(KeyError::malformed(format!(
            "{} AlgorithmIdentifier has parameters; RFC 8410 requires none",
            kind.name()
        )));
    }
    let bits = spki.subject_public_key;
    if bits.padding_bits() != 0 || bits.as_bytes().len() != kind.key_len() {
        return Err(KeyError::malformed(format!(
            "{} public key must be {} whole bytes",
            kind.name(),
            kind.key_len()
        )));
    }
    Ok(kind.public(bits.as_bytes().to_vec()))
}

/// ML-DSA and ML-KEM public keys: no parameters, the raw key as the whole BIT STRING.
fn parse_pq_key(kind: PqKind, spki: &SubjectPublicKeyInfo<'_>) -> Result<PublicKeyData, KeyError> {
    if spki.algorithm.params.is_some() {
        // Both LAMPS drafts: "the parameters field MUST be absent".
        return Err(KeyError::malformed(format!(
            "{} AlgorithmIdentifier has parameters; none are allowed",
            kind.name()
        )));
    }
    let bits = &spki.subject_public_key;
    if bits.padding_bits() != 0 || bits.as_bytes().len() != kind.public_len() {
        return Err(KeyError::malformed(format!(
            "{} public key must be {} whole bytes",
            kind.name(),
            kind.public_len()
        )));
    }
    Ok(PublicKeyData::Pq(kind, bits.as_bytes().to_vec()))
}

/// DSA and DH public keys: domain parameters in the AlgorithmIdentifier, `y` as an
/// INTEGER inside the BIT STRING.
fn parse_integer_key(
    oid: &asn1::ObjectIdentifier,
    spki: &SubjectPublicKeyInfo<'_>,
) -> Result<PublicKeyData, KeyError> {
    let params = spki
        .algorithm
        .params
        .ok_or_else(|| KeyError::malformed("DSA/DH public key without domain parameters"))?;
    if spki.subject_public_key.padding_bits() != 0 {
        return Err(KeyError::malformed("public key BIT STRING has unused bits"));
    }
    let y = dsa::parse_integer(spki.subject_public_key.as_bytes(), "public value")?;
    if *oid == oids::DSA {
        let params = dsa::parse_params(params.full_data())?;
        return Ok(PublicKeyData::Dsa(DsaPublic { params, y }));
    }
    let params = if *oid == oids::DH_PUBLIC_NUMBER {
        dh::parse_x942(params.full_data())?
    } else {
        dh::parse_pkcs3(params.full_data())?
    };
    Ok(PublicKeyData::Dh(DhPublic { params, y }))
}

/// The AlgorithmIdentifier of a DSA or DH key: the OID with its DER domain parameters.
pub fn write_integer_key_spki(
    oid: asn1::ObjectIdentifier,
    params_der: &[u8],
    y: &[u8],
) -> Result<Vec<u8>, KeyError> {
    let params = asn1::parse_single::<asn1::Tlv<'_>>(params_der)
        .map_err(|e| KeyError::malformed(format!("domain parameters: {e}")))?;
    let key = dsa::write_integer(y)?;
    let bits = asn1::BitString::new(&key, 0).ok_or_else(|| KeyError::malformed("public value"))?;
    let spki = SubjectPublicKeyInfo {
        algorithm: AlgorithmIdentifier {
            oid,
            params: Some(params),
        },
        subject_public_key: bits,
    };
    asn1::write_single(&spki).map_err(|e| KeyError::malformed(format!("SPKI: {e}")))
}

/// True when the parameters are absent or an ASN.1 NULL.
pub fn params_null_or_absent(alg: &AlgorithmIdentifier<'_>) -> bool {
    match &alg.params {
        None => true,
        Some(tlv) => tlv.full_data() == [0x05, 0x00],
    }
}

/// The NULL parameters of rsaEncryption.
const NULL_PARAMS: &[u8] = &[0x05, 0x00];

/// rsaEncryption with NULL parameters, as RFC 3279 writes it.
pub fn rsa_algorithm() -> AlgorithmIdentifier<'static> {
    AlgorithmIdentifier {
        oid: oids::RSA_ENCRYPTION,
        params: asn1::parse_single::<asn1::Tlv<'static>>(NULL_PARAMS).ok(),
    }
}

/// id-ecPublicKey with the named curve as parameters (RFC 5480, section 2.1.1).
pub fn write_ec_key(key: &EcPublic) -> Result<Vec<u8>, KeyError> {
    let curve_der = asn1::write_single(&key.curve)
        .map_err(|e| KeyError::malformed(format!("curve OID: {e}")))?;
    let params = asn1::parse_single::<asn1::Tlv<'_>>(&curve_der)
        .map_err(|e| KeyError::malformed(format!("curve OID: {e}")))?;
    let bits = asn1::BitString::new(&key.point, 0)
        .ok_or_else(|| KeyError::malformed("EC point encoding"))?;
    let spki = SubjectPublicKeyInfo {
        algorithm: AlgorithmIdentifier {
            oid: oids::EC_PUBLIC_KEY,
            params: Some(params),
        },
        subject_public_key: bits,
    };
    asn1::write_single(&spki).map_err(|e| KeyError::malformed(format!("SPKI: {e}")))
}

/// Writes a DER SubjectPublicKeyInfo for an RSA public key.
pub fn write_rsa_key(key: &RsaPublic) -> Result<Vec<u8>, KeyError> {
    let pkcs1 = rsa::write_public(key)?;
    let bits = asn1::BitString::new(&pkcs1, 0)
        .ok_or_else(|| KeyError::malformed("RSA public key encoding"))?;
    let spki = SubjectPublicKeyInfo {
        algorithm: rsa_algorithm(),
        subject_public_key: bits,
    };
    asn1::write_single(&spki).map_err(|e| KeyError::malformed(format!("SPKI: {e}")))
}

/// Writes a DER SubjectPublicKeyInfo for a public key of one of the RFC 8410 curves.
pub fn write_curve_key(kind: CurveKind, public: &[u8]) -> Vec<u8> {
    write_without_params(kind.oid(), public)
}

/// Writes a DER SubjectPublicKeyInfo for an ML-DSA or ML-KEM public key.
pub fn write_pq_key(kind: PqKind, public: &[u8]) -> Vec<u8> {
    write_without_params(kind.oid(), public)
}

fn write_without_params(oid: asn1::ObjectIdentifier, public: &[u8]) -> Vec<u8> {
    let Some(bits) = asn1::BitString::new(public, 0) else {
        // Unreachable: with no padding bits every byte string is a valid BIT STRING.
        return Vec::new();
    };
    let spki = SubjectPublicKeyInfo {
        algorithm: AlgorithmIdentifier::without_params(oid),
        subject_public_key: bits,
    };
    asn1::write_single(&spki).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 8410, section 10.1: an Ed25519 public key.
    const ED25519_SPKI: &str =
        "302a300506032b657003210019bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1";

    #[test]
    fn rfc8410_example_round_trips() {
        let der = hex::decode(ED25519_SPKI).unwrap();
        let key = parse(&der).unwrap();
        let PublicKeyData::Ed25519(raw) = &key else {
            panic!("not Ed25519: {key:?}")
        };
        assert_eq!(raw.len(), 32);
        assert_eq!(write_curve_key(CurveKind::Ed25519, raw), der);
    }

    #[test]
    fn rejects_trailing_data_wrong_length_params_and_unknown_oids() {
        let mut der = hex::decode(ED25519_SPKI).unwrap();
        der.push(0);
        assert!(matches!(parse(&der), Err(KeyError::Malformed(_))));

        let short = write_curve_key(CurveKind::Ed25519, &[1u8; 31]);
        assert!(matches!(parse(&short), Err(KeyError::Malformed(_))));

        // Same key with NULL parameters.
        let with_null = hex::decode(
            "302c300706032b65700500032100\
             19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1",
        )
        .unwrap();
        assert!(matches!(parse(&with_null), Err(KeyError::Malformed(_))));

        // 1.2.3.4 is no key algorithm.
        let unknown = hex::decode("300d300506032a030405000304000102").unwrap();
        assert!(matches!(
            parse(&unknown),
            Err(KeyError::Malformed(_)) | Err(KeyError::UnsupportedAlgorithm(_))
        ));
    }

    #[test]
    fn ml_kem_and_ml_dsa_keys() {
        let raw = vec![7u8; 1184];
        let der = write_pq_key(PqKind::MlKem768, &raw);
        // SEQUENCE, AlgorithmIdentifier without parameters, BIT STRING of 1185 bytes.
        assert_eq!(
            der.get(..22),
            hex::decode("308204b2300b0609608648016503040402038204a100")
                .unwrap()
                .get(..22)
        );
        assert_eq!(
            parse(&der).unwrap(),
            PublicKeyData::Pq(PqKind::MlKem768, raw.clone())
        );
        // The wrong length for the parameter set named by the OID.
        let short = write_pq_key(PqKind::MlDsa44, &raw);
        assert!(matches!(parse(&short), Err(KeyError::Malformed(_))));
        let mut kem512 = der.clone();
        if let Some(arc) = kem512.get_mut(16) {
            assert_eq!(*arc, 0x02);
            *arc = 0x01;
        }
        assert!(matches!(
            parse(&kem512),
            Err(KeyError::UnsupportedAlgorithm(_))
        ));
    }

    #[test]
    fn empty_and_garbage_inputs_are_errors() {
        for data in [&b""[..], b"\x30", b"\x30\x00", b"\x04\x01\x00", b"not der"] {
            assert!(parse(data).is_err(), "{data:?}");
        }
    }
}
