//! OpenSSH key formats against keys made by OpenSSH's `ssh-keygen` and by the reference
//! implementation (tests/data/ssh; `reference-fields.txt` there records what
//! cryptography 50.0.2 reads from each file).

// Test code: the helpers below (not only the #[test] functions) may panic freely.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::HashMap;
use std::path::PathBuf;

use oxicrypt_keys::ssh::private::{MAGIC, OPENSSH_LINE_WIDTH, UNENCRYPTED_BLOCK_LEN};
use oxicrypt_keys::ssh::wire::Writer;
use oxicrypt_keys::ssh::*;
use oxicrypt_keys::KeyError;

fn data_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/ssh")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(data_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// (file, field) -> hex, from reference-fields.txt.
fn reference() -> HashMap<(String, String), String> {
    let text = String::from_utf8(read("reference-fields.txt")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.splitn(3, ' ');
            let file = parts.next().unwrap().to_owned();
            let field = parts.next().unwrap().to_owned();
            let value = parts.next().unwrap_or("").to_owned();
            ((file, field), value)
        })
        .collect()
}

fn field(refs: &HashMap<(String, String), String>, file: &str, name: &str) -> Vec<u8> {
    let v = refs
        .get(&(file.to_owned(), name.to_owned()))
        .unwrap_or_else(|| panic!("no reference field {file} {name}"));
    hex::decode(v).unwrap()
}

fn curve_name(curve: SshCurve) -> &'static [u8] {
    match curve {
        SshCurve::NistP256 => b"secp256r1",
        SshCurve::NistP384 => b"secp384r1",
        SshCurve::NistP521 => b"secp521r1",
    }
}

fn check_public_fields(refs: &HashMap<(String, String), String>, file: &str, key: &SshPublicKey) {
    let f = |n: &str| field(refs, file, n);
    match key {
        SshPublicKey::Rsa { e, n } => {
            assert_eq!(*e, f("e"), "{file} e");
            assert_eq!(*n, f("n"), "{file} n");
        }
        SshPublicKey::Dsa { p, q, g, y } => {
            assert_eq!(*p, f("p"));
            assert_eq!(*q, f("q"));
            assert_eq!(*g, f("g"));
            assert_eq!(*y, f("y"));
        }
        SshPublicKey::Ecdsa { curve, point } => {
            assert_eq!(curve_name(*curve), f("curve").as_slice());
            assert_eq!(*point, f("point"));
        }
        SshPublicKey::Ed25519(k) => assert_eq!(k.to_vec(), f("public")),
        other => panic!("{file}: unexpected {other:?}"),
    }
}

const PLAIN_PUBLIC: [&str; 8] = [
    "ed25519.pub",
    "ecdsa256.pub",
    "ecdsa384.pub",
    "ecdsa521.pub",
    "rsa.pub",
    "dsa.pub",
    "pyca-ed25519.pub",
    "pyca-ecdsa256.pub",
];

#[test]
fn public_lines_match_reference_and_round_trip() {
    let refs = reference();
    for file in PLAIN_PUBLIC {
        let text = read(file);
        let line = parse_public_line(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let SshPublicIdentity::Key(key) = &line.identity else {
            panic!("{file}: not a plain key");
        };
        check_public_fields(&refs, file, key);
        // ssh-keygen writes "type base64 comment\n"; the reference writes no comment.
        let written = write_public_line(key, line.comment.as_deref());
        assert_eq!(written, text.trim_ascii_end(), "{file}");
        assert_eq!(SshPublicKey::from_blob(&key.to_blob()).unwrap(), *key);
        if file.starts_with("pyca") {
            assert_eq!(line.comment, None);
        } else {
            assert!(line.comment.unwrap().starts_with(b"test-"));
        }
    }
}

#[test]
fn key_types_and_curves() {
    let text = read("ecdsa384.pub");
    let key = parse_public_line(&text).unwrap().identity;
    assert_eq!(key.type_name(), "ecdsa-sha2-nistp384");
    assert_eq!(
        key.public_key().key_type(),
        SshKeyType::Ecdsa(SshCurve::NistP384)
    );
    for kt in SshKeyType::ALL {
        assert_eq!(SshKeyType::from_name(kt.name().as_bytes()), Some(kt));
        assert_eq!(
            SshKeyType::from_cert_name(kt.cert_name().as_bytes()),
            Some(kt)
        );
    }
    for c in SshCurve::ALL {
        assert_eq!(
            SshCurve::from_identifier(c.identifier().as_bytes()),
            Some(c)
        );
    }
}

#[test]
fn certificates_match_reference() {
    let refs = reference();
    for file in ["ed25519-cert.pub", "rsa-host-cert.pub"] {
        let text = read(file);
        let line = parse_public_line(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let SshPublicIdentity::Certificate(cert) = &line.identity else {
            panic!("{file}: not a certificate");
        };
        let f = |n: &str| field(&refs, file, n);
        let int = |v: u64| {
            let b = v.to_be_bytes();
            b[b.iter().position(|&x| x != 0).unwrap_or(8)..].to_vec()
        };
        check_public_fields(&refs, file, &cert.public_key);
        assert_eq!(int(cert.serial), f("serial"));
        assert_eq!(int(u64::from(cert.cert_type.code())), f("type"));
        assert_eq!(cert.key_id, f("key_id"));
        assert_eq!(cert.nonce, f("nonce"));
        assert_eq!(int(cert.valid_after), f("valid_after"));
        assert_eq!(int(cert.valid_before), f("valid_before"));
        let joined = |items: Vec<String>| items.join(",");
        assert_eq!(
            joined(cert.valid_principals.iter().map(hex::encode).collect()),
            refs[&(file.to_owned(), "principals".to_owned())]
        );
        for (name, list) in [
            ("critical_options", &cert.critical_options),
            ("extensions", &cert.extensions),
        ] {
            assert_eq!(
                joined(
                    list.iter()
                        .map(|(k, v)| format!("{}={}", hex::encode(k), hex::encode(v)))
                        .collect()
                ),
                refs[&(file.to_owned(), name.to_owned())],
                "{file} {name}"
            );
        }
        let ca = cert.signature_key().unwrap();
        assert_eq!(write_public_line(&ca, None), f("signature_key"));
        assert_eq!(cert.signature_key_type, ca.key_type().name().as_bytes());
        assert_eq!(cert.type_name(), line.identity.type_name());

        // The signed part is the blob up to the signature string.
        let mut tail = Writer::new();
        let mut sig = Writer::new();
        sig.put_string(&cert.signature_type);
        sig.put_string(&cert.signature);
        tail.put_string(&sig.into_bytes());
        let tbs_and_sig = [cert.tbs(), &tail.into_bytes()].concat();
        assert_eq!(tbs_and_sig, cert.blob);

        // Writing the same fields (options in any order) gives the same certificate.
        let mut reversed_extensions = cert.extensions.clone();
        reversed_extensions.reverse();
        let tbs = SshCertTbs {
            nonce: cert.nonce.clone(),
            public_key: cert.public_key.clone(),
            serial: cert.serial,
            cert_type: cert.cert_type,
            key_id: cert.key_id.clone(),
            valid_principals: cert.valid_principals.clone(),
            valid_after: cert.valid_after,
            valid_before: cert.valid_before,
            critical_options: cert.critical_options.clone(),
            extensions: reversed_extensions,
            signature_key: ca.clone(),
        }
        .to_bytes();
        assert_eq!(tbs, cert.tbs(), "{file}");
        assert_eq!(
            write_certificate(&tbs, &cert.signature_type, &cert.signature),
            cert.blob
        );

        // A certificate blob is not a plain public key.
        let err = SshPublicKey::from_blob(&cert.blob).unwrap_err();
        assert!(
            matches!(&err, KeyError::UnsupportedAlgorithm(m) if m.contains("-cert-v01@openssh.com")),
            "{err}"
        );
        assert_eq!(
            SshPublicIdentity::from_blob(&cert.blob).unwrap(),
            line.identity
        );
    }
    let rsa_cert = parse_public_line(&read("rsa-host-cert.pub")).unwrap();
    let SshPublicIdentity::Certificate(cert) = rsa_cert.identity else {
        panic!()
    };
    assert_eq!(cert.cert_type, SshCertType::Host);
    assert_eq!(cert.signature_type, b"rsa-sha2-512");
}

const PLAIN_PRIVATE: [&str; 8] = [
    "ed25519",
    "ecdsa256",
    "ecdsa384",
    "ecdsa521",
    "rsa",
    "dsa",
    "pyca-ed25519",
    "pyca-ecdsa256",
];

fn unencrypted(file: &str) -> OpenSshPrivateKey {
    match parse_private_pem(&read(file)).unwrap_or_else(|e| panic!("{file}: {e}")) {
        OpenSshKeyFile::Unencrypted(k) => k,
        OpenSshKeyFile::Encrypted(_) => panic!("{file} is encrypted"),
    }
}

#[test]
fn private_keys_match_reference_and_round_trip() {
    let refs = reference();
    for file in PLAIN_PRIVATE {
        let text = read(file);
        let parsed = unencrypted(file);
        let f = |n: &str| field(&refs, file, n);
        match &parsed.key {
            SshPrivateKey::Rsa {
                n,
                e,
                d,
                iqmp,
                p,
                q,
            } => {
                for (v, name) in [
                    (n, "n"),
                    (e, "e"),
                    (d, "d"),
                    (iqmp, "iqmp"),
                    (p, "p"),
                    (q, "q"),
                ] {
                    assert_eq!(*v, f(name), "{file} {name}");
                }
            }
            SshPrivateKey::Dsa { x, .. } => assert_eq!(*x, f("x")),
            SshPrivateKey::Ecdsa { scalar, .. } => assert_eq!(*scalar, f("scalar")),
            SshPrivateKey::Ed25519 { seed, .. } => assert_eq!(seed.to_vec(), f("seed")),
        }
        if !matches!(parsed.key, SshPrivateKey::Rsa { .. }) {
            check_public_fields(&refs, file, &parsed.key.public_key());
        }

        // The private key file's public key is the one in the .pub file.
        let public = parse_public_line(&read(&format!("{file}.pub"))).unwrap();
        assert_eq!(*public.identity.public_key(), parsed.key.public_key());

        let blob = write_private_blob(&parsed);
        if file.starts_with("pyca") {
            // The reference pads an aligned section with a whole block, where OpenSSH
            // adds none; everything else is the same.
            assert_eq!(comment_of(&parsed), b"");
            let again = match parse_private_blob(&blob).unwrap() {
                OpenSshKeyFile::Unencrypted(k) => k,
                OpenSshKeyFile::Encrypted(_) => panic!(),
            };
            assert_eq!(again, parsed);
            let original = pem_contents(&text);
            assert!(original.len() == blob.len() || original.len() == blob.len() + 8);
            // With the reference's padding the file is reproduced byte for byte.
            let like_reference = write_private_blob_padded(&parsed, SectionPadding::AtLeastOne);
            assert_eq!(like_reference, original, "{file}");
            assert_eq!(encode_pem(&like_reference, 64).as_bytes(), text, "{file}");
        } else {
            // ssh-keygen's output is reproduced byte for byte.
            assert_eq!(
                encode_pem(&blob, OPENSSH_LINE_WIDTH).as_bytes(),
                text,
                "{file}"
            );
            assert!(comment_of(&parsed).starts_with(b"test-"));
        }
    }
}

fn comment_of(k: &OpenSshPrivateKey) -> &[u8] {
    &k.comment
}

fn pem_contents(text: &[u8]) -> Vec<u8> {
    oxicrypt_keys::pem::find_block(text, &["OPENSSH PRIVATE KEY"])
        .unwrap()
        .der
}

#[test]
fn encrypted_keys_parse_and_round_trip() {
    for (file, cipher) in [
        ("ed25519-enc-aes256-ctr", SshCipher::Aes256Ctr),
        ("ed25519-enc-aes256-cbc", SshCipher::Aes256Cbc),
        ("ed25519-enc-aes128-ctr", SshCipher::Aes128Ctr),
        ("ed25519-enc-aes256-gcm", SshCipher::Aes256Gcm),
        ("ed25519-enc-chacha20-poly1305", SshCipher::ChaCha20Poly1305),
        ("rsa-enc-aes256-ctr", SshCipher::Aes256Ctr),
    ] {
        let text = read(file);
        let OpenSshKeyFile::Encrypted(enc) = parse_private_pem(&text).unwrap() else {
            panic!("{file} is not encrypted");
        };
        assert_eq!(enc.cipher, cipher, "{file}");
        let SshKdf::Bcrypt { salt, rounds } = &enc.kdf;
        assert_eq!(*rounds, 2);
        assert_eq!(salt.len(), 16);
        assert_eq!(enc.tag.len(), cipher.tag_len());
        assert_eq!(enc.encrypted_section.len() % cipher.block_len(), 0);
        let expected = if file.starts_with("rsa") {
            SshKeyType::Rsa
        } else {
            SshKeyType::Ed25519
        };
        assert_eq!(enc.public_key.key_type(), expected);
        let blob = write_encrypted_blob(&enc).unwrap();
        assert_eq!(
            encode_pem(&blob, OPENSSH_LINE_WIDTH).as_bytes(),
            text,
            "{file}"
        );
        assert_eq!(
            OpenSshKeyFile::Encrypted(enc.clone()).public_key(),
            enc.public_key
        );
    }
}

/// A stand-in for a cipher: XOR with a byte pattern.
fn xor(data: &[u8], key: u8) -> Vec<u8> {
    data.iter()
        .enumerate()
        .map(|(i, b)| b ^ key.wrapping_add(i as u8))
        .collect()
}

#[test]
fn encrypt_decrypt_flow() {
    for file in ["ed25519", "rsa", "ecdsa521", "dsa"] {
        let key = unencrypted(file);
        for cipher in SshCipher::ALL {
            let plain = write_private_section(&key, cipher.block_len());
            assert_eq!(plain.len() % cipher.block_len(), 0);
            let enc = EncryptedOpenSshKey {
                cipher,
                kdf: SshKdf::Bcrypt {
                    salt: vec![7; 16],
                    rounds: 16,
                },
                public_key: key.key.public_key(),
                encrypted_section: xor(&plain, 0x5a),
                tag: vec![0xee; cipher.tag_len()],
            };
            let blob = write_encrypted_blob(&enc).unwrap();
            let OpenSshKeyFile::Encrypted(back) = parse_private_blob(&blob).unwrap() else {
                panic!()
            };
            assert_eq!(back, enc);
            let decrypted = parse_decrypted_section(&back, &xor(&back.encrypted_section, 0x5a));
            assert_eq!(decrypted.unwrap(), key, "{file} {}", cipher.name());
            // The wrong key garbles the check integers.
            let garbled: Vec<u8> = xor(&back.encrypted_section, 0x5a)
                .iter()
                .enumerate()
                .map(|(i, b)| b ^ (i as u8).wrapping_mul(i as u8) ^ 0x33)
                .collect();
            let wrong = parse_decrypted_section(&back, &garbled);
            assert!(
                matches!(wrong, Err(KeyError::Malformed(ref m)) if m.starts_with("Corrupt data: broken checksum")),
                "{wrong:?}"
            );
            // The decrypted section must be as long as the encrypted one.
            assert!(parse_decrypted_section(&back, &plain[..plain.len() - 1]).is_err());
        }
    }
}

#[test]
fn write_encrypted_checks_its_inputs() {
    let key = unencrypted("ed25519");
    let base = EncryptedOpenSshKey {
        cipher: SshCipher::Aes256Gcm,
        kdf: SshKdf::Bcrypt {
            salt: vec![1; 16],
            rounds: 16,
        },
        public_key: key.key.public_key(),
        encrypted_section: vec![0; 32],
        tag: vec![0; 16],
    };
    assert!(write_encrypted_blob(&base).is_ok());
    let mut bad = base.clone();
    bad.tag.pop();
    assert!(write_encrypted_blob(&bad).is_err());
    let mut bad = base.clone();
    bad.encrypted_section.push(0);
    assert!(write_encrypted_blob(&bad).is_err());
    let mut bad = base.clone();
    bad.encrypted_section.clear();
    assert!(write_encrypted_blob(&bad).is_err());
    let mut bad = base.clone();
    bad.kdf = SshKdf::Bcrypt {
        salt: vec![1; 16],
        rounds: 0,
    };
    assert!(write_encrypted_blob(&bad).is_err());
    let mut bad = base;
    bad.kdf = SshKdf::Bcrypt {
        salt: vec![],
        rounds: 16,
    };
    assert!(write_encrypted_blob(&bad).is_err());
}

// ---- building blocks for malformed inputs ----

fn s(w: &mut Writer, b: &[u8]) {
    w.put_string(b);
}

struct Parts {
    cipher: Vec<u8>,
    kdf: Vec<u8>,
    kdf_options: Vec<u8>,
    nkeys: u32,
    public: Vec<u8>,
    section: Vec<u8>,
    trailing: Vec<u8>,
}

impl Parts {
    fn plain(public: Vec<u8>, section: Vec<u8>) -> Parts {
        Parts {
            cipher: b"none".to_vec(),
            kdf: b"none".to_vec(),
            kdf_options: vec![],
            nkeys: 1,
            public,
            section,
            trailing: vec![],
        }
    }

    fn build(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.put_raw(MAGIC);
        s(&mut w, &self.cipher);
        s(&mut w, &self.kdf);
        s(&mut w, &self.kdf_options);
        w.put_u32(self.nkeys);
        s(&mut w, &self.public);
        s(&mut w, &self.section);
        w.put_raw(&self.trailing);
        w.into_bytes()
    }
}

/// A private section from its pieces, padded 1, 2, 3, ... to `block`.
fn section(check1: u32, check2: u32, body: &[u8], comment: &[u8], block: usize) -> Vec<u8> {
    let mut w = Writer::new();
    w.put_u32(check1);
    w.put_u32(check2);
    w.put_raw(body);
    s(&mut w, comment);
    let mut i = 1u8;
    while w.len() % block != 0 {
        w.put_raw(&[i]);
        i += 1;
    }
    w.into_bytes()
}

fn ed25519_body(public: &[u8; 32], seed: &[u8; 32], public2: &[u8; 32]) -> Vec<u8> {
    let mut w = Writer::new();
    s(&mut w, b"ssh-ed25519");
    s(&mut w, public);
    s(&mut w, &[&seed[..], &public2[..]].concat());
    w.into_bytes()
}

fn ed25519_blob(public: &[u8; 32]) -> Vec<u8> {
    SshPublicKey::Ed25519(*public).to_blob()
}

fn malformed(r: Result<OpenSshKeyFile, KeyError>, needle: &str) {
    match r {
        Err(KeyError::Malformed(m)) => assert!(m.contains(needle), "{m:?} lacks {needle:?}"),
        other => panic!("expected Malformed({needle:?}), got {other:?}"),
    }
}

fn unsupported<T: std::fmt::Debug>(r: Result<T, KeyError>, needle: &str) {
    match r {
        Err(KeyError::UnsupportedAlgorithm(m)) => {
            assert!(m.contains(needle), "{m:?} lacks {needle:?}")
        }
        other => panic!("expected UnsupportedAlgorithm({needle:?}), got {other:?}"),
    }
}

#[test]
fn synthetic_private_key_is_accepted() {
    let pk = [3u8; 32];
    let seed = [9u8; 32];
    let blob = Parts::plain(
        ed25519_blob(&pk),
        section(5, 5, &ed25519_body(&pk, &seed, &pk), b"c", 8),
    )
    .build();
    let OpenSshKeyFile::Unencrypted(k) = parse_private_blob(&blob).unwrap() else {
        panic!()
    };
    assert_eq!(k.key, SshPrivateKey::Ed25519 { seed, public: pk });
    assert_eq!(k.checkint, 5);
    assert_eq!(k.comment, b"c");
    assert_eq!(write_private_blob(&k), blob);
    // A whole block of padding, as the reference writes, is accepted.
    let body = ed25519_body(&pk, &seed, &pk);
    let mut sec = (0..8)
        .map(|n| section(5, 5, &body, &b"comment!"[..n], 1))
        .find(|sec| sec.len() % 8 == 0)
        .unwrap();
    sec.extend(1..=8u8);
    assert!(parse_private_blob(&Parts::plain(ed25519_blob(&pk), sec).build()).is_ok());
}

#[test]
fn private_key_rejections() {
    let pk = [3u8; 32];
    let seed = [9u8; 32];
    let body = ed25519_body(&pk, &seed, &pk);
    let good = || Parts::plain(ed25519_blob(&pk), section(5, 5, &body, b"c", 8));

    let mut blob = good().build();
    blob[3] ^= 1;
    malformed(parse_private_blob(&blob), "magic");

    let mut p = good();
    p.section = section(5, 6, &body, b"c", 8);
    malformed(
        parse_private_blob(&p.build()),
        "Corrupt data: broken checksum",
    );

    // Wrong padding byte, and padding longer than 16.
    let mut p = good();
    let last = p.section.len() - 1;
    p.section[last] ^= 0x40;
    malformed(parse_private_blob(&p.build()), "padding");
    let mut p = good();
    let unpadded = section(5, 5, &body, b"c", 1);
    let mut sec = unpadded.clone();
    sec.extend(1..=24u8 - ((unpadded.len() % 8) as u8));
    assert!(sec.len() % 8 == 0 && sec.len() - unpadded.len() > 16);
    p.section = sec;
    malformed(parse_private_blob(&p.build()), "padding");

    // Section not a multiple of the block size.
    let mut p = good();
    p.section.push(p.section.len() as u8);
    malformed(parse_private_blob(&p.build()), "multiple of the block size");
    let mut p = good();
    p.section.clear();
    malformed(parse_private_blob(&p.build()), "multiple of the block size");

    // Trailing data after the private section.
    let mut p = good();
    p.trailing = vec![0];
    malformed(parse_private_blob(&p.build()), "trailing");

    let mut p = good();
    p.nkeys = 2;
    malformed(parse_private_blob(&p.build()), "exactly one");

    // The public half of the 64-byte private key must match.
    let mut p = good();
    p.section = section(5, 5, &ed25519_body(&pk, &seed, &[4; 32]), b"c", 8);
    malformed(parse_private_blob(&p.build()), "public half");
    // The private section's key must be the file's public key.
    let mut p = good();
    p.section = section(5, 5, &ed25519_body(&[4; 32], &seed, &[4; 32]), b"c", 8);
    malformed(
        parse_private_blob(&p.build()),
        "does not match the public key",
    );
    // ... and of the same type.
    let mut p = good();
    let mut w = Writer::new();
    s(&mut w, b"ssh-rsa");
    w.put_raw(&body[4 + 11..]);
    p.section = section(5, 5, &w.into_bytes(), b"c", 8);
    malformed(
        parse_private_blob(&p.build()),
        "Corrupt data: key type mismatch",
    );
    // A 32-byte "private key".
    let mut p = good();
    let mut w = Writer::new();
    s(&mut w, b"ssh-ed25519");
    s(&mut w, &pk);
    s(&mut w, &seed);
    p.section = section(5, 5, &w.into_bytes(), b"c", 8);
    malformed(parse_private_blob(&p.build()), "must be 64 bytes");

    // A length field running past the end must not allocate or panic.
    let mut blob = good().build();
    let at = MAGIC.len();
    blob[at..at + 4].copy_from_slice(&[0xff, 0xff, 0xff, 0xff]);
    malformed(parse_private_blob(&blob), "exceeds");

    // Unknown cipher and KDF; KDF options with "none".
    let mut p = good();
    p.cipher = b"rot13".to_vec();
    p.kdf = b"bcrypt".to_vec();
    unsupported(parse_private_blob(&p.build()), "rot13");
    let mut p = good();
    p.cipher = b"aes256-ctr".to_vec();
    p.kdf = b"scrypt".to_vec();
    unsupported(parse_private_blob(&p.build()), "scrypt");
    let mut p = good();
    p.cipher = b"none".to_vec();
    p.kdf = b"bcrypt".to_vec();
    unsupported(parse_private_blob(&p.build()), "none");
    let mut p = good();
    p.kdf_options = vec![0, 0, 0, 0];
    malformed(parse_private_blob(&p.build()), "KDF options");

    // bcrypt options: trailing bytes, zero rounds; an AEAD tag that is missing.
    let enc = |opts: Vec<u8>, cipher: &[u8], trailing: Vec<u8>| Parts {
        cipher: cipher.to_vec(),
        kdf: b"bcrypt".to_vec(),
        kdf_options: opts,
        nkeys: 1,
        public: ed25519_blob(&pk),
        section: vec![0; 32],
        trailing,
    };
    let opts = |rounds: u32, extra: &[u8]| {
        let mut w = Writer::new();
        s(&mut w, &[1; 16]);
        w.put_u32(rounds);
        w.put_raw(extra);
        w.into_bytes()
    };
    assert!(parse_private_blob(&enc(opts(16, &[]), b"aes256-ctr", vec![]).build()).is_ok());
    malformed(
        parse_private_blob(&enc(opts(16, &[0]), b"aes256-ctr", vec![]).build()),
        "trailing",
    );
    malformed(
        parse_private_blob(&enc(opts(0, &[]), b"aes256-ctr", vec![]).build()),
        "rounds",
    );
    malformed(
        parse_private_blob(&enc(opts(16, &[]), b"aes256-gcm@openssh.com", vec![0; 15]).build()),
        "tag",
    );
    malformed(
        parse_private_blob(&enc(opts(16, &[]), b"aes256-ctr", vec![0; 16]).build()),
        "trailing",
    );
    let mut p = enc(opts(16, &[]), b"aes256-cbc", vec![]);
    p.section = vec![0; 24];
    malformed(
        parse_private_blob(&p.build()),
        "multiple of the block size 16",
    );

    // Security-key private keys are refused as the reference refuses them.
    let sk = SshPublicKey::SkEd25519 {
        key: pk,
        application: b"ssh:".to_vec(),
    };
    let p = Parts::plain(sk.to_blob(), section(5, 5, &body, b"c", 8));
    unsupported(
        parse_private_blob(&p.build()),
        "sk-ssh-ed25519 private keys",
    );

    // Not PEM at all, or the wrong label.
    assert!(parse_private_pem(b"hello").is_err());
    let other = oxicrypt_keys::pem::encode("PRIVATE KEY", &good().build());
    assert!(parse_private_pem(other.as_bytes()).is_err());
}

#[test]
fn ecdsa_private_scalar_is_bounded() {
    let k = unencrypted("ecdsa256");
    let SshPrivateKey::Ecdsa { curve, point, .. } = k.key.clone() else {
        panic!()
    };
    for bad_scalar in [vec![], vec![1; 33]] {
        let mut w = Writer::new();
        s(&mut w, b"ecdsa-sha2-nistp256");
        s(&mut w, curve.identifier().as_bytes());
        s(&mut w, &point);
        w.put_mpint(&bad_scalar);
        let p = Parts::plain(
            k.key.public_key().to_blob(),
            section(1, 1, &w.into_bytes(), b"", 8),
        );
        malformed(parse_private_blob(&p.build()), "private scalar");
    }
}

#[test]
fn truncations_and_bit_flips_never_panic() {
    for file in [
        "rsa",
        "ecdsa521",
        "ed25519",
        "dsa",
        "ed25519-enc-aes256-gcm",
    ] {
        let blob = pem_contents(&read(file));
        for len in 0..blob.len() {
            assert!(
                parse_private_blob(&blob[..len]).is_err(),
                "{file} truncated to {len}"
            );
        }
        for i in 0..blob.len() {
            let mut b = blob.clone();
            b[i] ^= 0x80;
            let _ = parse_private_blob(&b);
        }
    }
    for file in [
        "rsa.pub",
        "ecdsa521.pub",
        "ed25519-cert.pub",
        "rsa-host-cert.pub",
    ] {
        let line = read(file);
        let body = line.split(|&c| c == b' ').nth(1).unwrap();
        let blob = oxicrypt_keys::ssh::base64::decode(body, "t").unwrap();
        for len in 0..blob.len() {
            assert!(SshPublicIdentity::from_blob(&blob[..len]).is_err());
        }
        for i in 0..blob.len() {
            let mut b = blob.clone();
            b[i] ^= 0x80;
            let _ = SshPublicIdentity::from_blob(&b);
        }
    }
}

// ---- public keys: sk types, edge cases, rejections ----

fn line_for(type_name: &str, blob: &[u8]) -> Vec<u8> {
    [
        type_name.as_bytes(),
        b" ",
        oxicrypt_keys::ssh::base64::encode(blob).as_bytes(),
    ]
    .concat()
}

#[test]
fn security_key_public_keys() {
    let pk = [0x11; 32];
    let mut point = vec![4u8];
    point.extend([0x22; 64]);
    for key in [
        SshPublicKey::SkEd25519 {
            key: pk,
            application: b"ssh:".to_vec(),
        },
        SshPublicKey::SkEcdsaP256 {
            point,
            application: b"ssh:example".to_vec(),
        },
    ] {
        let text = write_public_line(&key, Some(b"me@host"));
        let line = parse_public_line(&text).unwrap();
        assert_eq!(line.identity, SshPublicIdentity::Key(key.clone()));
        assert_eq!(line.comment.as_deref(), Some(&b"me@host"[..]));
    }
    // The application string must start with "ssh:".
    let key = SshPublicKey::SkEd25519 {
        key: pk,
        application: b"web:".to_vec(),
    };
    let err = SshPublicKey::from_blob(&key.to_blob()).unwrap_err();
    assert!(err.to_string().contains("ssh:"), "{err}");
}

fn pub_err(line: &[u8]) -> KeyError {
    parse_public_line(line).unwrap_err()
}

fn assert_malformed(e: KeyError, needle: &str) {
    match e {
        KeyError::Malformed(m) => assert!(m.contains(needle), "{m:?} lacks {needle:?}"),
        other => panic!("expected Malformed({needle:?}), got {other:?}"),
    }
}

#[test]
fn public_line_forms() {
    let blob = ed25519_blob(&[5; 32]);
    let base = line_for("ssh-ed25519", &blob);
    let key = SshPublicIdentity::Key(SshPublicKey::Ed25519([5; 32]));
    for (suffix, comment) in [
        (&b""[..], None),
        (b"\n", None),
        (b"\r\n", None),
        (b" \t \n", None),
        (b" user@host\n", Some(&b"user@host"[..])),
        (
            b"\tmany words here  \r\nnext line",
            Some(b"many words here"),
        ),
    ] {
        let line = parse_public_line(&[&base[..], suffix].concat()).unwrap();
        assert_eq!(line.identity, key);
        assert_eq!(line.comment.as_deref(), comment, "{suffix:?}");
    }
    // A tab between type and body is fine.
    let tabbed = [&b"ssh-ed25519\t"[..], &base[12..]].concat();
    assert!(parse_public_line(&tabbed).is_ok());
    assert_eq!(
        write_public_line(&SshPublicKey::Ed25519([5; 32]), Some(b"")),
        base
    );
}

#[test]
fn public_line_rejections() {
    let blob = ed25519_blob(&[5; 32]);
    let good = line_for("ssh-ed25519", &blob);

    assert_malformed(pub_err(&[b" ", &good[..]].concat()), "Invalid line format");
    assert_malformed(pub_err(b"ssh-ed25519"), "Invalid line format");
    assert_malformed(pub_err(b"ssh-ed25519 "), "Invalid line format");
    assert_malformed(pub_err(b""), "Invalid line format");
    assert_malformed(pub_err(&good.replace_first(b"AAAA", b"AAA")), "base64");
    assert_malformed(pub_err(&good.replace_first(b"AAAA", b"AA!A")), "base64");
    unsupported(parse_public_line(b"ssh-foo !!!!"), "ssh-foo");
    unsupported(parse_public_line(&line_for("ssh-foo", &blob)), "ssh-foo");
    // Declared and embedded types differ.
    assert_malformed(pub_err(&line_for("ssh-rsa", &blob)), "does not match");
    // Trailing data in the blob.
    assert_malformed(
        pub_err(&line_for("ssh-ed25519", &[&blob[..], b"x"].concat())),
        "trailing",
    );
    // Ed25519 keys are 32 bytes.
    let mut w = Writer::new();
    s(&mut w, b"ssh-ed25519");
    s(&mut w, &[5; 31]);
    assert_malformed(
        pub_err(&line_for("ssh-ed25519", &w.into_bytes())),
        "An Ed25519 public key is 32 bytes long",
    );
    // A string length beyond the blob.
    let mut w = Writer::new();
    s(&mut w, b"ssh-ed25519");
    w.put_u32(u32::MAX);
    w.put_raw(&[5; 32]);
    assert_malformed(
        pub_err(&line_for("ssh-ed25519", &w.into_bytes())),
        "exceeds",
    );

    // RSA: negative mpint.
    let mut w = Writer::new();
    s(&mut w, b"ssh-rsa");
    s(&mut w, &[0x81]);
    s(&mut w, &[0x00, 0xc1, 0xc1]);
    assert_malformed(pub_err(&line_for("ssh-rsa", &w.into_bytes())), "negative");
    // ... while redundant leading zeros are tolerated (as OpenSSH and the reference do)
    // and dropped.
    let mut w = Writer::new();
    s(&mut w, b"ssh-rsa");
    s(&mut w, &[0, 0, 1, 0, 1]);
    s(&mut w, &[0x00, 0xc1, 0xc1]);
    let line = parse_public_line(&line_for("ssh-rsa", &w.into_bytes())).unwrap();
    assert_eq!(
        *line.identity.public_key(),
        SshPublicKey::Rsa {
            e: vec![1, 0, 1],
            n: vec![0xc1, 0xc1]
        }
    );

    // DSA must be 1024-bit.
    let dsa = |p: &[u8]| {
        let mut w = Writer::new();
        s(&mut w, b"ssh-dss");
        for v in [p, &[0x7f; 20], &[2], &[3]] {
            w.put_mpint(v);
        }
        line_for("ssh-dss", &w.into_bytes())
    };
    assert!(parse_public_line(&dsa(&[0xff; 128])).is_ok());
    assert_malformed(pub_err(&dsa(&[0xff; 256])), "1024");
    assert_malformed(pub_err(&dsa(&[0x7f; 128])), "1024");

    // ECDSA: curve name, point form and length.
    let ec = |curve: &[u8], point: &[u8]| {
        let mut w = Writer::new();
        s(&mut w, b"ecdsa-sha2-nistp256");
        s(&mut w, curve);
        s(&mut w, point);
        line_for("ecdsa-sha2-nistp256", &w.into_bytes())
    };
    let mut point = vec![4u8];
    point.extend([1; 64]);
    assert!(parse_public_line(&ec(b"nistp256", &point)).is_ok());
    assert_malformed(pub_err(&ec(b"nistp384", &point)), "curve");
    assert_malformed(pub_err(&ec(b"nistp256", &point[..64])), "65 bytes");
    assert_malformed(pub_err(&ec(b"nistp256", &[2; 33])), "uncompressed");
    assert_malformed(pub_err(&ec(b"nistp256", &[])), "empty");
}

#[test]
fn certificate_rejections() {
    let text = read("ed25519-cert.pub");
    let line = parse_public_line(&text).unwrap();
    let SshPublicIdentity::Certificate(cert) = line.identity else {
        panic!()
    };

    // Rebuild the certificate from its fields with one thing changed.
    #[derive(Clone)]
    struct Edit {
        cert_type: u32,
        extensions: Vec<(Vec<u8>, Vec<u8>)>,
        sig_type: Vec<u8>,
        trailing: Vec<u8>,
    }
    let base = Edit {
        cert_type: 1,
        extensions: cert.extensions.clone(),
        sig_type: cert.signature_type.clone(),
        trailing: vec![],
    };
    let build = |e: &Edit| {
        let mut w = Writer::new();
        s(&mut w, b"ssh-ed25519-cert-v01@openssh.com");
        s(&mut w, &cert.nonce);
        cert.public_key.write_fields(&mut w);
        w.put_u64(cert.serial);
        w.put_u32(e.cert_type);
        s(&mut w, &cert.key_id);
        let mut p = Writer::new();
        for pr in &cert.valid_principals {
            s(&mut p, pr);
        }
        s(&mut w, &p.into_bytes());
        w.put_u64(cert.valid_after);
        w.put_u64(cert.valid_before);
        for list in [&cert.critical_options, &e.extensions] {
            let mut o = Writer::new();
            for (k, v) in list {
                s(&mut o, k);
                if v.is_empty() {
                    s(&mut o, b"");
                } else {
                    let mut inner = Writer::new();
                    s(&mut inner, v);
                    s(&mut o, &inner.into_bytes());
                }
            }
            s(&mut w, &o.into_bytes());
        }
        s(&mut w, &cert.reserved);
        s(&mut w, &cert.signature_key);
        let mut sig = Writer::new();
        s(&mut sig, &e.sig_type);
        s(&mut sig, &cert.signature);
        s(&mut w, &sig.into_bytes());
        w.put_raw(&e.trailing);
        w.into_bytes()
    };
    assert_eq!(build(&base), cert.blob);
    let err = |e: Edit| SshCertificate::from_blob(&build(&e)).unwrap_err();

    let mut e = base.clone();
    e.cert_type = 3;
    assert_malformed(err(e), "neither 1 (user) nor 2 (host)");
    let mut e = base.clone();
    e.extensions.reverse();
    assert_malformed(err(e), "not sorted");
    let mut e = base.clone();
    let first = e.extensions[0].clone();
    e.extensions.insert(0, first);
    assert_malformed(err(e), "duplicate");
    let mut e = base.clone();
    e.sig_type = b"ssh-rsa".to_vec();
    assert_malformed(err(e), "Signature key type does not match");
    let mut e = base;
    e.trailing = vec![0];
    assert_malformed(err(e), "trailing");

    // A plain key blob is not a certificate.
    let plain = SshPublicKey::Ed25519([1; 32]).to_blob();
    assert_malformed(SshCertificate::from_blob(&plain).unwrap_err(), "plain");
}

trait ReplaceFirst {
    fn replace_first(&self, from: &[u8], to: &[u8]) -> Vec<u8>;
}

impl ReplaceFirst for Vec<u8> {
    fn replace_first(&self, from: &[u8], to: &[u8]) -> Vec<u8> {
        let at = self.windows(from.len()).position(|w| w == from).unwrap();
        [&self[..at], to, &self[at + from.len()..]].concat()
    }
}

#[test]
fn pem_armour_widths() {
    let blob = write_private_blob(&unencrypted("ed25519"));
    let wide = encode_pem(&blob, OPENSSH_LINE_WIDTH);
    let narrow = encode_pem(&blob, 64);
    assert!(wide.lines().nth(1).unwrap().len() == 70);
    assert!(narrow.lines().nth(1).unwrap().len() == 64);
    assert!(wide.starts_with("-----BEGIN OPENSSH PRIVATE KEY-----\n"));
    assert!(wide.ends_with("-----END OPENSSH PRIVATE KEY-----\n"));
    for text in [wide, narrow] {
        assert!(matches!(
            parse_private_pem(text.as_bytes()).unwrap(),
            OpenSshKeyFile::Unencrypted(_)
        ));
    }
    assert_eq!(UNENCRYPTED_BLOCK_LEN, 8);
}
