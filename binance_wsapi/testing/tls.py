"""A throwaway certificate authority, so that LocalExchange can serve wss:// on loopback.

Nothing is downloaded and no openssl binary is needed: the keys and certificates are made
with `cryptography` and written to a private temporary folder, removed by `cleanup()`.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import shutil
import ssl
import tempfile

from attrs import frozen
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

__all__ = ["Certificates", "make_certificates"]


@frozen
class Certificates:
    """PEM files of a throwaway CA and of a server certificate it signed for localhost."""

    directory: str
    ca_file: str
    cert_file: str  # the server certificate followed by the CA's: the chain a server sends
    key_file: str

    def server_context(self) -> ssl.SSLContext:
        """A server-side context presenting the localhost certificate."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context

    def client_context(self) -> ssl.SSLContext:
        """A client-side context that trusts this CA (and verifies hostnames as usual)."""
        return ssl.create_default_context(cafile=self.ca_file)

    def cleanup(self) -> None:
        """Remove the folder holding the keys; idempotent."""
        shutil.rmtree(self.directory, ignore_errors=True)


def make_certificates(valid_for: datetime.timedelta = datetime.timedelta(days=7)) -> Certificates:
    """Make a new CA and a server certificate for localhost, 127.0.0.1 and ::1."""
    now = datetime.datetime.now(datetime.timezone.utc)
    not_before = now - datetime.timedelta(hours=1)  # tolerate a little clock skew
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "binance_wsapi LocalExchange test CA")])
    ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(now + valid_for)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(key_cert_sign=True), critical=True)
        .add_extension(ca_ski, critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(server_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(now + valid_for)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(digital_signature=True), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.SubjectAlternativeName([
                x509.DNSName("localhost"),
                x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                x509.IPAddress(ipaddress.ip_address("::1")),
            ]),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(server_key.public_key()), critical=False)
        # OpenSSL's strict verification (Python 3.13's default) wants the issuer's key id.
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    directory = tempfile.mkdtemp(prefix="binance-wsapi-tls-")
    ca_pem = ca_cert.public_bytes(serialization.Encoding.PEM)
    files = {
        "ca.pem": ca_pem,
        "server.pem": server_cert.public_bytes(serialization.Encoding.PEM) + ca_pem,
        "server-key.pem": server_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),
    }
    for name, data in files.items():
        with open(os.path.join(directory, name), "wb") as f:
            f.write(data)
    return Certificates(
        directory=directory,
        ca_file=os.path.join(directory, "ca.pem"),
        cert_file=os.path.join(directory, "server.pem"),
        key_file=os.path.join(directory, "server-key.pem"),
    )


def _key_usage(*, key_cert_sign: bool = False, digital_signature: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=digital_signature,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=key_cert_sign,
        crl_sign=key_cert_sign,
        encipher_only=False,
        decipher_only=False,
    )
