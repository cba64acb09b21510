//! OpenSSH certificates: the fields the Python `SSHCertificate` holds, the CA signature
//! check, and signing for `SSHCertificateBuilder`.
//!
//! Signatures follow the CA key type: Ed25519 (RFC 8032) as is; ECDSA (RFC 5656) as the
//! mpints r and s, with SHA-256, SHA-384 or SHA-512 by curve; RSA PKCS#1 v1.5 (RFC 8332)
//! with the hash the signature type names, and `rsa-sha2-512` when signing, as the
//! reference does.

use openssl::bn::BigNum;
use openssl::ecdsa::EcdsaSig;
use openssl::hash::MessageDigest;
use openssl::pkey::{PKey, Private, Public};
use openssl::sign::{Signer, Verifier};
use oxicrypt_keys::ssh::wire::{Reader, Writer};
use oxicrypt_keys::ssh::{
    base64, write_certificate, SshCertTbs, SshCertType, SshCertificate, SshCurve, SshPublicKey,
};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyInt, PyList, PyTuple};

use super::keys::{pkey_of_private, pkey_of_public, public_object, public_of_pkey};
use super::{ssh_error, unsupported, value_error};
use crate::buf::Buffer;
use crate::error::{CryptoError, CryptoResult};

fn options<'py>(py: Python<'py>, list: &[(Vec<u8>, Vec<u8>)]) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (name, value) in list {
        dict.set_item(PyBytes::new(py, name), PyBytes::new(py, value))?;
    }
    Ok(dict)
}

/// The arguments of the Python `SSHCertificate` constructor, in its order: nonce, public
/// key, serial, type code, key id, principals, valid after, valid before, critical
/// options, extensions, CA key type, CA key fields (the CA key blob after its type name),
/// signature type, signature, signed part, certificate type name, whole blob.
pub fn fields(py: Python<'_>, cert: &SshCertificate) -> CryptoResult<Py<PyAny>> {
    let bytes = |b: &[u8]| PyBytes::new(py, b).into_any();
    let mut ca = Reader::new(&cert.signature_key);
    ca.read_string("OpenSSH certificate: signature key type")
        .map_err(ssh_error)?;
    let principals = PyList::new(
        py,
        cert.valid_principals.iter().map(|p| PyBytes::new(py, p)),
    )?;
    let items: Vec<Bound<'_, PyAny>> = vec![
        bytes(&cert.nonce),
        public_object(py, &cert.public_key)?.into_bound(py),
        PyInt::new(py, cert.serial).into_any(),
        PyInt::new(py, cert.cert_type.code()).into_any(),
        bytes(&cert.key_id),
        principals.into_any(),
        PyInt::new(py, cert.valid_after).into_any(),
        PyInt::new(py, cert.valid_before).into_any(),
        options(py, &cert.critical_options)?.into_any(),
        options(py, &cert.extensions)?.into_any(),
        bytes(&cert.signature_key_type),
        bytes(ca.remaining()),
        bytes(&cert.signature_type),
        bytes(&cert.signature),
        bytes(cert.tbs()),
        bytes(cert.type_name().as_bytes()),
        bytes(&cert.blob),
    ];
    Ok(PyTuple::new(py, items)?.into_any().unbind())
}

/// The CA key from its type name and the fields that follow it.
fn ca_key(sig_type: &[u8], sig_key: &[u8]) -> CryptoResult<SshPublicKey> {
    let mut w = Writer::new();
    w.put_string(sig_type);
    w.put_raw(sig_key);
    SshPublicKey::from_blob(&w.into_bytes()).map_err(ssh_error)
}

/// `SSHCertificate.signature_key()`.
#[pyfunction]
pub fn signature_key(
    py: Python<'_>,
    sig_type: Buffer<'_>,
    sig_key: Buffer<'_>,
) -> CryptoResult<Py<PyAny>> {
    public_object(py, &ca_key(sig_type.as_bytes(), sig_key.as_bytes())?)
}

fn ecdsa_digest(curve: SshCurve) -> MessageDigest {
    match curve {
        SshCurve::NistP256 => MessageDigest::sha256(),
        SshCurve::NistP384 => MessageDigest::sha384(),
        SshCurve::NistP521 => MessageDigest::sha512(),
    }
}

fn verify(pkey: &PKey<Public>, md: Option<MessageDigest>, signature: &[u8], data: &[u8]) -> bool {
    let verifier = match md {
        Some(md) => Verifier::new(md, pkey),
        None => Verifier::new_without_digest(pkey),
    };
    let valid = verifier
        .and_then(|mut v| v.verify_oneshot(signature, data))
        .unwrap_or(false);
    // Drain anything OpenSSL queued for a malformed signature.
    let _ = openssl::error::ErrorStack::get();
    valid
}

/// `SSHCertificate.verify_cert_signature()`: raises `InvalidSignature` unless
/// `signature` (of type `inner_sig_type`) is the CA key's signature of `tbs`.
#[pyfunction]
pub fn verify_cert_signature(
    py: Python<'_>,
    sig_type: Buffer<'_>,
    sig_key: Buffer<'_>,
    inner_sig_type: Buffer<'_>,
    signature: Buffer<'_>,
    tbs: Buffer<'_>,
) -> CryptoResult<()> {
    let key = ca_key(sig_type.as_bytes(), sig_key.as_bytes())?;
    // Building the key object runs the checks the reference makes on the CA key.
    let object = public_object(py, &key)?;
    let pkey = pkey_of_public(object.bind(py))?;
    let (signature, tbs) = (signature.as_bytes(), tbs.as_bytes());
    let valid = match &key {
        SshPublicKey::Ed25519(_) | SshPublicKey::SkEd25519 { .. } => {
            py.detach(|| verify(&pkey, None, signature, tbs))
        }
        SshPublicKey::Ecdsa { curve, .. } => {
            let der = ecdsa_der(signature)?;
            let md = ecdsa_digest(*curve);
            py.detach(|| verify(&pkey, Some(md), &der, tbs))
        }
        SshPublicKey::SkEcdsaP256 { .. } => {
            let der = ecdsa_der(signature)?;
            py.detach(|| verify(&pkey, Some(MessageDigest::sha256()), &der, tbs))
        }
        SshPublicKey::Rsa { .. } => {
            let md = match inner_sig_type.as_bytes() {
                b"ssh-rsa" => MessageDigest::sha1(),
                b"rsa-sha2-256" => MessageDigest::sha256(),
                b"rsa-sha2-512" => MessageDigest::sha512(),
                _ => return Err(CryptoError::InvalidSignature("")),
            };
            py.detach(|| verify(&pkey, Some(md), signature, tbs))
        }
        SshPublicKey::Dsa { .. } => {
            return Err(unsupported(
                "DSA signatures aren't supported in SSH certificates",
            ))
        }
    };
    if valid {
        Ok(())
    } else {
        Err(CryptoError::InvalidSignature(""))
    }
}

/// An SSH ECDSA signature (mpint r, mpint s) as DER.
fn ecdsa_der(signature: &[u8]) -> CryptoResult<Vec<u8>> {
    let mut r = Reader::new(signature);
    let sig_r = r.read_mpint("ECDSA signature: r").map_err(ssh_error)?;
    let sig_s = r.read_mpint("ECDSA signature: s").map_err(ssh_error)?;
    r.finish("ECDSA signature").map_err(ssh_error)?;
    let sig =
        EcdsaSig::from_private_components(BigNum::from_slice(sig_r)?, BigNum::from_slice(sig_s)?)?;
    Ok(sig.to_der()?)
}

/// Signs `tbs` with the CA key; returns the signature type and the signature bytes.
fn sign(
    ca: &PKey<Private>,
    ca_public: &SshPublicKey,
    tbs: &[u8],
) -> CryptoResult<(&'static str, Vec<u8>)> {
    match ca_public {
        SshPublicKey::Ed25519(_) => {
            let mut signer = Signer::new_without_digest(ca)?;
            Ok(("ssh-ed25519", signer.sign_oneshot_to_vec(tbs)?))
        }
        SshPublicKey::Ecdsa { curve, .. } => {
            let mut signer = Signer::new(ecdsa_digest(*curve), ca)?;
            signer.update(tbs)?;
            let der = signer.sign_to_vec()?;
            let sig = EcdsaSig::from_der(&der)?;
            let mut w = Writer::new();
            w.put_mpint(&sig.r().to_vec());
            w.put_mpint(&sig.s().to_vec());
            Ok((ca_public.key_type().name(), w.into_bytes()))
        }
        SshPublicKey::Rsa { .. } => {
            let mut signer = Signer::new(MessageDigest::sha512(), ca)?;
            signer.update(tbs)?;
            Ok(("rsa-sha2-512", signer.sign_to_vec()?))
        }
        _ => Err(value_error("Unsupported key type")),
    }
}

/// `SSHCertificateBuilder.sign()` after the Python layer's checks: the certificate line
/// `<type> <base64>`.
#[allow(clippy::too_many_arguments)]
#[pyfunction]
pub fn sign_certificate<'py>(
    py: Python<'py>,
    public_key: &Bound<'py, PyAny>,
    serial: u64,
    cert_type: u32,
    key_id: Vec<u8>,
    valid_principals: Vec<Vec<u8>>,
    valid_after: u64,
    valid_before: u64,
    critical_options: Vec<(Vec<u8>, Vec<u8>)>,
    extensions: Vec<(Vec<u8>, Vec<u8>)>,
    private_key: &Bound<'py, PyAny>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let subject = public_of_pkey(&pkey_of_public(public_key)?)?;
    let ca = pkey_of_private(private_key)?;
    let ca_public = public_of_pkey(&ca)?;
    if matches!(ca_public, SshPublicKey::Dsa { .. }) || matches!(subject, SshPublicKey::Dsa { .. })
    {
        return Err(value_error("Unsupported key type"));
    }
    let cert_type =
        SshCertType::from_code(cert_type).ok_or_else(|| value_error("Invalid certificate type"))?;
    let mut nonce = [0u8; 32];
    openssl::rand::rand_bytes(&mut nonce)?;
    let tbs = SshCertTbs {
        nonce: nonce.to_vec(),
        public_key: subject,
        serial,
        cert_type,
        key_id,
        valid_principals,
        valid_after,
        valid_before,
        critical_options,
        extensions,
        signature_key: ca_public,
    };
    let type_name = tbs.public_key.key_type().cert_name();
    let tbs_bytes = tbs.to_bytes();
    let (sig_type, signature) = py.detach(|| sign(&ca, &tbs.signature_key, &tbs_bytes))?;
    let blob = write_certificate(&tbs_bytes, sig_type.as_bytes(), &signature);
    let mut line = type_name.as_bytes().to_vec();
    line.push(b' ');
    line.extend_from_slice(base64::encode(&blob).as_bytes());
    Ok(PyBytes::new(py, &line))
}
