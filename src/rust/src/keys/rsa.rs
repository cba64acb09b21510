//! RSA keys: generation, PKCS#1 v1.5 / PSS signatures, PKCS#1 v1.5 / OAEP encryption,
//! numbers, and serialization (containers written by oxicrypt-keys).

use openssl::md::MdRef;
use openssl::pkey::{HasPublic, PKey, Private, Public};
use openssl::pkey_ctx::PkeyCtx;
use openssl::rsa::{Padding, Rsa, RsaPrivateKeyBuilder};
use openssl::sign::RsaPssSaltlen;
use oxicrypt_keys::rsa::{RsaPrivate, RsaPublic};
use oxicrypt_openssl::prepared_signature::PreparedPkeyCtx;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyInt};

use super::bignum::{bn_to_int, int_arg, py_eq};
use super::padding::{self, RsaPadding, SaltLength};
use super::prepared::{signing_context, verifying_context, Prepared};
use super::serialization::{
    check_private_request, check_public_request, der_or_pem, encode_private, Encoding, PrivateDer,
    PrivateFormat, PublicFormat,
};
use super::signing::{message_digest, utils_class};
use crate::algorithms::resolve;
use crate::buf::Buffer;
use crate::error::{CryptoError, CryptoResult};

/// What `sign`/`verify` were told about the data.
enum DigestChoice {
    /// Hash the data with this digest (or it is already such a digest: `Prehashed`).
    Md(&'static MdRef),
    /// `NoDigestInfo`: PKCS#1 v1.5 over the raw data, no DigestInfo.
    NoDigestInfo,
}

/// Resolves `algorithm` and returns the bytes to sign: the digest of `data`, or `data`
/// itself for `Prehashed` (checked against the digest size) and `NoDigestInfo`.
fn digest_input(
    py: Python<'_>,
    data: &[u8],
    algorithm: &Bound<'_, PyAny>,
) -> CryptoResult<(DigestChoice, Vec<u8>)> {
    if algorithm.is_instance(utils_class(py, "NoDigestInfo")?.as_any())? {
        return Ok((DigestChoice::NoDigestInfo, data.to_vec()));
    }
    let message = message_digest(py, data, algorithm)?;
    if !message.prehashed {
        check_signature_hash(&message.resolved)?;
    }
    Ok((DigestChoice::Md(message.resolved.md), message.bytes))
}

/// RSA signatures need a digest with a DigestInfo OID: not the XOFs nor BLAKE2.
fn check_signature_hash(resolved: &crate::algorithms::Resolved) -> CryptoResult<()> {
    use oxicrypt_openssl::digest::HashKind;
    if matches!(
        resolved.kind,
        HashKind::Shake128 | HashKind::Shake256 | HashKind::Blake2b512 | HashKind::Blake2s256
    ) {
        return Err(CryptoError::Unsupported(
            format!(
                "{} is not supported by this backend for RSA signing.",
                resolved.kind.python_name()
            ),
            crate::error::Reason::Hash,
        ));
    }
    Ok(())
}

/// emLen - hLen - 2 (RFC 8017, section 9.1.1): the longest PSS salt for this key and hash.
fn max_pss_salt(key_bits: u32, md: &MdRef) -> usize {
    let em_len = (key_bits as usize).saturating_sub(1).div_ceil(8);
    em_len.saturating_sub(md.size()).saturating_sub(2)
}

fn pss_saltlen(
    salt: &SaltLength,
    key_bits: u32,
    md: &MdRef,
    signing: bool,
) -> CryptoResult<RsaPssSaltlen> {
    Ok(match salt {
        SaltLength::Exact(n) => RsaPssSaltlen::custom(
            i32::try_from(*n).map_err(|_| CryptoError::value("salt_length is too large"))?,
        ),
        SaltLength::DigestLength => RsaPssSaltlen::DIGEST_LENGTH,
        SaltLength::Max => {
            RsaPssSaltlen::custom(i32::try_from(max_pss_salt(key_bits, md)).unwrap_or(i32::MAX))
        }
        SaltLength::Auto if signing => {
            return Err(CryptoError::value(
                "PSS salt length can only be set to Auto when verifying",
            ))
        }
        // RSA_PSS_SALTLEN_AUTO: take the salt length from the signature.
        SaltLength::Auto => RsaPssSaltlen::custom(-2),
    })
}

/// Sets up `ctx` (already initialised for sign or verify) for `padding` and `choice`.
fn configure_signature<T: HasPublic>(
    ctx: &mut PkeyCtx<T>,
    padding: &RsaPadding,
    choice: &DigestChoice,
    key_bits: u32,
    signing: bool,
) -> CryptoResult<()> {
    match (padding, choice) {
        (RsaPadding::Pkcs1v15, DigestChoice::Md(md)) => {
            ctx.set_rsa_padding(Padding::PKCS1)?;
            ctx.set_signature_md(md)?;
        }
        (RsaPadding::Pkcs1v15, DigestChoice::NoDigestInfo) => {
            ctx.set_rsa_padding(Padding::PKCS1)?;
        }
        (RsaPadding::Pss { mgf1, salt }, DigestChoice::Md(md)) => {
            ctx.set_rsa_padding(Padding::PKCS1_PSS)?;
            ctx.set_signature_md(md)?;
            ctx.set_rsa_pss_saltlen(pss_saltlen(salt, key_bits, md, signing)?)?;
            ctx.set_rsa_mgf1_md(mgf1)?;
        }
        (RsaPadding::Pss { .. }, DigestChoice::NoDigestInfo) => {
            return Err(PyTypeError::new_err("Expected instance of hashes.HashAlgorithm.").into())
        }
        (RsaPadding::Oaep { .. }, _) => {
            return Err(CryptoError::Unsupported(
                "EME-OAEP is not supported by this backend.".to_owned(),
                crate::error::Reason::Padding,
            ))
        }
    }
    Ok(())
}

fn configure_encryption<T>(ctx: &mut PkeyCtx<T>, padding: &RsaPadding) -> CryptoResult<()> {
    match padding {
        RsaPadding::Pkcs1v15 => ctx.set_rsa_padding(Padding::PKCS1)?,
        RsaPadding::Oaep { mgf1, md, label } => {
            ctx.set_rsa_padding(Padding::PKCS1_OAEP)?;
            ctx.set_rsa_oaep_md(md)?;
            ctx.set_rsa_mgf1_md(mgf1)?;
            if let Some(label) = label {
                if !label.is_empty() {
                    ctx.set_rsa_oaep_label(label)?;
                }
            }
        }
        RsaPadding::Pss { .. } => {
            return Err(CryptoError::Unsupported(
                "EMSA-PSS is not supported by this backend.".to_owned(),
                crate::error::Reason::Padding,
            ))
        }
    }
    Ok(())
}

fn components(rsa: &Rsa<Private>) -> RsaPrivate {
    let opt = |b: Option<&openssl::bn::BigNumRef>| b.map(|b| b.to_vec()).unwrap_or_default();
    RsaPrivate {
        n: rsa.n().to_vec(),
        e: rsa.e().to_vec(),
        d: rsa.d().to_vec(),
        p: opt(rsa.p()),
        q: opt(rsa.q()),
        dmp1: opt(rsa.dmp1()),
        dmq1: opt(rsa.dmq1()),
        iqmp: opt(rsa.iqmp()),
    }
}

/// Builds an OpenSSL key from parsed components, checking it unless told not to.
pub fn private_key_from_components(key: &RsaPrivate, check: bool) -> CryptoResult<PKey<Private>> {
    let bn = |v: &[u8]| openssl::bn::BigNum::from_slice(v);
    let rsa = RsaPrivateKeyBuilder::new(bn(&key.n)?, bn(&key.e)?, bn(&key.d)?)?
        .set_factors(bn(&key.p)?, bn(&key.q)?)?
        .set_crt_params(bn(&key.dmp1)?, bn(&key.dmq1)?, bn(&key.iqmp)?)?
        .build();
    // RSA_check_key accepts some degenerate factors (e.g. q = 2); both primes must be odd.
    let odd_primes = rsa.p().is_some_and(|p| p.is_bit_set(0) && p.num_bits() > 1)
        && rsa.q().is_some_and(|q| q.is_bit_set(0) && q.num_bits() > 1);
    if check && (!odd_primes || !rsa.check_key().unwrap_or(false)) {
        let _ = openssl::error::ErrorStack::get();
        return Err(CryptoError::value("Invalid private key"));
    }
    Ok(PKey::from_rsa(rsa)?)
}

/// Checks an RSA public key as the reference does before using it.
fn check_public(key: &RsaPublic) -> CryptoResult<()> {
    let n = openssl::bn::BigNum::from_slice(&key.n)?;
    let e = openssl::bn::BigNum::from_slice(&key.e)?;
    let three = openssl::bn::BigNum::from_u32(3)?;
    if n < three {
        return Err(CryptoError::value("n must be >= 3."));
    }
    if e < three || e >= n {
        return Err(CryptoError::value("e must be >= 3 and < n."));
    }
    if !e.is_bit_set(0) {
        return Err(CryptoError::value("e must be odd."));
    }
    Ok(())
}

pub fn public_key_from_components(key: &RsaPublic) -> CryptoResult<PKey<Public>> {
    check_public(key)?;
    let rsa = Rsa::from_public_components(
        openssl::bn::BigNum::from_slice(&key.n)?,
        openssl::bn::BigNum::from_slice(&key.e)?,
    )?;
    Ok(PKey::from_rsa(rsa)?)
}

fn public_components<T: HasPublic>(key: &PKey<T>) -> CryptoResult<RsaPublic> {
    let rsa = key.rsa()?;
    Ok(RsaPublic {
        n: rsa.n().to_vec(),
        e: rsa.e().to_vec(),
    })
}

#[pyclass(frozen, module = "oxicrypt._rust.rsa", name = "RSAPrivateKey")]
pub struct RsaPrivateKey {
    pub(crate) pkey: PKey<Private>,
    signer: Prepared<PreparedPkeyCtx<Private>>,
}

#[pyclass(frozen, module = "oxicrypt._rust.rsa", name = "RSAPublicKey")]
pub struct RsaPublicKey {
    pub(crate) pkey: PKey<Public>,
    verifier: Prepared<PreparedPkeyCtx<Public>>,
}

impl RsaPrivateKey {
    pub(crate) fn new(pkey: PKey<Private>) -> RsaPrivateKey {
        RsaPrivateKey {
            pkey,
            signer: Prepared::default(),
        }
    }
}

impl RsaPublicKey {
    pub(crate) fn new(pkey: PKey<Public>) -> RsaPublicKey {
        RsaPublicKey {
            pkey,
            verifier: Prepared::default(),
        }
    }
}

#[pymethods]
impl RsaPrivateKey {
    #[getter]
    fn key_size(&self) -> u32 {
        self.pkey.bits()
    }

    fn public_key(&self) -> CryptoResult<RsaPublicKey> {
        Ok(RsaPublicKey::new(public_key_from_components(
            &public_components(&self.pkey)?,
        )?))
    }

    fn sign<'py>(
        &self,
        py: Python<'py>,
        data: Buffer<'_>,
        padding: &Bound<'py, PyAny>,
        algorithm: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let padding = padding::extract(padding)?;
        let (choice, to_sign) = digest_input(py, data.as_bytes(), algorithm)?;
        let bits = self.pkey.bits();
        let signature = py.detach(|| -> CryptoResult<Vec<u8>> {
            let mut ctx = signing_context(&self.signer, &self.pkey)?;
            configure_signature(&mut ctx, &padding, &choice, bits, true)?;
            let mut signature = Vec::new();
            ctx.sign_to_vec(&to_sign, &mut signature).map_err(|_| {
                let _ = openssl::error::ErrorStack::get();
                CryptoError::value(
                    "Digest or salt length too long for key size. Use a larger key or shorter \
                     salt length if you are specifying a PSS salt",
                )
            })?;
            Ok(signature)
        })?;
        Ok(PyBytes::new(py, &signature))
    }

    fn decrypt<'py>(
        &self,
        py: Python<'py>,
        ciphertext: Buffer<'_>,
        padding: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        // The length is checked before the padding, as in the reference.
        let ciphertext = ciphertext.as_bytes();
        if ciphertext.len() != self.pkey.size() {
            return Err(CryptoError::value(
                "Ciphertext length must be equal to key size.",
            ));
        }
        let padding = padding::extract(padding)?;
        let plaintext = py.detach(|| -> CryptoResult<Vec<u8>> {
            let mut ctx = PkeyCtx::new(&self.pkey)?;
            ctx.decrypt_init()?;
            configure_encryption(&mut ctx, &padding)?;
            let mut out = Vec::new();
            ctx.decrypt_to_vec(ciphertext, &mut out).map_err(|_| {
                let _ = openssl::error::ErrorStack::get();
                CryptoError::value("Decryption failed")
            })?;
            Ok(out)
        })?;
        Ok(PyBytes::new(py, &plaintext))
    }

    fn private_numbers(&self, py: Python<'_>) -> CryptoResult<RsaPrivateNumbers> {
        let rsa = self.pkey.rsa()?;
        let c = components(&rsa);
        let int = |v: &[u8]| -> PyResult<Py<PyInt>> {
            Ok(super::bignum::magnitude_to_int(py, v)?.unbind())
        };
        Ok(RsaPrivateNumbers {
            p: int(&c.p)?,
            q: int(&c.q)?,
            d: int(&c.d)?,
            dmp1: int(&c.dmp1)?,
            dmq1: int(&c.dmq1)?,
            iqmp: int(&c.iqmp)?,
            public_numbers: Py::new(
                py,
                RsaPublicNumbers {
                    e: int(&c.e)?,
                    n: int(&c.n)?,
                },
            )?,
        })
    }

    fn private_bytes<'py>(
        &self,
        py: Python<'py>,
        encoding: Encoding,
        format: PrivateFormat,
        encryption_algorithm: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let encryption = check_private_request(encoding, format, encryption_algorithm, false)?;
        let key = components(&self.pkey.rsa()?);
        let container = match format {
            PrivateFormat::PKCS8 => PrivateDer::Pkcs8(oxicrypt_keys::pkcs8::write_rsa_key(&key)?),
            PrivateFormat::TraditionalOpenSSL => PrivateDer::Traditional {
                label: "RSA PRIVATE KEY",
                der: oxicrypt_keys::rsa::write_private(&key)?,
            },
            PrivateFormat::OpenSSH => return super::ssh::private_bytes(py, &self.pkey, encryption),
            _ => return Err(CryptoError::value("format is invalid with this key")),
        };
        encode_private(py, encoding, container, encryption)
    }

    fn __copy__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __deepcopy__<'py>(slf: PyRef<'py, Self>, _memo: &Bound<'py, PyAny>) -> PyRef<'py, Self> {
        slf
    }
}

#[pymethods]
impl RsaPublicKey {
    #[getter]
    fn key_size(&self) -> u32 {
        self.pkey.bits()
    }

    fn verify(
        &self,
        py: Python<'_>,
        signature: Buffer<'_>,
        data: Buffer<'_>,
        padding: &Bound<'_, PyAny>,
        algorithm: &Bound<'_, PyAny>,
    ) -> CryptoResult<()> {
        let padding = padding::extract(padding)?;
        let (choice, digest) = digest_input(py, data.as_bytes(), algorithm)?;
        let signature = signature.as_bytes();
        let bits = self.pkey.bits();
        let valid = py.detach(|| -> CryptoResult<bool> {
            let mut ctx = verifying_context(&self.verifier, &self.pkey)?;
            configure_signature(&mut ctx, &padding, &choice, bits, false)?;
            let valid = ctx.verify(&digest, signature).unwrap_or(false);
            let _ = openssl::error::ErrorStack::get();
            Ok(valid)
        })?;
        if valid {
            Ok(())
        } else {
            Err(CryptoError::InvalidSignature(""))
        }
    }

    #[pyo3(signature = (signature, padding, algorithm))]
    fn recover_data_from_signature<'py>(
        &self,
        py: Python<'py>,
        signature: Buffer<'_>,
        padding: &Bound<'py, PyAny>,
        algorithm: Option<&Bound<'py, PyAny>>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let padding = padding::extract(padding)?;
        match padding {
            RsaPadding::Pkcs1v15 => {}
            RsaPadding::Pss { .. } => {
                return Err(CryptoError::Unsupported(
                    "EMSA-PSS is not supported for the RSA signature operation".to_owned(),
                    crate::error::Reason::Padding,
                ))
            }
            RsaPadding::Oaep { .. } => {
                return Err(CryptoError::Unsupported(
                    "EME-OAEP is not supported by this backend.".to_owned(),
                    crate::error::Reason::Padding,
                ))
            }
        }
        let md = match algorithm {
            None => None,
            Some(a) if a.is_instance(utils_class(py, "NoDigestInfo")?.as_any())? => None,
            Some(a) if a.is_instance(utils_class(py, "Prehashed")?.as_any())? => {
                return Err(PyTypeError::new_err(
                    "Prehashed is only supported in the sign and verify methods. It cannot be \
                     used with recover_data_from_signature.",
                )
                .into())
            }
            Some(a) => Some(resolve(a)?.md),
        };
        let mut ctx = PkeyCtx::new(&self.pkey)?;
        ctx.verify_recover_init()?;
        ctx.set_rsa_padding(Padding::PKCS1)?;
        if let Some(md) = md {
            ctx.set_signature_md(md)?;
        }
        let mut out = vec![0u8; self.pkey.size()];
        let n = ctx
            .verify_recover(signature.as_bytes(), Some(&mut out))
            .map_err(|_| {
                let _ = openssl::error::ErrorStack::get();
                CryptoError::InvalidSignature("")
            })?;
        out.truncate(n);
        Ok(PyBytes::new(py, &out))
    }

    fn encrypt<'py>(
        &self,
        py: Python<'py>,
        plaintext: Buffer<'_>,
        padding: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let padding = padding::extract(padding)?;
        let plaintext = plaintext.as_bytes();
        let ciphertext = py.detach(|| -> CryptoResult<Vec<u8>> {
            let mut ctx = PkeyCtx::new(&self.pkey)?;
            ctx.encrypt_init()?;
            configure_encryption(&mut ctx, &padding)?;
            let mut out = Vec::new();
            ctx.encrypt_to_vec(plaintext, &mut out).map_err(|_| {
                let _ = openssl::error::ErrorStack::get();
                CryptoError::value("Encryption failed")
            })?;
            Ok(out)
        })?;
        Ok(PyBytes::new(py, &ciphertext))
    }

    fn public_numbers(&self, py: Python<'_>) -> CryptoResult<RsaPublicNumbers> {
        let rsa = self.pkey.rsa()?;
        Ok(RsaPublicNumbers {
            e: bn_to_int(py, rsa.e())?.unbind(),
            n: bn_to_int(py, rsa.n())?.unbind(),
        })
    }

    fn public_bytes<'py>(
        &self,
        py: Python<'py>,
        encoding: Encoding,
        format: PublicFormat,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        check_public_request(encoding, format, false)?;
        let key = public_components(&self.pkey)?;
        match format {
            PublicFormat::SubjectPublicKeyInfo => Ok(der_or_pem(
                py,
                encoding,
                "PUBLIC KEY",
                &oxicrypt_keys::spki::write_rsa_key(&key)?,
            )?),
            PublicFormat::PKCS1 => Ok(der_or_pem(
                py,
                encoding,
                "RSA PUBLIC KEY",
                &oxicrypt_keys::rsa::write_public(&key)?,
            )?),
            PublicFormat::OpenSSH => super::ssh::public_bytes(py, &self.pkey),
            _ => Err(CryptoError::value("format is invalid with this key")),
        }
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> Py<PyAny> {
        let equal = other
            .cast::<RsaPublicKey>()
            .ok()
            .map(|other| self.pkey.public_eq(&other.get().pkey));
        crate::keys::eq_result(py, equal)
    }

    fn __copy__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __deepcopy__<'py>(slf: PyRef<'py, Self>, _memo: &Bound<'py, PyAny>) -> PyRef<'py, Self> {
        slf
    }
}

#[pyclass(frozen, module = "oxicrypt._rust.rsa", name = "RSAPublicNumbers")]
pub struct RsaPublicNumbers {
    #[pyo3(get)]
    e: Py<PyInt>,
    #[pyo3(get)]
    n: Py<PyInt>,
}

#[pymethods]
impl RsaPublicNumbers {
    #[new]
    fn new(e: &Bound<'_, PyAny>, n: &Bound<'_, PyAny>) -> PyResult<RsaPublicNumbers> {
        Ok(RsaPublicNumbers {
            e: int_arg(e)?,
            n: int_arg(n)?,
        })
    }

    #[pyo3(signature = (backend=None))]
    fn public_key(
        &self,
        py: Python<'_>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<RsaPublicKey> {
        let _ = backend;
        let (e, n) = (self.e.bind(py), self.n.bind(py));
        if e.lt(0)? || n.lt(0)? {
            return Err(pyo3::exceptions::PyOverflowError::new_err(
                "can't convert negative int to unsigned",
            )
            .into());
        }
        if n.lt(3)? {
            return Err(CryptoError::value("n must be >= 3."));
        }
        if e.lt(3)? || e.ge(n)? {
            return Err(CryptoError::value("e must be >= 3 and < n."));
        }
        if e.rem(2)?.eq(0)? {
            return Err(CryptoError::value("e must be odd."));
        }
        let key = RsaPublic {
            n: super::bignum::int_to_magnitude(n.as_any())?,
            e: super::bignum::int_to_magnitude(e.as_any())?,
        };
        Ok(RsaPublicKey::new(public_key_from_components(&key)?))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(o) = other.cast::<RsaPublicNumbers>() else {
            return Ok(crate::keys::eq_result(py, None));
        };
        let o = o.get();
        let equal = py_eq(self.e.bind(py), o.e.bind(py))? && py_eq(self.n.bind(py), o.n.bind(py))?;
        Ok(crate::keys::eq_result(py, Some(equal)))
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (self.e.clone_ref(py), self.n.clone_ref(py))
            .into_pyobject(py)?
            .hash()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "<RSAPublicNumbers(e={}, n={})>",
            self.e.bind(py),
            self.n.bind(py)
        )
    }
}

#[pyclass(frozen, module = "oxicrypt._rust.rsa", name = "RSAPrivateNumbers")]
pub struct RsaPrivateNumbers {
    #[pyo3(get)]
    p: Py<PyInt>,
    #[pyo3(get)]
    q: Py<PyInt>,
    #[pyo3(get)]
    d: Py<PyInt>,
    #[pyo3(get)]
    dmp1: Py<PyInt>,
    #[pyo3(get)]
    dmq1: Py<PyInt>,
    #[pyo3(get)]
    iqmp: Py<PyInt>,
    #[pyo3(get)]
    public_numbers: Py<RsaPublicNumbers>,
}

#[pymethods]
impl RsaPrivateNumbers {
    #[new]
    fn new(
        p: &Bound<'_, PyAny>,
        q: &Bound<'_, PyAny>,
        d: &Bound<'_, PyAny>,
        dmp1: &Bound<'_, PyAny>,
        dmq1: &Bound<'_, PyAny>,
        iqmp: &Bound<'_, PyAny>,
        public_numbers: &Bound<'_, PyAny>,
    ) -> PyResult<RsaPrivateNumbers> {
        let int = int_arg;
        let public_numbers = public_numbers
            .cast::<RsaPublicNumbers>()
            .map_err(|_| super::bignum::type_error(public_numbers, "RSAPublicNumbers"))?
            .clone()
            .unbind();
        Ok(RsaPrivateNumbers {
            p: int(p)?,
            q: int(q)?,
            d: int(d)?,
            dmp1: int(dmp1)?,
            dmq1: int(dmq1)?,
            iqmp: int(iqmp)?,
            public_numbers,
        })
    }

    #[pyo3(signature = (backend=None, *, unsafe_skip_rsa_key_validation=false))]
    fn private_key(
        &self,
        py: Python<'_>,
        backend: Option<&Bound<'_, PyAny>>,
        unsafe_skip_rsa_key_validation: bool,
    ) -> CryptoResult<RsaPrivateKey> {
        let _ = backend;
        let public = self.public_numbers.get();
        let (n, e) = (public.n.bind(py), public.e.bind(py));
        // Negative private values fail where the reference converts them to unsigned.
        let all = [&self.d, &self.dmp1, &self.dmq1, &self.iqmp];
        for value in all {
            if value.bind(py).lt(0)? {
                return Err(pyo3::exceptions::PyOverflowError::new_err(
                    "can't convert negative int to unsigned",
                )
                .into());
            }
        }
        let checks: [(&Py<PyInt>, &str); 6] = [
            (&self.p, "p"),
            (&self.q, "q"),
            (&self.d, "private_exponent"),
            (&self.dmp1, "dmp1"),
            (&self.dmq1, "dmq1"),
            (&self.iqmp, "iqmp"),
        ];
        if n.lt(3)? {
            return Err(CryptoError::value("modulus must be >= 3."));
        }
        for (value, name) in checks {
            if value.bind(py).ge(n)? {
                return Err(CryptoError::value(&format!("{name} must be < modulus.")));
            }
        }
        if e.lt(3)? || e.ge(n)? {
            return Err(CryptoError::value(
                "public_exponent must be >= 3 and < modulus.",
            ));
        }
        if e.rem(2)?.eq(0)? {
            return Err(CryptoError::value("public_exponent must be odd."));
        }
        if self.dmp1.bind(py).rem(2)?.eq(0)? {
            return Err(CryptoError::value("dmp1 must be odd."));
        }
        if self.dmq1.bind(py).rem(2)?.eq(0)? {
            return Err(CryptoError::value("dmq1 must be odd."));
        }
        if !py_eq(&self.p.bind(py).mul(self.q.bind(py))?, n)? {
            return Err(CryptoError::value("p*q must equal modulus."));
        }
        let m = |v: &Py<PyInt>| super::bignum::int_to_magnitude(v.bind(py).as_any());
        let key = RsaPrivate {
            n: m(&public.n)?,
            e: m(&public.e)?,
            d: m(&self.d)?,
            p: m(&self.p)?,
            q: m(&self.q)?,
            dmp1: m(&self.dmp1)?,
            dmq1: m(&self.dmq1)?,
            iqmp: m(&self.iqmp)?,
        };
        Ok(RsaPrivateKey::new(private_key_from_components(
            &key,
            !unsafe_skip_rsa_key_validation,
        )?))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(o) = other.cast::<RsaPrivateNumbers>() else {
            return Ok(crate::keys::eq_result(py, None));
        };
        let o = o.get();
        let pairs = [
            (&self.p, &o.p),
            (&self.q, &o.q),
            (&self.d, &o.d),
            (&self.dmp1, &o.dmp1),
            (&self.dmq1, &o.dmq1),
            (&self.iqmp, &o.iqmp),
        ];
        for (a, b) in pairs {
            if !py_eq(a.bind(py), b.bind(py))? {
                return Ok(crate::keys::eq_result(py, Some(false)));
            }
        }
        let equal = py_eq(self.public_numbers.bind(py), o.public_numbers.bind(py))?;
        Ok(crate::keys::eq_result(py, Some(equal)))
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (
            self.p.clone_ref(py),
            self.q.clone_ref(py),
            self.d.clone_ref(py),
            self.dmp1.clone_ref(py),
            self.dmq1.clone_ref(py),
            self.iqmp.clone_ref(py),
            self.public_numbers.clone_ref(py),
        )
            .into_pyobject(py)?
            .hash()
    }
}

#[pyfunction]
#[pyo3(signature = (public_exponent, key_size))]
fn generate_private_key(
    py: Python<'_>,
    public_exponent: u32,
    key_size: u32,
) -> CryptoResult<RsaPrivateKey> {
    if public_exponent != 3 && public_exponent != 65537 {
        return Err(CryptoError::value(
            "public_exponent must be either 3 (for legacy compatibility) or 65537. Almost \
             everyone should choose 65537 here!",
        ));
    }
    if key_size < 1024 {
        return Err(CryptoError::value("key_size must be at least 1024-bits."));
    }
    let pkey = py.detach(|| -> CryptoResult<PKey<Private>> {
        let e = openssl::bn::BigNum::from_u32(public_exponent)?;
        Ok(PKey::from_rsa(Rsa::generate_with_e(key_size, &e)?)?)
    })?;
    Ok(RsaPrivateKey::new(pkey))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<RsaPrivateKey>()?;
    m.add_class::<RsaPublicKey>()?;
    m.add_class::<RsaPublicNumbers>()?;
    m.add_class::<RsaPrivateNumbers>()?;
    m.add_function(wrap_pyfunction!(generate_private_key, m)?)
}
