//! `kdf.argon2.Argon2d`, `Argon2i` and `Argon2id` (RFC 9106), with PHC string output and
//! verification.

use oxicrypt_openssl::constant_time::bytes_eq;
use oxicrypt_openssl::kdf::argon2::{self, Params, Variant};
use oxicrypt_openssl::kdf::Zeroizing;
use pyo3::prelude::*;

use super::{bytes_arg, optional_bytes_arg, str_arg, Derive, InvalidKey, Once};
use crate::buf::Buffer;
use crate::error::{CryptoError, CryptoResult, Reason};

struct Argon2Params {
    variant: Variant,
    salt: Vec<u8>,
    length: usize,
    costs: Params,
    ad: Option<Vec<u8>>,
    secret: Option<Vec<u8>>,
}

impl Derive for Argon2Params {
    fn length(&self) -> usize {
        self.length
    }

    fn compute(&self, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        argon2::derive(
            self.variant,
            key_material,
            &self.salt,
            self.ad.as_deref(),
            self.secret.as_deref(),
            self.costs,
            out,
        )?;
        Ok(())
    }
}

#[allow(clippy::too_many_arguments)]
fn new_params(
    variant: Variant,
    salt: &Bound<'_, PyAny>,
    length: usize,
    iterations: u32,
    lanes: u32,
    memory_cost: u32,
    ad: Option<&Bound<'_, PyAny>>,
    secret: Option<&Bound<'_, PyAny>>,
) -> CryptoResult<Argon2Params> {
    if !argon2::SUPPORTED {
        return Err(CryptoError::Unsupported(
            format!(
                "This version of OpenSSL does not support {}",
                variant.phc_id()
            ),
            Reason::Hash,
        ));
    }
    let salt = bytes_arg(salt)?;
    let ad = optional_bytes_arg(ad)?;
    let secret = optional_bytes_arg(secret)?;
    let costs = Params {
        iterations,
        lanes,
        memory_cost,
    };
    checked_params(variant, salt, length, costs, ad, secret)
}

/// Applies the reference's bounds to the parameters of a derivation.
fn checked_params(
    variant: Variant,
    salt: Vec<u8>,
    length: usize,
    costs: Params,
    ad: Option<Vec<u8>>,
    secret: Option<Vec<u8>>,
) -> CryptoResult<Argon2Params> {
    if salt.len() < 8 {
        return Err(CryptoError::value("salt must be at least 8 bytes"));
    }
    if length < 4 {
        return Err(CryptoError::value(
            "length must be greater than or equal to 4.",
        ));
    }
    if costs.iterations < 1 {
        return Err(CryptoError::value(
            "iterations must be greater than or equal to 1.",
        ));
    }
    if costs.lanes < 1 {
        return Err(CryptoError::value(
            "lanes must be greater than or equal to 1.",
        ));
    }
    if u64::from(costs.memory_cost) < 8 * u64::from(costs.lanes) {
        return Err(CryptoError::value(
            "memory_cost must be an integer >= 8 * lanes.",
        ));
    }
    Ok(Argon2Params {
        variant,
        salt,
        length,
        costs,
        ad,
        secret,
    })
}

fn derive_phc(
    py: Python<'_>,
    once: &mut Once,
    params: &Argon2Params,
    key_material: &Buffer<'_>,
) -> CryptoResult<String> {
    once.take()?;
    let mut out = Zeroizing(vec![0u8; params.length]);
    let km = key_material.as_bytes();
    py.detach(|| params.compute(km, &mut out.0))?;
    Ok(argon2::phc_encode(
        params.variant,
        params.costs,
        &params.salt,
        &out.0,
    ))
}

fn verify_phc(
    py: Python<'_>,
    variant: Variant,
    key_material: &Buffer<'_>,
    phc_encoded: &Bound<'_, PyAny>,
    secret: Option<&Bound<'_, PyAny>>,
) -> CryptoResult<()> {
    let text = str_arg(phc_encoded)?;
    let secret = optional_bytes_arg(secret)?;
    let phc = argon2::phc_decode(&text, variant)
        .map_err(|e| CryptoError::Py(InvalidKey::new_err(e.message())))?;
    // The values read are held to the constructor's rules.
    let params = checked_params(variant, phc.salt, phc.hash.len(), phc.params, None, secret)?;
    let mut out = Zeroizing(vec![0u8; params.length]);
    let km = key_material.as_bytes();
    py.detach(|| params.compute(km, &mut out.0))?;
    if bytes_eq(&out.0, &phc.hash) {
        Ok(())
    } else {
        Err(InvalidKey::new_err("Keys do not match.").into())
    }
}

macro_rules! argon2_class {
    ($ty:ident, $name:literal, $variant:expr) => {
        #[pyclass(module = "oxicrypt.hazmat.primitives.kdf.argon2", name = $name)]
        pub struct $ty {
            params: Argon2Params,
            once: Once,
        }

        kdf_pymethods!($ty {
            #[new]
            #[pyo3(signature = (salt, length, iterations, lanes, memory_cost, ad=None, secret=None))]
            #[allow(clippy::too_many_arguments)]
            fn new(
                salt: &Bound<'_, PyAny>,
                length: usize,
                iterations: u32,
                lanes: u32,
                memory_cost: u32,
                ad: Option<&Bound<'_, PyAny>>,
                secret: Option<&Bound<'_, PyAny>>,
            ) -> CryptoResult<Self> {
                Ok($ty {
                    params: new_params(
                        $variant, salt, length, iterations, lanes, memory_cost, ad, secret,
                    )?,
                    once: Once::default(),
                })
            }

            /// Derives the key and returns it as a PHC string with the parameters.
            fn derive_phc_encoded(
                &mut self,
                py: Python<'_>,
                key_material: Buffer<'_>,
            ) -> CryptoResult<String> {
                derive_phc(py, &mut self.once, &self.params, &key_material)
            }

            /// Checks `key_material` against a PHC string of this variant.
            #[staticmethod]
            #[pyo3(signature = (key_material, phc_encoded, secret=None))]
            fn verify_phc_encoded(
                py: Python<'_>,
                key_material: Buffer<'_>,
                phc_encoded: &Bound<'_, PyAny>,
                secret: Option<&Bound<'_, PyAny>>,
            ) -> CryptoResult<()> {
                verify_phc(py, $variant, &key_material, phc_encoded, secret)
            }
        });
    };
}

argon2_class!(Argon2d, "Argon2d", Variant::Argon2d);
argon2_class!(Argon2i, "Argon2i", Variant::Argon2i);
argon2_class!(Argon2id, "Argon2id", Variant::Argon2id);
