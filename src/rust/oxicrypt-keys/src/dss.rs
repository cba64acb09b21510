//! The DER signature value of DSA and ECDSA (RFC 3279, section 2.2.2):
//! `Dss-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }`.

use crate::error::KeyError;

#[derive(asn1::Asn1Read, asn1::Asn1Write)]
struct DssSignature<'a> {
    r: asn1::BigUint<'a>,
    s: asn1::BigUint<'a>,
}

/// `r` and `s` as DER INTEGER contents: big-endian, minimal, with a leading zero byte
/// where the top bit is set. Negative values are refused by the parser.
pub fn parse(der: &[u8]) -> Result<(Vec<u8>, Vec<u8>), KeyError> {
    let sig = asn1::parse_single::<DssSignature<'_>>(der)
        .map_err(|e| KeyError::malformed(format!("DSS signature: {e}")))?;
    Ok((sig.r.as_bytes().to_vec(), sig.s.as_bytes().to_vec()))
}

/// Writes a signature from `r` and `s` given as DER INTEGER contents (see [`parse`]).
pub fn write(r: &[u8], s: &[u8]) -> Result<Vec<u8>, KeyError> {
    let not_integer = || KeyError::malformed("r and s must be minimal non-negative integers");
    let sig = DssSignature {
        r: asn1::BigUint::new(r).ok_or_else(not_integer)?,
        s: asn1::BigUint::new(s).ok_or_else(not_integer)?,
    };
    asn1::write_single(&sig).map_err(|e| KeyError::malformed(format!("DSS signature: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let der = write(&[1], &[0, 0x80]).unwrap();
        assert_eq!(hex::encode(&der), "300702010102020080");
        assert_eq!(parse(&der).unwrap(), (vec![1], vec![0, 0x80]));
    }

    #[test]
    fn rejects_negative_non_minimal_and_trailing() {
        assert!(parse(&hex::decode("30060201ff020102").unwrap()).is_err());
        // r = 1 encoded with a needless leading zero byte.
        assert!(parse(&hex::decode("300702020001020102").unwrap()).is_err());
        assert!(parse(&hex::decode("300602010102010200").unwrap()).is_err());
        assert!(write(&[0x80], &[1]).is_err());
        assert!(write(&[0, 1], &[1]).is_err());
    }
}
