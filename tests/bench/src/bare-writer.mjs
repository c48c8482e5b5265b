// The least any tool can do to produce the project create-ml-cicd generates: write its files, read
// from one JSON file made beforehand, with no engine, no checks and no atomic staging. Timed with
// the two tools, it shows how much of a scaffold is the filesystem's and node's alone.
//
// node bare-writer.mjs <files.json> <target>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [filesJson, target] = process.argv.slice(2);
const files = JSON.parse(readFileSync(filesJson, 'utf8'));
for (const { path, content, mode } of files) {
  const file = join(target, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content, { mode });
}
