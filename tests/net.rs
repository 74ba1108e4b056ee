//! Runs every script in `tests/net/` (TLS and HTTP over 127.0.0.1) against
//! the built `towel` binary, as `tests/stdlib.rs` does, with certificates
//! made at test time: a CA, a server certificate it signs for `localhost`
//! and 127.0.0.1, and a self-signed one, as PEM files in a temporary
//! folder named by `TOWEL_TEST_CERTS` (see [`Certificates`]).
//!
//! CPython's recordings need the same files, so this runner also records:
//! `TOWEL_NET_RECORD=python3 cargo test --profile ci --test net` writes each
//! `NAME.out` from that interpreter instead of comparing (the HTTP scripts
//! need the real `httpx` installed for it: `python3 -m pip install httpx`).

use libtest_mimic::{Arguments, Trial};
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

/// The PEM files the scripts read from `$TOWEL_TEST_CERTS`.
struct Certificates {
    dir: PathBuf,
}

impl Certificates {
    /// `ca.pem`; `server.pem` + `server.key` (signed by the CA, for
    /// `localhost` and 127.0.0.1); `self_signed.pem` + `self_signed.key`
    /// (for `localhost`); `client.pem` + `client.key` (signed by the CA).
    fn make() -> Self {
        let dir = std::env::temp_dir().join(format!("towel-net-certs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        let write = |name: &str, text: String| std::fs::write(dir.join(name), text).unwrap();

        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut ca_params = rcgen::CertificateParams::new(Vec::new()).unwrap();
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "towel test CA");
        let ca = ca_params.self_signed(&ca_key).unwrap();
        write("ca.pem", ca.pem());
        let issuer = rcgen::Issuer::new(ca_params, ca_key);

        let signed = |stem: &str, names: Vec<String>, common_name: &str| {
            let key = rcgen::KeyPair::generate().unwrap();
            let mut params = rcgen::CertificateParams::new(names).unwrap();
            params
                .distinguished_name
                .push(rcgen::DnType::CommonName, common_name);
            let cert = params.signed_by(&key, &issuer).unwrap();
            write(&format!("{stem}.pem"), cert.pem());
            write(&format!("{stem}.key"), key.serialize_pem());
        };
        signed(
            "server",
            vec!["localhost".into(), "127.0.0.1".into()],
            "localhost",
        );
        signed("client", Vec::new(), "towel test client");

        let key = rcgen::KeyPair::generate().unwrap();
        let mut params = rcgen::CertificateParams::new(vec!["localhost".into()]).unwrap();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "localhost");
        let cert = params.self_signed(&key).unwrap();
        write("self_signed.pem", cert.pem());
        write("self_signed.key", key.serialize_pem());
        Self { dir }
    }
}

impl Drop for Certificates {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Writes `script`'s `.out` from `python` (record mode).
fn record(python: &str, script: &Path, certs: &Path) -> Result<(), String> {
    let output = Command::new(python)
        .arg(script.file_name().ok_or("no file name")?)
        .current_dir(script.parent().ok_or("no folder")?)
        .env("TOWEL_TEST_CERTS", certs)
        .env("PYTHONHASHSEED", "0")
        .output()
        .map_err(|e| format!("cannot run {python}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{python} failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    std::fs::write(script.with_extension("out"), output.stdout).map_err(|e| e.to_string())
}

fn main() {
    let args = Arguments::from_args();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/net");
    let certs = std::sync::Arc::new(Certificates::make());
    let recorder = std::env::var("TOWEL_NET_RECORD").ok();
    if recorder.is_some() {
        // A new script has no recording yet: record every script.
        for entry in std::fs::read_dir(&dir).expect("tests/net").flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|x| x == "py") && !path.with_extension("out").exists() {
                std::fs::write(path.with_extension("out"), b"").expect("a recording file");
            }
        }
    }
    let trials = common::recorded_cases(&dir)
        .into_iter()
        .map(|(name, script)| {
            let certs = certs.clone();
            let recorder = recorder.clone();
            Trial::test(name, move || {
                if let Some(python) = recorder {
                    return Ok(record(&python, &script, &certs.dir)?);
                }
                let invocation = common::Invocation {
                    options: Vec::new(),
                    env: vec![(
                        "TOWEL_TEST_CERTS".to_owned(),
                        certs.dir.display().to_string(),
                    )],
                };
                let file = script.file_name().ok_or("no file name")?;
                let folder = script.parent().ok_or("no folder")?;
                common::run_against_recording_as(
                    Path::new(file),
                    folder,
                    &script.with_extension("out"),
                    &invocation,
                )?;
                Ok(())
            })
        })
        .collect();
    let conclusion = libtest_mimic::run(&args, trials);
    drop(certs);
    conclusion.exit();
}
