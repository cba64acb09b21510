//! AES key wrap (RFC 3394, NIST SP 800-38F KW) and key wrap with padding (RFC 5649, KWP),
//! written over single AES block operations so that both share one implementation of the
//! wrapping function W and its inverse.

use std::sync::OnceLock;

use openssl::cipher::Cipher;
use openssl::cipher_ctx::CipherCtx;
use openssl::error::ErrorStack;

/// The initial value of RFC 3394 section 2.2.3.1.
const KW_IV: [u8; 8] = [0xa6; 8];
/// The constant half of RFC 5649's alternative initial value.
const KWP_AIV: [u8; 4] = [0xa6, 0x59, 0x59, 0xa6];

/// Why a wrapped key was refused.
#[derive(Debug)]
pub enum UnwrapError {
    /// The integrity check failed: wrong key or damaged data.
    Invalid,
    OpenSsl(ErrorStack),
}

impl From<ErrorStack> for UnwrapError {
    fn from(e: ErrorStack) -> UnwrapError {
        UnwrapError::OpenSsl(e)
    }
}

/// AES-ECB, fetched once per key size.
fn ecb(key_len: usize) -> Result<&'static Cipher, ErrorStack> {
    static CACHE: [OnceLock<Option<Cipher>>; 3] = [const { OnceLock::new() }; 3];
    let (index, name) = match key_len {
        16 => (0, "AES-128-ECB"),
        24 => (1, "AES-192-ECB"),
        _ => (2, "AES-256-ECB"),
    };
    let slot = CACHE.get(index).ok_or_else(ErrorStack::get)?;
    match slot.get_or_init(|| Cipher::fetch(None, name, None).ok()) {
        Some(c) => Ok(c),
        None => Err(Cipher::fetch(None, name, None)
            .err()
            .unwrap_or_else(ErrorStack::get)),
    }
}

/// One AES key, in one direction, for single-block operations.
struct Block {
    ctx: CipherCtx,
    out: [u8; 32],
}

impl Block {
    fn new(key: &[u8], encrypt: bool) -> Result<Block, ErrorStack> {
        let cipher = ecb(key.len())?;
        let mut ctx = CipherCtx::new()?;
        if encrypt {
            ctx.encrypt_init(Some(cipher), Some(key), None)?;
        } else {
            ctx.decrypt_init(Some(cipher), Some(key), None)?;
        }
        ctx.set_padding(false);
        Ok(Block { ctx, out: [0; 32] })
    }

    /// Runs the cipher on `a || r` and returns the two halves of the result.
    fn apply(&mut self, a: [u8; 8], r: [u8; 8]) -> Result<([u8; 8], [u8; 8]), ErrorStack> {
        let mut input = [0u8; 16];
        let (hi, lo) = input.split_at_mut(8);
        hi.copy_from_slice(&a);
        lo.copy_from_slice(&r);
        // The output buffer has room for the input plus a block, as cipher_update asks.
        let n = self.ctx.cipher_update(&input, Some(&mut self.out))?;
        if n != 16 {
            return Err(ErrorStack::get());
        }
        let mut a = [0u8; 8];
        let mut r = [0u8; 8];
        a.copy_from_slice(self.out.get(..8).unwrap_or(&[0; 8]));
        r.copy_from_slice(self.out.get(8..16).unwrap_or(&[0; 8]));
        Ok((a, r))
    }
}

fn semiblocks(data: &[u8]) -> Vec<[u8; 8]> {
    data.chunks_exact(8)
        .map(|c| {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            b
        })
        .collect()
}

fn xor_counter(a: [u8; 8], t: u64) -> [u8; 8] {
    (u64::from_be_bytes(a) ^ t).to_be_bytes()
}

/// The wrapping function W of SP 800-38F (RFC 3394 section 2.2.1, index-based form):
/// six passes over the semiblocks `r` with the running value `a`.
fn w(block: &mut Block, mut a: [u8; 8], r: &mut [[u8; 8]]) -> Result<[u8; 8], ErrorStack> {
    let n = r.len() as u64;
    for j in 0..6u64 {
        for (i, ri) in r.iter_mut().enumerate() {
            let (b_hi, b_lo) = block.apply(a, *ri)?;
            a = xor_counter(b_hi, n * j + i as u64 + 1);
            *ri = b_lo;
        }
    }
    Ok(a)
}

/// The inverse W^-1: returns the recovered initial value; `r` is unwrapped in place.
fn w_inverse(block: &mut Block, mut a: [u8; 8], r: &mut [[u8; 8]]) -> Result<[u8; 8], ErrorStack> {
    let n = r.len() as u64;
    for j in (0..6u64).rev() {
        for (i, ri) in r.iter_mut().enumerate().rev() {
            let (b_hi, b_lo) = block.apply(xor_counter(a, n * j + i as u64 + 1), *ri)?;
            a = b_hi;
            *ri = b_lo;
        }
    }
    Ok(a)
}

fn join(a: [u8; 8], r: &[[u8; 8]]) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 * (r.len() + 1));
    out.extend_from_slice(&a);
    for b in r {
        out.extend_from_slice(b);
    }
    out
}

/// RFC 3394 wrap. The caller checks the lengths: a 16, 24 or 32-byte `kek`, and a key of
/// at least 16 bytes that is a multiple of 8.
pub fn wrap(kek: &[u8], key: &[u8]) -> Result<Vec<u8>, ErrorStack> {
    let mut block = Block::new(kek, true)?;
    let mut r = semiblocks(key);
    let a = w(&mut block, KW_IV, &mut r)?;
    Ok(join(a, &r))
}

/// RFC 3394 unwrap; the caller checks that `wrapped` is at least 24 bytes and a multiple
/// of 8.
pub fn unwrap(kek: &[u8], wrapped: &[u8]) -> Result<Vec<u8>, UnwrapError> {
    let mut block = Block::new(kek, false)?;
    let mut blocks = semiblocks(wrapped);
    let Some((&first, _)) = blocks.split_first() else {
        return Err(UnwrapError::Invalid);
    };
    let r = blocks.get_mut(1..).unwrap_or_default();
    let a = w_inverse(&mut block, first, r)?;
    if !openssl::memcmp::eq(&a, &KW_IV) {
        return Err(UnwrapError::Invalid);
    }
    Ok(join_tail(r))
}

fn join_tail(r: &[[u8; 8]]) -> Vec<u8> {
    r.iter().flatten().copied().collect()
}

/// RFC 5649 wrap; the caller checks that the key is 1 to 2^32 - 1 bytes.
pub fn wrap_with_padding(kek: &[u8], key: &[u8]) -> Result<Vec<u8>, ErrorStack> {
    let mli = u32::try_from(key.len()).map_err(|_| ErrorStack::get())?;
    let mut aiv = [0u8; 8];
    let (constant, length) = aiv.split_at_mut(4);
    constant.copy_from_slice(&KWP_AIV);
    length.copy_from_slice(&mli.to_be_bytes());
    let mut padded = key.to_vec();
    padded.resize(key.len().div_ceil(8) * 8, 0);
    let mut block = Block::new(kek, true)?;
    let mut r = semiblocks(&padded);
    if let [only] = r.as_slice() {
        // One semiblock: a single AES encryption of AIV || P.
        let (a, p) = block.apply(aiv, *only)?;
        return Ok(join(a, &[p]));
    }
    let a = w(&mut block, aiv, &mut r)?;
    Ok(join(a, &r))
}

/// RFC 5649 unwrap; the caller checks that `wrapped` is at least 16 bytes and a multiple
/// of 8.
pub fn unwrap_with_padding(kek: &[u8], wrapped: &[u8]) -> Result<Vec<u8>, UnwrapError> {
    let mut block = Block::new(kek, false)?;
    let mut blocks = semiblocks(wrapped);
    let (a, r): ([u8; 8], Vec<[u8; 8]>) = match blocks.as_mut_slice() {
        [] | [_] => return Err(UnwrapError::Invalid),
        [c0, c1] => {
            let (a, p) = block.apply(*c0, *c1)?;
            (a, vec![p])
        }
        [first, rest @ ..] => {
            let a = w_inverse(&mut block, *first, rest)?;
            (a, rest.to_vec())
        }
    };
    let plain = join_tail(&r);
    // Check the constant, the length and the zero padding without branching on which
    // one failed.
    let aiv_ok = openssl::memcmp::eq(a.get(..4).unwrap_or(&[]), &KWP_AIV);
    let mut mli_bytes = [0u8; 4];
    mli_bytes.copy_from_slice(a.get(4..).unwrap_or(&[0; 4]));
    let mli = u32::from_be_bytes(mli_bytes) as usize;
    let n = plain.len();
    let length_ok = mli > n.saturating_sub(8) && mli <= n;
    let padding = plain.get(mli.min(n)..).unwrap_or(&[]);
    let zeros = [0u8; 8];
    let padding_ok = padding.len() < 8
        && openssl::memcmp::eq(padding, zeros.get(..padding.len()).unwrap_or(&[]));
    if !(aiv_ok & length_ok & padding_ok) {
        return Err(UnwrapError::Invalid);
    }
    let mut plain = plain;
    plain.truncate(mli);
    Ok(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(s: &str) -> Vec<u8> {
        hex::decode(s).unwrap()
    }

    #[test]
    fn rfc3394_section_4_1_and_4_6() {
        let kek = h("000102030405060708090A0B0C0D0E0F");
        let key = h("00112233445566778899AABBCCDDEEFF");
        let wrapped = wrap(&kek, &key).unwrap();
        assert_eq!(
            hex::encode(&wrapped),
            "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5"
        );
        assert_eq!(unwrap(&kek, &wrapped).unwrap(), key);
        let kek = h("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");
        let key = h("00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F");
        let wrapped = wrap(&kek, &key).unwrap();
        assert_eq!(
            hex::encode(&wrapped),
            "28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21"
        );
        let mut bad = wrapped.clone();
        bad[0] ^= 1;
        assert!(matches!(unwrap(&kek, &bad), Err(UnwrapError::Invalid)));
    }

    #[test]
    fn rfc5649_section_6() {
        let kek = h("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8");
        let key = h("c37b7e6492584340bed12207808941155068f738");
        let wrapped = wrap_with_padding(&kek, &key).unwrap();
        assert_eq!(
            hex::encode(&wrapped),
            "138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a"
        );
        assert_eq!(unwrap_with_padding(&kek, &wrapped).unwrap(), key);
        let key = h("466f7250617369");
        let wrapped = wrap_with_padding(&kek, &key).unwrap();
        assert_eq!(hex::encode(&wrapped), "afbeb0f07dfbf5419200f2ccb50bb24f");
        assert_eq!(unwrap_with_padding(&kek, &wrapped).unwrap(), key);
        assert!(matches!(
            unwrap_with_padding(&kek, &wrapped[..8]),
            Err(UnwrapError::Invalid)
        ));
    }
}
