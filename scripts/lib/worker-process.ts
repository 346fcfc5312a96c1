// How the scripts start the job worker (scripts/worker.ts) beside the app: `npm run dev` and the e2e server.
// Without npm in between, so a stop signal reaches the worker and it lets a running job finish.
export const WORKER_COMMAND = "npx";
export const WORKER_ARGS = ["tsx", "--import", "./scripts/lib/server-only-hook.mjs", "scripts/worker.ts"];
