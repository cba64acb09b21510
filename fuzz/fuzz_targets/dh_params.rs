#![no_main]
//! DH domain parameters in PKCS #3 and X9.42 forms, and DSA Dss-Parms.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = oxicrypt_keys::dh::parse_pkcs3(data);
    let _ = oxicrypt_keys::dh::parse_x942(data);
    let _ = oxicrypt_keys::dsa::parse_params(data);
});
