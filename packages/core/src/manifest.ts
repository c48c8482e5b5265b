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

/**
 * Whether `content` is what the manifest recorded as `hash`: the same text, whatever its line
 * endings (a CRLF checkout of a file written with LF).
 */
export function matchesRecorded(content: string, hash: string): boolean {
  return hashContent(content) === hash || hashContent(content.replaceAll('\r\n', '\n')) === hash;
}

export function manifestJson(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
