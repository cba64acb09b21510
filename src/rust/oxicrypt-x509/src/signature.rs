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
    /// ML-DSA-44, -65 or -87 (FIPS 204): no hash, no parameters.
    MlDsa,
    /// Algorithms the reference names without a separate hash (GOST, unsigned): no hash,
    /// no parameters object, and nothing oxicrypt can verify with.
    Unhashed,
}

const TABLE: &[(ObjectIdentifier, Scheme)] = &[
    (oid!(1, 2, 840, 113549, 1, 1, 4), Scheme::RsaPkcs1v15("MD5")),
    (
        oid!(1, 2, 840, 113549, 1, 1, 5),
        Scheme::RsaPkcs1v15("SHA1"),
    ),
    (oid!(1, 3, 14, 3, 2, 29), Scheme::RsaPkcs1v15("SHA1")),
    (
        oid!(1, 2, 840, 113549, 1, 1, 14),
        Scheme::RsaPkcs1v15("SHA224"),
    ),
    (
        oid!(1, 2, 840, 113549, 1, 1, 11),
        Scheme::RsaPkcs1v15("SHA256"),
    ),
    (
        oid!(1, 2, 840, 113549, 1, 1, 12),
        Scheme::RsaPkcs1v15("SHA384"),
    ),
    (
        oid!(1, 2, 840, 113549, 1, 1, 13),
        Scheme::RsaPkcs1v15("SHA512"),
    ),
    (
        oid!(2, 16, 840, 1, 101, 3, 4, 3, 13),
        Scheme::RsaPkcs1v15("SHA3_224"),
    ),
    (
        oid!(2, 16, 840, 1, 101, 3, 4, 3, 14),
        Scheme::RsaPkcs1v15("SHA3_256"),
    ),
    (
        oid!(2, 16, 840, 1, 101, 3, 4, 3, 15),
        Scheme::RsaPkcs1v15("SHA3_384"),
    ),
    (
        oid!(2, 16, 840, 1, 101, 3, 4, 3, 16),
        Scheme::RsaPkcs1v15("SHA3_512"),
    ),
    (oid!(1, 2, 840, 113549, 1, 1, 10), Scheme::RsaPss),
    (oid!(1, 2, 840, 10045, 4, 1), Scheme::Ecdsa("SHA1")),
    (oid!(1, 2, 840, 10045, 4, 3, 1), Scheme::Ecdsa("SHA224")),
    (oid!(1, 2, 840, 10045, 4, 3, 2), Scheme::Ecdsa("SHA256")),
    (oid!(1, 2, 840, 10045, 4, 3, 3), Scheme::Ecdsa("SHA384")),
    (oid!(1, 2, 840, 10045, 4, 3, 4), Scheme::Ecdsa("SHA512")),
    (
        oid!(2, 16, 840, 1, 101, 3, 4, 3, 9),
        Scheme::Ecdsa("SHA3_224"),
    ),
    (
        oid!(2, 16, 840, 1, 101, 3, 4, 3, 10),
        Scheme::Ecdsa("SHA3_256"),
    ),
    (
        oid!(2, 16, 840, 1, 101, 3, 4, 3, 11),
        Scheme::Ecdsa("SHA3_384"),
    ),
    (
        oid!(2, 16, 840, 1, 101, 3, 4, 3, 12),
        Scheme::Ecdsa("SHA3_512"),
    ),
    (oid!(1, 2, 840, 10040, 4, 3), Scheme::Dsa("SHA1")),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 1), Scheme::Dsa("SHA224")),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 2), Scheme::Dsa("SHA256")),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 3), Scheme::Dsa("SHA384")),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 4), Scheme::Dsa("SHA512")),
    (oid!(1, 3, 101, 112), Scheme::Ed25519),
    (oid!(1, 3, 101, 113), Scheme::Ed448),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 17), Scheme::MlDsa),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 18), Scheme::MlDsa),
    (oid!(2, 16, 840, 1, 101, 3, 4, 3, 19), Scheme::MlDsa),
    (oid!(1, 2, 643, 2, 2, 3), Scheme::Unhashed),
    (oid!(1, 2, 643, 7, 1, 1, 3, 2), Scheme::Unhashed),
    (oid!(1, 2, 643, 7, 1, 1, 3, 3), Scheme::Unhashed),
    (oid!(1, 3, 6, 1, 5, 5, 7, 6, 36), Scheme::Unhashed),
];

/// RFC 5758 and RFC 8410: ECDSA, DSA and EdDSA signature AlgorithmIdentifiers carry no
/// parameters. Checked when a signed structure is loaded, as the reference does.
pub fn check_parameters(algorithm: &AlgorithmIdentifier<'_>) -> Result<(), X509Error> {
    // Old DSA-with-SHA1 certificates carry a NULL; they are tolerated, as by the reference.
    let null = algorithm
        .params
        .as_ref()
        .is_some_and(|p| p.full_data() == [0x05, 0x00]);
    match scheme(&algorithm.oid) {
        Some(Scheme::Dsa("SHA1")) if null => Ok(()),
        // RFC 4055: NULL (or, as many encoders write, nothing).
        Some(Scheme::RsaPkcs1v15(_)) if algorithm.params.is_some() && !null => Err(X509Error::new(
            "signature algorithm",
            format!("{} parameters must be NULL", algorithm.oid),
        )),
        // Absent parameters load (and fail when read), as in the reference.
        Some(Scheme::RsaPss) if algorithm.params.is_none() => Ok(()),
        Some(Scheme::RsaPss) => read_pss(algorithm).map(|_| ()).map_err(|e| match e {
            PssError::Malformed(e) => e,
            PssError::Unsupported(what) => X509Error::new("RSASSA-PSS parameters", what),
        }),
        Some(Scheme::Ecdsa(_) | Scheme::Dsa(_) | Scheme::Ed25519 | Scheme::Ed448)
            if algorithm.params.is_some() =>
        {
            Err(X509Error::new(
                "signature algorithm",
                format!("{} must not have parameters", algorithm.oid),
            ))
        }
        _ => Ok(()),
    }
}

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

/// Why RSASSA-PSS parameters could not be used.
pub enum PssError {
    Malformed(X509Error),
    /// Well-formed, naming a hash or mask generation function oxicrypt lacks.
    Unsupported(String),
}

/// What RSASSA-PSS parameters say about the padding, with RFC 4055's defaults filled
/// in (the message hash is read separately, by [`pss_hash`]).
pub struct PssParameters {
    pub mgf1_hash: HashName,
    pub salt_length: u16,
}

fn read_pss<'a>(algorithm: &AlgorithmIdentifier<'a>) -> Result<RsaPssParameters<'a>, PssError> {
    let what = "RSASSA-PSS parameters";
    match &algorithm.params {
        Some(tlv) => {
            parse_der::<RsaPssParameters<'_>>(what, tlv.full_data()).map_err(PssError::Malformed)
        }
        None => Err(PssError::Malformed(X509Error::new(what, "missing"))),
    }
}

/// Weak hashes: X.509 signatures made with them (PKCS #1 v1.5, ECDSA, DSA) are not
/// accepted as valid, as in the reference. RSASSA-PSS is not affected: the reference
/// verifies PSS signatures with SHA-1 (the parameters' default).
pub fn uses_weak_hash(algorithm: &AlgorithmIdentifier<'_>) -> bool {
    const WEAK: &[&str] = &["MD5", "SHA1"];
    match scheme(&algorithm.oid) {
        Some(Scheme::RsaPkcs1v15(h) | Scheme::Ecdsa(h) | Scheme::Dsa(h)) => WEAK.contains(h),
        _ => false,
    }
}

/// The message hash of RSASSA-PSS parameters (SHA-1 when absent).
pub fn pss_hash(algorithm: &AlgorithmIdentifier<'_>) -> Result<HashName, PssError> {
    match read_pss(algorithm)?.hash_algorithm {
        Some(h) => hash_for_oid(&h.oid)
            .ok_or_else(|| PssError::Unsupported(format!("unsupported hash {}", h.oid))),
        None => Ok("SHA1"),
    }
}

/// Every RSASSA-PSS parameter; the mask generation function must be MGF1.
pub fn pss_parameters(algorithm: &AlgorithmIdentifier<'_>) -> Result<PssParameters, PssError> {
    let params = read_pss(algorithm)?;
    let mgf1_hash = match &params.mask_gen_algorithm {
        Some(m) if m.oid != MGF1 => {
            return Err(PssError::Malformed(X509Error::new(
                "RSASSA-PSS parameters",
                format!("unsupported mask generation function {}", m.oid),
            )))
        }
        Some(m) => hash_for_oid(&m.params.oid).ok_or_else(|| {
            PssError::Unsupported(format!("unsupported MGF1 hash {}", m.params.oid))
        })?,
        None => "SHA1",
    };
    Ok(PssParameters {
        mgf1_hash,
        salt_length: params.salt_length.unwrap_or(20),
    })
}
