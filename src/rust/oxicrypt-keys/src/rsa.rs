//! RSA keys in PKCS#1 (RFC 8017, appendix A.1): RSAPublicKey and RSAPrivateKey.

use crate::error::KeyError;

/// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
struct RsaPublicKeyAsn1<'a> {
    n: asn1::BigUint<'a>,
    e: asn1::BigUint<'a>,
}

/// RSAPrivateKey ::= SEQUENCE { version, modulus, publicExponent, privateExponent,
///     prime1, prime2, exponent1, exponent2, coefficient, otherPrimeInfos OPTIONAL }
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
struct RsaPrivateKeyAsn1<'a> {
    version: u8,
    n: asn1::BigUint<'a>,
    e: asn1::BigUint<'a>,
    d: asn1::BigUint<'a>,
    p: asn1::BigUint<'a>,
    q: asn1::BigUint<'a>,
    dmp1: asn1::BigUint<'a>,
    dmq1: asn1::BigUint<'a>,
    iqmp: asn1::BigUint<'a>,
    other_primes: Option<asn1::Sequence<'a>>,
}

/// The public half: big-endian unsigned magnitudes without leading zero bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RsaPublic {
    pub n: Vec<u8>,
    pub e: Vec<u8>,
}

/// A two-prime RSA private key, integers as big-endian unsigned magnitudes.
#[derive(Clone, PartialEq, Eq)]
pub struct RsaPrivate {
    pub n: Vec<u8>,
    pub e: Vec<u8>,
    pub d: Vec<u8>,
    pub p: Vec<u8>,
    pub q: Vec<u8>,
    pub dmp1: Vec<u8>,
    pub dmq1: Vec<u8>,
    pub iqmp: Vec<u8>,
}

impl std::fmt::Debug for RsaPrivate {
    // Never print private key material.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RsaPrivate {{ {} bit modulus, .. }}", self.n.len() * 8)
    }
}

/// Strips the sign byte DER puts before a magnitude whose top bit is set.
pub(crate) fn magnitude(v: asn1::BigUint<'_>) -> Vec<u8> {
    let bytes = v.as_bytes();
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default().to_vec()
}

/// DER INTEGER contents of a magnitude: minimal, with a sign byte where needed.
pub(crate) fn der_uint(magnitude: &[u8]) -> Vec<u8> {
    let start = magnitude
        .iter()
        .position(|b| *b != 0)
        .unwrap_or(magnitude.len());
    let trimmed = magnitude.get(start..).unwrap_or_default();
    match trimmed.first() {
        None => vec![0],
        Some(top) if top & 0x80 != 0 => [&[0u8][..], trimmed].concat(),
        Some(_) => trimmed.to_vec(),
    }
}

fn biguint(contents: &[u8]) -> Result<asn1::BigUint<'_>, KeyError> {
    asn1::BigUint::new(contents).ok_or_else(|| KeyError::malformed("RSA integer encoding"))
}

pub fn parse_public(der: &[u8]) -> Result<RsaPublic, KeyError> {
    let key = asn1::parse_single::<RsaPublicKeyAsn1<'_>>(der)
        .map_err(|e| KeyError::malformed(format!("PKCS#1 RSAPublicKey: {e}")))?;
    Ok(RsaPublic {
        n: magnitude(key.n),
        e: magnitude(key.e),
    })
}

pub fn parse_private(der: &[u8]) -> Result<RsaPrivate, KeyError> {
    let key = asn1::parse_single::<RsaPrivateKeyAsn1<'_>>(der)
        .map_err(|e| KeyError::malformed(format!("PKCS#1 RSAPrivateKey: {e}")))?;
    if key.other_primes.is_some() {
        // Refused as malformed input (a ValueError), as by the reference.
        return Err(KeyError::malformed(
            "multi-prime RSA keys (PKCS#1 version 1 with otherPrimeInfos) are not supported",
        ));
    }
    if key.version != 0 {
        return Err(KeyError::malformed(format!(
            "PKCS#1 RSAPrivateKey version {} without other primes",
            key.version
        )));
    }
    Ok(RsaPrivate {
        n: magnitude(key.n),
        e: magnitude(key.e),
        d: magnitude(key.d),
        p: magnitude(key.p),
        q: magnitude(key.q),
        dmp1: magnitude(key.dmp1),
        dmq1: magnitude(key.dmq1),
        iqmp: magnitude(key.iqmp),
    })
}

pub fn write_public(key: &RsaPublic) -> Result<Vec<u8>, KeyError> {
    let (n, e) = (der_uint(&key.n), der_uint(&key.e));
    let asn = RsaPublicKeyAsn1 {
        n: biguint(&n)?,
        e: biguint(&e)?,
    };
    asn1::write_single(&asn).map_err(|e| KeyError::malformed(format!("RSAPublicKey: {e}")))
}

pub fn write_private(key: &RsaPrivate) -> Result<Vec<u8>, KeyError> {
    let parts = [
        &key.n, &key.e, &key.d, &key.p, &key.q, &key.dmp1, &key.dmq1, &key.iqmp,
    ]
    .map(|m| der_uint(m));
    let [n, e, d, p, q, dmp1, dmq1, iqmp] = &parts;
    let asn = RsaPrivateKeyAsn1 {
        version: 0,
        n: biguint(n)?,
        e: biguint(e)?,
        d: biguint(d)?,
        p: biguint(p)?,
        q: biguint(q)?,
        dmp1: biguint(dmp1)?,
        dmq1: biguint(dmq1)?,
        iqmp: biguint(iqmp)?,
        other_primes: None,
    };
    asn1::write_single(&asn).map_err(|e| KeyError::malformed(format!("RSAPrivateKey: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_round_trip_and_sign_byte() {
        let key = RsaPublic {
            n: vec![0xc3, 0x01],
            e: vec![1, 0, 1],
        };
        let der = write_public(&key).unwrap();
        assert_eq!(hex::encode(&der), "300a020300c3010203010001");
        assert_eq!(parse_public(&der).unwrap(), key);
    }

    #[test]
    fn private_round_trip_and_rejections() {
        let key = RsaPrivate {
            n: vec![0xbb],
            e: vec![3],
            d: vec![0x07],
            p: vec![0x0b],
            q: vec![0x11],
            dmp1: vec![7],
            dmq1: vec![7],
            iqmp: vec![2],
        };
        let der = write_private(&key).unwrap();
        assert_eq!(parse_private(&der).unwrap(), key);
        let mut v1 = der.clone();
        v1[4] = 1;
        // Version 1 without otherPrimeInfos is malformed (multi-prime keys carry them).
        assert!(matches!(parse_private(&v1), Err(KeyError::Malformed(_))));
        for cut in 0..der.len() {
            assert!(parse_private(&der[..cut]).is_err());
        }
        assert!(format!("{key:?}").contains("bit modulus"));
    }
}
