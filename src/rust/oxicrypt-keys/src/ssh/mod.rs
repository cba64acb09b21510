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

pub use cert::{write_certificate, SshCertOptions, SshCertTbs, SshCertType, SshCertificate};
pub use private::{
    encode_pem, parse_decrypted_section, parse_private_blob, parse_private_pem,
    write_encrypted_blob, write_private_blob, write_private_blob_padded, write_private_section,
    write_private_section_padded, EncryptedOpenSshKey, OpenSshKeyFile, OpenSshPrivateKey,
    SectionPadding, SshCipher, SshKdf, SshPrivateKey,
};
pub use public::{
    parse_public_line, write_public_line, SshCurve, SshKeyType, SshPublicIdentity, SshPublicKey,
    SshPublicLine, SshTypeName,
};

/// `bytes` as Python's `repr()` shows a `bytes` object (`b'ssh-foo'`): error messages name
/// unknown algorithms this way, as the reference implementation does.
pub fn bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('b');
    out.push(quote);
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if char::from(b) == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(char::from(b)),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

/// Adds `reason` in front of a malformed-data message: `"<reason> (<detail>)"`. The reason
/// is the short message the reference implementation gives for the same fault, so that
/// callers matching on it keep working; the detail says where the fault is.
pub(crate) fn reason(reason: &str, e: crate::error::KeyError) -> crate::error::KeyError {
    match e {
        crate::error::KeyError::Malformed(detail) => {
            crate::error::KeyError::Malformed(format!("{reason} ({detail})"))
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::bytes_repr;

    #[test]
    fn bytes_repr_matches_python() {
        assert_eq!(bytes_repr(b"ssh-foo"), "b'ssh-foo'");
        assert_eq!(bytes_repr(b""), "b''");
        assert_eq!(bytes_repr(b"a'b"), "b\"a'b\"");
        assert_eq!(bytes_repr(b"a'b\""), "b'a\\'b\"'");
        assert_eq!(
            bytes_repr(b"\\\t\n\r\x00\x7f\xff"),
            "b'\\\\\\t\\n\\r\\x00\\x7f\\xff'"
        );
    }
}
