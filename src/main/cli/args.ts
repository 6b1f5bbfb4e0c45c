import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIO } from './index.js';

/**
 * Parse a subcommand's arguments the same way for every subcommand: unknown options and bad values
 * are said on stderr with the usage (exit 2), and --help prints the usage (exit 0). The config must
 * declare `help`.
 */
export function parseCommand<T extends ParseArgsConfig>(command: string, config: T, usage: string, io: CliIO): ReturnType<typeof parseArgs<T>> | { exit: number } {
  try {
    const parsed = parseArgs(config);
    if ((parsed.values as { help?: boolean }).help) {
      io.stdout(usage);
      return { exit: 0 };
    }
    return parsed;
  } catch (error) {
    io.stderr(`parallax ${command}: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return { exit: 2 };
  }
}
