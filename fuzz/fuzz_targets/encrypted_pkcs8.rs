#![no_main]
//! EncryptedPrivateKeyInfo, and the schemes it names (parse and validate only).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(info) = oxicrypt_keys::pbes::parse_encrypted(data) {
        let _ = info.validate();
        let _ = oxicrypt_keys::pbes::write_encrypted(&info);
    }
});
