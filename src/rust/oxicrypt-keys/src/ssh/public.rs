//! SSH public keys: the binary blob (RFC 4253 section 6.6, RFC 5656 section 3.1,
//! RFC 8709 section 4, OpenSSH's PROTOCOL.u2f for the `sk-` types) and the one-line text
//! form `<type> <base64 blob> [comment]` of `authorized_keys` and `*.pub` files.
//!
//! Integers are big-endian unsigned magnitudes without leading zeros. Parsing checks the
//! encoding and the sizes the formats fix; it does not check that a point is on its curve
//! or that RSA/DSA numbers are consistent, which needs the crypto layer.

use crate::error::KeyError;
use crate::ssh::base64;
use crate::ssh::cert::SshCertificate;
use crate::ssh::wire::{bit_length, Reader, Writer};
use crate::ssh::{bytes_repr, reason};

/// The NIST curves SSH names (RFC 5656, section 10.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SshCurve {
    NistP256,
    NistP384,
    NistP521,
}

impl SshCurve {
    pub const ALL: [SshCurve; 3] = [SshCurve::NistP256, SshCurve::NistP384, SshCurve::NistP521];

    /// The curve identifier inside the key blob: `nistp256`, ...
    pub fn identifier(self) -> &'static str {
        match self {
            SshCurve::NistP256 => "nistp256",
            SshCurve::NistP384 => "nistp384",
            SshCurve::NistP521 => "nistp521",
        }
    }

    pub fn from_identifier(name: &[u8]) -> Option<SshCurve> {
        SshCurve::ALL
            .into_iter()
            .find(|c| c.identifier().as_bytes() == name)
    }

    /// Bytes in a field element (and at most in a private scalar).
    pub fn field_len(self) -> usize {
        match self {
            SshCurve::NistP256 => 32,
            SshCurve::NistP384 => 48,
            SshCurve::NistP521 => 66,
        }
    }

    /// Bytes in an uncompressed point `04 || X || Y`.
    pub fn point_len(self) -> usize {
        1 + 2 * self.field_len()
    }
}

/// The public key algorithms, each with its plain and its certificate name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SshKeyType {
    Rsa,
    Dsa,
    Ecdsa(SshCurve),
    Ed25519,
    /// FIDO/U2F security key holding an ECDSA P-256 key.
    SkEcdsaP256,
    /// FIDO/U2F security key holding an Ed25519 key.
    SkEd25519,
}

impl SshKeyType {
    pub const ALL: [SshKeyType; 8] = [
        SshKeyType::Rsa,
        SshKeyType::Dsa,
        SshKeyType::Ecdsa(SshCurve::NistP256),
        SshKeyType::Ecdsa(SshCurve::NistP384),
        SshKeyType::Ecdsa(SshCurve::NistP521),
        SshKeyType::Ed25519,
        SshKeyType::SkEcdsaP256,
        SshKeyType::SkEd25519,
    ];

    /// The name that starts a key blob and a public key line.
    pub fn name(self) -> &'static str {
        match self {
            SshKeyType::Rsa => "ssh-rsa",
            SshKeyType::Dsa => "ssh-dss",
            SshKeyType::Ecdsa(SshCurve::NistP256) => "ecdsa-sha2-nistp256",
            SshKeyType::Ecdsa(SshCurve::NistP384) => "ecdsa-sha2-nistp384",
            SshKeyType::Ecdsa(SshCurve::NistP521) => "ecdsa-sha2-nistp521",
            SshKeyType::Ed25519 => "ssh-ed25519",
            SshKeyType::SkEcdsaP256 => "sk-ecdsa-sha2-nistp256@openssh.com",
            SshKeyType::SkEd25519 => "sk-ssh-ed25519@openssh.com",
        }
    }

    /// The name of certificates for keys of this type (OpenSSH's PROTOCOL.certkeys).
    pub fn cert_name(self) -> &'static str {
        match self {
            SshKeyType::Rsa => "ssh-rsa-cert-v01@openssh.com",
            SshKeyType::Dsa => "ssh-dss-cert-v01@openssh.com",
            SshKeyType::Ecdsa(SshCurve::NistP256) => "ecdsa-sha2-nistp256-cert-v01@openssh.com",
            SshKeyType::Ecdsa(SshCurve::NistP384) => "ecdsa-sha2-nistp384-cert-v01@openssh.com",
            SshKeyType::Ecdsa(SshCurve::NistP521) => "ecdsa-sha2-nistp521-cert-v01@openssh.com",
            SshKeyType::Ed25519 => "ssh-ed25519-cert-v01@openssh.com",
            SshKeyType::SkEcdsaP256 => "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
            SshKeyType::SkEd25519 => "sk-ssh-ed25519-cert-v01@openssh.com",
        }
    }

    pub fn from_name(name: &[u8]) -> Option<SshKeyType> {
        SshKeyType::ALL
            .into_iter()
            .find(|t| t.name().as_bytes() == name)
    }

    pub fn from_cert_name(name: &[u8]) -> Option<SshKeyType> {
        SshKeyType::ALL
            .into_iter()
            .find(|t| t.cert_name().as_bytes() == name)
    }
}

/// How the message for a compressed (or otherwise not uncompressed) EC point starts. The
/// reference raises `NotImplementedError` for that case, not `ValueError`; bindings that
/// mirror it recognise the case by this prefix.
pub const NEED_UNCOMPRESSED_POINT: &str = "Need uncompressed point";

/// What certificate type names add to the name of the key type.
pub const CERT_SUFFIX: &[u8] = b"-cert-v01@openssh.com";

/// `UnsupportedAlgorithm` for a type name that is not a key type.
pub(crate) fn unsupported_key_type(name: &[u8]) -> KeyError {
    KeyError::UnsupportedAlgorithm(format!("Unsupported key type: {}", bytes_repr(name)))
}

/// What a type name at the start of a blob or line announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SshTypeName {
    Key(SshKeyType),
    Certificate(SshKeyType),
}

impl SshTypeName {
    /// Classifies a type name; an unknown one is `UnsupportedAlgorithm`, named (as by
    /// the reference implementation) without any certificate suffix.
    pub fn parse(name: &[u8]) -> Result<SshTypeName, KeyError> {
        if let Some(t) = SshKeyType::from_name(name) {
            Ok(SshTypeName::Key(t))
        } else if let Some(t) = SshKeyType::from_cert_name(name) {
            Ok(SshTypeName::Certificate(t))
        } else {
            let base = name.strip_suffix(CERT_SUFFIX).unwrap_or(name);
            Err(unsupported_key_type(base))
        }
    }
}

/// An SSH public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SshPublicKey {
    Rsa {
        e: Vec<u8>,
        n: Vec<u8>,
    },
    Dsa {
        p: Vec<u8>,
        q: Vec<u8>,
        g: Vec<u8>,
        y: Vec<u8>,
    },
    /// `point` is the uncompressed SEC1 point `04 || X || Y`.
    Ecdsa {
        curve: SshCurve,
        point: Vec<u8>,
    },
    Ed25519([u8; 32]),
    /// A security-key ECDSA key (always P-256) and its FIDO application string.
    SkEcdsaP256 {
        point: Vec<u8>,
        application: Vec<u8>,
    },
    /// A security-key Ed25519 key and its FIDO application string.
    SkEd25519 {
        key: [u8; 32],
        application: Vec<u8>,
    },
}

/// The only DSA size SSH uses (RFC 4253 leaves it open; OpenSSH and the reference
/// implementation require it).
pub const SSH_DSA_BITS: usize = 1024;

impl SshPublicKey {
    pub fn key_type(&self) -> SshKeyType {
        match self {
            SshPublicKey::Rsa { .. } => SshKeyType::Rsa,
            SshPublicKey::Dsa { .. } => SshKeyType::Dsa,
            SshPublicKey::Ecdsa { curve, .. } => SshKeyType::Ecdsa(*curve),
            SshPublicKey::Ed25519(_) => SshKeyType::Ed25519,
            SshPublicKey::SkEcdsaP256 { .. } => SshKeyType::SkEcdsaP256,
            SshPublicKey::SkEd25519 { .. } => SshKeyType::SkEd25519,
        }
    }

    /// Reads a public key blob: the type name, then the key's fields, nothing after.
    /// Certificate blobs are refused here; read them with [`SshPublicIdentity::from_blob`].
    pub fn from_blob(blob: &[u8]) -> Result<SshPublicKey, KeyError> {
        let mut r = Reader::new(blob);
        let name = r.read_string("SSH public key: key type")?;
        match SshTypeName::parse(name)? {
            SshTypeName::Key(kt) => {
                let key = SshPublicKey::read_fields(kt, &mut r)?;
                r.finish(&format!("{} public key", kt.name()))?;
                Ok(key)
            }
            // Certificates are not keys: the type name is not a key type.
            SshTypeName::Certificate(kt) => Err(unsupported_key_type(kt.cert_name().as_bytes())),
        }
    }

    /// The blob: the type name, then the key's fields.
    pub fn to_blob(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.put_string(self.key_type().name().as_bytes());
        self.write_fields(&mut w);
        w.into_bytes()
    }

    /// Reads the fields of a key of type `kt`, which follow the type name in a key blob
    /// (and the nonce in a certificate).
    pub fn read_fields(kt: SshKeyType, r: &mut Reader<'_>) -> Result<SshPublicKey, KeyError> {
        let name = kt.name();
        let field = |f: &str| format!("{name} public key: {f}");
        Ok(match kt {
            SshKeyType::Rsa => {
                let e = r.read_mpint(&field("e"))?.to_vec();
                let n = r.read_mpint(&field("n"))?.to_vec();
                SshPublicKey::Rsa { e, n }
            }
            SshKeyType::Dsa => {
                let p = r.read_mpint(&field("p"))?.to_vec();
                let q = r.read_mpint(&field("q"))?.to_vec();
                let g = r.read_mpint(&field("g"))?.to_vec();
                let y = r.read_mpint(&field("y"))?.to_vec();
                check_dsa_size(&p)?;
                SshPublicKey::Dsa { p, q, g, y }
            }
            SshKeyType::Ecdsa(curve) => {
                let point = read_ec_point(curve, name, r)?;
                SshPublicKey::Ecdsa { curve, point }
            }
            SshKeyType::Ed25519 => SshPublicKey::Ed25519(read_ed25519(name, r)?),
            SshKeyType::SkEcdsaP256 => {
                let point = read_ec_point(SshCurve::NistP256, name, r)?;
                let application = read_application(name, r)?;
                SshPublicKey::SkEcdsaP256 { point, application }
            }
            SshKeyType::SkEd25519 => {
                let key = read_ed25519(name, r)?;
                let application = read_application(name, r)?;
                SshPublicKey::SkEd25519 { key, application }
            }
        })
    }

    /// Writes the fields that follow the type name.
    pub fn write_fields(&self, w: &mut Writer) {
        match self {
            SshPublicKey::Rsa { e, n } => {
                w.put_mpint(e);
                w.put_mpint(n);
            }
            SshPublicKey::Dsa { p, q, g, y } => {
                for v in [p, q, g, y] {
                    w.put_mpint(v);
                }
            }
            SshPublicKey::Ecdsa { curve, point } => {
                w.put_string(curve.identifier().as_bytes());
                w.put_string(point);
            }
            SshPublicKey::Ed25519(key) => w.put_string(key),
            SshPublicKey::SkEcdsaP256 { point, application } => {
                w.put_string(SshCurve::NistP256.identifier().as_bytes());
                w.put_string(point);
                w.put_string(application);
            }
            SshPublicKey::SkEd25519 { key, application } => {
                w.put_string(key);
                w.put_string(application);
            }
        }
    }
}

pub(crate) fn check_dsa_size(p: &[u8]) -> Result<(), KeyError> {
    let bits = bit_length(p);
    if bits == SSH_DSA_BITS {
        Ok(())
    } else {
        Err(KeyError::malformed(format!(
            "SSH supports only {SSH_DSA_BITS} bit DSA keys (this ssh-dss key has a {bits}-bit p)"
        )))
    }
}

/// Curve identifier (which must name `curve`) and uncompressed point.
pub(crate) fn read_ec_point(
    curve: SshCurve,
    key_name: &str,
    r: &mut Reader<'_>,
) -> Result<Vec<u8>, KeyError> {
    let id = r.read_string(&format!("{key_name} key: curve identifier"))?;
    if id != curve.identifier().as_bytes() {
        return Err(KeyError::malformed(format!(
            "Curve name mismatch ({key_name} key names curve {:?}; expected {:?})",
            String::from_utf8_lossy(id),
            curve.identifier()
        )));
    }
    let point = r.read_string(&format!("{key_name} key: point"))?;
    match point.first() {
        None => Err(KeyError::malformed(format!(
            "Invalid EC point: empty data ({key_name} key)"
        ))),
        Some(4) if point.len() == curve.point_len() => Ok(point.to_vec()),
        Some(4) => Err(KeyError::malformed(format!(
            "Invalid EC key. ({key_name} key: an uncompressed point is {} bytes, not {})",
            curve.point_len(),
            point.len()
        ))),
        Some(_) => Err(KeyError::malformed(format!(
            "{NEED_UNCOMPRESSED_POINT} ({key_name} key: the first byte must be 0x04)"
        ))),
    }
}

pub(crate) fn read_ed25519(key_name: &str, r: &mut Reader<'_>) -> Result<[u8; 32], KeyError> {
    let key = r.read_string(&format!("{key_name} key: public key"))?;
    key.try_into().map_err(|_| {
        KeyError::malformed(format!(
            "An Ed25519 public key is 32 bytes long ({key_name} key: {} bytes)",
            key.len()
        ))
    })
}

/// The FIDO application string of `sk-` keys; like the reference implementation, this
/// requires the `ssh:` prefix OpenSSH uses.
fn read_application(key_name: &str, r: &mut Reader<'_>) -> Result<Vec<u8>, KeyError> {
    let app = r.read_string(&format!("{key_name} key: application"))?;
    if !app.starts_with(b"ssh:") {
        return Err(KeyError::malformed(format!(
            "U2F application string does not start with b'ssh:' ({})",
            bytes_repr(app)
        )));
    }
    Ok(app.to_vec())
}

/// What a public key line or blob holds: a plain key or a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SshPublicIdentity {
    Key(SshPublicKey),
    Certificate(Box<SshCertificate>),
}

impl SshPublicIdentity {
    /// Reads a key blob or a certificate blob.
    pub fn from_blob(blob: &[u8]) -> Result<SshPublicIdentity, KeyError> {
        let mut r = Reader::new(blob);
        let name = r.read_string("SSH public key: key type")?;
        match SshTypeName::parse(name)? {
            SshTypeName::Key(_) => SshPublicKey::from_blob(blob).map(SshPublicIdentity::Key),
            SshTypeName::Certificate(_) => {
                SshCertificate::from_blob(blob).map(|c| SshPublicIdentity::Certificate(Box::new(c)))
            }
        }
    }

    /// The key itself, or the key a certificate certifies.
    pub fn public_key(&self) -> &SshPublicKey {
        match self {
            SshPublicIdentity::Key(k) => k,
            SshPublicIdentity::Certificate(c) => &c.public_key,
        }
    }

    /// The type name the blob starts with.
    pub fn type_name(&self) -> &'static str {
        match self {
            SshPublicIdentity::Key(k) => k.key_type().name(),
            SshPublicIdentity::Certificate(c) => c.public_key.key_type().cert_name(),
        }
    }
}

/// A parsed public key line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SshPublicLine {
    pub identity: SshPublicIdentity,
    /// The rest of the line after the base64 body, without surrounding blanks; `None`
    /// when there is none.
    pub comment: Option<Vec<u8>>,
}

// Whitespace as the reference's line pattern (`\S`) understands it.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Reads the one-line form `<type> <base64 blob> [comment]`.
///
/// The type must be known (else `UnsupportedAlgorithm`, checked before the body is
/// decoded) and must equal the type inside the blob. Whatever follows the body on its
/// line is the comment; later lines are ignored. Leading whitespace, or anything but
/// spaces and tabs between type and body, is malformed.
pub fn parse_public_line(data: &[u8]) -> Result<SshPublicLine, KeyError> {
    let bad_line = || {
        KeyError::malformed(
            "Invalid line format (an OpenSSH public key line is `<type> <base64 key> [comment]`)",
        )
    };
    let type_end = data.iter().position(|&c| is_space(c)).unwrap_or(data.len());
    let (type_name, rest) = data.split_at_checked(type_end).ok_or_else(bad_line)?;
    let gap = rest
        .iter()
        .position(|&c| c != b' ' && c != b'\t')
        .unwrap_or(rest.len());
    if type_name.is_empty() || gap == 0 {
        return Err(bad_line());
    }
    let rest = rest.get(gap..).unwrap_or_default();
    let body_end = rest.iter().position(|&c| is_space(c)).unwrap_or(rest.len());
    let (body, rest) = rest.split_at_checked(body_end).ok_or_else(bad_line)?;
    if body.is_empty() {
        return Err(bad_line());
    }

    let declared = SshTypeName::parse(type_name)?;
    let blob =
        base64::decode(body, "OpenSSH public key line").map_err(|e| reason("Invalid format", e))?;
    let mut r = Reader::new(&blob);
    let inner = r.read_string("SSH public key: key type")?;
    if inner != type_name {
        return Err(KeyError::malformed(format!(
            "Invalid key format (the line's type {:?} does not match the key type {:?} inside \
             the key)",
            String::from_utf8_lossy(type_name),
            String::from_utf8_lossy(inner)
        )));
    }
    let identity = match declared {
        SshTypeName::Key(_) => SshPublicIdentity::Key(SshPublicKey::from_blob(&blob)?),
        SshTypeName::Certificate(_) => {
            SshPublicIdentity::Certificate(Box::new(SshCertificate::from_blob(&blob)?))
        }
    };

    let line_end = rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
    let comment = rest.get(..line_end).unwrap_or_default().trim_ascii();
    Ok(SshPublicLine {
        identity,
        comment: (!comment.is_empty()).then(|| comment.to_vec()),
    })
}

/// Writes `<type> <base64 blob>`, then ` <comment>` when a non-empty comment is given.
/// No line end is added.
pub fn write_public_line(key: &SshPublicKey, comment: Option<&[u8]>) -> Vec<u8> {
    let mut out = key.key_type().name().as_bytes().to_vec();
    out.push(b' ');
    out.extend_from_slice(base64::encode(&key.to_blob()).as_bytes());
    if let Some(c) = comment.filter(|c| !c.is_empty()) {
        out.push(b' ');
        out.extend_from_slice(c);
    }
    out
}
