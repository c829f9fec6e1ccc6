#!/bin/sh
# Runs the TextMate grammar tests: every test/grammar/*.txt file against
# syntaxes/nianbao.tmLanguage.json (scope text.nianbao), with vscode-tmgrammar-test.
# Exit status is 0 when all assertions hold and non-zero otherwise.
# Extra arguments are passed through, e.g. `test/grammar/run.sh --compact`.
set -eu
cd "$(dirname "$0")/../.."
exec node node_modules/vscode-tmgrammar-test/dist/unit.js \
  --grammar syntaxes/nianbao.tmLanguage.json \
  --config test/grammar/tmgrammar-test.config.json \
  "$@" \
  'test/grammar/*.txt'
