import { main, type CliIO } from '../../src/main/cli/index.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the `parallax` command in this process, as a pipe would (not a terminal), and collect what it prints. */
export function runCli(argv: readonly string[], io: Partial<CliIO> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const cli: CliIO = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTTY: false, columns: undefined, ...io };
  return main(argv, cli).then((code) => ({ code, stdout, stderr }));
}
