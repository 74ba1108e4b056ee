//! towel: a Python-flavoured scripting language whose generators and
//! coroutines are resumable bytecode frames running on a smol-style executor.
//!
//! This crate is a facade: it re-exports the workspace's crates, like smol
//! re-exports async-executor, async-io and friends.

pub use towel_lang as lang;
pub use towel_runtime as runtime;
