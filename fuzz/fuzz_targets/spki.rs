#![no_main]
//! SubjectPublicKeyInfo (and bare PKCS#1 RSAPublicKey).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = oxicrypt_keys::spki::parse(data);
    let _ = oxicrypt_keys::rsa::parse_public(data);
});
