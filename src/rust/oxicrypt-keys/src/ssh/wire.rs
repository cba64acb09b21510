//! The SSH wire encoding (RFC 4251, section 5): `uint32`, `uint64`, `string` and `mpint`,
//! read from a borrowed buffer and written to a growing one.
//!
//! Every read checks its length against what is left before touching the bytes, so a
//! length field can never cause an out-of-bounds access or an allocation: readers return
//! borrowed slices of the input.

use crate::error::KeyError;

/// Reads SSH wire values from the front of a byte slice.
///
/// Each read names the field it reads (`what`), and errors say which field was truncated
/// or invalid.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    data: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Reader<'a> {
        Reader { data }
    }

    /// The bytes not read yet.
    pub fn remaining(&self) -> &'a [u8] {
        self.data
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// Takes the next `n` raw bytes.
    pub fn read_raw(&mut self, n: usize, what: &str) -> Result<&'a [u8], KeyError> {
        match self.data.split_at_checked(n) {
            Some((head, tail)) => {
                self.data = tail;
                Ok(head)
            }
            None => Err(KeyError::malformed(format!(
                "Invalid data ({what}: truncated, needs {n} bytes, {} remain)",
                self.data.len()
            ))),
        }
    }

    /// `uint32`: four bytes, big-endian.
    pub fn read_u32(&mut self, what: &str) -> Result<u32, KeyError> {
        let bytes = self.read_raw(4, what)?;
        let arr: [u8; 4] = bytes
            .try_into()
            .map_err(|_| KeyError::malformed(format!("Invalid data ({what}: truncated)")))?;
        Ok(u32::from_be_bytes(arr))
    }

    /// `uint64`: eight bytes, big-endian.
    pub fn read_u64(&mut self, what: &str) -> Result<u64, KeyError> {
        let bytes = self.read_raw(8, what)?;
        let arr: [u8; 8] = bytes
            .try_into()
            .map_err(|_| KeyError::malformed(format!("Invalid data ({what}: truncated)")))?;
        Ok(u64::from_be_bytes(arr))
    }

    /// `string`: a `uint32` length, then that many bytes.
    pub fn read_string(&mut self, what: &str) -> Result<&'a [u8], KeyError> {
        let len = self.read_u32(what)?;
        let len = usize::try_from(len).map_err(|_| {
            KeyError::malformed(format!(
                "Invalid data ({what}: length {len} does not fit in memory)"
            ))
        })?;
        if len > self.data.len() {
            return Err(KeyError::malformed(format!(
                "Invalid data ({what}: length {len} exceeds the {} bytes that remain)",
                self.data.len()
            )));
        }
        self.read_raw(len, what)
    }

    /// `mpint` holding a non-negative integer; returns its big-endian magnitude with no
    /// leading zero bytes (zero is the empty slice).
    ///
    /// Negative values (first byte with its top bit set) are rejected: no SSH key field is
    /// negative. Redundant leading zero bytes, which RFC 4251 forbids writers to emit, are
    /// tolerated and stripped, as OpenSSH's reader and the reference implementation do;
    /// [`Writer::put_mpint`] always writes the canonical form.
    pub fn read_mpint(&mut self, what: &str) -> Result<&'a [u8], KeyError> {
        let bytes = self.read_string(what)?;
        if bytes.first().is_some_and(|b| b & 0x80 != 0) {
            return Err(KeyError::malformed(format!(
                "Invalid data ({what}: mpint is negative; a non-negative integer is required)"
            )));
        }
        Ok(strip_leading_zeros(bytes))
    }

    /// Checks that every byte has been read.
    pub fn finish(&self, what: &str) -> Result<(), KeyError> {
        if self.data.is_empty() {
            Ok(())
        } else {
            Err(KeyError::malformed(format!(
                "Corrupt data: unparsed data ({what}: {} bytes of trailing data)",
                self.data.len()
            )))
        }
    }
}

/// `bytes` without its leading zero bytes.
pub fn strip_leading_zeros(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    bytes.get(first..).unwrap_or_default()
}

/// Number of significant bits in a big-endian magnitude.
pub fn bit_length(magnitude: &[u8]) -> usize {
    let m = strip_leading_zeros(magnitude);
    match m.first() {
        None => 0,
        Some(&top) => (m.len() - 1) * 8 + (8 - top.leading_zeros() as usize),
    }
}

/// Builds SSH wire data.
#[derive(Debug, Clone, Default)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }

    pub fn len(&self) -> usize {
        self.buf.len()
    }

    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    pub fn put_raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    pub fn put_u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_be_bytes());
    }

    pub fn put_u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_be_bytes());
    }

    /// `string`. Lengths above `u32::MAX` cannot be expressed; no key field comes close,
    /// and such a string is written with its length saturated (and is then unreadable).
    pub fn put_string(&mut self, bytes: &[u8]) {
        self.put_u32(u32::try_from(bytes.len()).unwrap_or(u32::MAX));
        self.put_raw(bytes);
    }

    /// `mpint` for a non-negative integer given as a big-endian magnitude, in the
    /// canonical form of RFC 4251: no redundant leading zeros, a zero byte in front when
    /// the top bit would otherwise read as a sign, and zero as the empty string.
    pub fn put_mpint(&mut self, magnitude: &[u8]) {
        let m = strip_leading_zeros(magnitude);
        let needs_zero = m.first().is_some_and(|b| b & 0x80 != 0);
        let len = m.len() + usize::from(needs_zero);
        self.put_u32(u32::try_from(len).unwrap_or(u32::MAX));
        if needs_zero {
            self.buf.push(0);
        }
        self.put_raw(m);
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mpint_bytes(m: &[u8]) -> Vec<u8> {
        let mut w = Writer::new();
        w.put_mpint(m);
        w.into_bytes()
    }

    // The examples of RFC 4251, section 5.
    #[test]
    fn mpint_rfc4251_examples() {
        assert_eq!(mpint_bytes(&[]), hex::decode("00000000").unwrap());
        assert_eq!(
            mpint_bytes(&hex::decode("09a378f9b2e332a7").unwrap()),
            hex::decode("0000000809a378f9b2e332a7").unwrap()
        );
        assert_eq!(mpint_bytes(&[0x80]), hex::decode("000000020080").unwrap());
        // Redundant zeros in the input magnitude are not written.
        assert_eq!(
            mpint_bytes(&[0, 0, 0x7f]),
            hex::decode("000000017f").unwrap()
        );
        assert_eq!(mpint_bytes(&[0, 0]), hex::decode("00000000").unwrap());
    }

    #[test]
    fn mpint_reading() {
        let data = hex::decode("000000020080000000017f00000000000000030000ff").unwrap();
        let mut r = Reader::new(&data);
        assert_eq!(r.read_mpint("a").unwrap(), &[0x80]);
        assert_eq!(r.read_mpint("b").unwrap(), &[0x7f]);
        assert_eq!(r.read_mpint("c").unwrap(), &[] as &[u8]);
        assert_eq!(r.read_mpint("d").unwrap(), &[0xff]);
        r.finish("x").unwrap();

        // -1234 in RFC 4251's example: negative, rejected.
        let neg = hex::decode("00000002edcc").unwrap();
        let err = Reader::new(&neg).read_mpint("n").unwrap_err();
        assert!(err.to_string().contains("negative"), "{err}");
    }

    #[test]
    fn lengths_are_checked() {
        let mut r = Reader::new(&[0, 0, 0, 5, 1, 2]);
        let err = r.read_string("name").unwrap_err();
        assert!(err.to_string().contains("name"), "{err}");
        // A length near u32::MAX must fail cleanly, not allocate or overflow.
        let mut r = Reader::new(&[0xff, 0xff, 0xff, 0xff, 1]);
        assert!(r.read_string("big").is_err());
        assert!(Reader::new(&[0, 0, 0]).read_u32("u").is_err());
        assert!(Reader::new(&[0; 7]).read_u64("u").is_err());
        assert!(Reader::new(&[1]).finish("f").is_err());
    }

    #[test]
    fn integers_and_strings_round_trip() {
        let mut w = Writer::new();
        w.put_u32(0xdead_beef);
        w.put_u64(0x0102_0304_0506_0708);
        w.put_string(b"ssh-ed25519");
        let bytes = w.into_bytes();
        let mut r = Reader::new(&bytes);
        assert_eq!(r.read_u32("a").unwrap(), 0xdead_beef);
        assert_eq!(r.read_u64("b").unwrap(), 0x0102_0304_0506_0708);
        assert_eq!(r.read_string("c").unwrap(), b"ssh-ed25519");
        assert!(r.is_empty());
    }

    #[test]
    fn bit_lengths() {
        assert_eq!(bit_length(&[]), 0);
        assert_eq!(bit_length(&[0, 0]), 0);
        assert_eq!(bit_length(&[1]), 1);
        assert_eq!(bit_length(&[0, 0x80, 0]), 16);
    }
}
