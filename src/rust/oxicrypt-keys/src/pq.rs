//! ML-DSA (FIPS 204) and ML-KEM (FIPS 203) keys: their parameter sets, OIDs, sizes, and
//! the private key CHOICE of their PKCS#8 containers (IETF LAMPS drafts
//! draft-ietf-lamps-dilithium-certificates and draft-ietf-lamps-kyber-certificates).
//!
//! Public keys are the raw FIPS encodings in the SubjectPublicKeyInfo BIT STRING.
//! Private keys are kept, read and written as their seed only: the 32-byte `xi` of
//! ML-DSA, the 64-byte `d || z` of ML-KEM. The drafts' CHOICE also has an
//! `expandedKey` and a `both` alternative; like the reference, oxicrypt reads neither (a
//! key without its seed could not give `private_bytes_raw`).

use crate::error::KeyError;
use crate::oids;

/// A parameter set oxicrypt implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PqKind {
    MlDsa44,
    MlDsa65,
    MlDsa87,
    MlKem768,
    MlKem1024,
}

impl PqKind {
    pub const ALL: [PqKind; 5] = [
        PqKind::MlDsa44,
        PqKind::MlDsa65,
        PqKind::MlDsa87,
        PqKind::MlKem768,
        PqKind::MlKem1024,
    ];

    pub fn oid(self) -> asn1::ObjectIdentifier {
        match self {
            PqKind::MlDsa44 => oids::ML_DSA_44,
            PqKind::MlDsa65 => oids::ML_DSA_65,
            PqKind::MlDsa87 => oids::ML_DSA_87,
            PqKind::MlKem768 => oids::ML_KEM_768,
            PqKind::MlKem1024 => oids::ML_KEM_1024,
        }
    }

    pub fn from_oid(oid: &asn1::ObjectIdentifier) -> Option<PqKind> {
        PqKind::ALL.into_iter().find(|k| k.oid() == *oid)
    }

    /// The FIPS name, which is also the name OpenSSL knows the algorithm by.
    pub fn name(self) -> &'static str {
        match self {
            PqKind::MlDsa44 => "ML-DSA-44",
            PqKind::MlDsa65 => "ML-DSA-65",
            PqKind::MlDsa87 => "ML-DSA-87",
            PqKind::MlKem768 => "ML-KEM-768",
            PqKind::MlKem1024 => "ML-KEM-1024",
        }
    }

    pub fn is_signature(self) -> bool {
        matches!(self, PqKind::MlDsa44 | PqKind::MlDsa65 | PqKind::MlDsa87)
    }

    /// Length of the seed a private key is generated from.
    pub fn seed_len(self) -> usize {
        if self.is_signature() {
            32
        } else {
            64
        }
    }

    /// Length of the encoded public key (FIPS 204 table 2, FIPS 203 table 3).
    pub fn public_len(self) -> usize {
        match self {
            PqKind::MlDsa44 => 1312,
            PqKind::MlDsa65 => 1952,
            PqKind::MlDsa87 => 2592,
            PqKind::MlKem768 => 1184,
            PqKind::MlKem1024 => 1568,
        }
    }

    /// ML-DSA: signature length. ML-KEM: ciphertext length.
    pub fn output_len(self) -> usize {
        match self {
            PqKind::MlDsa44 => 2420,
            PqKind::MlDsa65 => 3309,
            PqKind::MlDsa87 => 4627,
            PqKind::MlKem768 => 1088,
            PqKind::MlKem1024 => 1568,
        }
    }
}

/// Parameter sets whose OIDs are known but which oxicrypt (like the reference) does not
/// implement: reported as unsupported rather than as malformed input.
pub fn is_unsupported_oid(oid: &asn1::ObjectIdentifier) -> bool {
    *oid == oids::ML_KEM_512
}

/// Reads the contents of the PKCS#8 privateKey OCTET STRING: the seed alternative
/// `seed [0] IMPLICIT OCTET STRING` of the right length, and nothing else.
pub fn parse_private(kind: PqKind, private_key: &[u8]) -> Result<Vec<u8>, KeyError> {
    let tlv = asn1::parse_single::<asn1::Tlv<'_>>(private_key)
        .map_err(|e| KeyError::malformed(format!("{} private key: {e}", kind.name())))?;
    let seed_tag = asn1::implicit_tag(0, <&[u8] as asn1::SimpleAsn1Readable<'_>>::TAG);
    if tlv.tag() != seed_tag {
        return Err(KeyError::malformed(format!(
            "{} private key: only the seed form is supported, not an expanded key",
            kind.name()
        )));
    }
    let seed = tlv.data();
    if seed.len() != kind.seed_len() {
        return Err(KeyError::malformed(format!(
            "{} seed must be {} bytes, not {}",
            kind.name(),
            kind.seed_len(),
            seed.len()
        )));
    }
    Ok(seed.to_vec())
}

/// The contents of the PKCS#8 privateKey OCTET STRING for `seed`: `[0] IMPLICIT OCTET
/// STRING`, the form the reference writes.
pub fn write_private(seed: &[u8]) -> Vec<u8> {
    asn1::write_single(&asn1::Implicit::<&[u8], 0>::new(seed)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oids_and_names_correspond() {
        for kind in PqKind::ALL {
            assert_eq!(PqKind::from_oid(&kind.oid()), Some(kind));
            assert!(!is_unsupported_oid(&kind.oid()));
        }
        assert_eq!(PqKind::from_oid(&oids::ML_KEM_512), None);
        assert!(is_unsupported_oid(&oids::ML_KEM_512));
        assert_eq!(
            oids::ML_DSA_44.to_string(),
            "2.16.840.1.101.3.4.3.17",
            "NIST CSOR id-ml-dsa-44"
        );
        assert_eq!(oids::ML_KEM_1024.to_string(), "2.16.840.1.101.3.4.4.3");
    }

    #[test]
    fn seed_form_round_trips() {
        let seed = [0x2au8; 32];
        let der = write_private(&seed);
        assert_eq!(der.first(), Some(&0x80));
        assert_eq!(der.get(1), Some(&32));
        assert_eq!(parse_private(PqKind::MlDsa44, &der).unwrap(), seed);
        // A 32-byte seed is not an ML-KEM seed.
        assert!(parse_private(PqKind::MlKem768, &der).is_err());
        let kem = write_private(&[1u8; 64]);
        assert_eq!(parse_private(PqKind::MlKem1024, &kem).unwrap(), [1u8; 64]);
    }

    #[test]
    fn other_forms_are_rejected() {
        let seed = [7u8; 32];
        // expandedKey (an OCTET STRING), both (a SEQUENCE), a constructed [0], trailing data.
        let expanded = asn1::write_single(&&[0u8; 2560][..]).unwrap();
        let mut trailing = write_private(&seed);
        trailing.push(0);
        for bad in [
            expanded,
            hex::decode("3004040101040100").unwrap(),
            hex::decode("a0020400").unwrap(),
            trailing,
            Vec::new(),
        ] {
            assert!(
                matches!(
                    parse_private(PqKind::MlDsa44, &bad),
                    Err(KeyError::Malformed(_))
                ),
                "{bad:02x?}"
            );
        }
    }
}
