#!/usr/bin/env python3
"""Logs a simulator profile in through the real `kite-session login --browser`, playing you at the login page.

For trying the recipes end to end against the Kite simulator (`kite-session sim`), with the real
`kite-session` command on PATH and a profile made with `kite-session profile add ... --simulator BASE_URL`:

    docs/examples/simulator/log-in.py PROFILE_NAME

It starts `kite-session login --browser --profile PROFILE_NAME` (with no display, so no browser opens),
reads the login address the command prints on stderr, and does what you would do in the browser: user
id, password and the 2FA code of the simulator's demo account, then follows Kite's redirect to the
command's loopback listener. The command exchanges the request_token and saves the session, as with a
real login; afterwards `kite-session token` prints it. This script never prints the token.
Python standard library only; it refuses any address but this computer's: it knows only the simulator.
"""
import base64
import hashlib
import hmac
import http.cookiejar
import json
import os
import re
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

USER_ID, PASSWORD, TOTP_SECRET = "DM1234", "demo-password", "KITESIMULATORDEMOSECRETTOTPABCDE"
TIMEOUT = 20  # seconds for each HTTP call


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def totp(secret, now):
    counter = struct.pack(">Q", int(now) // 30)
    digest = hmac.new(base64.b32decode(secret), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def play_login(login_url):
    """You in the browser: the login page, user id and password, the 2FA code, then Kite's redirect."""
    parts = urllib.parse.urlparse(login_url)
    base = parts.scheme + "://" + parts.netloc
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("log-in.py: " + base + " is not a simulator on this computer; log in to Kite yourself")
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())

    def call(url, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with browser.open(url, data, timeout=TIMEOUT) as r:
                return r.status, r.headers.get("Location"), r.read().decode()
        except urllib.error.HTTPError as e:  # the 302s land here, as do refusals
            return e.code, e.headers.get("Location"), e.read().decode()

    _, _, page = call(login_url)
    finish = re.search(r'data-finish="([^"]+)"', page).group(1).replace("&amp;", "&")
    _, _, body = call(base + "/api/login", {"user_id": USER_ID, "password": PASSWORD})
    request_id = json.loads(body)["data"]["request_id"]
    status, _, body = call(base + "/api/twofa", {"user_id": USER_ID, "request_id": request_id, "twofa_type": "totp",
                                                 "twofa_value": totp(TOTP_SECRET, time.time()), "skip_session": ""})
    if status != 200:
        sys.exit("log-in.py: the simulator refused the code: " + body)
    _, to_app, _ = call(urllib.parse.urljoin(base, finish))
    call(to_app)  # the redirect, to the command's listener on this computer


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: log-in.py PROFILE_NAME")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER")}
    login = subprocess.Popen(["kite-session", "login", "--browser", "--profile", sys.argv[1], "--timeout", "2m"],
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    for line in login.stderr:
        if line.startswith("  http"):
            play_login(line.strip())
            break
        sys.stderr.write(line)
    token = login.stdout.read().strip()
    login.wait(timeout=60)
    if login.returncode != 0 or not token:
        sys.stderr.write(login.stderr.read())
        sys.exit("log-in.py: kite-session login ended with exit %d" % login.returncode)
    print("Logged in: profile '%s' has a fresh session (kite-session token prints it)." % sys.argv[1])


main()
