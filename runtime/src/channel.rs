//! Multi-producer multi-consumer channels, re-exported from async-channel.
//!
//! [`bounded`] channels make senders wait while the channel is full, which is
//! how producers are slowed down to the consumers' pace; [`unbounded`]
//! channels never make senders wait. Both ends can be cloned, and the channel
//! closes when all senders or all receivers are gone.
//!
//! ```
//! use towel_runtime::{block_on, channel, spawn};
//!
//! let received = block_on(async {
//!     let (tx, rx) = channel::bounded(1);
//!     spawn(async move {
//!         for n in 0..3 {
//!             tx.send(n).await.ok();
//!         }
//!     })
//!     .detach();
//!     let mut received = Vec::new();
//!     while let Ok(n) = rx.recv().await {
//!         received.push(n);
//!     }
//!     received
//! });
//! assert_eq!(received, [0, 1, 2]);
//! ```

pub use async_channel::*;
