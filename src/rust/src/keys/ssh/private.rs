//! `openssh-key-v1` private keys: loading (decrypting with bcrypt_pbkdf and the file's
//! cipher) and writing (unencrypted, or aes256-ctr as the reference writes).

use openssl::pkey::{PKey, Private};
use oxicrypt_keys::ssh::private::{MAGIC, PEM_LABEL};
use oxicrypt_keys::ssh::{
    encode_pem, parse_decrypted_section, parse_private_blob, write_encrypted_blob,
    write_private_blob_padded, write_private_section_padded, EncryptedOpenSshKey, OpenSshKeyFile,
    OpenSshPrivateKey, SectionPadding, SshCipher, SshKdf,
};
use oxicrypt_openssl::ssh_cipher::{self, SshCipherError};
use pyo3::exceptions::{PyImportError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::keys::{private_object, private_of_pkey};
use super::{ssh_error, unsupported, value_error};
use crate::buf::Buffer;
use crate::error::{CryptoError, CryptoResult};
use crate::keys::serialization::Encryption;

pyo3::import_exception!(oxicrypt.exceptions, InvalidTag);

/// The cipher, KDF rounds and salt length the reference writes.
const WRITE_CIPHER: SshCipher = SshCipher::Aes256Ctr;
const DEFAULT_ROUNDS: u32 = 16;
const SALT_LEN: usize = 16;
/// The reference wraps the armour's base64 at 64 columns (ssh-keygen at 70).
const LINE_WIDTH: usize = 64;

/// bcrypt_pbkdf from the optional `bcrypt` package (which releases the GIL while it
/// works); without it, `UnsupportedAlgorithm("Need bcrypt module")`.
fn bcrypt_kdf(
    py: Python<'_>,
    password: &[u8],
    salt: &[u8],
    len: usize,
    rounds: u32,
) -> CryptoResult<Vec<u8>> {
    let bcrypt = match py.import("bcrypt") {
        Ok(module) => module,
        Err(e) if e.is_instance_of::<PyImportError>(py) => {
            return Err(unsupported("Need bcrypt module"))
        }
        Err(e) => return Err(e.into()),
    };
    let derived = bcrypt.getattr("kdf")?.call1((
        PyBytes::new(py, password),
        PyBytes::new(py, salt),
        len,
        rounds,
        // OpenSSH keys commonly use 16 rounds, below what bcrypt calls "few".
        true,
    ))?;
    Ok(derived.extract::<Vec<u8>>()?)
}

fn cipher_error(e: SshCipherError) -> CryptoError {
    match e {
        SshCipherError::InvalidTag => CryptoError::Py(InvalidTag::new_err(())),
        SshCipherError::Length(what) => value_error(what),
        SshCipherError::OpenSsl(stack) => stack.into(),
    }
}

fn not_openssh() -> CryptoError {
    value_error("Not OpenSSH private key format")
}

/// Decrypts and reads the private section of an encrypted key.
fn decrypt(
    py: Python<'_>,
    encrypted: &EncryptedOpenSshKey,
    password: Option<&[u8]>,
) -> CryptoResult<OpenSshPrivateKey> {
    let password = match password {
        Some(p) if !p.is_empty() => p,
        _ => {
            return Err(PyTypeError::new_err(
                "Key is password-protected, but password was not provided.",
            )
            .into())
        }
    };
    let SshKdf::Bcrypt { salt, rounds } = &encrypted.kdf;
    let cipher = encrypted.cipher;
    let derived = bcrypt_kdf(py, password, salt, ssh_cipher::derived_len(cipher), *rounds)?;
    let (section, tag) = (&encrypted.encrypted_section, &encrypted.tag);
    let decrypted = py
        .detach(|| ssh_cipher::decrypt(cipher, &derived, section, tag))
        .map_err(cipher_error)?;
    parse_decrypted_section(encrypted, &decrypted).map_err(ssh_error)
}

/// `load_ssh_private_key`, after the Python layer's argument checks.
#[pyfunction]
pub fn load_private_key(
    py: Python<'_>,
    data: Buffer<'_>,
    password: Option<Buffer<'_>>,
    unsafe_skip_rsa_key_validation: bool,
) -> CryptoResult<Py<PyAny>> {
    let password = password.as_ref().map(Buffer::as_bytes);
    let block =
        oxicrypt_keys::pem::find_block(data.as_bytes(), &[PEM_LABEL]).map_err(|_| not_openssh())?;
    if !block.der.starts_with(MAGIC) {
        return Err(not_openssh());
    }
    let key = match parse_private_blob(&block.der).map_err(ssh_error)? {
        OpenSshKeyFile::Unencrypted(key) => {
            if password.is_some_and(|p| !p.is_empty()) {
                return Err(PyTypeError::new_err(
                    "Password was given but private key is not encrypted.",
                )
                .into());
            }
            key
        }
        OpenSshKeyFile::Encrypted(encrypted) => decrypt(py, &encrypted, password)?,
    };
    private_object(py, &key.key, !unsafe_skip_rsa_key_validation)
}

fn random_bytes<const N: usize>() -> CryptoResult<[u8; N]> {
    let mut buf = [0u8; N];
    openssl::rand::rand_bytes(&mut buf)?;
    Ok(buf)
}

/// `private_bytes(Encoding.PEM, PrivateFormat.OpenSSH, encryption)` of any key type SSH
/// knows (the caller has checked encoding and format). Written as the reference writes
/// it: random check integer, empty comment, padding of at least one byte, and with a
/// password aes256-ctr keyed by bcrypt_pbkdf (16 rounds unless the encryption builder
/// chose others) with a 16-byte random salt.
pub fn private_bytes<'py>(
    py: Python<'py>,
    pkey: &PKey<Private>,
    encryption: Encryption,
) -> CryptoResult<Bound<'py, PyBytes>> {
    super::warn_if_dsa(py, pkey)?;
    let key = OpenSshPrivateKey {
        key: private_of_pkey(pkey)?,
        comment: Vec::new(),
        checkint: u32::from_be_bytes(random_bytes::<4>()?),
    };
    let (password, rounds) = match encryption {
        Encryption::None => {
            let blob = write_private_blob_padded(&key, SectionPadding::AtLeastOne);
            return Ok(PyBytes::new(py, encode_pem(&blob, LINE_WIDTH).as_bytes()));
        }
        Encryption::Best(password) => (password, DEFAULT_ROUNDS),
        Encryption::Custom {
            password,
            kdf_rounds,
        } => (password, kdf_rounds.unwrap_or(DEFAULT_ROUNDS)),
    };
    let salt = random_bytes::<SALT_LEN>()?.to_vec();
    let derived = bcrypt_kdf(
        py,
        &password,
        &salt,
        ssh_cipher::derived_len(WRITE_CIPHER),
        rounds,
    )?;
    let section =
        write_private_section_padded(&key, WRITE_CIPHER.block_len(), SectionPadding::AtLeastOne);
    let (encrypted_section, tag) = py
        .detach(|| ssh_cipher::encrypt(WRITE_CIPHER, &derived, &section))
        .map_err(cipher_error)?;
    let blob = write_encrypted_blob(&EncryptedOpenSshKey {
        cipher: WRITE_CIPHER,
        kdf: SshKdf::Bcrypt { salt, rounds },
        public_key: key.key.public_key(),
        encrypted_section,
        tag,
    })
    .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(PyBytes::new(py, encode_pem(&blob, LINE_WIDTH).as_bytes()))
}
