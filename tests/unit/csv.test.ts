import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv";

describe("toCsv", () => {
  it("quotes cells with commas, quotes and newlines", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          ["line\nbreak", "plain"],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",plain\r\n');
  });

  it("neutralises spreadsheet formulas", () => {
    expect(toCsv(["v"], [["=HYPERLINK(1)"], ["+1"], ["-2"], ["@x"], ["ok"]])).toBe(
      "v\r\n'=HYPERLINK(1)\r\n'+1\r\n'-2\r\n'@x\r\nok\r\n",
    );
  });
});
