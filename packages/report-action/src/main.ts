/** The action: read and check the inputs, build the report, write the summary, post the comment. */
import * as core from '@actions/core';
import { context, getOctokit } from '@actions/github';
import { MAX_COMMENT, markerFor, postComment } from './comment.ts';
import { InputError } from './errors.ts';
import { isBroken } from './gates.ts';
import { readInputs, readRunnerEnv } from './inputs.ts';
import {
  commentFailed,
  forbidden,
  gateFailure,
  skipComment,
  unexpected,
  unreachable,
} from './messages.ts';
import { renderBrief, renderReport } from './render.ts';
import { buildReport, type Report } from './report.ts';
import { commentTarget } from './target.ts';
import { validate, type Settings } from './validate.ts';

/** The shape of Octokit's RequestError that matters here. */
interface RequestFailure {
  status?: number;
  message?: string;
  response?: unknown;
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('GITHUB_STEP_SUMMARY is not set, so there is no job summary to write.');
    return;
  }
  await core.summary.addRaw(markdown).write();
}

async function publish(settings: Settings, report: Report, markdown: string): Promise<void> {
  if (settings.commentMode === 'off') return core.info(skipComment.off);
  const target = commentTarget({
    eventName: context.eventName,
    repository: process.env.GITHUB_REPOSITORY ?? '',
    actor: context.actor,
    payload: context.payload,
  });
  if ('skip' in target) return core.info(target.skip);
  const marker = markerFor(settings.commentKey);
  const body = marker.length + markdown.length < MAX_COMMENT ? markdown : renderBrief(report);
  const octokit = getOctokit(settings.token, { baseUrl: settings.apiUrl });
  const issue = { ...context.repo, issueNumber: target.issueNumber };
  try {
    const posted = await postComment(octokit, issue, settings.commentMode, marker, body);
    core.info(`The pull request comment was ${posted.action}: ${posted.url}`);
  } catch (error) {
    const { status, message, response } = error as RequestFailure;
    const said = message ?? String(error);
    // Octokit gives a network failure status 500 but no response: GitHub never answered.
    if (!response || status === undefined) core.setFailed(unreachable(settings.apiUrl, said));
    else if (status === 403) core.warning(forbidden(status, said));
    else core.setFailed(commentFailed(status, said));
  }
}

export async function run(): Promise<void> {
  try {
    const settings = validate(readInputs(), readRunnerEnv());
    const report = buildReport({
      ...settings,
      runLabel: context.eventName === 'pull_request' ? 'This PR' : 'This run',
    });
    const markdown = renderReport(report);
    const broken = report.gates.filter(isBroken);
    core.setOutput('markdown', markdown);
    core.setOutput('regressed', String(broken.length > 0));
    core.startGroup('Report');
    core.info(markdown);
    core.endGroup();
    await writeSummary(markdown);
    await publish(settings, report, markdown);
    if (broken.length > 0) core.setFailed(gateFailure(broken));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    core.setFailed(error instanceof InputError ? message : unexpected(message));
  }
}
