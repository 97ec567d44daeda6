#!/usr/bin/env bash
# The app image's AppCDS archive (packaging/README.md, "The app's class-data archive"): a training run
# of the packaged launcher writes the list of the classes a start loads (-XX:DumpLoadedClassList),
# which goes into the image and into jpackage's input (so the .deb carries it too, as
# lib/app/kite-session.classlist); then make-cds-archive.sh, the same script the .deb's postinst
# runs, makes the static archive for this image's folder, checks it and names it in the .cfg. This
# never fails the build: without an archive the image starts as before, only slower.
#
#   packaging/cds/train.sh IMAGE LOG [SECONDS [INPUT]]
#
# With Xvfb: the window on the demo profile (-Dkite.session.cdsTraining=true: Log in to Kite, the
# demo login, the token view, exit). Without Xvfb: the command line only (`status --json`), so
# the list holds what a command loads and not the window's classes. SECONDS (60) bounds each run.
# INPUT: jpackage's input folder, for the installers.
set -uo pipefail
image=$1
log=$2
limit=${3:-60}
input=${4:-}
launcher=$image/bin/kite-session
cfg=$image/lib/app/kite-session.cfg
jsa=$image/lib/app/kite-session.jsa
classlist=$image/lib/app/kite-session.classlist
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
rm -f "$jsa" "$classlist"
sed -i '/^java-options=-XX:SharedArchiveFile=/d;/^java-options=-Xlog:cds/d' "$cfg"
[[ -z "$input" ]] || rm -f "$input/kite-session.classlist"
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
  DISPLAY=":$n" JAVA_TOOL_OPTIONS="$options -Dkite.session.cdsTraining=true -XX:DumpLoadedClassList=$work/kite-session.classlist" \
    timeout -k 10 "$limit" "$launcher" >>"$log" 2>&1
  code=$?
else
  what="the command line only (no Xvfb: apt-get install xvfb for the window's classes)"
  echo "[cds] training: $what" >>"$log"
  JAVA_TOOL_OPTIONS="$options -XX:DumpLoadedClassList=$work/kite-session.classlist" \
    timeout -k 10 "$limit" "$launcher" status --json >>"$log" 2>&1
  code=$?
fi
(( code != 124 && code != 137 )) || give_up "The training run did not end within $limit s."
(( code == 0 )) || give_up "The training run ended with exit code $code."
[[ -s "$work/kite-session.classlist" ]] || give_up "The training run wrote no class list."
grep -q '^com/kitesession/Main$' "$work/kite-session.classlist" || give_up "The class list does not name the app's main class."

cp "$work/kite-session.classlist" "$classlist"
[[ -z "$input" ]] || cp "$work/kite-session.classlist" "$input/kite-session.classlist"
echo "[cds] class list: $(grep -c -v '^#' "$classlist") lines, trained on $what" >>"$log"
# The archive for this folder, by the script the installed app runs at install time (it checks the
# archive and edits the .cfg only on success).
echo "[cds] make-cds-archive.sh $image" >>"$log"
result=$(sh "$image/lib/app/make-cds-archive.sh" "$image" "$limit" 2>>"$log")
echo "$result" >>"$log"
[[ -s "$jsa" ]] || give_up "make-cds-archive.sh made no archive: $result"
echo "[cds] $jsa: $(( $(stat -c %s "$jsa") / 1024 / 1024 )) MB, from a class list trained on $what"
