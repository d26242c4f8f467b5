#!/usr/bin/env bash
# Builds the test image `cyberbrain-test/busybox:latest` from the host's static busybox, because the
# engines our tests run against cannot pull images. Idempotent: the busybox checksum is stored as an
# image label, and an image with the same checksum is left alone. Prints the image name on stdout.
#
# Environment (both optional):
#   CYBERBRAIN_TEST_IMAGE    image to build (default cyberbrain-test/busybox:latest)
#   CYBERBRAIN_TEST_BUSYBOX  static busybox to use (default /bin/busybox, from Debian's busybox-static)
set -euo pipefail

image="${CYBERBRAIN_TEST_IMAGE:-cyberbrain-test/busybox:latest}"
busybox="${CYBERBRAIN_TEST_BUSYBOX:-/bin/busybox}"
label="cyberbrain.busybox.sha256"
applets=(sh echo sleep cat seq printf yes head true false)

log() { echo "build-test-image: $*" >&2; }

# Test binaries run in parallel and may all call this script at once; one builder at a time keeps
# them from importing the same image twice.
lock_file="${TMPDIR:-/tmp}/cyberbrain-test-image.lock"
exec 9>"$lock_file"
flock 9

if [[ ! -x "$busybox" ]]; then
    if [[ "$busybox" == /bin/busybox && "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        log "installing busybox-static"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q busybox-static >&2
    else
        log "no busybox at $busybox; install Debian's busybox-static or set CYBERBRAIN_TEST_BUSYBOX"
        exit 1
    fi
fi

# A dynamically linked busybox would fail inside the image, which holds no libc.
if command -v file >/dev/null; then
    if ! file -L "$busybox" | grep -Eq 'statically linked|static-pie linked'; then
        log "$busybox is not statically linked; install busybox-static"
        exit 1
    fi
elif ldd "$busybox" >/dev/null 2>&1; then
    log "$busybox is dynamically linked; install busybox-static"
    exit 1
fi

checksum="$(sha256sum "$busybox" | cut -d' ' -f1)"
existing="$(docker image inspect --format "{{ index .Config.Labels \"$label\" }}" "$image" 2>/dev/null || true)"
if [[ "$existing" == "$checksum" ]]; then
    echo "$image"
    exit 0
fi

rootfs="$(mktemp -d)"
trap 'rm -rf "$rootfs"' EXIT
mkdir -p "$rootfs/root/bin" "$rootfs/root/tmp"
cp "$busybox" "$rootfs/root/bin/busybox"
chmod 0755 "$rootfs/root/bin/busybox"
chmod 1777 "$rootfs/root/tmp"
for applet in "${applets[@]}"; do
    ln -s busybox "$rootfs/root/bin/$applet"
done
# Fixed owner and times so that the same busybox gives the same layer.
tar --numeric-owner --owner=0 --group=0 --mtime='2000-01-01 00:00:00Z' --sort=name \
    -C "$rootfs/root" -cf "$rootfs/rootfs.tar" .

log "importing $image (busybox sha256 $checksum)"
docker import \
    --change 'CMD ["/bin/sh"]' \
    --change 'ENV PATH=/bin' \
    --change "LABEL $label=$checksum" \
    "$rootfs/rootfs.tar" "$image" >/dev/null
echo "$image"
