# Sourced by run.sh and test.sh: makes sure what they need is on this machine, installing it from
# Debian's packages when we are root. Usage: ensure_prerequisites [--tests]
# PostgreSQL is needed unless a server is named: ConnectionStrings__Community for run.sh,
# COMMUNITYHUB_TEST_POSTGRES for the tests (which also need chromium).
set -euo pipefail

apt_install() {
    if [ "$(id -u)" -ne 0 ]; then
        echo "Missing: $*. Install them (sudo apt-get install -y $*) and run again." >&2
        exit 1
    fi
    echo "Installing $* from Debian's packages..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # If dpkg stops midway (it does, now and then, with chromium), -f finishes the job.
    apt-get install -y -qq "$@" >/dev/null || apt-get install -y -qq -f >/dev/null
}

pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

# The Nu HTML checker (npm package vnu-jar, pinned) into .tools/ (git-ignored); it runs on Java.
VNU_VERSION=26.9.27
ensure_html_checker() {
    command -v java >/dev/null 2>&1 || apt_install default-jre-headless
    command -v npm >/dev/null 2>&1 || apt_install npm
    if [ ! -f .tools/node_modules/vnu-jar/build/dist/vnu.jar ] \
        || ! grep -q "\"version\": \"$VNU_VERSION\"" .tools/node_modules/vnu-jar/package.json; then
        echo "Installing the Nu HTML checker (vnu-jar $VNU_VERSION)..."
        npm install --prefix .tools --no-audit --no-fund --silent "vnu-jar@$VNU_VERSION" >/dev/null
    fi
}

# s3rver (npm, pinned), an S3-compatible server the attachment tests start on 127.0.0.1, into .tools/s3rver.
S3RVER_VERSION=3.7.1
ensure_s3_server() {
    command -v node >/dev/null 2>&1 || apt_install nodejs
    command -v npm >/dev/null 2>&1 || apt_install npm
    if [ ! -f .tools/s3rver/node_modules/s3rver/package.json ] \
        || ! grep -q "\"version\": \"$S3RVER_VERSION\"" .tools/s3rver/node_modules/s3rver/package.json; then
        echo "Installing the S3-compatible test server (s3rver $S3RVER_VERSION)..."
        mkdir -p .tools/s3rver
        npm install --prefix .tools/s3rver --no-audit --no-fund --silent "s3rver@$S3RVER_VERSION" >/dev/null
    fi
}

ensure_prerequisites() {
    if ! command -v dotnet >/dev/null 2>&1; then
        echo "The .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH." >&2
        exit 1
    fi
    local for_tests=false server_named
    [ "${1:-}" = "--tests" ] && for_tests=true
    if [ "$for_tests" = true ]; then server_named=${COMMUNITYHUB_TEST_POSTGRES:-}; else server_named=${ConnectionStrings__Community:-}; fi
    if [ -z "$(pg_bindir || true)" ] && [ -z "$server_named" ]; then
        apt_install postgresql
    fi
    if [ "$for_tests" = true ]; then
        [ -x /usr/bin/chromium ] || apt_install chromium
        ensure_html_checker
        ensure_s3_server
    fi
}
