/** `.ml-cicd/manifest.json`: what generated the project, with which answers, and a hash per file. */
import { createHash } from 'node:crypto';
import type { Answers } from './answers.js';

export const manifestPath = '.ml-cicd/manifest.json';

export interface Manifest {
  generator: { name: string; version: string };
  answers: Answers;
  features: string[];
  /** Relative path -> `sha256:<hex>` of the content written. */
  files: Record<string, string>;
}

export function hashContent(content: string): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

export function manifestJson(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
