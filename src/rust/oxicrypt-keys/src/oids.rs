//! Object identifiers of key algorithms.

use asn1::ObjectIdentifier;

pub const X25519: ObjectIdentifier = asn1::oid!(1, 3, 101, 110);
pub const X448: ObjectIdentifier = asn1::oid!(1, 3, 101, 111);
pub const ED25519: ObjectIdentifier = asn1::oid!(1, 3, 101, 112);
pub const ED448: ObjectIdentifier = asn1::oid!(1, 3, 101, 113);
pub const RSA_ENCRYPTION: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 1, 1);
pub const RSASSA_PSS: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 1, 10);
pub const EC_PUBLIC_KEY: ObjectIdentifier = asn1::oid!(1, 2, 840, 10045, 2, 1);
pub const DSA: ObjectIdentifier = asn1::oid!(1, 2, 840, 10040, 4, 1);
