"""A small DER reader, independent of both oxicrypt and OpenSSL, for the parity tests:
enough to cut a TBSCertificate, CertificationRequestInfo or TBSCertList into its fields
and a Name into its attributes."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Tlv:
    tag: int  # the identifier octet (low-tag-number form only)
    content: bytes
    raw: bytes  # tag, length and content

    def children(self) -> list[Tlv]:
        return read_all(self.content)


def read_one(data: bytes, offset: int = 0) -> tuple[Tlv, int]:
    """The TLV at ``offset`` and the offset after it; ValueError on anything but a
    definite length that fits."""
    if offset + 2 > len(data):
        raise ValueError("truncated TLV")
    tag = data[offset]
    if tag & 0x1F == 0x1F:
        raise ValueError("high tag number form")
    first = data[offset + 1]
    position = offset + 2
    if first < 0x80:
        length = first
    else:
        count = first & 0x7F
        if count == 0 or position + count > len(data):
            raise ValueError("indefinite or truncated length")
        length = int.from_bytes(data[position : position + count], "big")
        position += count
    end = position + length
    if end > len(data):
        raise ValueError("truncated content")
    return Tlv(tag, data[position:end], data[offset:end]), end


def read_all(data: bytes) -> list[Tlv]:
    out = []
    offset = 0
    while offset < len(data):
        tlv, offset = read_one(data, offset)
        out.append(tlv)
    return out


def oid(content: bytes) -> str:
    """The dotted form of an OBJECT IDENTIFIER's content octets."""
    arcs: list[int] = []
    value = 0
    for byte in content:
        value = value << 7 | byte & 0x7F
        if not byte & 0x80:
            arcs.append(value)
            value = 0
    first = min(arcs[0] // 40, 2)
    return ".".join(str(a) for a in [first, arcs[0] - 40 * first, *arcs[1:]])


def name_attributes(name_der: bytes) -> list[list[tuple[str, int, bytes]]]:
    """A Name as RDNs of (attribute type OID, value tag, value content octets)."""
    (name,) = read_all(name_der)
    rdns = []
    for rdn in name.children():
        attributes = []
        for atv in rdn.children():
            type_id, value = atv.children()
            attributes.append((oid(type_id.content), value.tag, value.content))
        rdns.append(attributes)
    return rdns


def tbs_certificate_fields(tbs: bytes) -> dict[str, bytes]:
    """serial, issuer, subject and spki (their full TLVs) and the extensions as a list of
    (OID, critical) of a TBSCertificate."""
    (seq,) = read_all(tbs)
    fields = seq.children()
    if fields[0].tag == 0xA0:  # [0] EXPLICIT Version
        fields = fields[1:]
    serial, _, issuer, _, subject, spki, *rest = fields
    return {
        "serial": serial.raw,
        "issuer": issuer.raw,
        "subject": subject.raw,
        "spki": spki.raw,
        "extensions": b"".join(f.content for f in rest if f.tag == 0xA3),
    }


def extension_list(extensions_der: bytes) -> list[tuple[str, bool]]:
    """(OID, critical) of each Extension of an Extensions SEQUENCE (may be empty)."""
    if not extensions_der:
        return []
    (seq,) = read_all(extensions_der)
    out = []
    for extension in seq.children():
        parts = extension.children()
        critical = len(parts) == 3 and parts[1].content != b"\x00"
        out.append((oid(parts[0].content), critical))
    return out
