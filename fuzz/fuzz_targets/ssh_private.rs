#![no_main]
//! openssh-key-v1 private keys, armoured and raw.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = oxicrypt_keys::ssh::parse_private_pem(data);
    let _ = oxicrypt_keys::ssh::parse_private_blob(data);
});
