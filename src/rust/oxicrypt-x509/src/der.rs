//! Small DER writing helpers for the few structures oxicrypt re-encodes by hand.

/// DER tag-length-value with a definite length in the shortest form.
pub fn tlv(tag: &[u8], content: &[u8]) -> Vec<u8> {
    let mut out = tag.to_vec();
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        let significant = bytes.get(skip..).unwrap_or_default();
        out.push(0x80 | significant.len() as u8);
        out.extend_from_slice(significant);
    }
    out.extend_from_slice(content);
    out
}

/// A SEQUENCE of already-encoded elements.
pub fn seq(parts: &[Vec<u8>]) -> Vec<u8> {
    tlv(&[0x30], &parts.concat())
}

/// A SET OF already-encoded elements, sorted by their encodings as DER requires.
pub fn set_of(mut parts: Vec<Vec<u8>>) -> Vec<u8> {
    parts.sort();
    tlv(&[0x31], &parts.concat())
}

/// `der` (one element with a one-byte tag) re-tagged `[number] IMPLICIT`, keeping its
/// constructed bit.
pub fn implicit(number: u8, der: &[u8]) -> Vec<u8> {
    let mut out = der.to_vec();
    if let Some(tag) = out.first_mut() {
        *tag = 0x80 | (*tag & 0x20) | (number & 0x1f);
    }
    out
}

/// `der` wrapped in `[number] EXPLICIT`.
pub fn explicit(number: u8, der: &[u8]) -> Vec<u8> {
    tlv(&[0xa0 | (number & 0x1f)], der)
}

pub fn boolean(value: bool) -> Vec<u8> {
    vec![0x01, 0x01, if value { 0xff } else { 0x00 }]
}

pub fn null() -> Vec<u8> {
    vec![0x05, 0x00]
}

pub fn octet_string(content: &[u8]) -> Vec<u8> {
    tlv(&[0x04], content)
}

/// A string type (universal `tag`) holding `text`'s UTF-8 bytes.
pub fn string(tag: u8, text: &str) -> Vec<u8> {
    tlv(&[tag], text.as_bytes())
}

/// INTEGER from big-endian two's complement bytes of any length: the content is
/// shortened to the minimal form DER requires.
pub fn integer(twos_complement: &[u8]) -> Vec<u8> {
    let mut content = twos_complement;
    while let [first, second, ..] = content {
        let redundant =
            (*first == 0x00 && *second & 0x80 == 0) || (*first == 0xff && *second & 0x80 != 0);
        if !redundant {
            break;
        }
        content = content.get(1..).unwrap_or_default();
    }
    if content.is_empty() {
        return vec![0x02, 0x01, 0x00];
    }
    tlv(&[0x02], content)
}

pub fn uint(value: u64) -> Vec<u8> {
    let mut bytes = vec![0u8];
    bytes.extend_from_slice(&value.to_be_bytes());
    integer(&bytes)
}

pub fn enumerated(value: u8) -> Vec<u8> {
    let mut out = integer(&[0, value]);
    if let Some(tag) = out.first_mut() {
        *tag = 0x0a;
    }
    out
}

pub fn oid(oid: &asn1::ObjectIdentifier) -> Vec<u8> {
    // An ObjectIdentifier always encodes; the fallback is never taken.
    asn1::write_single(oid).unwrap_or_default()
}

/// A named-bit BIT STRING (X.680, 22.7): bit `n` is the n-th most significant bit of the
/// content; trailing zero bits are removed, as DER requires, and an empty list encodes as
/// an empty BIT STRING.
pub fn named_bits(bits: &[usize]) -> Vec<u8> {
    let Some(last) = bits.iter().max() else {
        return vec![0x03, 0x01, 0x00];
    };
    let mut content = vec![0u8; last / 8 + 1];
    for bit in bits {
        if let Some(byte) = content.get_mut(bit / 8) {
            *byte |= 0x80 >> (bit % 8);
        }
    }
    let unused = 7 - (last % 8) as u8;
    let mut body = vec![unused];
    body.extend_from_slice(&content);
    tlv(&[0x03], &body)
}

/// GeneralizedTime (RFC 5280 form: seconds, no fraction, "Z").
pub fn generalized_time(dt: asn1::DateTime) -> Result<Vec<u8>, crate::X509Error> {
    let time = asn1::X509GeneralizedTime::new(dt)
        .map_err(|e| crate::X509Error::asn1("GeneralizedTime", e))?;
    asn1::write_single(&time)
        .map_err(|e| crate::X509Error::new("GeneralizedTime", format!("{e:?}")))
}

/// UTCTime for the years 1950 to 2049, GeneralizedTime otherwise (RFC 5280, 4.1.2.5).
pub fn time(dt: asn1::DateTime) -> Result<Vec<u8>, crate::X509Error> {
    if (1950..2050).contains(&dt.year()) {
        let time = asn1::UtcTime::new(dt).map_err(|e| crate::X509Error::asn1("UTCTime", e))?;
        asn1::write_single(&time).map_err(|e| crate::X509Error::new("UTCTime", format!("{e:?}")))
    } else {
        generalized_time(dt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_minimal() {
        assert_eq!(integer(&[0, 0, 0x7f]), vec![2, 1, 0x7f]);
        assert_eq!(integer(&[0, 0x80]), vec![2, 2, 0, 0x80]);
        assert_eq!(integer(&[0xff, 0xff, 0x80]), vec![2, 1, 0x80]);
        assert_eq!(integer(&[0xff, 0x7f]), vec![2, 2, 0xff, 0x7f]);
        assert_eq!(integer(&[]), vec![2, 1, 0]);
        assert_eq!(uint(0), vec![2, 1, 0]);
        assert_eq!(uint(256), vec![2, 2, 1, 0]);
        assert_eq!(enumerated(10), vec![0x0a, 1, 10]);
    }

    #[test]
    fn named_bits_drop_trailing_zeros() {
        assert_eq!(named_bits(&[]), vec![3, 1, 0]);
        assert_eq!(named_bits(&[0]), vec![3, 2, 7, 0x80]);
        assert_eq!(named_bits(&[4, 7, 8]), vec![3, 3, 7, 0x09, 0x80]);
        assert_eq!(named_bits(&[1]), vec![3, 2, 6, 0x40]);
    }

    #[test]
    fn retagging() {
        assert_eq!(implicit(2, &[0x30, 0]), vec![0xa2, 0]);
        assert_eq!(implicit(1, &[0x16, 1, b'a']), vec![0x81, 1, b'a']);
        assert_eq!(explicit(0, &[5, 0]), vec![0xa0, 2, 5, 0]);
        assert_eq!(set_of(vec![vec![2], vec![1]]), vec![0x31, 2, 1, 2]);
    }

    #[test]
    fn long_lengths_are_minimal() {
        let content = vec![0u8; 300];
        let out = tlv(&[0x04], &content);
        assert_eq!(out.get(..4), Some(&[0x04, 0x82, 0x01, 0x2c][..]));
        assert_eq!(tlv(&[0x04], &[1]), vec![0x04, 0x01, 0x01]);
    }
}
