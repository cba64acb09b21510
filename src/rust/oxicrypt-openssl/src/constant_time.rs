//! Comparison of secrets whose duration does not depend on where they differ.

/// True when `a` and `b` are equal. The lengths are compared first (they are not secret);
/// the contents are compared with OpenSSL's `CRYPTO_memcmp`, which always reads every byte.
pub fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && openssl::memcmp::eq(a, b)
}

#[cfg(test)]
mod tests {
    use super::bytes_eq;

    #[test]
    fn equal_and_unequal() {
        assert!(bytes_eq(b"", b""));
        assert!(bytes_eq(b"abc", b"abc"));
        assert!(!bytes_eq(b"abc", b"abd"));
        assert!(!bytes_eq(b"abc", b"abcd"));
        assert!(!bytes_eq(b"", b"a"));
    }
}
