// Node module hook for the scripts that import the app's server code outside Next.js (the job worker):
// `server-only` is a guard for bundles that may reach a browser; a Node process is server-side by
// definition, so it resolves to an empty module. Unlike `--conditions=react-server` (which would do the
// same), React keeps its full build, so react-dom/server can render the lifecycle emails.
import { register } from "node:module";

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
