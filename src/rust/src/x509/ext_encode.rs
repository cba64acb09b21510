//! `encode_extension_value`: the DER of an extension value object of `oxicrypt.x509`, for
//! `ExtensionType.public_bytes()` and the builders. The object's public attributes are read
//! and written with the DER helpers of oxicrypt-x509, dispatching on the extension's OID.

use oxicrypt_x509::der::{self, explicit, implicit, seq};
use oxicrypt_x509::{oids, sct};
use pyo3::exceptions::{PyNotImplementedError, PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use super::encode::{name_der, oid_of, rdn_to_encode};
use super::py::{parse_error, x509_class};

type Der = Vec<u8>;

// Universal tags of the string types written here.
const UTF8_STRING: u8 = 0x0c;
const PRINTABLE_STRING: u8 = 0x13;
const IA5_STRING: u8 = 0x16;

// Policy qualifier types (RFC 5280, section 4.2.1.4).
const CPS_QUALIFIER: asn1::ObjectIdentifier = asn1::oid!(1, 3, 6, 1, 5, 5, 7, 2, 1);
const USER_NOTICE_QUALIFIER: asn1::ObjectIdentifier = asn1::oid!(1, 3, 6, 1, 5, 5, 7, 2, 2);

#[pyfunction]
pub fn encode_extension_value<'py>(
    py: Python<'py>,
    ext: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    Ok(PyBytes::new(py, &extension_value(ext)?))
}

pub fn extension_value(ext: &Bound<'_, PyAny>) -> PyResult<Der> {
    let py = ext.py();
    // UnrecognizedExtension (and subclasses, whatever OID they carry) holds its DER as it
    // is. Its MRO is scanned by pointer: isinstance against an ABC costs more than most
    // encodings.
    let unrecognized = x509_class!(py, "UnrecognizedExtension")?;
    let ty = ext.get_type();
    if ty.is(unrecognized) || ty.mro().iter().any(|class| class.is(unrecognized)) {
        return bytes_attr(ext, intern!(ext.py(), "value"));
    }
    let oid = oid_of(&ext.getattr(intern!(ext.py(), "oid"))?, "oid")?;
    Ok(match oid {
        o if o == oids::SUBJECT_KEY_IDENTIFIER => {
            der::octet_string(&bytes_attr(ext, intern!(ext.py(), "digest"))?)
        }
        o if o == oids::AUTHORITY_KEY_IDENTIFIER => authority_key_identifier(ext)?,
        o if o == oids::BASIC_CONSTRAINTS => basic_constraints(ext)?,
        o if o == oids::KEY_USAGE => key_usage(ext)?,
        o if o == oids::EXTENDED_KEY_USAGE || o == oids::OCSP_ACCEPTABLE_RESPONSES => {
            let mut items = Vec::new();
            for item in ext.try_iter()? {
                items.push(der::oid(&oid_of(&item?, "usage")?));
            }
            seq(&items)
        }
        o if o == oids::SUBJECT_ALTERNATIVE_NAME
            || o == oids::ISSUER_ALTERNATIVE_NAME
            || o == oids::CERTIFICATE_ISSUER =>
        {
            general_names(ext)?
        }
        o if o == oids::CRL_NUMBER || o == oids::DELTA_CRL_INDICATOR => {
            unsigned(&ext.getattr(intern!(ext.py(), "crl_number"))?)?
        }
        o if o == oids::INHIBIT_ANY_POLICY => {
            unsigned(&ext.getattr(intern!(ext.py(), "skip_certs"))?)?
        }
        o if o == oids::TLS_FEATURE => {
            let mut items = Vec::new();
            for item in ext.try_iter()? {
                items.push(integer(&item?.getattr("value")?)?);
            }
            seq(&items)
        }
        o if o == oids::OCSP_NO_CHECK || o == oids::PRECERT_POISON => der::null(),
        o if o == oids::OCSP_NONCE => {
            der::octet_string(&bytes_attr(ext, intern!(ext.py(), "nonce"))?)
        }
        o if o == oids::POLICY_CONSTRAINTS => seq(&[
            optional_implicit_int(ext, intern!(ext.py(), "require_explicit_policy"), 0)?,
            optional_implicit_int(ext, intern!(ext.py(), "inhibit_policy_mapping"), 1)?,
        ]),
        o if o == oids::PRIVATE_KEY_USAGE_PERIOD => {
            let mut parts = Vec::new();
            for (number, attr) in [(0, "not_before"), (1, "not_after")] {
                let value = ext.getattr(attr)?;
                if !value.is_none() {
                    parts.push(implicit(number, &generalized_time(&value)?));
                }
            }
            seq(&parts)
        }
        o if o == oids::CRL_DISTRIBUTION_POINTS || o == oids::FRESHEST_CRL => {
            let mut points = Vec::new();
            for point in ext.try_iter()? {
                points.push(distribution_point(&point?)?);
            }
            seq(&points)
        }
        o if o == oids::ISSUING_DISTRIBUTION_POINT => issuing_distribution_point(ext)?,
        o if o == oids::AUTHORITY_INFORMATION_ACCESS || o == oids::SUBJECT_INFORMATION_ACCESS => {
            let mut items = Vec::new();
            for item in ext.try_iter()? {
                let item = item?;
                items.push(seq(&[
                    der::oid(&oid_of(
                        &item.getattr(intern!(item.py(), "access_method"))?,
                        "access_method",
                    )?),
                    general_name(&item.getattr(intern!(item.py(), "access_location"))?)?,
                ]));
            }
            seq(&items)
        }
        o if o == oids::CERTIFICATE_POLICIES => certificate_policies(ext)?,
        o if o == oids::NAME_CONSTRAINTS => seq(&[
            optional_subtrees(ext, intern!(ext.py(), "permitted_subtrees"), 0)?,
            optional_subtrees(ext, intern!(ext.py(), "excluded_subtrees"), 1)?,
        ]),
        o if o == oids::CRL_REASON => der::enumerated(reason_code(
            &ext.getattr(intern!(ext.py(), "reason"))?.getattr("value")?,
        )?),
        o if o == oids::INVALIDITY_DATE => {
            generalized_time(&ext.getattr(intern!(ext.py(), "invalidity_date"))?)?
        }
        o if o == oids::PRECERT_SIGNED_CERTIFICATE_TIMESTAMPS
            || o == oids::SIGNED_CERTIFICATE_TIMESTAMPS =>
        {
            let mut scts = Vec::new();
            for item in ext.try_iter()? {
                scts.push(sct_bytes(&item?)?);
            }
            der::octet_string(&sct::encode_list(&scts))
        }
        o if o == oids::MS_CERTIFICATE_TEMPLATE => seq(&[
            der::oid(&oid_of(
                &ext.getattr(intern!(ext.py(), "template_id"))?,
                "template_id",
            )?),
            optional_u32(&ext.getattr(intern!(ext.py(), "major_version"))?)?,
            optional_u32(&ext.getattr(intern!(ext.py(), "minor_version"))?)?,
        ]),
        o if o == oids::ADMISSIONS => admissions(ext)?,
        _ => {
            return Err(PyNotImplementedError::new_err(format!(
                "public_bytes is not implemented for extension type {}",
                ext.repr()?
            )))
        }
    })
}

fn bytes_attr(obj: &Bound<'_, PyAny>, name: &Bound<'_, PyString>) -> PyResult<Der> {
    let value = obj.getattr(name)?;
    let bytes = value
        .cast::<PyBytes>()
        .map_err(|_| PyTypeError::new_err(format!("{name} must be bytes")))?;
    Ok(bytes.as_bytes().to_vec())
}

fn text(value: &Bound<'_, PyAny>, name: &str) -> PyResult<String> {
    value
        .extract()
        .map_err(|_| PyTypeError::new_err(format!("{name} must be a string")))
}

/// A Python int as a DER INTEGER (negative values included).
fn integer(value: &Bound<'_, PyAny>) -> PyResult<Der> {
    Ok(der::integer(&int_bytes(value)?))
}

/// A Python int as big-endian two's complement bytes (not minimal: `der::integer` trims).
pub fn int_bytes(value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    // Most serial numbers either fit in an i64 or are positive (random ones are 159 bits):
    // both avoid building the `signed=True` keyword dictionary.
    if let Ok(small) = value.extract::<i64>() {
        return Ok(small.to_be_bytes().to_vec());
    }
    let py = value.py();
    let bits: usize = value.call_method0(intern!(py, "bit_length"))?.extract()?;
    if value.gt(0)? {
        // One spare bit for the sign: the top byte is 0x00 when the top bit would be set.
        return value
            .call_method1(intern!(py, "to_bytes"), (bits / 8 + 1, intern!(py, "big")))?
            .extract();
    }
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item(intern!(py, "signed"), true)?;
    value
        .call_method(
            intern!(py, "to_bytes"),
            (bits / 8 + 1, intern!(py, "big")),
            Some(&kwargs),
        )?
        .extract()
}

/// A non-negative Python int as a DER INTEGER, refused when negative as the reference does.
fn unsigned(value: &Bound<'_, PyAny>) -> PyResult<Der> {
    if value.lt(0)? {
        return Err(PyValueError::new_err("Negative integers are not supported"));
    }
    integer(value)
}

// Fields the reference holds in fixed-width integers: the same range, and the same
// OverflowError (from the same int conversion) outside it.
fn optional_u32(value: &Bound<'_, PyAny>) -> PyResult<Der> {
    if value.is_none() {
        Ok(Vec::new())
    } else {
        Ok(der::uint(u64::from(value.extract::<u32>()?)))
    }
}

fn optional_implicit_int(
    obj: &Bound<'_, PyAny>,
    name: &Bound<'_, PyString>,
    number: u8,
) -> PyResult<Der> {
    let value = obj.getattr(name)?;
    if value.is_none() {
        Ok(Vec::new())
    } else {
        Ok(implicit(number, &der::uint(value.extract::<u64>()?)))
    }
}

/// A datetime as GeneralizedTime: aware values are converted to UTC, naive ones are
/// taken as UTC; fractions of a second are dropped.
fn generalized_time(value: &Bound<'_, PyAny>) -> PyResult<Der> {
    der::generalized_time(date_time(value)?).map_err(parse_error)
}

pub fn date_time(value: &Bound<'_, PyAny>) -> PyResult<asn1::DateTime> {
    let py = value.py();
    let value = if value.getattr(intern!(py, "tzinfo"))?.is_none() {
        value.clone()
    } else {
        let utc = py
            .import(intern!(py, "datetime"))?
            .getattr(intern!(py, "timezone"))?
            .getattr(intern!(py, "utc"))?;
        value.call_method1("astimezone", (utc,))?
    };
    let small = |name: &Bound<'_, PyString>| -> PyResult<u8> { value.getattr(name)?.extract() };
    asn1::DateTime::new(
        value.getattr(intern!(py, "year"))?.extract()?,
        small(intern!(py, "month"))?,
        small(intern!(py, "day"))?,
        small(intern!(py, "hour"))?,
        small(intern!(py, "minute"))?,
        small(intern!(py, "second"))?,
    )
    .map_err(|_| PyValueError::new_err("datetime out of range for ASN.1"))
}

/// `private` when `ext` is exactly `class`, whose constructor set the attributes behind
/// its properties; else `public`, since a subclass may override the properties and an
/// object of another class may have only them.
fn field_names<'py, const N: usize>(
    ext: &Bound<'py, PyAny>,
    class: &Bound<'py, PyAny>,
    private: [&Bound<'py, PyString>; N],
    public: [&Bound<'py, PyString>; N],
) -> [Bound<'py, PyString>; N] {
    let names = if ext.get_type().is(class) {
        private
    } else {
        public
    };
    names.map(|name| name.clone())
}

fn basic_constraints(ext: &Bound<'_, PyAny>) -> PyResult<Der> {
    let py = ext.py();
    let [ca, path_length] = field_names(
        ext,
        x509_class!(py, "BasicConstraints")?,
        [intern!(py, "_ca"), intern!(py, "_path_length")],
        [intern!(py, "ca"), intern!(py, "path_length")],
    );
    let mut parts = Vec::new();
    // DEFAULT FALSE: written only when true (X.690, 11.5).
    if ext.getattr(ca)?.is_truthy()? {
        parts.push(der::boolean(true));
    }
    let path_length = ext.getattr(path_length)?;
    if !path_length.is_none() {
        let value: u64 = path_length.extract().map_err(|_| {
            PyTypeError::new_err("failed to extract field PyBasicConstraints.path_length")
        })?;
        parts.push(der::uint(value));
    }
    Ok(seq(&parts))
}

// KeyUsage and BasicConstraints, in every CA's certificates, are read through the private
// attributes behind their properties when they are exactly those classes: a property call
// costs more than the rest of the encoding.
fn key_usage(ext: &Bound<'_, PyAny>) -> PyResult<Der> {
    let py = ext.py();
    // In bit order (RFC 5280, 4.2.1.3).
    let names = field_names(
        ext,
        x509_class!(py, "KeyUsage")?,
        [
            intern!(py, "_digital_signature"),
            intern!(py, "_content_commitment"),
            intern!(py, "_key_encipherment"),
            intern!(py, "_data_encipherment"),
            intern!(py, "_key_agreement"),
            intern!(py, "_key_cert_sign"),
            intern!(py, "_crl_sign"),
            intern!(py, "_encipher_only"),
            intern!(py, "_decipher_only"),
        ],
        [
            intern!(py, "digital_signature"),
            intern!(py, "content_commitment"),
            intern!(py, "key_encipherment"),
            intern!(py, "data_encipherment"),
            intern!(py, "key_agreement"),
            intern!(py, "key_cert_sign"),
            intern!(py, "crl_sign"),
            intern!(py, "encipher_only"),
            intern!(py, "decipher_only"),
        ],
    );
    let mut bits = Vec::new();
    let mut key_agreement = false;
    for (bit, name) in names.iter().enumerate() {
        // encipherOnly and decipherOnly (bits 7, 8) mean something, and can be read, only
        // with keyAgreement (bit 4).
        if bit >= 7 && !key_agreement {
            break;
        }
        if ext.getattr(name)?.is_truthy()? {
            bits.push(bit);
            key_agreement |= bit == 4;
        }
    }
    Ok(der::named_bits(&bits))
}

fn authority_key_identifier(ext: &Bound<'_, PyAny>) -> PyResult<Der> {
    let mut parts = Vec::new();
    let key_id = ext.getattr(intern!(ext.py(), "key_identifier"))?;
    if !key_id.is_none() {
        parts.push(implicit(
            0,
            &der::octet_string(&bytes_attr(ext, intern!(ext.py(), "key_identifier"))?),
        ));
    }
    let issuer = ext.getattr(intern!(ext.py(), "authority_cert_issuer"))?;
    if !issuer.is_none() {
        parts.push(implicit(1, &general_names(&issuer)?));
    }
    let serial = ext.getattr(intern!(ext.py(), "authority_cert_serial_number"))?;
    if !serial.is_none() {
        parts.push(implicit(2, &unsigned(&serial)?));
    }
    Ok(seq(&parts))
}

/// GeneralNames: a SEQUENCE of GeneralName from any iterable.
pub fn general_names(names: &Bound<'_, PyAny>) -> PyResult<Der> {
    let mut items = Vec::new();
    for name in names.try_iter()? {
        items.push(general_name(&name?)?);
    }
    Ok(seq(&items))
}

/// One GeneralName (RFC 5280, section 4.2.1.6).
pub fn general_name(name: &Bound<'_, PyAny>) -> PyResult<Der> {
    let py = name.py();
    let value = name.getattr(intern!(name.py(), "value"))?;
    // Exact types first (cheap pointer compares), isinstance for subclasses after.
    let classes = [
        x509_class!(py, "DNSName")?,
        x509_class!(py, "RFC822Name")?,
        x509_class!(py, "UniformResourceIdentifier")?,
        x509_class!(py, "DirectoryName")?,
        x509_class!(py, "RegisteredID")?,
        x509_class!(py, "IPAddress")?,
        x509_class!(py, "OtherName")?,
    ];
    let ty = name.get_type();
    let mut kind = classes.iter().position(|class| ty.is(*class));
    if kind.is_none() {
        for (i, class) in classes.iter().enumerate() {
            if name.is_instance(class)? {
                kind = Some(i);
                break;
            }
        }
    }
    if kind == Some(0) {
        Ok(implicit(
            2,
            &der::string(IA5_STRING, &text(&value, "value")?),
        ))
    } else if kind == Some(1) {
        Ok(implicit(
            1,
            &der::string(IA5_STRING, &text(&value, "value")?),
        ))
    } else if kind == Some(2) {
        Ok(implicit(
            6,
            &der::string(IA5_STRING, &text(&value, "value")?),
        ))
    } else if kind == Some(3) {
        Ok(explicit(4, &name_der(&value)?))
    } else if kind == Some(4) {
        Ok(implicit(8, &der::oid(&oid_of(&value, "value")?)))
    } else if kind == Some(5) {
        Ok(implicit(7, &der::octet_string(&ip_bytes(&value)?)))
    } else if kind == Some(6) {
        let type_id = der::oid(&oid_of(
            &name.getattr(intern!(name.py(), "type_id"))?,
            "type_id",
        )?);
        // The value is DER already: it goes in as it is.
        Ok(implicit(
            0,
            &seq(&[
                type_id,
                explicit(0, &bytes_attr(name, intern!(name.py(), "value"))?),
            ]),
        ))
    } else {
        Err(PyTypeError::new_err(format!(
            "Unsupported GeneralName type: {}",
            name.get_type().name()?
        )))
    }
}

/// An address is its packed bytes; a network (name constraints) is the address followed
/// by the netmask.
fn ip_bytes(value: &Bound<'_, PyAny>) -> PyResult<Der> {
    if value.hasattr("network_address")? {
        let mut out: Vec<u8> = value
            .getattr("network_address")?
            .getattr("packed")?
            .extract()?;
        let mask: Vec<u8> = value
            .getattr(intern!(value.py(), "netmask"))?
            .getattr("packed")?
            .extract()?;
        out.extend_from_slice(&mask);
        Ok(out)
    } else {
        value.getattr(intern!(value.py(), "packed"))?.extract()
    }
}

fn optional_subtrees(
    ext: &Bound<'_, PyAny>,
    name: &Bound<'_, PyString>,
    number: u8,
) -> PyResult<Der> {
    let trees = ext.getattr(name)?;
    if trees.is_none() {
        return Ok(Vec::new());
    }
    let mut items = Vec::new();
    for tree in trees.try_iter()? {
        // GeneralSubtree: minimum DEFAULT 0 and no maximum, as RFC 5280 requires.
        items.push(seq(&[general_name(&tree?)?]));
    }
    Ok(implicit(number, &seq(&items)))
}

/// DistributionPointName inside its `[tag] EXPLICIT` wrapper, or nothing.
fn distribution_point_name(point: &Bound<'_, PyAny>) -> PyResult<Der> {
    let full_name = point.getattr(intern!(point.py(), "full_name"))?;
    let relative_name = point.getattr(intern!(point.py(), "relative_name"))?;
    let name = if !full_name.is_none() {
        implicit(0, &general_names(&full_name)?)
    } else if !relative_name.is_none() {
        let rdn = oxicrypt_x509::name::encode_rdn(&rdn_to_encode(&relative_name)?)
            .map_err(parse_error)?;
        implicit(1, &rdn)
    } else {
        return Ok(Vec::new());
    };
    Ok(explicit(0, &name))
}

fn distribution_point(point: &Bound<'_, PyAny>) -> PyResult<Der> {
    let mut parts = vec![distribution_point_name(point)?];
    let reasons = point.getattr(intern!(point.py(), "reasons"))?;
    if !reasons.is_none() {
        parts.push(implicit(1, &reason_bits(&reasons)?));
    }
    let issuer = point.getattr(intern!(point.py(), "crl_issuer"))?;
    if !issuer.is_none() {
        parts.push(implicit(2, &general_names(&issuer)?));
    }
    Ok(seq(&parts))
}

/// ReasonFlags BIT STRING (RFC 5280, section 4.2.1.13) from a set of `x509.ReasonFlags`.
fn reason_bits(reasons: &Bound<'_, PyAny>) -> PyResult<Der> {
    let mut bits = Vec::new();
    for reason in reasons.try_iter()? {
        let value: String = reason?.getattr("value")?.extract()?;
        let bit = match value.as_str() {
            "keyCompromise" => 1,
            "cACompromise" => 2,
            "affiliationChanged" => 3,
            "superseded" => 4,
            "cessationOfOperation" => 5,
            "certificateHold" => 6,
            "privilegeWithdrawn" => 7,
            "aACompromise" => 8,
            _ => {
                return Err(PyValueError::new_err(format!(
                    "{value} is not a reason bit"
                )))
            }
        };
        bits.push(bit);
    }
    Ok(der::named_bits(&bits))
}

/// CRLReason ENUMERATED values (RFC 5280, section 5.3.1).
fn reason_code(value: &Bound<'_, PyAny>) -> PyResult<u8> {
    let value: String = value.extract()?;
    Ok(match value.as_str() {
        "unspecified" => 0,
        "keyCompromise" => 1,
        "cACompromise" => 2,
        "affiliationChanged" => 3,
        "superseded" => 4,
        "cessationOfOperation" => 5,
        "certificateHold" => 6,
        "removeFromCRL" => 8,
        "privilegeWithdrawn" => 9,
        "aACompromise" => 10,
        _ => {
            return Err(PyValueError::new_err(format!(
                "{value} is not a CRL reason"
            )))
        }
    })
}

fn issuing_distribution_point(ext: &Bound<'_, PyAny>) -> PyResult<Der> {
    let mut parts = vec![distribution_point_name(ext)?];
    // BOOLEAN DEFAULT FALSE fields appear only when true.
    let flag = |name: &str, number: u8| -> PyResult<Der> {
        Ok(if ext.getattr(name)?.is_truthy()? {
            implicit(number, &der::boolean(true))
        } else {
            Vec::new()
        })
    };
    parts.push(flag("only_contains_user_certs", 1)?);
    parts.push(flag("only_contains_ca_certs", 2)?);
    let reasons = ext.getattr(intern!(ext.py(), "only_some_reasons"))?;
    if !reasons.is_none() {
        parts.push(implicit(3, &reason_bits(&reasons)?));
    }
    parts.push(flag("indirect_crl", 4)?);
    parts.push(flag("only_contains_attribute_certs", 5)?);
    Ok(seq(&parts))
}

fn ia5(text: &str, message: &str) -> PyResult<Der> {
    if !text.is_ascii() {
        return Err(PyValueError::new_err(message.to_owned()));
    }
    Ok(der::string(IA5_STRING, text))
}

fn certificate_policies(ext: &Bound<'_, PyAny>) -> PyResult<Der> {
    let py = ext.py();
    let mut policies = Vec::new();
    for policy in ext.try_iter()? {
        let policy = policy?;
        let mut parts = vec![der::oid(&oid_of(
            &policy.getattr(intern!(policy.py(), "policy_identifier"))?,
            "policy_identifier",
        )?)];
        let qualifiers = policy.getattr(intern!(policy.py(), "policy_qualifiers"))?;
        // An empty list is left out like None (SIZE (1..MAX) forbids an empty one).
        if !qualifiers.is_none() && qualifiers.len()? > 0 {
            let mut items = Vec::new();
            for qualifier in qualifiers.try_iter()? {
                let qualifier = qualifier?;
                if let Ok(text) = qualifier.extract::<String>() {
                    items.push(seq(&[
                        der::oid(&CPS_QUALIFIER),
                        ia5(&text, "Qualifier must be an ASCII-string.")?,
                    ]));
                } else if qualifier.is_instance(x509_class!(py, "UserNotice")?)? {
                    items.push(seq(&[
                        der::oid(&USER_NOTICE_QUALIFIER),
                        user_notice(&qualifier)?,
                    ]));
                } else {
                    return Err(PyTypeError::new_err(
                        "policy qualifiers must be str or UserNotice",
                    ));
                }
            }
            parts.push(seq(&items));
        }
        policies.push(seq(&parts));
    }
    Ok(seq(&policies))
}

/// UserNotice with its texts as UTF8String (RFC 5280 recommends it for new certificates).
fn user_notice(notice: &Bound<'_, PyAny>) -> PyResult<Der> {
    let mut parts = Vec::new();
    let reference = notice.getattr(intern!(notice.py(), "notice_reference"))?;
    if !reference.is_none() {
        let mut numbers = Vec::new();
        for number in reference
            .getattr(intern!(reference.py(), "notice_numbers"))?
            .try_iter()?
        {
            numbers.push(unsigned(&number?)?);
        }
        let organization = reference.getattr(intern!(reference.py(), "organization"))?;
        if organization.is_none() {
            return Err(PyTypeError::new_err("'None' is not an instance of 'str'"));
        }
        let organization = der::string(UTF8_STRING, &organization.extract::<String>()?);
        parts.push(seq(&[organization, seq(&numbers)]));
    }
    let text = notice.getattr(intern!(notice.py(), "explicit_text"))?;
    if !text.is_none() {
        parts.push(der::string(UTF8_STRING, &text.extract::<String>()?));
    }
    Ok(seq(&parts))
}

/// One SCT in its TLS encoding, rebuilt from the object's fields.
fn sct_bytes(item: &Bound<'_, PyAny>) -> PyResult<Der> {
    let py = item.py();
    let hash: String = item
        .getattr("signature_hash_algorithm")?
        .getattr("name")?
        .extract()?;
    let hash_algorithm = match hash.as_str() {
        "md5" => 1,
        "sha1" => 2,
        "sha224" => 3,
        "sha256" => 4,
        "sha384" => 5,
        "sha512" => 6,
        _ => return Err(PyValueError::new_err("unsupported SCT hash algorithm")),
    };
    let timestamp = item.getattr(intern!(item.py(), "timestamp"))?;
    let seconds: u64 = py
        .import("calendar")?
        .call_method1("timegm", (timestamp.call_method0("utctimetuple")?,))?
        .extract()?;
    let micros: u64 = timestamp
        .getattr(intern!(timestamp.py(), "microsecond"))?
        .extract()?;
    let log_id = bytes_attr(item, intern!(item.py(), "log_id"))?;
    let extensions = bytes_attr(item, intern!(item.py(), "extension_bytes"))?;
    let signature = bytes_attr(item, intern!(item.py(), "signature"))?;
    Ok(sct::Sct {
        version: item
            .getattr(intern!(item.py(), "version"))?
            .getattr("value")?
            .extract()?,
        log_id: &log_id,
        timestamp: seconds * 1000 + micros / 1000,
        extensions: &extensions,
        hash_algorithm,
        signature_algorithm: item
            .getattr("signature_algorithm")?
            .getattr("value")?
            .extract()?,
        signature: &signature,
    }
    .encode())
}

fn optional_explicit(number: u8, der: Option<Der>) -> Der {
    der.map(|d| explicit(number, &d)).unwrap_or_default()
}

fn naming_authority(authority: &Bound<'_, PyAny>) -> PyResult<Der> {
    let mut parts = Vec::new();
    let id = authority.getattr(intern!(authority.py(), "id"))?;
    if !id.is_none() {
        parts.push(der::oid(&oid_of(&id, "id")?));
    }
    let url = authority.getattr(intern!(authority.py(), "url"))?;
    if !url.is_none() {
        parts.push(ia5(
            &url.extract::<String>()?,
            "url must be an ASCII string",
        )?);
    }
    let text = authority.getattr(intern!(authority.py(), "text"))?;
    if !text.is_none() {
        parts.push(der::string(UTF8_STRING, &text.extract::<String>()?));
    }
    Ok(seq(&parts))
}

fn profession_info(info: &Bound<'_, PyAny>) -> PyResult<Der> {
    let authority = info.getattr(intern!(info.py(), "naming_authority"))?;
    let mut parts = vec![optional_explicit(
        0,
        (!authority.is_none())
            .then(|| naming_authority(&authority))
            .transpose()?,
    )];
    let mut items = Vec::new();
    for item in info
        .getattr(intern!(info.py(), "profession_items"))?
        .try_iter()?
    {
        items.push(der::string(UTF8_STRING, &item?.extract::<String>()?));
    }
    parts.push(seq(&items));
    let profession_oids = info.getattr(intern!(info.py(), "profession_oids"))?;
    if !profession_oids.is_none() {
        let mut oids_der = Vec::new();
        for oid in profession_oids.try_iter()? {
            oids_der.push(der::oid(&oid_of(&oid?, "profession_oids")?));
        }
        parts.push(seq(&oids_der));
    }
    let number = info.getattr(intern!(info.py(), "registration_number"))?;
    if !number.is_none() {
        parts.push(der::string(PRINTABLE_STRING, &number.extract::<String>()?));
    }
    let extra = info.getattr(intern!(info.py(), "add_profession_info"))?;
    if !extra.is_none() {
        parts.push(der::octet_string(&bytes_attr(
            info,
            intern!(info.py(), "add_profession_info"),
        )?));
    }
    Ok(seq(&parts))
}

fn admissions(ext: &Bound<'_, PyAny>) -> PyResult<Der> {
    let mut parts = Vec::new();
    let authority = ext.getattr(intern!(ext.py(), "authority"))?;
    if !authority.is_none() {
        parts.push(general_name(&authority)?);
    }
    let mut contents = Vec::new();
    for admission in ext.try_iter()? {
        let admission = admission?;
        let authority = admission.getattr(intern!(admission.py(), "admission_authority"))?;
        let naming = admission.getattr(intern!(admission.py(), "naming_authority"))?;
        let mut infos = Vec::new();
        for info in admission
            .getattr(intern!(admission.py(), "profession_infos"))?
            .try_iter()?
        {
            infos.push(profession_info(&info?)?);
        }
        contents.push(seq(&[
            optional_explicit(
                0,
                (!authority.is_none())
                    .then(|| general_name(&authority))
                    .transpose()?,
            ),
            optional_explicit(
                1,
                (!naming.is_none())
                    .then(|| naming_authority(&naming))
                    .transpose()?,
            ),
            seq(&infos),
        ]));
    }
    parts.push(seq(&contents));
    Ok(seq(&parts))
}
