//! Extension values decoded into the classes of `oxicrypt.x509.extensions`, and the
//! `Extensions` collection built lazily for certificates, CSRs, CRLs and CRL entries.

use oxicrypt_x509::extensions::{
    self as ext, AccessDescriptions, Admissions, AuthorityKeyIdentifier, BasicConstraints,
    CertificatePolicies, DisplayText, DistributionPointName, DistributionPoints, Extension,
    IssuingDistributionPoint, MsCertificateTemplate, NameConstraints, NamingAuthority,
    PolicyConstraints, PrivateKeyUsagePeriod, RawExtensions, UserNotice,
};
use oxicrypt_x509::general_name::{GeneralName, GeneralNames, LenientIa5String};
use oxicrypt_x509::oids;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

use super::general_name::{general_name_object, general_names_list};
use super::name::rdn_object;
use super::py::{asn1_error, oid, unsigned_int, x509_attr, x509_class};
use super::sct::scts_list;

/// `x509.Extensions` for a raw extension list; a repeated OID raises `DuplicateExtension`.
pub fn extensions_object<'py>(
    py: Python<'py>,
    raw: Option<&RawExtensions<'_>>,
    decode: fn(Python<'py>, &Extension<'_>) -> PyResult<Option<Bound<'py, PyAny>>>,
) -> PyResult<Bound<'py, PyAny>> {
    let list = check_duplicates(py, raw)?;
    let extension_class = x509_class!(py, "Extension")?;
    let items = PyList::empty(py);
    for extension in &list {
        let value = match decode(py, extension)? {
            Some(value) => value,
            None => x509_class!(py, "UnrecognizedExtension")?.call1((
                oid(py, &extension.extn_id)?,
                PyBytes::new(py, extension.extn_value),
            ))?,
        };
        items.append(extension_class.call1((
            oid(py, &extension.extn_id)?,
            extension.critical,
            value,
        ))?)?;
    }
    x509_class!(py, "Extensions")?.call1((items,))
}

/// The extensions in order, or `DuplicateExtension` for an OID that appears twice.
pub fn check_duplicates<'a>(
    py: Python<'_>,
    raw: Option<&RawExtensions<'a>>,
) -> PyResult<Vec<Extension<'a>>> {
    ext::collect(raw).map_err(|dup| {
        let message = format!("Duplicate {} extension found", dup.0);
        match x509_attr(py, "DuplicateExtension")
            .and_then(|cls| cls.call1((message, oid(py, &dup.0)?)))
        {
            Ok(error) => PyErr::from_value(error),
            Err(e) => e,
        }
    })
}

fn parse<'a, T: asn1::Asn1Readable<'a>>(name: &str, extension: &Extension<'a>) -> PyResult<T> {
    asn1::parse_single::<T>(extension.extn_value).map_err(|e| asn1_error(name, e))
}

/// Certificate and CSR extensions. `None` for an OID oxicrypt does not decode.
pub fn decode_certificate_extension<'py>(
    py: Python<'py>,
    e: &Extension<'_>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let id = &e.extn_id;
    let value = if *id == oids::BASIC_CONSTRAINTS {
        let bc: BasicConstraints = parse("BasicConstraints", e)?;
        x509_class!(py, "BasicConstraints")?.call1((bc.ca, bc.path_length))?
    } else if *id == oids::SUBJECT_KEY_IDENTIFIER {
        let digest: &[u8] = parse("SubjectKeyIdentifier", e)?;
        x509_class!(py, "SubjectKeyIdentifier")?.call1((PyBytes::new(py, digest),))?
    } else if *id == oids::KEY_USAGE {
        let bits: asn1::BitString<'_> = parse("KeyUsage", e)?;
        key_usage(py, &bits)?
    } else if *id == oids::SUBJECT_ALTERNATIVE_NAME {
        let names: GeneralNames<'_> = parse("SubjectAlternativeName", e)?;
        x509_class!(py, "SubjectAlternativeName")?.call1((general_names_list(py, &names)?,))?
    } else if *id == oids::ISSUER_ALTERNATIVE_NAME {
        let names: GeneralNames<'_> = parse("IssuerAlternativeName", e)?;
        x509_class!(py, "IssuerAlternativeName")?.call1((general_names_list(py, &names)?,))?
    } else if *id == oids::EXTENDED_KEY_USAGE {
        // SEQUENCE SIZE (1..MAX) OF KeyPurposeId
        let usages: asn1::SequenceOf<'_, asn1::ObjectIdentifier, 1> = parse("ExtendedKeyUsage", e)?;
        x509_class!(py, "ExtendedKeyUsage")?.call1((oid_list(py, usages)?,))?
    } else if *id == oids::AUTHORITY_KEY_IDENTIFIER {
        let aki: AuthorityKeyIdentifier<'_> = parse("AuthorityKeyIdentifier", e)?;
        authority_key_identifier(py, &aki)?
    } else if *id == oids::AUTHORITY_INFORMATION_ACCESS {
        let access: AccessDescriptions<'_> = parse("AuthorityInformationAccess", e)?;
        x509_class!(py, "AuthorityInformationAccess")?.call1((access_descriptions(py, access)?,))?
    } else if *id == oids::SUBJECT_INFORMATION_ACCESS {
        let access: AccessDescriptions<'_> = parse("SubjectInformationAccess", e)?;
        x509_class!(py, "SubjectInformationAccess")?.call1((access_descriptions(py, access)?,))?
    } else if *id == oids::CRL_DISTRIBUTION_POINTS {
        let points: DistributionPoints<'_> = parse("CRLDistributionPoints", e)?;
        x509_class!(py, "CRLDistributionPoints")?.call1((distribution_points(py, points)?,))?
    } else if *id == oids::FRESHEST_CRL {
        let points: DistributionPoints<'_> = parse("FreshestCRL", e)?;
        x509_class!(py, "FreshestCRL")?.call1((distribution_points(py, points)?,))?
    } else if *id == oids::CERTIFICATE_POLICIES {
        let policies: CertificatePolicies<'_> = parse("CertificatePolicies", e)?;
        certificate_policies(py, policies)?
    } else if *id == oids::POLICY_CONSTRAINTS {
        let pc: PolicyConstraints = parse("PolicyConstraints", e)?;
        x509_class!(py, "PolicyConstraints")?
            .call1((pc.require_explicit_policy, pc.inhibit_policy_mapping))?
    } else if *id == oids::INHIBIT_ANY_POLICY {
        let skip: u64 = parse("InhibitAnyPolicy", e)?;
        x509_class!(py, "InhibitAnyPolicy")?.call1((skip,))?
    } else if *id == oids::NAME_CONSTRAINTS {
        let nc: NameConstraints<'_> = parse("NameConstraints", e)?;
        let subtrees =
            |trees: Option<ext::GeneralSubtrees<'_>>| -> PyResult<Option<Bound<'py, PyList>>> {
                trees
                    .map(|trees| {
                        let list = PyList::empty(py);
                        for tree in trees {
                            list.append(general_name_object(py, &tree.base)?)?;
                        }
                        Ok(list)
                    })
                    .transpose()
            };
        x509_class!(py, "NameConstraints")?.call1((
            subtrees(nc.permitted_subtrees)?,
            subtrees(nc.excluded_subtrees)?,
        ))?
    } else if *id == oids::PRIVATE_KEY_USAGE_PERIOD {
        let period: PrivateKeyUsagePeriod = parse("PrivateKeyUsagePeriod", e)?;
        let time = |t: Option<asn1::X509GeneralizedTime>| -> PyResult<Option<Bound<'py, PyAny>>> {
            t.map(|t| super::py::naive_datetime(py, t.as_datetime()))
                .transpose()
        };
        x509_class!(py, "PrivateKeyUsagePeriod")?
            .call1((time(period.not_before)?, time(period.not_after)?))?
    } else if *id == oids::TLS_FEATURE {
        let features: asn1::SequenceOf<'_, u64> = parse("TLSFeature", e)?;
        let feature_type = x509_class!(py, "TLSFeatureType")?;
        let list = PyList::empty(py);
        for feature in features {
            list.append(feature_type.call1((feature,))?)?;
        }
        x509_class!(py, "TLSFeature")?.call1((list,))?
    } else if *id == oids::OCSP_NO_CHECK {
        let _: () = parse("OCSPNoCheck", e)?;
        x509_class!(py, "OCSPNoCheck")?.call0()?
    } else if *id == oids::PRECERT_POISON {
        let _: () = parse("PrecertPoison", e)?;
        x509_class!(py, "PrecertPoison")?.call0()?
    } else if *id == oids::PRECERT_SIGNED_CERTIFICATE_TIMESTAMPS {
        let list: &[u8] = parse("PrecertificateSignedCertificateTimestamps", e)?;
        x509_class!(py, "PrecertificateSignedCertificateTimestamps")?.call1((scts_list(
            py,
            list,
            "PRE_CERTIFICATE",
        )?,))?
    } else if *id == oids::SIGNED_CERTIFICATE_TIMESTAMPS {
        let list: &[u8] = parse("SignedCertificateTimestamps", e)?;
        x509_class!(py, "SignedCertificateTimestamps")?.call1((scts_list(
            py,
            list,
            "X509_CERTIFICATE",
        )?,))?
    } else if *id == oids::MS_CERTIFICATE_TEMPLATE {
        let template: MsCertificateTemplate<'_> = parse("MSCertificateTemplate", e)?;
        let version = |v: Option<asn1::BigUint<'_>>| -> PyResult<Option<Bound<'py, PyAny>>> {
            v.map(|v| unsigned_int(py, v.as_bytes())).transpose()
        };
        x509_class!(py, "MSCertificateTemplate")?.call1((
            oid(py, &template.template_id)?,
            version(template.major_version)?,
            version(template.minor_version)?,
        ))?
    } else if *id == oids::ADMISSIONS {
        let admissions: Admissions<'_> = parse("Admissions", e)?;
        admissions_object(py, &admissions)?
    } else {
        // CRL and CRL-entry OIDs stay unrecognized in certificates and CSRs, as in the reference.
        return Ok(None);
    };
    Ok(Some(value))
}

/// CRL extensions (and the CRL-entry ones, which share no OID with them).
pub fn decode_crl_extension<'py>(
    py: Python<'py>,
    e: &Extension<'_>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let id = &e.extn_id;
    let value = if *id == oids::CRL_NUMBER {
        let n: asn1::BigUint<'_> = parse("CRLNumber", e)?;
        x509_class!(py, "CRLNumber")?.call1((unsigned_int(py, n.as_bytes())?,))?
    } else if *id == oids::DELTA_CRL_INDICATOR {
        let n: asn1::BigUint<'_> = parse("DeltaCRLIndicator", e)?;
        x509_class!(py, "DeltaCRLIndicator")?.call1((unsigned_int(py, n.as_bytes())?,))?
    } else if *id == oids::ISSUING_DISTRIBUTION_POINT {
        let idp: IssuingDistributionPoint<'_> = parse("IssuingDistributionPoint", e)?;
        let (full_name, relative_name) = point_name(py, idp.distribution_point)?;
        x509_class!(py, "IssuingDistributionPoint")?.call1((
            full_name,
            relative_name,
            idp.only_contains_user_certs,
            idp.only_contains_ca_certs,
            reasons(py, idp.only_some_reasons.as_ref())?,
            idp.indirect_crl,
            idp.only_contains_attribute_certs,
        ))?
    } else if *id == oids::AUTHORITY_KEY_IDENTIFIER {
        let aki: AuthorityKeyIdentifier<'_> = parse("AuthorityKeyIdentifier", e)?;
        authority_key_identifier(py, &aki)?
    } else if *id == oids::ISSUER_ALTERNATIVE_NAME {
        let names: GeneralNames<'_> = parse("IssuerAlternativeName", e)?;
        x509_class!(py, "IssuerAlternativeName")?.call1((general_names_list(py, &names)?,))?
    } else if *id == oids::AUTHORITY_INFORMATION_ACCESS {
        let access: AccessDescriptions<'_> = parse("AuthorityInformationAccess", e)?;
        x509_class!(py, "AuthorityInformationAccess")?.call1((access_descriptions(py, access)?,))?
    } else if *id == oids::FRESHEST_CRL {
        let points: DistributionPoints<'_> = parse("FreshestCRL", e)?;
        x509_class!(py, "FreshestCRL")?.call1((distribution_points(py, points)?,))?
    } else {
        // CRL-entry and OCSP OIDs stay unrecognized at the CRL level, as in the reference.
        return Ok(None);
    };
    Ok(Some(value))
}

/// CRL entry extensions (RFC 5280, section 5.3).
pub fn decode_crl_entry_extension<'py>(
    py: Python<'py>,
    e: &Extension<'_>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let id = &e.extn_id;
    let value = if *id == oids::CRL_REASON {
        let reason: asn1::Enumerated = parse("CRLReason", e)?;
        x509_class!(py, "CRLReason")?.call1((reason_flag(py, reason.value())?,))?
    } else if *id == oids::INVALIDITY_DATE {
        let date: asn1::X509GeneralizedTime = parse("InvalidityDate", e)?;
        x509_class!(py, "InvalidityDate")?
            .call1((super::py::naive_datetime(py, date.as_datetime())?,))?
    } else if *id == oids::CERTIFICATE_ISSUER {
        let names: GeneralNames<'_> = parse("CertificateIssuer", e)?;
        x509_class!(py, "CertificateIssuer")?.call1((general_names_list(py, &names)?,))?
    } else if *id == oids::OCSP_NONCE {
        let nonce: &[u8] = parse("OCSPNonce", e)?;
        x509_class!(py, "OCSPNonce")?.call1((PyBytes::new(py, nonce),))?
    } else if *id == oids::OCSP_ACCEPTABLE_RESPONSES {
        let oids: asn1::SequenceOf<'_, asn1::ObjectIdentifier> =
            parse("OCSPAcceptableResponses", e)?;
        x509_class!(py, "OCSPAcceptableResponses")?.call1((oid_list(py, oids)?,))?
    } else {
        return Ok(None);
    };
    Ok(Some(value))
}

fn oid_list<'py, const MIN: usize>(
    py: Python<'py>,
    oids: asn1::SequenceOf<'_, asn1::ObjectIdentifier, MIN>,
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for o in oids {
        list.append(oid(py, &o)?)?;
    }
    Ok(list)
}

fn bit(bits: &asn1::BitString<'_>, n: usize) -> bool {
    bits.has_bit_set(n)
}

fn key_usage<'py>(py: Python<'py>, bits: &asn1::BitString<'_>) -> PyResult<Bound<'py, PyAny>> {
    x509_class!(py, "KeyUsage")?.call1((
        bit(bits, 0),
        bit(bits, 1),
        bit(bits, 2),
        bit(bits, 3),
        bit(bits, 4),
        bit(bits, 5),
        bit(bits, 6),
        bit(bits, 7),
        bit(bits, 8),
    ))
}

fn authority_key_identifier<'py>(
    py: Python<'py>,
    aki: &AuthorityKeyIdentifier<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    let key_identifier = aki.key_identifier.map(|k| PyBytes::new(py, k));
    let issuer = aki
        .authority_cert_issuer
        .as_ref()
        .map(|names| general_names_list(py, names))
        .transpose()?;
    let serial = aki
        .authority_cert_serial_number
        .as_ref()
        .map(|n| super::py::signed_int(py, n.as_bytes()))
        .transpose()?;
    x509_class!(py, "AuthorityKeyIdentifier")?.call1((key_identifier, issuer, serial))
}

fn access_descriptions<'py>(
    py: Python<'py>,
    access: AccessDescriptions<'_>,
) -> PyResult<Bound<'py, PyList>> {
    let description = x509_class!(py, "AccessDescription")?;
    let list = PyList::empty(py);
    for item in access {
        list.append(description.call1((
            oid(py, &item.access_method)?,
            general_name_object(py, &item.access_location)?,
        ))?)?;
    }
    Ok(list)
}

/// ReasonFlags members named by bit position in a ReasonFlags BIT STRING (bit 0,
/// "unused", has no member).
const REASON_BITS: [(usize, &str); 8] = [
    (1, "key_compromise"),
    (2, "ca_compromise"),
    (3, "affiliation_changed"),
    (4, "superseded"),
    (5, "cessation_of_operation"),
    (6, "certificate_hold"),
    (7, "privilege_withdrawn"),
    (8, "aa_compromise"),
];

fn reasons<'py>(
    py: Python<'py>,
    bits: Option<&asn1::BitString<'_>>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let Some(bits) = bits else {
        return Ok(None);
    };
    let flags = x509_class!(py, "ReasonFlags")?;
    let mut members = Vec::new();
    for (n, member) in REASON_BITS {
        if bits.has_bit_set(n) {
            members.push(flags.getattr(member)?);
        }
    }
    Ok(Some(
        pyo3::types::PyFrozenSet::new(py, &members)?.into_any(),
    ))
}

/// CRLReason codes (RFC 5280, section 5.3.1) to `ReasonFlags` members; 7 is unused.
fn reason_flag<'py>(py: Python<'py>, code: u32) -> PyResult<Bound<'py, PyAny>> {
    let member = match code {
        0 => "unspecified",
        1 => "key_compromise",
        2 => "ca_compromise",
        3 => "affiliation_changed",
        4 => "superseded",
        5 => "cessation_of_operation",
        6 => "certificate_hold",
        8 => "remove_from_crl",
        9 => "privilege_withdrawn",
        10 => "aa_compromise",
        _ => {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "Unsupported reason code: {code}"
            )))
        }
    };
    x509_class!(py, "ReasonFlags")?.getattr(member)
}

/// (full_name, relative_name) of an optional DistributionPointName.
type PointName<'py> = (Option<Bound<'py, PyList>>, Option<Bound<'py, PyAny>>);

fn point_name<'py>(
    py: Python<'py>,
    name: Option<DistributionPointName<'_>>,
) -> PyResult<PointName<'py>> {
    Ok(match name {
        None => (None, None),
        Some(DistributionPointName::FullName(names)) => {
            (Some(general_names_list(py, &names)?), None)
        }
        Some(DistributionPointName::RelativeName(rdn)) => (None, Some(rdn_object(py, rdn)?)),
    })
}

fn distribution_points<'py>(
    py: Python<'py>,
    points: DistributionPoints<'_>,
) -> PyResult<Bound<'py, PyList>> {
    let point_class = x509_class!(py, "DistributionPoint")?;
    let list = PyList::empty(py);
    for point in points {
        let (full_name, relative_name) = point_name(py, point.distribution_point)?;
        let crl_issuer = point
            .crl_issuer
            .as_ref()
            .map(|names| general_names_list(py, names))
            .transpose()?;
        list.append(point_class.call1((
            full_name,
            relative_name,
            reasons(py, point.reasons.as_ref())?,
            crl_issuer,
        ))?)?;
    }
    Ok(list)
}

const CPS_QUALIFIER: asn1::ObjectIdentifier = asn1::oid!(1, 3, 6, 1, 5, 5, 7, 2, 1);
const USER_NOTICE_QUALIFIER: asn1::ObjectIdentifier = asn1::oid!(1, 3, 6, 1, 5, 5, 7, 2, 2);

fn certificate_policies<'py>(
    py: Python<'py>,
    policies: CertificatePolicies<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    let information = x509_class!(py, "PolicyInformation")?;
    let list = PyList::empty(py);
    for policy in policies {
        let qualifiers = match policy.policy_qualifiers {
            None => None,
            Some(qualifiers) => {
                let out = PyList::empty(py);
                for q in qualifiers {
                    out.append(policy_qualifier(py, &q)?)?;
                }
                Some(out)
            }
        };
        list.append(information.call1((oid(py, &policy.policy_identifier)?, qualifiers))?)?;
    }
    x509_class!(py, "CertificatePolicies")?.call1((list,))
}

fn policy_qualifier<'py>(
    py: Python<'py>,
    q: &ext::PolicyQualifierInfo<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    let raw = q.qualifier.full_data();
    if q.policy_qualifier_id == CPS_QUALIFIER {
        let uri = asn1::parse_single::<LenientIa5String<'_>>(raw)
            .map_err(|e| asn1_error("CertificatePolicies CPS qualifier", e))?;
        return Ok(uri.0.into_pyobject(py)?.into_any());
    }
    if q.policy_qualifier_id == USER_NOTICE_QUALIFIER {
        let notice = asn1::parse_single::<UserNotice<'_>>(raw)
            .map_err(|e| asn1_error("CertificatePolicies user notice", e))?;
        let organization = notice.notice_ref.as_ref().map(|r| &r.organization);
        if [organization, notice.explicit_text.as_ref()]
            .into_iter()
            .flatten()
            .any(DisplayText::is_invalid_visible_string)
        {
            super::py::deprecation_warning(
                py,
                c"Invalid ASN.1 (UTF-8 characters in a VisibleString) in the explicit text \
                  and/or notice reference of the certificate policies extension. In a future \
                  version of oxicrypt, an exception will be raised.",
                1,
            )?;
        }
        let reference = match notice.notice_ref {
            None => None,
            Some(r) => {
                let numbers = PyList::empty(py);
                for n in r.notice_numbers {
                    numbers.append(unsigned_int(py, n.as_bytes())?)?;
                }
                Some(x509_class!(py, "NoticeReference")?.call1((r.organization.text(), numbers))?)
            }
        };
        let text = notice.explicit_text.map(|t| t.text());
        return x509_class!(py, "UserNotice")?.call1((reference, text));
    }
    Err(pyo3::exceptions::PyValueError::new_err(format!(
        "unknown policy qualifier {}",
        q.policy_qualifier_id
    )))
}

fn display_text(text: Option<&DisplayText<'_>>) -> Option<String> {
    text.map(DisplayText::text)
}

fn naming_authority<'py>(
    py: Python<'py>,
    authority: Option<&NamingAuthority<'_>>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    authority
        .map(|a| {
            let id = a.id.as_ref().map(|o| oid(py, o)).transpose()?;
            x509_class!(py, "NamingAuthority")?.call1((
                id,
                a.url.map(|u| u.0.to_owned()),
                display_text(a.text.as_ref()),
            ))
        })
        .transpose()
}

fn optional_general_name<'py>(
    py: Python<'py>,
    name: Option<&GeneralName<'_>>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    name.map(|n| general_name_object(py, n)).transpose()
}

fn admissions_object<'py>(
    py: Python<'py>,
    admissions: &Admissions<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    let admission_class = x509_class!(py, "Admission")?;
    let info_class = x509_class!(py, "ProfessionInfo")?;
    let list = PyList::empty(py);
    for admission in admissions.contents_of_admissions.clone() {
        let infos = PyList::empty(py);
        for info in admission.profession_infos {
            let items: Vec<String> = info.profession_items.map(|t| t.text()).collect();
            let oids = info.profession_oids.map(|o| oid_list(py, o)).transpose()?;
            infos.append(info_class.call1((
                naming_authority(py, info.naming_authority.as_ref())?,
                items,
                oids,
                info.registration_number.map(|r| r.as_str().to_owned()),
                info.add_profession_info.map(|b| PyBytes::new(py, b)),
            ))?)?;
        }
        list.append(admission_class.call1((
            optional_general_name(py, admission.admission_authority.as_ref())?,
            naming_authority(py, admission.naming_authority.as_ref())?,
            infos,
        ))?)?;
    }
    x509_class!(py, "Admissions")?.call1((
        optional_general_name(py, admissions.admission_authority.as_ref())?,
        list,
    ))
}
