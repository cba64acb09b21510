# Writes reference-fields.txt: what cryptography 50.0.2 reads from each key file here.
# Run from this directory with the reference installed: python reference-fields.py
# (The key files themselves came from ssh-keygen, and pyca-* from the reference.)
import os
import warnings

warnings.simplefilter("ignore")
from cryptography.hazmat.primitives import serialization as s  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed25519, rsa  # noqa: E402


def h(i):
    if isinstance(i, int):
        return i.to_bytes((i.bit_length() + 7) // 8, "big").hex() if i else ""
    return bytes(i).hex()


out = []


def pub(name, k):
    if isinstance(k, rsa.RSAPublicKey):
        n = k.public_numbers()
        out.extend([(name, "e", h(n.e)), (name, "n", h(n.n))])
    elif isinstance(k, dsa.DSAPublicKey):
        n = k.public_numbers()
        p = n.parameter_numbers
        out.extend(
            [(name, "p", h(p.p)), (name, "q", h(p.q)), (name, "g", h(p.g)), (name, "y", h(n.y))]
        )
    elif isinstance(k, ec.EllipticCurvePublicKey):
        out.append((name, "curve", k.curve.name.encode().hex()))
        out.append(
            (name, "point", h(k.public_bytes(s.Encoding.X962, s.PublicFormat.UncompressedPoint)))
        )
    elif isinstance(k, ed25519.Ed25519PublicKey):
        out.append((name, "public", h(k.public_bytes(s.Encoding.Raw, s.PublicFormat.Raw))))


for f in sorted(os.listdir(".")):
    data = open(f, "rb").read()
    if f.endswith((".txt", ".py")):
        continue
    if f.endswith("-cert.pub"):
        c = s.load_ssh_public_identity(data)
        pub(f, c.public_key())
        out += [
            (f, "serial", h(c.serial)),
            (f, "type", h(c.type.value)),
            (f, "key_id", h(c.key_id)),
            (f, "principals", ",".join(h(p) for p in c.valid_principals)),
            (f, "valid_after", h(c.valid_after)),
            (f, "valid_before", h(c.valid_before)),
            (
                f,
                "critical_options",
                ",".join(h(k) + "=" + h(v) for k, v in c.critical_options.items()),
            ),
            (f, "extensions", ",".join(h(k) + "=" + h(v) for k, v in c.extensions.items())),
            (f, "nonce", h(c.nonce)),
            (
                f,
                "signature_key",
                h(c.signature_key().public_bytes(s.Encoding.OpenSSH, s.PublicFormat.OpenSSH)),
            ),
        ]
    elif f.endswith(".pub"):
        pub(f, s.load_ssh_public_key(data))
    elif "-enc-" in f:
        continue
    else:
        k = s.load_ssh_private_key(data, None)
        if isinstance(k, rsa.RSAPrivateKey):
            n = k.private_numbers()
            out += [
                (f, "n", h(n.public_numbers.n)),
                (f, "e", h(n.public_numbers.e)),
                (f, "d", h(n.d)),
                (f, "iqmp", h(n.iqmp)),
                (f, "p", h(n.p)),
                (f, "q", h(n.q)),
            ]
        elif isinstance(k, dsa.DSAPrivateKey):
            pub(f, k.public_key())
            out.append((f, "x", h(k.private_numbers().x)))
        elif isinstance(k, ec.EllipticCurvePrivateKey):
            pub(f, k.public_key())
            out.append((f, "scalar", h(k.private_numbers().private_value)))
        else:
            pub(f, k.public_key())
            out.append(
                (
                    f,
                    "seed",
                    h(k.private_bytes(s.Encoding.Raw, s.PrivateFormat.Raw, s.NoEncryption())),
                )
            )

with open("reference-fields.txt", "w") as fh:
    fh.write("# <file> <field> <hex>: what cryptography 50.0.2 reads from each file here.\n")
    for r in out:
        fh.write(" ".join(r).rstrip() + "\n")
