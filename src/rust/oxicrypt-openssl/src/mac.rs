//! MACs through OpenSSL 3's `EVP_MAC` interface, which the `openssl` crate does not wrap:
//! CMAC (NIST SP 800-38B) over a block cipher in CBC mode, and Poly1305 (RFC 8439).

use std::ffi::{c_char, CStr};
use std::ptr;
use std::sync::OnceLock;

use foreign_types::ForeignTypeRef;
use openssl::error::ErrorStack;
use openssl_sys as ffi;

/// The longest tag of the MACs offered here (CMAC with a 16-byte block, Poly1305).
pub const MAX_MAC_SIZE: usize = 16;

/// A fetched `EVP_MAC`, kept for the life of the process.
struct Algorithm(*mut ffi::EVP_MAC);

// SAFETY: a fetched EVP_MAC is reference-counted, immutable and documented as safe to share
// between threads; it is never freed (it lives in a static).
unsafe impl Send for Algorithm {}
// SAFETY: see above.
unsafe impl Sync for Algorithm {}

#[derive(Clone, Copy)]
enum Kind {
    Cmac,
    /// CMAC fetched from oxicrypt's legacy library context (see `cipher::legacy_lib_ctx`):
    /// the CMAC implementation looks its cipher up in the library context it was fetched
    /// from, so only this one finds Blowfish, CAST5, IDEA and SEED.
    CmacLegacy,
    Poly1305,
}

impl Kind {
    fn name(self) -> &'static CStr {
        match self {
            Kind::Cmac | Kind::CmacLegacy => c"CMAC",
            Kind::Poly1305 => c"POLY1305",
        }
    }

    /// The library context to fetch from: null (the default one) or the legacy one.
    /// `None` when the legacy context is wanted but the linked OpenSSL cannot make it.
    fn lib_ctx(self) -> Option<*mut ffi::OSSL_LIB_CTX> {
        match self {
            Kind::Cmac | Kind::Poly1305 => Some(ptr::null_mut()),
            Kind::CmacLegacy => crate::cipher::legacy_lib_ctx().map(ForeignTypeRef::as_ptr),
        }
    }

    fn fetch_from(self, lib_ctx: *mut ffi::OSSL_LIB_CTX) -> *mut ffi::EVP_MAC {
        // SAFETY: the name is a NUL-terminated string; lib_ctx is null (the default
        // context) or the legacy context, which lives for the process; null properties
        // select the defaults. The caller checks for a null result.
        unsafe { ffi::EVP_MAC_fetch(lib_ctx, self.name().as_ptr(), ptr::null()) }
    }

    /// Fetches the algorithm once: fetching costs a provider lookup per call otherwise.
    fn fetch(self) -> Result<*mut ffi::EVP_MAC, ErrorStack> {
        static CMAC: OnceLock<Option<Algorithm>> = OnceLock::new();
        static CMAC_LEGACY: OnceLock<Option<Algorithm>> = OnceLock::new();
        static POLY1305: OnceLock<Option<Algorithm>> = OnceLock::new();
        let cell = match self {
            Kind::Cmac => &CMAC,
            Kind::CmacLegacy => &CMAC_LEGACY,
            Kind::Poly1305 => &POLY1305,
        };
        let fetched = cell.get_or_init(|| {
            let mac = self.fetch_from(self.lib_ctx()?);
            if mac.is_null() {
                // Drain the queue so that the failure is not reported by a later call.
                drop(ErrorStack::get());
                None
            } else {
                Some(Algorithm(mac))
            }
        });
        match (fetched, self.lib_ctx()) {
            (Some(a), _) => Ok(a.0),
            (None, Some(lib_ctx)) => {
                // Re-fetch to obtain an error stack that describes the failure.
                let mac = self.fetch_from(lib_ctx);
                if !mac.is_null() {
                    // SAFETY: mac was just fetched and is released once.
                    unsafe { ffi::EVP_MAC_free(mac) };
                }
                Err(ErrorStack::get())
            }
            // No legacy context: the (empty) queue is all there is to report.
            (None, None) => Err(ErrorStack::get()),
        }
    }
}

/// A keyed MAC computation. [`Mac::try_clone`] copies the state.
pub struct Mac {
    ctx: *mut ffi::EVP_MAC_CTX,
}

// SAFETY: the EVP_MAC_CTX is owned exclusively by this value and holds no thread-affine
// state; `&self` methods never mutate it.
unsafe impl Send for Mac {}
// SAFETY: see above.
unsafe impl Sync for Mac {}

fn cvt(ret: std::ffi::c_int) -> Result<(), ErrorStack> {
    if ret == 1 {
        Ok(())
    } else {
        Err(ErrorStack::get())
    }
}

extern "C" {
    // Part of libcrypto since 3.0; openssl-sys does not declare it.
    fn OSSL_PARAM_construct_utf8_string(
        key: *const c_char,
        buf: *mut c_char,
        bsize: usize,
    ) -> ffi::OSSL_PARAM;
}

impl Mac {
    fn alloc(kind: Kind) -> Result<Mac, ErrorStack> {
        let mac = kind.fetch()?;
        // SAFETY: mac is a valid fetched EVP_MAC; a null result is checked.
        let ctx = unsafe { ffi::EVP_MAC_CTX_new(mac) };
        if ctx.is_null() {
            return Err(ErrorStack::get());
        }
        Ok(Mac { ctx })
    }

    /// CMAC keyed with `key` over the CBC cipher OpenSSL knows as `cbc_cipher`
    /// (e.g. `AES-128-CBC`, `DES-EDE3-CBC`). Fails if the cipher is unknown or the key
    /// does not fit it. The legacy provider's ciphers (`BF-CBC`, `CAST5-CBC`, `IDEA-CBC`,
    /// `SEED-CBC`) are found in oxicrypt's legacy library context.
    pub fn cmac(cbc_cipher: &CStr, key: &[u8]) -> Result<Mac, ErrorStack> {
        let legacy = cbc_cipher.to_str().is_ok_and(crate::cipher::is_legacy_name);
        let mac = Mac::alloc(if legacy { Kind::CmacLegacy } else { Kind::Cmac })?;
        let mut name = cbc_cipher.to_bytes_with_nul().to_vec();
        // SAFETY: the key names are static NUL-terminated strings; `name` outlives the
        // EVP_MAC_init call that reads the array, and its size excludes the NUL as the
        // UTF-8 parameter convention requires.
        let params = unsafe {
            [
                OSSL_PARAM_construct_utf8_string(
                    c"cipher".as_ptr(),
                    name.as_mut_ptr().cast(),
                    name.len() - 1,
                ),
                ffi::OSSL_PARAM_construct_end(),
            ]
        };
        mac.init(key, params.as_ptr())?;
        Ok(mac)
    }

    /// Poly1305 keyed with a 32-byte one-time key.
    pub fn poly1305(key: &[u8]) -> Result<Mac, ErrorStack> {
        let mac = Mac::alloc(Kind::Poly1305)?;
        mac.init(key, ptr::null())?;
        Ok(mac)
    }

    fn init(&self, key: &[u8], params: *const ffi::OSSL_PARAM) -> Result<(), ErrorStack> {
        // A null key would mean "keep the current key"; an empty one must still be a key.
        static EMPTY: [u8; 1] = [0];
        let key_ptr = if key.is_empty() {
            EMPTY.as_ptr()
        } else {
            key.as_ptr()
        };
        // SAFETY: ctx is valid; key_ptr points to key.len() readable bytes; params is
        // null or an END-terminated array alive for the call.
        cvt(unsafe { ffi::EVP_MAC_init(self.ctx, key_ptr, key.len(), params) })
    }

    /// The length of the tag, in bytes.
    pub fn size(&self) -> usize {
        // SAFETY: ctx is a valid, initialised context.
        unsafe { ffi::EVP_MAC_CTX_get_mac_size(self.ctx) }
    }

    pub fn update(&mut self, data: &[u8]) -> Result<(), ErrorStack> {
        if data.is_empty() {
            return Ok(());
        }
        // SAFETY: ctx is initialised; data is a valid slice.
        cvt(unsafe { ffi::EVP_MAC_update(self.ctx, data.as_ptr(), data.len()) })
    }

    /// The tag. The context cannot be used afterwards.
    pub fn finish(&mut self) -> Result<Vec<u8>, ErrorStack> {
        let mut out = [0u8; MAX_MAC_SIZE];
        let mut len = 0usize;
        // SAFETY: ctx is initialised; out has room for MAX_MAC_SIZE bytes, the size given.
        cvt(unsafe { ffi::EVP_MAC_final(self.ctx, out.as_mut_ptr(), &mut len, out.len()) })?;
        Ok(out.get(..len).unwrap_or(&out).to_vec())
    }

    pub fn try_clone(&self) -> Result<Mac, ErrorStack> {
        // SAFETY: ctx is valid; EVP_MAC_CTX_dup returns a new context or null.
        let ctx = unsafe { ffi::EVP_MAC_CTX_dup(self.ctx) };
        if ctx.is_null() {
            return Err(ErrorStack::get());
        }
        Ok(Mac { ctx })
    }
}

impl Drop for Mac {
    fn drop(&mut self) {
        // SAFETY: ctx came from EVP_MAC_CTX_new or _dup and is freed exactly once.
        unsafe { ffi::EVP_MAC_CTX_free(self.ctx) }
    }
}

#[cfg(test)]
mod tests {
    use super::Mac;

    fn h(s: &str) -> Vec<u8> {
        hex::decode(s).unwrap()
    }

    #[test]
    fn cmac_aes128_sp800_38b_example_2() {
        let mut mac = Mac::cmac(c"AES-128-CBC", &h("2b7e151628aed2a6abf7158809cf4f3c")).unwrap();
        assert_eq!(mac.size(), 16);
        let mut copy = mac.try_clone().unwrap();
        mac.update(&h("6bc1bee22e409f96e93d7e117393172a")).unwrap();
        assert_eq!(
            hex::encode(mac.finish().unwrap()),
            "070a16b46b4d4144f79bdd9dd04a287c"
        );
        // The copy was taken before any data: the MAC of the empty message.
        assert_eq!(
            hex::encode(copy.finish().unwrap()),
            "bb1d6929e95937287fa37d129b756746"
        );
    }

    #[test]
    fn cmac_rejects_a_key_of_the_wrong_size() {
        assert!(Mac::cmac(c"AES-128-CBC", &[0u8; 15]).is_err());
        assert!(Mac::cmac(c"NO-SUCH-CIPHER", &[0u8; 16]).is_err());
    }

    #[test]
    fn cmac_over_legacy_provider_ciphers() {
        if !crate::cipher::legacy_provider_loaded() {
            return; // an OpenSSL built without the legacy provider
        }
        // BF, CAST5, SEED: `openssl mac -cipher NAME-CBC -provider legacy CMAC` (OpenSSL
        // 3.0); IDEA (absent from that build): the reference, cryptography 50.0.2.
        for (cipher, tag) in [
            (c"BF-CBC", "4c8c4f0550e644ec"),
            (c"CAST5-CBC", "6af4c101f85d7808"),
            (c"IDEA-CBC", "1f73ad910d0242ee"),
            (c"SEED-CBC", "ddf19b9eed4016f479cd0e57021ad22a"),
        ] {
            let mut mac = Mac::cmac(cipher, &[0u8; 16]).unwrap();
            mac.update(b"abc").unwrap();
            assert_eq!(hex::encode(mac.finish().unwrap()), tag, "{cipher:?}");
        }
    }

    #[test]
    fn poly1305_rfc8439_section_2_5_2() {
        let key = h("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
        let mut mac = Mac::poly1305(&key).unwrap();
        mac.update(b"Cryptographic Forum Research Group").unwrap();
        assert_eq!(
            hex::encode(mac.finish().unwrap()),
            "a8061dc1305136c6c22b8baf0c0127a9"
        );
    }
}
