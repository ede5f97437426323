#!/usr/bin/env bash
# Installs what the tests need (Debian's Chromium for the browser tests) and runs every test.
# Ends with one line "tests: N passed, N failed, N skipped" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's Chromium for the browser tests..."
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null \
        || { echo "Could not install chromium"; echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
fi

log=$(mktemp)
dotnet test NinetyNine.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# VSTest prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ...".
read -r passed failed skipped < <(grep -E '^(Passed|Failed)! +- Failed:' "$log" | awk -F'[:,]' '
    { f += $2; p += $4; s += $6; n++ }
    END { if (n == 0) print "0 0 0"; else print p + 0, f + 0, s + 0 }')
rm -f "$log"

if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
    echo "No test ran."
    status=1
fi
[ "$failed" -eq 0 ] || status=1
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
