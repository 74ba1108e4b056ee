//! TLS on rustls: configurations for clients and servers, async streams
//! over any futures-io connection, and a sans-I/O [`Session`] that a
//! readiness-driven transport ([`crate::wire::Wire`]) runs under its bytes.
//!
//! - [`ClientOptions`] says what a client trusts (Mozilla's roots built in,
//!   PEM files of its own, or nothing), whether it verifies the peer's
//!   certificate and name, which ALPN protocols it offers and which
//!   certificate it shows; [`ClientOptions::config`] turns it into a
//!   [`ClientConfig`]. [`ServerOptions`] does the same for a server.
//! - [`connect`] and [`accept`] run the handshake over an async stream
//!   (`async_net::TcpStream`, a Unix stream...) and give a stream that
//!   encrypts what is written and decrypts what is read.
//! - [`ClientConfig::session`] and [`ServerConfig::session`] make a
//!   [`Session`] for [`crate::wire::Wire::start_tls`]; [`Session::info`]
//!   tells what the handshake agreed on, and [`describe_certificate`] reads
//!   a certificate's names and dates.
//!
//! Failures are [`TlsError`]s; on a stream or a wire they travel inside an
//! `io::Error` of kind `InvalidData` ([`TlsError::from_io`] gets them back).
//!
//! ```
//! use towel_runtime::net::{TcpListener, TcpStream};
//! use towel_runtime::prelude::*;
//! use towel_runtime::tls::{self, ClientOptions, Identity, ServerOptions};
//!
//! // A self-signed certificate for "localhost", made for the example.
//! let key = rcgen::KeyPair::generate().unwrap();
//! let cert = rcgen::CertificateParams::new(vec!["localhost".into()])
//!     .unwrap()
//!     .self_signed(&key)
//!     .unwrap();
//! let identity = Identity::from_pem(cert.pem().as_bytes(), key.serialize_pem().as_bytes())?;
//! let server = ServerOptions::new(identity).config()?;
//! let mut client = ClientOptions::default(); // trusts nothing yet
//! client.add_trusted_pem(cert.pem().as_bytes())?;
//! let client = client.config()?;
//!
//! towel_runtime::block_on(async {
//!     let listener = TcpListener::bind("127.0.0.1:0").await?;
//!     let address = listener.local_addr()?;
//!     let echo = towel_runtime::spawn(async move {
//!         let (tcp, _) = listener.accept().await?;
//!         let mut tls = tls::accept(&server, tcp).await?;
//!         let mut line = [0u8; 5];
//!         tls.read_exact(&mut line).await?;
//!         tls.write_all(&line).await?;
//!         tls.flush().await?;
//!         std::io::Result::Ok(())
//!     });
//!     let tcp = TcpStream::connect(address).await?;
//!     let mut tls = tls::connect(&client, "localhost", tcp).await?;
//!     tls.write_all(b"hello").await?;
//!     tls.flush().await?;
//!     let mut back = [0u8; 5];
//!     tls.read_exact(&mut back).await?;
//!     assert_eq!(&back, b"hello");
//!     echo.await
//! })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};
use std::fmt;
use std::io;
use std::sync::Arc;

pub use futures_rustls::client::TlsStream as ClientStream;
pub use futures_rustls::server::TlsStream as ServerStream;

/// The one crypto provider (ring), so no process-wide default is needed.
/// rustls now steers towards aws-lc-rs for post-quantum key exchange; ring
/// is kept because it builds in a fraction of the time and needs no cmake,
/// and X25519 with P-256/P-384 is what the servers towel talks to offer.
#[allow(deprecated)]
fn provider() -> Arc<CryptoProvider> {
    thread_local! {
        static PROVIDER: Arc<CryptoProvider> = Arc::new(rustls::crypto::ring::default_provider());
    }
    PROVIDER.with(Arc::clone)
}

// -- errors ---------------------------------------------------------------------

/// Why a TLS configuration or connection failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TlsError {
    /// A PEM file held no certificate.
    NoCertificates,
    /// A PEM file held no private key.
    NoPrivateKey,
    /// The private key does not belong to the certificate.
    KeyMismatch,
    /// A file or an option was unusable; the text says why.
    BadConfig(String),
    /// The peer's certificate was rejected by our verification.
    Certificate(CertificateProblem),
    /// The peer ended the handshake with this alert (rustls's name for it,
    /// e.g. `UnknownCA`, `BadCertificate`, `HandshakeFailure`).
    Alert(String),
    /// No ALPN protocol in common.
    NoApplicationProtocol,
    /// What came was no TLS we speak; the text says how.
    Protocol(String),
}

/// Why a peer's certificate was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertificateProblem {
    /// It is its own issuer and not among the trusted certificates.
    SelfSigned,
    /// Its issuer is not among the trusted certificates.
    UnknownIssuer,
    /// It is not valid for the DNS name we asked for.
    NameMismatch,
    /// It is not valid for the IP address we asked for.
    AddressMismatch,
    /// Its validity ended.
    Expired,
    /// Its validity has not begun.
    NotYetValid,
    /// Another reason, in rustls's words.
    Other(String),
}

impl fmt::Display for TlsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoCertificates => f.write_str("no certificate found"),
            Self::NoPrivateKey => f.write_str("no private key found"),
            Self::KeyMismatch => f.write_str("the private key does not match the certificate"),
            Self::BadConfig(why) => write!(f, "unusable TLS configuration: {why}"),
            Self::Certificate(problem) => write!(f, "certificate rejected: {problem:?}"),
            Self::Alert(alert) => write!(f, "the peer sent the alert {alert}"),
            Self::NoApplicationProtocol => f.write_str("no application protocol in common"),
            Self::Protocol(why) => write!(f, "TLS protocol error: {why}"),
        }
    }
}

impl std::error::Error for TlsError {}

impl TlsError {
    /// The TLS failure inside an I/O error from a TLS stream or wire, if
    /// that is what it is.
    pub fn from_io(error: &io::Error) -> Option<TlsError> {
        let inner = error.get_ref()?;
        if let Some(tls) = inner.downcast_ref::<TlsError>() {
            return Some(tls.clone());
        }
        inner
            .downcast_ref::<rustls::Error>()
            .map(|e| TlsError::from(e.clone()))
    }

    pub(crate) fn into_io(self) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, self)
    }
}

/// Marks a certificate rejected because it signs itself (rustls says
/// "unknown issuer" for both cases; OpenSSL-minded callers tell them apart).
#[derive(Debug)]
struct SelfSigned;

impl fmt::Display for SelfSigned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("self-signed certificate")
    }
}

impl std::error::Error for SelfSigned {}

impl From<rustls::Error> for TlsError {
    fn from(error: rustls::Error) -> Self {
        use rustls::Error as E;
        match error {
            E::InvalidCertificate(problem) => Self::Certificate(match problem {
                CertificateError::UnknownIssuer => CertificateProblem::UnknownIssuer,
                CertificateError::NotValidForName => CertificateProblem::NameMismatch,
                CertificateError::NotValidForNameContext { expected, .. } => match expected {
                    ServerName::IpAddress(_) => CertificateProblem::AddressMismatch,
                    _ => CertificateProblem::NameMismatch,
                },
                CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                    CertificateProblem::Expired
                }
                CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                    CertificateProblem::NotYetValid
                }
                CertificateError::Other(other)
                    if other.0.downcast_ref::<SelfSigned>().is_some() =>
                {
                    CertificateProblem::SelfSigned
                }
                other => CertificateProblem::Other(format!("{other:?}")),
            }),
            E::AlertReceived(alert) => Self::Alert(format!("{alert:?}")),
            E::NoApplicationProtocol => Self::NoApplicationProtocol,
            E::InconsistentKeys(_) => Self::KeyMismatch,
            other => Self::Protocol(other.to_string()),
        }
    }
}

// -- identities and trust ---------------------------------------------------------

/// A certificate chain and its private key: what a server (or a client
/// asked for one) shows its peer.
#[derive(Debug)]
pub struct Identity {
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
}

impl Clone for Identity {
    fn clone(&self) -> Self {
        Self {
            chain: self.chain.clone(),
            key: self.key.clone_key(),
        }
    }
}

impl Identity {
    /// Reads the chain (leaf first) from `certificates` and the key from
    /// `key`, both PEM; one file may hold both, so pass it twice.
    pub fn from_pem(certificates: &[u8], key: &[u8]) -> Result<Self, TlsError> {
        let chain = certificates_from_pem(certificates)?;
        let key = PrivateKeyDer::from_pem_slice(key).map_err(|e| match e {
            rustls::pki_types::pem::Error::NoItemsFound => TlsError::NoPrivateKey,
            other => TlsError::BadConfig(format!("{other:?}")),
        })?;
        Ok(Self { chain, key })
    }
}

/// Every certificate in a PEM text, in order; none is an error.
pub fn certificates_from_pem(pem: &[u8]) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let certificates = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| TlsError::BadConfig(format!("{e:?}")))?;
    if certificates.is_empty() {
        return Err(TlsError::NoCertificates);
    }
    Ok(certificates)
}

/// The protocols to offer or accept in ALPN order, as wire bytes.
pub type Protocols = Vec<Vec<u8>>;

// -- clients ------------------------------------------------------------------------

/// What a client trusts and checks. The default trusts nothing (add roots
/// with [`ClientOptions::builtin_roots`] or [`ClientOptions::add_trusted_pem`])
/// and verifies both the certificate and the name.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Trust Mozilla's root certificates (built in, no system files).
    pub builtin_roots: bool,
    /// Certificates trusted besides those.
    pub trusted: Vec<CertificateDer<'static>>,
    /// Check the peer's certificate against the trusted roots; when false,
    /// any certificate is taken (and the name is not checked either).
    pub verify_certificate: bool,
    /// Check that the certificate is valid for the name connected to.
    pub verify_name: bool,
    /// ALPN protocols to offer.
    pub alpn: Protocols,
    /// A certificate to show a server that asks for one.
    pub identity: Option<Identity>,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            builtin_roots: false,
            trusted: Vec::new(),
            verify_certificate: true,
            verify_name: true,
            alpn: Vec::new(),
            identity: None,
        }
    }
}

impl ClientOptions {
    /// Options that trust Mozilla's roots and verify everything: what a
    /// browser-like client wants.
    pub fn with_builtin_roots() -> Self {
        Self {
            builtin_roots: true,
            ..Self::default()
        }
    }

    /// Trusts every certificate in a PEM text (a CA bundle).
    pub fn add_trusted_pem(&mut self, pem: &[u8]) -> Result<usize, TlsError> {
        let certificates = certificates_from_pem(pem)?;
        let n = certificates.len();
        self.trusted.extend(certificates);
        Ok(n)
    }

    /// The rustls configuration these options describe.
    pub fn config(&self) -> Result<ClientConfig, TlsError> {
        let mut roots = RootCertStore::empty();
        if self.builtin_roots {
            roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        }
        for certificate in &self.trusted {
            roots
                .add(certificate.clone())
                .map_err(|e| TlsError::BadConfig(e.to_string()))?;
        }
        let verifier = Arc::new(Verifier::new(
            roots,
            self.verify_certificate,
            self.verify_name,
        )?);
        let builder = rustls::ClientConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .map_err(TlsError::from)?
            .dangerous()
            .with_custom_certificate_verifier(verifier);
        let mut config = match &self.identity {
            Some(identity) => builder
                .with_client_auth_cert(identity.chain.clone(), identity.key.clone_key())
                .map_err(TlsError::from)?,
            None => builder.with_no_client_auth(),
        };
        config.alpn_protocols = self.alpn.clone();
        Ok(ClientConfig(Arc::new(config)))
    }
}

/// A client's configuration, cheap to clone and share between connections.
#[derive(Debug, Clone)]
pub struct ClientConfig(Arc<rustls::ClientConfig>);

impl ClientConfig {
    /// A session that connects to `server_name` (a DNS name, sent as SNI,
    /// or an IP address).
    pub fn session(&self, server_name: &str) -> Result<Session, TlsError> {
        let name = server_name_of(server_name)?;
        let connection = rustls::ClientConnection::new(self.0.clone(), name)?;
        Ok(Session::new(connection.into()))
    }
}

fn server_name_of(name: &str) -> Result<ServerName<'static>, TlsError> {
    ServerName::try_from(name.to_owned())
        .map_err(|_| TlsError::BadConfig(format!("invalid server name {name:?}")))
}

/// The client's check of a server certificate: webpki's, with the name
/// check or the whole check switched off on request, and a self-signed
/// certificate told apart from one of an unknown issuer.
#[derive(Debug)]
struct Verifier {
    /// None when nothing is trusted (webpki refuses an empty store): every
    /// certificate is then of an unknown issuer.
    webpki: Option<Arc<WebPkiServerVerifier>>,
    verify_certificate: bool,
    verify_name: bool,
}

impl Verifier {
    fn new(
        roots: RootCertStore,
        verify_certificate: bool,
        verify_name: bool,
    ) -> Result<Self, TlsError> {
        let webpki = if roots.is_empty() {
            None
        } else {
            Some(
                WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider())
                    .build()
                    .map_err(|e| TlsError::BadConfig(e.to_string()))?,
            )
        };
        Ok(Self {
            webpki,
            verify_certificate,
            verify_name: verify_certificate && verify_name,
        })
    }
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if !self.verify_certificate {
            return Ok(ServerCertVerified::assertion());
        }
        let verdict = match &self.webpki {
            Some(webpki) => webpki.verify_server_cert(
                end_entity,
                intermediates,
                server_name,
                ocsp_response,
                now,
            ),
            None => Err(rustls::Error::InvalidCertificate(
                CertificateError::UnknownIssuer,
            )),
        };
        match verdict {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) if !self.verify_name => Ok(ServerCertVerified::assertion()),
            Err(rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer))
                if is_self_signed(end_entity) =>
            {
                Err(rustls::Error::InvalidCertificate(CertificateError::Other(
                    rustls::OtherError(Arc::new(SelfSigned)),
                )))
            }
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        let algorithms = provider().signature_verification_algorithms;
        rustls::crypto::verify_tls12_signature(message, cert, dss, &algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        let algorithms = provider().signature_verification_algorithms;
        rustls::crypto::verify_tls13_signature(message, cert, dss, &algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        provider()
            .signature_verification_algorithms
            .supported_schemes()
    }
}

fn is_self_signed(der: &CertificateDer<'_>) -> bool {
    x509_parser::parse_x509_certificate(der)
        .map(|(_, cert)| cert.subject().as_raw() == cert.issuer().as_raw())
        .unwrap_or(false)
}

// -- servers ------------------------------------------------------------------------

/// What a server shows and whom it accepts.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// The server's certificate chain and key.
    pub identity: Identity,
    /// ALPN protocols accepted, in order of preference.
    pub alpn: Protocols,
    /// When set, clients must show a certificate these roots vouch for.
    pub client_roots: Option<Vec<CertificateDer<'static>>>,
}

impl ServerOptions {
    /// A server that shows `identity` and asks clients for nothing.
    pub fn new(identity: Identity) -> Self {
        Self {
            identity,
            alpn: Vec::new(),
            client_roots: None,
        }
    }

    /// The rustls configuration these options describe.
    pub fn config(&self) -> Result<ServerConfig, TlsError> {
        let builder = rustls::ServerConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .map_err(TlsError::from)?;
        let builder = match &self.client_roots {
            Some(certificates) => {
                let mut roots = RootCertStore::empty();
                for certificate in certificates {
                    roots
                        .add(certificate.clone())
                        .map_err(|e| TlsError::BadConfig(e.to_string()))?;
                }
                let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
                    Arc::new(roots),
                    provider(),
                )
                .build()
                .map_err(|e| TlsError::BadConfig(e.to_string()))?;
                builder.with_client_cert_verifier(verifier)
            }
            None => builder.with_no_client_auth(),
        };
        let mut config = builder
            .with_single_cert(self.identity.chain.clone(), self.identity.key.clone_key())
            .map_err(TlsError::from)?;
        config.alpn_protocols = self.alpn.clone();
        Ok(ServerConfig(Arc::new(config)))
    }
}

/// A server's configuration, cheap to clone and share between connections.
#[derive(Debug, Clone)]
pub struct ServerConfig(Arc<rustls::ServerConfig>);

impl ServerConfig {
    /// A session that answers one client.
    pub fn session(&self) -> Result<Session, TlsError> {
        let connection = rustls::ServerConnection::new(self.0.clone())?;
        Ok(Session::new(connection.into()))
    }
}

// -- async streams --------------------------------------------------------------------

/// Runs a client handshake with `server_name` over `stream`.
pub async fn connect<S>(
    config: &ClientConfig,
    server_name: &str,
    stream: S,
) -> io::Result<ClientStream<S>>
where
    S: futures_lite::AsyncRead + futures_lite::AsyncWrite + Unpin,
{
    let name = server_name_of(server_name).map_err(TlsError::into_io)?;
    futures_rustls::TlsConnector::from(config.0.clone())
        .connect(name, stream)
        .await
}

/// Runs a server handshake over `stream`.
pub async fn accept<S>(config: &ServerConfig, stream: S) -> io::Result<ServerStream<S>>
where
    S: futures_lite::AsyncRead + futures_lite::AsyncWrite + Unpin,
{
    futures_rustls::TlsAcceptor::from(config.0.clone())
        .accept(stream)
        .await
}

// -- sans-I/O sessions ------------------------------------------------------------------

/// One TLS connection's state machine, for a transport that moves the
/// bytes itself ([`crate::wire::Wire::start_tls`]).
#[derive(Debug)]
pub struct Session {
    pub(crate) connection: rustls::Connection,
}

impl Session {
    fn new(mut connection: rustls::Connection) -> Self {
        // Plaintext written before the handshake ends waits inside rustls;
        // the wire's own marks do the flow control.
        connection.set_buffer_limit(None);
        Self { connection }
    }

    /// Whether the handshake is still going on.
    pub fn is_handshaking(&self) -> bool {
        self.connection.is_handshaking()
    }

    /// What the handshake agreed on, once it is over.
    pub fn info(&self) -> Option<SessionInfo> {
        if self.is_handshaking() {
            return None;
        }
        let suite = self.connection.negotiated_cipher_suite()?;
        let (cipher, bits) = cipher_name(suite.suite());
        let version = match self.connection.protocol_version() {
            Some(rustls::ProtocolVersion::TLSv1_3) => "TLSv1.3",
            Some(rustls::ProtocolVersion::TLSv1_2) => "TLSv1.2",
            _ => "unknown",
        };
        Some(SessionInfo {
            cipher,
            version,
            secret_bits: bits,
            alpn: self.connection.alpn_protocol().map(<[u8]>::to_vec),
            peer_certificates: self
                .connection
                .peer_certificates()
                .map(|chain| chain.iter().map(|c| c.as_ref().to_vec()).collect())
                .unwrap_or_default(),
            server_name: match &self.connection {
                rustls::Connection::Server(server) => server.server_name().map(str::to_owned),
                rustls::Connection::Client(_) => None,
            },
        })
    }
}

/// What a finished handshake agreed on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    /// The cipher suite in OpenSSL's naming (`TLS_AES_256_GCM_SHA384`,
    /// `ECDHE-RSA-AES128-GCM-SHA256`).
    pub cipher: &'static str,
    /// `TLSv1.3` or `TLSv1.2`.
    pub version: &'static str,
    /// The strength of the suite's cipher in bits.
    pub secret_bits: u32,
    /// The ALPN protocol chosen, if any.
    pub alpn: Option<Vec<u8>>,
    /// The peer's certificates (DER, leaf first); empty if it showed none.
    pub peer_certificates: Vec<Vec<u8>>,
    /// On a server, the name the client asked for (SNI).
    pub server_name: Option<String>,
}

/// The OpenSSL name and key size of each suite rustls's ring provider has.
fn cipher_name(suite: rustls::CipherSuite) -> (&'static str, u32) {
    use rustls::CipherSuite as S;
    const NAMES: &[(S, &str, u32)] = &[
        (S::TLS13_AES_256_GCM_SHA384, "TLS_AES_256_GCM_SHA384", 256),
        (S::TLS13_AES_128_GCM_SHA256, "TLS_AES_128_GCM_SHA256", 128),
        (
            S::TLS13_CHACHA20_POLY1305_SHA256,
            "TLS_CHACHA20_POLY1305_SHA256",
            256,
        ),
        (
            S::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            "ECDHE-ECDSA-AES256-GCM-SHA384",
            256,
        ),
        (
            S::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            "ECDHE-ECDSA-AES128-GCM-SHA256",
            128,
        ),
        (
            S::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            "ECDHE-ECDSA-CHACHA20-POLY1305",
            256,
        ),
        (
            S::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            "ECDHE-RSA-AES256-GCM-SHA384",
            256,
        ),
        (
            S::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            "ECDHE-RSA-AES128-GCM-SHA256",
            128,
        ),
        (
            S::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
            "ECDHE-RSA-CHACHA20-POLY1305",
            256,
        ),
    ];
    NAMES
        .iter()
        .find(|(s, _, _)| *s == suite)
        .map_or(("unknown", 0), |(_, name, bits)| (*name, *bits))
}

// -- certificates ----------------------------------------------------------------------

/// A certificate's names and dates, as a TLS library reports them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateInfo {
    /// The subject's relative distinguished names, each a list of
    /// (OpenSSL long attribute name, value).
    pub subject: Vec<Vec<(String, String)>>,
    /// The issuer's, likewise.
    pub issuer: Vec<Vec<(String, String)>>,
    /// The X.509 version (3 for v3).
    pub version: u32,
    /// The serial number in upper-case hex.
    pub serial_number: String,
    /// Start of validity, in seconds since the Unix epoch.
    pub not_before: i64,
    /// End of validity, likewise.
    pub not_after: i64,
    /// Subject alternative names as (kind, value): `DNS`, `IP Address`,
    /// `email`, `URI`.
    pub alt_names: Vec<(&'static str, String)>,
}

/// Reads a DER certificate's names and dates.
pub fn describe_certificate(der: &[u8]) -> Result<CertificateInfo, TlsError> {
    use x509_parser::extensions::GeneralName;
    let (_, cert) = x509_parser::parse_x509_certificate(der)
        .map_err(|e| TlsError::BadConfig(format!("bad certificate: {e}")))?;
    let names = |name: &x509_parser::x509::X509Name<'_>| -> Vec<Vec<(String, String)>> {
        name.iter_rdn()
            .map(|rdn| {
                rdn.iter()
                    .map(|attr| {
                        let key = attribute_long_name(&attr.attr_type().to_id_string());
                        let value = attr.as_str().map_or_else(|_| String::new(), str::to_owned);
                        (key, value)
                    })
                    .collect()
            })
            .collect()
    };
    let mut alt_names = Vec::new();
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        for name in &san.value.general_names {
            match name {
                GeneralName::DNSName(dns) => alt_names.push(("DNS", (*dns).to_owned())),
                GeneralName::RFC822Name(mail) => alt_names.push(("email", (*mail).to_owned())),
                GeneralName::URI(uri) => alt_names.push(("URI", (*uri).to_owned())),
                GeneralName::IPAddress(bytes) => {
                    if let Some(ip) = ip_text(bytes) {
                        alt_names.push(("IP Address", ip));
                    }
                }
                _ => {}
            }
        }
    }
    Ok(CertificateInfo {
        subject: names(cert.subject()),
        issuer: names(cert.issuer()),
        version: cert.version().0 + 1,
        serial_number: cert.raw_serial_as_string().replace(':', "").to_uppercase(),
        not_before: cert.validity().not_before.timestamp(),
        not_after: cert.validity().not_after.timestamp(),
        alt_names,
    })
}

/// An IP address SAN as OpenSSL prints it (IPv6 in full, upper case).
fn ip_text(bytes: &[u8]) -> Option<String> {
    match bytes.len() {
        4 => Some(format!(
            "{}.{}.{}.{}",
            bytes[0], bytes[1], bytes[2], bytes[3]
        )),
        16 => Some(
            bytes
                .chunks(2)
                .map(|pair| format!("{:X}", u16::from_be_bytes([pair[0], pair[1]])))
                .collect::<Vec<_>>()
                .join(":"),
        ),
        _ => None,
    }
}

/// OpenSSL's long name for the attributes certificates name people and
/// places by; the dotted OID for the rest.
fn attribute_long_name(oid: &str) -> String {
    const NAMES: &[(&str, &str)] = &[
        ("2.5.4.3", "commonName"),
        ("2.5.4.4", "surname"),
        ("2.5.4.5", "serialNumber"),
        ("2.5.4.6", "countryName"),
        ("2.5.4.7", "localityName"),
        ("2.5.4.8", "stateOrProvinceName"),
        ("2.5.4.9", "streetAddress"),
        ("2.5.4.10", "organizationName"),
        ("2.5.4.11", "organizationalUnitName"),
        ("2.5.4.12", "title"),
        ("2.5.4.42", "givenName"),
        ("1.2.840.113549.1.9.1", "emailAddress"),
        ("0.9.2342.19200300.100.1.25", "domainComponent"),
    ];
    NAMES
        .iter()
        .find(|(id, _)| *id == oid)
        .map_or_else(|| oid.to_owned(), |(_, name)| (*name).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{Received, Wire};
    use std::os::fd::AsFd;

    /// A self-signed certificate for `localhost` and 127.0.0.1.
    fn identity() -> (Identity, String) {
        let key = rcgen::KeyPair::generate().unwrap();
        let names = vec!["localhost".to_owned(), "127.0.0.1".to_owned()];
        let cert = rcgen::CertificateParams::new(names)
            .unwrap()
            .self_signed(&key)
            .unwrap();
        let identity =
            Identity::from_pem(cert.pem().as_bytes(), key.serialize_pem().as_bytes()).unwrap();
        (identity, cert.pem())
    }

    /// Two wires joined by a socket pair, a client's and a server's.
    fn pair(client: &ClientConfig, name: &str, server: &ServerConfig) -> (Wire, Wire) {
        let (a, b) = std::os::unix::net::UnixStream::pair().unwrap();
        let mut ours = Wire::new(a.as_fd()).unwrap();
        let mut theirs = Wire::new(b.as_fd()).unwrap();
        theirs.start_tls(server.session().unwrap()).unwrap();
        ours.start_tls(client.session(name).unwrap()).unwrap();
        (ours, theirs)
    }

    /// Turns both wires until neither has anything left to do; the first
    /// error either side meets.
    fn pump(a: &mut Wire, b: &mut Wire) -> io::Result<()> {
        let mut buf = [0u8; 64];
        for _ in 0..20 {
            for w in [&mut *a, &mut *b] {
                w.flush()?;
                if let Received::Data(_) = w.recv(&mut buf)? {
                    panic!("no data was sent");
                }
            }
        }
        Ok(())
    }

    #[test]
    fn handshake_and_echo_through_wires() {
        let (identity, pem) = identity();
        let mut server = ServerOptions::new(identity);
        server.alpn = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        let mut client = ClientOptions::default();
        client.add_trusted_pem(pem.as_bytes()).unwrap();
        client.alpn = vec![b"http/1.1".to_vec()];
        let (mut ours, mut theirs) = pair(
            &client.config().unwrap(),
            "localhost",
            &server.config().unwrap(),
        );
        assert!(ours.is_handshaking());
        ours.write(b"early").unwrap(); // waits inside the session
        let mut buf = [0u8; 64];
        let mut got = Vec::new();
        for _ in 0..20 {
            ours.flush().unwrap();
            ours.recv(&mut buf).unwrap();
            theirs.flush().unwrap();
            if let Received::Data(n) = theirs.recv(&mut buf).unwrap() {
                got.extend_from_slice(&buf[..n]);
            }
        }
        assert_eq!(got, b"early");
        assert!(!ours.is_handshaking() && !theirs.is_handshaking());
        let info = ours.tls().unwrap().info().unwrap();
        assert_eq!(info.alpn.as_deref(), Some(&b"http/1.1"[..]));
        assert_eq!(
            (info.cipher, info.version),
            ("TLS_AES_256_GCM_SHA384", "TLSv1.3")
        );
        let described = describe_certificate(&info.peer_certificates[0]).unwrap();
        assert_eq!(
            described.alt_names,
            vec![
                ("DNS", "localhost".to_owned()),
                ("IP Address", "127.0.0.1".to_owned())
            ]
        );
        assert_eq!(
            theirs.tls().unwrap().info().unwrap().server_name.as_deref(),
            Some("localhost")
        );

        // close_notify reads as end of file.
        ours.write_eof().unwrap();
        let mut end = None;
        for _ in 0..5 {
            match theirs.recv(&mut buf).unwrap() {
                Received::Nothing => continue,
                other => end = Some(other),
            }
            break;
        }
        assert_eq!(end, Some(Received::Eof));
    }

    #[test]
    fn verification_failures_say_why() {
        let (identity, pem) = identity();
        let server = ServerOptions::new(identity).config().unwrap();
        let check = |client: ClientOptions, name: &str| {
            let (mut ours, mut theirs) = pair(&client.config().unwrap(), name, &server);
            let err = pump(&mut ours, &mut theirs).unwrap_err();
            TlsError::from_io(&err).unwrap()
        };
        let self_signed = TlsError::Certificate(CertificateProblem::SelfSigned);
        assert_eq!(check(ClientOptions::default(), "localhost"), self_signed);
        assert_eq!(
            check(ClientOptions::with_builtin_roots(), "localhost"),
            self_signed
        );
        let mut trusting = ClientOptions::default();
        trusting.add_trusted_pem(pem.as_bytes()).unwrap();
        assert_eq!(
            check(trusting.clone(), "example.com"),
            TlsError::Certificate(CertificateProblem::NameMismatch)
        );
        assert_eq!(
            check(trusting.clone(), "127.0.0.2"),
            TlsError::Certificate(CertificateProblem::AddressMismatch)
        );
        // Without the name check, or without any check, the handshake ends well.
        trusting.verify_name = false;
        let (mut ours, mut theirs) = pair(&trusting.config().unwrap(), "example.com", &server);
        pump(&mut ours, &mut theirs).unwrap();
        assert!(!ours.is_handshaking());
        let blind = ClientOptions {
            verify_certificate: false,
            ..ClientOptions::default()
        };
        let (mut ours, mut theirs) = pair(&blind.config().unwrap(), "localhost", &server);
        pump(&mut ours, &mut theirs).unwrap();
        assert!(!ours.is_handshaking());
    }

    #[test]
    fn pem_problems() {
        assert_eq!(
            certificates_from_pem(b"hello\n"),
            Err(TlsError::NoCertificates)
        );
        let (_, pem) = identity();
        assert_eq!(
            Identity::from_pem(pem.as_bytes(), pem.as_bytes()).unwrap_err(),
            TlsError::NoPrivateKey
        );
        let (other, _) = identity();
        let key = rcgen::KeyPair::generate().unwrap();
        let mismatched = ServerOptions::new(Identity {
            key: PrivateKeyDer::from_pem_slice(key.serialize_pem().as_bytes()).unwrap(),
            ..other
        });
        assert_eq!(mismatched.config().unwrap_err(), TlsError::KeyMismatch);
    }
}
