/** The output formats of `ml-cicd validate`. */
import pkg from '../../package.json' with { type: 'json' };
import type { Report } from '../validate/validate-project.js';
import type { RenderContext } from './context.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export type { RenderContext } from './context.js';

export const formats = ['text', 'json', 'github', 'sarif'] as const;
export type Format = (typeof formats)[number];

export function render(format: Format, report: Report, context: RenderContext): string {
  switch (format) {
    case 'text':
      return formatText(report, context);
    case 'json':
      return formatJson(report, context, pkg.version);
    case 'github':
      return formatGithub(report, context);
    case 'sarif':
      return formatSarif(report, context, pkg.version);
  }
}
