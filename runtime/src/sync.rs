//! Async synchronization primitives, re-exported from async-lock and
//! event-listener.
//!
//! They suspend the task instead of blocking the thread, which matters on a
//! single-threaded executor: a `std::sync::Mutex` held across an `.await`
//! would deadlock it. They are also `Send` and `Sync`, so they work between the
//! executor and [`spawn_blocking`](crate::spawn_blocking) threads.
//!
//! ```
//! use std::rc::Rc;
//! use towel_runtime::{block_on, spawn, sync::Mutex};
//!
//! let counter = Rc::new(Mutex::new(0));
//! block_on(async {
//!     let tasks: Vec<_> = (0..10)
//!         .map(|_| {
//!             let counter = counter.clone();
//!             spawn(async move { *counter.lock().await += 1 })
//!         })
//!         .collect();
//!     for task in tasks {
//!         task.await;
//!     }
//! });
//! assert_eq!(*counter.try_lock().unwrap(), 10);
//! ```

pub use async_lock::{
    Barrier, BarrierWaitResult, Mutex, MutexGuard, MutexGuardArc, OnceCell, RwLock,
    RwLockReadGuard, RwLockReadGuardArc, RwLockUpgradableReadGuard, RwLockUpgradableReadGuardArc,
    RwLockWriteGuard, RwLockWriteGuardArc, Semaphore, SemaphoreGuard, SemaphoreGuardArc,
};
pub use event_listener::{Event, EventListener, IntoNotification, Listener, Notification};
