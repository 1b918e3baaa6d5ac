/** What every sub-command provides to the dispatcher. */
import type { OptionSpec } from './args';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Uint8Array;
}

export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Argument synopsis after the command name, e.g. '<file.tif>'. */
  usage: string;
  options: Record<string, OptionSpec>;
  run(argv: readonly string[], io: CliIo): Promise<void>;
}
