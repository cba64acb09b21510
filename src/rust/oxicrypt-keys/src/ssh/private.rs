//! OpenSSH private keys: the `openssh-key-v1` format of OpenSSH's PROTOCOL.key.
//!
//! ```text
//! "openssh-key-v1\0"
//! string ciphername        "none" or e.g. "aes256-ctr"
//! string kdfname           "none" or "bcrypt"
//! string kdfoptions        empty, or (string salt, uint32 rounds) for bcrypt
//! uint32 number of keys    always 1 here
//! string public key blob
//! string private section   encrypted unless ciphername is "none"
//! [AEAD tag]               for the GCM and ChaCha20-Poly1305 ciphers
//!
//! private section:
//! uint32 checkint, uint32 checkint (equal; random when written)
//! string key type, then the key's private fields
//! string comment
//! padding 1, 2, 3, ... to a multiple of the cipher's block size (8 when unencrypted)
//! ```
//!
//! Decryption and encryption (bcrypt_pbkdf, AES, ChaCha20-Poly1305) are left to the
//! crypto layer: an encrypted key is returned as an [`EncryptedOpenSshKey`], whose
//! section, once decrypted, [`parse_decrypted_section`] reads; [`write_private_section`]
//! produces the plaintext section to encrypt and [`write_encrypted_blob`] the file around
//! the result.

use crate::error::KeyError;
use crate::ssh::bytes_repr;
use crate::ssh::public::{read_ec_point, read_ed25519, SshCurve, SshKeyType, SshPublicKey};
use crate::ssh::wire::{Reader, Writer};

/// The bytes every `openssh-key-v1` blob starts with.
pub const MAGIC: &[u8] = b"openssh-key-v1\0";
/// The label of the PEM-like armour.
pub const PEM_LABEL: &str = "OPENSSH PRIVATE KEY";
/// OpenSSH's `ssh-keygen` wraps the armour's base64 at 70 columns.
pub const OPENSSH_LINE_WIDTH: usize = 70;
/// The block size the private section is padded to when it is not encrypted.
pub const UNENCRYPTED_BLOCK_LEN: usize = 8;
/// Longest padding accepted when reading: writers pad to at most one block, and no
/// cipher has blocks longer than 16 bytes. The reference implementation has the same
/// limit.
const MAX_PADDING: usize = 16;

/// The ciphers OpenSSH can protect a private key with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SshCipher {
    Aes128Ctr,
    Aes192Ctr,
    Aes256Ctr,
    Aes128Cbc,
    Aes192Cbc,
    Aes256Cbc,
    Aes128Gcm,
    Aes256Gcm,
    ChaCha20Poly1305,
}

impl SshCipher {
    pub const ALL: [SshCipher; 9] = [
        SshCipher::Aes128Ctr,
        SshCipher::Aes192Ctr,
        SshCipher::Aes256Ctr,
        SshCipher::Aes128Cbc,
        SshCipher::Aes192Cbc,
        SshCipher::Aes256Cbc,
        SshCipher::Aes128Gcm,
        SshCipher::Aes256Gcm,
        SshCipher::ChaCha20Poly1305,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SshCipher::Aes128Ctr => "aes128-ctr",
            SshCipher::Aes192Ctr => "aes192-ctr",
            SshCipher::Aes256Ctr => "aes256-ctr",
            SshCipher::Aes128Cbc => "aes128-cbc",
            SshCipher::Aes192Cbc => "aes192-cbc",
            SshCipher::Aes256Cbc => "aes256-cbc",
            SshCipher::Aes128Gcm => "aes128-gcm@openssh.com",
            SshCipher::Aes256Gcm => "aes256-gcm@openssh.com",
            SshCipher::ChaCha20Poly1305 => "chacha20-poly1305@openssh.com",
        }
    }

    pub fn from_name(name: &[u8]) -> Option<SshCipher> {
        SshCipher::ALL
            .into_iter()
            .find(|c| c.name().as_bytes() == name)
    }

    /// Key bytes to derive with the KDF (the derived key material is key then IV).
    pub fn key_len(self) -> usize {
        match self {
            SshCipher::Aes128Ctr | SshCipher::Aes128Cbc | SshCipher::Aes128Gcm => 16,
            SshCipher::Aes192Ctr | SshCipher::Aes192Cbc => 24,
            SshCipher::Aes256Ctr | SshCipher::Aes256Cbc | SshCipher::Aes256Gcm => 32,
            // Two ChaCha20 keys, as in OpenSSH's transport cipher.
            SshCipher::ChaCha20Poly1305 => 64,
        }
    }

    /// IV (or nonce) bytes to derive after the key.
    pub fn iv_len(self) -> usize {
        match self {
            SshCipher::Aes128Gcm | SshCipher::Aes256Gcm => 12,
            SshCipher::ChaCha20Poly1305 => 0,
            _ => 16,
        }
    }

    /// The block size the private section is padded to.
    pub fn block_len(self) -> usize {
        match self {
            SshCipher::ChaCha20Poly1305 => 8,
            _ => 16,
        }
    }

    /// Length of the authentication tag stored after the encrypted section (0 for the
    /// unauthenticated modes).
    pub fn tag_len(self) -> usize {
        match self {
            SshCipher::Aes128Gcm | SshCipher::Aes256Gcm | SshCipher::ChaCha20Poly1305 => 16,
            _ => 0,
        }
    }
}

/// How the cipher key and IV are derived from the passphrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SshKdf {
    /// OpenSSH's bcrypt_pbkdf.
    Bcrypt { salt: Vec<u8>, rounds: u32 },
}

impl SshKdf {
    pub fn name(&self) -> &'static str {
        match self {
            SshKdf::Bcrypt { .. } => "bcrypt",
        }
    }

    fn options(&self) -> Vec<u8> {
        match self {
            SshKdf::Bcrypt { salt, rounds } => {
                let mut w = Writer::new();
                w.put_string(salt);
                w.put_u32(*rounds);
                w.into_bytes()
            }
        }
    }

    fn check(&self) -> Result<(), KeyError> {
        match self {
            SshKdf::Bcrypt { salt, rounds } => {
                if salt.is_empty() {
                    return Err(KeyError::malformed(
                        "password and salt must not be empty (OpenSSH private key: the bcrypt \
                         salt is empty)",
                    ));
                }
                if *rounds == 0 {
                    return Err(KeyError::malformed(
                        "rounds must be 1 or more (OpenSSH private key: bcrypt rounds is 0)",
                    ));
                }
                Ok(())
            }
        }
    }
}

/// The private key material of the private section. Integers are big-endian unsigned
/// magnitudes without leading zeros; each variant repeats the public fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SshPrivateKey {
    Rsa {
        n: Vec<u8>,
        e: Vec<u8>,
        d: Vec<u8>,
        iqmp: Vec<u8>,
        p: Vec<u8>,
        q: Vec<u8>,
    },
    Dsa {
        p: Vec<u8>,
        q: Vec<u8>,
        g: Vec<u8>,
        y: Vec<u8>,
        x: Vec<u8>,
    },
    Ecdsa {
        curve: SshCurve,
        /// Uncompressed SEC1 point.
        point: Vec<u8>,
        scalar: Vec<u8>,
    },
    /// OpenSSH stores `seed || public` as the 64-byte private key. That `public` is the
    /// public key of `seed` is not checked here (it needs Ed25519 arithmetic).
    Ed25519 { seed: [u8; 32], public: [u8; 32] },
}

impl SshPrivateKey {
    pub fn key_type(&self) -> SshKeyType {
        match self {
            SshPrivateKey::Rsa { .. } => SshKeyType::Rsa,
            SshPrivateKey::Dsa { .. } => SshKeyType::Dsa,
            SshPrivateKey::Ecdsa { curve, .. } => SshKeyType::Ecdsa(*curve),
            SshPrivateKey::Ed25519 { .. } => SshKeyType::Ed25519,
        }
    }

    pub fn public_key(&self) -> SshPublicKey {
        match self {
            SshPrivateKey::Rsa { n, e, .. } => SshPublicKey::Rsa {
                e: e.clone(),
                n: n.clone(),
            },
            SshPrivateKey::Dsa { p, q, g, y, .. } => SshPublicKey::Dsa {
                p: p.clone(),
                q: q.clone(),
                g: g.clone(),
                y: y.clone(),
            },
            SshPrivateKey::Ecdsa { curve, point, .. } => SshPublicKey::Ecdsa {
                curve: *curve,
                point: point.clone(),
            },
            SshPrivateKey::Ed25519 { public, .. } => SshPublicKey::Ed25519(*public),
        }
    }

    fn read_fields(kt: SshKeyType, r: &mut Reader<'_>) -> Result<SshPrivateKey, KeyError> {
        let name = kt.name();
        let field = |f: &str| format!("OpenSSH private key: {name} {f}");
        let mut mpint = |f: &str| r.read_mpint(&field(f)).map(<[u8]>::to_vec);
        Ok(match kt {
            SshKeyType::Rsa => SshPrivateKey::Rsa {
                n: mpint("n")?,
                e: mpint("e")?,
                d: mpint("d")?,
                iqmp: mpint("iqmp")?,
                p: mpint("p")?,
                q: mpint("q")?,
            },
            SshKeyType::Dsa => SshPrivateKey::Dsa {
                p: mpint("p")?,
                q: mpint("q")?,
                g: mpint("g")?,
                y: mpint("y")?,
                x: mpint("x")?,
            },
            SshKeyType::Ecdsa(curve) => {
                let point = read_ec_point(curve, name, r)?;
                let scalar = r.read_mpint(&field("private scalar"))?.to_vec();
                if scalar.is_empty() || scalar.len() > curve.field_len() {
                    return Err(KeyError::malformed(format!(
                        "Invalid EC key. (OpenSSH private key: the {name} private scalar must \
                         be 1 to {} bytes, not {})",
                        curve.field_len(),
                        scalar.len()
                    )));
                }
                SshPrivateKey::Ecdsa {
                    curve,
                    point,
                    scalar,
                }
            }
            SshKeyType::Ed25519 => {
                let public = read_ed25519(name, r)?;
                let both = r.read_string(&field("private key"))?;
                let (seed, public2) = both
                    .split_first_chunk::<32>()
                    .filter(|(_, rest)| rest.len() == 32)
                    .ok_or_else(|| {
                        KeyError::malformed(format!(
                            "Corrupt data: ed25519 field mismatch (the ssh-ed25519 private key \
                             must be 64 bytes, seed and public key, not {})",
                            both.len()
                        ))
                    })?;
                if public2 != public {
                    return Err(KeyError::malformed(
                        "Corrupt data: ed25519 field mismatch (the public half of the \
                         ssh-ed25519 private key does not match its public key)",
                    ));
                }
                SshPrivateKey::Ed25519 {
                    seed: *seed,
                    public,
                }
            }
            SshKeyType::SkEcdsaP256 | SshKeyType::SkEd25519 => return Err(unsupported_sk(kt)),
        })
    }

    fn write_fields(&self, w: &mut Writer) {
        match self {
            SshPrivateKey::Rsa {
                n,
                e,
                d,
                iqmp,
                p,
                q,
            } => {
                for v in [n, e, d, iqmp, p, q] {
                    w.put_mpint(v);
                }
            }
            SshPrivateKey::Dsa { p, q, g, y, x } => {
                for v in [p, q, g, y, x] {
                    w.put_mpint(v);
                }
            }
            SshPrivateKey::Ecdsa {
                curve,
                point,
                scalar,
            } => {
                w.put_string(curve.identifier().as_bytes());
                w.put_string(point);
                w.put_mpint(scalar);
            }
            SshPrivateKey::Ed25519 { seed, public } => {
                w.put_string(public);
                let mut both = Vec::with_capacity(64);
                both.extend_from_slice(seed);
                both.extend_from_slice(public);
                w.put_string(&both);
            }
        }
    }
}

/// Security-key private keys are handles to a key inside the token: nothing to load.
fn unsupported_sk(kt: SshKeyType) -> KeyError {
    let name = kt.name();
    KeyError::UnsupportedAlgorithm(format!(
        "{} private keys cannot be loaded",
        name.strip_suffix("@openssh.com").unwrap_or(name)
    ))
}

/// The contents of a (decrypted) private section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenSshPrivateKey {
    pub key: SshPrivateKey,
    pub comment: Vec<u8>,
    /// The check integer, written twice. Writers should choose it at random.
    pub checkint: u32,
}

/// An encrypted key as stored; the private section is still encrypted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncryptedOpenSshKey {
    pub cipher: SshCipher,
    pub kdf: SshKdf,
    /// The public key, which is stored unencrypted.
    pub public_key: SshPublicKey,
    /// A non-empty multiple of the cipher's block length.
    pub encrypted_section: Vec<u8>,
    /// The AEAD tag that follows the section; empty for CTR and CBC.
    pub tag: Vec<u8>,
}

/// An `openssh-key-v1` key file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenSshKeyFile {
    Unencrypted(OpenSshPrivateKey),
    Encrypted(EncryptedOpenSshKey),
}

impl OpenSshKeyFile {
    pub fn public_key(&self) -> SshPublicKey {
        match self {
            OpenSshKeyFile::Unencrypted(k) => k.key.public_key(),
            OpenSshKeyFile::Encrypted(k) => k.public_key.clone(),
        }
    }
}

/// Reads the first `-----BEGIN OPENSSH PRIVATE KEY-----` block of `data`.
pub fn parse_private_pem(data: &[u8]) -> Result<OpenSshKeyFile, KeyError> {
    let block = crate::pem::find_block(data, &[PEM_LABEL])?;
    parse_private_blob(&block.der)
}

/// Reads an `openssh-key-v1` blob (the armour's decoded contents).
pub fn parse_private_blob(blob: &[u8]) -> Result<OpenSshKeyFile, KeyError> {
    let rest = blob.strip_prefix(MAGIC).ok_or_else(|| {
        KeyError::malformed("Not OpenSSH private key format (no openssh-key-v1 magic)")
    })?;
    let mut r = Reader::new(rest);
    let ciphername = r.read_string("OpenSSH private key: cipher name")?;
    let kdfname = r.read_string("OpenSSH private key: KDF name")?;
    let kdfoptions = r.read_string("OpenSSH private key: KDF options")?;
    let nkeys = r.read_u32("OpenSSH private key: number of keys")?;
    if nkeys != 1 {
        return Err(KeyError::malformed(format!(
            "Only one key supported (the OpenSSH private key file holds {nkeys}; exactly one \
             is supported)"
        )));
    }
    let public_key = SshPublicKey::from_blob(r.read_string("OpenSSH private key: public key")?)?;
    if let kt @ (SshKeyType::SkEcdsaP256 | SshKeyType::SkEd25519) = public_key.key_type() {
        return Err(unsupported_sk(kt));
    }

    if ciphername == b"none" && kdfname == b"none" {
        if !kdfoptions.is_empty() {
            return Err(KeyError::malformed(
                "Corrupt data: unparsed data (OpenSSH private key: KDF options given with KDF \
                 \"none\")",
            ));
        }
        let section = r.read_string("OpenSSH private key: private section")?;
        r.finish("OpenSSH private key")?;
        let key = parse_section(section, UNENCRYPTED_BLOCK_LEN, &public_key)?;
        return Ok(OpenSshKeyFile::Unencrypted(key));
    }

    let cipher = SshCipher::from_name(ciphername).ok_or_else(|| {
        KeyError::UnsupportedAlgorithm(format!("Unsupported cipher: {}", bytes_repr(ciphername)))
    })?;
    if kdfname != b"bcrypt" {
        return Err(KeyError::UnsupportedAlgorithm(format!(
            "Unsupported KDF: {}",
            bytes_repr(kdfname)
        )));
    }
    let mut opts = Reader::new(kdfoptions);
    let salt = opts
        .read_string("OpenSSH private key: bcrypt salt")?
        .to_vec();
    let rounds = opts.read_u32("OpenSSH private key: bcrypt rounds")?;
    opts.finish("OpenSSH private key: bcrypt KDF options")?;
    let kdf = SshKdf::Bcrypt { salt, rounds };
    kdf.check()?;

    let encrypted_section = r
        .read_string("OpenSSH private key: encrypted section")?
        .to_vec();
    // The AEAD tag is whatever follows the section (OpenSSH writes it outside any length
    // field); for the other ciphers nothing may follow.
    let tag = r.remaining();
    if cipher.tag_len() == 0 {
        r.finish("OpenSSH private key")?;
    } else if tag.len() != cipher.tag_len() {
        return Err(KeyError::malformed(format!(
            "Corrupt data: invalid tag length for cipher ({} needs a {}-byte tag, found {} bytes)",
            cipher.name(),
            cipher.tag_len(),
            tag.len()
        )));
    }
    check_section_len(encrypted_section.len(), cipher.block_len())?;
    Ok(OpenSshKeyFile::Encrypted(EncryptedOpenSshKey {
        cipher,
        kdf,
        public_key,
        encrypted_section,
        tag: tag.to_vec(),
    }))
}

/// Reads the private section of `encrypted` after the caller has decrypted it (and, for
/// AEAD ciphers, checked its tag). Mismatched check integers here usually mean a wrong
/// passphrase.
pub fn parse_decrypted_section(
    encrypted: &EncryptedOpenSshKey,
    decrypted: &[u8],
) -> Result<OpenSshPrivateKey, KeyError> {
    if decrypted.len() != encrypted.encrypted_section.len() {
        return Err(KeyError::malformed(format!(
            "OpenSSH private key: decrypted section is {} bytes but the encrypted one is {}",
            decrypted.len(),
            encrypted.encrypted_section.len()
        )));
    }
    parse_section(
        decrypted,
        encrypted.cipher.block_len(),
        &encrypted.public_key,
    )
}

fn check_section_len(len: usize, block_len: usize) -> Result<(), KeyError> {
    if len == 0 || len % block_len != 0 {
        return Err(KeyError::malformed(format!(
            "Corrupt data: missing padding (OpenSSH private key: private section length {len} \
             is not a positive multiple of the block size {block_len})"
        )));
    }
    Ok(())
}

fn parse_section(
    section: &[u8],
    block_len: usize,
    public_key: &SshPublicKey,
) -> Result<OpenSshPrivateKey, KeyError> {
    check_section_len(section.len(), block_len)?;
    let mut r = Reader::new(section);
    let check1 = r.read_u32("OpenSSH private key: check integer")?;
    let check2 = r.read_u32("OpenSSH private key: check integer")?;
    if check1 != check2 {
        return Err(KeyError::malformed(
            "Corrupt data: broken checksum (the check integers differ: wrong password, or \
             damaged data)",
        ));
    }
    let name = r.read_string("OpenSSH private key: private key type")?;
    let expected = public_key.key_type();
    if name != expected.name().as_bytes() {
        return Err(KeyError::malformed(format!(
            "Corrupt data: key type mismatch (private key type {:?}, public key type {:?})",
            String::from_utf8_lossy(name),
            expected.name()
        )));
    }
    let key = SshPrivateKey::read_fields(expected, &mut r)?;
    if key.public_key() != *public_key {
        let family = match expected {
            SshKeyType::Rsa => "rsa",
            SshKeyType::Dsa => "dsa",
            SshKeyType::Ecdsa(_) | SshKeyType::SkEcdsaP256 => "ecdsa",
            SshKeyType::Ed25519 | SshKeyType::SkEd25519 => "ed25519",
        };
        return Err(KeyError::malformed(format!(
            "Corrupt data: {family} field mismatch (the {} private key does not match the \
             public key)",
            expected.name()
        )));
    }
    let comment = r.read_string("OpenSSH private key: comment")?.to_vec();
    let padding = r.remaining();
    let expected_padding = (1..=MAX_PADDING).map(|i| i as u8);
    if padding.len() > MAX_PADDING
        || !padding
            .iter()
            .copied()
            .eq(expected_padding.take(padding.len()))
    {
        return Err(KeyError::malformed(
            "Corrupt data: invalid padding (it must be 1, 2, 3, ... up to the block size)",
        ));
    }
    Ok(OpenSshPrivateKey {
        key,
        comment,
        checkint: check1,
    })
}

/// How much padding (1, 2, 3, ...) the private section gets. Readers accept both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionPadding {
    /// What OpenSSH's `ssh-keygen` writes: up to the next multiple of the block size, and
    /// nothing when the section is already aligned.
    Minimal,
    /// What the reference implementation writes: at least one byte, so a whole block when
    /// the section is already aligned. oxicrypt writes this, so that its keys equal the
    /// reference's byte for byte.
    AtLeastOne,
}

/// The plaintext private section of `key`, padded 1, 2, 3, ... to a multiple of
/// `block_len` as OpenSSH does (no padding when already aligned). Use
/// [`UNENCRYPTED_BLOCK_LEN`] for unencrypted keys and [`SshCipher::block_len`] before
/// encrypting.
pub fn write_private_section(key: &OpenSshPrivateKey, block_len: usize) -> Vec<u8> {
    write_private_section_padded(key, block_len, SectionPadding::Minimal)
}

/// [`write_private_section`] with the choice of padding.
pub fn write_private_section_padded(
    key: &OpenSshPrivateKey,
    block_len: usize,
    padding: SectionPadding,
) -> Vec<u8> {
    let block_len = block_len.max(1);
    let mut w = Writer::new();
    w.put_u32(key.checkint);
    w.put_u32(key.checkint);
    w.put_string(key.key.key_type().name().as_bytes());
    key.key.write_fields(&mut w);
    w.put_string(&key.comment);
    let mut pad: u8 = 1;
    if padding == SectionPadding::AtLeastOne {
        w.put_raw(&[pad]);
        pad = 2;
    }
    while w.len() % block_len != 0 {
        w.put_raw(&[pad]);
        pad = pad.wrapping_add(1);
    }
    w.into_bytes()
}

fn write_header(
    w: &mut Writer,
    cipher: &str,
    kdf: &str,
    kdf_options: &[u8],
    public_key: &SshPublicKey,
) {
    w.put_raw(MAGIC);
    w.put_string(cipher.as_bytes());
    w.put_string(kdf.as_bytes());
    w.put_string(kdf_options);
    w.put_u32(1);
    w.put_string(&public_key.to_blob());
}

/// An unencrypted `openssh-key-v1` blob, padded as `ssh-keygen` does.
pub fn write_private_blob(key: &OpenSshPrivateKey) -> Vec<u8> {
    write_private_blob_padded(key, SectionPadding::Minimal)
}

/// An unencrypted `openssh-key-v1` blob with the choice of padding.
pub fn write_private_blob_padded(key: &OpenSshPrivateKey, padding: SectionPadding) -> Vec<u8> {
    let mut w = Writer::new();
    write_header(&mut w, "none", "none", &[], &key.key.public_key());
    w.put_string(&write_private_section_padded(
        key,
        UNENCRYPTED_BLOCK_LEN,
        padding,
    ));
    w.into_bytes()
}

/// An encrypted `openssh-key-v1` blob around an already encrypted section.
pub fn write_encrypted_blob(key: &EncryptedOpenSshKey) -> Result<Vec<u8>, KeyError> {
    key.kdf.check()?;
    check_section_len(key.encrypted_section.len(), key.cipher.block_len())?;
    if key.tag.len() != key.cipher.tag_len() {
        return Err(KeyError::malformed(format!(
            "OpenSSH private key: {} needs a {}-byte tag, not {}",
            key.cipher.name(),
            key.cipher.tag_len(),
            key.tag.len()
        )));
    }
    if let kt @ (SshKeyType::SkEcdsaP256 | SshKeyType::SkEd25519) = key.public_key.key_type() {
        return Err(unsupported_sk(kt));
    }
    let mut w = Writer::new();
    write_header(
        &mut w,
        key.cipher.name(),
        key.kdf.name(),
        &key.kdf.options(),
        &key.public_key,
    );
    w.put_string(&key.encrypted_section);
    w.put_raw(&key.tag);
    Ok(w.into_bytes())
}

/// The armour around a blob: `-----BEGIN OPENSSH PRIVATE KEY-----`, base64 wrapped at
/// `line_width` columns ([`OPENSSH_LINE_WIDTH`] as `ssh-keygen` does, or 64 as the reference
/// implementation does), LF line ends.
pub fn encode_pem(blob: &[u8], line_width: usize) -> String {
    let block = pem::Pem::new(PEM_LABEL, blob);
    pem::encode_config(
        &block,
        pem::EncodeConfig::new()
            .set_line_ending(pem::LineEnding::LF)
            .set_line_wrap(line_width.max(4)),
    )
}
