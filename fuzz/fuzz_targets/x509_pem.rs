#![no_main]
//! PEM blocks of certificates, CSRs and CRLs: the fast path of oxicrypt_x509::pem must
//! never accept what the general `pem` crate parser refuses, nor decode differently.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let ours = oxicrypt_x509::pem::blocks(data);
    if let Ok(blocks) = &ours {
        let general = pem::parse_many(data).expect("fast path accepted what pem refuses");
        let general: Vec<(String, Vec<u8>)> = general
            .into_iter()
            .map(|b| (b.tag().to_owned(), b.into_contents()))
            .collect();
        assert_eq!(blocks, &general);
    }
});
