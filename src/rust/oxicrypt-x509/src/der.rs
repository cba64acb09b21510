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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lengths_are_minimal() {
        let content = vec![0u8; 300];
        let out = tlv(&[0x04], &content);
        assert_eq!(out.get(..4), Some(&[0x04, 0x82, 0x01, 0x2c][..]));
        assert_eq!(tlv(&[0x04], &[1]), vec![0x04, 0x01, 0x01]);
    }
}
