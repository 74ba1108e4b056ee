//! The HTTP client against small servers on 127.0.0.1: keep-alive and the
//! connection limit, a connection the server closed while idle, https with
//! a certificate made here, timeouts, and the blocking client.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use towel_runtime::http::{BlockingClient, Client, HttpError, Limits, Phase, Request, Timeouts};
use towel_runtime::net::TcpListener;
use towel_runtime::prelude::*;
use towel_runtime::{block_on, spawn, tls};

/// Reads one request head (these requests have no body).
async fn read_head<S: AsyncRead + Unpin>(conn: &mut S) -> Option<String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if conn.read(&mut byte).await.ok()? == 0 {
            return None;
        }
        head.push(byte[0]);
    }
    Some(String::from_utf8_lossy(&head).into_owned())
}

fn ok(body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// A server answering every request with its path; with `close_after`, it
/// closes each connection after one answer (without saying so). Returns
/// its address and the count of connections it accepted.
async fn server(close_after: bool, delay: Duration) -> (String, Rc<Cell<usize>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let accepted = Rc::new(Cell::new(0));
    let count = accepted.clone();
    spawn(async move {
        loop {
            let (mut conn, _) = listener.accept().await.unwrap();
            count.set(count.get() + 1);
            spawn(async move {
                while let Some(head) = read_head(&mut conn).await {
                    towel_runtime::time::sleep(delay).await;
                    let path = head.split(' ').nth(1).unwrap_or("").to_owned();
                    let _ = conn.write_all(&ok(&path)).await;
                    if close_after {
                        break;
                    }
                }
            })
            .detach();
        }
    })
    .detach();
    (address, accepted)
}

#[test]
fn keep_alive_shares_connections_within_the_limit() {
    block_on(async {
        let (base, accepted) = server(false, Duration::from_millis(20)).await;
        let limits = Limits {
            max_connections: Some(2),
            ..Limits::default()
        };
        let client = Client::new(None, Timeouts::all(Some(Duration::from_secs(5))), limits);
        let tasks: Vec<_> = (0..6)
            .map(|i| {
                let client = client.clone();
                let url = format!("{base}/item/{i}");
                spawn(async move { client.send(Request::get(&url)).await.unwrap().bytes().await })
            })
            .collect();
        for (i, task) in tasks.into_iter().enumerate() {
            assert_eq!(task.await.unwrap(), format!("/item/{i}").into_bytes());
        }
        assert_eq!(accepted.get(), 2);
        for _ in 0..3 {
            let body = client
                .send(Request::get(&format!("{base}/again")))
                .await
                .unwrap();
            assert_eq!(body.bytes().await.unwrap(), b"/again");
        }
        assert_eq!(accepted.get(), 2, "idle connections are reused");
    });
}

#[test]
fn a_connection_closed_while_idle_is_replaced() {
    block_on(async {
        let (base, accepted) = server(true, Duration::ZERO).await;
        let client = Client::default();
        for i in 0..3 {
            let response = client
                .send(Request::get(&format!("{base}/{i}")))
                .await
                .unwrap();
            assert_eq!(
                response.bytes().await.unwrap(),
                format!("/{i}").into_bytes()
            );
            towel_runtime::time::sleep(Duration::from_millis(20)).await;
        }
        assert_eq!(accepted.get(), 3);
    });
}

#[test]
fn waits_have_limits() {
    block_on(async {
        let (base, _) = server(false, Duration::from_secs(10)).await;
        let timeouts = Timeouts::all(Some(Duration::from_millis(100)));
        let client = Client::new(None, timeouts, Limits::default());
        let err = client
            .send(Request::get(&format!("{base}/slow")))
            .await
            .unwrap_err();
        assert!(matches!(err, HttpError::Timeout(Phase::Read)), "{err:?}");
        let refused = client
            .send(Request::get("http://127.0.0.1:1/"))
            .await
            .unwrap_err();
        assert!(matches!(refused, HttpError::Connect(_)), "{refused:?}");
        let bad = client
            .send(Request::get("ftp://127.0.0.1/"))
            .await
            .unwrap_err();
        assert!(matches!(bad, HttpError::InvalidUrl(_)), "{bad:?}");
    });
}

#[test]
fn https_with_a_certificate_made_here() {
    let key = rcgen::KeyPair::generate().unwrap();
    let cert = rcgen::CertificateParams::new(vec!["localhost".to_owned()])
        .unwrap()
        .self_signed(&key)
        .unwrap();
    let identity =
        tls::Identity::from_pem(cert.pem().as_bytes(), key.serialize_pem().as_bytes()).unwrap();
    let server_config = tls::ServerOptions::new(identity).config().unwrap();
    let mut trust = tls::ClientOptions::default();
    trust.add_trusted_pem(cert.pem().as_bytes()).unwrap();
    let client_config = trust.config().unwrap();
    block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        spawn(async move {
            loop {
                let (tcp, _) = listener.accept().await.unwrap();
                let config = server_config.clone();
                spawn(async move {
                    // A client that refuses the certificate ends the handshake.
                    let Ok(mut conn) = tls::accept(&config, tcp).await else {
                        return;
                    };
                    while read_head(&mut conn).await.is_some() {
                        conn.write_all(&ok("secret")).await.unwrap();
                        conn.flush().await.unwrap();
                    }
                })
                .detach();
            }
        })
        .detach();
        let client = Client::new(Some(client_config), Timeouts::all(None), Limits::default());
        for _ in 0..2 {
            let url = format!("https://localhost:{port}/");
            let response = client.send(Request::get(&url)).await.unwrap();
            assert_eq!(response.bytes().await.unwrap(), b"secret");
        }
        // A client that trusts only Mozilla's roots refuses the certificate.
        let stranger = Client::default();
        let err = stranger
            .send(Request::get(&format!("https://localhost:{port}/")))
            .await
            .unwrap_err();
        assert!(
            matches!(err, HttpError::Tls(tls::TlsError::Certificate(_))),
            "{err:?}"
        );
    });
}

#[test]
fn the_blocking_client_answers_from_its_thread() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        let (mut conn, _) = listener.accept().unwrap();
        let mut seen = Vec::new();
        let mut buf = [0u8; 512];
        let mut answered = 0;
        while answered < 2 {
            let n = conn.read(&mut buf).unwrap();
            seen.extend_from_slice(&buf[..n]);
            while let Some(end) = seen.windows(4).position(|w| w == b"\r\n\r\n") {
                seen.drain(..end + 4);
                conn.write_all(&ok("sync")).unwrap();
                answered += 1;
            }
        }
    });
    let client = BlockingClient::new(
        None,
        Timeouts::all(Some(Duration::from_secs(5))),
        Limits::default(),
    )
    .unwrap();
    for _ in 0..2 {
        let response = client.send(Request::get(&format!("{base}/"))).unwrap();
        assert_eq!((response.status, response.body), (200, b"sync".to_vec()));
    }
}
