#!/usr/bin/env bash
# Issue 8, section 6: the memory commands on a generated archive of N notes,
# against `rg -l 'done: false'` in the same hyperfine run. Writes one
# markdown table per N into $OUT (default /tmp/bench-memory) and prints the
# peak RSS of each command and the index size per note.
#
#   examples/bench_memory.sh 10000 50000
#
# Needs hyperfine and ripgrep (`apt-get install -y hyperfine ripgrep`).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/bench-memory}
mkdir -p "$OUT"
cargo build --release -q
cargo build --release -q --example generate_notes
C=$PWD/target/release/coach
G=$PWD/target/release/examples/generate_notes
export XDG_CACHE_HOME=$OUT/cache
export COACH_NOTES_DIR=
for N in "$@"; do
  D=$OUT/notes-$N
  if [ ! -d "$D" ]; then
    "$G" "$N" "$D" --seed 1
    # Older than the racy-file window, as an archive is after a day's use.
    find "$D" -name '*.md' -exec touch -d '1 hour ago' {} +
  fi
  rm -rf "$D/northwind-traders" "$XDG_CACHE_HOME"
  customer=$(ls "$D" | head -1 || true)
  touched=$(find "$D" -name '*.md' | head -10 | tr '\n' ' ' || true)
  run="$C --notes-dir $D --today 2026-12-01"
  $run due --count >/dev/null 2>&1 || true
  hyperfine --warmup 2 --min-runs 10 --export-markdown "$OUT/table-$N.md" \
    --prepare true -n "rg -l 'done: false' (baseline)" "rg -l 'done: false' $D" \
    --prepare true -n "coach due --count (fresh index)" "$run due --count" \
    --prepare "touch $touched" -n "coach due --count (10 notes touched)" "$run due --count" \
    --prepare true -n "coach due --count --no-index" "$run --no-index due --count" \
    --prepare "rm -rf $XDG_CACHE_HOME/coach" -n "coach due --count (first run: builds the index)" "$run due --count" \
    --prepare true -n "coach customers (fresh index)" "$run customers" \
    --prepare true -n "coach customers --no-index" "$run --no-index customers" \
    --prepare true -n "coach history $customer (fresh index)" "$run history $customer" \
    --prepare true -n "coach history $customer --no-index" "$run --no-index history $customer" \
    --prepare true -n "coach debrief --answers (writes a note)" \
      "$C debrief --answers examples/debrief-answers.yaml --notes-dir $D"
  rm -rf "$D/northwind-traders"
  $run due --count >/dev/null
  echo "peak RSS at $N notes (KiB):"
  for args in "due --count" "due" "due --all --json" "customers" "history $customer" \
      "done c-zzzzzzzz" "--no-index due --count" "--no-index due --all --json" \
      "--no-index customers" "--no-index history $customer"; do
    /usr/bin/time -f "%M  $args" $run $args >/dev/null 2>"$OUT/rss.err" || true
    tail -1 "$OUT/rss.err"
  done
  /usr/bin/time -f "%M  debrief --answers" "$C" debrief --answers examples/debrief-answers.yaml \
    --notes-dir "$D" >/dev/null 2>"$OUT/rss.err" </dev/null; tail -1 "$OUT/rss.err"
  rm -rf "$D/northwind-traders"
  size=$(stat -c %s "$XDG_CACHE_HOME"/coach/index-*.sqlite3)
  echo "index: $size bytes, $((size / N)) bytes per note"
done
