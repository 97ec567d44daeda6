#!/bin/sh
# The app's class-data archive (AppCDS) for an app image in THIS folder (packaging/README.md, "The
# app's class-data archive"). A JDK 17 archive records the jar's absolute path, size and time, so it
# works only where it was made: the build runs this for target/jpackage/image, the .deb's postinst
# for /opt/kite-session. Plain POSIX sh (the postinst runs it under dash).
#
#   make-cds-archive.sh IMAGE [SECONDS]   make IMAGE/lib/app/kite-session.jsa from the shipped class
#                                         list (a static dump, SECONDS at most, 60 by default), check
#                                         that the launcher maps it, then name it in the launcher's .cfg
#   make-cds-archive.sh --remove IMAGE    take the archive and its .cfg lines out again (the prerm)
#
# It never fails its caller: on any failure it removes the archive, leaves the .cfg without the
# archive's lines (as jpackage wrote it), prints one line and exits 0; the app then starts as
# without the archive, only slower. KITE_SESSION_CDS=off skips it.
set -eu

usage="usage: make-cds-archive.sh IMAGE [SECONDS] | make-cds-archive.sh --remove IMAGE"
remove=false
if [ "${1:-}" = "--remove" ]; then
    remove=true
    shift
fi
[ "$#" -ge 1 ] || { echo "$usage" >&2; exit 0; }
image=$(cd "$1" 2>/dev/null && pwd -P) || { echo "kite-session: no app image at $1: no class-data archive" >&2; exit 0; }
limit=${2:-60}
app=$image/lib/app
cfg=$app/kite-session.cfg
jsa=$app/kite-session.jsa
classlist=$app/kite-session.classlist
java=$image/lib/runtime/bin/java
launcher=$image/bin/kite-session
# What the launcher's .cfg gets. -Xlog:cds=off: when the archive no longer fits (a moved image, a
# changed jar) the JVM starts without class-data sharing and says why under the tag set cds; at
# warning level (some JDK 17 updates) that would land on stdout, in the middle of `token` or
# `status --json`. cds+dynamic is the earlier dynamic archive's line, removed on a re-run.
archive_option='java-options=-XX:SharedArchiveFile=$APPDIR/kite-session.jsa'
log_option='java-options=-Xlog:cds=off'
old_log_option='java-options=-Xlog:cds+dynamic=off'

work=""
cleanup() {
    [ -z "$work" ] || rm -rf "$work"
    rm -f "$jsa.new" "$cfg.new"
}
trap cleanup EXIT
trap 'exit 0' HUP INT TERM

# The .cfg without this script's lines: as jpackage wrote it. Written in place (cat, not mv), so the
# file keeps its owner and mode; it never fails (a read-only .cfg stays as it is).
restore_cfg() {
    [ -f "$cfg" ] || return 0
    grep -v -x -F -e "$archive_option" -e "$log_option" -e "$old_log_option" "$cfg" >"$cfg.new" 2>/dev/null || true
    cmp -s "$cfg.new" "$cfg" || cat "$cfg.new" >"$cfg" 2>/dev/null || true
    rm -f "$cfg.new"
}

give_up() {
    rm -f "$jsa" "$jsa.new"
    restore_cfg
    echo "kite-session: $* No class-data archive: the app starts as before, only slower."
    exit 0
}

if $remove; then
    rm -f "$jsa" "$jsa.new"
    restore_cfg
    exit 0
fi
if [ "${KITE_SESSION_CDS:-on}" = "off" ]; then
    rm -f "$jsa"
    restore_cfg
    echo "kite-session: KITE_SESSION_CDS=off: no class-data archive."
    exit 0
fi

# A re-run (an upgrade, a moved image) starts from the image as jpackage made it.
rm -f "$jsa"
restore_cfg
[ -f "$cfg" ] && [ -x "$launcher" ] || give_up "No launcher or .cfg in $image."
[ -x "$java" ] || give_up "The runtime has no bin/java ($java)."
[ -s "$classlist" ] || give_up "No class list ($classlist)."
work=$(mktemp -d "${TMPDIR:-/tmp}/kite-session-cds.XXXXXX") || give_up "No temporary folder."

deadline=""
if command -v timeout >/dev/null 2>&1; then
    deadline="timeout -k 5 $limit"
fi

# A static archive of the JDK's and the app's classes in the class list, for the class path the
# launcher gives (app.classpath=$APPDIR/kite-session.jar in the .cfg).
# shellcheck disable=SC2086
if ! $deadline "$java" -Xshare:dump -XX:SharedClassListFile="$classlist" -XX:SharedArchiveFile="$jsa.new" \
        -cp "$app/kite-session.jar" >"$work/dump.log" 2>&1; then
    last=$(tail -n 1 "$work/dump.log")
    give_up "The dump failed or took over $limit s${last:+ ($last)}."
fi
[ -s "$jsa.new" ] || give_up "The dump wrote no archive."

# The check: the launcher as a person starts it, refusing to start unless it maps the archive
# (-Xshare:on), with the app's own main class taken from it. A class list that named none of the
# app's classes gives an archive of the JDK alone, which this refuses too. Settings in the temporary
# folder, secrets in memory: root's home and keychain are never touched.
# shellcheck disable=SC2086
JAVA_TOOL_OPTIONS="-Dkite.session.home=$work/home -Dkite.session.secrets=memory -Xshare:on -XX:SharedArchiveFile=$jsa.new -Xlog:class+load:file=$work/classes.log" \
    $deadline "$launcher" help >"$work/check.log" 2>&1 \
    || give_up "The launcher did not start with the archive (-Xshare:on)."
grep -q 'com\.kitesession\.Main source: shared objects file' "$work/classes.log" \
    || give_up "The archive holds none of the app's classes (a damaged class list?)."

mv -f "$jsa.new" "$jsa"
chmod 644 "$jsa"
awk -v archive="$archive_option" -v logopt="$log_option" \
    '{ print } $0 == "[JavaOptions]" { print archive; print logopt }' "$cfg" >"$cfg.new" \
    && cat "$cfg.new" >"$cfg" \
    || give_up "Could not write $cfg."
rm -f "$cfg.new"
grep -q -x -F -e "$archive_option" "$cfg" || give_up "No [JavaOptions] section in $cfg."
echo "kite-session: class-data archive $jsa ($(($(wc -c <"$jsa") / 1048576)) MB)"
