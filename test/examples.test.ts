/**
 * Runs every `@example` in the TSDoc of `src/` (typedoc shows them but never compiles them), and
 * checks that every runtime export of the package has one.
 *
 * Convention: an example is a ```ts block importing from "npskit" or "npskit/text"; a line `expression; // => value`
 * asserts that the expression deep-equals the value. Every such assertion must actually run.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as core from "../src/index.js";
import * as text from "../src/text/index.js";

/** Every runtime export of the package's entry points (`npskit` and `npskit/text`). */
const api = { ...core, ...text };

const root = join(import.meta.dirname, "..");

interface Example {
  readonly file: string;
  readonly line: number;
  readonly owner: string;
  readonly code: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "cli" ? [] : sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

function collectExamples(): Example[] {
  const examples: Example[] = [];
  for (const path of sourceFiles(join(root, "src"))) {
    const text = readFileSync(path, "utf8");
    for (const match of text.matchAll(
      /\/\*\*([\s\S]*?)\*\/\s*export\s+(?:declare\s+)?(?:async\s+)?(?:function|const|class|interface|type)\s+(\w+)/g,
    )) {
      const doc = (match[1] ?? "").replace(/^\s*\* ?/gm, "");
      const owner = match[2] ?? "";
      const start = text.slice(0, match.index).split("\n").length;
      for (const block of doc.matchAll(/@example\s*```ts\n([\s\S]*?)```/g)) {
        examples.push({ file: relative(root, path), line: start, owner, code: block[1] ?? "" });
      }
    }
  }
  const readme = readFileSync(join(root, "README.md"), "utf8");
  for (const block of readme.matchAll(/```ts\n([\s\S]*?)```/g)) {
    const line = readme.slice(0, block.index).split("\n").length;
    examples.push({ file: "README.md", line, owner: "README", code: block[1] ?? "" });
  }
  return examples;
}

const examples = collectExamples();

function runExample(example: Example): void {
  const assertions: string[] = [];
  const hit = new Set<number>();
  const lines: string[] = [];
  const assertion = (indent: string, expression: string, expected: string, text: string): string => {
    const id = assertions.push(text) - 1;
    return `${indent}__expect(${id}, (${expression}), (${expected}));`;
  };
  for (const line of example.code.split("\n")) {
    if (/^\s*import\s/.test(line)) continue;
    const inline = /^(\s*)(.+?);\s*\/\/ => (.+)$/.exec(line);
    const below = /^\s*\/\/ => (.+)$/.exec(line);
    if (inline) lines.push(assertion(inline[1] ?? "", inline[2] ?? "", inline[3] ?? "", line.trim()));
    else if (below) {
      // `expression;` on one line and `// => value` on the next.
      const previous = /^(\s*)(.+?);\s*$/.exec(lines.pop() ?? "");
      expect(previous, `${example.file}: "${line.trim()}" follows no expression statement`).not.toBeNull();
      lines.push(
        assertion(previous?.[1] ?? "", previous?.[2] ?? "", below[1] ?? "", `${previous?.[2]} ${line.trim()}`),
      );
    } else lines.push(line);
  }
  const body = lines.join("\n");
  const js = ts.transpileModule(body, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  const names = Object.keys(api);
  const run = new Function(...names, "__expect", js);
  run(
    ...names.map((name) => (api as Record<string, unknown>)[name]),
    (id: number, actual: unknown, expected: unknown) => {
      hit.add(id);
      expect(actual, `${example.file}: ${assertions[id]}`).toEqual(expected);
    },
  );
  const missed = assertions.filter((_, id) => !hit.has(id));
  expect(missed, `${example.file}: assertions that never ran`).toEqual([]);
}

describe("TSDoc examples", () => {
  it("finds examples", () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  for (const example of examples) {
    it(`${example.owner} (${example.file}:${example.line})`, () => runExample(example));
  }

  it("every runtime export has an executed example", () => {
    const documented = new Set(examples.map((example) => example.owner));
    const missing = Object.keys(api).filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });
});
