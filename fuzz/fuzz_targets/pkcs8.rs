#![no_main]
//! PKCS#8 PrivateKeyInfo: any input must parse or fail cleanly, never panic.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = oxicrypt_keys::pkcs8::parse(data);
});
