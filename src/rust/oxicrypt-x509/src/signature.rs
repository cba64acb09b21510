//! Signature algorithm identifiers of certificates, CSRs and CRLs, and what they mean.

use asn1::{oid, ObjectIdentifier};

use crate::common::{AlgorithmIdentifier, RsaPssParameters};
use crate::error::{parse_der, X509Error};

/// A hash function, by the name of its class in `hashes`.
pub type HashName = &'static str;

pub enum Scheme {
    RsaPkcs1v15(HashName),
    /// RSASSA-PSS: the parameters are read separately, see [`pss_parameters`].
    RsaPss,
    Ecdsa(HashName),
    Dsa(HashName),
    Ed25519,
    Ed448,
}

const TABLE: &[(ObjectIdentifier, Scheme)] = &[
    (oid!(1, 2, 840, 113549, 1, 1, 4), Scheme::RsaPkcs1v15("MD5")),
    (oid!(1, 2, 840, 113549, 1, 1, 5), Scheme::RsaPkcs1v15("SHA1")),
    (oid!(1, 3, 14, 3, 2, 29), Scheme::RsaPkcs1v15("SHA1")),
    (oid!(1, 2, 840, 113549, 1, 1, 14), Scheme::RsaPkcs1v15("SHA224")),
    (oid!(1, 2, 840, 113549, 1, 1, 11), Scheme::RsaPkcs1v15("SHA256")),
    (oid!(1, 2, 840, 113549, 1, 1, 12), Scheme::RsaPkcs1v15("SHA384")),
    (oid!(1, 2, 840, 113549, 1, 1, 13), Scheme::RsaPkcs1v15("SHA512")),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 13), Scheme::RsaPkcs1v15("SHA3_224")),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 14), Scheme::RsaPkcs1v15("SHA3_256")),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 15), Scheme::RsaPkcs1v15("SHA3_384")),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 16), Scheme::RsaPkcs1v15("SHA3_512")),
    (oid!(1, 2, 840, 113549, 1, 1, 10), Scheme::RsaPss),
    (oid!(1, 2, 840, 10045, 4, 1), Scheme::Ecdsa("SHA1")),
    (oid!(1, 2, 840, 10045, 4, 3, 1), Scheme::Ecdsa("SHA224")),
    (oid!(1, 2, 840, 10045, 4, 3, 2), Scheme::Ecdsa("SHA256")),
    (oid!(1, 2, 840, 10045, 4, 3, 3), Scheme::Ecdsa("SHA384")),
    (oid!(1, 2, 840, 10045, 4, 3, 4), Scheme::Ecdsa("SHA512")),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 9), Scheme::Ecdsa("SHA3_224")),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 10), Scheme::Ecdsa("SHA3_256")),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 11), Scheme::Ecdsa("SHA3_384")),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 12), Scheme::Ecdsa("SHA3_512")),
    (oid!(1, 2, 840, 10040, 4, 3), Scheme::Dsa("SHA1")),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 1), Scheme::Dsa("SHA224")),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 2), Scheme::Dsa("SHA256")),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 3), Scheme::Dsa("SHA384")),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 4), Scheme::Dsa("SHA512")),
    (oid!(1, 3, 101, 112), Scheme::Ed25519),
    (oid!(1, 3, 101, 113), Scheme::Ed448),
];

/// The scheme of a signature algorithm OID, if oxicrypt knows it.
pub fn scheme(oid: &ObjectIdentifier) -> Option<&'static Scheme> {
    TABLE.iter().find(|(o, _)| o == oid).map(|(_, s)| s)
}

const HASHES: &[(ObjectIdentifier, HashName)] = &[
    (oid!(1, 3, 14, 3, 2, 26), "SHA1"),
    (oid!(2, 16, 840, 1, 101, 3, 4, 2, 4), "SHA224"),
    (oid!(2, 16, 840, 1, 101, 3, 4, 2, 1), "SHA256"),
    (oid!(2, 16, 840, 1, 101, 3, 4, 2, 2), "SHA384"),
    (oid!(2, 16, 840, 1, 101, 3, 4, 2, 3), "SHA512"),
    (oid!(2, 16, 840, 1, 101, 3, 4, 2, 7), "SHA3_224"),
    (oid!(2, 16, 840, 1, 101, 3, 4, 2, 8), "SHA3_256"),
    (oid!(2, 16, 840, 1, 101, 3, 4, 2, 9), "SHA3_384"),
    (oid!(2, 16, 840, 1, 101, 3, 4, 2, 10), "SHA3_512"),
];

pub fn hash_for_oid(oid: &ObjectIdentifier) -> Option<HashName> {
    HASHES.iter().find(|(o, _)| o == oid).map(|(_, h)| *h)
}

const MGF1: ObjectIdentifier = oid!(1, 2, 840, 113549, 1, 1, 8);

/// What RSASSA-PSS parameters say, with RFC 4055's defaults filled in.
pub struct PssParameters {
    pub hash: HashName,
    pub mgf1_hash: HashName,
    pub salt_length: u16,
}

pub fn pss_parameters(algorithm: &AlgorithmIdentifier<'_>) -> Result<PssParameters, X509Error> {
    let what = "RSASSA-PSS parameters";
    let params = match &algorithm.params {
        Some(tlv) => parse_der::<RsaPssParameters<'_>>(what, tlv.full_data())?,
        None => return Err(X509Error::new(what, "missing")),
    };
    let hash = match &params.hash_algorithm {
        Some(h) => hash_for_oid(&h.oid)
            .ok_or_else(|| X509Error::new(what, format!("unsupported hash {}", h.oid)))?,
        None => "SHA1",
    };
    let mgf1_hash = match &params.mask_gen_algorithm {
        Some(m) if m.oid != MGF1 => {
            return Err(X509Error::new(what, format!("unsupported MGF {}", m.oid)))
        }
        Some(m) => hash_for_oid(&m.params.oid)
            .ok_or_else(|| X509Error::new(what, format!("unsupported MGF1 hash {}", m.params.oid)))?,
        None => "SHA1",
    };
    Ok(PssParameters {
        hash,
        mgf1_hash,
        salt_length: params.salt_length.unwrap_or(20),
    })
}
