//! SSH key data (`oxicrypt_keys::ssh`) to and from OpenSSL keys and the Python key
//! objects. Keys read from SSH data are checked as the reference checks them (it builds
//! them from their numbers), with the same messages.

use openssl::bn::{BigNum, BigNumContext, BigNumRef};
use openssl::ec::PointConversionForm;
use openssl::nid::Nid;
use openssl::pkey::{HasPublic, Id, PKey, Private, Public};
use oxicrypt_keys::dsa::{DsaParams, DsaPrivate, DsaPublic};
use oxicrypt_keys::key::CurveKind;
use oxicrypt_keys::rsa::{RsaPrivate, RsaPublic};
use oxicrypt_keys::ssh::{SshCurve, SshPrivateKey, SshPublicKey};
use pyo3::prelude::*;

use super::value_error;
use crate::error::CryptoResult;
use crate::keys::curves::ed25519::{Ed25519PrivateKey, Ed25519PublicKey};
use crate::keys::dsa::{DsaPrivateKey, DsaPublicKey};
use crate::keys::ec::{EcPrivateKey, EcPublicKey};
use crate::keys::rsa::{RsaPrivateKey, RsaPublicKey};
use crate::keys::{curves, dsa, ec, rsa};

/// The Python name of an SSH curve.
pub fn curve_name(curve: SshCurve) -> &'static str {
    match curve {
        SshCurve::NistP256 => "secp256r1",
        SshCurve::NistP384 => "secp384r1",
        SshCurve::NistP521 => "secp521r1",
    }
}

fn ssh_curve<T: HasPublic>(pkey: &PKey<T>) -> CryptoResult<SshCurve> {
    match pkey.ec_key()?.group().curve_name() {
        Some(Nid::X9_62_PRIME256V1) => Ok(SshCurve::NistP256),
        Some(Nid::SECP384R1) => Ok(SshCurve::NistP384),
        Some(Nid::SECP521R1) => Ok(SshCurve::NistP521),
        _ => Err(value_error(format!(
            "Unsupported curve for ssh private key: '{}'",
            ec::group_curve_name(pkey)?
        ))),
    }
}

fn unsupported_key_type() -> crate::error::CryptoError {
    value_error("Unsupported key type")
}

/// The SSH form of a public key (of a public or private OpenSSL key).
pub fn public_of_pkey<T: HasPublic>(pkey: &PKey<T>) -> CryptoResult<SshPublicKey> {
    match pkey.id() {
        Id::RSA => {
            let rsa = pkey.rsa()?;
            Ok(SshPublicKey::Rsa {
                e: rsa.e().to_vec(),
                n: rsa.n().to_vec(),
            })
        }
        Id::EC => {
            let curve = ssh_curve(pkey)?;
            let ec = pkey.ec_key()?;
            let mut ctx = BigNumContext::new()?;
            let point = ec.public_key().to_bytes(
                ec.group(),
                PointConversionForm::UNCOMPRESSED,
                &mut ctx,
            )?;
            Ok(SshPublicKey::Ecdsa { curve, point })
        }
        Id::ED25519 => {
            let raw = pkey.raw_public_key()?;
            let key: [u8; 32] = raw
                .as_slice()
                .try_into()
                .map_err(|_| value_error("An Ed25519 public key is 32 bytes long"))?;
            Ok(SshPublicKey::Ed25519(key))
        }
        Id::DSA => {
            let dsa = pkey.dsa()?;
            if dsa.p().num_bits() != 1024 {
                return Err(value_error("SSH supports only 1024 bit DSA keys"));
            }
            Ok(SshPublicKey::Dsa {
                p: dsa.p().to_vec(),
                q: dsa.q().to_vec(),
                g: dsa.g().to_vec(),
                y: dsa.pub_key().to_vec(),
            })
        }
        _ => Err(unsupported_key_type()),
    }
}

/// The SSH form of a private key.
pub fn private_of_pkey(pkey: &PKey<Private>) -> CryptoResult<SshPrivateKey> {
    match pkey.id() {
        Id::RSA => {
            let rsa = pkey.rsa()?;
            let (Some(p), Some(q), Some(iqmp)) = (rsa.p(), rsa.q(), rsa.iqmp()) else {
                return Err(value_error(
                    "RSA keys without their prime factors cannot be written in OpenSSH format",
                ));
            };
            Ok(SshPrivateKey::Rsa {
                n: rsa.n().to_vec(),
                e: rsa.e().to_vec(),
                d: rsa.d().to_vec(),
                iqmp: iqmp.to_vec(),
                p: p.to_vec(),
                q: q.to_vec(),
            })
        }
        Id::EC => {
            let SshPublicKey::Ecdsa { curve, point } = public_of_pkey(pkey)? else {
                return Err(unsupported_key_type());
            };
            Ok(SshPrivateKey::Ecdsa {
                curve,
                point,
                scalar: pkey.ec_key()?.private_key().to_vec(),
            })
        }
        Id::ED25519 => {
            let seed: [u8; 32] = pkey
                .raw_private_key()?
                .as_slice()
                .try_into()
                .map_err(|_| value_error("An Ed25519 private key is 32 bytes long"))?;
            let SshPublicKey::Ed25519(public) = public_of_pkey(pkey)? else {
                return Err(unsupported_key_type());
            };
            Ok(SshPrivateKey::Ed25519 { seed, public })
        }
        Id::DSA => {
            let SshPublicKey::Dsa { p, q, g, y } = public_of_pkey(pkey)? else {
                return Err(unsupported_key_type());
            };
            let x = pkey.dsa()?.priv_key().to_vec();
            Ok(SshPrivateKey::Dsa { p, q, g, y, x })
        }
        _ => Err(unsupported_key_type()),
    }
}

/// The OpenSSL key inside a Python public key object of a type SSH knows.
pub fn pkey_of_public(key: &Bound<'_, PyAny>) -> CryptoResult<PKey<Public>> {
    if let Ok(k) = key.cast::<Ed25519PublicKey>() {
        return Ok(k.get().pkey.clone());
    }
    if let Ok(k) = key.cast::<EcPublicKey>() {
        return Ok(k.get().pkey.clone());
    }
    if let Ok(k) = key.cast::<RsaPublicKey>() {
        return Ok(k.get().pkey.clone());
    }
    if let Ok(k) = key.cast::<DsaPublicKey>() {
        return Ok(k.get().pkey.clone());
    }
    Err(unsupported_key_type())
}

/// The OpenSSL key inside a Python private key object of a type SSH knows.
pub fn pkey_of_private(key: &Bound<'_, PyAny>) -> CryptoResult<PKey<Private>> {
    if let Ok(k) = key.cast::<Ed25519PrivateKey>() {
        return Ok(k.get().pkey.clone());
    }
    if let Ok(k) = key.cast::<EcPrivateKey>() {
        return Ok(k.get().pkey.clone());
    }
    if let Ok(k) = key.cast::<RsaPrivateKey>() {
        return Ok(k.get().pkey.clone());
    }
    if let Ok(k) = key.cast::<DsaPrivateKey>() {
        return Ok(k.get().pkey.clone());
    }
    Err(unsupported_key_type())
}

fn bn(v: &[u8]) -> CryptoResult<BigNum> {
    Ok(BigNum::from_slice(v)?)
}

fn is_odd(v: &BigNumRef) -> bool {
    v.is_bit_set(0)
}

/// The checks of `RSAPublicNumbers.public_key`.
fn check_rsa_public(e: &BigNumRef, n: &BigNumRef) -> CryptoResult<()> {
    let three = BigNum::from_u32(3)?;
    if n < &*three {
        return Err(value_error("n must be >= 3."));
    }
    if e < &*three || e >= n {
        return Err(value_error("e must be >= 3 and < n."));
    }
    if !is_odd(e) {
        return Err(value_error("e must be odd."));
    }
    Ok(())
}

/// The domain parameter checks of the DSA numbers classes, for the sizes SSH allows.
fn check_dsa_public(
    p: &BigNumRef,
    q: &BigNumRef,
    g: &BigNumRef,
    y: &BigNumRef,
) -> CryptoResult<()> {
    if ![1024, 2048, 3072, 4096].contains(&p.num_bits()) {
        return Err(value_error(
            "p must be exactly 1024, 2048, 3072, or 4096 bits long",
        ));
    }
    if ![160, 224, 256].contains(&q.num_bits()) {
        return Err(value_error("q must be exactly 160, 224, or 256 bits long"));
    }
    let one = BigNum::from_u32(1)?;
    if g <= &*one || g >= p {
        return Err(value_error("g, p don't satisfy 1 < g < p."));
    }
    if y <= &*one || y >= p {
        return Err(value_error("y must be > 1 and < p."));
    }
    Ok(())
}

/// A Python public key object for SSH key data. Security-key (`sk-`) keys give the
/// Ed25519 or ECDSA key inside.
pub fn public_object(py: Python<'_>, key: &SshPublicKey) -> CryptoResult<Py<PyAny>> {
    Ok(match key {
        SshPublicKey::Rsa { e, n } => {
            check_rsa_public(&*bn(e)?, &*bn(n)?)?;
            let pkey = rsa::public_key_from_components(&RsaPublic {
                n: n.clone(),
                e: e.clone(),
            })?;
            Py::new(py, RsaPublicKey::new(pkey))?.into_any()
        }
        SshPublicKey::Dsa { p, q, g, y } => {
            check_dsa_public(&*bn(p)?, &*bn(q)?, &*bn(g)?, &*bn(y)?)?;
            let pkey = dsa::public_key_from_container(&DsaPublic {
                params: DsaParams {
                    p: p.clone(),
                    q: q.clone(),
                    g: g.clone(),
                },
                y: y.clone(),
            })?;
            Py::new(py, DsaPublicKey::new(pkey))?.into_any()
        }
        SshPublicKey::Ecdsa { curve, point } => ec_public_object(py, *curve, point)?,
        SshPublicKey::SkEcdsaP256 { point, .. } => ec_public_object(py, SshCurve::NistP256, point)?,
        SshPublicKey::Ed25519(raw) | SshPublicKey::SkEd25519 { key: raw, .. } => {
            let pkey = curves::public_from_raw(CurveKind::Ed25519, raw)?;
            Py::new(py, Ed25519PublicKey::new(pkey))?.into_any()
        }
    })
}

fn ec_public_object(py: Python<'_>, curve: SshCurve, point: &[u8]) -> CryptoResult<Py<PyAny>> {
    let pkey = ec::public_key_from_point(curve_name(curve), point)?;
    Ok(Py::new(py, EcPublicKey::new(py, pkey)?)?.into_any())
}

/// RSA private key parts as `RSAPrivateNumbers` wants them: the CRT exponents computed
/// from d, p and q (OpenSSH does not store them), after the checks that class makes.
fn rsa_private(
    n: &[u8],
    e: &[u8],
    d: &[u8],
    iqmp: &[u8],
    p: &[u8],
    q: &[u8],
) -> CryptoResult<RsaPrivate> {
    let (nb, eb, db, pb, qb, iqmpb) = (bn(n)?, bn(e)?, bn(d)?, bn(p)?, bn(q)?, bn(iqmp)?);
    let mut ctx = BigNumContext::new()?;
    let one = BigNum::from_u32(1)?;
    let three = BigNum::from_u32(3)?;
    if nb < three {
        return Err(value_error("modulus must be >= 3."));
    }
    if pb <= one || qb <= one {
        return Err(value_error("p*q must equal modulus."));
    }
    let crt = |prime: &BigNumRef| -> CryptoResult<BigNum> {
        let mut prime_minus_1 = BigNum::new()?;
        prime_minus_1.checked_sub(prime, &one)?;
        let mut ctx = BigNumContext::new()?;
        let mut out = BigNum::new()?;
        out.nnmod(&db, &prime_minus_1, &mut ctx)?;
        Ok(out)
    };
    let (dmp1, dmq1) = (crt(&pb)?, crt(&qb)?);
    let checks: [(&BigNumRef, &str); 6] = [
        (&pb, "p"),
        (&qb, "q"),
        (&db, "private_exponent"),
        (&dmp1, "dmp1"),
        (&dmq1, "dmq1"),
        (&iqmpb, "iqmp"),
    ];
    for (value, name) in checks {
        if value >= &*nb {
            return Err(value_error(format!("{name} must be < modulus.")));
        }
    }
    if eb < three || eb >= nb {
        return Err(value_error("public_exponent must be >= 3 and < modulus."));
    }
    if !is_odd(&eb) {
        return Err(value_error("public_exponent must be odd."));
    }
    if !is_odd(&dmp1) {
        return Err(value_error("dmp1 must be odd."));
    }
    if !is_odd(&dmq1) {
        return Err(value_error("dmq1 must be odd."));
    }
    let mut pq = BigNum::new()?;
    pq.checked_mul(&pb, &qb, &mut ctx)?;
    if pq != nb {
        return Err(value_error("p*q must equal modulus."));
    }
    Ok(RsaPrivate {
        n: n.to_vec(),
        e: e.to_vec(),
        d: d.to_vec(),
        p: p.to_vec(),
        q: q.to_vec(),
        dmp1: dmp1.to_vec(),
        dmq1: dmq1.to_vec(),
        iqmp: iqmp.to_vec(),
    })
}

/// The checks of `DSAPrivateNumbers.private_key`.
fn check_dsa_private(p: &[u8], q: &[u8], g: &[u8], y: &[u8], x: &[u8]) -> CryptoResult<()> {
    let (p, q, g, y, x) = (bn(p)?, bn(q)?, bn(g)?, bn(y)?, bn(x)?);
    check_dsa_public(&p, &q, &g, &y)?;
    if x.num_bits() == 0 || x >= q {
        return Err(value_error("x must be > 0 and < q."));
    }
    let mut ctx = BigNumContext::new()?;
    let mut expected = BigNum::new()?;
    expected.mod_exp(&g, &x, &p, &mut ctx)?;
    if expected != y {
        return Err(value_error("y must be equal to (g ** x % p)."));
    }
    Ok(())
}

/// A Python private key object for SSH key data. `check_rsa` runs OpenSSL's RSA key
/// check (skipped with `unsafe_skip_rsa_key_validation`).
pub fn private_object(
    py: Python<'_>,
    key: &SshPrivateKey,
    check_rsa: bool,
) -> CryptoResult<Py<PyAny>> {
    Ok(match key {
        SshPrivateKey::Rsa {
            n,
            e,
            d,
            iqmp,
            p,
            q,
        } => {
            let parts = rsa_private(n, e, d, iqmp, p, q)?;
            // The key check is a few modular exponentiations: let other threads run.
            let pkey = py.detach(|| rsa::private_key_from_components(&parts, check_rsa))?;
            Py::new(py, RsaPrivateKey::new(pkey))?.into_any()
        }
        SshPrivateKey::Dsa { p, q, g, y, x } => {
            check_dsa_private(p, q, g, y, x)?;
            let pkey = dsa::private_key_from_container(&DsaPrivate {
                params: DsaParams {
                    p: p.clone(),
                    q: q.clone(),
                    g: g.clone(),
                },
                y: Some(y.clone()),
                x: x.clone(),
            })?;
            Py::new(py, DsaPrivateKey::new(pkey))?.into_any()
        }
        SshPrivateKey::Ecdsa {
            curve,
            point,
            scalar,
        } => {
            let pkey = ec::private_key_from_scalar(
                curve_name(*curve),
                scalar,
                Some(point),
                ec::RANGE_MESSAGE,
            )?;
            Py::new(py, EcPrivateKey::new(py, pkey)?)?.into_any()
        }
        SshPrivateKey::Ed25519 { seed, .. } => {
            let pkey = curves::private_from_raw(CurveKind::Ed25519, seed)?;
            Py::new(py, Ed25519PrivateKey::new(pkey))?.into_any()
        }
    })
}
