/** Event payloads as GitHub sends them, cut to the fields the workflows and actions read. */
import type { Project } from './project.js';

function repository(project: Project) {
  const [owner, name] = project.repository.split('/');
  return {
    id: 1,
    name,
    full_name: project.repository,
    owner: { login: owner },
    default_branch: 'main',
  };
}

export function pushEvent(project: Project, sha: string, ref = 'refs/heads/main') {
  return {
    ref,
    before: '0'.repeat(40),
    after: sha,
    repository: repository(project),
    sender: { login: 'octocat' },
  };
}

export function pullRequestEvent(project: Project, number: number, sha: string) {
  const repo = repository(project);
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { ref: 'feature', sha, repo },
      base: { ref: 'main', repo },
    },
    repository: repo,
    sender: { login: 'octocat' },
  };
}

export function dispatchEvent(project: Project, inputs: Record<string, string> = {}) {
  return {
    ref: 'refs/heads/main',
    inputs,
    repository: repository(project),
    sender: { login: 'octocat' },
  };
}

export function scheduleEvent(project: Project) {
  return { schedule: '37 4 1 * *', repository: repository(project) };
}
