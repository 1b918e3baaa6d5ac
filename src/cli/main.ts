/** Entry point of `npm run cli -- <command> …` (bundled and run by scripts/run-ts.mjs). */
import { readFileSync } from 'node:fs';
import { runCli } from './cli';

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path),
});
// Dawn can keep the event loop alive after the device is destroyed: exit once the output is flushed.
process.stdout.write('', () => process.exit(code));
