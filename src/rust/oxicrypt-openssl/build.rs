//! Turns the version of the OpenSSL that openssl-sys linked into `cfg` flags, so that
//! code for features an older OpenSSL lacks is compiled out instead of failing at run time.

use std::env;

/// (cfg name, first OpenSSL version number that has it)
const VERSION_CFGS: &[(&str, u64)] = &[
    ("ossl310", 0x3_01_00_00_0),
    ("ossl320", 0x3_02_00_00_0),
    ("ossl330", 0x3_03_00_00_0),
    ("ossl340", 0x3_04_00_00_0),
    ("ossl350", 0x3_05_00_00_0),
];

fn main() {
    println!("cargo:rerun-if-env-changed=DEP_OPENSSL_VERSION_NUMBER");
    for (name, _) in VERSION_CFGS {
        println!("cargo::rustc-check-cfg=cfg({name})");
    }
    let Ok(raw) = env::var("DEP_OPENSSL_VERSION_NUMBER") else {
        // LibreSSL, BoringSSL and AWS-LC report no OpenSSL version number.
        panic!("oxicrypt needs OpenSSL >= 3.0; the linked library is not OpenSSL");
    };
    let Ok(number) = u64::from_str_radix(&raw, 16) else {
        panic!("cannot parse DEP_OPENSSL_VERSION_NUMBER={raw:?}");
    };
    if number < 0x3_00_00_00_0 {
        panic!("oxicrypt needs OpenSSL >= 3.0, found version number {raw}");
    }
    for (name, min) in VERSION_CFGS {
        if number >= *min {
            println!("cargo:rustc-cfg={name}");
        }
    }
}
