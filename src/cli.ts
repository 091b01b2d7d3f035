#!/usr/bin/env node
import { main } from "./cli/main.js";

// No top-level await: tsup also emits a CommonJS build of this entry, where it is not allowed.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
