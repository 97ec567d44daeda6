#!/usr/bin/env python3
"""Recipe: a pykiteconnect script that survives the 06:00 IST expiry by asking kite-session for a new token.

pip install kiteconnect; then: KITE_API_KEY=your_api_key python3 python_session_hook.py
Against the simulator: KITE_API_ROOT=<sim base-url> KITE_API_KEY=kitesim_demo (see docs/examples/simulator).
"""
import os
import subprocess

from kiteconnect import KiteConnect
from kiteconnect.exceptions import TokenException


def fresh_token():
    """`kite-session token --wait` prints only the token once a session is live (it waits for your login)."""
    done = subprocess.run(["kite-session", "token", "--wait"], capture_output=True, text=True, check=True)
    return done.stdout.strip()


kite = KiteConnect(os.environ["KITE_API_KEY"], root=os.environ.get("KITE_API_ROOT") or None)
kite.set_access_token(os.environ.get("KITE_ACCESS_TOKEN") or fresh_token())

# pykiteconnect calls the hook on a TokenException (403), then raises it: the hook fetches a new token,
# the caller retries the call once.
kite.set_session_expiry_hook(lambda: kite.set_access_token(fresh_token()))


def with_retry(call):
    try:
        return call()
    except TokenException:
        return call()  # the hook has already set the new token


profile = with_retry(kite.profile)
print("logged in as", profile["user_name"])
