//! Message digests: the algorithms oxicrypt names, fetched once per process, and a
//! hashing context that can be copied, finalized, or squeezed (for XOFs).

use std::sync::OnceLock;

use foreign_types::ForeignTypeRef;
use openssl::error::ErrorStack;
use openssl::hash::{DigestBytes, Hasher, MessageDigest};
use openssl::md::{Md, MdRef};

/// Every digest of the public API, by the name its Python class reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashKind {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    Sha512_224,
    Sha512_256,
    Sha3_224,
    Sha3_256,
    Sha3_384,
    Sha3_512,
    Shake128,
    Shake256,
    Blake2b512,
    Blake2s256,
    Sm3,
}

const KIND_COUNT: usize = 17;

impl HashKind {
    /// Maps the `name` attribute of a Python hash algorithm to its kind. BLAKE2 is named
    /// without its size because only the full-length variants exist in OpenSSL.
    pub fn from_name(name: &str) -> Option<HashKind> {
        Some(match name {
            "md5" => HashKind::Md5,
            "sha1" => HashKind::Sha1,
            "sha224" => HashKind::Sha224,
            "sha256" => HashKind::Sha256,
            "sha384" => HashKind::Sha384,
            "sha512" => HashKind::Sha512,
            "sha512-224" => HashKind::Sha512_224,
            "sha512-256" => HashKind::Sha512_256,
            "sha3-224" => HashKind::Sha3_224,
            "sha3-256" => HashKind::Sha3_256,
            "sha3-384" => HashKind::Sha3_384,
            "sha3-512" => HashKind::Sha3_512,
            "shake128" => HashKind::Shake128,
            "shake256" => HashKind::Shake256,
            "blake2b" => HashKind::Blake2b512,
            "blake2s" => HashKind::Blake2s256,
            "sm3" => HashKind::Sm3,
            _ => return None,
        })
    }

    /// The `name` of the Python class of this algorithm.
    pub fn python_name(self) -> &'static str {
        match self {
            HashKind::Md5 => "md5",
            HashKind::Sha1 => "sha1",
            HashKind::Sha224 => "sha224",
            HashKind::Sha256 => "sha256",
            HashKind::Sha384 => "sha384",
            HashKind::Sha512 => "sha512",
            HashKind::Sha512_224 => "sha512-224",
            HashKind::Sha512_256 => "sha512-256",
            HashKind::Sha3_224 => "sha3-224",
            HashKind::Sha3_256 => "sha3-256",
            HashKind::Sha3_384 => "sha3-384",
            HashKind::Sha3_512 => "sha3-512",
            HashKind::Shake128 => "shake128",
            HashKind::Shake256 => "shake256",
            HashKind::Blake2b512 => "blake2b",
            HashKind::Blake2s256 => "blake2s",
            HashKind::Sm3 => "sm3",
        }
    }

    /// The name OpenSSL's providers know the algorithm by.
    pub fn openssl_name(self) -> &'static str {
        match self {
            HashKind::Md5 => "MD5",
            HashKind::Sha1 => "SHA1",
            HashKind::Sha224 => "SHA224",
            HashKind::Sha256 => "SHA256",
            HashKind::Sha384 => "SHA384",
            HashKind::Sha512 => "SHA512",
            HashKind::Sha512_224 => "SHA512-224",
            HashKind::Sha512_256 => "SHA512-256",
            HashKind::Sha3_224 => "SHA3-224",
            HashKind::Sha3_256 => "SHA3-256",
            HashKind::Sha3_384 => "SHA3-384",
            HashKind::Sha3_512 => "SHA3-512",
            HashKind::Shake128 => "SHAKE128",
            HashKind::Shake256 => "SHAKE256",
            HashKind::Blake2b512 => "BLAKE2B-512",
            HashKind::Blake2s256 => "BLAKE2S-256",
            HashKind::Sm3 => "SM3",
        }
    }

    /// Extendable-output functions produce as many bytes as asked for.
    pub fn is_xof(self) -> bool {
        matches!(self, HashKind::Shake128 | HashKind::Shake256)
    }

    /// The algorithm, fetched from OpenSSL's default provider the first time it is asked
    /// for and kept for the life of the process: fetching on every context costs a
    /// provider lookup that would dominate hashing of short messages.
    /// `None` when the linked OpenSSL does not provide it.
    pub fn md(self) -> Option<&'static MdRef> {
        static CACHE: [OnceLock<Option<Md>>; KIND_COUNT] = [const { OnceLock::new() }; KIND_COUNT];
        let slot = CACHE.get(self as usize)?;
        // A failed fetch returns its error stack, which drains OpenSSL's error queue.
        slot.get_or_init(|| Md::fetch(None, self.openssl_name(), None).ok())
            .as_deref()
    }
}

/// A running hash computation. Cloning copies the state, so that a prefix can be
/// hashed once and finished in several ways.
#[derive(Clone)]
pub struct Digest {
    hasher: Hasher,
}

impl Digest {
    pub fn new(md: &'static MdRef) -> Result<Digest, ErrorStack> {
        // SAFETY: `md` is a valid EVP_MD that lives for the rest of the process (it is
        // 'static), so the MessageDigest built from its pointer never dangles.
        let ty = unsafe { MessageDigest::from_ptr(md.as_ptr()) };
        Ok(Digest {
            hasher: Hasher::new(ty)?,
        })
    }

    pub fn update(&mut self, data: &[u8]) -> Result<(), ErrorStack> {
        self.hasher.update(data)
    }

    /// Finishes a fixed-length digest.
    pub fn finish(&mut self) -> Result<DigestBytes, ErrorStack> {
        self.hasher.finish()
    }

    /// Finishes an extendable-output function with `out.len()` bytes of output.
    pub fn finish_xof(&mut self, out: &mut [u8]) -> Result<(), ErrorStack> {
        self.hasher.finish_xof(out)
    }

    /// Squeezes the next `out.len()` bytes out of an extendable-output function; may be
    /// called repeatedly, after which no more data can be absorbed.
    #[cfg(ossl330)]
    pub fn squeeze(&mut self, out: &mut [u8]) -> Result<(), ErrorStack> {
        self.hasher.squeeze_xof(out)
    }

    /// Without `EVP_DigestSqueeze` there is nothing to call: callers check
    /// [`crate::version::XOF_SQUEEZE_SUPPORTED`] first, so this reports an (empty)
    /// OpenSSL error rather than panicking if one does not.
    #[cfg(not(ossl330))]
    pub fn squeeze(&mut self, _out: &mut [u8]) -> Result<(), ErrorStack> {
        Err(ErrorStack::get())
    }
}

#[cfg(test)]
mod tests {
    use super::{Digest, HashKind};

    fn hex_digest(kind: HashKind, data: &[u8]) -> String {
        let md = kind.md().expect("algorithm available");
        let mut d = Digest::new(md).expect("context");
        d.update(data).expect("update");
        hex::encode(&*d.finish().expect("finish"))
    }

    #[test]
    fn names_round_trip_and_fetch() {
        for name in [
            "md5",
            "sha1",
            "sha224",
            "sha256",
            "sha384",
            "sha512",
            "sha512-224",
            "sha512-256",
            "sha3-224",
            "sha3-256",
            "sha3-384",
            "sha3-512",
            "shake128",
            "shake256",
            "blake2b",
            "blake2s",
            "sm3",
        ] {
            let kind = HashKind::from_name(name).expect("known name");
            assert!(kind.md().is_some(), "{name} not provided");
            assert_eq!(kind.python_name(), name);
        }
        assert_eq!(HashKind::from_name("sha-256"), None);
        assert_eq!(HashKind::from_name(""), None);
    }

    #[test]
    fn known_answers() {
        // FIPS 180-2 appendix B.1 and FIPS 202 examples ("abc").
        assert_eq!(
            hex_digest(HashKind::Sha256, b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex_digest(HashKind::Sha3_256, b"abc"),
            "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"
        );
        assert_eq!(
            hex_digest(HashKind::Md5, b""),
            "d41d8cd98f00b204e9800998ecf8427e"
        );
    }

    #[test]
    fn clone_forks_the_state() {
        let md = HashKind::Sha256.md().expect("sha256");
        let mut a = Digest::new(md).expect("context");
        a.update(b"ab").expect("update");
        let mut b = a.clone();
        a.update(b"c").expect("update");
        b.update(b"c").expect("update");
        assert_eq!(&*a.finish().expect("a"), &*b.finish().expect("b"));
    }

    #[test]
    fn xof_output_length_is_chosen() {
        let md = HashKind::Shake128.md().expect("shake128");
        let mut d = Digest::new(md).expect("context");
        let mut out = [0u8; 7];
        d.finish_xof(&mut out).expect("finish");
        // SHAKE128("") from FIPS 202 examples, first 7 bytes.
        assert_eq!(hex::encode(out), "7f9c2ba4e88f82");
    }

    #[cfg(ossl330)]
    #[test]
    fn squeeze_in_pieces_equals_one_finish() {
        let md = HashKind::Shake256.md().expect("shake256");
        let mut whole = Digest::new(md).expect("context");
        let mut parts = whole.clone();
        let mut one = [0u8; 100];
        whole.finish_xof(&mut one).expect("finish");
        let mut two = [0u8; 100];
        let (left, right) = two.split_at_mut(33);
        parts.squeeze(left).expect("squeeze");
        parts.squeeze(right).expect("squeeze");
        assert_eq!(one, two);
    }
}
