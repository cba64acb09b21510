#![no_main]
//! Certification requests: parse, then read every field and attribute.

mod x509_walk;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(csr) = oxicrypt_x509::csr::parse(data) else {
        return;
    };
    let _ = csr.info.version;
    x509_walk::name(&csr.info.subject);
    x509_walk::spki(csr.info.spki.full_data());
    x509_walk::attributes(&csr.info.attributes);
    x509_walk::algorithm(&csr.signature_alg);
    let _ = csr.signature.as_bytes();
    let _ = oxicrypt_x509::common::tbs_bytes(data);
    assert_eq!(asn1::write_single(&csr).ok().as_deref(), Some(data));
});
