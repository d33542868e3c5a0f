# shellcheck shell=bash
# Stage: the npm package, its consumers, browsers and JSR (issue #3).
# Sourced by .ci/run after the main test run (which already ran the URL-import
# test, tests/integration/url_import_test.ts). Adds to `passed`/`failed` and
# `stage_failures`:
#   - build:npm: 1 check (type-check for Node/browsers, emit, specifiers),
#     plus the counts of the portable tests run by Node against the build;
#   - consumer and browser checks (tests/package/*_check.ts): their Deno counts;
#   - jsr-dry-run: 1 check.
npm_stage_started=$(date +%s)

# Debian's chromium for the browser check, installed only when missing.
if ! command -v chromium >/dev/null 2>&1; then
  echo "== npm: installing Debian's chromium"
  npm_sudo=()
  if [ "$(id -u)" -ne 0 ]; then npm_sudo=(sudo -n); fi
  npm_apt_started=$(date +%s)
  if "${npm_sudo[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${npm_sudo[@]}" apt-get install -y -qq \
      --no-install-recommends chromium >/dev/null; then
    echo "== npm: chromium installed in $(($(date +%s) - npm_apt_started)) s"
  else
    echo "== npm: could not install chromium; the browser checks will fail" >&2
  fi
fi

# The package itself, and the portable tests under Node against it.
echo "== build:npm: deno task build:npm"
npm_log=$(mktemp)
deno task build:npm 2>&1 | tee "$npm_log"
npm_status=${PIPESTATUS[0]}
if grep -q '^\[build_npm\] built npm/' "$npm_log"; then
  passed=$((passed + 1))
  npm_line=$(grep -E '^node tests: [0-9]+ passed, [0-9]+ failed$' "$npm_log" | tail -1)
  npm_p=$(sed -E 's/^node tests: ([0-9]+) passed.*/\1/' <<<"$npm_line")
  npm_f=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$npm_line")
  passed=$((passed + ${npm_p:-0}))
  failed=$((failed + ${npm_f:-0}))
  if [ "$npm_status" -ne 0 ]; then
    if [ "${npm_f:-0}" -eq 0 ]; then failed=$((failed + 1)); fi
    stage_failures+=("node tests against npm/")
  fi
else
  failed=$((failed + 1))
  stage_failures+=("build:npm")
fi

# As a consumer sees it (npm pack, install, import, require, tsc, examples,
# publint, attw) and in headless Chromium.
echo "== npm consumer and browser: deno test -A tests/package/"
deno test -A tests/package/consumer_check.ts tests/package/browser_check.ts \
  2>&1 | tee "$npm_log"
npm_status=${PIPESTATUS[0]}
count_deno "$npm_log"
if [ "$npm_status" -ne 0 ]; then
  if ! grep -qE '^FAILED \|' "$npm_log"; then failed=$((failed + 1)); fi
  stage_failures+=("npm consumer/browser checks")
fi
rm -f "$npm_log"

# JSR-ready: works offline.
stage jsr-dry-run deno publish --dry-run --allow-dirty

echo "== npm stage took $(($(date +%s) - npm_stage_started)) s"
