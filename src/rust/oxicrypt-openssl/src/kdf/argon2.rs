//! Argon2 (RFC 9106) through OpenSSL (3.2 and later), and the PHC string format that
//! password-hashing libraries store Argon2 hashes in:
//! `$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>`, base64 without padding.

use base64::engine::general_purpose::STANDARD_NO_PAD;
use base64::Engine;

use super::KdfError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    Argon2d,
    Argon2i,
    Argon2id,
}

impl Variant {
    /// The identifier of the variant in a PHC string.
    pub fn phc_id(self) -> &'static str {
        match self {
            Variant::Argon2d => "argon2d",
            Variant::Argon2i => "argon2i",
            Variant::Argon2id => "argon2id",
        }
    }

    pub fn from_phc_id(id: &str) -> Option<Variant> {
        Some(match id {
            "argon2d" => Variant::Argon2d,
            "argon2i" => Variant::Argon2i,
            "argon2id" => Variant::Argon2id,
            _ => return None,
        })
    }
}

/// The cost parameters of a derivation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Params {
    pub iterations: u32,
    pub lanes: u32,
    /// In KiB blocks.
    pub memory_cost: u32,
}

/// Whether the linked OpenSSL has Argon2.
pub const SUPPORTED: bool = cfg!(ossl320);

/// Fills `out` with Argon2 of `password`.
#[cfg(ossl320)]
pub fn derive(
    variant: Variant,
    password: &[u8],
    salt: &[u8],
    ad: Option<&[u8]>,
    secret: Option<&[u8]>,
    params: Params,
    out: &mut [u8],
) -> Result<(), KdfError> {
    if u32::try_from(out.len()).is_err() {
        return Err(KdfError::TooLarge("length"));
    }
    let f = match variant {
        Variant::Argon2d => openssl::kdf::argon2d,
        Variant::Argon2i => openssl::kdf::argon2i,
        Variant::Argon2id => openssl::kdf::argon2id,
    };
    f(
        None,
        password,
        salt,
        ad,
        secret,
        params.iterations,
        params.lanes,
        params.memory_cost,
        out,
    )?;
    Ok(())
}

#[cfg(not(ossl320))]
pub fn derive(
    _variant: Variant,
    _password: &[u8],
    _salt: &[u8],
    _ad: Option<&[u8]>,
    _secret: Option<&[u8]>,
    _params: Params,
    _out: &mut [u8],
) -> Result<(), KdfError> {
    Err(KdfError::OpenSsl(openssl::error::ErrorStack::get()))
}

/// The version of Argon2 that OpenSSL implements (1.3, written as 19).
pub const VERSION: u32 = 0x13;

/// Formats a derived hash as a PHC string.
pub fn phc_encode(variant: Variant, params: Params, salt: &[u8], hash: &[u8]) -> String {
    format!(
        "${}$v={VERSION}$m={},t={},p={}${}${}",
        variant.phc_id(),
        params.memory_cost,
        params.iterations,
        params.lanes,
        STANDARD_NO_PAD.encode(salt),
        STANDARD_NO_PAD.encode(hash)
    )
}

/// What a PHC string holds.
#[derive(Debug, PartialEq, Eq)]
pub struct Phc {
    pub variant: Variant,
    pub params: Params,
    pub salt: Vec<u8>,
    pub hash: Vec<u8>,
}

/// Why a PHC string could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum PhcError {
    Format,
    /// A known variant other than the one expected: this one.
    Variant(Variant),
    Version,
    /// Not exactly three parameters.
    Parameters,
    ParameterOrder,
    MemoryCost,
    Iterations,
    Parallelism,
    Salt,
    Hash,
}

impl PhcError {
    /// The message the reference gives.
    pub fn message(&self) -> String {
        match self {
            PhcError::Format => "Invalid PHC string format.".into(),
            PhcError::Variant(found) => format!(
                "Incorrect variant in PHC string, did you mean to use {}?",
                class_name(*found)
            ),
            PhcError::Version => "Invalid version in PHC string.".into(),
            PhcError::Parameters => "Invalid parameters in PHC string.".into(),
            PhcError::ParameterOrder => "Parameters must be in order: m, t, p.".into(),
            PhcError::MemoryCost => "Invalid memory cost in PHC string.".into(),
            PhcError::Iterations => "Invalid iterations in PHC string.".into(),
            PhcError::Parallelism => "Invalid parallelism in PHC string.".into(),
            PhcError::Salt => "Invalid base64 salt in PHC string.".into(),
            PhcError::Hash => "Invalid base64 hash in PHC string.".into(),
        }
    }
}

/// The Python class of a variant.
pub fn class_name(variant: Variant) -> &'static str {
    match variant {
        Variant::Argon2d => "Argon2d",
        Variant::Argon2i => "Argon2i",
        Variant::Argon2id => "Argon2id",
    }
}

/// One `name=value` parameter; `invalid` is the error for a value that is not a u32.
fn parameter(field: &str, prefix: &str, invalid: PhcError) -> Result<u32, PhcError> {
    let value = field.strip_prefix(prefix).ok_or(PhcError::ParameterOrder)?;
    value.parse().map_err(|_| invalid)
}

/// Reads a PHC string of the variant `expected`.
pub fn phc_decode(text: &str, expected: Variant) -> Result<Phc, PhcError> {
    let mut parts = text.split('$');
    if parts.next() != Some("") {
        return Err(PhcError::Format);
    }
    let (Some(id), Some(version), Some(params), Some(salt), Some(hash), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(PhcError::Format);
    };
    match Variant::from_phc_id(id) {
        Some(v) if v == expected => {}
        Some(found) => return Err(PhcError::Variant(found)),
        None => return Err(PhcError::Format),
    }
    if version != format!("v={VERSION}") {
        return Err(PhcError::Version);
    }
    let fields: Vec<&str> = params.split(',').collect();
    let [m, t, p] = fields.as_slice() else {
        return Err(PhcError::Parameters);
    };
    let params = Params {
        memory_cost: parameter(m, "m=", PhcError::MemoryCost)?,
        iterations: parameter(t, "t=", PhcError::Iterations)?,
        lanes: parameter(p, "p=", PhcError::Parallelism)?,
    };
    let salt = STANDARD_NO_PAD.decode(salt).map_err(|_| PhcError::Salt)?;
    let hash = STANDARD_NO_PAD.decode(hash).map_err(|_| PhcError::Hash)?;
    Ok(Phc {
        variant: expected,
        params,
        salt,
        hash,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(ossl320)]
    #[test]
    fn rfc9106_argon2id_test_vector() {
        let mut out = [0u8; 32];
        derive(
            Variant::Argon2id,
            &[1u8; 32],
            &[2u8; 16],
            Some(&[4u8; 12]),
            Some(&[3u8; 8]),
            Params {
                iterations: 3,
                lanes: 4,
                memory_cost: 32,
            },
            &mut out,
        )
        .unwrap();
        assert_eq!(
            hex::encode(out),
            "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"
        );
    }

    #[test]
    fn phc_round_trip_and_errors() {
        let params = Params {
            iterations: 2,
            lanes: 1,
            memory_cost: 64,
        };
        let s = phc_encode(Variant::Argon2i, params, b"saltsalt", b"hash");
        assert_eq!(s, "$argon2i$v=19$m=64,t=2,p=1$c2FsdHNhbHQ$aGFzaA");
        let phc = phc_decode(&s, Variant::Argon2i).unwrap();
        assert_eq!(phc.params, params);
        assert_eq!(phc.hash, b"hash");
        assert_eq!(
            phc_decode(&s, Variant::Argon2d),
            Err(PhcError::Variant(Variant::Argon2i))
        );
        assert_eq!(
            phc_decode(&s.replace("v=19", "v=16"), Variant::Argon2i),
            Err(PhcError::Version)
        );
        assert_eq!(
            phc_decode(&s.replace("m=64,t=2", "t=2,m=64"), Variant::Argon2i),
            Err(PhcError::ParameterOrder)
        );
        assert_eq!(
            phc_decode(&format!("{s}="), Variant::Argon2i),
            Err(PhcError::Hash)
        );
        assert_eq!(
            phc_decode("garbage", Variant::Argon2i),
            Err(PhcError::Format)
        );
    }
}
