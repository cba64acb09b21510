//! OpenSSH certificates (`*-cert-v01@openssh.com`, OpenSSH's PROTOCOL.certkeys), read
//! and written as data. Checking and making the CA signature is the crypto layer's job:
//! [`SshCertificate::tbs`] is the signed part of a certificate read, [`SshCertTbs`] the
//! signed part of one to write, and [`write_certificate`] appends the signature.

use crate::error::KeyError;
use crate::ssh::public::{SshKeyType, SshPublicKey, SshTypeName};
use crate::ssh::wire::{Reader, Writer};

/// Critical options or extensions: (name, value) pairs in certificate order.
pub type SshCertOptions = Vec<(Vec<u8>, Vec<u8>)>;

/// Whether a certificate authenticates a user or a host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SshCertType {
    User,
    Host,
}

impl SshCertType {
    pub fn code(self) -> u32 {
        match self {
            SshCertType::User => 1,
            SshCertType::Host => 2,
        }
    }

    pub fn from_code(code: u32) -> Option<SshCertType> {
        match code {
            1 => Some(SshCertType::User),
            2 => Some(SshCertType::Host),
            _ => None,
        }
    }
}

/// An OpenSSH certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SshCertificate {
    /// The whole certificate blob, as read.
    pub blob: Vec<u8>,
    pub nonce: Vec<u8>,
    /// The certified key; its type gives the certificate type name.
    pub public_key: SshPublicKey,
    pub serial: u64,
    pub cert_type: SshCertType,
    pub key_id: Vec<u8>,
    pub valid_principals: Vec<Vec<u8>>,
    pub valid_after: u64,
    pub valid_before: u64,
    /// Name and value pairs, in the (sorted) order of the certificate. A non-empty value
    /// is stored in the certificate as a string inside the value string; this is the
    /// inner string.
    pub critical_options: SshCertOptions,
    /// Same layout as `critical_options`.
    pub extensions: SshCertOptions,
    pub reserved: Vec<u8>,
    /// The CA's public key blob, not parsed (see [`SshCertificate::signature_key`]).
    pub signature_key: Vec<u8>,
    /// The type name the CA key blob starts with.
    pub signature_key_type: Vec<u8>,
    /// The signature algorithm named in the signature (`rsa-sha2-512`, `ssh-ed25519`, ...).
    pub signature_type: Vec<u8>,
    /// The signature bytes proper.
    pub signature: Vec<u8>,
    tbs_len: usize,
}

const RSA_SIGNATURE_TYPES: [&[u8]; 3] = [b"rsa-sha2-256", b"rsa-sha2-512", b"ssh-rsa"];

impl SshCertificate {
    /// Reads a certificate blob.
    pub fn from_blob(blob: &[u8]) -> Result<SshCertificate, KeyError> {
        let mut r = Reader::new(blob);
        let name = r.read_string("OpenSSH certificate: type")?;
        let kt: SshKeyType = match SshTypeName::parse(name)? {
            SshTypeName::Certificate(kt) => kt,
            SshTypeName::Key(kt) => {
                return Err(KeyError::malformed(format!(
                    "Invalid key format (expected an OpenSSH certificate, found a plain {} \
                     public key)",
                    kt.name()
                )))
            }
        };
        let nonce = r.read_string("OpenSSH certificate: nonce")?.to_vec();
        let public_key = SshPublicKey::read_fields(kt, &mut r)?;
        let serial = r.read_u64("OpenSSH certificate: serial")?;
        let code = r.read_u32("OpenSSH certificate: type")?;
        let cert_type = SshCertType::from_code(code).ok_or_else(|| {
            KeyError::malformed(format!(
                "Invalid certificate type (type {code} is neither 1 (user) nor 2 (host))"
            ))
        })?;
        let key_id = r.read_string("OpenSSH certificate: key id")?.to_vec();
        let mut principals = Reader::new(r.read_string("OpenSSH certificate: principals")?);
        let mut valid_principals = Vec::new();
        while !principals.is_empty() {
            valid_principals.push(
                principals
                    .read_string("OpenSSH certificate: principal")?
                    .to_vec(),
            );
        }
        let valid_after = r.read_u64("OpenSSH certificate: valid after")?;
        let valid_before = r.read_u64("OpenSSH certificate: valid before")?;
        let critical_options = read_options(
            r.read_string("OpenSSH certificate: critical options")?,
            "critical option",
        )?;
        let extensions = read_options(
            r.read_string("OpenSSH certificate: extensions")?,
            "extension",
        )?;
        let reserved = r.read_string("OpenSSH certificate: reserved")?.to_vec();
        let signature_key = r.read_string("OpenSSH certificate: signature key")?;
        let signature_key_type = Reader::new(signature_key)
            .read_string("OpenSSH certificate: signature key type")?
            .to_vec();
        let tbs_len = blob.len().saturating_sub(r.remaining().len());

        let mut sig = Reader::new(r.read_string("OpenSSH certificate: signature")?);
        r.finish("OpenSSH certificate")?;
        let signature_type = sig
            .read_string("OpenSSH certificate: signature type")?
            .to_vec();
        let signature = sig
            .read_string("OpenSSH certificate: signature bytes")?
            .to_vec();
        sig.finish("OpenSSH certificate: signature")?;
        let matches = if signature_key_type == b"ssh-rsa" {
            RSA_SIGNATURE_TYPES.contains(&signature_type.as_slice())
        } else {
            signature_type == signature_key_type
        };
        if !matches {
            return Err(KeyError::malformed(format!(
                "Signature key type does not match (signature type {:?}, CA key type {:?})",
                String::from_utf8_lossy(&signature_type),
                String::from_utf8_lossy(&signature_key_type)
            )));
        }

        Ok(SshCertificate {
            blob: blob.to_vec(),
            nonce,
            public_key,
            serial,
            cert_type,
            key_id,
            valid_principals,
            valid_after,
            valid_before,
            critical_options,
            extensions,
            reserved,
            signature_key: signature_key.to_vec(),
            signature_key_type,
            signature_type,
            signature,
            tbs_len,
        })
    }

    /// The signed part of the blob: everything before the signature field.
    pub fn tbs(&self) -> &[u8] {
        self.blob.get(..self.tbs_len).unwrap_or_default()
    }

    /// The certificate's type name (`ssh-ed25519-cert-v01@openssh.com`, ...).
    pub fn type_name(&self) -> &'static str {
        self.public_key.key_type().cert_name()
    }

    /// Parses the CA key.
    pub fn signature_key(&self) -> Result<SshPublicKey, KeyError> {
        SshPublicKey::from_blob(&self.signature_key)
    }
}

/// Critical options and extensions: pairs of strings, names strictly increasing; a
/// non-empty value holds exactly one string.
fn read_options(data: &[u8], what: &str) -> Result<SshCertOptions, KeyError> {
    let mut r = Reader::new(data);
    let mut out: SshCertOptions = Vec::new();
    while !r.is_empty() {
        let name = r.read_string(&format!("OpenSSH certificate: {what} name"))?;
        let outer = r.read_string(&format!("OpenSSH certificate: {what} value"))?;
        if let Some((last, _)) = out.last() {
            if name == last.as_slice() {
                return Err(KeyError::malformed(format!(
                    "Duplicate name (OpenSSH certificate: duplicate {what} {:?})",
                    String::from_utf8_lossy(name)
                )));
            }
            if name < last.as_slice() {
                return Err(KeyError::malformed(format!(
                    "Fields not lexically sorted (OpenSSH certificate: {what}s are not sorted \
                     by name)"
                )));
            }
        }
        let value = if outer.is_empty() {
            outer
        } else {
            let mut v = Reader::new(outer);
            let inner = v.read_string(&format!("OpenSSH certificate: {what} value"))?;
            if !v.is_empty() {
                return Err(KeyError::malformed(format!(
                    "Unexpected extra data after value (OpenSSH certificate: {what} {:?}: {} \
                     bytes after the value string)",
                    String::from_utf8_lossy(name),
                    v.remaining().len()
                )));
            }
            inner
        };
        out.push((name.to_vec(), value.to_vec()));
    }
    Ok(out)
}

/// The signed part of a certificate to write: everything but the signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SshCertTbs {
    pub nonce: Vec<u8>,
    /// The certified key; its type gives the certificate type name.
    pub public_key: SshPublicKey,
    pub serial: u64,
    pub cert_type: SshCertType,
    pub key_id: Vec<u8>,
    pub valid_principals: Vec<Vec<u8>>,
    pub valid_after: u64,
    pub valid_before: u64,
    /// Name and value pairs, in any order: they are written sorted by name, as readers
    /// require. Names must be distinct.
    pub critical_options: SshCertOptions,
    /// Same as `critical_options`.
    pub extensions: SshCertOptions,
    /// The CA's public key.
    pub signature_key: SshPublicKey,
}

impl SshCertTbs {
    /// The bytes the CA signs.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.put_string(self.public_key.key_type().cert_name().as_bytes());
        w.put_string(&self.nonce);
        self.public_key.write_fields(&mut w);
        w.put_u64(self.serial);
        w.put_u32(self.cert_type.code());
        w.put_string(&self.key_id);
        let mut principals = Writer::new();
        for p in &self.valid_principals {
            principals.put_string(p);
        }
        w.put_string(&principals.into_bytes());
        w.put_u64(self.valid_after);
        w.put_u64(self.valid_before);
        w.put_string(&write_options(&self.critical_options));
        w.put_string(&write_options(&self.extensions));
        // Reserved.
        w.put_string(&[]);
        w.put_string(&self.signature_key.to_blob());
        w.into_bytes()
    }
}

/// A certificate blob: `tbs` (from [`SshCertTbs::to_bytes`]) followed by the signature
/// of type `signature_type` (`ssh-ed25519`, `rsa-sha2-512`, ...) and its bytes.
pub fn write_certificate(tbs: &[u8], signature_type: &[u8], signature: &[u8]) -> Vec<u8> {
    let mut sig = Writer::new();
    sig.put_string(signature_type);
    sig.put_string(signature);
    let mut w = Writer::new();
    w.put_raw(tbs);
    w.put_string(&sig.into_bytes());
    w.into_bytes()
}

/// Options sorted by name; an empty value is an empty string, any other value a string
/// inside the value string.
fn write_options(options: &SshCertOptions) -> Vec<u8> {
    let mut sorted: Vec<&(Vec<u8>, Vec<u8>)> = options.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut w = Writer::new();
    for (name, value) in sorted {
        w.put_string(name);
        if value.is_empty() {
            w.put_string(&[]);
        } else {
            let mut inner = Writer::new();
            inner.put_string(value);
            w.put_string(&inner.into_bytes());
        }
    }
    w.into_bytes()
}
