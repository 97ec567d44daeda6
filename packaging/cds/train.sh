#!/usr/bin/env bash
# The app image's AppCDS archive (packaging/README.md, "The app's class-data archive"): a training run
# of the packaged launcher writes lib/app/kite-session.jsa with -XX:ArchiveClassesAtExit, a check run
# maps it with -Xshare:on, and only then the launcher's .cfg names it. This never fails the build:
# without an archive the image starts as before, only slower.
#
#   packaging/cds/train.sh IMAGE LOG [SECONDS]
#
# With Xvfb: the window on the demo profile (-Dkite.session.cdsTraining=true: Log in to Kite, the
# demo login, the token view, exit). Without Xvfb: the command line only (`status --json`), so
# the archive holds what a command loads and not the window's classes. SECONDS (60) bounds each run.
set -uo pipefail
image=$1
log=$2
limit=${3:-60}
launcher=$image/bin/kite-session
cfg=$image/lib/app/kite-session.cfg
jsa=$image/lib/app/kite-session.jsa
work=$(mktemp -d)
xvfb_pid=""
cleanup() {
  if [[ -n "$xvfb_pid" ]]; then kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

give_up() {
  echo "[cds] $* The app image ships without its AppCDS archive: it starts as before, only slower (see $log)." >&2
  rm -f "$jsa"
  exit 0
}

if [[ ! -x "$launcher" || ! -f "$cfg" ]]; then
  echo "[cds] No app image at $image (-Dapp-image.skip=true?): no archive to make." >&2
  exit 0
fi
# A second run on the same image starts from the image jpackage made.
rm -f "$jsa"
sed -i '/^java-options=-XX:SharedArchiveFile=/d;/^java-options=-Xlog:cds/d' "$cfg"
: >"$log"

# A fresh settings folder and secrets in memory: the demo profile, nothing of the builder's touched.
options="-Dkite.session.home=$work/home -Dkite.session.secrets=memory"
if command -v Xvfb >/dev/null; then
  n=81
  while [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >>"$log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do [[ -e /tmp/.X11-unix/X$n ]] && break; sleep 0.05; done
  kill -0 "$xvfb_pid" 2>/dev/null || give_up "Xvfb did not start."
  what="the window's demo login (Xvfb :$n)"
  echo "[cds] training: $what" >>"$log"
  DISPLAY=":$n" JAVA_TOOL_OPTIONS="$options -Dkite.session.cdsTraining=true -XX:ArchiveClassesAtExit=$work/app.jsa" \
    timeout -k 10 "$limit" "$launcher" >>"$log" 2>&1
  code=$?
else
  what="the command line only (no Xvfb: apt-get install xvfb for the window's classes)"
  echo "[cds] training: $what" >>"$log"
  JAVA_TOOL_OPTIONS="$options -XX:ArchiveClassesAtExit=$work/app.jsa" \
    timeout -k 10 "$limit" "$launcher" status --json >>"$log" 2>&1
  code=$?
fi
(( code != 124 && code != 137 )) || give_up "The training run did not end within $limit s."
(( code == 0 )) || give_up "The training run ended with exit code $code."
[[ -s "$work/app.jsa" ]] || give_up "The training run wrote no archive."

# The archive as the launcher will use it, refusing to start without it: a damaged one never ships.
echo "[cds] check: -Xshare:on -XX:+VerifySharedSpaces" >>"$log"
JAVA_TOOL_OPTIONS="$options -Xshare:on -XX:+VerifySharedSpaces -XX:SharedArchiveFile=$work/app.jsa" \
  timeout -k 10 "$limit" "$launcher" help >>"$log" 2>&1 || give_up "The archive did not map (-Xshare:on)."

mv "$work/app.jsa" "$jsa"
chmod 644 "$jsa"
# -Xlog:cds+dynamic=off: a copy of the image in another folder cannot use the archive (JDK 17 ties it to
# the jar's absolute path) and the JVM would say so on stdout, in the middle of `token` or `status --json`.
sed -i '/^\[JavaOptions\]$/a java-options=-XX:SharedArchiveFile=$APPDIR/kite-session.jsa\njava-options=-Xlog:cds+dynamic=off' "$cfg"
echo "[cds] $jsa: $(( $(stat -c %s "$jsa") / 1024 / 1024 )) MB, trained on $what"
