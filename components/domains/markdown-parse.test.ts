import { describe, expect, it } from "vitest";
import { markdownToText, parseInline, parseMarkdown } from "./markdown-parse";

describe("parseMarkdown", () => {
  it("reads headings, paragraphs, lists, code and quotes", () => {
    const blocks = parseMarkdown(
      [
        "# Banking",
        "",
        "A retail bank's",
        "back office.",
        "",
        "- customers",
        "- accounts",
        "  that hold money",
        "",
        "1. open",
        "2. close",
        "",
        "```json",
        '{ "a": 1 }',
        "```",
        "> quoted",
        "---",
      ].join("\n"),
    );
    expect(blocks).toEqual([
      { kind: "heading", level: 1, text: "Banking" },
      { kind: "paragraph", text: "A retail bank's back office." },
      { kind: "list", ordered: false, start: 1, items: ["customers", "accounts that hold money"] },
      { kind: "list", ordered: true, start: 1, items: ["open", "close"] },
      { kind: "code", lang: "json", text: '{ "a": 1 }' },
      { kind: "quote", blocks: [{ kind: "paragraph", text: "quoted" }] },
      { kind: "rule" },
    ]);
  });

  it("keeps HTML as text", () => {
    expect(parseMarkdown("<script>alert(1)</script>")).toEqual([
      { kind: "paragraph", text: "<script>alert(1)</script>" },
    ]);
    expect(parseInline("<b>x</b>")).toEqual([{ kind: "text", text: "<b>x</b>" }]);
  });
});

describe("parseInline", () => {
  it("reads emphasis, strong, code and links", () => {
    expect(parseInline("a **bold** and *em* with `code` [docs](https://example.test)")).toEqual([
      { kind: "text", text: "a " },
      { kind: "strong", children: [{ kind: "text", text: "bold" }] },
      { kind: "text", text: " and " },
      { kind: "em", children: [{ kind: "text", text: "em" }] },
      { kind: "text", text: " with " },
      { kind: "code", text: "code" },
      { kind: "text", text: " " },
      { kind: "link", href: "https://example.test", children: [{ kind: "text", text: "docs" }] },
    ]);
  });

  it("leaves snake_case names and unsafe links alone", () => {
    expect(parseInline("the account_id and customer_id fields")).toEqual([
      { kind: "text", text: "the account_id and customer_id fields" },
    ]);
    expect(parseInline("_really_ important")).toEqual([
      { kind: "em", children: [{ kind: "text", text: "really" }] },
      { kind: "text", text: " important" },
    ]);
    expect(parseInline("[x](javascript:alert(1))")).toEqual([
      { kind: "text", text: "[x](javascript:alert(1))" },
    ]);
  });

  it("treats a lone star as text", () => {
    expect(parseInline("2 * 3 = 6")).toEqual([{ kind: "text", text: "2 * 3 = 6" }]);
  });
});

describe("markdownToText", () => {
  it("keeps the prose, drops markup and headings", () => {
    expect(markdownToText("# Bank\n\nThe **back** office.\n\n- one\n- `two`")).toBe(
      "The back office. one; two",
    );
  });
});
