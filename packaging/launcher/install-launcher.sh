#!/bin/sh
# install-launcher.sh IMAGE: gives a Linux app image that jpackage made the shell launcher
# packaging/launcher/launcher.sh as its bin/kite-session (why: the comment at its top), and the
# runtime's `java` a copy under the app's name for it to run. jpackage's native launcher and its
# library go. The build runs this right after jpackage, before the class-data training.
set -eu
image=${1:?usage: install-launcher.sh IMAGE}
[ -x "$image/lib/runtime/bin/java" ] && [ -f "$image/lib/app/kite-session.cfg" ] \
    || { echo "install-launcher.sh: $image is not the kite-session app image" >&2; exit 1; }
install -m 755 "$(dirname "$0")/launcher.sh" "$image/bin/kite-session"
cp -p "$image/lib/runtime/bin/java" "$image/lib/runtime/bin/kite-session"
rm -f "$image/lib/libapplauncher.so"
