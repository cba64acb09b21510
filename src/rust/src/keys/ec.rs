//! Elliptic-curve keys on named curves: ECDSA (random or RFC 6979 nonces), ECDH, numbers,
//! X9.62 points, and serialization (containers written by oxicrypt-keys).

use openssl::bn::{BigNum, BigNumContext};
use openssl::ec::{EcGroup, EcKey, EcPoint, PointConversionForm};
use openssl::nid::Nid;
use openssl::pkey::{HasPublic, PKey, Private, Public};
use oxicrypt_keys::ec::{EcPrivate, EcPublic};
use oxicrypt_openssl::prepared_signature::PreparedPkeyCtx;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyInt, PyType};

use super::bignum::{bn_to_int, int_arg, int_to_magnitude};
use super::prepared::{signing_context, verifying_context, Prepared};
use super::serialization::{
    check_private_request, der_or_pem, encode_private, Encoding, PrivateDer, PrivateFormat,
    PublicFormat,
};
use crate::buf::Buffer;
use crate::error::{CryptoError, CryptoResult, Reason};

fn ec_module(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    Ok(MODULE
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(
                py.import("oxicrypt.hazmat.primitives.asymmetric.ec")?
                    .unbind(),
            )
        })?
        .bind(py))
}

fn ec_class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyType>> {
    Ok(ec_module(py)?.getattr(name)?.cast_into::<PyType>()?)
}

/// OpenSSL's identifier of a curve, by its Python name.
fn curve_nid(name: &str) -> Option<Nid> {
    Some(match name {
        "secp192r1" => Nid::X9_62_PRIME192V1,
        "secp224r1" => Nid::SECP224R1,
        "secp256r1" => Nid::X9_62_PRIME256V1,
        "secp384r1" => Nid::SECP384R1,
        "secp521r1" => Nid::SECP521R1,
        "secp256k1" => Nid::SECP256K1,
        "brainpoolP256r1" => Nid::BRAINPOOL_P256R1,
        "brainpoolP384r1" => Nid::BRAINPOOL_P384R1,
        "brainpoolP512r1" => Nid::BRAINPOOL_P512R1,
        _ => return None,
    })
}

fn unsupported_curve(name: &str) -> CryptoError {
    CryptoError::Unsupported(
        format!("Curve {name} is not supported by this backend."),
        Reason::EllipticCurve,
    )
}

/// A curve object of `asymmetric.ec` resolved to OpenSSL's group.
struct Curve {
    name: String,
    group: EcGroup,
}

fn curve_from_py(curve: &Bound<'_, PyAny>) -> CryptoResult<Curve> {
    if !curve.is_instance(ec_class(curve.py(), "EllipticCurve")?.as_any())? {
        return Err(PyTypeError::new_err("curve must be an EllipticCurve instance").into());
    }
    let name: String = curve.getattr("name")?.extract()?;
    let nid = curve_nid(&name).ok_or_else(|| unsupported_curve(&name))?;
    let group = EcGroup::from_curve_name(nid).map_err(|_| unsupported_curve(&name))?;
    Ok(Curve { name, group })
}

/// The Python curve object (from `ec._CURVE_TYPES`) for a curve named in a key container.
fn curve_object(py: Python<'_>, name: &str) -> PyResult<Py<PyAny>> {
    let types = ec_module(py)?.getattr("_CURVE_TYPES")?;
    Ok(types.get_item(name)?.unbind())
}

pub(crate) fn group_curve_name<T: HasPublic>(key: &PKey<T>) -> CryptoResult<&'static str> {
    let ec = key.ec_key()?;
    let nid = ec
        .group()
        .curve_name()
        .ok_or_else(|| CryptoError::value("EC key without a named curve"))?;
    [
        "secp192r1",
        "secp224r1",
        "secp256r1",
        "secp384r1",
        "secp521r1",
        "secp256k1",
        "brainpoolP256r1",
        "brainpoolP384r1",
        "brainpoolP512r1",
    ]
    .into_iter()
    .find(|n| curve_nid(n) == Some(nid))
    .ok_or_else(|| CryptoError::value("EC key on an unsupported curve"))
}

fn point_bytes<T: HasPublic>(key: &PKey<T>, form: PointConversionForm) -> CryptoResult<Vec<u8>> {
    let ec = key.ec_key()?;
    let mut ctx = BigNumContext::new()?;
    Ok(ec.public_key().to_bytes(ec.group(), form, &mut ctx)?)
}

/// Byte length of field elements and scalars on this curve.
fn scalar_len(group: &openssl::ec::EcGroupRef) -> usize {
    (group.degree() as usize).div_ceil(8)
}

pub fn public_key_from_point(curve_name: &str, point: &[u8]) -> CryptoResult<PKey<Public>> {
    let nid = curve_nid(curve_name).ok_or_else(|| unsupported_curve(curve_name))?;
    let group = EcGroup::from_curve_name(nid)?;
    let mut ctx = BigNumContext::new()?;
    let point = EcPoint::from_bytes(&group, point, &mut ctx).map_err(|_| {
        let _ = openssl::error::ErrorStack::get();
        CryptoError::value("Invalid EC key.")
    })?;
    let key = EcKey::from_public_key(&group, &point)?;
    key.check_key()
        .map_err(|_| CryptoError::value("Invalid EC key."))?;
    Ok(PKey::from_ec_key(key)?)
}

/// SEC 1 stores the private key as an octet string of the curve's byte length; a shorter
/// one is a damaged key (OpenSSL reads it; the reference, and so oxicrypt, does not).
pub fn check_scalar_length(curve_name: &str, scalar: &[u8]) -> CryptoResult<()> {
    let nid = curve_nid(curve_name).ok_or_else(|| unsupported_curve(curve_name))?;
    let group = EcGroup::from_curve_name(nid)?;
    if scalar.len() < scalar_len(&group) {
        return Err(CryptoError::value(
            "EC private key is not encoded properly: private key value is too short.",
        ));
    }
    Ok(())
}

/// The message for a scalar outside [1, order) when loading a key or building one from
/// numbers (`derive_private_key` words it as [`DERIVE_RANGE_MESSAGE`]).
pub const RANGE_MESSAGE: &str = "Invalid EC key.";
const DERIVE_RANGE_MESSAGE: &str = "Invalid EC key (key out of range, infinity, etc.)";

pub fn private_key_from_scalar(
    curve_name: &str,
    scalar: &[u8],
    expected_point: Option<&[u8]>,
    range_message: &'static str,
) -> CryptoResult<PKey<Private>> {
    let nid = curve_nid(curve_name).ok_or_else(|| unsupported_curve(curve_name))?;
    let group = EcGroup::from_curve_name(nid)?;
    let private = BigNum::from_slice(scalar)?;
    let mut ctx = BigNumContext::new()?;
    let mut order = BigNum::new()?;
    group.order(&mut order, &mut ctx)?;
    if private.num_bits() == 0 || private >= order {
        return Err(CryptoError::value(range_message));
    }
    let mut public = EcPoint::new(&group)?;
    public.mul_generator2(&group, &private, &mut ctx)?;
    if let Some(expected) = expected_point {
        let given = EcPoint::from_bytes(&group, expected, &mut ctx)
            .map_err(|_| CryptoError::value("Invalid EC key."))?;
        if !public.eq(&group, &given, &mut ctx)? {
            return Err(CryptoError::value("Invalid EC key."));
        }
    }
    let key = EcKey::from_private_components(&group, &private, &public)?;
    key.check_key()
        .map_err(|_| CryptoError::value("Invalid EC key."))?;
    Ok(PKey::from_ec_key(key)?)
}

/// The digest to sign for an `ECDSA` signature algorithm object, the hash that made it
/// (RFC 6979 nonces are derived with it), and whether to use deterministic nonces.
fn ecdsa_input(
    py: Python<'_>,
    data: &[u8],
    signature_algorithm: &Bound<'_, PyAny>,
) -> CryptoResult<(Vec<u8>, &'static openssl::md::MdRef, bool)> {
    if !signature_algorithm.is_instance(ec_class(py, "ECDSA")?.as_any())? {
        return Err(CryptoError::Unsupported(
            "Unsupported elliptic curve signature algorithm.".to_owned(),
            Reason::PublicKeyAlgorithm,
        ));
    }
    let deterministic: bool = signature_algorithm
        .getattr("deterministic_signing")?
        .extract()?;
    let algorithm = signature_algorithm.getattr("algorithm")?;
    let message = super::signing::message_digest(py, data, &algorithm)?;
    Ok((message.bytes, message.resolved.md, deterministic))
}

#[pyclass(frozen, module = "oxicrypt._rust.ec", name = "ECPrivateKey")]
pub struct EcPrivateKey {
    pub(crate) pkey: PKey<Private>,
    curve: Py<PyAny>,
    signer: Prepared<PreparedPkeyCtx<Private>>,
}

#[pyclass(frozen, module = "oxicrypt._rust.ec", name = "ECPublicKey")]
pub struct EcPublicKey {
    pub(crate) pkey: PKey<Public>,
    curve: Py<PyAny>,
    verifier: Prepared<PreparedPkeyCtx<Public>>,
}

impl EcPrivateKey {
    pub fn new(py: Python<'_>, pkey: PKey<Private>) -> CryptoResult<EcPrivateKey> {
        let curve = curve_object(py, group_curve_name(&pkey)?)?;
        Ok(EcPrivateKey::with_curve(pkey, curve))
    }

    fn with_curve(pkey: PKey<Private>, curve: Py<PyAny>) -> EcPrivateKey {
        EcPrivateKey {
            pkey,
            curve,
            signer: Prepared::default(),
        }
    }
}

impl EcPublicKey {
    pub fn new(py: Python<'_>, pkey: PKey<Public>) -> CryptoResult<EcPublicKey> {
        let curve = curve_object(py, group_curve_name(&pkey)?)?;
        Ok(EcPublicKey::with_curve(pkey, curve))
    }

    fn with_curve(pkey: PKey<Public>, curve: Py<PyAny>) -> EcPublicKey {
        EcPublicKey {
            pkey,
            curve,
            verifier: Prepared::default(),
        }
    }
}

fn public_numbers_of<T: HasPublic>(
    py: Python<'_>,
    key: &PKey<T>,
    curve: &Py<PyAny>,
) -> CryptoResult<EllipticCurvePublicNumbers> {
    let ec = key.ec_key()?;
    let mut ctx = BigNumContext::new()?;
    let (mut x, mut y) = (BigNum::new()?, BigNum::new()?);
    ec.public_key()
        .affine_coordinates(ec.group(), &mut x, &mut y, &mut ctx)?;
    Ok(EllipticCurvePublicNumbers {
        x: bn_to_int(py, &x)?.unbind(),
        y: bn_to_int(py, &y)?.unbind(),
        curve: curve.clone_ref(py),
    })
}

fn public_bytes_of<'py, T: HasPublic>(
    py: Python<'py>,
    key: &PKey<T>,
    encoding: Encoding,
    format: PublicFormat,
) -> CryptoResult<Bound<'py, PyBytes>> {
    // SubjectPublicKeyInfo needs PEM or DER whatever else is asked (TypeError, as in the
    // reference), before the X9.62 pairing rules.
    if format == PublicFormat::SubjectPublicKeyInfo
        && encoding != Encoding::PEM
        && encoding != Encoding::DER
    {
        return Err(PyTypeError::new_err("encoding must be Encoding.DER or Encoding.PEM").into());
    }
    let point_format = matches!(
        format,
        PublicFormat::CompressedPoint | PublicFormat::UncompressedPoint
    );
    if encoding == Encoding::X962 || point_format {
        if encoding != Encoding::X962 {
            return Err(CryptoError::value(
                "Point formats must be used with X962 encoding",
            ));
        }
        let form =
            match format {
                PublicFormat::CompressedPoint => PointConversionForm::COMPRESSED,
                PublicFormat::UncompressedPoint => PointConversionForm::UNCOMPRESSED,
                _ => return Err(CryptoError::value(
                    "X962 encoding must be used with CompressedPoint or UncompressedPoint format",
                )),
            };
        return Ok(PyBytes::new(py, &point_bytes(key, form)?));
    }
    super::serialization::check_public_request(encoding, format, false)?;
    match format {
        PublicFormat::SubjectPublicKeyInfo => {
            let curve = oxicrypt_keys::oids::named_curve_oid(group_curve_name(key)?)
                .ok_or_else(|| CryptoError::value("EC key on an unsupported curve"))?;
            let der = oxicrypt_keys::spki::write_ec_key(&EcPublic {
                curve,
                point: point_bytes(key, PointConversionForm::UNCOMPRESSED)?,
            })?;
            Ok(der_or_pem(py, encoding, "PUBLIC KEY", &der)?)
        }
        PublicFormat::OpenSSH => super::ssh::public_bytes(py, key),
        _ => Err(CryptoError::value("format is invalid with this key")),
    }
}

#[pymethods]
impl EcPrivateKey {
    #[getter]
    fn curve(&self, py: Python<'_>) -> Py<PyAny> {
        self.curve.clone_ref(py)
    }

    #[getter]
    fn key_size(&self) -> CryptoResult<u32> {
        Ok(self.pkey.ec_key()?.group().degree())
    }

    fn public_key(&self, py: Python<'_>) -> CryptoResult<EcPublicKey> {
        let ec = self.pkey.ec_key()?;
        let public = EcKey::from_public_key(ec.group(), ec.public_key())?;
        Ok(EcPublicKey::with_curve(
            PKey::from_ec_key(public)?,
            self.curve.clone_ref(py),
        ))
    }

    fn sign<'py>(
        &self,
        py: Python<'py>,
        data: Buffer<'_>,
        signature_algorithm: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let (digest, md, deterministic) = ecdsa_input(py, data.as_bytes(), signature_algorithm)?;
        if deterministic && !oxicrypt_openssl::signature::DETERMINISTIC_NONCES_SUPPORTED {
            return Err(CryptoError::Unsupported(
                "ECDSA with deterministic signature (RFC 6979) is not supported by this version \
                 of OpenSSL."
                    .to_owned(),
                Reason::PublicKeyAlgorithm,
            ));
        }
        let signature = py.detach(|| -> CryptoResult<Vec<u8>> {
            let mut ctx = signing_context(&self.signer, &self.pkey)?;
            if deterministic {
                ctx.set_signature_md(md)?;
                oxicrypt_openssl::signature::set_deterministic_nonce(&mut ctx)?;
            }
            let mut signature = Vec::new();
            ctx.sign_to_vec(&digest, &mut signature)?;
            Ok(signature)
        })?;
        Ok(PyBytes::new(py, &signature))
    }

    fn exchange<'py>(
        &self,
        py: Python<'py>,
        algorithm: &Bound<'py, PyAny>,
        peer_public_key: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        if !algorithm.is_instance(ec_class(py, "ECDH")?.as_any())? {
            return Err(CryptoError::Unsupported(
                "This backend does not support the ECDH algorithm.".to_owned(),
                Reason::ExchangeAlgorithm,
            ));
        }
        let peer = peer_public_key.cast::<EcPublicKey>().map_err(|_| {
            PyTypeError::new_err("peer_public_key must be an EllipticCurvePublicKey")
        })?;
        let peer = &peer.get().pkey;
        if group_curve_name(peer)? != group_curve_name(&self.pkey)? {
            return Err(CryptoError::value(
                "peer_public_key and self are not on the same curve",
            ));
        }
        let shared = py.detach(|| -> CryptoResult<Vec<u8>> {
            let mut deriver = openssl::derive::Deriver::new(&self.pkey)?;
            deriver.set_peer(peer)?;
            deriver
                .derive_to_vec()
                .map_err(|_| CryptoError::value("Error computing shared key."))
        })?;
        Ok(PyBytes::new(py, &shared))
    }

    fn private_numbers(&self, py: Python<'_>) -> CryptoResult<EllipticCurvePrivateNumbers> {
        let ec = self.pkey.ec_key()?;
        Ok(EllipticCurvePrivateNumbers {
            private_value: bn_to_int(py, ec.private_key())?.unbind(),
            public_numbers: Py::new(py, public_numbers_of(py, &self.pkey, &self.curve)?)?,
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
        let ec = self.pkey.ec_key()?;
        let curve = oxicrypt_keys::oids::named_curve_oid(group_curve_name(&self.pkey)?)
            .ok_or_else(|| CryptoError::value("EC key on an unsupported curve"))?;
        let key = EcPrivate {
            curve,
            scalar: ec
                .private_key()
                .to_vec_padded(i32::try_from(scalar_len(ec.group())).unwrap_or(0))?,
            point: Some(point_bytes(&self.pkey, PointConversionForm::UNCOMPRESSED)?),
        };
        let container = match format {
            PrivateFormat::PKCS8 => PrivateDer::Pkcs8(oxicrypt_keys::pkcs8::write_ec_key(&key)?),
            PrivateFormat::TraditionalOpenSSL => PrivateDer::Traditional {
                label: "EC PRIVATE KEY",
                der: oxicrypt_keys::ec::write_private(&key, true)?,
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
impl EcPublicKey {
    #[getter]
    fn curve(&self, py: Python<'_>) -> Py<PyAny> {
        self.curve.clone_ref(py)
    }

    #[getter]
    fn key_size(&self) -> CryptoResult<u32> {
        Ok(self.pkey.ec_key()?.group().degree())
    }

    fn verify(
        &self,
        py: Python<'_>,
        signature: Buffer<'_>,
        data: Buffer<'_>,
        signature_algorithm: &Bound<'_, PyAny>,
    ) -> CryptoResult<()> {
        let (digest, _, _) = ecdsa_input(py, data.as_bytes(), signature_algorithm)?;
        let signature = signature.as_bytes();
        let valid = py.detach(|| -> CryptoResult<bool> {
            let mut ctx = verifying_context(&self.verifier, &self.pkey)?;
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

    fn public_numbers(&self, py: Python<'_>) -> CryptoResult<EllipticCurvePublicNumbers> {
        public_numbers_of(py, &self.pkey, &self.curve)
    }

    fn public_bytes<'py>(
        &self,
        py: Python<'py>,
        encoding: Encoding,
        format: PublicFormat,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        public_bytes_of(py, &self.pkey, encoding, format)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> Py<PyAny> {
        let equal = other
            .cast::<EcPublicKey>()
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

#[pyclass(
    frozen,
    module = "oxicrypt._rust.ec",
    name = "EllipticCurvePublicNumbers"
)]
pub struct EllipticCurvePublicNumbers {
    #[pyo3(get)]
    x: Py<PyInt>,
    #[pyo3(get)]
    y: Py<PyInt>,
    #[pyo3(get)]
    curve: Py<PyAny>,
}

#[pymethods]
impl EllipticCurvePublicNumbers {
    #[new]
    fn new(x: &Bound<'_, PyAny>, y: &Bound<'_, PyAny>, curve: &Bound<'_, PyAny>) -> PyResult<Self> {
        let x = int_arg(x)?;
        let y = int_arg(y)?;
        if !curve.is_instance(ec_class(curve.py(), "EllipticCurve")?.as_any())? {
            return Err(PyTypeError::new_err(
                "curve must provide the EllipticCurve interface.",
            ));
        }
        Ok(EllipticCurvePublicNumbers {
            x,
            y,
            curve: curve.clone().unbind(),
        })
    }

    #[pyo3(signature = (backend=None))]
    fn public_key(
        &self,
        py: Python<'_>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<EcPublicKey> {
        let _ = backend;
        let curve = curve_from_py(self.curve.bind(py))?;
        let (x, y) = (self.x.bind(py), self.y.bind(py));
        if x.lt(0)? || y.lt(0)? {
            return Err(CryptoError::value(
                "Invalid EC key. Both x and y must be non-negative.",
            ));
        }
        let x = BigNum::from_slice(&int_to_magnitude(x.as_any())?)?;
        let y = BigNum::from_slice(&int_to_magnitude(y.as_any())?)?;
        let off_curve =
            || CryptoError::value("Invalid EC key. Point is not on the curve specified.");
        let key =
            EcKey::from_public_key_affine_coordinates(&curve.group, &x, &y).map_err(|_| {
                let _ = openssl::error::ErrorStack::get();
                off_curve()
            })?;
        key.check_key().map_err(|_| off_curve())?;
        Ok(EcPublicKey::with_curve(
            PKey::from_ec_key(key)?,
            self.curve.clone_ref(py),
        ))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(o) = other.cast::<EllipticCurvePublicNumbers>() else {
            return Ok(crate::keys::eq_result(py, None));
        };
        let o = o.get();
        let same_curve = {
            let (a, b) = (self.curve.bind(py), o.curve.bind(py));
            a.getattr("name")?.eq(b.getattr("name")?)?
                && a.getattr("key_size")?.eq(b.getattr("key_size")?)?
        };
        let equal = same_curve
            && self.x.bind(py).as_any().eq(o.x.bind(py))?
            && self.y.bind(py).as_any().eq(o.y.bind(py))?;
        Ok(crate::keys::eq_result(py, Some(equal)))
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        let curve = self.curve.bind(py);
        (
            curve.getattr("name")?,
            curve.getattr("key_size")?,
            self.x.clone_ref(py),
            self.y.clone_ref(py),
        )
            .into_pyobject(py)?
            .hash()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<EllipticCurvePublicNumbers(curve={}, x={}, y={})>",
            self.curve.bind(py).getattr("name")?,
            self.x.bind(py),
            self.y.bind(py)
        ))
    }
}

#[pyclass(
    frozen,
    module = "oxicrypt._rust.ec",
    name = "EllipticCurvePrivateNumbers"
)]
pub struct EllipticCurvePrivateNumbers {
    #[pyo3(get)]
    private_value: Py<PyInt>,
    #[pyo3(get)]
    public_numbers: Py<EllipticCurvePublicNumbers>,
}

#[pymethods]
impl EllipticCurvePrivateNumbers {
    #[new]
    fn new(private_value: &Bound<'_, PyAny>, public_numbers: &Bound<'_, PyAny>) -> PyResult<Self> {
        let private_value = int_arg(private_value)?;
        let public_numbers = public_numbers
            .cast::<EllipticCurvePublicNumbers>()
            .map_err(|_| super::bignum::type_error(public_numbers, "EllipticCurvePublicNumbers"))?
            .clone()
            .unbind();
        Ok(EllipticCurvePrivateNumbers {
            private_value,
            public_numbers,
        })
    }

    #[pyo3(signature = (backend=None))]
    fn private_key(
        &self,
        py: Python<'_>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<EcPrivateKey> {
        let _ = backend;
        let public = self.public_numbers.get();
        let curve = curve_from_py(public.curve.bind(py))?;
        let expected = public.public_key(py, None)?;
        let point = point_bytes(&expected.pkey, PointConversionForm::UNCOMPRESSED)?;
        let value = self.private_value.bind(py);
        if value.lt(0)? {
            return Err(pyo3::exceptions::PyOverflowError::new_err(
                "can't convert negative int to unsigned",
            )
            .into());
        }
        let scalar = int_to_magnitude(value.as_any())?;
        let pkey = private_key_from_scalar(&curve.name, &scalar, Some(&point), RANGE_MESSAGE)?;
        Ok(EcPrivateKey::with_curve(pkey, public.curve.clone_ref(py)))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(o) = other.cast::<EllipticCurvePrivateNumbers>() else {
            return Ok(crate::keys::eq_result(py, None));
        };
        let o = o.get();
        let equal = self
            .private_value
            .bind(py)
            .as_any()
            .eq(o.private_value.bind(py))?
            && self
                .public_numbers
                .bind(py)
                .as_any()
                .eq(o.public_numbers.bind(py))?;
        Ok(crate::keys::eq_result(py, Some(equal)))
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (
            self.private_value.clone_ref(py),
            self.public_numbers.clone_ref(py),
        )
            .into_pyobject(py)?
            .hash()
    }
}

#[pyfunction]
fn generate_private_key(py: Python<'_>, curve: &Bound<'_, PyAny>) -> CryptoResult<EcPrivateKey> {
    let resolved = curve_from_py(curve)?;
    let pkey = py.detach(|| -> CryptoResult<PKey<Private>> {
        Ok(PKey::from_ec_key(EcKey::generate(&resolved.group)?)?)
    })?;
    Ok(EcPrivateKey::with_curve(pkey, curve.clone().unbind()))
}

#[pyfunction]
fn derive_private_key(
    py: Python<'_>,
    private_value: &Bound<'_, PyAny>,
    curve: &Bound<'_, PyAny>,
) -> CryptoResult<EcPrivateKey> {
    let value = private_value
        .cast::<PyInt>()
        .map_err(|_| PyTypeError::new_err("private_value must be an integer type."))?;
    if value.le(0)? {
        return Err(CryptoError::value(
            "private_value must be a positive integer.",
        ));
    }
    let resolved = curve_from_py(curve)?;
    let scalar = int_to_magnitude(value.as_any())?;
    let pkey =
        py.detach(|| private_key_from_scalar(&resolved.name, &scalar, None, DERIVE_RANGE_MESSAGE))?;
    Ok(EcPrivateKey::with_curve(pkey, curve.clone().unbind()))
}

#[pyfunction]
fn from_encoded_point(curve: &Bound<'_, PyAny>, data: &[u8]) -> CryptoResult<EcPublicKey> {
    let resolved = curve_from_py(curve)?;
    match data.first() {
        None => return Err(CryptoError::value("data must not be an empty byte string")),
        Some(2..=4) => {}
        Some(_) => return Err(CryptoError::value("Unsupported elliptic curve point type")),
    }
    let pkey = public_key_from_point(&resolved.name, data)?;
    Ok(EcPublicKey::with_curve(pkey, curve.clone().unbind()))
}

/// Key containers name curves by OID; this is their Python name, if supported.
pub fn curve_name_for_container(oid: &oxicrypt_keys::oids::Oid) -> CryptoResult<&'static str> {
    oxicrypt_keys::oids::named_curve_name(oid).ok_or_else(|| {
        CryptoError::Unsupported(
            format!("Curve {oid} is not supported by this backend."),
            Reason::EllipticCurve,
        )
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<EcPrivateKey>()?;
    m.add_class::<EcPublicKey>()?;
    m.add_class::<EllipticCurvePublicNumbers>()?;
    m.add_class::<EllipticCurvePrivateNumbers>()?;
    m.add_function(wrap_pyfunction!(generate_private_key, m)?)?;
    m.add_function(wrap_pyfunction!(derive_private_key, m)?)?;
    m.add_function(wrap_pyfunction!(from_encoded_point, m)?)
}
