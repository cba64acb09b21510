//! Test support for the parity suite (tests/parity): the same inputs through OpenSSL's C
//! decoders (`d2i_AutoPrivateKey`, `PEM_read_bio_PrivateKey`, `d2i_PUBKEY`, ...), so the
//! tests can compare OpenSSL's accept/reject decision and key with oxicrypt's Rust
//! parsers. Not part of the public API.

use openssl::pkey::{Id, KeyType, PKey, PKeyRef, Private, Public};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// OpenSSL's name for the key type and its SubjectPublicKeyInfo, or `None` when OpenSSL's
/// C decoder rejects the input.
type Decoded<'py> = Option<(String, Bound<'py, PyBytes>)>;

fn type_name(id: Id) -> String {
    match id {
        Id::RSA => "RSA".to_owned(),
        Id::RSA_PSS => "RSA-PSS".to_owned(),
        Id::EC => "EC".to_owned(),
        Id::DSA => "DSA".to_owned(),
        Id::DH => "DH".to_owned(),
        Id::DHX => "DHX".to_owned(),
        Id::ED25519 => "Ed25519".to_owned(),
        Id::ED448 => "Ed448".to_owned(),
        Id::X25519 => "X25519".to_owned(),
        Id::X448 => "X448".to_owned(),
        other => format!("nid {}", other.as_raw()),
    }
}

/// Provider-only key types (no `Id`), by the name OpenSSL gives them.
const NAMED_TYPES: &[(KeyType, &str)] = &[
    (KeyType::ML_DSA_44, "ML-DSA-44"),
    (KeyType::ML_DSA_65, "ML-DSA-65"),
    (KeyType::ML_DSA_87, "ML-DSA-87"),
    (KeyType::ML_KEM_512, "ML-KEM-512"),
    (KeyType::ML_KEM_768, "ML-KEM-768"),
    (KeyType::ML_KEM_1024, "ML-KEM-1024"),
];

fn key_type_name<T>(key: &PKeyRef<T>) -> String {
    NAMED_TYPES
        .iter()
        .find(|(kind, _)| key.is_a(*kind))
        .map(|(_, name)| (*name).to_owned())
        .unwrap_or_else(|| type_name(key.id()))
}

fn describe_private<'py>(
    py: Python<'py>,
    key: Result<PKey<Private>, openssl::error::ErrorStack>,
) -> Decoded<'py> {
    let key = key.ok()?;
    let spki = key.public_key_to_der().ok()?;
    Some((key_type_name(&key), PyBytes::new(py, &spki)))
}

fn describe_public<'py>(
    py: Python<'py>,
    key: Result<PKey<Public>, openssl::error::ErrorStack>,
) -> Decoded<'py> {
    let key = key.ok()?;
    let spki = key.public_key_to_der().ok()?;
    Some((key_type_name(&key), PyBytes::new(py, &spki)))
}

#[pyfunction]
#[pyo3(signature = (data, pem, password=None))]
pub fn openssl_load_private_key<'py>(
    py: Python<'py>,
    data: &[u8],
    pem: bool,
    password: Option<&[u8]>,
) -> Decoded<'py> {
    let key = match (pem, password) {
        (true, Some(pw)) => PKey::private_key_from_pem_passphrase(data, pw),
        // A callback that supplies no password, so that an encrypted key is rejected
        // instead of OpenSSL prompting on the terminal.
        (true, None) => PKey::private_key_from_pem_callback(data, |_| Ok(0)),
        (false, Some(pw)) => PKey::private_key_from_pkcs8_passphrase(data, pw),
        (false, None) => PKey::private_key_from_der(data),
    };
    let decoded = describe_private(py, key);
    // Rejections leave errors queued; clear them so nothing later misreads them.
    let _ = openssl::error::ErrorStack::get();
    decoded
}

#[pyfunction]
pub fn openssl_load_public_key<'py>(py: Python<'py>, data: &[u8], pem: bool) -> Decoded<'py> {
    let key = if pem {
        // Not `PKey::public_key_from_pem`: it would ask on the terminal for the password
        // of an encrypted private key.
        oxicrypt_openssl::pem::public_key_from_pem(data)
    } else {
        PKey::public_key_from_der(data)
    };
    let decoded = describe_public(py, key);
    let _ = openssl::error::ErrorStack::get();
    decoded
}

/// A certificate as OpenSSL's `d2i_X509` reads it: serial (two's complement bytes),
/// issuer and subject (DER), validity (OpenSSL's text), extensions (dotted OID,
/// critical) and the SubjectPublicKeyInfo when OpenSSL can read the key. `None` when
/// OpenSSL rejects the input.
#[pyfunction]
pub fn openssl_load_certificate<'py>(
    py: Python<'py>,
    der: &[u8],
) -> PyResult<Option<Bound<'py, pyo3::types::PyDict>>> {
    let Ok(cert) = openssl::x509::X509::from_der(der) else {
        return Ok(None);
    };
    let out = pyo3::types::PyDict::new(py);
    let serial = cert.serial_number().to_bn().map(|bn| {
        let negative = bn.is_negative();
        (bn.to_vec(), negative)
    });
    if let Ok((magnitude, negative)) = serial {
        out.set_item("serial", (PyBytes::new(py, &magnitude), negative))?;
    }
    if let Ok(issuer) = cert.issuer_name().to_der() {
        out.set_item("issuer", PyBytes::new(py, &issuer))?;
    }
    if let Ok(subject) = cert.subject_name().to_der() {
        out.set_item("subject", PyBytes::new(py, &subject))?;
    }
    out.set_item("not_before", cert.not_before().to_string())?;
    out.set_item("not_after", cert.not_after().to_string())?;
    out.set_item(
        "extensions",
        oxicrypt_openssl::x509_extensions::certificate_extensions(&cert),
    )?;
    if let Ok(spki) = cert.public_key().and_then(|k| k.public_key_to_der()) {
        out.set_item("spki", PyBytes::new(py, &spki))?;
    }
    Ok(Some(out))
}

/// A CSR as OpenSSL's `d2i_X509_REQ` reads it: subject DER and SubjectPublicKeyInfo.
#[pyfunction]
pub fn openssl_load_csr<'py>(
    py: Python<'py>,
    der: &[u8],
) -> PyResult<Option<Bound<'py, pyo3::types::PyDict>>> {
    let Ok(req) = openssl::x509::X509Req::from_der(der) else {
        return Ok(None);
    };
    let out = pyo3::types::PyDict::new(py);
    if let Ok(subject) = req.subject_name().to_der() {
        out.set_item("subject", PyBytes::new(py, &subject))?;
    }
    if let Ok(spki) = req.public_key().and_then(|k| k.public_key_to_der()) {
        out.set_item("spki", PyBytes::new(py, &spki))?;
    }
    Ok(Some(out))
}

/// A CRL as OpenSSL's `d2i_X509_CRL` reads it: issuer DER, update times (OpenSSL's
/// text), extensions, and the revoked serials (magnitude, negative) in order.
#[pyfunction]
pub fn openssl_load_crl<'py>(
    py: Python<'py>,
    der: &[u8],
) -> PyResult<Option<Bound<'py, pyo3::types::PyDict>>> {
    let Ok(crl) = openssl::x509::X509Crl::from_der(der) else {
        return Ok(None);
    };
    let out = pyo3::types::PyDict::new(py);
    if let Ok(issuer) = crl.issuer_name().to_der() {
        out.set_item("issuer", PyBytes::new(py, &issuer))?;
    }
    out.set_item("last_update", crl.last_update().to_string())?;
    out.set_item("next_update", crl.next_update().map(|t| t.to_string()))?;
    out.set_item(
        "extensions",
        oxicrypt_openssl::x509_extensions::crl_extensions(&crl),
    )?;
    let serials = pyo3::types::PyList::empty(py);
    if let Some(revoked) = crl.get_revoked() {
        for entry in revoked {
            if let Ok(bn) = entry.serial_number().to_bn() {
                serials.append((PyBytes::new(py, &bn.to_vec()), bn.is_negative()))?;
            }
        }
    }
    out.set_item("revoked", serials)?;
    Ok(Some(out))
}

/// Whether OpenSSL's `X509_verify` accepts `der`'s signature under `issuer_der`'s key.
#[pyfunction]
pub fn openssl_verify_certificate(der: &[u8], issuer_der: &[u8]) -> bool {
    let (Ok(cert), Ok(issuer)) = (
        openssl::x509::X509::from_der(der),
        openssl::x509::X509::from_der(issuer_der),
    ) else {
        return false;
    };
    issuer
        .public_key()
        .and_then(|key| cert.verify(&key))
        .unwrap_or(false)
}

/// Whether OpenSSL's `X509_REQ_verify` accepts a request's self-signature.
#[pyfunction]
pub fn openssl_verify_csr(der: &[u8]) -> bool {
    let Ok(req) = openssl::x509::X509Req::from_der(der) else {
        return false;
    };
    req.public_key()
        .and_then(|key| req.verify(&key))
        .unwrap_or(false)
}

/// Whether OpenSSL's `X509_CRL_verify` accepts a CRL's signature under `issuer_der`'s key.
#[pyfunction]
pub fn openssl_verify_crl(der: &[u8], issuer_der: &[u8]) -> bool {
    let (Ok(crl), Ok(issuer)) = (
        openssl::x509::X509Crl::from_der(der),
        openssl::x509::X509::from_der(issuer_der),
    ) else {
        return false;
    };
    issuer
        .public_key()
        .and_then(|key| crl.verify(&key))
        .unwrap_or(false)
}

/// OpenSSL's whole-path verdict (`X509_verify_cert`) on `leaf_der` with `untrusted_ders` as
/// intermediates and `root_ders` as trust anchors, at `at_time` (seconds since the epoch):
/// `None` when OpenSSL accepts the chain, otherwise its error text. Checks every signature
/// on the path, the CA flags and key usages, path lengths and validity periods.
#[pyfunction]
pub fn openssl_verify_chain(
    leaf_der: &[u8],
    untrusted_ders: Vec<Vec<u8>>,
    root_ders: Vec<Vec<u8>>,
    at_time: i64,
) -> PyResult<Option<String>> {
    use openssl::stack::Stack;
    use openssl::x509::store::X509StoreBuilder;
    use openssl::x509::verify::X509VerifyParam;
    use openssl::x509::{X509StoreContext, X509};

    let err = |e: openssl::error::ErrorStack| {
        pyo3::exceptions::PyValueError::new_err(format!("OpenSSL setup failed: {e}"))
    };
    let leaf = X509::from_der(leaf_der).map_err(err)?;
    let mut untrusted = Stack::new().map_err(err)?;
    for der in &untrusted_ders {
        untrusted
            .push(X509::from_der(der).map_err(err)?)
            .map_err(err)?;
    }
    let mut store = X509StoreBuilder::new().map_err(err)?;
    for der in &root_ders {
        store
            .add_cert(X509::from_der(der).map_err(err)?)
            .map_err(err)?;
    }
    let mut param = X509VerifyParam::new().map_err(err)?;
    param.set_time(at_time);
    store.set_param(&param).map_err(err)?;
    let store = store.build();
    let mut context = X509StoreContext::new().map_err(err)?;
    let verdict = context
        .init(&store, &leaf, &untrusted, |c| {
            Ok(if c.verify_cert()? {
                None
            } else {
                Some(format!(
                    "{} (depth {})",
                    c.error().error_string(),
                    c.error_depth()
                ))
            })
        })
        .map_err(err)?;
    Ok(verdict)
}
