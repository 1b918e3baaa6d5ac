// Adds up the Vitest and Playwright JSON reports into one closing line: "N passed, N failed, N skipped".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0, failed = 0, skipped = 0;
const missing = [];

for (const layer of ['unit', 'kernel']) {
  const file = join(dir, `${layer}.json`);
  if (!existsSync(file)) { missing.push(layer); continue; }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests; failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
const e2e = join(dir, 'e2e.json');
if (existsSync(e2e)) {
  const s = JSON.parse(readFileSync(e2e, 'utf8')).stats;
  passed += s.expected + s.flaky; failed += s.unexpected; skipped += s.skipped;
} else missing.push('e2e');

for (const m of missing) console.log(`no report from the ${m} layer (it did not run or crashed)`);
if (missing.length) failed += missing.length;
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
