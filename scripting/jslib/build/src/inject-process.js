// Injected into every bundle that references the free variable `process`
// (browserify did the same); esbuild drops it from bundles that don't.
import process from 'process/browser.js';
export { process };
