#![no_main]
//! X.509 certificates: parse, then read every field as the bindings would.

mod x509_walk;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(cert) = oxicrypt_x509::certificate::parse(data) else {
        return;
    };
    let tbs = &cert.tbs_cert;
    let _ = (tbs.version, tbs.serial.as_bytes(), tbs.serial.is_negative());
    x509_walk::algorithm(&cert.signature_alg);
    x509_walk::algorithm(&tbs.signature_alg);
    x509_walk::name(&tbs.issuer);
    x509_walk::name(&tbs.subject);
    x509_walk::time(&tbs.validity.not_before);
    x509_walk::time(&tbs.validity.not_after);
    x509_walk::spki(tbs.spki.full_data());
    let _ = cert.signature.as_bytes();
    x509_walk::extensions(tbs.raw_extensions.as_ref());
    if let Ok(tbs_der) = oxicrypt_x509::certificate::tbs_bytes(data) {
        let _ = oxicrypt_x509::precert::tbs_without_scts(tbs_der);
    }
    // Whatever parses must re-encode to the same bytes (the structures are DER).
    assert_eq!(asn1::write_single(&cert).ok().as_deref(), Some(data));
});
