//! Integration tests of towel-runtime, in one binary to keep builds short.
//!
//! Every `#[test]` runs on its own thread, so each gets a fresh thread-local
//! executor and clock.

mod blocking;
mod channel;
mod event_loop;
mod executor;
mod http;
mod net;
mod process;
mod time;
mod virtual_time;
