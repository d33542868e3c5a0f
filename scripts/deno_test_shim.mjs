// Runs the portable `Deno.test` files under Node's test runner:
//
//   node --import ./esm/tests/_deno_test_shim.mjs --test esm/tests/x_test.js
//
// It defines `globalThis.Deno.test` (nothing else of Deno) on top of
// `node:test`: every `Deno.test` call shape, `Deno.test.ignore` /
// `Deno.test.only`, `ignore` and `only` options, and the test context's `name`,
// `origin`, `parent` and `step` (every `t.step` shape, resolving to whether the
// step passed, as in Deno). Sanitizer and permission options are accepted and
// ignored. `only` needs `node --test-only` to take effect, as in Node.
import { test as nodeTest } from "node:test";
import { pathToFileURL } from "node:url";

const origin = process.argv[1] ? pathToFileURL(process.argv[1]).href : "";

function isFunction(value) {
  return typeof value === "function";
}

// Deno's overloads: (def), (name, fn), (fn), (name, options, fn),
// (options, fn). Returns { name, fn, ignore, only }.
function definition(kind, a, b, c) {
  let def;
  if (typeof a === "string") {
    if (isFunction(b)) def = { name: a, fn: b };
    else if (isFunction(c)) def = { ...b, name: a, fn: c };
    else throw new TypeError(`Missing ${kind} function`);
  } else if (isFunction(a)) {
    def = { name: a.name, fn: a };
  } else if (a !== null && typeof a === "object") {
    if (isFunction(b)) def = { ...a, fn: b, name: a.name ?? b.name };
    else def = { ...a };
  } else {
    throw new TypeError(`Invalid arguments for ${kind}`);
  }
  if (!isFunction(def.fn)) throw new TypeError(`Missing ${kind} function`);
  if (typeof def.name !== "string" || def.name === "") {
    throw new TypeError(`The ${kind} name can't be empty`);
  }
  return def;
}

// Node runs a test function with two or more parameters callback-style, so
// the user's function is always wrapped in a one-parameter function.
function nodeOptions(def) {
  const options = {};
  if (def.ignore) options.skip = true;
  if (def.only) options.only = true;
  return options;
}

function context(nodeContext, name, parent) {
  const self = {
    name,
    origin,
    parent,
    step(a, b) {
      const def = definition("step", a, b);
      let passed = false;
      return nodeContext.test(def.name, nodeOptions(def), async (inner) => {
        await def.fn(context(inner, def.name, self));
        passed = true;
      }).then(() => passed && !def.ignore);
    },
  };
  return self;
}

function register(def) {
  nodeTest(def.name, nodeOptions(def), async (nodeContext) => {
    await def.fn(context(nodeContext, def.name, undefined));
  });
}

function test(a, b, c) {
  register(definition("test", a, b, c));
}
test.ignore = (a, b, c) =>
  register({ ...definition("test", a, b, c), ignore: true });
test.only = (a, b, c) =>
  register({ ...definition("test", a, b, c), only: true });

if (globalThis.Deno === undefined) {
  globalThis.Deno = { test };
}
