/** A workflow or a local action's metadata, and the parts of it the rules walk: triggers, jobs, steps. */
import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { YamlFile } from '@ml-cicd/config';
import { entries, get, getMap, items, text } from './yaml-nodes.js';

export interface WorkflowFile extends YamlFile {
  /** `.github/workflows/*.yml` or `.github/actions/<name>/action.yml`. */
  kind: 'workflow' | 'action';
  root: YAMLMap;
}

export interface Trigger {
  name: string;
  /** The key (or list item) that names it. */
  node: Node;
}

export interface Job {
  id: string;
  key: Scalar;
  node: YAMLMap;
}

export interface Step {
  node: YAMLMap;
  /** Absent for a composite action's steps. */
  job?: Job;
}

export function triggers(workflow: WorkflowFile): Trigger[] {
  const on = get(workflow.root, 'on');
  if (isScalar(on)) return [{ name: String(on.value), node: on }];
  if (isSeq(on))
    return items(on).flatMap((item) =>
      isScalar(item) ? [{ name: String(item.value), node: item }] : [],
    );
  return entries(on).map(({ key, keyNode }) => ({ name: key, node: keyNode }));
}

/** Only `workflow_call`: callers decide concurrency and run it in their own context. */
export function isReusableOnly(workflow: WorkflowFile): boolean {
  const names = triggers(workflow).map((trigger) => trigger.name);
  return names.length > 0 && names.every((name) => name === 'workflow_call');
}

export function jobs(workflow: WorkflowFile): Job[] {
  if (workflow.kind !== 'workflow') return [];
  return entries(get(workflow.root, 'jobs')).flatMap(({ key, keyNode, value }) =>
    isMap(value) ? [{ id: key, key: keyNode, node: value }] : [],
  );
}

export function steps(workflow: WorkflowFile): Step[] {
  const stepMaps = (list: unknown) => items(list).filter((item): item is YAMLMap => isMap(item));
  if (workflow.kind === 'action') {
    return stepMaps(get(getMap(workflow.root, 'runs'), 'steps')).map((node) => ({ node }));
  }
  return jobs(workflow).flatMap((job) =>
    stepMaps(get(job.node, 'steps')).map((node) => ({ node, job })),
  );
}

export interface Uses {
  /** `owner/repo[/path]`, `./local` or `docker://...`. */
  target: string;
  /** After `@`, when there is one. */
  ref?: string;
  node: Scalar;
}

/** The `uses:` of a step or of a job that calls a reusable workflow. */
export function usesOf(node: YAMLMap): Uses | undefined {
  const value = get(node, 'uses');
  const raw = text(value);
  if (raw === undefined || !isScalar(value)) return undefined;
  const at = raw.lastIndexOf('@');
  if (raw.startsWith('./') || raw.startsWith('docker://') || at < 0)
    return { target: raw, node: value };
  return { target: raw.slice(0, at), ref: raw.slice(at + 1), node: value };
}

/** Whether `target` names a remote action or reusable workflow (not `./...` nor `docker://`). */
export function isRemote(uses: Uses): boolean {
  return !uses.target.startsWith('./') && !uses.target.startsWith('docker://');
}

/** `owner/repo` of a remote `uses:` target. */
export function repoOf(target: string): string {
  return target.split('/').slice(0, 2).join('/');
}
