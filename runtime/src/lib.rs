//! towel's async runtime: smol's crates assembled into one batteries-included
//! toolbox, the way async-std assembles its own.
//!
//! The crate knows nothing of the towel language. It exists so that the
//! language's `asyncio` module (and plain Rust code) can run coroutines on a
//! well-tested executor and reactor instead of a home-made one:
//!
//! * [`block_on`], [`spawn`], [`yield_now`] and [`Task`] drive a thread-local
//!   [`async_executor::LocalExecutor`] with [`async_io::block_on`]. Futures do
//!   not have to be `Send`, because the language's objects are `Rc`.
//! * [`time`] has sleeps, timeouts and intervals, plus a per-thread
//!   [`time::VirtualClock`] that makes simulated time jump forward whenever the
//!   executor has nothing else to do.
//! * [`event_loop`] runs the executor in iterations, with timers in
//!   (deadline, sequence) order: the engine of a language's event loop
//!   (towel's `asyncio` is a thin face over it).
//! * [`socket`] is blocking BSD sockets with timeouts, `poll(2)` and the C
//!   resolver; [`watch`] waits for a descriptor the caller owns through the
//!   reactor; [`signal`] catches signals as flags.
//! * [`tls`] is TLS on rustls: client and server configurations (Mozilla's
//!   roots built in, PEM trust, verification switches, ALPN), async streams
//!   over any futures-io connection, and sessions a [`wire::Wire`] runs
//!   under its bytes.
//! * [`net`], [`process`], [`spawn_blocking`], [`channel`] and [`sync`]
//!   re-export async-net, async-process, blocking, async-channel, async-lock
//!   and event-listener.
//! * [`future`], [`stream`], [`io`] and [`prelude`] are futures-lite, as in
//!   smol.
//!
//! # Example
//!
//! Spawned tasks run concurrently with the future given to [`block_on`], in the
//! order in which they became ready:
//!
//! ```
//! use std::time::Duration;
//! use towel_runtime::{block_on, spawn, time};
//!
//! let total = block_on(async {
//!     let slow = spawn(async {
//!         time::sleep(Duration::from_millis(20)).await;
//!         2
//!     });
//!     let fast = spawn(async { 1 });
//!     fast.await + slow.await
//! });
//! assert_eq!(total, 3);
//! ```
//!
//! # Hand-written futures
//!
//! An interpreter's task driver usually implements [`Future::poll`] by hand.
//! [`Task`], [`time::Sleep`] and [`time::Interval`] (through
//! [`poll_tick`](time::Interval::poll_tick)) are `Unpin`, so such a driver can
//! keep them in fields and poll them with `Pin::new(&mut field).poll(cx)`:
//! on `Pending`, the waker in `cx` is woken when they are ready.
//!
//! [`Future::poll`]: std::future::Future::poll
//!
//! # Threads
//!
//! Every thread has its own executor and its own clock setting. A task
//! spawned on a thread only makes progress while that thread is inside
//! [`block_on`] (or calls [`try_tick`] / [`run_ready`], or runs an
//! [`event_loop::EventLoop`]). Blocking work belongs
//! on [`spawn_blocking`]'s thread pool, never on the executor's thread.

#![warn(missing_docs)]

pub mod channel;
pub mod event_loop;
mod executor;
pub mod green;
pub mod net;
mod pool;
pub mod process;
pub mod signal;
pub mod socket;
pub mod sync;
pub mod time;
pub mod tls;
pub mod watch;
pub mod wire;

pub use crate::event_loop::run_one_or_wait;
pub use crate::executor::{block_on, in_block_on, run_ready, spawn, try_tick, yield_now, Task};
pub use crate::pool::{spawn_blocking, Unblock};

pub use async_io::Async;
pub use futures_lite::{future, io, pin, prelude, ready, stream};
