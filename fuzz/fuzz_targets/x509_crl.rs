#![no_main]
//! CRLs: parse, then read every field, revoked entry and extension.

mod x509_walk;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(crl) = oxicrypt_x509::crl::parse(data) else {
        return;
    };
    let tbs = &crl.tbs_cert_list;
    let _ = tbs.version;
    x509_walk::algorithm(&crl.signature_alg);
    x509_walk::name(&tbs.issuer);
    x509_walk::time(&tbs.this_update);
    if let Some(t) = &tbs.next_update {
        x509_walk::time(t);
    }
    for entry in tbs.revoked_certificates.clone().into_iter().flatten() {
        let _ = (
            entry.user_certificate.as_bytes(),
            entry.user_certificate.is_negative(),
        );
        x509_walk::time(&entry.revocation_date);
        x509_walk::extensions(entry.raw_crl_entry_extensions.as_ref());
    }
    x509_walk::extensions(tbs.raw_crl_extensions.as_ref());
    let _ = crl.signature.as_bytes();
    let _ = oxicrypt_x509::common::tbs_bytes(data);
    assert_eq!(asn1::write_single(&crl).ok().as_deref(), Some(data));
});
