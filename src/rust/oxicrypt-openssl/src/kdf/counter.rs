//! The one-step KDFs that hash a 32-bit big-endian counter with the shared secret:
//!
//! - ANSI X9.63 (SEC 1 section 3.6.1): K(i) = Hash(Z || i || SharedInfo).
//! - NIST SP 800-56A rev. 3 / SP 800-56C one-step ("ConcatKDF"):
//!   K(i) = H(i || Z || OtherInfo), with H a hash or HMAC keyed with a salt.
//!
//! i counts from 1, and the output is K(1) || K(2) || ... cut to the length asked for.

use openssl::error::ErrorStack;
use openssl::md::MdRef;

use crate::digest::Digest;
use crate::hmac::{Hmac, MAX_MD_SIZE};

use super::{KdfError, Zeroizing};

/// The largest output, in bytes, of a KDF whose counter is 32 bits: 2^32 - 1 blocks.
pub fn max_length(block_len: usize) -> u64 {
    (block_len as u64).saturating_mul(u64::from(u32::MAX))
}

/// Fills `out` block by block with `block(counter)`.
fn fill(
    out: &mut [u8],
    block_len: usize,
    mut block: impl FnMut(u32) -> Result<Zeroizing, ErrorStack>,
) -> Result<(), KdfError> {
    for (i, chunk) in out.chunks_mut(block_len.max(1)).enumerate() {
        let counter = u32::try_from(i + 1).map_err(|_| KdfError::TooLarge("length"))?;
        let k = block(counter)?;
        let bytes = k.0.get(..chunk.len()).ok_or(KdfError::TooLarge("block"))?;
        chunk.copy_from_slice(bytes);
    }
    Ok(())
}

/// Hashes the parts with `md`; `digest_size` is the output length for an XOF (0 otherwise).
fn hash(md: &'static MdRef, digest_size: usize, parts: &[&[u8]]) -> Result<Zeroizing, ErrorStack> {
    let mut d = Digest::new(md)?;
    for part in parts {
        d.update(part)?;
    }
    if digest_size > 0 {
        let mut out = vec![0u8; digest_size];
        d.finish_xof(&mut out)?;
        Ok(Zeroizing(out))
    } else {
        Ok(Zeroizing(d.finish()?.to_vec()))
    }
}

/// ANSI X9.63 KDF. `digest_size` is the output size of the digest (as the Python algorithm
/// object reports it, which for an XOF is the length it was created with).
pub fn x963(
    md: &'static MdRef,
    digest_size: usize,
    xof: bool,
    z: &[u8],
    shared_info: &[u8],
    out: &mut [u8],
) -> Result<(), KdfError> {
    let xof_size = if xof { digest_size } else { 0 };
    fill(out, digest_size, |i| {
        hash(md, xof_size, &[z, &i.to_be_bytes(), shared_info])
    })
}

/// ConcatKDF with a hash.
pub fn concat_hash(
    md: &'static MdRef,
    digest_size: usize,
    xof: bool,
    z: &[u8],
    other_info: &[u8],
    out: &mut [u8],
) -> Result<(), KdfError> {
    let xof_size = if xof { digest_size } else { 0 };
    fill(out, digest_size, |i| {
        hash(md, xof_size, &[&i.to_be_bytes(), z, other_info])
    })
}

/// ConcatKDF with HMAC keyed by `salt`.
pub fn concat_hmac(
    md: &'static MdRef,
    salt: &[u8],
    z: &[u8],
    other_info: &[u8],
    out: &mut [u8],
) -> Result<(), KdfError> {
    let keyed = Hmac::new(salt, md)?;
    fill(out, md.size(), |i| {
        let mut ctx = keyed.try_clone()?;
        ctx.update(&i.to_be_bytes())?;
        ctx.update(z)?;
        ctx.update(other_info)?;
        let mut mac = [0u8; MAX_MD_SIZE];
        let n = ctx.finish(&mut mac)?;
        let k = Zeroizing(mac.get(..n).unwrap_or(&mac).to_vec());
        mac.fill(0);
        Ok(k)
    })
}

#[cfg(test)]
mod tests {
    use crate::digest::HashKind;

    #[test]
    fn x963_sha256_from_nist_cavs() {
        // ansx963_2001.rsp, SHA-256, shared secret length 192, SharedInfo length 0, COUNT = 0.
        let z = hex::decode("96c05619d56c328ab95fe84b18264b08725b85e33fd34f08").unwrap();
        let mut out = [0u8; 16];
        super::x963(HashKind::Sha256.md().unwrap(), 32, false, &z, b"", &mut out).unwrap();
        assert_eq!(hex::encode(out), "443024c3dae66b95e6f5670601558f71");
    }

    #[test]
    fn concat_hash_and_hmac_differ_only_in_the_prf() {
        let md = HashKind::Sha256.md().unwrap();
        let mut a = [0u8; 40];
        let mut b = [0u8; 40];
        super::concat_hash(md, 32, false, b"z", b"info", &mut a).unwrap();
        super::concat_hmac(md, &[0u8; 64], b"z", b"info", &mut b).unwrap();
        assert_ne!(a, b);
        assert_eq!(super::max_length(32), 32 * u64::from(u32::MAX));
    }
}
