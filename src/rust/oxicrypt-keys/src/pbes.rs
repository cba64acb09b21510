//! Encrypted private keys, described but not decrypted.
//!
//! - PKCS#8 EncryptedPrivateKeyInfo (RFC 5208 section 6, RFC 5958 section 3) with the
//!   password-based schemes OpenSSL reads: PBES2 (RFC 8018 section 6.2) with PBKDF2 or
//!   scrypt (RFC 7914 section 7) and AES or (triple) DES in CBC mode; the PKCS#12 schemes
//!   (RFC 7292 appendix C); and PBES1 (RFC 8018 section 6.1).
//! - The `Proc-Type` and `DEK-Info` headers (RFC 1421 section 4.6) of OpenSSL's legacy
//!   ("traditional") encrypted PEM.
//!
//! What comes out says which key derivation and which cipher to run with which
//! parameters; running them is the job of `oxicrypt-openssl`. No cryptography here.
//!
//! # Limits
//!
//! The parameters come from the key file, which may be hostile, and they decide how long
//! and in how much memory decryption runs. Parsing (and writing) therefore refuses:
//!
//! - iteration counts (PBKDF2, PBES1, PKCS#12) outside `1..=`[`MAX_ITERATIONS`]
//!   (10 million, several times what current guidance asks for: on a current CPU about
//!   1 s of PBKDF2-HMAC-SHA-256, 3 s of PBKDF2-HMAC-SHA-512, 5 s of the PKCS#12 KDF for a
//!   3DES key and IV);
//! - scrypt costs N that are not a power of two greater than 1, or not below 2^(16 r)
//!   (RFC 7914 section 2); block sizes r or parallelisation p of 0; a working memory
//!   128 N r above [`MAX_SCRYPT_MEMORY`] (1 GiB: N = 2^20 with r = 8, the strongest common
//!   setting, about 4 s); and a total amount of mixing 128 N r p above
//!   [`MAX_SCRYPT_WORK`] (4 GiB, about 6 s);
//! - IVs that are not exactly one cipher block, a `keyLength` that is not the cipher's key
//!   length, and encrypted data that is empty or not a whole number of cipher blocks.
//!
//! Salts are not limited: they are hashed once, not once per iteration.
//!
//! # Leniency
//!
//! PBKDF2's `prf` is `DEFAULT hmacWithSHA1`, so DER forbids writing hmacWithSHA1
//! explicitly; some encoders do, and OpenSSL reads it, so it is accepted here (and left out
//! when writing). The PRF's parameters may be NULL or absent.

use std::fmt::Write as _;

use asn1::ObjectIdentifier;

use crate::error::KeyError;
use crate::spki::AlgorithmIdentifier;

/// The most iterations of PBKDF2, PBKDF1 or the PKCS#12 KDF that a key may ask for.
pub const MAX_ITERATIONS: u64 = 10_000_000;

/// The most working memory (128 N r bytes) that an scrypt key may ask for.
pub const MAX_SCRYPT_MEMORY: u64 = 1 << 30;

/// The most mixing (128 N r p bytes) that an scrypt key may ask for.
pub const MAX_SCRYPT_WORK: u64 = 1 << 32;

pub mod oids {
    //! Object identifiers of the password-based encryption schemes and their parts.

    use asn1::ObjectIdentifier;

    pub const PBES2: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 5, 13);
    pub const PBKDF2: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 5, 12);
    pub const SCRYPT: ObjectIdentifier = asn1::oid!(1, 3, 6, 1, 4, 1, 11591, 4, 11);

    pub const HMAC_WITH_SHA1: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 2, 7);
    pub const HMAC_WITH_SHA224: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 2, 8);
    pub const HMAC_WITH_SHA256: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 2, 9);
    pub const HMAC_WITH_SHA384: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 2, 10);
    pub const HMAC_WITH_SHA512: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 2, 11);
    pub const HMAC_WITH_SHA512_224: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 2, 12);
    pub const HMAC_WITH_SHA512_256: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 2, 13);

    pub const AES_128_CBC: ObjectIdentifier = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 1, 2);
    pub const AES_192_CBC: ObjectIdentifier = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 1, 22);
    pub const AES_256_CBC: ObjectIdentifier = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 1, 42);
    pub const DES_EDE3_CBC: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 3, 7);
    pub const DES_CBC: ObjectIdentifier = asn1::oid!(1, 3, 14, 3, 2, 7);

    pub const PBE_SHA1_3DES: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 12, 1, 3);
    pub const PBE_SHA1_2DES: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 12, 1, 4);
    pub const PBE_SHA1_RC2_128: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 12, 1, 5);
    pub const PBE_SHA1_RC2_40: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 12, 1, 6);

    pub const PBE_MD5_DES: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 5, 3);
    pub const PBE_MD5_RC2: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 5, 6);
    pub const PBE_SHA1_DES: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 5, 10);
    pub const PBE_SHA1_RC2: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 5, 11);
}

/// A PKCS#8 EncryptedPrivateKeyInfo: how the key was encrypted, and the ciphertext, which
/// decrypts to a DER PrivateKeyInfo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncryptedPrivateKeyInfo {
    pub scheme: EncryptionScheme,
    pub encrypted_data: Vec<u8>,
}

/// A password-based encryption scheme with its parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncryptionScheme {
    /// PBES2 (RFC 8018 section 6.2): `kdf` derives the key of `cipher`, whose IV is given.
    Pbes2 {
        kdf: Kdf,
        cipher: BlockCipher,
        iv: Vec<u8>,
    },
    /// A PKCS#12 scheme (RFC 7292 appendix C): the KDF of RFC 7292 appendix B with SHA-1
    /// derives the key and the IV of `cipher`.
    Pkcs12 {
        cipher: Pkcs12Cipher,
        params: PbeParams,
    },
    /// PBES1 (RFC 8018 section 6.1): PBKDF1 derives the key and the IV of an 8-byte-key
    /// block cipher.
    Pbes1 {
        scheme: Pbes1Scheme,
        params: PbeParams,
    },
}

/// The key derivation function of PBES2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kdf {
    Pbkdf2(Pbkdf2Params),
    Scrypt(ScryptParams),
}

/// PBKDF2-params (RFC 8018 appendix A.2), with the salt given (`specified`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pbkdf2Params {
    pub salt: Vec<u8>,
    pub iterations: u64,
    /// When present, equal to the cipher's key length.
    pub key_length: Option<u64>,
    pub prf: Prf,
}

/// scrypt-params (RFC 7914 section 7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScryptParams {
    pub salt: Vec<u8>,
    /// N, the CPU/memory cost.
    pub cost: u64,
    /// r.
    pub block_size: u64,
    /// p.
    pub parallelization: u64,
    /// When present, equal to the cipher's key length.
    pub key_length: Option<u64>,
}

/// PBEParameter (RFC 8018 appendix A.3) and pkcs-12PbeParams (RFC 7292 appendix C):
/// the same SEQUENCE { salt OCTET STRING, iterations INTEGER }.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PbeParams {
    pub salt: Vec<u8>,
    pub iterations: u64,
}

/// The pseudorandom function of PBKDF2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prf {
    HmacSha1,
    HmacSha224,
    HmacSha256,
    HmacSha384,
    HmacSha512,
    HmacSha512_224,
    HmacSha512_256,
}

const PRFS: [Prf; 7] = [
    Prf::HmacSha1,
    Prf::HmacSha224,
    Prf::HmacSha256,
    Prf::HmacSha384,
    Prf::HmacSha512,
    Prf::HmacSha512_224,
    Prf::HmacSha512_256,
];

impl Prf {
    pub fn oid(self) -> ObjectIdentifier {
        match self {
            Prf::HmacSha1 => oids::HMAC_WITH_SHA1,
            Prf::HmacSha224 => oids::HMAC_WITH_SHA224,
            Prf::HmacSha256 => oids::HMAC_WITH_SHA256,
            Prf::HmacSha384 => oids::HMAC_WITH_SHA384,
            Prf::HmacSha512 => oids::HMAC_WITH_SHA512,
            Prf::HmacSha512_224 => oids::HMAC_WITH_SHA512_224,
            Prf::HmacSha512_256 => oids::HMAC_WITH_SHA512_256,
        }
    }

    pub fn from_oid(oid: &ObjectIdentifier) -> Option<Prf> {
        PRFS.into_iter().find(|p| p.oid() == *oid)
    }

    /// The name OpenSSL knows the underlying digest by.
    pub fn digest_name(self) -> &'static str {
        match self {
            Prf::HmacSha1 => "SHA1",
            Prf::HmacSha224 => "SHA224",
            Prf::HmacSha256 => "SHA256",
            Prf::HmacSha384 => "SHA384",
            Prf::HmacSha512 => "SHA512",
            Prf::HmacSha512_224 => "SHA512-224",
            Prf::HmacSha512_256 => "SHA512-256",
        }
    }
}

/// The CBC-mode block ciphers of PBES2 and of legacy encrypted PEM.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockCipher {
    Aes128Cbc,
    Aes192Cbc,
    Aes256Cbc,
    DesEde3Cbc,
    DesCbc,
}

const BLOCK_CIPHERS: [BlockCipher; 5] = [
    BlockCipher::Aes128Cbc,
    BlockCipher::Aes192Cbc,
    BlockCipher::Aes256Cbc,
    BlockCipher::DesEde3Cbc,
    BlockCipher::DesCbc,
];

impl BlockCipher {
    pub fn oid(self) -> ObjectIdentifier {
        match self {
            BlockCipher::Aes128Cbc => oids::AES_128_CBC,
            BlockCipher::Aes192Cbc => oids::AES_192_CBC,
            BlockCipher::Aes256Cbc => oids::AES_256_CBC,
            BlockCipher::DesEde3Cbc => oids::DES_EDE3_CBC,
            BlockCipher::DesCbc => oids::DES_CBC,
        }
    }

    pub fn from_oid(oid: &ObjectIdentifier) -> Option<BlockCipher> {
        BLOCK_CIPHERS.into_iter().find(|c| c.oid() == *oid)
    }

    /// The name in `DEK-Info` headers, which is also OpenSSL's name for the cipher.
    pub fn name(self) -> &'static str {
        match self {
            BlockCipher::Aes128Cbc => "AES-128-CBC",
            BlockCipher::Aes192Cbc => "AES-192-CBC",
            BlockCipher::Aes256Cbc => "AES-256-CBC",
            BlockCipher::DesEde3Cbc => "DES-EDE3-CBC",
            BlockCipher::DesCbc => "DES-CBC",
        }
    }

    /// Matches a `DEK-Info` cipher name, ignoring ASCII case as OpenSSL does.
    pub fn from_name(name: &str) -> Option<BlockCipher> {
        BLOCK_CIPHERS
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(name))
    }

    pub fn key_len(self) -> usize {
        match self {
            BlockCipher::Aes128Cbc => 16,
            BlockCipher::Aes192Cbc => 24,
            BlockCipher::Aes256Cbc => 32,
            BlockCipher::DesEde3Cbc => 24,
            BlockCipher::DesCbc => 8,
        }
    }

    /// The block length, which is also the IV length.
    pub fn block_len(self) -> usize {
        match self {
            BlockCipher::Aes128Cbc | BlockCipher::Aes192Cbc | BlockCipher::Aes256Cbc => 16,
            BlockCipher::DesEde3Cbc | BlockCipher::DesCbc => 8,
        }
    }
}

/// The ciphers of the PKCS#12 password-based encryption schemes (RFC 7292 appendix C).
/// The 128-bit RC4 schemes are not block ciphers and are not recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pkcs12Cipher {
    /// pbeWithSHAAnd3-KeyTripleDES-CBC.
    DesEde3Cbc,
    /// pbeWithSHAAnd2-KeyTripleDES-CBC.
    DesEdeCbc,
    /// pbeWithSHAAnd128BitRC2-CBC.
    Rc2_128Cbc,
    /// pbeWithSHAAnd40BitRC2-CBC.
    Rc2_40Cbc,
}

const PKCS12_CIPHERS: [Pkcs12Cipher; 4] = [
    Pkcs12Cipher::DesEde3Cbc,
    Pkcs12Cipher::DesEdeCbc,
    Pkcs12Cipher::Rc2_128Cbc,
    Pkcs12Cipher::Rc2_40Cbc,
];

impl Pkcs12Cipher {
    pub fn oid(self) -> ObjectIdentifier {
        match self {
            Pkcs12Cipher::DesEde3Cbc => oids::PBE_SHA1_3DES,
            Pkcs12Cipher::DesEdeCbc => oids::PBE_SHA1_2DES,
            Pkcs12Cipher::Rc2_128Cbc => oids::PBE_SHA1_RC2_128,
            Pkcs12Cipher::Rc2_40Cbc => oids::PBE_SHA1_RC2_40,
        }
    }

    pub fn from_oid(oid: &ObjectIdentifier) -> Option<Pkcs12Cipher> {
        PKCS12_CIPHERS.into_iter().find(|c| c.oid() == *oid)
    }

    /// OpenSSL's name for the cipher; the RC2 names fix the effective key length.
    pub fn name(self) -> &'static str {
        match self {
            Pkcs12Cipher::DesEde3Cbc => "DES-EDE3-CBC",
            Pkcs12Cipher::DesEdeCbc => "DES-EDE-CBC",
            Pkcs12Cipher::Rc2_128Cbc => "RC2-CBC",
            Pkcs12Cipher::Rc2_40Cbc => "RC2-40-CBC",
        }
    }

    pub fn key_len(self) -> usize {
        match self {
            Pkcs12Cipher::DesEde3Cbc => 24,
            Pkcs12Cipher::DesEdeCbc | Pkcs12Cipher::Rc2_128Cbc => 16,
            Pkcs12Cipher::Rc2_40Cbc => 5,
        }
    }

    /// The block length, which is also the IV length: 8 for all of them.
    pub fn block_len(self) -> usize {
        8
    }
}

/// The PBES1 schemes (RFC 8018 section 6.1) that OpenSSL can still run (MD2 is gone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pbes1Scheme {
    /// pbeWithMD5AndDES-CBC.
    Md5DesCbc,
    /// pbeWithSHA1AndDES-CBC.
    Sha1DesCbc,
    /// pbeWithMD5AndRC2-CBC (64-bit effective key).
    Md5Rc2Cbc,
    /// pbeWithSHA1AndRC2-CBC (64-bit effective key).
    Sha1Rc2Cbc,
}

const PBES1_SCHEMES: [Pbes1Scheme; 4] = [
    Pbes1Scheme::Md5DesCbc,
    Pbes1Scheme::Sha1DesCbc,
    Pbes1Scheme::Md5Rc2Cbc,
    Pbes1Scheme::Sha1Rc2Cbc,
];

/// The digest of PBKDF1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pbes1Digest {
    Md5,
    Sha1,
}

impl Pbes1Scheme {
    pub fn oid(self) -> ObjectIdentifier {
        match self {
            Pbes1Scheme::Md5DesCbc => oids::PBE_MD5_DES,
            Pbes1Scheme::Sha1DesCbc => oids::PBE_SHA1_DES,
            Pbes1Scheme::Md5Rc2Cbc => oids::PBE_MD5_RC2,
            Pbes1Scheme::Sha1Rc2Cbc => oids::PBE_SHA1_RC2,
        }
    }

    pub fn from_oid(oid: &ObjectIdentifier) -> Option<Pbes1Scheme> {
        PBES1_SCHEMES.into_iter().find(|s| s.oid() == *oid)
    }

    pub fn digest(self) -> Pbes1Digest {
        match self {
            Pbes1Scheme::Md5DesCbc | Pbes1Scheme::Md5Rc2Cbc => Pbes1Digest::Md5,
            Pbes1Scheme::Sha1DesCbc | Pbes1Scheme::Sha1Rc2Cbc => Pbes1Digest::Sha1,
        }
    }

    /// OpenSSL's name for the cipher. Key and IV are 8 bytes each, the first and second
    /// halves of PBKDF1's 16-byte output.
    pub fn cipher_name(self) -> &'static str {
        match self {
            Pbes1Scheme::Md5DesCbc | Pbes1Scheme::Sha1DesCbc => "DES-CBC",
            Pbes1Scheme::Md5Rc2Cbc | Pbes1Scheme::Sha1Rc2Cbc => "RC2-64-CBC",
        }
    }

    pub fn block_len(self) -> usize {
        8
    }
}

impl EncryptionScheme {
    /// The OID of the scheme's AlgorithmIdentifier.
    pub fn oid(&self) -> ObjectIdentifier {
        match self {
            EncryptionScheme::Pbes2 { .. } => oids::PBES2,
            EncryptionScheme::Pkcs12 { cipher, .. } => cipher.oid(),
            EncryptionScheme::Pbes1 { scheme, .. } => scheme.oid(),
        }
    }

    /// The cipher's block length: the encrypted data is a whole number of these.
    pub fn block_len(&self) -> usize {
        match self {
            EncryptionScheme::Pbes2 { cipher, .. } => cipher.block_len(),
            EncryptionScheme::Pkcs12 { cipher, .. } => cipher.block_len(),
            EncryptionScheme::Pbes1 { scheme, .. } => scheme.block_len(),
        }
    }

    /// Checks the limits listed in the module documentation.
    pub fn validate(&self) -> Result<(), KeyError> {
        match self {
            EncryptionScheme::Pbes2 { kdf, cipher, iv } => {
                match kdf {
                    Kdf::Pbkdf2(p) => {
                        check_iterations("PBKDF2-params.iterationCount", p.iterations)?;
                        check_key_length("PBKDF2-params.keyLength", p.key_length, *cipher)?;
                    }
                    Kdf::Scrypt(p) => {
                        check_scrypt(p)?;
                        check_key_length("scrypt-params.keyLength", p.key_length, *cipher)?;
                    }
                }
                if iv.len() != cipher.block_len() {
                    return Err(KeyError::malformed(format!(
                        "PBES2-params.encryptionScheme: the {} IV is {} bytes, not {}",
                        cipher.name(),
                        iv.len(),
                        cipher.block_len()
                    )));
                }
                Ok(())
            }
            EncryptionScheme::Pkcs12 { params, .. } => {
                check_iterations("pkcs-12PbeParams.iterations", params.iterations)
            }
            EncryptionScheme::Pbes1 { params, .. } => {
                check_iterations("PBEParameter.iterationCount", params.iterations)
            }
        }
    }
}

impl EncryptedPrivateKeyInfo {
    /// Checks the limits listed in the module documentation.
    pub fn validate(&self) -> Result<(), KeyError> {
        self.scheme.validate()?;
        let block = self.scheme.block_len();
        let len = self.encrypted_data.len();
        if len == 0 || len % block != 0 {
            return Err(KeyError::malformed(format!(
                "EncryptedPrivateKeyInfo.encryptedData is {len} bytes, not a positive \
                 multiple of the {block}-byte cipher block"
            )));
        }
        Ok(())
    }
}

fn check_iterations(field: &str, iterations: u64) -> Result<(), KeyError> {
    if iterations == 0 {
        return Err(KeyError::malformed(format!(
            "{field} is 0; it must be at least 1"
        )));
    }
    if iterations > MAX_ITERATIONS {
        return Err(KeyError::malformed(format!(
            "{field} is {iterations}, more than the {MAX_ITERATIONS} oxicrypt allows"
        )));
    }
    Ok(())
}

fn check_key_length(
    field: &str,
    key_length: Option<u64>,
    cipher: BlockCipher,
) -> Result<(), KeyError> {
    match key_length {
        Some(n) if u64::try_from(cipher.key_len()).ok() != Some(n) => {
            Err(KeyError::malformed(format!(
                "{field} is {n}, but {} takes a {}-byte key",
                cipher.name(),
                cipher.key_len()
            )))
        }
        _ => Ok(()),
    }
}

fn check_scrypt(p: &ScryptParams) -> Result<(), KeyError> {
    let (n, r, par) = (p.cost, p.block_size, p.parallelization);
    if n < 2 || !n.is_power_of_two() {
        return Err(KeyError::malformed(format!(
            "scrypt-params.costParameter is {n}; it must be a power of two greater than 1"
        )));
    }
    if r == 0 {
        return Err(KeyError::malformed("scrypt-params.blockSize is 0"));
    }
    if par == 0 {
        return Err(KeyError::malformed(
            "scrypt-params.parallelizationParameter is 0",
        ));
    }
    // RFC 7914, section 2: N < 2^(128 r / 8).
    if r < 4 && n >= 1u64 << (16 * r) {
        return Err(KeyError::malformed(format!(
            "scrypt-params.costParameter {n} is not below 2^(16 r) for blockSize {r}"
        )));
    }
    let memory = 128u64.checked_mul(r).and_then(|m| m.checked_mul(n));
    match memory {
        Some(m) if m <= MAX_SCRYPT_MEMORY => {}
        _ => {
            return Err(KeyError::malformed(format!(
                "scrypt-params: N = {n} and r = {r} need more than the \
                 {MAX_SCRYPT_MEMORY} bytes of memory oxicrypt allows"
            )))
        }
    }
    let work = memory.and_then(|m| m.checked_mul(par));
    match work {
        Some(w) if w <= MAX_SCRYPT_WORK => Ok(()),
        _ => Err(KeyError::malformed(format!(
            "scrypt-params: N = {n}, r = {r} and p = {par} ask for more than the \
             {MAX_SCRYPT_WORK} bytes of mixing oxicrypt allows"
        ))),
    }
}

/// The DER structures, as the ASN.1 modules define them. Their names appear in parse
/// errors, which name the failing field as `Structure::field`.
mod der {
    use crate::spki::AlgorithmIdentifier;

    /// EncryptedPrivateKeyInfo ::= SEQUENCE {
    ///     encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING }
    #[derive(asn1::Asn1Read, asn1::Asn1Write)]
    pub struct EncryptedPrivateKeyInfo<'a> {
        pub encryption_algorithm: AlgorithmIdentifier<'a>,
        pub encrypted_data: &'a [u8],
    }

    /// PBES2-params ::= SEQUENCE {
    ///     keyDerivationFunc AlgorithmIdentifier, encryptionScheme AlgorithmIdentifier }
    #[derive(asn1::Asn1Read, asn1::Asn1Write)]
    pub struct Pbes2Params<'a> {
        pub key_derivation_func: AlgorithmIdentifier<'a>,
        pub encryption_scheme: AlgorithmIdentifier<'a>,
    }

    /// salt CHOICE { specified OCTET STRING, otherSource AlgorithmIdentifier }
    #[derive(asn1::Asn1Read, asn1::Asn1Write)]
    pub enum Pbkdf2Salt<'a> {
        Specified(&'a [u8]),
        OtherSource(AlgorithmIdentifier<'a>),
    }

    /// PBKDF2-params ::= SEQUENCE { salt, iterationCount INTEGER, keyLength INTEGER
    ///     OPTIONAL, prf AlgorithmIdentifier DEFAULT algid-hmacWithSHA1 }
    #[derive(asn1::Asn1Read, asn1::Asn1Write)]
    pub struct Pbkdf2Params<'a> {
        pub salt: Pbkdf2Salt<'a>,
        pub iteration_count: u64,
        pub key_length: Option<u64>,
        pub prf: Option<AlgorithmIdentifier<'a>>,
    }

    /// scrypt-params ::= SEQUENCE { salt OCTET STRING, costParameter INTEGER,
    ///     blockSize INTEGER, parallelizationParameter INTEGER, keyLength INTEGER OPTIONAL }
    #[derive(asn1::Asn1Read, asn1::Asn1Write)]
    pub struct ScryptParams<'a> {
        pub salt: &'a [u8],
        pub cost_parameter: u64,
        pub block_size: u64,
        pub parallelization_parameter: u64,
        pub key_length: Option<u64>,
    }

    /// PBEParameter / pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }
    #[derive(asn1::Asn1Read, asn1::Asn1Write)]
    pub struct PbeParameter<'a> {
        pub salt: &'a [u8],
        pub iteration_count: u64,
    }
}

/// Maps an asn1 parse error to `Malformed`, naming the structure and, where the asn1 crate
/// knows it, the field.
fn bad_der(structure: &'static str) -> impl Fn(asn1::ParseError) -> KeyError {
    move |e| {
        // The asn1 crate reports the failing field only through its Debug output, as
        // `location: ["Struct::field", ...]`.
        let debug = format!("{e:?}");
        let location = debug.split_once("location: ").map(|(_, rest)| {
            rest.chars()
                .filter(|c| !matches!(c, '[' | ']' | '"' | '}'))
                .collect::<String>()
        });
        match location {
            Some(loc) => KeyError::malformed(format!("{structure}: {e} (at {})", loc.trim())),
            None => KeyError::malformed(format!("{structure}: {e}")),
        }
    }
}

/// The parameters of an AlgorithmIdentifier, which `structure` must be.
fn params<'a, T: asn1::Asn1Readable<'a>>(
    alg: &AlgorithmIdentifier<'a>,
    structure: &'static str,
) -> Result<T, KeyError> {
    let Some(tlv) = &alg.params else {
        return Err(KeyError::malformed(format!(
            "the {} AlgorithmIdentifier has no parameters; {structure} is required",
            alg.oid
        )));
    };
    tlv.parse::<T>().map_err(bad_der(structure))
}

/// Reads a DER PKCS#8 EncryptedPrivateKeyInfo and checks its parameters against the
/// limits in the module documentation.
pub fn parse_encrypted(der: &[u8]) -> Result<EncryptedPrivateKeyInfo, KeyError> {
    let epki = asn1::parse_single::<der::EncryptedPrivateKeyInfo<'_>>(der)
        .map_err(bad_der("EncryptedPrivateKeyInfo"))?;
    let info = EncryptedPrivateKeyInfo {
        scheme: parse_scheme(&epki.encryption_algorithm)?,
        encrypted_data: epki.encrypted_data.to_vec(),
    };
    info.validate()?;
    Ok(info)
}

fn parse_scheme(alg: &AlgorithmIdentifier<'_>) -> Result<EncryptionScheme, KeyError> {
    let oid = &alg.oid;
    if *oid == oids::PBES2 {
        let p: der::Pbes2Params<'_> = params(alg, "PBES2-params")?;
        let kdf = parse_kdf(&p.key_derivation_func)?;
        let (cipher, iv) = parse_pbes2_cipher(&p.encryption_scheme)?;
        return Ok(EncryptionScheme::Pbes2 { kdf, cipher, iv });
    }
    if let Some(cipher) = Pkcs12Cipher::from_oid(oid) {
        let p: der::PbeParameter<'_> = params(alg, "pkcs-12PbeParams")?;
        return Ok(EncryptionScheme::Pkcs12 {
            cipher,
            params: PbeParams {
                salt: p.salt.to_vec(),
                iterations: p.iteration_count,
            },
        });
    }
    if let Some(scheme) = Pbes1Scheme::from_oid(oid) {
        let p: der::PbeParameter<'_> = params(alg, "PBEParameter")?;
        return Ok(EncryptionScheme::Pbes1 {
            scheme,
            params: PbeParams {
                salt: p.salt.to_vec(),
                iterations: p.iteration_count,
            },
        });
    }
    Err(KeyError::UnsupportedAlgorithm(format!(
        "private key encryption scheme {oid}"
    )))
}

fn parse_kdf(alg: &AlgorithmIdentifier<'_>) -> Result<Kdf, KeyError> {
    let oid = &alg.oid;
    if *oid == oids::PBKDF2 {
        let p: der::Pbkdf2Params<'_> = params(alg, "PBKDF2-params")?;
        let salt = match p.salt {
            der::Pbkdf2Salt::Specified(salt) => salt.to_vec(),
            der::Pbkdf2Salt::OtherSource(source) => {
                return Err(KeyError::UnsupportedAlgorithm(format!(
                    "PBKDF2 salt from otherSource {}",
                    source.oid
                )))
            }
        };
        let prf = match &p.prf {
            None => Prf::HmacSha1,
            Some(prf_alg) => parse_prf(prf_alg)?,
        };
        return Ok(Kdf::Pbkdf2(Pbkdf2Params {
            salt,
            iterations: p.iteration_count,
            key_length: p.key_length,
            prf,
        }));
    }
    if *oid == oids::SCRYPT {
        let p: der::ScryptParams<'_> = params(alg, "scrypt-params")?;
        return Ok(Kdf::Scrypt(ScryptParams {
            salt: p.salt.to_vec(),
            cost: p.cost_parameter,
            block_size: p.block_size,
            parallelization: p.parallelization_parameter,
            key_length: p.key_length,
        }));
    }
    Err(KeyError::UnsupportedAlgorithm(format!(
        "PBES2 key derivation function {oid}"
    )))
}

fn parse_prf(alg: &AlgorithmIdentifier<'_>) -> Result<Prf, KeyError> {
    let Some(prf) = Prf::from_oid(&alg.oid) else {
        return Err(KeyError::UnsupportedAlgorithm(format!(
            "PBKDF2 pseudorandom function {}",
            alg.oid
        )));
    };
    if let Some(tlv) = &alg.params {
        tlv.parse::<asn1::Null>().map_err(|_| {
            KeyError::malformed(format!(
                "PBKDF2-params.prf: {} parameters must be NULL or absent",
                alg.oid
            ))
        })?;
    }
    Ok(prf)
}

fn parse_pbes2_cipher(alg: &AlgorithmIdentifier<'_>) -> Result<(BlockCipher, Vec<u8>), KeyError> {
    let Some(cipher) = BlockCipher::from_oid(&alg.oid) else {
        return Err(KeyError::UnsupportedAlgorithm(format!(
            "PBES2 encryption scheme {}",
            alg.oid
        )));
    };
    let iv: &[u8] = params(alg, "PBES2-params.encryptionScheme IV")?;
    Ok((cipher, iv.to_vec()))
}

/// Writes a DER PKCS#8 EncryptedPrivateKeyInfo, after checking it against the limits in
/// the module documentation (what would not be read back is not written).
pub fn write_encrypted(info: &EncryptedPrivateKeyInfo) -> Result<Vec<u8>, KeyError> {
    info.validate()?;
    write_unchecked(info)
}

fn write_err(what: &'static str) -> impl Fn(asn1::WriteError) -> KeyError {
    move |e| KeyError::malformed(format!("writing {what}: {e:?}"))
}

/// A Tlv view of DER that this module just wrote (AlgorithmIdentifier holds parameters as
/// a Tlv, which can only be had by parsing).
fn as_tlv(der: &[u8]) -> Result<asn1::Tlv<'_>, KeyError> {
    asn1::parse_single::<asn1::Tlv<'_>>(der).map_err(bad_der("parameters just written"))
}

const NULL_DER: &[u8] = &[0x05, 0x00];

fn write_unchecked(info: &EncryptedPrivateKeyInfo) -> Result<Vec<u8>, KeyError> {
    let params_der = match &info.scheme {
        EncryptionScheme::Pbes2 { kdf, cipher, iv } => {
            let kdf_params = match kdf {
                Kdf::Pbkdf2(p) => {
                    let prf = match p.prf {
                        // DEFAULT: left out, as DER requires.
                        Prf::HmacSha1 => None,
                        other => Some(AlgorithmIdentifier {
                            oid: other.oid(),
                            params: Some(as_tlv(NULL_DER)?),
                        }),
                    };
                    asn1::write_single(&der::Pbkdf2Params {
                        salt: der::Pbkdf2Salt::Specified(&p.salt),
                        iteration_count: p.iterations,
                        key_length: p.key_length,
                        prf,
                    })
                    .map_err(write_err("PBKDF2-params"))?
                }
                Kdf::Scrypt(p) => asn1::write_single(&der::ScryptParams {
                    salt: &p.salt,
                    cost_parameter: p.cost,
                    block_size: p.block_size,
                    parallelization_parameter: p.parallelization,
                    key_length: p.key_length,
                })
                .map_err(write_err("scrypt-params"))?,
            };
            let kdf_oid = match kdf {
                Kdf::Pbkdf2(_) => oids::PBKDF2,
                Kdf::Scrypt(_) => oids::SCRYPT,
            };
            let iv_der = asn1::write_single(&iv.as_slice()).map_err(write_err("IV"))?;
            asn1::write_single(&der::Pbes2Params {
                key_derivation_func: AlgorithmIdentifier {
                    oid: kdf_oid,
                    params: Some(as_tlv(&kdf_params)?),
                },
                encryption_scheme: AlgorithmIdentifier {
                    oid: cipher.oid(),
                    params: Some(as_tlv(&iv_der)?),
                },
            })
            .map_err(write_err("PBES2-params"))?
        }
        EncryptionScheme::Pkcs12 { params, .. } | EncryptionScheme::Pbes1 { params, .. } => {
            asn1::write_single(&der::PbeParameter {
                salt: &params.salt,
                iteration_count: params.iterations,
            })
            .map_err(write_err("PBEParameter"))?
        }
    };
    asn1::write_single(&der::EncryptedPrivateKeyInfo {
        encryption_algorithm: AlgorithmIdentifier {
            oid: info.scheme.oid(),
            params: Some(as_tlv(&params_der)?),
        },
        encrypted_data: &info.encrypted_data,
    })
    .map_err(write_err("EncryptedPrivateKeyInfo"))
}

/// How a legacy ("traditional") OpenSSL PEM key is encrypted, from its `DEK-Info` header.
///
/// The key is OpenSSL's `EVP_BytesToKey` with MD5, one iteration, and the first 8 bytes of
/// the IV as salt; the cipher runs in CBC mode with PKCS#7 padding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegacyPemEncryption {
    pub cipher: BlockCipher,
    pub iv: Vec<u8>,
}

impl LegacyPemEncryption {
    /// The salt of the key derivation: the first 8 bytes of the IV.
    pub fn salt(&self) -> &[u8] {
        self.iv.get(..8).unwrap_or(&self.iv)
    }

    /// The `Proc-Type` and `DEK-Info` headers that describe this encryption, as OpenSSL
    /// writes them (IV in upper-case hex).
    pub fn headers(&self) -> Vec<(String, String)> {
        let mut dek_info = format!("{},", self.cipher.name());
        for byte in &self.iv {
            let _ = write!(dek_info, "{byte:02X}");
        }
        vec![
            (PROC_TYPE.to_owned(), "4,ENCRYPTED".to_owned()),
            (DEK_INFO.to_owned(), dek_info),
        ]
    }
}

const PROC_TYPE: &str = "Proc-Type";
const DEK_INFO: &str = "DEK-Info";

/// The single value of header `name` (compared ignoring ASCII case), if present.
fn header<'h>(headers: &'h [(String, String)], name: &str) -> Result<Option<&'h str>, KeyError> {
    let mut found = headers.iter().filter(|(k, _)| k.eq_ignore_ascii_case(name));
    let first = found.next();
    if found.next().is_some() {
        return Err(KeyError::malformed(format!(
            "PEM: more than one {name} header"
        )));
    }
    Ok(first.map(|(_, v)| v.trim()))
}

/// Reads the RFC 1421 headers of a PEM block. `None` when they do not say the block is
/// encrypted (no `Proc-Type` header); the encryption otherwise.
pub fn parse_dek_info(
    headers: &[(String, String)],
) -> Result<Option<LegacyPemEncryption>, KeyError> {
    let proc_type = header(headers, PROC_TYPE)?;
    let dek_info = header(headers, DEK_INFO)?;
    let Some(proc_type) = proc_type else {
        if dek_info.is_some() {
            return Err(KeyError::malformed(
                "PEM: DEK-Info header without Proc-Type",
            ));
        }
        return Ok(None);
    };
    let is_encrypted = proc_type
        .split_once(',')
        .is_some_and(|(version, kind)| version.trim() == "4" && kind.trim() == "ENCRYPTED");
    if !is_encrypted {
        return Err(KeyError::malformed(format!(
            "PEM: Proc-Type is {proc_type:?}, not \"4,ENCRYPTED\""
        )));
    }
    let Some(dek_info) = dek_info else {
        return Err(KeyError::malformed(
            "PEM: Proc-Type says ENCRYPTED but there is no DEK-Info header",
        ));
    };
    let Some((name, iv_hex)) = dek_info.split_once(',') else {
        return Err(KeyError::malformed(format!(
            "PEM: DEK-Info {dek_info:?} is not <cipher>,<hex IV>"
        )));
    };
    let name = name.trim();
    let Some(cipher) = BlockCipher::from_name(name) else {
        return Err(KeyError::UnsupportedAlgorithm(format!(
            "PEM encryption cipher {name}"
        )));
    };
    let iv = decode_hex(iv_hex.trim()).ok_or_else(|| {
        KeyError::malformed(format!("PEM: DEK-Info IV {iv_hex:?} is not hexadecimal"))
    })?;
    if iv.len() != cipher.block_len() {
        return Err(KeyError::malformed(format!(
            "PEM: DEK-Info IV is {} bytes; {} needs {}",
            iv.len(),
            cipher.name(),
            cipher.block_len()
        )));
    }
    Ok(Some(LegacyPemEncryption { cipher, iv }))
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    let digits = text
        .chars()
        .map(|c| c.to_digit(16).and_then(|d| u8::try_from(d).ok()))
        .collect::<Option<Vec<u8>>>()?;
    if digits.len() % 2 != 0 {
        return None;
    }
    Some(
        digits
            .chunks_exact(2)
            .map(|p| p.iter().fold(0u8, |acc, d| (acc << 4) | d))
            .collect(),
    )
}

/// A legacy encrypted PEM block: `label` (e.g. "EC PRIVATE KEY"), the headers of `enc`,
/// and the ciphertext, laid out as OpenSSL writes it.
pub fn encode_legacy_pem(label: &str, enc: &LegacyPemEncryption, encrypted: &[u8]) -> String {
    let mut block = pem::Pem::new(label, encrypted);
    for (name, value) in enc.headers() {
        // Neither contains ':' or a line break, which is all `add` refuses.
        let _ = block.headers_mut().add(&name, &value);
    }
    pem::encode_config(
        &block,
        pem::EncodeConfig::new().set_line_ending(pem::LineEnding::LF),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // Made by `openssl genpkey`/`openssl pkcs8 -topk8 ... -passout pass:hunter2` (OpenSSL
    // 3.0) from the RFC 8410 Ed25519 key, except REFERENCE, which pyca/cryptography 50.0.2
    // wrote with BestAvailableEncryption(b"pw") for a random Ed25519 key.
    const PBES2_AES256_SHA512: &str = "30819b305706092a864886f70d01050d304a302906092a864886f70d01050c301c0408bd3e77f670cee313020203e8300c06082a864886f70d020b0500301d060960864801650304012a0410131e5f6f76608df1eccc875978cbf8400440b078b3e277ee50286c45f0261702d32acc782f08583e71eae81b79575c16a676c60596a5462688192297264b664ecc3320ea0a6821a92f173a9e1d436f4bf2b1";
    const PBES2_AES192_SHA1: &str = "30818c304806092a864886f70d01050d303b301a06092a864886f70d01050c300d04089d26f0a92f63cb7d020164301d06096086480165030401160410f7eda3a1e680f7f1e10066bb258a733f0440564575837c0a2d5af27a3195ca5e5a7f08d8ea8c7c96afec2f1a245e68f6f71c7ba0f932697bda031857ddfcdc8259ad8789d0e508025ea0d6e6c2c7d00e06b8";
    const PBES2_DES3: &str = "308189304d06092a864886f70d01050d3040302806092a864886f70d01050c301b040876c0facb399c9d0f02010a300c06082a864886f70d02090500301406082a864886f70d03070408126bcaa06913c41e04382e5535fe29ab356a22230f61e595063321066391526d05796c42d693ef563250f1cb2efa68ae20d1f0c1d0ff15a4751fde2179ce21638425";
    const PBES2_DES: &str = "308187304b06092a864886f70d01050d303e302906092a864886f70d01050c301c040828467eeea120dba502020800300c06082a864886f70d02090500301106052b0e03020704089395dba4eac7c0f90438a08ff0ba36288f05255b2734d7e958e550acbc23026c534f0140d0801642dcd2349a195d34ca3abc51b93bc3212859e1d4a01c8ea4f90479";
    const PBES2_SCRYPT: &str = "308193304f06092a864886f70d01050d3042302106092b06010401da47040b3014040864028c3b970e0f2502024000020108020101301d060960864801650304012a0410e54dc760b46b14cb1043618cd934433b04407c4a8e30bdcace1fb81ac2bc6d0649d03c3962bcc6d8ac76e8c9cbb597e455857b5680f3420a8908b28c0db701031e4696b8eb6e6802c3eab83197d738b44494";
    const P12_3DES: &str = "3058301c060a2a864886f70d010c0103300e04083649b15083891e1d0202080004386e4747db3ba6f251f9fbe1d6ac4bad5ae7248076e3bb1aee4e65e893dfc6f3362bd66a2345aa919741ec578581e2cb7e268f39652ebf455f";
    const P12_2DES: &str = "3057301b060a2a864886f70d010c0104300d04084fcee30b723c69930201070438d3d6402b71a196c6aca5655b5f13218e2995fa4b0a658bfb1b8ed4cc869607e62cc7e69cc32fd89069cdb9046a4c6fa6da4e8b9e4087ba8c";
    const P12_RC2_40: &str = "3058301c060a2a864886f70d010c0106300e0408c478d7c9e8af4d8f020208000438b6220065a235cbcc0ece4c97754b85cc389787cfcafff829946c4d3fa48abf84dd54057dc46e62d22d4ab51c828ac6bfb6429a7c72363881";
    const P12_RC2_128: &str = "3058301c060a2a864886f70d010c0105300e0408645f6eb501e4df09020208000438dfe49cae508b277abc1a46ebade069ba56814c150af514ca3cb8abe3d378fd72b98db67e514ec6be016530bf646268e9bf85bdf8b117a25f";
    const PBES1_MD5_DES: &str = "3057301b06092a864886f70d010503300e040882bbfcc9b9b7f92b020208000438f07ca34dae31f26860a2c39379aedd88074f3321fbbb7e7b91f4b120a4b64b2dbc33b3e681431305322acbbf88afb9ff16dd3bdce878f722";
    const PBES1_SHA1_DES: &str = "3057301b06092a864886f70d01050a300e040844f203b20adc93c00202080004380bb15f907667391ce75df5ac70c1a03073ab92f4a246a772743b0e091cd92f2c476b8a41999947e9e0092ae43a7ca2389d8fea867819b6ec";
    const PBES1_SHA1_RC2: &str = "3057301b06092a864886f70d01050b300e040861a3472c27502ebb02020800043800d1f5259a28dda77d3cb6e92ca93d5ba1fdc4b8ae2c955ebad741e1d9aba6f212ba85df49145e56d5f50340ad192ee9fd6c71fd5dc36e95";
    const REFERENCE: &str = "3081a3305f06092a864886f70d01050d3052303106092a864886f70d01050c3024041067a4693f87aa7d2d1db14bd6c050817202020800300c06082a864886f70d02090500301d060960864801650304012a0410e2268bacd687df4ec132d4285e413cbb044098ee49e9650b80e463a2bdadc7b8bb7f53bcedfeda5cef68365eec7bff0a26f77d1e6724fee2cc36ba5553c1d109578894aff2aa071b66e29c4cabf67b26cf35";

    const ALL: [&str; 13] = [
        PBES2_AES256_SHA512,
        PBES2_AES192_SHA1,
        PBES2_DES3,
        PBES2_DES,
        PBES2_SCRYPT,
        P12_3DES,
        P12_2DES,
        P12_RC2_40,
        P12_RC2_128,
        PBES1_MD5_DES,
        PBES1_SHA1_DES,
        PBES1_SHA1_RC2,
        REFERENCE,
    ];

    fn h(s: &str) -> Vec<u8> {
        hex::decode(s).unwrap()
    }

    fn pbkdf2_info(p: Pbkdf2Params, cipher: BlockCipher) -> EncryptedPrivateKeyInfo {
        EncryptedPrivateKeyInfo {
            scheme: EncryptionScheme::Pbes2 {
                kdf: Kdf::Pbkdf2(p),
                cipher,
                iv: vec![7; cipher.block_len()],
            },
            encrypted_data: vec![1; 32],
        }
    }

    fn sha256_params(iterations: u64) -> Pbkdf2Params {
        Pbkdf2Params {
            salt: vec![9; 16],
            iterations,
            key_length: None,
            prf: Prf::HmacSha256,
        }
    }

    fn scrypt_info(cost: u64, block_size: u64, parallelization: u64) -> EncryptedPrivateKeyInfo {
        EncryptedPrivateKeyInfo {
            scheme: EncryptionScheme::Pbes2 {
                kdf: Kdf::Scrypt(ScryptParams {
                    salt: b"salt".to_vec(),
                    cost,
                    block_size,
                    parallelization,
                    key_length: None,
                }),
                cipher: BlockCipher::Aes128Cbc,
                iv: vec![0; 16],
            },
            encrypted_data: vec![0; 16],
        }
    }

    /// An EncryptedPrivateKeyInfo with any algorithm OID and parameters.
    fn raw_epki(oid: ObjectIdentifier, params_der: Option<&[u8]>) -> Vec<u8> {
        let params = params_der.map(|d| asn1::parse_single::<asn1::Tlv<'_>>(d).unwrap());
        asn1::write_single(&der::EncryptedPrivateKeyInfo {
            encryption_algorithm: AlgorithmIdentifier { oid, params },
            encrypted_data: &[0; 16],
        })
        .unwrap()
    }

    /// PBES2 with a PBKDF2 whose parameters are given as DER, and AES-128-CBC.
    fn pbes2_with_pbkdf2_der(pbkdf2_der: &[u8]) -> Vec<u8> {
        let iv = asn1::write_single(&&[0u8; 16][..]).unwrap();
        let pbes2 = asn1::write_single(&der::Pbes2Params {
            key_derivation_func: AlgorithmIdentifier {
                oid: oids::PBKDF2,
                params: Some(asn1::parse_single(pbkdf2_der).unwrap()),
            },
            encryption_scheme: AlgorithmIdentifier {
                oid: oids::AES_128_CBC,
                params: Some(asn1::parse_single(&iv).unwrap()),
            },
        })
        .unwrap();
        raw_epki(oids::PBES2, Some(&pbes2))
    }

    fn malformed_mentioning(result: Result<EncryptedPrivateKeyInfo, KeyError>, needle: &str) {
        match result {
            Err(KeyError::Malformed(msg)) => {
                assert!(msg.contains(needle), "{msg:?} lacks {needle:?}")
            }
            other => panic!("expected Malformed mentioning {needle:?}, got {other:?}"),
        }
    }

    fn unsupported_mentioning(result: Result<EncryptedPrivateKeyInfo, KeyError>, needle: &str) {
        match result {
            Err(KeyError::UnsupportedAlgorithm(msg)) => {
                assert!(msg.contains(needle), "{msg:?} lacks {needle:?}")
            }
            other => panic!("expected UnsupportedAlgorithm mentioning {needle:?}, got {other:?}"),
        }
    }

    #[test]
    fn openssl_and_reference_outputs_round_trip_byte_for_byte() {
        for vector in ALL {
            let der = h(vector);
            let info = parse_encrypted(&der).unwrap();
            assert_eq!(write_encrypted(&info).unwrap(), der, "{vector}");
        }
    }

    #[test]
    fn pbes2_fields() {
        let info = parse_encrypted(&h(PBES2_AES256_SHA512)).unwrap();
        assert_eq!(info.encrypted_data.len(), 64);
        let EncryptionScheme::Pbes2 {
            kdf: Kdf::Pbkdf2(p),
            cipher,
            iv,
        } = &info.scheme
        else {
            panic!("{info:?}")
        };
        assert_eq!(p.salt, h("bd3e77f670cee313"));
        assert_eq!(p.iterations, 1000);
        assert_eq!(p.key_length, None);
        assert_eq!(p.prf, Prf::HmacSha512);
        assert_eq!(*cipher, BlockCipher::Aes256Cbc);
        assert_eq!(*iv, h("131e5f6f76608df1eccc875978cbf840"));

        // The PRF is left out when it is the default, HMAC-SHA1.
        let info = parse_encrypted(&h(PBES2_AES192_SHA1)).unwrap();
        let EncryptionScheme::Pbes2 {
            kdf: Kdf::Pbkdf2(p),
            cipher,
            ..
        } = &info.scheme
        else {
            panic!("{info:?}")
        };
        assert_eq!(
            (p.prf, p.iterations, *cipher),
            (Prf::HmacSha1, 100, BlockCipher::Aes192Cbc)
        );

        let info = parse_encrypted(&h(PBES2_DES3)).unwrap();
        let EncryptionScheme::Pbes2 { cipher, iv, .. } = &info.scheme else {
            panic!("{info:?}")
        };
        assert_eq!((*cipher, iv.len()), (BlockCipher::DesEde3Cbc, 8));

        // pyca/cryptography's BestAvailableEncryption: PBKDF2-HMAC-SHA256, 2048 iterations,
        // 16-byte salt, AES-256-CBC.
        let info = parse_encrypted(&h(REFERENCE)).unwrap();
        let EncryptionScheme::Pbes2 {
            kdf: Kdf::Pbkdf2(p),
            cipher,
            ..
        } = &info.scheme
        else {
            panic!("{info:?}")
        };
        assert_eq!(
            (p.prf, p.iterations, p.salt.len()),
            (Prf::HmacSha256, 2048, 16)
        );
        assert_eq!(*cipher, BlockCipher::Aes256Cbc);
    }

    #[test]
    fn scrypt_fields() {
        let info = parse_encrypted(&h(PBES2_SCRYPT)).unwrap();
        let EncryptionScheme::Pbes2 {
            kdf: Kdf::Scrypt(p),
            cipher,
            ..
        } = &info.scheme
        else {
            panic!("{info:?}")
        };
        assert_eq!(p.salt, h("64028c3b970e0f25"));
        assert_eq!((p.cost, p.block_size, p.parallelization), (16384, 8, 1));
        assert_eq!(p.key_length, None);
        assert_eq!(*cipher, BlockCipher::Aes256Cbc);
    }

    #[test]
    fn legacy_scheme_fields() {
        let cases = [
            (P12_3DES, "3649b15083891e1d", 2048),
            (P12_2DES, "4fcee30b723c6993", 7),
            (P12_RC2_40, "c478d7c9e8af4d8f", 2048),
            (P12_RC2_128, "645f6eb501e4df09", 2048),
            (PBES1_MD5_DES, "82bbfcc9b9b7f92b", 2048),
            (PBES1_SHA1_DES, "44f203b20adc93c0", 2048),
            (PBES1_SHA1_RC2, "61a3472c27502ebb", 2048),
        ];
        let mut schemes = Vec::new();
        for (vector, salt, iterations) in cases {
            let info = parse_encrypted(&h(vector)).unwrap();
            let params = match &info.scheme {
                EncryptionScheme::Pkcs12 { cipher, params } => {
                    schemes.push(format!("{cipher:?}"));
                    params
                }
                EncryptionScheme::Pbes1 { scheme, params } => {
                    schemes.push(format!("{scheme:?}"));
                    params
                }
                other => panic!("{other:?}"),
            };
            assert_eq!(
                (params.salt.clone(), params.iterations),
                (h(salt), iterations)
            );
        }
        assert_eq!(
            schemes,
            [
                "DesEde3Cbc",
                "DesEdeCbc",
                "Rc2_40Cbc",
                "Rc2_128Cbc",
                "Md5DesCbc",
                "Sha1DesCbc",
                "Sha1Rc2Cbc"
            ]
        );
    }

    #[test]
    fn truncated_or_extended_input_is_malformed() {
        for vector in ALL {
            let der = h(vector);
            for len in 0..der.len() {
                let prefix = der.get(..len).unwrap();
                assert!(
                    matches!(parse_encrypted(prefix), Err(KeyError::Malformed(_))),
                    "{vector} cut to {len}"
                );
            }
            let mut longer = der.clone();
            longer.push(0);
            assert!(matches!(
                parse_encrypted(&longer),
                Err(KeyError::Malformed(_))
            ));
        }
        for garbage in [&b""[..], b"\x30\x00", b"\x04\x00", b"not DER at all"] {
            assert!(matches!(
                parse_encrypted(garbage),
                Err(KeyError::Malformed(_))
            ));
        }
    }

    #[test]
    fn iteration_counts_are_bounded() {
        for (iterations, ok) in [
            (0, false),
            (1, true),
            (MAX_ITERATIONS, true),
            (MAX_ITERATIONS + 1, false),
            (u64::MAX, false),
        ] {
            let info = pbkdf2_info(sha256_params(iterations), BlockCipher::Aes128Cbc);
            let der = write_unchecked(&info).unwrap();
            if ok {
                assert_eq!(parse_encrypted(&der).unwrap(), info);
                assert_eq!(write_encrypted(&info).unwrap(), der);
            } else {
                malformed_mentioning(parse_encrypted(&der), "PBKDF2-params.iterationCount");
                assert!(write_encrypted(&info).is_err());
            }
        }
        for scheme in [
            EncryptionScheme::Pkcs12 {
                cipher: Pkcs12Cipher::DesEde3Cbc,
                params: PbeParams {
                    salt: vec![1; 8],
                    iterations: 0,
                },
            },
            EncryptionScheme::Pbes1 {
                scheme: Pbes1Scheme::Md5DesCbc,
                params: PbeParams {
                    salt: vec![1; 8],
                    iterations: MAX_ITERATIONS + 1,
                },
            },
        ] {
            let info = EncryptedPrivateKeyInfo {
                scheme,
                encrypted_data: vec![0; 8],
            };
            let der = write_unchecked(&info).unwrap();
            malformed_mentioning(parse_encrypted(&der), "iteration");
        }
    }

    #[test]
    fn negative_and_oversized_integers_are_malformed() {
        // PBKDF2-params with iterationCount -1, then 2^64.
        for iterations in ["0201ff", "0209010000000000000000"] {
            let params = h(&format!(
                "30{:02x}0408{}{iterations}",
                10 + iterations.len() / 2,
                "00".repeat(8)
            ));
            malformed_mentioning(
                parse_encrypted(&pbes2_with_pbkdf2_der(&params)),
                "PBKDF2-params",
            );
        }
    }

    #[test]
    fn scrypt_costs_are_bounded() {
        let good = [
            (2, 1, 1),
            (16384, 8, 1),
            (1 << 20, 8, 1),
            (1 << 15, 1, 1),
            (1 << 18, 8, 16),
        ];
        for (n, r, p) in good {
            let info = scrypt_info(n, r, p);
            assert_eq!(
                parse_encrypted(&write_encrypted(&info).unwrap()).unwrap(),
                info
            );
        }
        let bad = [
            (0, 8, 1, "costParameter"),
            (1, 8, 1, "costParameter"),
            (3, 8, 1, "costParameter"),
            (16383, 8, 1, "costParameter"),
            (1 << 16, 1, 1, "2^(16 r)"),
            (1024, 0, 1, "blockSize"),
            (1024, 8, 0, "parallelizationParameter"),
            (1 << 21, 8, 1, "memory"),
            (1 << 62, 8, 1, "memory"),
            (2, u64::MAX, 1, "memory"),
            (1 << 20, 8, 5, "mixing"),
            (2, 8, u64::MAX, "mixing"),
        ];
        for (n, r, p, needle) in bad {
            let info = scrypt_info(n, r, p);
            assert!(write_encrypted(&info).is_err());
            malformed_mentioning(parse_encrypted(&write_unchecked(&info).unwrap()), needle);
        }
    }

    #[test]
    fn ivs_key_lengths_and_ciphertext_lengths_are_checked() {
        let mut info = pbkdf2_info(sha256_params(10), BlockCipher::Aes256Cbc);
        if let EncryptionScheme::Pbes2 { iv, .. } = &mut info.scheme {
            iv.pop();
        }
        malformed_mentioning(
            parse_encrypted(&write_unchecked(&info).unwrap()),
            "IV is 15 bytes",
        );

        for (key_length, ok) in [
            (Some(32), true),
            (Some(16), false),
            (Some(0), false),
            (None, true),
        ] {
            let mut params = sha256_params(10);
            params.key_length = key_length;
            let info = pbkdf2_info(params, BlockCipher::Aes256Cbc);
            let der = write_unchecked(&info).unwrap();
            if ok {
                assert_eq!(parse_encrypted(&der).unwrap(), info);
            } else {
                malformed_mentioning(parse_encrypted(&der), "keyLength");
            }
        }
        let mut info = scrypt_info(1024, 8, 1);
        if let EncryptionScheme::Pbes2 {
            kdf: Kdf::Scrypt(p),
            ..
        } = &mut info.scheme
        {
            p.key_length = Some(32);
        }
        malformed_mentioning(
            parse_encrypted(&write_unchecked(&info).unwrap()),
            "scrypt-params.keyLength",
        );

        for len in [0, 1, 15, 17, 33] {
            let mut info = pbkdf2_info(sha256_params(10), BlockCipher::Aes128Cbc);
            info.encrypted_data = vec![0; len];
            malformed_mentioning(
                parse_encrypted(&write_unchecked(&info).unwrap()),
                "encryptedData",
            );
        }
        let mut info = parse_encrypted(&h(P12_3DES)).unwrap();
        info.encrypted_data.truncate(52);
        malformed_mentioning(parse_encrypted(&write_unchecked(&info).unwrap()), "8-byte");
    }

    #[test]
    fn unknown_algorithms_are_unsupported_and_named() {
        // PKCS#12 pbeWithSHAAnd128BitRC4 (a stream cipher), then an arbitrary OID.
        let pbe_params = h("300d04080102030405060708020101");
        for oid in [
            asn1::oid!(1, 2, 840, 113549, 1, 12, 1, 1),
            asn1::oid!(1, 2, 3, 4),
        ] {
            unsupported_mentioning(
                parse_encrypted(&raw_epki(oid.clone(), Some(&pbe_params))),
                &oid.to_string(),
            );
        }

        // PBES2 with an unknown KDF, and with RC2-CBC as the cipher.
        let null = h("0500");
        let iv = h("04080000000000000000");
        let pbkdf2 = h("300d04080102030405060708020101");
        let pbes2 = |kdf: ObjectIdentifier, kdf_params: &[u8], cipher: ObjectIdentifier| {
            let p = asn1::write_single(&der::Pbes2Params {
                key_derivation_func: AlgorithmIdentifier {
                    oid: kdf,
                    params: Some(asn1::parse_single(kdf_params).unwrap()),
                },
                encryption_scheme: AlgorithmIdentifier {
                    oid: cipher,
                    params: Some(asn1::parse_single(&iv).unwrap()),
                },
            })
            .unwrap();
            raw_epki(oids::PBES2, Some(&p))
        };
        unsupported_mentioning(
            parse_encrypted(&pbes2(asn1::oid!(1, 2, 3, 5), &null, oids::DES_EDE3_CBC)),
            "key derivation function 1.2.3.5",
        );
        unsupported_mentioning(
            parse_encrypted(&pbes2(
                oids::PBKDF2,
                &pbkdf2,
                asn1::oid!(1, 2, 840, 113549, 3, 2),
            )),
            "encryption scheme 1.2.840.113549.3.2",
        );

        // PBKDF2 with an unknown PRF (HMAC-MD5).
        let params = h("301b04080102030405060708020101300c06082a864886f70d02060500");
        unsupported_mentioning(
            parse_encrypted(&pbes2_with_pbkdf2_der(&params)),
            "1.2.840.113549.2.6",
        );

        // PBKDF2 with the salt from otherSource:
        // SEQUENCE { SEQUENCE { OID 1.2.3.4.5.6.7 }, INTEGER 1 }.
        let params = h("300d300806062a0304050607020101");
        unsupported_mentioning(
            parse_encrypted(&pbes2_with_pbkdf2_der(&params)),
            "otherSource",
        );
    }

    #[test]
    fn prf_encodings() {
        // Explicit hmacWithSHA1 (DEFAULT, so not DER) is read, and left out when written.
        let explicit = h("301b04080102030405060708020101300c06082a864886f70d02070500");
        let info = parse_encrypted(&pbes2_with_pbkdf2_der(&explicit)).unwrap();
        let implicit = pbes2_with_pbkdf2_der(&h("300d04080102030405060708020101"));
        assert_eq!(parse_encrypted(&implicit).unwrap(), info);
        assert_eq!(write_encrypted(&info).unwrap(), implicit);

        // Absent PRF parameters are read like NULL ones.
        let absent = h("301904080102030405060708020101300a06082a864886f70d0209");
        let null = h("301b04080102030405060708020101300c06082a864886f70d02090500");
        assert_eq!(
            parse_encrypted(&pbes2_with_pbkdf2_der(&absent)).unwrap(),
            parse_encrypted(&pbes2_with_pbkdf2_der(&null)).unwrap()
        );

        // Anything else is not.
        let octets = h("301c04080102030405060708020101300d06082a864886f70d0209040100");
        malformed_mentioning(
            parse_encrypted(&pbes2_with_pbkdf2_der(&octets)),
            "NULL or absent",
        );
    }

    #[test]
    fn missing_parameters_are_malformed() {
        for oid in [oids::PBES2, oids::PBE_SHA1_3DES, oids::PBE_MD5_DES] {
            malformed_mentioning(parse_encrypted(&raw_epki(oid, None)), "no parameters");
        }
        malformed_mentioning(
            parse_encrypted(&raw_epki(oids::PBES2, Some(&h("3000")))),
            "PBES2-params",
        );
    }

    #[test]
    fn every_prf_and_cipher_round_trips() {
        for prf in PRFS {
            for cipher in BLOCK_CIPHERS {
                let mut params = sha256_params(3);
                params.prf = prf;
                params.key_length = Some(u64::try_from(cipher.key_len()).unwrap());
                let info = pbkdf2_info(params, cipher);
                let der = write_encrypted(&info).unwrap();
                assert_eq!(parse_encrypted(&der).unwrap(), info);
            }
        }
    }

    const EC_AES128_PEM: &str = "-----BEGIN EC PRIVATE KEY-----
Proc-Type: 4,ENCRYPTED
DEK-Info: AES-128-CBC,383B5E684CA232434295E26CA14949BF

lltcnuiIyWVuxjTPxaEEbI7jSjOnK76KJMjXnyoX0Qwdrooo1EXnpPyuzz5YVl8V
UCUCbYHJqg7FHajiDDJV7ej/uSpUZfpYW9FA/6tkAFeaq8XXlNfXQIzA0ouy9mpc
8kjhABnAYcV1gmczGAWZbQtTxjYktdczZVMvkTEAUDo=
-----END EC PRIVATE KEY-----
";

    const EC_DES_PEM: &str = "-----BEGIN EC PRIVATE KEY-----
Proc-Type: 4,ENCRYPTED
DEK-Info: DES-CBC,10061E16665B6FF4

ujDlWG/apjb9wySK05WuXWG9sxVnOJscnphyzwpzeEQvmCUD0PcQS8YHO5snE134
XLclyJhe0JHrO6d2dPzXJQ2Ba69ogA6/H/XQkLiUYG68T+UInqgKeQXgMmVbPaRW
buULh9PqtuJ/0dwGTSKII01IuSBwdGw4kEerolT9mb8=
-----END EC PRIVATE KEY-----
";

    fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn dek_info_from_openssl_pem() {
        let block = crate::pem::find_block(EC_AES128_PEM.as_bytes(), &["EC PRIVATE KEY"]).unwrap();
        let enc = parse_dek_info(&block.headers).unwrap().unwrap();
        assert_eq!(enc.cipher, BlockCipher::Aes128Cbc);
        assert_eq!(enc.iv, h("383B5E684CA232434295E26CA14949BF"));
        assert_eq!(enc.salt(), h("383B5E684CA23243"));
        assert_eq!(enc.headers(), block.headers);
        // Written back exactly as OpenSSL wrote it.
        assert_eq!(
            encode_legacy_pem("EC PRIVATE KEY", &enc, &block.der),
            EC_AES128_PEM
        );

        let block = crate::pem::find_block(EC_DES_PEM.as_bytes(), &["EC PRIVATE KEY"]).unwrap();
        let enc = parse_dek_info(&block.headers).unwrap().unwrap();
        assert_eq!(
            (enc.cipher, enc.iv.clone()),
            (BlockCipher::DesCbc, h("10061E16665B6FF4"))
        );
        assert_eq!(
            encode_legacy_pem("EC PRIVATE KEY", &enc, &block.der),
            EC_DES_PEM
        );
    }

    #[test]
    fn dek_info_variants_and_errors() {
        assert_eq!(parse_dek_info(&[]).unwrap(), None);
        assert_eq!(
            parse_dek_info(&headers(&[("Comment", "hello")])).unwrap(),
            None
        );

        for cipher in BLOCK_CIPHERS {
            let enc = LegacyPemEncryption {
                cipher,
                iv: (0..cipher.block_len() as u8).collect(),
            };
            assert_eq!(parse_dek_info(&enc.headers()).unwrap(), Some(enc));
        }
        let lower = headers(&[
            ("proc-type", " 4,ENCRYPTED "),
            ("dek-info", "aes-256-cbc,000102030405060708090a0b0c0d0e0f"),
        ]);
        let enc = parse_dek_info(&lower).unwrap().unwrap();
        assert_eq!(enc.cipher, BlockCipher::Aes256Cbc);

        let cases: [(&[(&str, &str)], &str); 9] = [
            (&[("DEK-Info", "AES-128-CBC,00")], "without Proc-Type"),
            (&[("Proc-Type", "4,ENCRYPTED")], "no DEK-Info"),
            (
                &[
                    ("Proc-Type", "4,MIC-ONLY"),
                    ("DEK-Info", "DES-CBC,0001020304050607"),
                ],
                "not \"4,ENCRYPTED\"",
            ),
            (
                &[
                    ("Proc-Type", "3,ENCRYPTED"),
                    ("DEK-Info", "DES-CBC,0001020304050607"),
                ],
                "not \"4,ENCRYPTED\"",
            ),
            (
                &[("Proc-Type", "4,ENCRYPTED"), ("DEK-Info", "DES-CBC")],
                "<cipher>,<hex IV>",
            ),
            (
                &[
                    ("Proc-Type", "4,ENCRYPTED"),
                    ("DEK-Info", "DES-CBC,000102030405060"),
                ],
                "not hexadecimal",
            ),
            (
                &[
                    ("Proc-Type", "4,ENCRYPTED"),
                    ("DEK-Info", "DES-CBC,00010203040506zz"),
                ],
                "not hexadecimal",
            ),
            (
                &[
                    ("Proc-Type", "4,ENCRYPTED"),
                    ("DEK-Info", "AES-128-CBC,0001020304050607"),
                ],
                "8 bytes",
            ),
            (
                &[
                    ("Proc-Type", "4,ENCRYPTED"),
                    ("Proc-Type", "4,ENCRYPTED"),
                    ("DEK-Info", "DES-CBC,0001020304050607"),
                ],
                "more than one",
            ),
        ];
        for (pairs, needle) in cases {
            match parse_dek_info(&headers(pairs)) {
                Err(KeyError::Malformed(msg)) => {
                    assert!(msg.contains(needle), "{msg:?} lacks {needle:?}")
                }
                other => panic!("{pairs:?}: {other:?}"),
            }
        }
        match parse_dek_info(&headers(&[
            ("Proc-Type", "4,ENCRYPTED"),
            ("DEK-Info", "CAMELLIA-128-CBC,00"),
        ])) {
            Err(KeyError::UnsupportedAlgorithm(msg)) => assert!(msg.contains("CAMELLIA-128-CBC")),
            other => panic!("{other:?}"),
        }
    }
}
