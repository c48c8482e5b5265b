import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type * as Workflows from '@actions/workflow-parser';
import type * as Actions from '@actions/workflow-parser/actions/index';

export type WorkflowParser = typeof Workflows &
  Pick<typeof Actions, 'parseAction' | 'convertActionTemplate'>;

// @actions/workflow-parser imports its JSON schemas without `with { type: 'json' }`, which
// Node 20 rejects. Bundling it with esbuild inlines the JSON, and doing so in memory on first use
// (~100 ms) means no generated file can go stale when the package is updated. The bundle is
// imported from a data: URL, which resolves only built-in modules, so everything is bundled, and
// `require` is provided for the built-ins that yaml's CommonJS build asks for.
async function load(): Promise<WorkflowParser> {
  const result = await build({
    stdin: {
      contents: [
        "export * from '@actions/workflow-parser';",
        "export { parseAction, convertActionTemplate } from '@actions/workflow-parser/actions/index';",
      ].join('\n'),
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire('/');",
    },
  });
  const code = result.outputFiles[0]?.text ?? '';
  const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
  return (await import(/* @vite-ignore */ url)) as WorkflowParser;
}

let parser: Promise<WorkflowParser> | undefined;

export function loadWorkflowParser(): Promise<WorkflowParser> {
  parser ??= load();
  return parser;
}
