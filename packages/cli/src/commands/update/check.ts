/** `ml-cicd update --check`: is a newer create-ml-cicd on the registry than the one that made the project? */
import { UserError } from '@ml-cicd/core';
import type { Io } from '../../io.js';
import * as say from './messages.js';
import { npm, npmProblem } from './tools.js';
import { compareVersions, isVersion } from './version.js';

/** The `latest` version of create-ml-cicd on the registry the user's npm is configured with. */
function latestVersion(dir: string): string {
  const ran = npm(['view', 'create-ml-cicd@latest', 'version'], dir);
  const version = ran.stdout.trim();
  if (ran.status !== 0) throw new UserError(say.registryFailed(npmProblem(ran)));
  if (!isVersion(version)) {
    throw new UserError(say.registryFailed(`it answered ${JSON.stringify(version)}`));
  }
  return version;
}

export function check(current: string, dir: string, io: Io, json: boolean): number {
  const latest = latestVersion(dir);
  const updateAvailable = compareVersions(latest, current) > 0;
  io.out(
    json
      ? `${JSON.stringify({ current, latest, updateAvailable }, null, 2)}\n`
      : `${say.checkResult(current, latest, updateAvailable)}\n`,
  );
  return updateAvailable ? 1 : 0;
}
