#![no_main]
//! OpenSSH public key lines and blobs (keys and certificates).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = oxicrypt_keys::ssh::parse_public_line(data);
    let _ = oxicrypt_keys::ssh::SshPublicIdentity::from_blob(data);
});
