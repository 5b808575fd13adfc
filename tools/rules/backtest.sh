#!/usr/bin/env bash
# Back-tests a changed scoring table against the closed (won and lost) leads of a running leadflow,
# before you deploy it: how many won and lost leads the candidate would have called sales-ready,
# next to the table deployed now.
#
#   tools/rules/backtest.sh <file.dmn> [url] [user]
#
#   file.dmn  a changed processes/lead-sales-ready.dmn or processes/lead-fit-score.dmn; the decision
#             id inside the file says which table it is
#   url       leadflow's base URL (default http://127.0.0.1:8080)
#   user      a process-owner, marketing or admin user (default paul); the password is asked for
#             unless LEADFLOW_PASSWORD is set
set -euo pipefail

if [[ $# -lt 1 || ! -f "$1" ]]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
file=$1
url=${2:-http://127.0.0.1:8080}
user=${3:-paul}
decision=$(grep -o '<decision [^>]*id="[^"]*"' "$file" | head -1 | sed 's/.* id="\([^"]*\)".*/\1/')
if [[ -z "$decision" ]]; then
  echo "no <decision id=...> in $file" >&2
  exit 2
fi
if [[ -z "${LEADFLOW_PASSWORD:-}" ]]; then
  read -r -s -p "password of $user: " LEADFLOW_PASSWORD
  echo >&2
fi

response=$(mktemp)
trap 'rm -f "$response"' EXIT
status=$(curl -sS -o "$response" -w '%{http_code}' -u "$user:$LEADFLOW_PASSWORD" \
  -H 'Content-Type: application/xml' --data-binary "@$file" "$url/api/rules/$decision/backtest")
if command -v python3 >/dev/null; then
  python3 -m json.tool "$response" || cat "$response"
else
  cat "$response"
fi
echo
[[ "$status" == 200 ]] || { echo "HTTP $status" >&2; exit 1; }
