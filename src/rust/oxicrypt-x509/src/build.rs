//! The write side: to-be-signed structures of certificates and certification requests,
//! signature algorithm identifiers, and the signed envelope around them. Every input is
//! already DER (names, keys, extension values) or a plain value; this module arranges them.

use asn1::{oid, ObjectIdentifier};

use crate::der::{self, explicit, implicit, seq, tlv};
use crate::X509Error;

/// One extension to write: its OID, criticality and the DER of its value.
pub struct ExtensionToWrite {
    pub oid: ObjectIdentifier,
    pub critical: bool,
    pub value: Vec<u8>,
}

/// Extensions ::= SEQUENCE OF Extension (critical written only when true: DEFAULT FALSE).
pub fn extensions(list: &[ExtensionToWrite]) -> Vec<u8> {
    let items: Vec<Vec<u8>> = list
        .iter()
        .map(|ext| {
            let mut parts = vec![der::oid(&ext.oid)];
            if ext.critical {
                parts.push(der::boolean(true));
            }
            parts.push(der::octet_string(&ext.value));
            seq(&parts)
        })
        .collect();
    seq(&items)
}

pub struct TbsCertificate<'a> {
    /// Big-endian two's complement.
    pub serial: &'a [u8],
    pub signature_algorithm: &'a [u8],
    pub issuer: &'a [u8],
    pub not_before: asn1::DateTime,
    pub not_after: asn1::DateTime,
    pub subject: &'a [u8],
    pub spki: &'a [u8],
    pub extensions: &'a [ExtensionToWrite],
}

/// TBSCertificate (RFC 5280, section 4.1): always version 3; extensions only when there
/// are some.
pub fn tbs_certificate(tbs: &TbsCertificate<'_>) -> Result<Vec<u8>, X509Error> {
    let mut parts = vec![
        explicit(0, &der::uint(2)),
        der::integer(tbs.serial),
        tbs.signature_algorithm.to_vec(),
        tbs.issuer.to_vec(),
        seq(&[
            der::time(tbs.not_before.clone())?,
            der::time(tbs.not_after.clone())?,
        ]),
        tbs.subject.to_vec(),
        tbs.spki.to_vec(),
    ];
    if !tbs.extensions.is_empty() {
        parts.push(explicit(3, &extensions(tbs.extensions)));
    }
    Ok(seq(&parts))
}

/// pkcs-9 extensionRequest: how a request carries the extensions it asks for.
pub const EXTENSION_REQUEST: ObjectIdentifier = oid!(1, 2, 840, 113549, 1, 9, 14);

/// One request attribute: its OID and the DER of its single value.
pub struct AttributeToWrite {
    pub oid: ObjectIdentifier,
    pub value: Vec<u8>,
}

/// CertificationRequestInfo (RFC 2986, section 4.1): version 0, the subject, the key and
/// the attributes, the extensions first as an extensionRequest attribute.
pub fn certification_request_info(
    subject: &[u8],
    spki: &[u8],
    extension_list: &[ExtensionToWrite],
    attributes: &[AttributeToWrite],
) -> Vec<u8> {
    let mut items = Vec::new();
    if !extension_list.is_empty() {
        items.push(seq(&[
            der::oid(&EXTENSION_REQUEST),
            der::set_of(vec![extensions(extension_list)]),
        ]));
    }
    for attribute in attributes {
        items.push(seq(&[
            der::oid(&attribute.oid),
            der::set_of(vec![attribute.value.clone()]),
        ]));
    }
    seq(&[
        der::uint(0),
        subject.to_vec(),
        spki.to_vec(),
        implicit(0, &der::set_of(items)),
    ])
}

/// One revokedCertificates entry (RFC 5280, section 5.1): serial, date, and the entry's
/// extensions when there are some.
pub fn revoked_entry(
    serial: &[u8],
    date: asn1::DateTime,
    extension_list: &[ExtensionToWrite],
) -> Result<Vec<u8>, X509Error> {
    let mut parts = vec![der::integer(serial), der::time(date)?];
    if !extension_list.is_empty() {
        parts.push(extensions(extension_list));
    }
    Ok(seq(&parts))
}

pub struct TbsCertList<'a> {
    pub signature_algorithm: &'a [u8],
    pub issuer: &'a [u8],
    pub this_update: asn1::DateTime,
    pub next_update: asn1::DateTime,
    /// Entries already encoded by [`revoked_entry`].
    pub revoked: &'a [Vec<u8>],
    pub extensions: &'a [ExtensionToWrite],
}

/// TBSCertList (RFC 5280, section 5.1): version 2 always, as the reference writes it; the
/// revoked list and the extensions only when not empty.
pub fn tbs_cert_list(tbs: &TbsCertList<'_>) -> Result<Vec<u8>, X509Error> {
    let mut parts = vec![
        der::uint(1),
        tbs.signature_algorithm.to_vec(),
        tbs.issuer.to_vec(),
        der::time(tbs.this_update.clone())?,
        der::time(tbs.next_update.clone())?,
    ];
    if !tbs.revoked.is_empty() {
        parts.push(seq(tbs.revoked));
    }
    if !tbs.extensions.is_empty() {
        parts.push(explicit(0, &extensions(tbs.extensions)));
    }
    Ok(seq(&parts))
}

/// The signed envelope shared by certificates, requests and CRLs:
/// SEQUENCE { tbs, signatureAlgorithm, signature BIT STRING }.
pub fn signed(tbs: &[u8], signature_algorithm: &[u8], signature: &[u8]) -> Vec<u8> {
    let mut bits = vec![0u8];
    bits.extend_from_slice(signature);
    seq(&[
        tbs.to_vec(),
        signature_algorithm.to_vec(),
        tlv(&[0x03], &bits),
    ])
}

/// An RSA SubjectPublicKeyInfo re-labelled id-RSASSA-PSS without parameters (RFC 4055,
/// section 1.2): the key may then only make PSS signatures. The key bits stay as they are.
pub fn rsa_pss_spki(spki: &[u8]) -> Result<Vec<u8>, X509Error> {
    let what = "SubjectPublicKeyInfo";
    let outer =
        asn1::parse_single::<asn1::Sequence<'_>>(spki).map_err(|e| X509Error::asn1(what, e))?;
    let key_bits = outer
        .parse(|p| {
            let _ = p.read_element::<asn1::Tlv<'_>>()?;
            p.read_element::<asn1::Tlv<'_>>()
        })
        .map_err(|e: asn1::ParseError| X509Error::asn1(what, e))?;
    Ok(seq(&[
        seq(&[der::oid(&oid!(1, 2, 840, 113549, 1, 1, 10))]),
        key_bits.full_data().to_vec(),
    ]))
}

/// id-alg-unsigned (IETF LAMPS "unsigned X.509 certificates"): the signature algorithm of
/// a certificate nobody signed.
pub fn unsigned_algorithm() -> Vec<u8> {
    seq(&[der::oid(&oid!(1, 3, 6, 1, 5, 5, 7, 6, 36))])
}

/// The kind of key signing, as far as the algorithm identifier cares.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum KeyKind {
    Rsa,
    Ec,
    Dsa,
    Ed25519,
    Ed448,
    MlDsa44,
    MlDsa65,
    MlDsa87,
}

/// RSASSA-PSS parameters to write: the hash (also the MGF1 hash's) and the salt length.
pub struct Pss<'a> {
    pub mgf1_hash: &'a str,
    pub salt_length: u64,
}

fn hash_oid(hash: &str) -> Option<ObjectIdentifier> {
    Some(match hash {
        "sha224" => oid!(2, 16, 840, 1, 101, 3, 4, 2, 4),
        "sha256" => oid!(2, 16, 840, 1, 101, 3, 4, 2, 1),
        "sha384" => oid!(2, 16, 840, 1, 101, 3, 4, 2, 2),
        "sha512" => oid!(2, 16, 840, 1, 101, 3, 4, 2, 3),
        "sha3-224" => oid!(2, 16, 840, 1, 101, 3, 4, 2, 7),
        "sha3-256" => oid!(2, 16, 840, 1, 101, 3, 4, 2, 8),
        "sha3-384" => oid!(2, 16, 840, 1, 101, 3, 4, 2, 9),
        "sha3-512" => oid!(2, 16, 840, 1, 101, 3, 4, 2, 10),
        _ => return None,
    })
}

/// Why no algorithm identifier could be written.
#[derive(Debug, PartialEq, Eq)]
pub enum AlgorithmError {
    /// The hash is not one X.509 signatures use (the reference's "not supported for
    /// signatures").
    UnsupportedHash,
    /// SHA-3 with DSA: no OIDs exist.
    Sha3WithDsa,
}

/// The signature AlgorithmIdentifier for `kind` with `hash` (by its `hashes` name, as
/// `HashAlgorithm.name` says), as the reference writes it: NULL parameters for RSA
/// PKCS#1 v1.5 (RFC 4055 requires them), none for ECDSA, DSA and EdDSA, explicit hash,
/// MGF1 and salt length (the salt left out when it is the default 20) for PSS.
pub fn signature_algorithm(
    kind: KeyKind,
    hash: Option<&str>,
    pss: Option<&Pss<'_>>,
) -> Result<Vec<u8>, AlgorithmError> {
    let hash = hash.unwrap_or_default();
    let with_null = |oid: ObjectIdentifier| seq(&[der::oid(&oid), der::null()]);
    let bare = |oid: ObjectIdentifier| seq(&[der::oid(&oid)]);
    let hash_identifier = |name: &str| -> Result<Vec<u8>, AlgorithmError> {
        hash_oid(name)
            .map(with_null)
            .ok_or(AlgorithmError::UnsupportedHash)
    };
    Ok(match kind {
        KeyKind::Ed25519 => bare(oid!(1, 3, 101, 112)),
        KeyKind::Ed448 => bare(oid!(1, 3, 101, 113)),
        // ML-DSA (FIPS 204) in X.509, per the IETF LAMPS profile: no parameters.
        KeyKind::MlDsa44 => bare(oid!(2, 16, 840, 1, 101, 3, 4, 3, 17)),
        KeyKind::MlDsa65 => bare(oid!(2, 16, 840, 1, 101, 3, 4, 3, 18)),
        KeyKind::MlDsa87 => bare(oid!(2, 16, 840, 1, 101, 3, 4, 3, 19)),
        KeyKind::Rsa => {
            if let Some(pss) = pss {
                let mut params = vec![
                    explicit(0, &hash_identifier(hash)?),
                    explicit(
                        1,
                        &seq(&[
                            der::oid(&oid!(1, 2, 840, 113549, 1, 1, 8)),
                            hash_identifier(pss.mgf1_hash)?,
                        ]),
                    ),
                ];
                if pss.salt_length != 20 {
                    params.push(explicit(2, &der::uint(pss.salt_length)));
                }
                seq(&[der::oid(&oid!(1, 2, 840, 113549, 1, 1, 10)), seq(&params)])
            } else {
                with_null(match hash {
                    "sha224" => oid!(1, 2, 840, 113549, 1, 1, 14),
                    "sha256" => oid!(1, 2, 840, 113549, 1, 1, 11),
                    "sha384" => oid!(1, 2, 840, 113549, 1, 1, 12),
                    "sha512" => oid!(1, 2, 840, 113549, 1, 1, 13),
                    "sha3-224" => oid!(2, 16, 840, 1, 101, 3, 4, 3, 13),
                    "sha3-256" => oid!(2, 16, 840, 1, 101, 3, 4, 3, 14),
                    "sha3-384" => oid!(2, 16, 840, 1, 101, 3, 4, 3, 15),
                    "sha3-512" => oid!(2, 16, 840, 1, 101, 3, 4, 3, 16),
                    _ => return Err(AlgorithmError::UnsupportedHash),
                })
            }
        }
        KeyKind::Ec => bare(match hash {
            "sha224" => oid!(1, 2, 840, 10045, 4, 3, 1),
            "sha256" => oid!(1, 2, 840, 10045, 4, 3, 2),
            "sha384" => oid!(1, 2, 840, 10045, 4, 3, 3),
            "sha512" => oid!(1, 2, 840, 10045, 4, 3, 4),
            "sha3-224" => oid!(2, 16, 840, 1, 101, 3, 4, 3, 9),
            "sha3-256" => oid!(2, 16, 840, 1, 101, 3, 4, 3, 10),
            "sha3-384" => oid!(2, 16, 840, 1, 101, 3, 4, 3, 11),
            "sha3-512" => oid!(2, 16, 840, 1, 101, 3, 4, 3, 12),
            _ => return Err(AlgorithmError::UnsupportedHash),
        }),
        KeyKind::Dsa => bare(match hash {
            "sha224" => oid!(2, 16, 840, 1, 101, 3, 4, 3, 1),
            "sha256" => oid!(2, 16, 840, 1, 101, 3, 4, 3, 2),
            "sha384" => oid!(2, 16, 840, 1, 101, 3, 4, 3, 3),
            "sha512" => oid!(2, 16, 840, 1, 101, 3, 4, 3, 4),
            h if h.starts_with("sha3-") => return Err(AlgorithmError::Sha3WithDsa),
            _ => return Err(AlgorithmError::UnsupportedHash),
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn algorithm_identifiers() {
        let rsa = signature_algorithm(KeyKind::Rsa, Some("sha256"), None);
        assert_eq!(
            rsa.map(|d| hex(&d)).as_deref(),
            Ok("300d06092a864886f70d01010b0500")
        );
        let ec = signature_algorithm(KeyKind::Ec, Some("sha384"), None);
        assert_eq!(
            ec.map(|d| hex(&d)).as_deref(),
            Ok("300a06082a8648ce3d040303")
        );
        let ed = signature_algorithm(KeyKind::Ed25519, None, None);
        assert_eq!(ed.map(|d| hex(&d)).as_deref(), Ok("300506032b6570"));
        assert_eq!(
            signature_algorithm(KeyKind::Dsa, Some("sha3-256"), None),
            Err(AlgorithmError::Sha3WithDsa)
        );
        assert_eq!(
            signature_algorithm(KeyKind::Ec, Some("sha1"), None),
            Err(AlgorithmError::UnsupportedHash)
        );
        let pss = Pss {
            mgf1_hash: "sha256",
            salt_length: 32,
        };
        let pss = signature_algorithm(KeyKind::Rsa, Some("sha256"), Some(&pss));
        assert_eq!(
            pss.map(|d| hex(&d)).as_deref(),
            Ok(concat!(
                "304106092a864886f70d01010a3034a00f300d06096086480165030402010500",
                "a11c301a06092a864886f70d010108300d06096086480165030402010500a203020120"
            ))
        );
    }

    #[test]
    fn signed_envelope() {
        assert_eq!(
            signed(&[0x30, 0], &[0x30, 0], &[1, 2]),
            vec![0x30, 0x09, 0x30, 0, 0x30, 0, 0x03, 0x03, 0, 1, 2]
        );
    }
}
