//! Signed certificate timestamps (RFC 6962, section 3.2), carried TLS-encoded inside an
//! OCTET STRING in the SCT list extensions.

use crate::error::X509Error;

pub struct Sct<'a> {
    pub version: u8,
    pub log_id: &'a [u8],
    /// Milliseconds since the Unix epoch.
    pub timestamp: u64,
    pub extensions: &'a [u8],
    pub hash_algorithm: u8,
    pub signature_algorithm: u8,
    pub signature: &'a [u8],
}

impl Sct<'_> {
    /// The TLS encoding of this SCT (RFC 6962, section 3.2), as found in a list.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = vec![self.version];
        out.extend_from_slice(self.log_id);
        out.extend_from_slice(&self.timestamp.to_be_bytes());
        push_vector16(&mut out, self.extensions);
        out.push(self.hash_algorithm);
        out.push(self.signature_algorithm);
        push_vector16(&mut out, self.signature);
        out
    }
}

/// A TLS `opaque<0..2^16-1>`: two length bytes, then the data (cut at 65535 bytes, which
/// no SCT field comes near).
fn push_vector16(out: &mut Vec<u8>, data: &[u8]) {
    let len = data.len().min(0xffff);
    out.extend_from_slice(&(len as u16).to_be_bytes());
    out.extend_from_slice(data.get(..len).unwrap_or_default());
}

/// A `SignedCertificateTimestampList` of already-encoded SCTs.
pub fn encode_list(scts: &[Vec<u8>]) -> Vec<u8> {
    let mut list = Vec::new();
    for sct in scts {
        push_vector16(&mut list, sct);
    }
    let mut out = Vec::new();
    push_vector16(&mut out, &list);
    out
}

/// Reads TLS-encoded fields front to back; every read checks the remaining length.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Result<&'a [u8], X509Error> {
        if self.0.len() < n {
            return Err(X509Error::new(
                "SignedCertificateTimestamps",
                "truncated SCT data",
            ));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn u8(&mut self) -> Result<u8, X509Error> {
        Ok(self.bytes(1)?.first().copied().unwrap_or(0))
    }

    fn u16(&mut self) -> Result<usize, X509Error> {
        let b = self.bytes(2)?;
        Ok(b.iter().fold(0usize, |acc, x| acc << 8 | usize::from(*x)))
    }

    fn u64(&mut self) -> Result<u64, X509Error> {
        let b = self.bytes(8)?;
        Ok(b.iter().fold(0u64, |acc, x| acc << 8 | u64::from(*x)))
    }

    fn vector16(&mut self) -> Result<&'a [u8], X509Error> {
        let n = self.u16()?;
        self.bytes(n)
    }
}

/// The SCTs of a `SignedCertificateTimestampList`.
pub fn parse_list(data: &[u8]) -> Result<Vec<Sct<'_>>, X509Error> {
    let mut outer = Reader(data);
    let list = outer.vector16()?;
    if !outer.0.is_empty() {
        return Err(X509Error::new(
            "SignedCertificateTimestamps",
            "trailing data after the SCT list",
        ));
    }
    let mut list = Reader(list);
    let mut out = Vec::new();
    while !list.0.is_empty() {
        let mut sct = Reader(list.vector16()?);
        let version = sct.u8()?;
        if version != 0 {
            return Err(X509Error::new(
                "SignedCertificateTimestamps",
                format!("invalid SCT version {version}"),
            ));
        }
        let parsed = Sct {
            version,
            log_id: sct.bytes(32)?,
            timestamp: sct.u64()?,
            extensions: sct.vector16()?,
            hash_algorithm: sct.u8()?,
            signature_algorithm: sct.u8()?,
            signature: sct.vector16()?,
        };
        if !sct.0.is_empty() {
            return Err(X509Error::new(
                "SignedCertificateTimestamps",
                "trailing data in an SCT",
            ));
        }
        out.push(parsed);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_truncation_and_trailing_data() {
        assert!(parse_list(&[]).is_err());
        assert!(parse_list(&[0, 5, 0]).is_err());
        assert!(parse_list(&[0, 0, 1]).is_err());
        assert_eq!(parse_list(&[0, 0]).map(|v| v.len()), Ok(0));
    }
}
