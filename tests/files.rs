//! Files and streams that are not what they seem: pipes, devices, symlinks,
//! huge inputs, closed outputs, and the test helper's own pipes.

use crate::support::Test;

fn prep() -> Test {
    Test::new().args(["prep", "--notes-dir", "notes"])
}

#[test]
fn output_beyond_a_pipe_capacity_is_read_whole() {
    let story = "All of this was said. ".repeat(10_000);
    assert!(story.len() > 200 * 1024);
    let output = prep()
        .write("big.yaml", format!("customer: Acme\ngoal: {story}\n"))
        .args(["--answers", "big.yaml", "--output", "-"])
        .run()
        .status(0);
    assert!(output.stdout.len() > story.len(), "{}", output.stderr);
    assert!(output.stdout.contains(story.trim_end()));
}
