# Type stubs for the extension module oxicrypt._rust (built from src/rust).
from oxicrypt._rust import constant_time as constant_time
from oxicrypt._rust import hashes as hashes
from oxicrypt._rust import hmac as hmac
from oxicrypt._rust import openssl as openssl
