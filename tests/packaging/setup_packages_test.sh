#!/bin/sh
# Every pkg-config module that a CMakeLists.txt requires must come from a package that packaging/setup.sh
# installs: a module missing from its list fails the first configure on a fresh Debian 12 machine (README's
# two commands) while passing on any machine where someone installed it by hand.
# Usage: setup_packages_test.sh SOURCE_DIR   (exit 77 = skipped: not a Debian system)
set -u
root=$1
if ! command -v dpkg >/dev/null || ! command -v pkg-config >/dev/null; then
    echo "skipped: needs dpkg and pkg-config (a Debian system)"
    exit 77
fi
modules=$(find "$root" -name CMakeLists.txt -not -path "$root/build*" -exec cat {} + |
    grep -oE 'pkg_check_modules\([A-Za-z_]+ +REQUIRED +IMPORTED_TARGET +[A-Za-z0-9_.+-]+' |
    awk '{print $NF}' | sort -u)
packages=$(sed -n '/^PACKAGES=(/,/^)/p' "$root/packaging/setup.sh" | sed 's/#.*//' | tr -s ' ()\t' '\n\n\n\n')
[ -n "$modules" ] || { echo "no pkg_check_modules(... REQUIRED IMPORTED_TARGET module) found under $root"; exit 1; }
failed=0
for module in $modules; do
    dir=$(pkg-config --variable=pcfiledir "$module" 2>/dev/null)
    if [ -z "$dir" ]; then
        echo "FAIL: pkg-config module '$module' is not installed here, so its package cannot be checked"
        failed=1
        continue
    fi
    package=$(dpkg -S "$dir/$module.pc" 2>/dev/null | head -n1 | cut -d: -f1)
    if [ -z "$package" ]; then
        echo "FAIL: no Debian package owns $dir/$module.pc (module '$module')"
        failed=1
    elif printf '%s\n' $packages | grep -qx "$package"; then
        echo "ok: $module <- $package"
    else
        echo "FAIL: module '$module' comes from '$package', which packaging/setup.sh's PACKAGES does not list"
        failed=1
    fi
done
exit $failed
