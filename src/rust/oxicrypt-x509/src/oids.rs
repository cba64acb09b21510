//! Object identifiers the parser itself needs to recognise.

use asn1::{oid, ObjectIdentifier};

// Extensions (RFC 5280, section 4.2, and friends).
pub const SUBJECT_DIRECTORY_ATTRIBUTES: ObjectIdentifier = oid!(2, 5, 29, 9);
pub const SUBJECT_KEY_IDENTIFIER: ObjectIdentifier = oid!(2, 5, 29, 14);
pub const KEY_USAGE: ObjectIdentifier = oid!(2, 5, 29, 15);
pub const PRIVATE_KEY_USAGE_PERIOD: ObjectIdentifier = oid!(2, 5, 29, 16);
pub const SUBJECT_ALTERNATIVE_NAME: ObjectIdentifier = oid!(2, 5, 29, 17);
pub const ISSUER_ALTERNATIVE_NAME: ObjectIdentifier = oid!(2, 5, 29, 18);
pub const BASIC_CONSTRAINTS: ObjectIdentifier = oid!(2, 5, 29, 19);
pub const CRL_NUMBER: ObjectIdentifier = oid!(2, 5, 29, 20);
pub const CRL_REASON: ObjectIdentifier = oid!(2, 5, 29, 21);
pub const INVALIDITY_DATE: ObjectIdentifier = oid!(2, 5, 29, 24);
pub const DELTA_CRL_INDICATOR: ObjectIdentifier = oid!(2, 5, 29, 27);
pub const ISSUING_DISTRIBUTION_POINT: ObjectIdentifier = oid!(2, 5, 29, 28);
pub const CERTIFICATE_ISSUER: ObjectIdentifier = oid!(2, 5, 29, 29);
pub const NAME_CONSTRAINTS: ObjectIdentifier = oid!(2, 5, 29, 30);
pub const CRL_DISTRIBUTION_POINTS: ObjectIdentifier = oid!(2, 5, 29, 31);
pub const CERTIFICATE_POLICIES: ObjectIdentifier = oid!(2, 5, 29, 32);
pub const POLICY_MAPPINGS: ObjectIdentifier = oid!(2, 5, 29, 33);
pub const AUTHORITY_KEY_IDENTIFIER: ObjectIdentifier = oid!(2, 5, 29, 35);
pub const POLICY_CONSTRAINTS: ObjectIdentifier = oid!(2, 5, 29, 36);
pub const EXTENDED_KEY_USAGE: ObjectIdentifier = oid!(2, 5, 29, 37);
pub const FRESHEST_CRL: ObjectIdentifier = oid!(2, 5, 29, 46);
pub const INHIBIT_ANY_POLICY: ObjectIdentifier = oid!(2, 5, 29, 54);
pub const AUTHORITY_INFORMATION_ACCESS: ObjectIdentifier = oid!(1, 3, 6, 1, 5, 5, 7, 1, 1);
pub const SUBJECT_INFORMATION_ACCESS: ObjectIdentifier = oid!(1, 3, 6, 1, 5, 5, 7, 1, 11);
pub const TLS_FEATURE: ObjectIdentifier = oid!(1, 3, 6, 1, 5, 5, 7, 1, 24);
pub const OCSP_NO_CHECK: ObjectIdentifier = oid!(1, 3, 6, 1, 5, 5, 7, 48, 1, 5);
pub const OCSP_NONCE: ObjectIdentifier = oid!(1, 3, 6, 1, 5, 5, 7, 48, 1, 2);
pub const OCSP_ACCEPTABLE_RESPONSES: ObjectIdentifier = oid!(1, 3, 6, 1, 5, 5, 7, 48, 1, 4);
pub const PRECERT_SIGNED_CERTIFICATE_TIMESTAMPS: ObjectIdentifier =
    oid!(1, 3, 6, 1, 4, 1, 11129, 2, 4, 2);
pub const PRECERT_POISON: ObjectIdentifier = oid!(1, 3, 6, 1, 4, 1, 11129, 2, 4, 3);
pub const SIGNED_CERTIFICATE_TIMESTAMPS: ObjectIdentifier = oid!(1, 3, 6, 1, 4, 1, 11129, 2, 4, 5);
pub const MS_CERTIFICATE_TEMPLATE: ObjectIdentifier = oid!(1, 3, 6, 1, 4, 1, 311, 21, 7);
pub const ADMISSIONS: ObjectIdentifier = oid!(1, 3, 36, 8, 3, 3);

// CSR attributes (PKCS#9).
pub const CHALLENGE_PASSWORD: ObjectIdentifier = oid!(1, 2, 840, 113549, 1, 9, 7);
pub const EXTENSION_REQUEST: ObjectIdentifier = oid!(1, 2, 840, 113549, 1, 9, 14);
pub const MS_EXTENSION_REQUEST: ObjectIdentifier = oid!(1, 3, 6, 1, 4, 1, 311, 2, 1, 14);

// Signature algorithms with parameters worth decoding.
pub const RSASSA_PSS: ObjectIdentifier = oid!(1, 2, 840, 113549, 1, 1, 10);
