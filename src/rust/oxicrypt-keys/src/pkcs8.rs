//! PKCS#8 PrivateKeyInfo / OneAsymmetricKey (RFC 5208, RFC 5958), with the RFC 8410 key
//! algorithms.

use crate::dh::{self, DhPrivate};
use crate::dsa::{self, DsaPrivate};
use crate::ec::{self, EcPrivate};
use crate::error::KeyError;
use crate::key::{CurveKind, PrivateKeyData};
use crate::oids;
use crate::pq::{self, PqKind};
use crate::rsa::{self, RsaPrivate};
use crate::spki::{params_null_or_absent, rsa_algorithm, AlgorithmIdentifier};

/// OneAsymmetricKey ::= SEQUENCE {
///     version Version (v1(0) or v2(1)), privateKeyAlgorithm AlgorithmIdentifier,
///     privateKey OCTET STRING, attributes [0] IMPLICIT Attributes OPTIONAL,
///     publicKey [1] IMPLICIT BIT STRING OPTIONAL }
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct PrivateKeyInfo<'a> {
    pub version: u8,
    pub algorithm: AlgorithmIdentifier<'a>,
    pub private_key: &'a [u8],
    #[implicit(0)]
    pub attributes: Option<asn1::SetOf<'a, asn1::Tlv<'a>>>,
    #[implicit(1)]
    pub public_key: Option<asn1::BitString<'a>>,
}

/// Reads a DER (unencrypted) PKCS#8 PrivateKeyInfo.
pub fn parse(der: &[u8]) -> Result<PrivateKeyData, KeyError> {
    let info = asn1::parse_single::<PrivateKeyInfo<'_>>(der)
        .map_err(|e| KeyError::malformed(format!("PKCS#8 PrivateKeyInfo: {e}")))?;
    // Like the reference (and unlike OpenSSL's decoder, which also reads RFC 5958 v2),
    // only v1 PrivateKeyInfo is accepted: a v2 public key would have to be checked against
    // the private key, and no writer oxicrypt interoperates with produces one.
    if info.version != 0 || info.public_key.is_some() {
        return Err(KeyError::malformed(format!(
            "PKCS#8 version {} or an embedded public key (only v1 is supported)",
            u16::from(info.version) + 1
        )));
    }
    let oid = &info.algorithm.oid;
    if *oid == oids::RSA_ENCRYPTION || *oid == oids::RSASSA_PSS {
        if *oid == oids::RSA_ENCRYPTION && !params_null_or_absent(&info.algorithm) {
            return Err(KeyError::malformed(
                "rsaEncryption AlgorithmIdentifier parameters must be NULL",
            ));
        }
        return Ok(PrivateKeyData::Rsa(rsa::parse_private(info.private_key)?));
    }
    if *oid == oids::DSA || *oid == oids::DH_KEY_AGREEMENT || *oid == oids::DH_PUBLIC_NUMBER {
        let params = info
            .algorithm
            .params
            .ok_or_else(|| KeyError::malformed("DSA/DH private key without domain parameters"))?;
        let x = dsa::parse_integer(info.private_key, "private value")?;
        if *oid == oids::DSA {
            let params = dsa::parse_params(params.full_data())?;
            return Ok(PrivateKeyData::Dsa(DsaPrivate { params, y: None, x }));
        }
        let params = if *oid == oids::DH_PUBLIC_NUMBER {
            dh::parse_x942(params.full_data())?
        } else {
            dh::parse_pkcs3(params.full_data())?
        };
        return Ok(PrivateKeyData::Dh(DhPrivate { params, x }));
    }
    if *oid == oids::EC_PUBLIC_KEY {
        let curve = ec::curve_from_params(info.algorithm.params)?;
        return Ok(PrivateKeyData::Ec(ec::parse_private(
            info.private_key,
            Some(&curve),
        )?));
    }
    if let Some(kind) = PqKind::from_oid(oid) {
        if info.algorithm.params.is_some() {
            return Err(KeyError::malformed(format!(
                "{} AlgorithmIdentifier has parameters; none are allowed",
                kind.name()
            )));
        }
        return Ok(PrivateKeyData::Pq(
            kind,
            pq::parse_private(kind, info.private_key)?,
        ));
    }
    let Some(kind) = CurveKind::from_oid(oid) else {
        // Unlike in a SubjectPublicKeyInfo (see spki.rs), the reference reports an unknown
        // private key algorithm as unsupported.
        return Err(KeyError::UnsupportedAlgorithm(format!(
            "private key algorithm {oid}"
        )));
    };
    if info.algorithm.params.is_some() {
        return Err(KeyError::malformed(format!(
            "{} AlgorithmIdentifier has parameters; RFC 8410 requires none",
            kind.name()
        )));
    }
    // RFC 8410, section 7: privateKey holds CurvePrivateKey ::= OCTET STRING.
    let key = asn1::parse_single::<&[u8]>(info.private_key)
        .map_err(|e| KeyError::malformed(format!("{} CurvePrivateKey: {e}", kind.name())))?;
    if key.len() != kind.key_len() {
        return Err(KeyError::malformed(format!(
            "{} private key must be {} bytes, not {}",
            kind.name(),
            kind.key_len(),
            key.len()
        )));
    }
    Ok(kind.private(key.to_vec()))
}

/// Writes a DER PKCS#8 v1 PrivateKeyInfo for an EC private key: the curve goes in the
/// AlgorithmIdentifier and not again inside the ECPrivateKey, as OpenSSL writes it.
pub fn write_ec_key(key: &EcPrivate) -> Result<Vec<u8>, KeyError> {
    let inner = ec::write_private(key, false)?;
    let curve_der = asn1::write_single(&key.curve)
        .map_err(|e| KeyError::malformed(format!("curve OID: {e}")))?;
    let params = asn1::parse_single::<asn1::Tlv<'_>>(&curve_der)
        .map_err(|e| KeyError::malformed(format!("curve OID: {e}")))?;
    let info = PrivateKeyInfo {
        version: 0,
        algorithm: AlgorithmIdentifier {
            oid: oids::EC_PUBLIC_KEY,
            params: Some(params),
        },
        private_key: &inner,
        attributes: None,
        public_key: None,
    };
    asn1::write_single(&info).map_err(|e| KeyError::malformed(format!("PKCS#8: {e}")))
}

/// Writes a DER PKCS#8 v1 PrivateKeyInfo for a DSA or DH key: the OID with its DER
/// domain parameters, and `x` as an INTEGER.
pub fn write_integer_key(
    oid: asn1::ObjectIdentifier,
    params_der: &[u8],
    x: &[u8],
) -> Result<Vec<u8>, KeyError> {
    let params = asn1::parse_single::<asn1::Tlv<'_>>(params_der)
        .map_err(|e| KeyError::malformed(format!("domain parameters: {e}")))?;
    let key = dsa::write_integer(x)?;
    let info = PrivateKeyInfo {
        version: 0,
        algorithm: AlgorithmIdentifier {
            oid,
            params: Some(params),
        },
        private_key: &key,
        attributes: None,
        public_key: None,
    };
    asn1::write_single(&info).map_err(|e| KeyError::malformed(format!("PKCS#8: {e}")))
}

/// Writes a DER PKCS#8 v1 PrivateKeyInfo for an RSA private key.
pub fn write_rsa_key(key: &RsaPrivate) -> Result<Vec<u8>, KeyError> {
    let pkcs1 = rsa::write_private(key)?;
    let info = PrivateKeyInfo {
        version: 0,
        algorithm: rsa_algorithm(),
        private_key: &pkcs1,
        attributes: None,
        public_key: None,
    };
    asn1::write_single(&info).map_err(|e| KeyError::malformed(format!("PKCS#8: {e}")))
}

/// Writes a DER PKCS#8 v1 PrivateKeyInfo for an ML-DSA or ML-KEM key, in the seed form.
pub fn write_pq_key(kind: PqKind, seed: &[u8]) -> Vec<u8> {
    let inner = pq::write_private(seed);
    let info = PrivateKeyInfo {
        version: 0,
        algorithm: AlgorithmIdentifier::without_params(kind.oid()),
        private_key: &inner,
        attributes: None,
        public_key: None,
    };
    asn1::write_single(&info).unwrap_or_default()
}

/// Writes a DER PKCS#8 v1 PrivateKeyInfo for a private key of one of the RFC 8410 curves.
pub fn write_curve_key(kind: CurveKind, private: &[u8]) -> Vec<u8> {
    let inner = asn1::write_single(&private).unwrap_or_default();
    let info = PrivateKeyInfo {
        version: 0,
        algorithm: AlgorithmIdentifier::without_params(kind.oid()),
        private_key: &inner,
        attributes: None,
        public_key: None,
    };
    asn1::write_single(&info).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 8410, section 10.3: an Ed25519 private key, v1 and v2 (with attributes and the
    // public key).
    const V1: &str = "302e020100300506032b657004220420d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842";
    const V2: &str = "3072020101300506032b657004220420d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842a01f301d060a2a864886f70d01090914310f0c0d437572646c6520436861697273812100\
19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1";

    #[test]
    fn rfc8410_examples() {
        let v1 = parse(&hex::decode(V1).unwrap()).unwrap();
        assert!(matches!(
            parse(&hex::decode(V2).unwrap()),
            Err(KeyError::Malformed(_))
        ));
        let PrivateKeyData::Ed25519(seed) = &v1 else {
            panic!("not Ed25519: {v1:?}")
        };
        assert_eq!(
            write_curve_key(CurveKind::Ed25519, seed),
            hex::decode(V1).unwrap()
        );
    }

    #[test]
    fn ml_dsa_seed_form() {
        // The ML-DSA-44 key of seed 2a..2a, as the LAMPS draft's examples and the reference
        // write it: privateKey holds `seed [0] IMPLICIT OCTET STRING`.
        let der = hex::decode(format!(
            "3034020100300b06096086480165030403110422{}{}",
            "8020",
            "2a".repeat(32)
        ))
        .unwrap();
        let key = parse(&der).unwrap();
        assert_eq!(key, PrivateKeyData::Pq(PqKind::MlDsa44, vec![0x2a; 32]));
        assert_eq!(write_pq_key(PqKind::MlDsa44, &[0x2a; 32]), der);
        // NULL parameters are refused; so is ML-KEM-512, which is not implemented.
        let with_null = hex::decode(format!(
            "3036020100300d060960864801650304031105000422{}{}",
            "8020",
            "2a".repeat(32)
        ))
        .unwrap();
        assert!(matches!(parse(&with_null), Err(KeyError::Malformed(_))));
        let kem768 = write_pq_key(PqKind::MlKem768, &[1; 64]);
        assert_eq!(
            parse(&kem768).unwrap(),
            PrivateKeyData::Pq(PqKind::MlKem768, vec![1; 64])
        );
        // The same with the OID of ML-KEM-512 (2.16.840.1.101.3.4.4.1).
        let kem512 = hex::decode(format!(
            "3054020100300b06096086480165030404010442{}{}",
            "8040",
            "01".repeat(64)
        ))
        .unwrap();
        assert_eq!(kem768.get(17), Some(&0x02));
        assert_eq!(kem512.get(..17), kem768.get(..17));
        assert!(matches!(
            parse(&kem512),
            Err(KeyError::UnsupportedAlgorithm(_))
        ));
    }

    #[test]
    fn rejects_bad_versions_lengths_and_garbage() {
        let mut v3 = hex::decode(V1).unwrap();
        v3[4] = 2;
        assert!(matches!(parse(&v3), Err(KeyError::Malformed(_))));
        let short = write_curve_key(CurveKind::X25519, &[7u8; 31]);
        assert!(matches!(parse(&short), Err(KeyError::Malformed(_))));
        for data in [&b""[..], b"\x30\x00", b"garbage", b"\x30\x03\x02\x01\x00"] {
            assert!(parse(data).is_err(), "{data:?}");
        }
    }
}
