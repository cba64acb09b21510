//! Elliptic-curve keys on named curves: SEC 1 ECPrivateKey (RFC 5915), the
//! id-ecPublicKey SubjectPublicKeyInfo (RFC 5480) and its PKCS#8 form.

use crate::error::KeyError;

/// ECParameters ::= CHOICE { namedCurve OID, implicitCurve NULL, specifiedCurve ... }:
/// only named curves are accepted; explicit parameters are refused as unsupported, as in
/// the reference.
pub fn curve_from_params(
    params: Option<asn1::Tlv<'_>>,
) -> Result<asn1::ObjectIdentifier, KeyError> {
    let Some(params) = params else {
        return Err(KeyError::malformed("EC key without curve parameters"));
    };
    match params.parse::<asn1::ObjectIdentifier>() {
        Ok(oid) => Ok(oid),
        Err(_) if params.tag() == <asn1::Sequence<'_> as asn1::SimpleAsn1Readable<'_>>::TAG => Err(
            KeyError::UnsupportedAlgorithm("EC keys with explicit curve parameters".to_owned()),
        ),
        Err(e) => Err(KeyError::malformed(format!("EC parameters: {e}"))),
    }
}

/// ECPrivateKey ::= SEQUENCE { version INTEGER { ecPrivkeyVer1(1) }, privateKey OCTET
///     STRING, parameters [0] ECParameters OPTIONAL, publicKey [1] BIT STRING OPTIONAL }
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
struct EcPrivateKeyAsn1<'a> {
    version: u8,
    private_key: &'a [u8],
    #[explicit(0)]
    parameters: Option<asn1::Tlv<'a>>,
    #[explicit(1)]
    public_key: Option<asn1::BitString<'a>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EcPublic {
    pub curve: asn1::ObjectIdentifier,
    /// The X9.62 encoded point (compressed or uncompressed), as found.
    pub point: Vec<u8>,
}

#[derive(Clone, PartialEq, Eq)]
pub struct EcPrivate {
    pub curve: asn1::ObjectIdentifier,
    /// The private scalar, big-endian, as stored (fixed to the curve's byte length).
    pub scalar: Vec<u8>,
    /// The public point when the container has one.
    pub point: Option<Vec<u8>>,
}

impl std::fmt::Debug for EcPrivate {
    // Never print private key material.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EcPrivate {{ curve: {}, .. }}", self.curve)
    }
}

/// Reads a SEC 1 ECPrivateKey. `outer_curve` is the curve named by an enclosing PKCS#8
/// AlgorithmIdentifier, if any; the inner parameters, when present, must agree with it.
pub fn parse_private(
    der: &[u8],
    outer_curve: Option<&asn1::ObjectIdentifier>,
) -> Result<EcPrivate, KeyError> {
    let key = asn1::parse_single::<EcPrivateKeyAsn1<'_>>(der)
        .map_err(|e| KeyError::malformed(format!("SEC 1 ECPrivateKey: {e}")))?;
    if key.version != 1 {
        return Err(KeyError::malformed(format!(
            "SEC 1 ECPrivateKey version {} (must be 1)",
            key.version
        )));
    }
    let curve = match (key.parameters, outer_curve) {
        (Some(params), outer) => {
            let inner = curve_from_params(Some(params))?;
            if let Some(outer) = outer {
                if *outer != inner {
                    return Err(KeyError::malformed(
                        "the curve in ECPrivateKey differs from the PKCS#8 algorithm's",
                    ));
                }
            }
            inner
        }
        (None, Some(outer)) => outer.clone(),
        (None, None) => return Err(KeyError::malformed("ECPrivateKey names no curve")),
    };
    let point = match key.public_key {
        Some(bits) if bits.padding_bits() != 0 => {
            return Err(KeyError::malformed(
                "EC public key BIT STRING has unused bits",
            ))
        }
        Some(bits) => Some(bits.as_bytes().to_vec()),
        None => None,
    };
    Ok(EcPrivate {
        curve,
        scalar: key.private_key.to_vec(),
        point,
    })
}

/// Writes a SEC 1 ECPrivateKey; `with_curve` puts the curve OID in `parameters` (the
/// traditional form does, inside PKCS#8 it is in the AlgorithmIdentifier already).
pub fn write_private(key: &EcPrivate, with_curve: bool) -> Result<Vec<u8>, KeyError> {
    let curve_der = asn1::write_single(&key.curve)
        .map_err(|e| KeyError::malformed(format!("curve OID: {e}")))?;
    let params = if with_curve {
        Some(
            asn1::parse_single::<asn1::Tlv<'_>>(&curve_der)
                .map_err(|e| KeyError::malformed(format!("curve OID: {e}")))?,
        )
    } else {
        None
    };
    let public_key = match &key.point {
        Some(point) => {
            Some(asn1::BitString::new(point, 0).ok_or_else(|| KeyError::malformed("EC point"))?)
        }
        None => None,
    };
    let asn = EcPrivateKeyAsn1 {
        version: 1,
        private_key: &key.scalar,
        parameters: params,
        public_key,
    };
    asn1::write_single(&asn).map_err(|e| KeyError::malformed(format!("ECPrivateKey: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const P256: asn1::ObjectIdentifier = asn1::oid!(1, 2, 840, 10045, 3, 1, 7);

    #[test]
    fn round_trip_with_and_without_curve() {
        let key = EcPrivate {
            curve: P256,
            scalar: vec![7; 32],
            point: Some(vec![4; 65]),
        };
        let traditional = write_private(&key, true).unwrap();
        assert_eq!(parse_private(&traditional, None).unwrap(), key);
        let inner = write_private(&key, false).unwrap();
        assert!(parse_private(&inner, None).is_err());
        assert_eq!(parse_private(&inner, Some(&P256)).unwrap(), key);
        let other = asn1::oid!(1, 3, 132, 0, 34);
        assert!(parse_private(&traditional, Some(&other)).is_err());
        for cut in 0..traditional.len() {
            assert!(parse_private(&traditional[..cut], None).is_err());
        }
        assert!(!format!("{key:?}").contains("07"));
    }

    #[test]
    fn explicit_parameters_are_unsupported() {
        let seq =
            asn1::write_single(&asn1::SequenceWriter::new(&|w| w.write_element(&1u8))).unwrap();
        let tlv = asn1::parse_single::<asn1::Tlv<'_>>(&seq).unwrap();
        assert!(matches!(
            curve_from_params(Some(tlv)),
            Err(KeyError::UnsupportedAlgorithm(_))
        ));
    }
}
