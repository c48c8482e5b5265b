/** The action: read and check the inputs, build the report, write the summary, post the comment. */
import * as core from '@actions/core';
import { baselineFiles } from './baseline-artifact.ts';
import { MAX_COMMENT, markerFor, postComment } from './comment.ts';
import { InputError } from './errors.ts';
import { isBroken } from './gates.ts';
import { ApiError, gitHubClient } from './github.ts';
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
import { commentTarget, readEvent, type EventContext } from './target.ts';
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
  const [owner = '', repo = ''] = event.repository.split('/');
  const issue = { owner, repo, issueNumber: target.issueNumber };
  try {
    const github = gitHubClient(settings.token, settings.apiUrl);
    const posted = await postComment(github, issue, settings.commentMode, marker, body);
    core.info(`The pull request comment was ${posted.action}: ${posted.url}`);
  } catch (error) {
    if (!(error instanceof ApiError)) {
      // fetch says only "fetch failed"; its cause names what went wrong (ECONNREFUSED, DNS).
      const cause = (error as Error).cause as Error | undefined;
      return core.setFailed(unreachable(settings.apiUrl, cause?.message ?? String(error)));
    }
    if (error.status === 403) core.warning(forbidden(error.status, error.message));
    else core.setFailed(commentFailed(error.status, error.message));
  }
}

export async function run(): Promise<void> {
  try {
    const settings = validate(readInputs(), readRunnerEnv());
    const event = readEvent();
    const { describe, ...baseline } = await baselineFiles(settings, event);
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
