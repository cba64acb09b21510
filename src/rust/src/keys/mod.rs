//! Asymmetric keys and their serialization.

pub mod curves;
pub mod load;
pub mod serialization;
