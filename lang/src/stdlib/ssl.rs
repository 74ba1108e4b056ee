//! `_ssl`: the natives under `ssl` (`ssl.py`), a thin face over
//! `towel_runtime::tls`.
//!
//! `ssl.SSLContext` (towel source) keeps its settings in Python and asks
//! for a configuration when a connection needs one:
//!
//! - `client_config(builtin_roots, trusted, verify_certificate,
//!   verify_name, alpn, cert, key)` and `server_config(cert, key, alpn,
//!   client_roots)` make a `TlsConfig` (PEM texts as `bytes`, ALPN names as
//!   `bytes`), which `asyncio._Wire.start_tls` takes;
//! - `pem_certificates(pem)` checks a CA file (a list of DER certificates),
//!   `check_identity(cert, key)` a certificate chain and its key;
//! - `describe_certificate(der)` reads a certificate's names and dates for
//!   `getpeercert()`.
//!
//! Failures raise `ssl`'s own classes (defined in `ssl.py`) with CPython's
//! messages, OpenSSL's reason codes included ([`tls_error`]).

use crate::objects::class::Layout;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyErr, PyResult, Value};
use crate::vm::types::new_class;
use crate::vm::Vm;
use std::any::Any;
use std::rc::Rc;
use towel_runtime::tls::{
    self, CertificateProblem, ClientConfig, ClientOptions, Identity, ServerConfig, ServerOptions,
    TlsError,
};

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    Ok(super::module_with_declared(vm, "_ssl", FUNCTIONS))
}

const FUNCTIONS: &[(&Signature, NativeFn)] = &[
    (&CLIENT_CONFIG, client_config),
    (&SERVER_CONFIG, server_config),
    (&PEM_CERTIFICATES, pem_certificates),
    (&CHECK_IDENTITY, check_identity),
    (&DESCRIBE_CERTIFICATE, describe_certificate),
];

/// A finished configuration for one side of a connection.
pub(crate) enum TlsConfig {
    Client(ClientConfig),
    Server(ServerConfig),
}

/// The object `TlsConfig` values are, with its class.
struct ConfigObject {
    class: Rc<Class>,
    config: TlsConfig,
}

impl NativeObject for ConfigObject {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn config_value(vm: &Vm, config: TlsConfig) -> Value {
    let class = vm.lazy_class("_ssl.TlsConfig", |vm| {
        new_class(
            "TlsConfig",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "_ssl",
        )
    });
    Value::native(ConfigObject { class, config })
}

/// The configuration inside a value `client_config`/`server_config` made.
pub(crate) fn config_of<'a>(vm: &Vm, value: &'a Value) -> PyResult<&'a TlsConfig> {
    value
        .downcast_native::<ConfigObject>()
        .map(|c| &c.config)
        .ok_or_else(|| vm.type_error("expected a _ssl.TlsConfig"))
}

fn bytes_of(vm: &Vm, value: &Value, what: &str) -> PyResult<Vec<u8>> {
    crate::objects::bytes::bytes_like(value)
        .map(|b| b.to_vec())
        .ok_or_else(|| vm.type_error(format!("{what} must be bytes")))
}

/// A list of `bytes` items.
fn byte_strings(vm: &Vm, value: &Value, what: &str) -> PyResult<Vec<Vec<u8>>> {
    vm.to_vec(value)?
        .iter()
        .map(|item| bytes_of(vm, item, what))
        .collect()
}

fn identity_of(vm: &Vm, cert: &Value, key: &Value) -> PyResult<Option<Identity>> {
    if cert.is_none() {
        return Ok(None);
    }
    let cert = bytes_of(vm, cert, "the certificate")?;
    let key = if key.is_none() {
        cert.clone()
    } else {
        bytes_of(vm, key, "the key")?
    };
    Identity::from_pem(&cert, &key)
        .map(Some)
        .map_err(|e| match e {
            // A certificate file with no certificate fails where OpenSSL reads
            // the chain, before the key.
            TlsError::NoCertificates => match raise_shape(vm, &pem_lib(PEM_CHAIN_LINE)) {
                Ok(err) | Err(err) => err,
            },
            other => tls_error(vm, &other, None),
        })
}

static CLIENT_CONFIG: Signature = Signature::new(
    Style::Positional,
    "client_config",
    "builtin_roots, trusted, verify_certificate, verify_name, alpn, cert, key, /",
);

fn client_config(vm: &Vm, args: Args) -> PyResult {
    let ([builtin_roots, trusted, verify_certificate, verify_name, alpn, cert, key], []) =
        CLIENT_CONFIG.bind(vm, args)?;
    let mut options = ClientOptions {
        builtin_roots: vm.truthy(builtin_roots)?,
        verify_certificate: vm.truthy(verify_certificate)?,
        verify_name: vm.truthy(verify_name)?,
        alpn: byte_strings(vm, alpn, "ALPN protocols")?,
        identity: identity_of(vm, cert, key)?,
        ..ClientOptions::default()
    };
    for pem in byte_strings(vm, trusted, "trusted certificates")? {
        options
            .add_trusted_pem(&pem)
            .map_err(|e| tls_error(vm, &e, None))?;
    }
    let config = options.config().map_err(|e| tls_error(vm, &e, None))?;
    Ok(config_value(vm, TlsConfig::Client(config)))
}

static SERVER_CONFIG: Signature = Signature::new(
    Style::Positional,
    "server_config",
    "cert, key, alpn, client_roots, /",
);

fn server_config(vm: &Vm, args: Args) -> PyResult {
    let ([cert, key, alpn, client_roots], []) = SERVER_CONFIG.bind(vm, args)?;
    let identity = identity_of(vm, cert, key)?
        .ok_or_else(|| vm.value_error("a server needs a certificate"))?;
    let mut options = ServerOptions::new(identity);
    options.alpn = byte_strings(vm, alpn, "ALPN protocols")?;
    if !client_roots.is_none() {
        let mut roots = Vec::new();
        for pem in byte_strings(vm, client_roots, "trusted certificates")? {
            roots.extend(tls::certificates_from_pem(&pem).map_err(|e| tls_error(vm, &e, None))?);
        }
        options.client_roots = Some(roots);
    }
    let config = options.config().map_err(|e| tls_error(vm, &e, None))?;
    Ok(config_value(vm, TlsConfig::Server(config)))
}

static PEM_CERTIFICATES: Signature =
    Signature::new(Style::Positional, "pem_certificates", "pem, /");

/// The certificates of a PEM text as DER `bytes`; none is an `SSLError`.
fn pem_certificates(vm: &Vm, args: Args) -> PyResult {
    let ([pem], []) = PEM_CERTIFICATES.bind(vm, args)?;
    let pem = bytes_of(vm, pem, "cadata")?;
    let certificates = tls::certificates_from_pem(&pem).map_err(|e| tls_error(vm, &e, None))?;
    Ok(Value::list(
        certificates
            .iter()
            .map(|c| Value::Bytes(Rc::new(c.as_ref().to_vec())))
            .collect(),
    ))
}

static CHECK_IDENTITY: Signature =
    Signature::new(Style::Positional, "check_identity", "cert, key, /");

/// Raises what `load_cert_chain` raises for a chain and key that do not
/// make a usable identity.
fn check_identity(vm: &Vm, args: Args) -> PyResult {
    let ([cert, key], []) = CHECK_IDENTITY.bind(vm, args)?;
    let identity = identity_of(vm, cert, key)?.ok_or_else(|| vm.type_error("no certificate"))?;
    ServerOptions::new(identity)
        .config()
        .map_err(|e| tls_error(vm, &e, None))?;
    Ok(Value::None)
}

static DESCRIBE_CERTIFICATE: Signature =
    Signature::new(Style::Positional, "describe_certificate", "der, /");

/// `(subject, issuer, version, serial, not_before, not_after, alt_names)`,
/// names as `getpeercert()` nests them, dates in seconds since the epoch.
fn describe_certificate(vm: &Vm, args: Args) -> PyResult {
    let ([der], []) = DESCRIBE_CERTIFICATE.bind(vm, args)?;
    let der = bytes_of(vm, der, "the certificate")?;
    let info = tls::describe_certificate(&der).map_err(|e| tls_error(vm, &e, None))?;
    let names = |rdns: &[Vec<(String, String)>]| {
        Value::tuple(
            rdns.iter()
                .map(|rdn| {
                    Value::tuple(
                        rdn.iter()
                            .map(|(k, v)| {
                                Value::tuple(vec![
                                    Value::string(k.clone()),
                                    Value::string(v.clone()),
                                ])
                            })
                            .collect(),
                    )
                })
                .collect(),
        )
    };
    let alt_names = info
        .alt_names
        .iter()
        .map(|(kind, value)| Value::tuple(vec![Value::str(kind), Value::string(value.clone())]))
        .collect();
    Ok(Value::tuple(vec![
        names(&info.subject),
        names(&info.issuer),
        Value::Int(i64::from(info.version)),
        Value::string(info.serial_number),
        Value::Int(info.not_before),
        Value::Int(info.not_after),
        Value::tuple(alt_names),
    ]))
}

// -- errors -------------------------------------------------------------------------

/// CPython's `_ssl.c` line in its messages (3.11's, as `python3` prints).
const HANDSHAKE_LINE: u32 = 1006;
const CERT_FILE_LINE: u32 = 3926;
const PEM_CHAIN_LINE: u32 = 3905;
const CA_FILE_LINE: u32 = 4154;

/// What an `SSLError` carries, in OpenSSL's terms.
struct Shape {
    class: &'static str,
    errno: i64,
    library: &'static str,
    reason: Option<String>,
    text: String,
    line: u32,
    verify: Option<(i64, String)>,
}

impl Shape {
    /// `[SSL: REASON] text (_ssl.c:LINE)`, the exception's message.
    fn message(&self) -> String {
        match &self.reason {
            Some(reason) => format!(
                "[{}: {reason}] {} (_ssl.c:{})",
                self.library, self.text, self.line
            ),
            None => format!("[{}] {} (_ssl.c:{})", self.library, self.text, self.line),
        }
    }
}

/// The message `tls_error`'s exception would carry.
pub(crate) fn tls_message(error: &TlsError, server_name: Option<&str>) -> String {
    shape_of(error, server_name.unwrap_or("")).message()
}

/// A TLS failure as CPython's `ssl` raises it: `SSLCertVerificationError`
/// for a rejected certificate (`server_name` names it in a mismatch),
/// `SSLError` with OpenSSL's library, reason and text otherwise.
pub(crate) fn tls_error(vm: &Vm, error: &TlsError, server_name: Option<&str>) -> PyErr {
    let shape = shape_of(error, server_name.unwrap_or(""));
    match raise_shape(vm, &shape) {
        Ok(err) | Err(err) => err,
    }
}

fn shape_of(error: &TlsError, server_name: &str) -> Shape {
    let ssl = |reason: &str, text: String| Shape {
        class: "SSLError",
        errno: 1,
        library: "SSL",
        reason: Some(reason.to_owned()),
        text,
        line: HANDSHAKE_LINE,
        verify: None,
    };
    match error {
        TlsError::Certificate(problem) => {
            let (code, why) = match problem {
                CertificateProblem::SelfSigned => (18, "self-signed certificate".to_owned()),
                CertificateProblem::UnknownIssuer => {
                    (20, "unable to get local issuer certificate".to_owned())
                }
                CertificateProblem::NameMismatch => (
                    62,
                    format!("Hostname mismatch, certificate is not valid for '{server_name}'."),
                ),
                CertificateProblem::AddressMismatch => (
                    64,
                    format!("IP address mismatch, certificate is not valid for '{server_name}'."),
                ),
                CertificateProblem::Expired => (10, "certificate has expired".to_owned()),
                CertificateProblem::NotYetValid => (9, "certificate is not yet valid".to_owned()),
                CertificateProblem::Other(other) => (0, other.clone()),
            };
            Shape {
                class: "SSLCertVerificationError",
                verify: Some((code, why.clone())),
                ..ssl(
                    "CERTIFICATE_VERIFY_FAILED",
                    format!("certificate verify failed: {why}"),
                )
            }
        }
        TlsError::Alert(alert) => {
            let (reason, text) = alert_reason(alert);
            ssl(&reason, text)
        }
        TlsError::NoApplicationProtocol => ssl(
            "NO_APPLICATION_PROTOCOL",
            "no application protocol".to_owned(),
        ),
        TlsError::Protocol(why) if why.contains("corrupt message") => {
            ssl("WRONG_VERSION_NUMBER", "wrong version number".to_owned())
        }
        TlsError::Protocol(why) => Shape {
            reason: None,
            ..ssl("", why.clone())
        },
        TlsError::NoCertificates => Shape {
            errno: 136,
            library: "X509",
            line: CA_FILE_LINE,
            ..ssl(
                "NO_CERTIFICATE_OR_CRL_FOUND",
                "no certificate or crl found".to_owned(),
            )
        },
        TlsError::KeyMismatch => Shape {
            errno: 116,
            library: "X509",
            line: CERT_FILE_LINE,
            ..ssl("KEY_VALUES_MISMATCH", "key values mismatch".to_owned())
        },
        TlsError::NoPrivateKey | TlsError::BadConfig(_) => pem_lib(CERT_FILE_LINE),
    }
}

/// OpenSSL's "PEM lib" failure, which names no reason.
fn pem_lib(line: u32) -> Shape {
    Shape {
        class: "SSLError",
        errno: 524297,
        library: "SSL",
        reason: None,
        text: "PEM lib".to_owned(),
        line,
        verify: None,
    }
}

/// OpenSSL's reason code and text for an alert the peer sent
/// (`UnknownCA` -> `TLSV1_ALERT_UNKNOWN_CA`, "tlsv1 alert unknown ca").
fn alert_reason(alert: &str) -> (String, String) {
    const SSLV3: &[&str] = &[
        "BadCertificate",
        "HandshakeFailure",
        "UnsupportedCertificate",
        "CertificateRevoked",
        "CertificateExpired",
        "CertificateUnknown",
        "UnexpectedMessage",
        "BadRecordMac",
        "IllegalParameter",
    ];
    let words = match alert {
        "UnknownCA" => vec!["unknown".to_owned(), "ca".to_owned()],
        _ => split_camel(alert),
    };
    let family = if SSLV3.contains(&alert) {
        "sslv3"
    } else if alert == "CertificateRequired" {
        "tlsv13"
    } else {
        "tlsv1"
    };
    let text = format!("{family} alert {}", words.join(" "));
    (text.replace(' ', "_").to_uppercase(), text)
}

fn split_camel(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for c in name.chars() {
        if c.is_uppercase() || words.is_empty() {
            words.push(String::new());
        }
        words
            .last_mut()
            .expect("a word was pushed")
            .extend(c.to_lowercase());
    }
    words
}

/// Makes the exception through `ssl.py`'s class, so `except ssl.SSLError`
/// and its `__str__` are the module's own.
fn raise_shape(vm: &Vm, shape: &Shape) -> PyResult<PyErr> {
    let module = vm.import_module("ssl")?;
    let class = vm.get_attr_str(&Value::Module(module), shape.class)?;
    let message = shape.message();
    let err = vm.call(&class, &[Value::Int(shape.errno), Value::string(message)])?;
    let set = |name: &str, value: Value| vm.set_attr(&err, &crate::objects::Name::new(name), value);
    set("library", Value::str(shape.library))?;
    set(
        "reason",
        shape.reason.clone().map_or(Value::None, Value::string),
    )?;
    if let Some((code, text)) = &shape.verify {
        set("verify_code", Value::Int(*code))?;
        set("verify_message", Value::string(text.clone()))?;
    }
    match err {
        Value::Instance(instance) => Ok(PyErr(instance)),
        _ => Err(vm.type_error("ssl error classes must make exceptions")),
    }
}
