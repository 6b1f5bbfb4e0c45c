import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIO } from './index.js';

type Parsed<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>> | { exit: number };

/**
 * Parse a subcommand's arguments the same way for every subcommand: unknown options and bad values
 * are said on stderr with the usage (exit 2), and --help prints the usage (exit 0). The config must
 * declare `help`.
 */
export function parseCommand<T extends ParseArgsConfig>(command: string, config: T, usage: string, io: CliIO): Parsed<T> {
  const parsed = parseArguments(command, config);
  if ('usage' in parsed) {
    (parsed.usage === 'help' ? io.stdout : io.stderr)(parsed.text + usage);
    return { exit: parsed.usage === 'help' ? 0 : 2 };
  }
  return parsed;
}

/**
 * `parseCommand`, with a usage that is put together only when it is shown (it loads every
 * subcommand's module: see `usage` in index.ts).
 */
export async function parseCommandLazily<T extends ParseArgsConfig>(command: string, config: T, usage: () => Promise<string>, io: CliIO): Promise<Parsed<T>> {
  const parsed = parseArguments(command, config);
  if ('usage' in parsed) {
    (parsed.usage === 'help' ? io.stdout : io.stderr)(parsed.text + (await usage()));
    return { exit: parsed.usage === 'help' ? 0 : 2 };
  }
  return parsed;
}

/** The arguments, or what to print before the usage: nothing for --help, the error otherwise. */
function parseArguments<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> | { usage: 'help' | 'error'; text: string } {
  try {
    const parsed = parseArgs(config);
    if ((parsed.values as { help?: boolean }).help) return { usage: 'help', text: '' };
    return parsed;
  } catch (error) {
    return { usage: 'error', text: `parallax ${command}: ${error instanceof Error ? error.message : String(error)}\n\n` };
  }
}
