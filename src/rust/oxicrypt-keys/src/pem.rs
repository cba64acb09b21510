//! PEM framing (RFC 7468) as OpenSSL reads and writes it.

use crate::error::KeyError;

/// One PEM block: its label (the word after BEGIN) and its decoded contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PemBlock {
    pub label: String,
    /// RFC 1421 headers (`Proc-Type`, `DEK-Info`) of legacy encrypted keys, in order.
    pub headers: Vec<(String, String)>,
    pub der: Vec<u8>,
}

/// The first block whose label is one of `labels`; blocks with other labels, and text
/// around blocks, are skipped, as OpenSSL's PEM readers do.
pub fn find_block(data: &[u8], labels: &[&str]) -> Result<PemBlock, KeyError> {
    let blocks = pem::parse_many(data).map_err(|e| KeyError::malformed(format!("PEM: {e}")))?;
    let block = blocks
        .into_iter()
        .find(|b| labels.contains(&b.tag()))
        .ok_or_else(|| KeyError::PemLabelNotFound(labels.join(" or ")))?;
    Ok(into_block(block))
}

/// The first PEM block, whatever its label (text before it is skipped).
pub fn first_block(data: &[u8]) -> Result<PemBlock, KeyError> {
    let block = pem::parse(data).map_err(|e| KeyError::malformed(format!("PEM: {e}")))?;
    Ok(into_block(block))
}

fn into_block(block: pem::Pem) -> PemBlock {
    let headers = block
        .headers()
        .iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    PemBlock {
        label: block.tag().to_owned(),
        headers,
        der: block.into_contents(),
    }
}

/// Encodes `der` as a PEM block the way OpenSSL does: 64-column base64, LF line ends.
pub fn encode(label: &str, der: &[u8]) -> String {
    let block = pem::Pem::new(label, der);
    pem::encode_config(
        &block,
        pem::EncodeConfig::new().set_line_ending(pem::LineEnding::LF),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_label_selection() {
        let text = format!(
            "junk before\n{}{}trailing",
            encode("CERTIFICATE", b"\x01\x02"),
            encode("PUBLIC KEY", b"\x03\x04\x05")
        );
        let block = find_block(text.as_bytes(), &["PUBLIC KEY"]).unwrap();
        assert_eq!(block.label, "PUBLIC KEY");
        assert_eq!(block.der, b"\x03\x04\x05");
        assert!(matches!(
            find_block(text.as_bytes(), &["PRIVATE KEY"]),
            Err(KeyError::PemLabelNotFound(_))
        ));
        assert_eq!(first_block(text.as_bytes()).unwrap().label, "CERTIFICATE");
        assert!(find_block(b"", &["PRIVATE KEY"]).is_err());
    }

    #[test]
    fn encoding_matches_openssl_layout() {
        let pem = encode("PUBLIC KEY", &[0u8; 60]);
        let lines: Vec<&str> = pem.lines().collect();
        assert_eq!(lines[0], "-----BEGIN PUBLIC KEY-----");
        assert_eq!(lines[1].len(), 64);
        assert_eq!(*lines.last().unwrap(), "-----END PUBLIC KEY-----");
        assert!(pem.ends_with("-----\n"));
    }
}
