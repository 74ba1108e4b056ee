"""TLS contexts for asyncio's connections and servers.

towel's TLS is rustls (towel_runtime::tls), not OpenSSL: an SSLContext
keeps its settings here and hands the runtime a configuration when a
connection starts. Trust comes from PEM files (load_verify_locations) or
from Mozilla's root certificates built into towel (load_default_certs,
create_default_context), never from the system's store. TLS 1.2 and 1.3
are spoken. Errors keep CPython's classes and OpenSSL's messages.

Not available: blocking TLS sockets (wrap_socket, wrap_bio), cipher
selection, session tickets and the options flags; they raise
NotImplementedError or are absent.
"""

import _ssl
import enum as _enum
import os as _os

__all__ = [
    'SSLContext', 'SSLObject', 'SSLError', 'SSLCertVerificationError',
    'CertificateError', 'SSLZeroReturnError', 'SSLWantReadError',
    'SSLWantWriteError', 'SSLSyscallError', 'SSLEOFError',
    'create_default_context', 'DER_cert_to_PEM_cert', 'PEM_cert_to_DER_cert',
    'Purpose', 'VerifyMode', 'TLSVersion',
]


# -- errors -------------------------------------------------------------------------

class SSLError(OSError):
    """A TLS failure; str() is the OpenSSL-style message alone."""

    def __str__(self):
        if isinstance(self.strerror, str):
            return self.strerror
        return str(self.args)


class SSLZeroReturnError(SSLError):
    """The peer closed the TLS connection cleanly."""


class SSLWantReadError(SSLError):
    """A non-blocking operation needs more data from the peer."""


class SSLWantWriteError(SSLError):
    """A non-blocking operation needs to send before it can go on."""


class SSLSyscallError(SSLError):
    """The connection failed underneath TLS."""


class SSLEOFError(SSLError):
    """The connection ended in violation of the protocol."""


class SSLCertVerificationError(SSLError, ValueError):
    """The peer's certificate was rejected."""


CertificateError = SSLCertVerificationError


# -- constants ------------------------------------------------------------------------

class _SSLMethod(_enum.IntEnum):
    PROTOCOL_TLS = 2
    PROTOCOL_TLS_CLIENT = 16
    PROTOCOL_TLS_SERVER = 17


PROTOCOL_SSLv23 = PROTOCOL_TLS = _SSLMethod.PROTOCOL_TLS
PROTOCOL_TLS_CLIENT = _SSLMethod.PROTOCOL_TLS_CLIENT
PROTOCOL_TLS_SERVER = _SSLMethod.PROTOCOL_TLS_SERVER


class VerifyMode(_enum.IntEnum):
    CERT_NONE = 0
    CERT_OPTIONAL = 1
    CERT_REQUIRED = 2


CERT_NONE = VerifyMode.CERT_NONE
CERT_OPTIONAL = VerifyMode.CERT_OPTIONAL
CERT_REQUIRED = VerifyMode.CERT_REQUIRED


class TLSVersion(_enum.IntEnum):
    MINIMUM_SUPPORTED = -2
    MAXIMUM_SUPPORTED = -1
    SSLv3 = 768
    TLSv1 = 769
    TLSv1_1 = 770
    TLSv1_2 = 771
    TLSv1_3 = 772


class Purpose(str, _enum.Enum):
    """Whom a default context authenticates: servers (for a client) or
    clients (for a server). The values are the extended key usage OIDs."""
    SERVER_AUTH = '1.3.6.1.5.5.7.3.1'
    CLIENT_AUTH = '1.3.6.1.5.5.7.3.2'


HAS_SNI = True
HAS_ALPN = True
HAS_NPN = False
HAS_ECDH = True
HAS_SSLv2 = False
HAS_SSLv3 = False
HAS_TLSv1 = False
HAS_TLSv1_1 = False
HAS_TLSv1_2 = True
HAS_TLSv1_3 = True


# -- contexts -------------------------------------------------------------------------

def _read_file(path):
    """A file's bytes; a missing file is OpenSSL's errno error, which
    names no file."""
    try:
        with open(path, 'rb') as f:
            return f.read()
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror) from None


class SSLContext:
    """Settings shared by TLS connections: the side, what is trusted, what
    is checked, the certificate shown and the ALPN protocols offered."""

    def __init__(self, protocol=None, *args, **kwargs):
        import warnings
        if protocol is None:
            warnings.warn('ssl.SSLContext() without protocol argument is deprecated.',
                          DeprecationWarning, stacklevel=2)
            protocol = PROTOCOL_TLS
        try:
            protocol = _SSLMethod(protocol)
        except ValueError:
            raise ValueError(f'invalid or unsupported protocol version {protocol}') from None
        if protocol == PROTOCOL_TLS:
            warnings.warn('ssl.PROTOCOL_TLS is deprecated', DeprecationWarning, stacklevel=2)
        self._protocol = protocol
        client = protocol == PROTOCOL_TLS_CLIENT
        self._verify_mode = CERT_REQUIRED if client else CERT_NONE
        self._check_hostname = client
        self._builtin_roots = False
        self._trusted = []
        self._chain = None
        self._alpn = []
        self._configs = {}

    @property
    def protocol(self):
        return self._protocol

    @property
    def verify_mode(self):
        return self._verify_mode

    @verify_mode.setter
    def verify_mode(self, value):
        if value not in (0, 1, 2):
            raise ValueError('invalid value for verify_mode')
        if value == CERT_NONE and self._check_hostname:
            raise ValueError('Cannot set verify_mode to CERT_NONE when check_hostname is enabled.')
        self._verify_mode = VerifyMode(value)
        self._configs.clear()

    @property
    def check_hostname(self):
        return self._check_hostname

    @check_hostname.setter
    def check_hostname(self, value):
        value = bool(value)
        if value and self._verify_mode == CERT_NONE:
            self._verify_mode = CERT_REQUIRED
        self._check_hostname = value
        self._configs.clear()

    def load_cert_chain(self, certfile, keyfile=None, password=None):
        """The certificate chain (and key) this side shows, from PEM files;
        an encrypted key cannot be read."""
        cert = _read_file(_os.fspath(certfile))
        key = cert if keyfile is None else _read_file(_os.fspath(keyfile))
        _ssl.check_identity(cert, key)
        self._chain = (cert, key)
        self._configs.clear()

    def load_verify_locations(self, cafile=None, capath=None, cadata=None):
        """Trusts the certificates of a PEM file, of every file in a folder,
        or of `cadata` (PEM text or DER bytes)."""
        if cafile is None and capath is None and cadata is None:
            raise TypeError('cafile, capath and cadata cannot be all omitted')
        if cafile is not None:
            pem = _read_file(_os.fspath(cafile))
            _ssl.pem_certificates(pem)
            self._trusted.append(pem)
        if capath is not None:
            folder = _os.fspath(capath)
            for name in sorted(_os.listdir(folder)):
                path = _os.path.join(folder, name)
                if _os.path.isfile(path):
                    pem = _read_file(path)
                    if b'-----BEGIN CERTIFICATE-----' in pem:
                        self._trusted.append(pem)
        if cadata is not None:
            if isinstance(cadata, str):
                pem = cadata.encode('ascii')
            elif isinstance(cadata, (bytes, bytearray, memoryview)):
                pem = DER_cert_to_PEM_cert(bytes(cadata)).encode('ascii')
            else:
                raise TypeError('cadata should be an ASCII string or a bytes-like object')
            _ssl.pem_certificates(pem)
            self._trusted.append(pem)
        self._configs.clear()

    def load_default_certs(self, purpose=Purpose.SERVER_AUTH):
        """Trusts the root certificates built into towel (Mozilla's)."""
        if not isinstance(purpose, Purpose):
            raise TypeError(purpose)
        self._builtin_roots = True
        self._configs.clear()

    def set_default_verify_paths(self):
        self.load_default_certs()

    def set_alpn_protocols(self, alpn_protocols):
        wire = []
        for name in alpn_protocols:
            encoded = name.encode('ascii')
            if not 1 <= len(encoded) <= 255:
                raise SSLError('ALPN protocols must be 1 to 255 in length')
            wire.append(encoded)
        self._alpn = wire
        self._configs.clear()

    def get_ca_certs(self, binary_form=False):
        certificates = []
        for pem in self._trusted:
            for der in _ssl.pem_certificates(pem):
                certificates.append(der if binary_form else _decode_certificate(der))
        return certificates

    def cert_store_stats(self):
        n = len(self.get_ca_certs(binary_form=True))
        return {'x509_ca': n, 'crl': 0, 'x509': n}

    def wrap_socket(self, sock, server_side=False, do_handshake_on_connect=True,
                    suppress_ragged_eofs=True, server_hostname=None, session=None):
        raise NotImplementedError('ssl.SSLContext.wrap_socket(): blocking TLS sockets are '
                                  'not available in towel; use asyncio with ssl=')

    def wrap_bio(self, incoming, outgoing, server_side=False, server_hostname=None,
                 session=None):
        raise NotImplementedError('ssl.SSLContext.wrap_bio(): memory BIOs are not '
                                  'available in towel; use asyncio with ssl=')

    def _config(self, server_side):
        """The runtime's configuration for one side, made once per change."""
        config = self._configs.get(server_side)
        if config is not None:
            return config
        cert, key = self._chain if self._chain is not None else (None, None)
        if server_side:
            if cert is None:
                raise SSLError(1, '[SSL: NO_SHARED_CIPHER] no shared cipher (_ssl.c:1006)')
            client_roots = None
            if self._verify_mode != CERT_NONE:
                client_roots = list(self._trusted)
            config = _ssl.server_config(cert, key, self._alpn, client_roots)
        else:
            verify = self._verify_mode != CERT_NONE
            config = _ssl.client_config(self._builtin_roots, self._trusted, verify,
                                        self._check_hostname, self._alpn, cert, key)
        self._configs[server_side] = config
        return config


def create_default_context(purpose=Purpose.SERVER_AUTH, *, cafile=None, capath=None,
                           cadata=None):
    """A context with secure defaults: a client that verifies servers
    against towel's built-in roots (or the given CA files), or a server."""
    if not isinstance(purpose, Purpose):
        raise TypeError(purpose)
    if purpose == Purpose.SERVER_AUTH:
        context = SSLContext(PROTOCOL_TLS_CLIENT)
    else:
        context = SSLContext(PROTOCOL_TLS_SERVER)
    if cafile or capath or cadata:
        context.load_verify_locations(cafile, capath, cadata)
    elif context.verify_mode != CERT_NONE:
        context.load_default_certs(purpose)
    return context


# -- connections -------------------------------------------------------------------------

class SSLObject:
    """A TLS connection's state as a transport reports it
    (get_extra_info('ssl_object'))."""

    def __init__(self, *args, **kwargs):
        raise TypeError(f'{type(self).__name__} does not have a public constructor. '
                        f'Instances are returned by SSLContext.wrap_bio().')

    @classmethod
    def _create(cls, context, server_side, server_hostname, info):
        self = cls.__new__(cls)
        self._context = context
        self._server_side = server_side
        self._server_hostname = server_hostname
        self._info = info
        return self

    @property
    def context(self):
        return self._context

    @property
    def server_side(self):
        return self._server_side

    @property
    def server_hostname(self):
        return self._server_hostname

    def getpeercert(self, binary_form=False):
        """The peer's certificate: DER bytes, or a dict of its names and
        dates ({} when it was not verified); None when it showed none."""
        chain = self._info[4]
        if not chain:
            return None
        if binary_form:
            return chain[0]
        if self._context.verify_mode == CERT_NONE:
            return {}
        return _decode_certificate(chain[0])

    def cipher(self):
        return self._info[0], self._info[1], self._info[2]

    def version(self):
        return self._info[1]

    def selected_alpn_protocol(self):
        alpn = self._info[3]
        return None if alpn is None else alpn.decode('ascii')

    def selected_npn_protocol(self):
        return None

    def compression(self):
        return None

    def pending(self):
        return 0


_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
           'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')


def _certificate_time(seconds):
    """OpenSSL's way of writing a certificate date: 'Dec  7 22:00:00 2026 GMT'."""
    import time
    t = time.gmtime(seconds)
    return (f'{_MONTHS[t.tm_mon - 1]} {t.tm_mday:2d} '
            f'{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d} {t.tm_year} GMT')


def _decode_certificate(der):
    subject, issuer, version, serial, not_before, not_after, alt_names = \
        _ssl.describe_certificate(der)
    decoded = {
        'subject': subject,
        'issuer': issuer,
        'version': version,
        'serialNumber': serial,
        'notBefore': _certificate_time(not_before),
        'notAfter': _certificate_time(not_after),
    }
    if alt_names:
        decoded['subjectAltName'] = alt_names
    return decoded


# -- PEM and DER -----------------------------------------------------------------------------

PEM_HEADER = '-----BEGIN CERTIFICATE-----'
PEM_FOOTER = '-----END CERTIFICATE-----'


def DER_cert_to_PEM_cert(der_cert_bytes):
    import base64
    text = base64.standard_b64encode(der_cert_bytes).decode('ascii')
    lines = [text[i:i + 64] for i in range(0, len(text), 64)]
    return PEM_HEADER + '\n' + '\n'.join(lines) + '\n' + PEM_FOOTER + '\n'


def PEM_cert_to_DER_cert(pem_cert_string):
    import base64
    if not pem_cert_string.startswith(PEM_HEADER):
        raise ValueError(f'Invalid PEM encoding; must start with {PEM_HEADER}')
    if not pem_cert_string.strip().endswith(PEM_FOOTER):
        raise ValueError(f'Invalid PEM encoding; must end with {PEM_FOOTER}')
    body = pem_cert_string.strip()[len(PEM_HEADER):-len(PEM_FOOTER)]
    return base64.decodebytes(body.encode('ascii', 'strict'))
