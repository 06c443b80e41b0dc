// Injected into every bundle that references the free variable `Buffer`,
// as browserify did; esbuild drops it from bundles that don't.
import { Buffer } from 'buffer';
export { Buffer };
