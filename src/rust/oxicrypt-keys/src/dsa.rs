//! DSA keys: Dss-Parms and the DSA SubjectPublicKeyInfo/PKCS#8 forms (RFC 3279 §2.3.2),
//! and OpenSSL's traditional DSAPrivateKey.

use crate::error::KeyError;
use crate::rsa::{der_uint, magnitude};

/// Dss-Parms ::= SEQUENCE { p INTEGER, q INTEGER, g INTEGER }
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
struct DssParmsAsn1<'a> {
    p: asn1::BigUint<'a>,
    q: asn1::BigUint<'a>,
    g: asn1::BigUint<'a>,
}

/// OpenSSL's "DSA PRIVATE KEY": SEQUENCE { version 0, p, q, g, y, x }
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
struct DsaPrivateKeyAsn1<'a> {
    version: u8,
    p: asn1::BigUint<'a>,
    q: asn1::BigUint<'a>,
    g: asn1::BigUint<'a>,
    y: asn1::BigUint<'a>,
    x: asn1::BigUint<'a>,
}

/// Domain parameters, as big-endian magnitudes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DsaParams {
    pub p: Vec<u8>,
    pub q: Vec<u8>,
    pub g: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DsaPublic {
    pub params: DsaParams,
    pub y: Vec<u8>,
}

#[derive(Clone, PartialEq, Eq)]
pub struct DsaPrivate {
    pub params: DsaParams,
    /// The public value when the container has it (PKCS#8 does not; derive it as g^x mod p).
    pub y: Option<Vec<u8>>,
    pub x: Vec<u8>,
}

impl std::fmt::Debug for DsaPrivate {
    // Never print private key material.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DsaPrivate {{ {} bit p, .. }}", self.params.p.len() * 8)
    }
}

fn biguint(contents: &[u8]) -> Result<asn1::BigUint<'_>, KeyError> {
    asn1::BigUint::new(contents).ok_or_else(|| KeyError::malformed("DSA integer encoding"))
}

pub fn parse_params(der: &[u8]) -> Result<DsaParams, KeyError> {
    let p = asn1::parse_single::<DssParmsAsn1<'_>>(der)
        .map_err(|e| KeyError::malformed(format!("Dss-Parms: {e}")))?;
    Ok(DsaParams {
        p: magnitude(p.p),
        q: magnitude(p.q),
        g: magnitude(p.g),
    })
}

pub fn write_params(params: &DsaParams) -> Result<Vec<u8>, KeyError> {
    let (p, q, g) = (
        der_uint(&params.p),
        der_uint(&params.q),
        der_uint(&params.g),
    );
    let asn = DssParmsAsn1 {
        p: biguint(&p)?,
        q: biguint(&q)?,
        g: biguint(&g)?,
    };
    asn1::write_single(&asn).map_err(|e| KeyError::malformed(format!("Dss-Parms: {e}")))
}

/// The INTEGER inside a DSA subjectPublicKey BIT STRING or PKCS#8 privateKey OCTET STRING.
pub fn parse_integer(der: &[u8], what: &str) -> Result<Vec<u8>, KeyError> {
    let v = asn1::parse_single::<asn1::BigUint<'_>>(der)
        .map_err(|e| KeyError::malformed(format!("{what}: {e}")))?;
    Ok(magnitude(v))
}

pub fn write_integer(magnitude: &[u8]) -> Result<Vec<u8>, KeyError> {
    let contents = der_uint(magnitude);
    asn1::write_single(&biguint(&contents)?)
        .map_err(|e| KeyError::malformed(format!("INTEGER: {e}")))
}

pub fn parse_traditional(der: &[u8]) -> Result<DsaPrivate, KeyError> {
    let k = asn1::parse_single::<DsaPrivateKeyAsn1<'_>>(der)
        .map_err(|e| KeyError::malformed(format!("DSAPrivateKey: {e}")))?;
    if k.version != 0 {
        return Err(KeyError::malformed("DSAPrivateKey version must be 0"));
    }
    Ok(DsaPrivate {
        params: DsaParams {
            p: magnitude(k.p),
            q: magnitude(k.q),
            g: magnitude(k.g),
        },
        y: Some(magnitude(k.y)),
        x: magnitude(k.x),
    })
}

pub fn write_traditional(params: &DsaParams, y: &[u8], x: &[u8]) -> Result<Vec<u8>, KeyError> {
    let parts = [&params.p, &params.q, &params.g, &y.to_vec(), &x.to_vec()].map(|m| der_uint(m));
    let [p, q, g, y, x] = &parts;
    let asn = DsaPrivateKeyAsn1 {
        version: 0,
        p: biguint(p)?,
        q: biguint(q)?,
        g: biguint(g)?,
        y: biguint(y)?,
        x: biguint(x)?,
    };
    asn1::write_single(&asn).map_err(|e| KeyError::malformed(format!("DSAPrivateKey: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejections() {
        let params = DsaParams {
            p: vec![0x97],
            q: vec![0x0b],
            g: vec![0x05],
        };
        let der = write_params(&params).unwrap();
        assert_eq!(parse_params(&der).unwrap(), params);
        let trad = write_traditional(&params, &[0x83], &[3]).unwrap();
        let key = parse_traditional(&trad).unwrap();
        assert_eq!(key.params, params);
        assert_eq!(key.y.as_deref(), Some(&[0x83u8][..]));
        assert_eq!(
            parse_integer(&write_integer(&[0x80]).unwrap(), "y").unwrap(),
            vec![0x80]
        );
        for cut in 0..trad.len() {
            assert!(parse_traditional(&trad[..cut]).is_err());
        }
        assert!(!format!("{key:?}").contains("03"));
    }
}
