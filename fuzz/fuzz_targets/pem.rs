#![no_main]
//! PEM framing, as the key loaders use it.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = oxicrypt_keys::pem::find_block(data, &["PRIVATE KEY", "PUBLIC KEY"]);
    let _ = oxicrypt_keys::pem::first_block(data);
});
