#!/bin/sh
# installer-image.sh IMAGE DEST: a copy of the built Linux app image for the .deb (DEST/kite-session),
# without what belongs to the build folder only: the class-data archive made for IMAGE's own path
# and its .cfg lines (make-cds-archive.sh --remove; the .deb's postinst makes the archive again for
# /opt/kite-session).
set -eu
image=${1:?usage: installer-image.sh IMAGE DEST}
dest=${2:?usage: installer-image.sh IMAGE DEST}
[ -f "$image/lib/app/make-cds-archive.sh" ] || { echo "installer-image.sh: no app image at $image" >&2; exit 1; }
rm -rf "$dest"
mkdir -p "$dest"
cp -a "$image" "$dest/"
sh "$dest/${image##*/}/lib/app/make-cds-archive.sh" --remove "$dest/${image##*/}"
