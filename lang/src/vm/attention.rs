//! The dispatch loop's attention flag: one boolean, tested before every
//! instruction, that says "something wants the loop's attention" (a dropped
//! coroutine's warning, a due collection, tracing, a thread switch).
//!
//! It is atomic only so that another OS thread may raise it: the green
//! threads' switch ticker (`towel_runtime::green`) does, every switch
//! interval. Its loads and stores are `Relaxed`, which compile to the same
//! plain moves as a `Cell<bool>`, so the hot loop pays nothing for that.

use std::sync::atomic::{AtomicBool, Ordering};

/// A flag the dispatch loop reads before each instruction.
#[derive(Default)]
pub struct AttentionFlag(AtomicBool);

impl AttentionFlag {
    pub fn new(raised: bool) -> AttentionFlag {
        AttentionFlag(AtomicBool::new(raised))
    }

    #[inline(always)]
    pub fn get(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    #[inline(always)]
    pub fn set(&self, raised: bool) {
        self.0.store(raised, Ordering::Relaxed)
    }
}
