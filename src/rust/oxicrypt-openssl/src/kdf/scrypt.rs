//! scrypt (RFC 7914) through OpenSSL.

use openssl::error::ErrorStack;

/// Fills `out` with scrypt of `password` and `salt`. `max_memory` is the most memory (in
/// bytes) OpenSSL may allocate; parameters that need more, or that break RFC 7914's
/// bounds, fail with OpenSSL's error.
pub fn derive(
    password: &[u8],
    salt: &[u8],
    n: u64,
    r: u64,
    p: u64,
    max_memory: u64,
    out: &mut [u8],
) -> Result<(), ErrorStack> {
    openssl::pkcs5::scrypt(password, salt, n, r, p, max_memory, out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn rfc7914_section_12_case_2() {
        let mut out = [0u8; 64];
        super::derive(b"password", b"NaCl", 1024, 8, 16, u64::MAX >> 2, &mut out).unwrap();
        assert!(hex::encode(out).starts_with("fdbabe1c9d3472007856e7190d01e9fe"));
    }
}
