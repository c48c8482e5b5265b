/**
 * GitHub's own workflow parser (`@actions/workflow-parser`), loaded on first use: it is the
 * largest part of the bundle, and `--help` or a repository without workflows never needs it.
 */
import type { TemplateContext } from '@actions/workflow-parser/templates/template-context';
import type { FileProvider } from '@actions/workflow-parser/workflows/file-provider';

type Workflows = typeof import('@actions/workflow-parser');
type Actions = typeof import('@actions/workflow-parser/actions/index');

let loading: Promise<[Workflows, Actions]> | undefined;

function load(): Promise<[Workflows, Actions]> {
  loading ??= Promise.all([
    import('@actions/workflow-parser'),
    import('@actions/workflow-parser/actions/index'),
  ]);
  return loading;
}

export interface ParserError {
  file: string;
  line: number;
  column: number;
  message: string;
}

// The context prefixes each error with `file (Line: n, Col: n)`, either part possibly missing.
const prefix = /^(.*?) ?(?:\(Line: (\d+), Col: (\d+)\))?$/;

function errorsOf(context: TemplateContext, file: string): ParserError[] {
  return context.errors.getErrors().map((error) => {
    const [, named, line, column] = prefix.exec(error.prefix ?? '') ?? [];
    return {
      file: named || file,
      line: error.range?.start.line ?? (line ? Number(line) : 1),
      column: error.range?.start.column ?? (column ? Number(column) : 1),
      message: error.rawMessage,
    };
  });
}

/**
 * Parses and converts each file as GitHub does. Calls to local reusable workflows are read with
 * `read`; a remote one cannot be read offline and comes back as "Unable to find reusable workflow".
 */
export async function parseWithGitHub(
  files: { path: string; kind: 'workflow' | 'action'; content: string }[],
  read: (path: string) => string | undefined,
): Promise<ParserError[]> {
  const [workflows, actions] = await load();
  const trace = new workflows.NoOperationTraceWriter();
  const provider: FileProvider = {
    getFileContent(ref) {
      const content = 'repository' in ref ? undefined : read(ref.path);
      if (content === undefined) return Promise.reject(new Error(`${ref.path} cannot be read`));
      return Promise.resolve({ name: ref.path, content });
    },
  };
  const errors: ParserError[] = [];
  for (const { path, kind, content } of files) {
    try {
      if (kind === 'action') {
        const parsed = actions.parseAction({ name: path, content }, trace);
        if (parsed.value) actions.convertActionTemplate(parsed.context, parsed.value);
        errors.push(...errorsOf(parsed.context, path));
        continue;
      }
      const parsed = workflows.parseWorkflow({ name: path, content }, trace);
      if (parsed.value) {
        await workflows.convertWorkflowTemplate(parsed.context, parsed.value, provider, {
          fetchReusableWorkflowDepth: 1,
        });
      }
      errors.push(...errorsOf(parsed.context, path));
    } catch (error) {
      // A parser bug on one file must not hide the findings of the others.
      const reason = error instanceof Error ? error.message : String(error);
      errors.push({
        file: path,
        line: 1,
        column: 1,
        message: `GitHub's parser failed on this file (${reason})`,
      });
    }
  }
  return errors;
}
