#!/usr/bin/env bash
# A scripted prep -> debrief workflow that never needs a terminal: every answer
# comes from a file, and --no-input makes coach fail instead of prompting if
# one is missing. Suitable for CI, cron jobs or generating notes from a tool.
#
#   COACH=./target/debug/coach examples/scripted-workflow.sh
#
# Environment:
#   COACH            the coach binary (default: `coach` on PATH)
#   COACH_NOTES_DIR  where the notes go (default: a fresh temporary directory)
set -euo pipefail

COACH="${COACH:-coach}"
NOTES_DIR="${COACH_NOTES_DIR:-$(mktemp -d)}"
mkdir -p "$NOTES_DIR"

# Make relative paths absolute before changing directory, so that
# COACH=./target/debug/coach works from wherever the script is started.
case "$COACH" in
*/*) COACH="$(cd "$(dirname "$COACH")" && pwd)/$(basename "$COACH")" ;;
esac
NOTES_DIR="$(cd "$NOTES_DIR" && pwd)"

# The answers files are referenced relative to the repository root.
cd "$(dirname "$0")/.."

# 1. Prepare: --print-path prints only the path of the new note, so it can be
#    captured. The built-in pack provides the `prep` checklist.
prep_note="$("$COACH" --notes-dir "$NOTES_DIR" prep \
	--answers examples/prep-answers.yaml --no-input --print-path)"
echo "== prep note: $prep_note"
cat "$prep_note"

# 2. Debrief the same meeting (same customer, meeting and date, so the note
#    links back to the prep note). --json prints a summary instead of text.
summary="$("$COACH" --notes-dir "$NOTES_DIR" debrief \
	--answers examples/debrief-answers.yaml --no-input --json)"

# 3. Pull the path and the open commitments out of the JSON summary. python3
#    parses it properly; without python3, grep the pretty-printed JSON.
echo "== debrief summary"
if command -v python3 >/dev/null 2>&1; then
	python3 -c '
import json, sys
summary = json.load(sys.stdin)
print("debrief note:", summary["path"])
for c in summary["commitments"]:
    print("commitment: %s (due %s, %s)" % (c["what"], c["due"], c.get("who") or "unassigned"))
' <<<"$summary"
else
	grep '^  "path"' <<<"$summary"
	echo "commitments: $(grep -c '"question":' <<<"$summary")"
fi

# 4. An answers template for the next debrief: every question with its kind,
#    options and default. `--answers` accepts it as it is, once the questions
#    marked `required` have an answer instead of `~`.
template="$NOTES_DIR/debrief-template.yaml"
"$COACH" questions debrief --template >"$template"
echo "== answers template: $template ($(grep -c '^[a-z]' "$template") questions)"
