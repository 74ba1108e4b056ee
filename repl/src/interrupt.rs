//! Ctrl-C while a statement runs.
//!
//! While the prompt is up the terminal is in raw mode and Ctrl-C is a key
//! that the line editor reads. While a statement runs the terminal is back
//! in cooked mode and Ctrl-C is a SIGINT. Two things must happen then:
//!
//! * the VM's interrupt flag is set right in the signal handler, so that a
//!   busy loop (`while True: pass`) raises `KeyboardInterrupt` at its next
//!   backward jump, even though the main thread never looks at the event loop;
//! * the session hears of it ([`Event::Interrupt`]) even when the main thread
//!   is asleep in the event loop, waiting for an `await` to finish, so that
//!   it can cancel the statement's task.
//!
//! Whoever swaps the flag back to false first acts on the Ctrl-C (the VM by
//! raising, the session by cancelling), so one Ctrl-C is acted on once.

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use signal_hook::consts::SIGINT;
use signal_hook::iterator::Signals;
use towel_runtime::channel::Sender;

use crate::editor::Event;

/// Installs the SIGINT handling described in the module documentation.
pub fn install(flag: Arc<AtomicBool>, events: Sender<Event>) -> std::io::Result<()> {
    signal_hook::flag::register(SIGINT, flag)?;
    let mut signals = Signals::new([SIGINT])?;
    std::thread::Builder::new()
        .name("towel-sigint".into())
        .spawn(move || {
            for _ in signals.forever() {
                if events.send_blocking(Event::Interrupt).is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}
