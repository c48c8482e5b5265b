import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileProvider } from '@actions/workflow-parser/workflows/file-provider';
import type { TemplateContext } from '@actions/workflow-parser/templates/template-context';
import { loadWorkflowParser } from './load-workflow-parser.js';
import type { Finding, ProjectFiles } from './types.js';

// The context prefixes each error with `file (Line: n, Col: n)`, either part possibly missing.
const PREFIX = /^(.*?) ?(?:\(Line: (\d+), Col: (\d+)\))?$/;

function toFindings(context: TemplateContext, entry: string): Finding[] {
  return context.errors.getErrors().map((error) => {
    const [, file, line, column] = PREFIX.exec(error.prefix ?? '') ?? [];
    return {
      tool: 'workflow-parser',
      file: file || entry,
      line: error.range?.start.line ?? (line ? Number(line) : undefined),
      column: error.range?.start.column ?? (column ? Number(column) : undefined),
      message: error.rawMessage,
    };
  });
}

/**
 * GitHub's own parser: the schema parse, then the conversion (which checks what the schema cannot,
 * and the calls to local reusable workflows, read from the project). A remote reusable workflow
 * cannot be read offline and is reported as "Unable to find reusable workflow".
 */
export async function runWorkflowParser(dir: string, files: ProjectFiles): Promise<Finding[]> {
  const parser = await loadWorkflowParser();
  const trace = new parser.NoOperationTraceWriter();
  const read = async (name: string) => ({ name, content: await readFile(join(dir, name), 'utf8') });
  const localFiles: FileProvider = {
    async getFileContent(ref) {
      if ('repository' in ref) throw new Error(`${ref.owner}/${ref.repository} is remote`);
      return read(ref.path);
    },
  };
  const findings: Finding[] = [];
  for (const name of files.workflows) {
    const parsed = parser.parseWorkflow(await read(name), trace);
    if (parsed.value) {
      await parser.convertWorkflowTemplate(parsed.context, parsed.value, localFiles, {
        fetchReusableWorkflowDepth: 1,
      });
    }
    findings.push(...toFindings(parsed.context, name));
  }
  for (const name of files.actions) {
    const parsed = parser.parseAction(await read(name), trace);
    if (parsed.value) parser.convertActionTemplate(parsed.context, parsed.value);
    findings.push(...toFindings(parsed.context, name));
  }
  return findings;
}
