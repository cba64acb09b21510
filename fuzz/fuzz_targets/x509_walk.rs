//! Shared by the X.509 fuzz targets: reads every part of a parsed structure the way the
//! Python bindings do when a user touches each property, so that a panic anywhere in
//! the lazy decoding (names, extension values, SCT lists, signature parameters) shows up.
#![allow(dead_code)]

use oxicrypt_x509::common::{AlgorithmIdentifier, Attribute, Time};
use oxicrypt_x509::extensions::{self as ext, Extension, RawExtensions};
use oxicrypt_x509::general_name::{GeneralName, GeneralNames, LenientIa5String};
use oxicrypt_x509::name::{decode_string, AttributeTypeValue, Name};
use oxicrypt_x509::{oids, signature};

/// CertificatePolicies qualifier OIDs (RFC 5280, section 4.2.1.4).
const CPS_QUALIFIER: asn1::ObjectIdentifier = asn1::oid!(1, 3, 6, 1, 5, 5, 7, 2, 1);
const USER_NOTICE_QUALIFIER: asn1::ObjectIdentifier = asn1::oid!(1, 3, 6, 1, 5, 5, 7, 2, 2);

pub fn time(t: &Time) {
    let d = t.as_datetime();
    let _ = (
        d.year(),
        d.month(),
        d.day(),
        d.hour(),
        d.minute(),
        d.second(),
    );
}

pub fn attribute_type_value(atv: &AttributeTypeValue<'_>) {
    let _ = atv.type_id.to_string();
    let tag = atv.value.tag();
    let number = tag.as_u8().map(u32::from).unwrap_or(u32::MAX);
    let _ = decode_string(number, atv.value.data());
    let _ = atv.value.full_data();
}

pub fn name(n: &Name<'_>) {
    for rdn in n.clone() {
        for atv in rdn {
            attribute_type_value(&atv);
        }
    }
}

pub fn general_name(g: &GeneralName<'_>) {
    match g {
        GeneralName::OtherName(o) => {
            let _ = (o.type_id.to_string(), o.value.full_data());
        }
        GeneralName::Rfc822Name(s)
        | GeneralName::DnsName(s)
        | GeneralName::UniformResourceIdentifier(s) => {
            let _ = s.0.len();
        }
        GeneralName::X400Address(_) | GeneralName::EdiPartyName(_) => {}
        GeneralName::DirectoryName(n) => name(n),
        GeneralName::IpAddress(b) => {
            let _ = b.len();
        }
        GeneralName::RegisteredId(o) => {
            let _ = o.to_string();
        }
    }
}

pub fn general_names(names: &GeneralNames<'_>) {
    for g in names.clone() {
        general_name(&g);
    }
}

fn distribution_point_name(p: &ext::DistributionPointName<'_>) {
    match p {
        ext::DistributionPointName::FullName(names) => general_names(names),
        ext::DistributionPointName::RelativeName(rdn) => {
            for atv in rdn.clone() {
                attribute_type_value(&atv);
            }
        }
    }
}

fn bits(b: &asn1::BitString<'_>) {
    for n in 0..(b.as_bytes().len() * 8 + 1) {
        let _ = b.has_bit_set(n);
    }
    let _ = b.padding_bits();
}

fn distribution_points(points: ext::DistributionPoints<'_>) {
    for point in points {
        if let Some(p) = &point.distribution_point {
            distribution_point_name(p);
        }
        if let Some(r) = &point.reasons {
            bits(r);
        }
        if let Some(issuer) = &point.crl_issuer {
            general_names(issuer);
        }
    }
}

fn access_descriptions(descriptions: ext::AccessDescriptions<'_>) {
    for d in descriptions {
        let _ = d.access_method.to_string();
        general_name(&d.access_location);
    }
}

fn certificate_policies(policies: ext::CertificatePolicies<'_>) {
    for policy in policies {
        let _ = policy.policy_identifier.to_string();
        for q in policy.policy_qualifiers.into_iter().flatten() {
            let raw = q.qualifier.full_data();
            if q.policy_qualifier_id == CPS_QUALIFIER {
                let _ = asn1::parse_single::<LenientIa5String<'_>>(raw);
            } else if q.policy_qualifier_id == USER_NOTICE_QUALIFIER {
                if let Ok(notice) = asn1::parse_single::<ext::UserNotice<'_>>(raw) {
                    if let Some(r) = notice.notice_ref {
                        let _ = r.organization.text();
                        for n in r.notice_numbers {
                            let _ = n.as_bytes();
                        }
                    }
                    if let Some(t) = notice.explicit_text {
                        let _ = t.text();
                    }
                }
            }
        }
    }
}

fn naming_authority(a: &ext::NamingAuthority<'_>) {
    let _ = a.id.as_ref().map(ToString::to_string);
    let _ = a.url.map(|u| u.0.len());
    let _ = a.text.as_ref().map(ext::DisplayText::text);
}

fn admissions(a: &ext::Admissions<'_>) {
    if let Some(g) = &a.admission_authority {
        general_name(g);
    }
    for admission in a.contents_of_admissions.clone() {
        if let Some(g) = &admission.admission_authority {
            general_name(g);
        }
        if let Some(n) = &admission.naming_authority {
            naming_authority(n);
        }
        for info in admission.profession_infos {
            if let Some(n) = &info.naming_authority {
                naming_authority(n);
            }
            for item in info.profession_items {
                let _ = item.text();
            }
            for o in info.profession_oids.into_iter().flatten() {
                let _ = o.to_string();
            }
            let _ = info.registration_number.map(|r| r.as_str().len());
        }
    }
}

fn scts(list: &[u8]) {
    if let Ok(scts) = oxicrypt_x509::sct::parse_list(list) {
        for sct in scts {
            let _ = (sct.version, sct.log_id, sct.timestamp, sct.extensions);
            let _ = (sct.hash_algorithm, sct.signature_algorithm, sct.signature);
        }
    }
}

/// Decodes one extension value with the structure its OID names, as the bindings do
/// for certificates, CSRs, CRLs and CRL entries; unknown OIDs stay raw bytes.
pub fn extension(e: &Extension<'_>) {
    let id = &e.extn_id;
    let _ = (id.to_string(), e.critical);
    let v = e.extn_value;
    if *id == oids::BASIC_CONSTRAINTS {
        let _ = asn1::parse_single::<ext::BasicConstraints>(v);
    } else if *id == oids::SUBJECT_KEY_IDENTIFIER || *id == oids::OCSP_NONCE {
        let _ = asn1::parse_single::<&[u8]>(v);
    } else if *id == oids::KEY_USAGE {
        if let Ok(b) = asn1::parse_single::<asn1::BitString<'_>>(v) {
            bits(&b);
        }
    } else if *id == oids::SUBJECT_ALTERNATIVE_NAME
        || *id == oids::ISSUER_ALTERNATIVE_NAME
        || *id == oids::CERTIFICATE_ISSUER
    {
        if let Ok(names) = asn1::parse_single::<GeneralNames<'_>>(v) {
            general_names(&names);
        }
    } else if *id == oids::EXTENDED_KEY_USAGE || *id == oids::OCSP_ACCEPTABLE_RESPONSES {
        if let Ok(list) = asn1::parse_single::<asn1::SequenceOf<'_, asn1::ObjectIdentifier, 1>>(v) {
            for o in list {
                let _ = o.to_string();
            }
        }
    } else if *id == oids::AUTHORITY_KEY_IDENTIFIER {
        if let Ok(aki) = asn1::parse_single::<ext::AuthorityKeyIdentifier<'_>>(v) {
            if let Some(names) = &aki.authority_cert_issuer {
                general_names(names);
            }
            let _ = aki.authority_cert_serial_number.map(|n| n.as_bytes().len());
            let _ = aki.key_identifier.map(<[u8]>::len);
        }
    } else if *id == oids::AUTHORITY_INFORMATION_ACCESS || *id == oids::SUBJECT_INFORMATION_ACCESS {
        if let Ok(d) = asn1::parse_single::<ext::AccessDescriptions<'_>>(v) {
            access_descriptions(d);
        }
    } else if *id == oids::CRL_DISTRIBUTION_POINTS || *id == oids::FRESHEST_CRL {
        if let Ok(points) = asn1::parse_single::<ext::DistributionPoints<'_>>(v) {
            distribution_points(points);
        }
    } else if *id == oids::CERTIFICATE_POLICIES {
        if let Ok(policies) = asn1::parse_single::<ext::CertificatePolicies<'_>>(v) {
            certificate_policies(policies);
        }
    } else if *id == oids::POLICY_CONSTRAINTS {
        let _ = asn1::parse_single::<ext::PolicyConstraints>(v);
    } else if *id == oids::INHIBIT_ANY_POLICY {
        let _ = asn1::parse_single::<u64>(v);
    } else if *id == oids::NAME_CONSTRAINTS {
        if let Ok(nc) = asn1::parse_single::<ext::NameConstraints<'_>>(v) {
            for tree in nc
                .permitted_subtrees
                .into_iter()
                .chain(nc.excluded_subtrees)
                .flatten()
            {
                general_name(&tree.base);
                let _ = (tree.minimum, tree.maximum);
            }
        }
    } else if *id == oids::PRIVATE_KEY_USAGE_PERIOD {
        if let Ok(p) = asn1::parse_single::<ext::PrivateKeyUsagePeriod>(v) {
            for t in p.not_before.iter().chain(p.not_after.iter()) {
                time(&Time::GeneralizedTime(t.clone()));
            }
        }
    } else if *id == oids::TLS_FEATURE {
        if let Ok(features) = asn1::parse_single::<asn1::SequenceOf<'_, u64>>(v) {
            for f in features {
                let _ = f;
            }
        }
    } else if *id == oids::OCSP_NO_CHECK || *id == oids::PRECERT_POISON {
        let _ = asn1::parse_single::<()>(v);
    } else if *id == oids::PRECERT_SIGNED_CERTIFICATE_TIMESTAMPS
        || *id == oids::SIGNED_CERTIFICATE_TIMESTAMPS
    {
        if let Ok(list) = asn1::parse_single::<&[u8]>(v) {
            scts(list);
        }
    } else if *id == oids::MS_CERTIFICATE_TEMPLATE {
        if let Ok(t) = asn1::parse_single::<ext::MsCertificateTemplate<'_>>(v) {
            let _ = t.template_id.to_string();
            let _ = t.major_version.map(|n| n.as_bytes().len());
            let _ = t.minor_version.map(|n| n.as_bytes().len());
        }
    } else if *id == oids::ADMISSIONS {
        if let Ok(a) = asn1::parse_single::<ext::Admissions<'_>>(v) {
            admissions(&a);
        }
    } else if *id == oids::CRL_NUMBER || *id == oids::DELTA_CRL_INDICATOR {
        let _ = asn1::parse_single::<asn1::BigUint<'_>>(v).map(|n| n.as_bytes().len());
    } else if *id == oids::ISSUING_DISTRIBUTION_POINT {
        if let Ok(idp) = asn1::parse_single::<ext::IssuingDistributionPoint<'_>>(v) {
            if let Some(p) = &idp.distribution_point {
                distribution_point_name(p);
            }
            if let Some(r) = &idp.only_some_reasons {
                bits(r);
            }
        }
    } else if *id == oids::CRL_REASON {
        let _ = asn1::parse_single::<asn1::Enumerated>(v).map(|r| r.value());
    } else if *id == oids::INVALIDITY_DATE {
        if let Ok(t) = asn1::parse_single::<asn1::X509GeneralizedTime>(v) {
            time(&Time::GeneralizedTime(t));
        }
    }
}

/// Every extension in order, and the duplicate check the bindings run first.
pub fn extensions(raw: Option<&RawExtensions<'_>>) {
    let _ = ext::collect(raw);
    for e in raw.cloned().into_iter().flatten() {
        extension(&e);
    }
}

/// What `signature_hash_algorithm` and `signature_algorithm_parameters` read.
pub fn algorithm(a: &AlgorithmIdentifier<'_>) {
    let _ = a.oid.to_string();
    let _ = signature::check_parameters(a);
    if let Some(signature::Scheme::RsaPss) = signature::scheme(&a.oid) {
        let _ = signature::pss_hash(a);
        if let Ok(p) = signature::pss_parameters(a) {
            let _ = (p.hash, p.mgf1_hash, p.salt_length);
        }
    }
}

/// What `public_key()` and `public_key_algorithm_oid` read.
pub fn spki(der: &[u8]) {
    let _ = asn1::parse_single::<oxicrypt_keys::spki::SubjectPublicKeyInfo<'_>>(der)
        .map(|s| s.algorithm.oid.to_string());
    let _ = oxicrypt_keys::spki::parse(der);
}

/// CSR attributes: every value, and the extension request read as extensions.
pub fn attributes(attributes: &asn1::SetOf<'_, Attribute<'_>>) {
    for attribute in attributes.clone() {
        let _ = attribute.type_id.to_string();
        let values: Vec<asn1::Tlv<'_>> = attribute.values.clone().collect();
        if let [value] = values.as_slice() {
            let _ = value.full_data();
            if attribute.type_id == oids::EXTENSION_REQUEST
                || attribute.type_id == oids::MS_EXTENSION_REQUEST
            {
                if let Ok(raw) = asn1::parse_single::<RawExtensions<'_>>(value.full_data()) {
                    extensions(Some(&raw));
                }
            }
        }
    }
}
