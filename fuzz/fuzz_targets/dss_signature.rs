#![no_main]
//! DER DSA/ECDSA signatures (Dss-Sig-Value).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = oxicrypt_keys::dss::parse(data);
});
