/** A small argv parser: positionals and `--name value` / `--name=value` options, validated against a spec. */
import { UsageError } from './errors';

export type OptionSpec =
  | { kind: 'string'; choices?: readonly string[]; help: string }
  | { kind: 'int'; min?: number; help: string }
  | { kind: 'flag'; help: string };

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | number | boolean>;
}

function parseValue(name: string, spec: OptionSpec, raw: string): string | number {
  if (spec.kind === 'int') {
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw) || n < (spec.min ?? -Infinity)) {
      throw new UsageError(`--${name} needs an integer${spec.min !== undefined ? ` ≥ ${spec.min}` : ''}, got "${raw}".`);
    }
    return n;
  }
  if (spec.kind === 'string' && spec.choices && !spec.choices.includes(raw)) {
    throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')}; got "${raw}".`);
  }
  return raw;
}

export function parseArgs(argv: readonly string[], specs: Record<string, OptionSpec>): ParsedArgs {
  const positionals: string[] = [];
  const options: ParsedArgs['options'] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = specs[name];
    if (!spec) throw new UsageError(`Unknown option --${name}.`);
    if (spec.kind === 'flag') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value.`);
      options[name] = true;
      continue;
    }
    const raw = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (raw === undefined) throw new UsageError(`--${name} needs a value.`);
    options[name] = parseValue(name, spec, raw);
  }
  return { positionals, options };
}

export function describeOptions(specs: Record<string, OptionSpec>): string {
  return Object.entries(specs)
    .map(([name, s]) => `  --${name}${s.kind === 'flag' ? '' : ' <value>'}`.padEnd(24) + s.help)
    .join('\n');
}
