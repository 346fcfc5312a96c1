import type { RunnerTask, RunnerTestCase, RunnerTestFile } from "vitest";
import type { Reporter, Vitest } from "vitest/node";

// Mutation runs only (vitest.mutation.config.ts). Stryker's Vitest runner (9.5.1, still in 10.0.0:
// stryker-js#6150) builds a mutant's result from the tests that ran, and a test file that throws while it
// loads (a mutant in module-level code, e.g. PLANS.map returning nothing) runs none: the mutant that broke
// the whole file was reported "survived". This reporter gives each failed file in which no test ran one
// failed test carrying the file's error, so Stryker sees what `vitest run` reports: a failure.
// A failed file whose tests ran is left alone: under Vitest 4 Stryker's own setup file fails every file's
// afterAll (it reads `meta` from the hook's first argument), after the tests have passed or failed.

const ran = (task: RunnerTask): boolean =>
  task.type === "test" ? task.result !== undefined : task.tasks.some(ran);

/** Adds a failed test to each failed file in which no test ran; returns those files. */
export function markUnloadableFiles(files: readonly RunnerTestFile[]): RunnerTestFile[] {
  const marked = files.filter((file) => file.result?.state === "fail" && !ran(file));
  for (const file of marked) {
    const name = "(the file failed to load)";
    // A finished run's test: nothing reads its context, which only vitest can build.
    const test = {
      type: "test",
      id: `${file.id}_unloadable`,
      name,
      fullName: `${file.name} > ${name}`,
      fullTestName: name,
      mode: "run",
      meta: {},
      file,
      suite: file,
      result: { state: "fail", errors: file.result?.errors ?? [] },
      timeout: 0,
      annotations: [],
      artifacts: [],
      context: {},
    } as unknown as RunnerTestCase;
    file.tasks.push(test);
  }
  return marked;
}

export default class UnloadableFileAsFailedTest implements Reporter {
  private vitest?: Vitest;

  onInit(vitest: Vitest) {
    this.vitest = vitest;
  }

  onTestRunEnd() {
    if (this.vitest) markUnloadableFiles(this.vitest.state.getFiles());
  }
}
