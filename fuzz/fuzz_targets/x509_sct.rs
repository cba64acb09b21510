#![no_main]
//! SignedCertificateTimestampList (RFC 6962), the TLS-encoded content of the SCT
//! extensions.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(scts) = oxicrypt_x509::sct::parse_list(data) {
        for sct in scts {
            assert_eq!(sct.version, 0);
            assert_eq!(sct.log_id.len(), 32);
            let _ = (sct.timestamp, sct.extensions, sct.hash_algorithm);
            let _ = (sct.signature_algorithm, sct.signature);
        }
    }
});
