//! Asymmetric keys and their serialization.

pub mod bignum;
pub mod curves;
pub mod load;
pub mod padding;
pub mod rsa;
pub mod serialization;
