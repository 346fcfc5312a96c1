import type { RunnerTestFile } from "vitest";
import { describe, expect, it } from "vitest";
import { markUnloadableFiles } from "../../support/unloadable-file-as-failed-test";

// The mutation runs' reporter: a test file that failed without a failed test (it threw while loading)
// must reach Stryker as a failed test, and nothing else may change.

type Fake = { state?: "pass" | "fail"; tests?: ("pass" | "fail")[]; nested?: ("pass" | "fail")[] };

function file(name: string, { state, tests = [], nested }: Fake): RunnerTestFile {
  const f = {
    type: "suite",
    id: name,
    name,
    filepath: `/repo/${name}`,
    tasks: [] as unknown[],
    result: state && { state, errors: state === "fail" ? [{ message: `${name} threw` }] : undefined },
  } as unknown as RunnerTestFile;
  const test = (s: "pass" | "fail", i: number) => ({ type: "test", name: `t${i}`, result: { state: s } });
  f.tasks.push(...(tests.map(test) as never[]));
  if (nested) f.tasks.push({ type: "suite", name: "inner", tasks: nested.map(test) } as never);
  return f;
}

const states = (f: RunnerTestFile) =>
  f.tasks.map((t) => (t.type === "test" ? [t.name, t.result?.state] : [t.name, "suite"]));

describe("markUnloadableFiles", () => {
  it("gives a file that failed without tests one failed test with the file's error", () => {
    const broken = file("broken.test.ts", { state: "fail" });
    expect(markUnloadableFiles([broken])).toEqual([broken]);
    expect(broken.tasks).toHaveLength(1);
    const [test] = broken.tasks;
    expect(test).toMatchObject({
      type: "test",
      file: broken,
      result: { state: "fail", errors: [{ message: "broken.test.ts threw" }] },
    });
  });

  it("leaves passing files, and failed files that already hold a failed test, nested or not", () => {
    const files = [
      file("ok.test.ts", { tests: ["pass", "pass"] }),
      file("red.test.ts", { state: "fail", tests: ["pass", "fail"] }),
      file("deep.test.ts", { state: "fail", nested: ["fail"] }),
    ];
    const before = files.map(states);
    expect(markUnloadableFiles(files)).toEqual([]);
    expect(files.map(states)).toEqual(before);
  });

  it("marks a failed file whose collected tests never ran, and leaves one whose tests ran", () => {
    const uncollected = file("collect.test.ts", { state: "fail", nested: [] });
    const never = file("never.test.ts", { state: "fail" });
    never.tasks.push({ type: "test", name: "queued" } as never);
    // Under Vitest 4 Stryker's setup file fails every file's afterAll once its tests have run.
    const late = file("late.test.ts", { state: "fail", tests: ["pass"] });
    expect(markUnloadableFiles([uncollected, never, late]).map((f) => f.name)).toEqual([
      "collect.test.ts",
      "never.test.ts",
    ]);
    expect(states(never)).toEqual([
      ["queued", undefined],
      ["(the file failed to load)", "fail"],
    ]);
    expect(states(late)).toEqual([["t0", "pass"]]);
  });
});
