// `npm run bench`: runs each benchmark in bench/ (or the ones named) one after another, each in
// its own process, and lets them print their figures. Benchmarks are run by hand, never in CI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const named = process.argv.slice(2);
const files = (
  named.length
    ? named
    : fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !['run.ts', 'statistics.ts'].includes(f))
).sort();
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, path.basename(file))], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
