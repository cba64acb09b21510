#![no_main]
//! Traditional private keys: PKCS#1 RSA, SEC 1 EC, OpenSSL DSA.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = oxicrypt_keys::rsa::parse_private(data);
    let _ = oxicrypt_keys::ec::parse_private(data, None);
    let _ = oxicrypt_keys::dsa::parse_traditional(data);
});
