//! Object identifiers of key algorithms.

use asn1::ObjectIdentifier;

/// The OID type, for crates that use these functions without depending on `asn1`.
pub type Oid = ObjectIdentifier;

pub const X25519: ObjectIdentifier = asn1::oid!(1, 3, 101, 110);
pub const X448: ObjectIdentifier = asn1::oid!(1, 3, 101, 111);
pub const ED25519: ObjectIdentifier = asn1::oid!(1, 3, 101, 112);
pub const ED448: ObjectIdentifier = asn1::oid!(1, 3, 101, 113);
pub const RSA_ENCRYPTION: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 1, 1);
pub const RSASSA_PSS: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 1, 10);
pub const EC_PUBLIC_KEY: ObjectIdentifier = asn1::oid!(1, 2, 840, 10045, 2, 1);
pub const DSA: ObjectIdentifier = asn1::oid!(1, 2, 840, 10040, 4, 1);
/// PKCS #3 dhKeyAgreement.
pub const DH_KEY_AGREEMENT: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 3, 1);
/// X9.42 dhpublicnumber.
pub const DH_PUBLIC_NUMBER: ObjectIdentifier = asn1::oid!(1, 2, 840, 10046, 2, 1);
/// id-ml-dsa-44/65/87 (NIST CSOR sigAlgs, FIPS 204).
pub const ML_DSA_44: ObjectIdentifier = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 17);
pub const ML_DSA_65: ObjectIdentifier = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 18);
pub const ML_DSA_87: ObjectIdentifier = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 19);
/// id-alg-ml-kem-512/768/1024 (NIST CSOR kems, FIPS 203).
pub const ML_KEM_512: ObjectIdentifier = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 4, 1);
pub const ML_KEM_768: ObjectIdentifier = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 4, 2);
pub const ML_KEM_1024: ObjectIdentifier = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 4, 3);

/// Named curves oxicrypt supports, by the names their Python classes report.
const NAMED_CURVES: &[(&str, ObjectIdentifier)] = &[
    ("secp192r1", asn1::oid!(1, 2, 840, 10045, 3, 1, 1)),
    ("secp224r1", asn1::oid!(1, 3, 132, 0, 33)),
    ("secp256r1", asn1::oid!(1, 2, 840, 10045, 3, 1, 7)),
    ("secp384r1", asn1::oid!(1, 3, 132, 0, 34)),
    ("secp521r1", asn1::oid!(1, 3, 132, 0, 35)),
    ("secp256k1", asn1::oid!(1, 3, 132, 0, 10)),
    ("brainpoolP256r1", asn1::oid!(1, 3, 36, 3, 3, 2, 8, 1, 1, 7)),
    (
        "brainpoolP384r1",
        asn1::oid!(1, 3, 36, 3, 3, 2, 8, 1, 1, 11),
    ),
    (
        "brainpoolP512r1",
        asn1::oid!(1, 3, 36, 3, 3, 2, 8, 1, 1, 13),
    ),
];

pub fn named_curve_oid(name: &str) -> Option<ObjectIdentifier> {
    NAMED_CURVES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, oid)| oid.clone())
}

pub fn named_curve_name(oid: &ObjectIdentifier) -> Option<&'static str> {
    NAMED_CURVES.iter().find(|(_, o)| o == oid).map(|(n, _)| *n)
}

/// Parses a dotted-decimal OID ("1.2.840.10045.3.1.7"), as ASN.1 DER can encode it.
pub fn parse_dotted(text: &str) -> Option<ObjectIdentifier> {
    ObjectIdentifier::from_string(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curve_names_and_oids_correspond() {
        for (name, oid) in NAMED_CURVES {
            assert_eq!(named_curve_oid(name).as_ref(), Some(oid));
            assert_eq!(named_curve_name(oid), Some(*name));
        }
        assert_eq!(named_curve_oid("sect163k1"), None);
    }

    #[test]
    fn dotted_strings() {
        assert_eq!(
            parse_dotted("1.2.840.10045.3.1.7"),
            named_curve_oid("secp256r1")
        );
        for bad in ["", "1", "1.", "x.y", "3.1", "1.2..3", "-1.2"] {
            assert!(parse_dotted(bad).is_none(), "{bad}");
        }
    }
}
