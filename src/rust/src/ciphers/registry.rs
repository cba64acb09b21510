//! Which OpenSSL cipher a Python (algorithm, mode) pair means.
//!
//! Like the reference, only the library's own algorithm and mode classes are recognised,
//! by exact type: a subclass may change what its attributes mean, so it is reported as
//! unsupported rather than guessed at.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Algorithm {
    /// `AES`, `AES128` and `AES256` (the last two are refused in XTS mode).
    Aes {
        sized_class: bool,
    },
    Camellia,
    TripleDes,
    Blowfish,
    Cast5,
    Seed,
    Idea,
    Sm4,
    Rc2,
    Arc4,
    ChaCha20,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// No mode object: the stream ciphers (ChaCha20, ARC4).
    None,
    Cbc,
    Ctr,
    Ecb,
    Ofb,
    Cfb,
    Cfb8,
    Gcm,
    Xts,
}

const ALGORITHMS: &str = "oxicrypt.hazmat.primitives.ciphers.algorithms";
const DECREPIT_ALGORITHMS: &str = "oxicrypt.hazmat.decrepit.ciphers.algorithms";
const MODES: &str = "oxicrypt.hazmat.primitives.ciphers.modes";
const DECREPIT_MODES: &str = "oxicrypt.hazmat.decrepit.ciphers.modes";

type Table<T> = Vec<(Py<PyType>, T)>;

fn lookup<T: Copy>(
    py: Python<'_>,
    cell: &PyOnceLock<Table<T>>,
    entries: &[(&str, &str, T)],
    object: &Bound<'_, PyAny>,
) -> PyResult<Option<T>> {
    let table = cell.get_or_try_init(py, || {
        entries
            .iter()
            .map(|(module, name, value)| {
                let class = py.import(*module)?.getattr(*name)?.cast_into::<PyType>()?;
                Ok::<_, PyErr>((class.unbind(), *value))
            })
            .collect::<PyResult<Table<T>>>()
    })?;
    let class = object.get_type();
    Ok(table
        .iter()
        .find(|(t, _)| class.is(t.bind(py)))
        .map(|(_, value)| *value))
}

/// The algorithm `algorithm` is an instance of, if it is one of the library's classes.
pub fn algorithm(algorithm: &Bound<'_, PyAny>) -> PyResult<Option<Algorithm>> {
    static CELL: PyOnceLock<Table<Algorithm>> = PyOnceLock::new();
    lookup(
        algorithm.py(),
        &CELL,
        &[
            (ALGORITHMS, "AES", Algorithm::Aes { sized_class: false }),
            (ALGORITHMS, "AES128", Algorithm::Aes { sized_class: true }),
            (ALGORITHMS, "AES256", Algorithm::Aes { sized_class: true }),
            (ALGORITHMS, "SM4", Algorithm::Sm4),
            (ALGORITHMS, "ChaCha20", Algorithm::ChaCha20),
            (DECREPIT_ALGORITHMS, "Camellia", Algorithm::Camellia),
            (DECREPIT_ALGORITHMS, "TripleDES", Algorithm::TripleDes),
            (DECREPIT_ALGORITHMS, "Blowfish", Algorithm::Blowfish),
            (DECREPIT_ALGORITHMS, "CAST5", Algorithm::Cast5),
            (DECREPIT_ALGORITHMS, "SEED", Algorithm::Seed),
            (DECREPIT_ALGORITHMS, "IDEA", Algorithm::Idea),
            (DECREPIT_ALGORITHMS, "RC2", Algorithm::Rc2),
            (DECREPIT_ALGORITHMS, "ARC4", Algorithm::Arc4),
        ],
        algorithm,
    )
}

/// The mode `mode` is an instance of (`Mode::None` for `None`), if it is one of the
/// library's classes.
pub fn mode(mode: &Bound<'_, PyAny>) -> PyResult<Option<Mode>> {
    static CELL: PyOnceLock<Table<Mode>> = PyOnceLock::new();
    if mode.is_none() {
        return Ok(Some(Mode::None));
    }
    lookup(
        mode.py(),
        &CELL,
        &[
            (MODES, "CBC", Mode::Cbc),
            (MODES, "CTR", Mode::Ctr),
            (MODES, "ECB", Mode::Ecb),
            (MODES, "GCM", Mode::Gcm),
            (MODES, "XTS", Mode::Xts),
            (DECREPIT_MODES, "OFB", Mode::Ofb),
            (DECREPIT_MODES, "CFB", Mode::Cfb),
            (DECREPIT_MODES, "CFB8", Mode::Cfb8),
        ],
        mode,
    )
}

/// OpenSSL's name for `algorithm` in `mode` with a key of `key_bits`, when oxicrypt offers
/// that combination (the same set as the reference).
pub fn openssl_name(algorithm: Algorithm, mode: Mode, key_bits: usize) -> Option<&'static str> {
    use Algorithm as A;
    use Mode as M;
    Some(match (algorithm, mode, key_bits) {
        (A::Aes { .. }, M::Cbc, 128) => "AES-128-CBC",
        (A::Aes { .. }, M::Cbc, 192) => "AES-192-CBC",
        (A::Aes { .. }, M::Cbc, 256) => "AES-256-CBC",
        (A::Aes { .. }, M::Ecb, 128) => "AES-128-ECB",
        (A::Aes { .. }, M::Ecb, 192) => "AES-192-ECB",
        (A::Aes { .. }, M::Ecb, 256) => "AES-256-ECB",
        (A::Aes { .. }, M::Ctr, 128) => "AES-128-CTR",
        (A::Aes { .. }, M::Ctr, 192) => "AES-192-CTR",
        (A::Aes { .. }, M::Ctr, 256) => "AES-256-CTR",
        (A::Aes { .. }, M::Ofb, 128) => "AES-128-OFB",
        (A::Aes { .. }, M::Ofb, 192) => "AES-192-OFB",
        (A::Aes { .. }, M::Ofb, 256) => "AES-256-OFB",
        (A::Aes { .. }, M::Cfb, 128) => "AES-128-CFB",
        (A::Aes { .. }, M::Cfb, 192) => "AES-192-CFB",
        (A::Aes { .. }, M::Cfb, 256) => "AES-256-CFB",
        (A::Aes { .. }, M::Cfb8, 128) => "AES-128-CFB8",
        (A::Aes { .. }, M::Cfb8, 192) => "AES-192-CFB8",
        (A::Aes { .. }, M::Cfb8, 256) => "AES-256-CFB8",
        (A::Aes { .. }, M::Gcm, 128) => "AES-128-GCM",
        (A::Aes { .. }, M::Gcm, 192) => "AES-192-GCM",
        (A::Aes { .. }, M::Gcm, 256) => "AES-256-GCM",
        // XTS keys are two AES keys.
        (A::Aes { sized_class: false }, M::Xts, 256) => "AES-128-XTS",
        (A::Aes { sized_class: false }, M::Xts, 512) => "AES-256-XTS",
        (A::Camellia, M::Cbc, 128) => "CAMELLIA-128-CBC",
        (A::Camellia, M::Cbc, 192) => "CAMELLIA-192-CBC",
        (A::Camellia, M::Cbc, 256) => "CAMELLIA-256-CBC",
        (A::Camellia, M::Ecb, 128) => "CAMELLIA-128-ECB",
        (A::Camellia, M::Ecb, 192) => "CAMELLIA-192-ECB",
        (A::Camellia, M::Ecb, 256) => "CAMELLIA-256-ECB",
        (A::Camellia, M::Ofb, 128) => "CAMELLIA-128-OFB",
        (A::Camellia, M::Ofb, 192) => "CAMELLIA-192-OFB",
        (A::Camellia, M::Ofb, 256) => "CAMELLIA-256-OFB",
        (A::Camellia, M::Cfb, 128) => "CAMELLIA-128-CFB",
        (A::Camellia, M::Cfb, 192) => "CAMELLIA-192-CFB",
        (A::Camellia, M::Cfb, 256) => "CAMELLIA-256-CFB",
        // TripleDES keys are always three DES keys by the time they get here.
        (A::TripleDes, M::Cbc, 192) => "DES-EDE3-CBC",
        (A::TripleDes, M::Ecb, 192) => "DES-EDE3-ECB",
        (A::TripleDes, M::Ofb, 192) => "DES-EDE3-OFB",
        (A::TripleDes, M::Cfb, 192) => "DES-EDE3-CFB",
        (A::TripleDes, M::Cfb8, 192) => "DES-EDE3-CFB8",
        // Variable key lengths: the context is told the length.
        (A::Blowfish, M::Cbc, _) => "BF-CBC",
        (A::Blowfish, M::Ecb, _) => "BF-ECB",
        (A::Blowfish, M::Ofb, _) => "BF-OFB",
        (A::Blowfish, M::Cfb, _) => "BF-CFB",
        (A::Cast5, M::Cbc, _) => "CAST5-CBC",
        (A::Cast5, M::Ecb, _) => "CAST5-ECB",
        (A::Cast5, M::Ofb, _) => "CAST5-OFB",
        (A::Cast5, M::Cfb, _) => "CAST5-CFB",
        (A::Seed, M::Cbc, 128) => "SEED-CBC",
        (A::Seed, M::Ecb, 128) => "SEED-ECB",
        (A::Seed, M::Ofb, 128) => "SEED-OFB",
        (A::Seed, M::Cfb, 128) => "SEED-CFB",
        (A::Idea, M::Cbc, 128) => "IDEA-CBC",
        (A::Idea, M::Ecb, 128) => "IDEA-ECB",
        (A::Idea, M::Ofb, 128) => "IDEA-OFB",
        (A::Idea, M::Cfb, 128) => "IDEA-CFB",
        (A::Sm4, M::Cbc, 128) => "SM4-CBC",
        (A::Sm4, M::Ecb, 128) => "SM4-ECB",
        (A::Sm4, M::Ctr, 128) => "SM4-CTR",
        (A::Sm4, M::Ofb, 128) => "SM4-OFB",
        (A::Sm4, M::Cfb, 128) => "SM4-CFB",
        (A::Sm4, M::Gcm, 128) => "SM4-GCM",
        (A::Rc2, M::Cbc, 128) => "RC2-CBC",
        (A::Arc4, M::None, _) => "RC4",
        (A::ChaCha20, M::None, 256) => "ChaCha20",
        _ => return None,
    })
}
