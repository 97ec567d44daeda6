#!/bin/sh
# The Linux launcher, bin/kite-session of the app image and of the .deb (packaging/README.md, "The
# Linux launcher"). It starts the image's own Java exactly as jpackage's native launcher would, from
# the same lib/app/kite-session.cfg (so make-cds-archive.sh and every option there apply unchanged),
# but without what that launcher does first on Linux: it asks `rpm -qf` and `dpkg -S` which package
# owns it, twice, before Java starts. `dpkg -S` reads the list of every installed package's files:
# 0.2 s of every window start and every `kite-session token` on a machine with 930 packages, more
# on a desktop with thousands. Plain POSIX sh (dash); /usr/bin/kite-session is a link to this file.
set -eu

self=$(readlink -f -- "$0" 2>/dev/null) || self=$0
root=${self%/*/*}                 # the image: bin/kite-session -> the folder above bin
appdir=$root/lib/app
cfg=$appdir/kite-session.cfg
# The runtime's `java` under the app's name, so process lists and system monitors say kite-session;
# plain bin/java where an image lacks that copy.
java=$root/lib/runtime/bin/kite-session
[ -x "$java" ] || java=$root/lib/runtime/bin/java

fail() {
    echo "kite-session: $* Reinstall Kite Session Manager (or unpack the app image again)." >&2
    exit 1
}
[ -r "$cfg" ] || fail "Its settings file $cfg is missing or unreadable."
[ -x "$java" ] || fail "Its Java runtime ($root/lib/runtime) is missing."

# $APPDIR, $BINDIR and $ROOTDIR in the .cfg, as jpackage's launcher expands them.
expand() {
    rest=$1
    out=""
    while :; do
        case $rest in
            *'$APPDIR'*) out=$out${rest%%'$APPDIR'*}$appdir; rest=${rest#*'$APPDIR'} ;;
            *'$BINDIR'*) out=$out${rest%%'$BINDIR'*}$root/bin; rest=${rest#*'$BINDIR'} ;;
            *'$ROOTDIR'*) out=$out${rest%%'$ROOTDIR'*}$root; rest=${rest#*'$ROOTDIR'} ;;
            *) break ;;
        esac
    done
    printf '%s' "$out$rest"
}

# The person's arguments stay first in "$@" while the JVM's are appended behind them; the loop at
# the end moves them behind the main class (sh has no arrays, and no option may be split on spaces).
given=$#
classpath=""
mainclass=""
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        java-options=*) set -- "$@" "$(expand "${line#java-options=}")" ;;
        app.classpath=*) classpath=${classpath:+$classpath:}$(expand "${line#app.classpath=}") ;;
        app.mainclass=*) mainclass=${line#app.mainclass=} ;;
    esac
done <"$cfg"
[ -n "$classpath" ] && [ -n "$mainclass" ] || fail "Its settings file $cfg names no class path or main class."
set -- "$@" "-Djpackage.app-path=$root/bin/kite-session" -cp "$classpath" "$mainclass"
while [ "$given" -gt 0 ]; do
    arg=$1
    shift
    set -- "$@" "$arg"
    given=$((given - 1))
done
exec "$java" "$@"
