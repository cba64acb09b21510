//! KBKDF in counter mode (NIST SP 800-108r1 section 4.1), with HMAC or CMAC as the PRF.
//!
//! Block i is PRF(K_in, input_i), where input_i places the counter i (`rlen` bytes,
//! big-endian, from 1) before the fixed input data, after it, or inside it at a break
//! offset. The fixed input data is given whole, or built as Label || 0x00 || Context || L
//! with L the output length in bits on `llen` bytes.

use openssl::error::ErrorStack;

use crate::hmac::{Hmac, MAX_MD_SIZE};
use crate::mac::Mac;

use super::{KdfError, Zeroizing};

/// Where the counter goes relative to the fixed input data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CounterLocation {
    BeforeFixed,
    AfterFixed,
    /// Inside the fixed data, after this many of its bytes.
    MiddleFixed(usize),
}

/// A keyed PRF whose state can be copied: each block starts from the keyed state.
pub trait Prf {
    fn fork(&self) -> Result<Self, ErrorStack>
    where
        Self: Sized;
    fn absorb(&mut self, data: &[u8]) -> Result<(), ErrorStack>;
    fn output(&mut self) -> Result<Zeroizing, ErrorStack>;
}

impl Prf for Hmac {
    fn fork(&self) -> Result<Self, ErrorStack> {
        self.try_clone()
    }
    fn absorb(&mut self, data: &[u8]) -> Result<(), ErrorStack> {
        self.update(data)
    }
    fn output(&mut self) -> Result<Zeroizing, ErrorStack> {
        let mut out = [0u8; MAX_MD_SIZE];
        let n = self.finish(&mut out)?;
        let k = Zeroizing(out.get(..n).unwrap_or(&out).to_vec());
        out.fill(0);
        Ok(k)
    }
}

impl Prf for Mac {
    fn fork(&self) -> Result<Self, ErrorStack> {
        self.try_clone()
    }
    fn absorb(&mut self, data: &[u8]) -> Result<(), ErrorStack> {
        self.update(data)
    }
    fn output(&mut self) -> Result<Zeroizing, ErrorStack> {
        Ok(Zeroizing(self.finish()?))
    }
}

/// The number of PRF blocks for `length` bytes, if the counter of `rlen` bytes can
/// count that far (its largest value is 2^(8 rlen) - 1).
pub fn rounds(length: u64, prf_len: usize, rlen: usize) -> Option<u64> {
    let prf_len = u64::try_from(prf_len).ok().filter(|&n| n > 0)?;
    let rounds = length.div_ceil(prf_len);
    let max = 1u64
        .checked_shl(u32::try_from(8 * rlen).ok()?)?
        .checked_sub(1)?;
    (rounds <= max).then_some(rounds)
}

/// Label || 0x00 || Context || L, with L the big-endian bit length of the output on
/// `llen` bytes; `None` if L does not fit in `llen` bytes.
pub fn fixed_input(label: &[u8], context: &[u8], length: u64, llen: usize) -> Option<Vec<u8>> {
    let bits = length.checked_mul(8)?;
    let bytes = bits.to_be_bytes();
    let (high, low) = bytes.split_at(bytes.len().saturating_sub(llen));
    if high.iter().any(|&b| b != 0) {
        return None;
    }
    let mut fixed = Vec::with_capacity(label.len() + context.len() + 1 + llen);
    fixed.extend_from_slice(label);
    fixed.push(0);
    fixed.extend_from_slice(context);
    // Bytes beyond eight are leading zeros.
    fixed.resize(fixed.len() + llen.saturating_sub(low.len()), 0);
    fixed.extend_from_slice(low);
    Some(fixed)
}

/// Fills `out` with the KBKDF output for the keyed PRF `prf`.
pub fn derive<P: Prf>(
    prf: &P,
    rlen: usize,
    location: CounterLocation,
    fixed: &[u8],
    out: &mut [u8],
) -> Result<(), KdfError> {
    let (before, after) = match location {
        CounterLocation::BeforeFixed => (&[][..], fixed),
        CounterLocation::AfterFixed => (fixed, &[][..]),
        CounterLocation::MiddleFixed(at) => fixed
            .split_at_checked(at)
            .ok_or(KdfError::TooLarge("break_location"))?,
    };
    let mut written = 0;
    let mut counter: u64 = 1;
    while written < out.len() {
        let bytes = counter.to_be_bytes();
        let counter_bytes = bytes
            .get(bytes.len().saturating_sub(rlen)..)
            .ok_or(KdfError::TooLarge("rlen"))?;
        let mut ctx = prf.fork()?;
        ctx.absorb(before)?;
        ctx.absorb(counter_bytes)?;
        ctx.absorb(after)?;
        let block = ctx.output()?;
        let rest = out.get_mut(written..).unwrap_or_default();
        let n = rest.len().min(block.0.len());
        if n == 0 {
            return Err(KdfError::TooLarge("PRF output"));
        }
        if let (Some(dst), Some(src)) = (rest.get_mut(..n), block.0.get(..n)) {
            dst.copy_from_slice(src);
        }
        written += n;
        counter += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{derive, fixed_input, rounds, CounterLocation};
    use crate::digest::HashKind;
    use crate::hmac::Hmac;

    #[test]
    fn nist_kbkdf_counter_hmac_sha256_before_fixed() {
        // KDFCTR_gen.rsp: [PRF=HMAC_SHA256] [CTRLOCATION=BEFORE_FIXED] [RLEN=8_BITS], COUNT=0
        let key = hex::decode("3edc6b5b8f7aadbd713732b482b8f979286e1ea3b8f8f99c30c884cfe3349b83")
            .unwrap();
        let fixed = hex::decode("98e9988bb4cc8b34d7922e1c68ad692ba2a1d9ae15149571675f17a77ad49e80c8d2a85e831a26445b1f0ff44d7084a17206b4896c8112daad18605a").unwrap();
        let prf = Hmac::new(&key, HashKind::Sha256.md().unwrap()).unwrap();
        let mut out = [0u8; 16];
        derive(&prf, 1, CounterLocation::BeforeFixed, &fixed, &mut out).unwrap();
        assert_eq!(hex::encode(out), "6c037652990674a07844732d0ad985f9");
    }

    #[test]
    fn limits() {
        assert_eq!(rounds(32 * 255, 32, 1), Some(255));
        assert_eq!(rounds(32 * 256, 32, 1), None);
        assert_eq!(rounds(0, 32, 1), Some(0));
        assert_eq!(
            fixed_input(b"a", b"b", 31, 1),
            Some(vec![b'a', 0, b'b', 248])
        );
        assert_eq!(fixed_input(b"", b"", 32, 1), None);
        assert_eq!(
            fixed_input(b"", b"", 1, 9),
            Some(vec![0, 0, 0, 0, 0, 0, 0, 0, 0, 8])
        );
    }
}
