//! `oxicrypt._rust.x509`: certificates, requests and CRLs read from DER by oxicrypt-x509,
//! turned into the Python objects of `oxicrypt.x509` on first access.

mod build;
pub mod certificate;
mod crl;
mod csr;
mod encode;
mod ext_encode;
mod extensions;
mod general_name;
mod name;
mod pem;
mod precert;
mod py;
mod sct;
mod signed;
mod spki;

use pyo3::prelude::*;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<certificate::Certificate>()?;
    m.add_function(wrap_pyfunction!(certificate::load_der_x509_certificate, m)?)?;
    m.add_function(wrap_pyfunction!(certificate::load_pem_x509_certificate, m)?)?;
    m.add_function(wrap_pyfunction!(
        certificate::load_pem_x509_certificates,
        m
    )?)?;
    m.add_class::<csr::CertificateSigningRequest>()?;
    m.add_function(wrap_pyfunction!(csr::load_der_x509_csr, m)?)?;
    m.add_function(wrap_pyfunction!(csr::load_pem_x509_csr, m)?)?;
    m.add_class::<crl::CertificateRevocationList>()?;
    m.add_class::<crl::RevokedCertificate>()?;
    m.add_function(wrap_pyfunction!(crl::load_der_x509_crl, m)?)?;
    m.add_function(wrap_pyfunction!(crl::load_pem_x509_crl, m)?)?;
    m.add_function(wrap_pyfunction!(encode::encode_name, m)?)?;
    m.add_function(wrap_pyfunction!(encode::decode_name, m)?)?;
    m.add_function(wrap_pyfunction!(ext_encode::encode_extension_value, m)?)?;
    m.add_function(wrap_pyfunction!(build::signature_algorithm_identifier, m)?)?;
    m.add_function(wrap_pyfunction!(build::encode_tbs_certificate, m)?)?;
    m.add_function(wrap_pyfunction!(build::encode_csr_info, m)?)?;
    m.add_function(wrap_pyfunction!(build::encode_signed, m)?)?;
    m.add_function(wrap_pyfunction!(build::signed_certificate, m)?)?;
    m.add_function(wrap_pyfunction!(build::encode_tbs_crl, m)?)?;
    m.add_function(wrap_pyfunction!(build::rsa_pss_spki, m)?)?;
    m.add_function(wrap_pyfunction!(build::unsigned_algorithm_identifier, m)?)?;
    Ok(())
}
