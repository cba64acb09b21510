//! Finite-field Diffie-Hellman: PKCS #3 DHParameter, X9.42 DomainParameters (RFC 3279
//! §2.3.3), and the dhKeyAgreement / dhpublicnumber SubjectPublicKeyInfo and PKCS#8 forms.

use crate::error::KeyError;
use crate::rsa::{der_uint, magnitude};

/// DHParameter ::= SEQUENCE { prime INTEGER, base INTEGER, privateValueLength INTEGER
///     OPTIONAL } (PKCS #3)
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
struct DhParameterAsn1<'a> {
    p: asn1::BigUint<'a>,
    g: asn1::BigUint<'a>,
    private_value_length: Option<u64>,
}

/// DomainParameters ::= SEQUENCE { p, g, q, j OPTIONAL, validationParms OPTIONAL }
/// (X9.42, as in RFC 3279)
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
struct DomainParametersAsn1<'a> {
    p: asn1::BigUint<'a>,
    g: asn1::BigUint<'a>,
    q: asn1::BigUint<'a>,
    j: Option<asn1::BigUint<'a>>,
    validation_params: Option<asn1::Sequence<'a>>,
}

/// Group parameters as big-endian magnitudes; `q` is present for X9.42 groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DhParams {
    pub p: Vec<u8>,
    pub g: Vec<u8>,
    pub q: Option<Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DhPublic {
    pub params: DhParams,
    pub y: Vec<u8>,
}

#[derive(Clone, PartialEq, Eq)]
pub struct DhPrivate {
    pub params: DhParams,
    pub x: Vec<u8>,
}

impl std::fmt::Debug for DhPrivate {
    // Never print private key material.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DhPrivate {{ {} bit p, .. }}", self.params.p.len() * 8)
    }
}

fn biguint(contents: &[u8]) -> Result<asn1::BigUint<'_>, KeyError> {
    asn1::BigUint::new(contents).ok_or_else(|| KeyError::malformed("DH integer encoding"))
}

/// PKCS #3 DHParameter ("DH PARAMETERS").
pub fn parse_pkcs3(der: &[u8]) -> Result<DhParams, KeyError> {
    let d = asn1::parse_single::<DhParameterAsn1<'_>>(der)
        .map_err(|e| KeyError::malformed(format!("PKCS #3 DHParameter: {e}")))?;
    Ok(DhParams {
        p: magnitude(d.p),
        g: magnitude(d.g),
        q: None,
    })
}

/// X9.42 DomainParameters ("X9.42 DH PARAMETERS").
pub fn parse_x942(der: &[u8]) -> Result<DhParams, KeyError> {
    let d = asn1::parse_single::<DomainParametersAsn1<'_>>(der)
        .map_err(|e| KeyError::malformed(format!("X9.42 DomainParameters: {e}")))?;
    Ok(DhParams {
        p: magnitude(d.p),
        g: magnitude(d.g),
        q: Some(magnitude(d.q)),
    })
}

/// PKCS #3 form without q, X9.42 form with q.
pub fn write_params(params: &DhParams) -> Result<Vec<u8>, KeyError> {
    let (p, g) = (der_uint(&params.p), der_uint(&params.g));
    let out = match &params.q {
        None => asn1::write_single(&DhParameterAsn1 {
            p: biguint(&p)?,
            g: biguint(&g)?,
            private_value_length: None,
        }),
        Some(q) => {
            let q = der_uint(q);
            asn1::write_single(&DomainParametersAsn1 {
                p: biguint(&p)?,
                g: biguint(&g)?,
                q: biguint(&q)?,
                j: None,
                validation_params: None,
            })
        }
    };
    out.map_err(|e| KeyError::malformed(format!("DH parameters: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_parameter_forms_round_trip() {
        let pkcs3 = DhParams {
            p: vec![0xbb],
            g: vec![2],
            q: None,
        };
        assert_eq!(parse_pkcs3(&write_params(&pkcs3).unwrap()).unwrap(), pkcs3);
        let x942 = DhParams {
            p: vec![0xbb],
            g: vec![2],
            q: vec![0x5d].into(),
        };
        let der = write_params(&x942).unwrap();
        assert_eq!(parse_x942(&der).unwrap(), x942);
        // (The DER alone cannot tell the two forms apart: a small q also reads as PKCS #3's
        // privateValueLength. Callers go by the PEM label or the AlgorithmIdentifier.)
        for cut in 0..der.len() {
            assert!(parse_x942(&der[..cut]).is_err());
        }
    }
}
