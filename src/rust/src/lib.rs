//! The extension module `oxicrypt._rust`: module tree only. Each submodule is one
//! Python-facing area, implemented in the file of the same name.

mod aead;
mod algorithms;
mod asn1;
mod buf;
mod ciphers;
mod cmac;
mod constant_time;
mod error;
mod fernet;
mod hashes;
mod hmac;
mod kdf;
mod keys;
mod keywrap;
mod oid;
mod openssl_info;
mod padding;
mod parity;
mod poly1305;
mod writable;
mod x509;

use pyo3::prelude::*;

fn add_submodule<'py>(
    parent: &Bound<'py, PyModule>,
    name: &str,
    fill: impl FnOnce(&Bound<'py, PyModule>) -> PyResult<()>,
) -> PyResult<()> {
    let py = parent.py();
    let child = PyModule::new(py, name)?;
    fill(&child)?;
    parent.add_submodule(&child)?;
    // Make `import oxicrypt._rust.<name>` work, not only attribute access.
    py.import("sys")?
        .getattr("modules")?
        .set_item(format!("oxicrypt._rust.{name}"), &child)?;
    Ok(())
}

#[pymodule]
fn _rust(m: &Bound<'_, PyModule>) -> PyResult<()> {
    add_submodule(m, "hashes", |m| {
        m.add_class::<hashes::Hash>()?;
        m.add_class::<hashes::XofHash>()
    })?;
    add_submodule(m, "hmac", |m| m.add_class::<hmac::HmacContext>())?;
    add_submodule(m, "constant_time", |m| {
        m.add_function(wrap_pyfunction!(constant_time::bytes_eq, m)?)
    })?;
    add_submodule(m, "serialization", |m| {
        m.add_class::<keys::serialization::Encoding>()?;
        m.add_class::<keys::serialization::PrivateFormat>()?;
        m.add_class::<keys::serialization::PublicFormat>()?;
        m.add_class::<keys::serialization::ParameterFormat>()?;
        m.add_function(wrap_pyfunction!(keys::load::load_der_private_key, m)?)?;
        m.add_function(wrap_pyfunction!(keys::load::load_pem_private_key, m)?)?;
        m.add_function(wrap_pyfunction!(keys::load::load_der_public_key, m)?)?;
        m.add_function(wrap_pyfunction!(keys::load::load_pem_public_key, m)?)?;
        m.add_function(wrap_pyfunction!(keys::load::load_der_parameters, m)?)?;
        m.add_function(wrap_pyfunction!(keys::load::load_pem_parameters, m)?)
    })?;
    add_submodule(m, "ed25519", keys::curves::ed25519::register)?;
    add_submodule(m, "ed448", keys::curves::ed448::register)?;
    add_submodule(m, "x25519", keys::curves::x25519::register)?;
    add_submodule(m, "x448", keys::curves::x448::register)?;
    add_submodule(m, "rsa", keys::rsa::register)?;
    add_submodule(m, "ec", keys::ec::register)?;
    add_submodule(m, "dsa", keys::dsa::register)?;
    add_submodule(m, "dh", keys::dh::register)?;
    add_submodule(m, "ssh", keys::ssh::register)?;
    add_submodule(m, "mldsa", keys::mldsa::register)?;
    add_submodule(m, "mlkem", keys::mlkem::register)?;
    add_submodule(m, "oid", |m| m.add_class::<oid::ObjectIdentifier>())?;
    add_submodule(m, "asn1", |m| {
        m.add_function(wrap_pyfunction!(asn1::encode_dss_signature, m)?)?;
        m.add_function(wrap_pyfunction!(asn1::decode_dss_signature, m)?)
    })?;
    add_submodule(m, "ciphers", ciphers::register)?;
    add_submodule(m, "aead", aead::register)?;
    add_submodule(m, "_parity", |m| {
        m.add_function(wrap_pyfunction!(parity::openssl_load_private_key, m)?)?;
        m.add_function(wrap_pyfunction!(parity::openssl_load_public_key, m)?)?;
        m.add_function(wrap_pyfunction!(parity::openssl_load_certificate, m)?)?;
        m.add_function(wrap_pyfunction!(parity::openssl_load_csr, m)?)?;
        m.add_function(wrap_pyfunction!(parity::openssl_load_crl, m)?)?;
        m.add_function(wrap_pyfunction!(parity::openssl_verify_certificate, m)?)?;
        m.add_function(wrap_pyfunction!(parity::openssl_verify_csr, m)?)?;
        m.add_function(wrap_pyfunction!(parity::openssl_verify_crl, m)?)?;
        m.add_function(wrap_pyfunction!(parity::openssl_verify_chain, m)?)
    })?;
    add_submodule(m, "openssl", |m| {
        m.add_class::<error::OpenSSLError>()?;
        m.add_function(wrap_pyfunction!(openssl_info::openssl_version_text, m)?)?;
        m.add_function(wrap_pyfunction!(openssl_info::openssl_version_number, m)?)?;
        m.add_function(wrap_pyfunction!(openssl_info::digest_available, m)?)?;
        m.add_function(wrap_pyfunction!(openssl_info::xof_squeeze_supported, m)?)?;
        m.add_function(wrap_pyfunction!(
            openssl_info::deterministic_nonces_supported,
            m
        )?)
    })?;
    add_submodule(m, "kdf", kdf::register)?;
    add_submodule(m, "cmac", |m| m.add_class::<cmac::Cmac>())?;
    add_submodule(m, "poly1305", |m| m.add_class::<poly1305::Poly1305>())?;
    add_submodule(m, "padding", padding::register)?;
    add_submodule(m, "keywrap", |m| {
        m.add_function(wrap_pyfunction!(keywrap::aes_key_wrap, m)?)?;
        m.add_function(wrap_pyfunction!(keywrap::aes_key_unwrap, m)?)?;
        m.add_function(wrap_pyfunction!(keywrap::aes_key_wrap_with_padding, m)?)?;
        m.add_function(wrap_pyfunction!(keywrap::aes_key_unwrap_with_padding, m)?)
    })?;
    add_submodule(m, "fernet", |m| {
        m.add_class::<fernet::FernetKey>()?;
        m.add_function(wrap_pyfunction!(fernet::unverified_timestamp, m)?)
    })?;
    add_submodule(m, "x509", x509::register)?;
    Ok(())
}
