//! The TBSCertificate a CT log signs for a precertificate (RFC 6962, section 3.2).

use crate::der::tlv;
use crate::error::X509Error;
use crate::extensions::Extension;
use crate::oids;

const EXTENSIONS_TAG: u8 = 0xa3;

/// `tbs` with the precertificate SCT list extension removed.
pub fn tbs_without_scts(tbs: &[u8]) -> Result<Vec<u8>, X509Error> {
    let what = "TBSCertificate";
    let seq =
        asn1::parse_single::<asn1::Sequence<'_>>(tbs).map_err(|e| X509Error::asn1(what, e))?;
    let elements = seq
        .parse(|p| {
            let mut v = Vec::new();
            while !p.is_empty() {
                v.push(p.read_element::<asn1::Tlv<'_>>()?);
            }
            Ok(v)
        })
        .map_err(|e: asn1::ParseError| X509Error::asn1(what, e))?;
    let mut content = Vec::new();
    let mut found_extensions = false;
    for element in &elements {
        if element.tag_bytes() != [EXTENSIONS_TAG] {
            content.extend_from_slice(element.full_data());
            continue;
        }
        found_extensions = true;
        let list = asn1::parse_single::<asn1::SequenceOf<'_, Extension<'_>>>(element.data())
            .map_err(|e| X509Error::asn1(what, e))?;
        let mut kept = Vec::new();
        let mut removed = false;
        for ext in list {
            if ext.extn_id == oids::PRECERT_SIGNED_CERTIFICATE_TIMESTAMPS {
                removed = true;
                continue;
            }
            let der =
                asn1::write_single(&ext).map_err(|e| X509Error::new(what, format!("{e:?}")))?;
            kept.extend_from_slice(&der);
        }
        if !removed {
            return Err(X509Error::new(
                what,
                "Could not find pre-certificate SCT list extension",
            ));
        }
        content.extend_from_slice(&tlv(&[EXTENSIONS_TAG], &tlv(&[0x30], &kept)));
    }
    if !found_extensions {
        return Err(X509Error::new(
            what,
            "Could not find any extensions in TBS certificate",
        ));
    }
    Ok(tlv(&[0x30], &content))
}
