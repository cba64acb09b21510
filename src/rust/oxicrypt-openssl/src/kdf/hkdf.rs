//! HKDF (RFC 5869): extract and expand, on HMAC.

use openssl::md::MdRef;

use crate::hmac::{Hmac, MAX_MD_SIZE};
use openssl::error::ErrorStack;

fn mac(ctx: &mut Hmac) -> Result<Vec<u8>, ErrorStack> {
    let mut out = [0u8; MAX_MD_SIZE];
    let n = ctx.finish(&mut out)?;
    Ok(out.get(..n).unwrap_or(&out).to_vec())
}

/// HKDF-Extract: the pseudorandom key HMAC(salt, ikm). No salt means a string of zeros of
/// the digest's length.
pub fn extract(md: &'static MdRef, salt: Option<&[u8]>, ikm: &[u8]) -> Result<Vec<u8>, ErrorStack> {
    let zeros = vec![0u8; md.size()];
    let mut ctx = Hmac::new(salt.unwrap_or(&zeros), md)?;
    ctx.update(ikm)?;
    mac(&mut ctx)
}

/// HKDF-Expand: fills `out` with T(1) || T(2) || ..., where
/// T(i) = HMAC(prk, T(i-1) || info || i). The caller checks that `out` is at most 255
/// digests long; longer output is refused here too (the counter is one byte).
pub fn expand(
    md: &'static MdRef,
    prk: &[u8],
    info: &[u8],
    out: &mut [u8],
) -> Result<(), super::KdfError> {
    let keyed = Hmac::new(prk, md)?;
    let mut previous: Vec<u8> = Vec::new();
    for (i, chunk) in out.chunks_mut(md.size().max(1)).enumerate() {
        let counter = u8::try_from(i + 1).map_err(|_| super::KdfError::TooLarge("HKDF length"))?;
        let mut ctx = keyed.try_clone()?;
        ctx.update(&previous)?;
        ctx.update(info)?;
        ctx.update(&[counter])?;
        let block = super::Zeroizing(mac(&mut ctx)?);
        chunk.copy_from_slice(block.0.get(..chunk.len()).unwrap_or(&block.0));
        previous.clone_from(&block.0);
    }
    previous.fill(0);
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::digest::HashKind;

    #[test]
    fn rfc5869_case_1() {
        let md = HashKind::Sha256.md().unwrap();
        let ikm = [0x0bu8; 22];
        let salt = hex::decode("000102030405060708090a0b0c").unwrap();
        let info = hex::decode("f0f1f2f3f4f5f6f7f8f9").unwrap();
        let prk = super::extract(md, Some(&salt), &ikm).unwrap();
        assert_eq!(
            hex::encode(&prk),
            "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"
        );
        let mut okm = [0u8; 42];
        super::expand(md, &prk, &info, &mut okm).unwrap();
        assert_eq!(
            hex::encode(okm),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
        );
    }
}
