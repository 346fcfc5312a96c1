import { copyStandaloneAssets } from "./lib/standalone";

// Run by `npm run build` after `next build`: the standalone server then serves public/ and the static files.
copyStandaloneAssets();
