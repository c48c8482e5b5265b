/**
 * The bin's entry: turn on Node's compile cache (Node 22.1+) before the bundle is loaded, so
 * later runs skip compiling it, then run the command.
 */
import module from 'node:module';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./main.js');
