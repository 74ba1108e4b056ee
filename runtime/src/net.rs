//! TCP, UDP and Unix-domain sockets, re-exported from async-net.
//!
//! The sockets are registered with async-io's reactor, so they work inside
//! [`block_on`](crate::block_on) (and from any other executor). Address
//! arguments accept anything [`AsyncToSocketAddrs`] does; host names are
//! resolved on the blocking thread pool.
//!
//! ```
//! use towel_runtime::{block_on, io, net::{TcpListener, TcpStream}, spawn};
//! use towel_runtime::io::{AsyncReadExt, AsyncWriteExt};
//!
//! block_on(async {
//!     let listener = TcpListener::bind("127.0.0.1:0").await?;
//!     let addr = listener.local_addr()?;
//!     let server = spawn(async move {
//!         let (mut stream, _) = listener.accept().await?;
//!         let mut buf = [0; 4];
//!         stream.read_exact(&mut buf).await?;
//!         stream.write_all(&buf).await?;
//!         io::Result::Ok(())
//!     });
//!     let mut client = TcpStream::connect(addr).await?;
//!     client.write_all(b"ping").await?;
//!     let mut reply = [0; 4];
//!     client.read_exact(&mut reply).await?;
//!     assert_eq!(&reply, b"ping");
//!     server.await
//! })?;
//! # std::io::Result::Ok(())
//! ```

pub use async_net::{
    resolve, AddrParseError, AsyncToSocketAddrs, Incoming, IpAddr, Ipv4Addr, Ipv6Addr, Shutdown,
    SocketAddr, SocketAddrV4, SocketAddrV6, TcpListener, TcpStream, UdpSocket,
};

/// Unix-domain sockets, re-exported from `async_net::unix`.
#[cfg(unix)]
pub mod unix {
    pub use async_net::unix::*;
}
