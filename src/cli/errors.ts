/** CLI errors: usage mistakes exit with 2, failures with 1; both print one line, never a stack trace. */

export class UsageError extends Error {
  override name = 'UsageError';
}

export class CliError extends Error {
  override name = 'CliError';
}
