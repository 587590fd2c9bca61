#!/usr/bin/env bash
# Bankbench set-up on Debian 12, the two commands of README.md:
#   packaging/setup.sh run    install what is missing, build, create the demo project, open the GUI on it
#   packaging/setup.sh test   install what is missing, build everything, run the whole ctest suite
# Both are idempotent: the second run installs nothing and rebuilds only what changed.
#
# Environment (all optional):
#   BANKBENCH_BUILD_DIR   build directory (default: build/ inside the clone)
#   BANKBENCH_CMAKE_ARGS  extra configure arguments, e.g. "-DCMAKE_PREFIX_PATH=/opt/libtorch"
#   BANKBENCH_DEMO        demo project path for `run` (default: ~/Bankbench/demo.bbproj)
#   BANKBENCH_JOBS        parallel compile jobs (default: cores, capped by memory: ~1.5 GB per torch file)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BANKBENCH_BUILD_DIR:-$ROOT/build}
DEMO=${BANKBENCH_DEMO:-$HOME/Bankbench/demo.bbproj}
CLI=$BUILD_DIR/app/bankbench-cli
GUI=$BUILD_DIR/app/bankbench

# TOOLCHAIN.md's list plus encoding detection, CLI parsing, Unicode (ICU), Qt's SQLite plugin and `file`
# (cpack -G DEB needs it for dpkg-shlibdeps). Keep in step with the find_package/pkg_check_modules calls in
# CMakeLists.txt and with README.md.
PACKAGES=(
    build-essential cmake ninja-build pkg-config ccache file
    libtorch-dev libopenblas0-pthread
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite
    libqcustomplot-dev libqcustomplot2.1-qt6
    libsentencepiece-dev libicu-dev libsqlite3-dev sqlite3 nlohmann-json3-dev libgtest-dev libgmock-dev
    libuchardet-dev libcli11-dev libcpp-httplib-dev
    xvfb xauth fonts-noto-cjk fonts-noto-color-emoji imagemagick
)
# Installed when the package archive can be reached; without them the build leaves the feature out.
OPTIONAL_PACKAGES=(
    qt6-svg-dev # SVG export of charts
)

# Idle OpenMP threads spin unless told otherwise and steal the GUI's cores (TOOLCHAIN.md).
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive}

say() { printf '[setup] %s\n' "$*"; }
die() {
    printf '[setup] error: %s\n' "$*" >&2
    exit 1
}
usage() {
    cat >&2 <<USAGE
usage: packaging/setup.sh run     build Bankbench and open the demo project in the GUI
       packaging/setup.sh test    build Bankbench and run the whole test suite
USAGE
    exit 2
}

seconds_since() { echo $(($(date +%s) - $1)); }

install_missing() {
    if ! command -v dpkg-query >/dev/null; then
        say "not a Debian system (no dpkg-query): skipping package installation; see README.md for the list"
        return
    fi
    local missing=() package
    for package in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${db:Status-Abbrev}\n' "$package" 2>/dev/null | grep -q '^ii' || missing+=("$package")
    done
    if ((${#missing[@]} == 0)); then
        say "all ${#PACKAGES[@]} Debian packages are installed"
        return
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "not root and no sudo: install these as root first: ${missing[*]}"
        sudo=(sudo)
    fi
    say "installing ${#missing[@]} missing packages: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

install_optional() {
    command -v dpkg-query >/dev/null || return 0
    local missing=() package
    for package in "${OPTIONAL_PACKAGES[@]}"; do
        dpkg-query -W -f='${db:Status-Abbrev}\n' "$package" 2>/dev/null | grep -q '^ii' || missing+=("$package")
    done
    ((${#missing[@]} == 0)) && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { say "not root and no sudo: skipping optional ${missing[*]}"; return 0; }
        sudo=(sudo)
    fi
    say "installing optional packages: ${missing[*]}"
    if ! { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; }; then
        say "could not install ${missing[*]} (no package archive?): building without them"
    fi
    return 0
}

build_jobs() {
    if [ -n "${BANKBENCH_JOBS:-}" ]; then
        echo "$BANKBENCH_JOBS"
        return
    fi
    local cores mem_kb by_memory
    cores=$(nproc)
    mem_kb=$(awk '/^MemAvailable:/ {print $2}' /proc/meminfo 2>/dev/null || echo 0)
    by_memory=$((mem_kb / 1500000))
    ((by_memory < 1)) && by_memory=1
    echo $((cores < by_memory ? cores : by_memory))
}

configure() {
    # ccache is set up by CMakeLists.txt when installed; a reconfigure happens only on the first run or when
    # extra arguments are given (ninja re-runs CMake by itself when a CMakeLists.txt changes). A configure
    # that failed (a package missing) leaves CMakeCache.txt but no build.ninja, so that file is the test.
    if [ ! -f "$BUILD_DIR/build.ninja" ] || [ -n "${BANKBENCH_CMAKE_ARGS:-}" ]; then
        say "configuring $BUILD_DIR (Ninja, Release)"
        # shellcheck disable=SC2086 # BANKBENCH_CMAKE_ARGS is a list of arguments
        cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release ${BANKBENCH_CMAKE_ARGS:-}
    fi
}

gui_enabled() { ! grep -q '^BANKBENCH_BUILD_UI:BOOL=OFF' "$BUILD_DIR/CMakeCache.txt"; }

build() {
    local start jobs
    # Paths under the clone enter ccache's hash as relative ones, so a fresh clone elsewhere (CI) reuses
    # the cache a previous build filled instead of recompiling every LibTorch file.
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}"
    start=$(date +%s)
    jobs=$(build_jobs)
    say "building ${*:-everything} with $jobs jobs"
    cmake --build "$BUILD_DIR" --parallel "$jobs" "$@"
    say "build done in $(seconds_since "$start") s"
}

has_gpu() {
    { command -v nvidia-smi >/dev/null && nvidia-smi -L 2>/dev/null | grep -q '^GPU'; } || [ -e /dev/nvidia0 ]
}

cmd_run() {
    local targets=(--target bankbench-cli)
    gui_enabled && targets+=(bankbench)
    build "${targets[@]}"

    if [ ! -e "$DEMO" ]; then
        mkdir -p "$(dirname "$DEMO")"
        "$CLI" demo "$DEMO"
    else
        say "demo project already there: $DEMO"
    fi

    if ! gui_enabled; then
        say "this build has no GUI (BANKBENCH_BUILD_UI=OFF). The project on the command line:"
        "$CLI" info "$DEMO"
        finish 0
    fi
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        cat <<NODISPLAY
[setup] No display: DISPLAY and WAYLAND_DISPLAY are both unset, so the Bankbench window cannot open here.
[setup] Everything is built and the demo project is ready. The command-line equivalent is:
          $CLI info $DEMO
[setup] and prints:
NODISPLAY
        "$CLI" info "$DEMO"
        cat <<NODISPLAY

[setup] To see the GUI anyway, run it on a virtual X display:
          xvfb-run -a -s "-screen 0 1440x900x24" $GUI $DEMO
        or log in with a desktop (or ssh -X) and run this command again.
NODISPLAY
        finish 0
    fi
    say "set-up took $(seconds_since "$START") s; opening $DEMO"
    exec "$GUI" "$DEMO"
}

cmd_test() {
    build
    export QT_QPA_PLATFORM=offscreen
    local args=(--test-dir "$BUILD_DIR" --output-on-failure --parallel 2)
    if has_gpu; then
        say "GPU found: running every test, gpu label included"
    else
        say "no GPU: running every test except those labelled gpu"
        args+=(--label-exclude gpu)
    fi
    local log="$BUILD_DIR/ctest.log" status=0
    ctest "${args[@]}" 2>&1 | tee "$log" || status=${PIPESTATUS[0]}
    local summary
    summary=$(grep -E '^[0-9]+% tests passed' "$log" | tail -n 1 || true)
    say "${summary:-ctest printed no summary (exit status $status)}"
    finish "$status"
}

finish() {
    say "$COMMAND finished in $(seconds_since "$START") s"
    exit "$1"
}

main() {
    [ $# -eq 1 ] || usage
    COMMAND=$1
    START=$(date +%s)
    case "$COMMAND" in
    run | test) ;;
    *) usage ;;
    esac
    install_missing
    install_optional
    configure
    "cmd_$COMMAND"
}

main "$@"
