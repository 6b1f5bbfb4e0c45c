import { isAbsolute, join, resolve } from 'node:path';

/**
 * Where things live, and what the command line asks for. Plain functions of their arguments, so the
 * Electron wiring passes in what only Electron knows (packaged or not, its resource folder).
 */

/** Where the app runs from. */
export interface AppLocation {
  /** True in an installed build (Electron's `app.isPackaged`). */
  readonly isPackaged: boolean;
  /** The project folder in development (the folder holding package.json and resources/). */
  readonly appRoot: string;
  /** Electron's `process.resourcesPath` in an installed build. */
  readonly resourcesPath: string;
}

/** The app's resources folder: `resources/` of the project in development, Electron's resources folder installed. */
export function resourcesDirectory(location: AppLocation): string {
  return location.isPackaged ? location.resourcesPath : join(location.appRoot, 'resources');
}

/** The bundled sample articles: `resources/samples` in development, `<resources>/samples` installed. */
export function samplesDirectory(location: AppLocation): string {
  return join(resourcesDirectory(location), 'samples');
}

/** The command-line option that puts the notes store and the app's other data in another folder. */
export const DATA_DIR_OPTION = '--data-dir';

/**
 * The arguments meant for Parallax: everything after the executable, and after the app's own path
 * when run as `electron <app> ...` (`defaultApp`). Chromium and Node switches stay in; the parsers
 * below skip anything that starts with a dash.
 */
export function appArguments(argv: readonly string[], defaultApp: boolean): string[] {
  const rest = argv.slice(1);
  if (!defaultApp) return rest;
  const appPathIndex = rest.findIndex((arg) => !arg.startsWith('-'));
  return appPathIndex === -1 ? rest : [...rest.slice(0, appPathIndex), ...rest.slice(appPathIndex + 1)];
}

/** The folder given with `--data-dir DIR` or `--data-dir=DIR`, made absolute, or null. */
export function dataDirFromArguments(args: readonly string[], cwd: string): string | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === DATA_DIR_OPTION && i + 1 < args.length) return resolve(cwd, args[i + 1]!);
    if (arg.startsWith(`${DATA_DIR_OPTION}=`) && arg.length > DATA_DIR_OPTION.length + 1) {
      return resolve(cwd, arg.slice(DATA_DIR_OPTION.length + 1));
    }
  }
  return null;
}

/** The files named on the command line, made absolute against `cwd`: every argument that is not an option. */
export function filePathsFromArguments(args: readonly string[], cwd: string): string[] {
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === DATA_DIR_OPTION) {
      i++;
      continue;
    }
    if (arg.startsWith('-') || arg.length === 0) continue;
    paths.push(isAbsolute(arg) ? arg : resolve(cwd, arg));
  }
  return paths;
}
