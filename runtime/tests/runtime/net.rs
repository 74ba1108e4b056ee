//! Sockets on the loopback interface only, every exchange bounded in size and
//! wrapped in a timeout so a failure cannot hang the suite.

use std::io;
use std::time::Duration;

use towel_runtime::io::{AsyncReadExt, AsyncWriteExt};
use towel_runtime::net::{TcpListener, TcpStream, UdpSocket};
use towel_runtime::{block_on, spawn, time};

const LIMIT: Duration = Duration::from_secs(10);

#[test]
fn tcp_echo_serves_several_clients_concurrently() {
    block_on(time::timeout(LIMIT, async {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let server = spawn(async move {
            let mut handlers = Vec::new();
            for _ in 0..3 {
                let (mut stream, _) = listener.accept().await?;
                handlers.push(spawn(async move {
                    let mut buf = vec![0u8; 1024];
                    loop {
                        let n = stream.read(&mut buf).await?;
                        if n == 0 {
                            return io::Result::Ok(());
                        }
                        stream.write_all(&buf[..n]).await?;
                    }
                }));
            }
            for handler in handlers {
                handler.await?;
            }
            io::Result::Ok(())
        });

        let clients: Vec<_> = (0..3u8)
            .map(|id| {
                spawn(async move {
                    let mut stream = TcpStream::connect(addr).await?;
                    let message = vec![id; 4096];
                    stream.write_all(&message).await?;
                    let mut echoed = vec![0u8; message.len()];
                    stream.read_exact(&mut echoed).await?;
                    stream.close().await?;
                    assert_eq!(echoed, message);
                    io::Result::Ok(())
                })
            })
            .collect();
        for client in clients {
            client.await?;
        }
        server.await
    }))
    .expect("timed out")
    .unwrap();
}

#[test]
fn udp_round_trip() {
    block_on(time::timeout(LIMIT, async {
        let server = UdpSocket::bind("127.0.0.1:0").await?;
        let client = UdpSocket::bind("127.0.0.1:0").await?;
        client.connect(server.local_addr()?).await?;
        client.send(b"hello").await?;
        let mut buf = [0u8; 16];
        let (n, from) = server.recv_from(&mut buf).await?;
        server.send_to(&buf[..n], from).await?;
        let n = client.recv(&mut buf).await?;
        assert_eq!(&buf[..n], b"hello");
        io::Result::Ok(())
    }))
    .expect("timed out")
    .unwrap();
}

#[cfg(unix)]
#[test]
fn unix_stream_pair_round_trip() {
    use towel_runtime::net::unix::UnixStream;

    block_on(time::timeout(LIMIT, async {
        let (mut a, mut b) = UnixStream::pair()?;
        a.write_all(b"ping").await?;
        let mut buf = [0u8; 4];
        b.read_exact(&mut buf).await?;
        assert_eq!(&buf, b"ping");
        io::Result::Ok(())
    }))
    .expect("timed out")
    .unwrap();
}
