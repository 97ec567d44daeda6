#!/bin/sh
# Recipe: run a job every INTERVAL seconds, always with a live Kite token.
# `kite-session token` prints the saved token at once, or exits non-zero (3: expired, not logged in);
# then `kite-session token --wait` waits until you have logged in (in the window or with `kite-session login`).
#   KITE_API_KEY=your_api_key ./token-loop.sh python3 my_strategy.py    # the job finds KITE_ACCESS_TOKEN set
# With no job given it reads your profile with curl, to show the token works.
# Against the simulator: KITE_API_ROOT=<sim base-url> KITE_API_KEY=kitesim_demo (see docs/examples/simulator).
set -u
API_ROOT=${KITE_API_ROOT:-https://api.kite.trade}
while :; do
    TOKEN=$(kite-session token) || TOKEN=$(kite-session token --wait) || exit
    export KITE_ACCESS_TOKEN="$TOKEN"
    if [ $# -gt 0 ]; then
        "$@"
    else
        curl -fsS -H "X-Kite-Version: 3" -H "Authorization: token $KITE_API_KEY:$TOKEN" "$API_ROOT/user/profile"
        echo
    fi
    sleep "${INTERVAL:-60}"
done
