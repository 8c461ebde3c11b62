//! The compare-and-swap writer and `apply` on real files.

use super::tests::{day, plan_closed, FIGURES, NOTE, PLAN};
use super::*;
use pretty_assertions::assert_eq;

fn write_note(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("note.md");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn apply_writes_the_edit_privately_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_note(dir.path(), NOTE);
    let applied = apply(&path, PLAN, Change::Close(day())).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), plan_closed());
    let done_line = plan_closed()
        .lines()
        .position(|line| line.ends_with("done: true"))
        .unwrap();
    assert_eq!(applied.done_line, done_line + 1);
    assert!(plan_closed()
        .lines()
        .nth(applied.task_line - 1)
        .unwrap()
        .starts_with("- [x]"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(names, ["note.md"]);
    apply(&path, PLAN, Change::Reopen).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), NOTE);
}

#[test]
fn a_file_that_no_longer_holds_the_bytes_read_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_note(dir.path(), NOTE);
    let edited = close(NOTE, PLAN, day()).unwrap();
    std::fs::write(&path, format!("{NOTE}\nA line added in an editor.\n")).unwrap();
    let error = replace_if_unchanged(&path, NOTE.as_bytes(), edited.as_bytes()).unwrap_err();
    assert!(matches!(error, EditError::Changed { .. }), "{error:?}");
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .ends_with("in an editor.\n"));
    std::fs::remove_file(&path).unwrap();
    let error = replace_if_unchanged(&path, NOTE.as_bytes(), edited.as_bytes()).unwrap_err();
    assert!(matches!(error, EditError::File(_)), "{error:?}");
}

#[cfg(unix)]
#[test]
fn a_link_or_a_fifo_in_place_of_the_note_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let target = write_note(dir.path(), NOTE);
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let error = apply(&link, PLAN, Change::Close(day())).unwrap_err();
    assert!(error.to_string().contains("symbolic link"), "{error}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), NOTE);
    let fifo = dir.path().join("fifo.md");
    let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string naming a path in a temporary folder.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let error = apply(&fifo, PLAN, Change::Close(day())).unwrap_err();
    assert!(error.to_string().contains("not a regular file"), "{error}");
}

// Two `coach done` on one note at once: each edit is computed from what it
// read, so a plain read-modify-write would lose one of them.
#[test]
fn two_closes_of_one_note_at_the_same_moment_both_land() {
    let expected = close(&close(NOTE, PLAN, day()).unwrap(), FIGURES, day()).unwrap();
    for _ in 0..25 {
        let dir = tempfile::tempdir().unwrap();
        let path = write_note(dir.path(), NOTE);
        let start = std::sync::Barrier::new(2);
        std::thread::scope(|scope| {
            let closes = [PLAN, FIGURES].map(|id| {
                let (path, start) = (&path, &start);
                scope.spawn(move || {
                    start.wait();
                    apply(path, id, Change::Close(day()))
                })
            });
            for close in closes {
                close.join().unwrap().unwrap();
            }
        });
        assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
    }
}
