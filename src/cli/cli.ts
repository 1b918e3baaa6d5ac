/** The command table and dispatcher of `npm run cli -- <command> …`, with one-line errors and exit codes. */
import { TiffChoiceRequiredError, TiffError } from '../compute/io/tiff-errors';
import { describeOptions } from './args';
import type { CliCommand, CliIo } from './command';
import { CliError, UsageError } from './errors';
import { infoCommand } from './info';
import { fitCommand } from './fit';
import { renderCommand } from './render';

/** Sub-commands; add new ones (render, fit, bench…) here. */
export const COMMANDS: readonly CliCommand[] = [infoCommand, renderCommand, fitCommand];

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

const CHOICE_FLAGS = { channel: '--channel N', frame: '--frame N', rgb: '--rgb luminance|0|1|2' } as const;

export function usage(): string {
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(10)}${c.summary}`).join('\n');
  return `usage: npm run cli -- <command> [options]\n\ncommands:\n${list}\n\nRun "npm run cli -- <command> --help" for a command's options.\n`;
}

export function commandHelp(c: CliCommand): string {
  return `usage: npm run cli -- ${c.name} ${c.usage} [options]\n\n${c.summary}\n\noptions:\n${describeOptions(c.options)}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Maps an error to its exit code and message; unexpected errors keep their type name, not a stack. */
export function describeFailure(err: unknown): { code: number; message: string } {
  if (err instanceof UsageError) return { code: EXIT_USAGE, message: `${err.message} See --help.` };
  if (err instanceof TiffChoiceRequiredError) {
    const flags = err.missing.map((m) => CHOICE_FLAGS[m]).join(' and ');
    return { code: EXIT_USAGE, message: `${err.message} Pass ${flags}.` };
  }
  if (err instanceof TiffError || err instanceof CliError) return { code: EXIT_FAILURE, message: err.message };
  const e = err as Error;
  return { code: EXIT_FAILURE, message: `Unexpected error (${e?.name ?? 'Error'}): ${e?.message ?? String(err)}` };
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const command = COMMANDS.find((c) => c.name === rest[0]);
    io.stdout(command ? commandHelp(command) : usage());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`lucid: unknown command "${name}"; commands: ${COMMANDS.map((c) => c.name).join(', ')}. See --help.\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command));
    return EXIT_OK;
  }
  try {
    await command.run(rest, io);
    return EXIT_OK;
  } catch (err) {
    const { code, message } = describeFailure(err);
    io.stderr(`lucid ${command.name}: ${oneLine(message)}\n`);
    return code;
  }
}
