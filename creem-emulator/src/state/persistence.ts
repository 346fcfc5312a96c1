import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { emptyState, type StateData } from "./types";

/** Reads a state file written by `writeStateFile`; a missing file means a fresh state. */
export function readStateFile(file: string): StateData | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let parsed: Partial<StateData>;
  try {
    parsed = JSON.parse(text) as Partial<StateData>;
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); delete it to start fresh`);
  }
  if (parsed.version !== 1)
    throw new Error(`${file}: unsupported emulator state version ${String(parsed.version)}`);
  // Fill in collections added after the file was written.
  return { ...emptyState(), ...parsed };
}

/** Write-through persistence: write a temp file next to the target, then rename it over (atomic). */
export function writeStateFile(file: string, state: StateData): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(state), "utf8");
  renameSync(temp, file);
}
