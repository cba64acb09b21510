//! OpenSSH key formats: public keys as blobs and `authorized_keys` lines, certificates,
//! and `openssh-key-v1` private keys. Pure data: no cryptographic checks, no decryption.
//!
//! - [`wire`]: the SSH wire encoding (RFC 4251, section 5) everything else is built on.
//! - [`public`]: public key blobs and lines (RFC 4253, RFC 5656, RFC 8709, PROTOCOL.u2f).
//! - [`cert`]: OpenSSH certificates (PROTOCOL.certkeys).
//! - [`private`]: `openssh-key-v1` private keys (PROTOCOL.key), plain and encrypted.

pub mod base64;
pub mod cert;
pub mod private;
pub mod public;
pub mod wire;

pub use cert::{SshCertOptions, SshCertType, SshCertificate};
pub use private::{
    encode_pem, parse_decrypted_section, parse_private_blob, parse_private_pem,
    write_encrypted_blob, write_private_blob, write_private_section, EncryptedOpenSshKey,
    OpenSshKeyFile, OpenSshPrivateKey, SshCipher, SshKdf, SshPrivateKey,
};
pub use public::{
    parse_public_line, write_public_line, SshCurve, SshKeyType, SshPublicIdentity, SshPublicKey,
    SshPublicLine, SshTypeName,
};
