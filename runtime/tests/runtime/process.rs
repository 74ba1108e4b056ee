#![cfg(unix)]
//! Child processes, using tools every Unix has.

use std::time::Duration;

use towel_runtime::io::{AsyncReadExt, AsyncWriteExt};
use towel_runtime::process::{Command, Stdio};
use towel_runtime::{block_on, time};

const LIMIT: Duration = Duration::from_secs(10);

#[test]
fn echo_output_is_captured() {
    let output = block_on(time::timeout(
        LIMIT,
        Command::new("echo").arg("hello towel").output(),
    ))
    .expect("timed out")
    .unwrap();
    assert!(output.status.success());
    assert_eq!(output.stdout, b"hello towel\n");
}

#[test]
fn piped_stdin_and_stdout() {
    let echoed = block_on(time::timeout(LIMIT, async {
        let mut child = Command::new("cat")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()?;
        let mut stdin = child.stdin.take().expect("piped stdin");
        stdin.write_all(b"through the pipe").await?;
        drop(stdin); // EOF for cat.
        let mut out = String::new();
        child
            .stdout
            .take()
            .expect("piped stdout")
            .read_to_string(&mut out)
            .await?;
        assert!(child.status().await?.success());
        std::io::Result::Ok(out)
    }))
    .expect("timed out")
    .unwrap();
    assert_eq!(echoed, "through the pipe");
}

#[test]
fn exit_status_of_a_failing_command() {
    let status = block_on(Command::new("false").status()).unwrap();
    assert!(!status.success());
}
