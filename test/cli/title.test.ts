import { afterAll, describe, expect, it } from "vitest";
import { run, tempDirectory } from "./helpers.js";

const files = tempDirectory();
afterAll(files.cleanup);
const path = files.file("q3 <survey>.csv", "score\n10\n9\n3\n");

describe("npskit report --title", () => {
  it("titles the HTML and Markdown report with the file's base name by default, not the path as typed", async () => {
    const html = await run(["report", path, "--format", "html"]);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain("<title>NPS report: q3 &lt;survey&gt;.csv</title>");
    expect(html.stdout).not.toContain(`<title>NPS report: ${path}`);
    const markdown = await run(["report", path, "--format", "markdown"]);
    expect(markdown.stdout.split("\n")[0]).toBe("# NPS report: q3 \\<survey\\>.csv");
    // The text report keeps its overview heading, which names the source as given.
    const text = await run(["report", path]);
    expect(text.stdout.split("\n")[0]).toBe(`NPS overview: ${path}`);
  });

  it("uses --title in every format that has a title, escaped for each", async () => {
    const title = "Q3 <b>customers</b>";
    const html = await run(["report", path, "--format", "html", "--title", title]);
    expect(html.stdout).toContain("<title>Q3 &lt;b&gt;customers&lt;/b&gt;</title>");
    expect(html.stdout).toContain("<h1>Q3 &lt;b&gt;customers&lt;/b&gt;</h1>");
    const markdown = await run(["report", path, "--format", "markdown", "--title", title]);
    expect(markdown.stdout.split("\n")[0]).toBe("# Q3 \\<b\\>customers\\</b\\>");
    const text = await run(["report", path, "--title", "Q3\u001b[31m customers"]);
    expect(text.stdout.split("\n")[0]).toBe("Q3\\u001b[31m customers");
    expect(text.stdout.split("\n")[2]).toBe(`NPS overview: ${path}`);
  });

  it("refuses a blank --title (exit 2), which left an empty heading", async () => {
    for (const title of ["", "  "]) {
      const result = await run(["report", path, "--format", "markdown", "--title", title]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--title must not be blank, received ${JSON.stringify(title)}`);
      expect(result.stdout).toBe("");
    }
  });

  it("keeps the source as the title for standard input and the built-in sample", async () => {
    const stdin = await run(["report", "-", "--format", "html"], "score\n10\n");
    expect(stdin.stdout).toContain("<title>NPS report: standard input</title>");
    const sample = await run(["report", "--format", "markdown"]);
    expect(sample.stdout.split("\n")[0]).toBe("# NPS report: built-in sample");
  });
});
