# Type stubs for the extension module oxicrypt._rust (built from src/rust).
from oxicrypt._rust import _parity as _parity
from oxicrypt._rust import asn1 as asn1
from oxicrypt._rust import constant_time as constant_time
from oxicrypt._rust import dh as dh
from oxicrypt._rust import dsa as dsa
from oxicrypt._rust import ec as ec
from oxicrypt._rust import ed448 as ed448
from oxicrypt._rust import ed25519 as ed25519
from oxicrypt._rust import hashes as hashes
from oxicrypt._rust import hmac as hmac
from oxicrypt._rust import oid as oid
from oxicrypt._rust import openssl as openssl
from oxicrypt._rust import rsa as rsa
from oxicrypt._rust import serialization as serialization
from oxicrypt._rust import ssh as ssh
from oxicrypt._rust import x448 as x448
from oxicrypt._rust import x25519 as x25519
