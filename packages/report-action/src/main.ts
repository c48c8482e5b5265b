/** The action: read and check the inputs, build the report, write the summary, post the comment. */
import * as core from '@actions/core';
import { baselineFiles } from './baseline-artifact.ts';
import { MAX_COMMENT, markerFor, postComment } from './comment.ts';
import { InputError } from './errors.ts';
import { isBroken } from './gates.ts';
import { readEvent, readInputs, readRunnerEnv } from './inputs.ts';
import {
  commentFailed,
  forbidden,
  gateFailure,
  proxyUnused,
  skipComment,
  unexpected,
  unreachable,
} from './messages.ts';
import { callFailure, gitHub, useProxyFromEnv } from './octokit.ts';
import { renderBrief, renderReport } from './render.ts';
import { buildReport, type Report } from './report.ts';
import { commentTarget, type EventContext } from './target.ts';
import { validate, type Settings } from './validate.ts';

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('GITHUB_STEP_SUMMARY is not set, so there is no job summary to write.');
    return;
  }
  await core.summary.addRaw(markdown).write();
}

async function publish(
  settings: Settings,
  event: EventContext,
  report: Report,
  markdown: string,
): Promise<void> {
  if (settings.commentMode === 'off') return core.info(skipComment.off);
  const target = commentTarget(event);
  if ('skip' in target) return core.info(target.skip);
  const marker = markerFor(settings.commentKey);
  const body = marker.length + markdown.length < MAX_COMMENT ? markdown : renderBrief(report);
  const issue = { ...event.repo, issue_number: target.issueNumber };
  try {
    const github = gitHub(settings.token, settings.apiUrl);
    const posted = await postComment(github, issue, settings.commentMode, marker, body);
    core.info(`The pull request comment was ${posted.action}: ${posted.url}`);
  } catch (error) {
    const failed = callFailure(error);
    if (!failed) throw error;
    if ('unanswered' in failed) {
      return core.setFailed(unreachable(settings.apiUrl, failed.unanswered));
    }
    if (failed.status === 403) core.warning(forbidden(failed.status, failed.message));
    else core.setFailed(commentFailed(failed.status, failed.message));
  }
}

export async function run(): Promise<void> {
  const proxy = useProxyFromEnv(process.env);
  if (proxy) core.info(proxyUnused(proxy));
  try {
    const runner = readRunnerEnv();
    const settings = validate(readInputs(), runner);
    const event = readEvent();
    const runId = Number.parseInt(runner.runId, 10);
    const { describe, ...baseline } = await baselineFiles(settings, event, runId);
    const report = buildReport({
      ...settings,
      ...baseline,
      runLabel: event.eventName === 'pull_request' ? 'This PR' : 'This run',
    });
    report.missingBaseline = report.missingBaseline.map(describe);
    const markdown = renderReport(report);
    const broken = report.gates.filter(isBroken);
    core.setOutput('markdown', markdown);
    core.setOutput('regressed', String(broken.length > 0));
    core.startGroup('Report');
    core.info(markdown);
    core.endGroup();
    await writeSummary(markdown);
    await publish(settings, event, report, markdown);
    if (broken.length > 0) core.setFailed(gateFailure(broken));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    core.setFailed(error instanceof InputError ? message : unexpected(message));
  }
}
