//! Turns the version of the OpenSSL that openssl-sys linked into `cfg` flags, so that
//! code for features an older OpenSSL lacks is compiled out instead of failing at run time.

// A build script reports a misconfiguration by failing the build, i.e. by panicking.
#![allow(clippy::panic)]

use std::env;

/// (cfg name, first OpenSSL version number that has it)
const VERSION_CFGS: &[(&str, u64)] = &[
    ("ossl310", 0x3010_0000),
    ("ossl320", 0x3020_0000),
    ("ossl330", 0x3030_0000),
    ("ossl340", 0x3040_0000),
    ("ossl350", 0x3050_0000),
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
    if number < 0x3000_0000 {
        panic!("oxicrypt needs OpenSSL >= 3.0, found version number {raw}");
    }
    for (name, min) in VERSION_CFGS {
        if number >= *min {
            println!("cargo:rustc-cfg={name}");
        }
    }
}
