import { dirname, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Session, WebContents } from 'electron';

/**
 * What the window may load, and who may call the API. The decisions are plain functions of a URL
 * (tested under Node); `hardenSession` and `hardenWebContents` attach them to Electron.
 */

/** Where the app's own page comes from. */
export interface AppOrigin {
  /** The built page, out/renderer/index.html. */
  readonly rendererIndex: string;
  /** The development server (ELECTRON_RENDERER_URL), only in development; else null. */
  readonly devUrl: string | null;
}

/** The Content Security Policy of the built page (the page's own meta tag says the same). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The policy while developing against Vite's server, whose hot reload needs an inline preamble,
 * injected styles and a web socket. Never used by a built app.
 */
export function developmentContentSecurityPolicy(devUrl: string): string {
  const server = new URL(devUrl);
  const socket = `${server.protocol === 'https:' ? 'wss' : 'ws'}://${server.host}`;
  return [
    "default-src 'none'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${socket}`,
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "object-src 'none'",
  ].join('; ');
}

function samePath(a: string, b: string): boolean {
  const left = resolve(a);
  const right = resolve(b);
  return process.platform === 'win32' ? left.toLowerCase() === right.toLowerCase() : left === right;
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function filePath(url: URL): string | null {
  try {
    return fileURLToPath(url); // uses the path only: a query or fragment does not matter
  } catch {
    return null;
  }
}

function isDevServer(url: URL, origin: AppOrigin): boolean {
  if (!origin.devUrl) return false;
  const server = new URL(origin.devUrl);
  const scheme = url.protocol.replace(/^ws/, 'http');
  return scheme === server.protocol && url.host === server.host;
}

/** True for the app's own page (the built index.html, or the development server). */
export function isAppPageUrl(url: string, origin: AppOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (origin.devUrl) {
    return isDevServer(parsed, origin) && parsed.protocol.startsWith('http');
  }
  if (parsed.protocol !== 'file:') return false;
  const path = filePath(parsed);
  return path !== null && samePath(path, origin.rendererIndex);
}

/**
 * True for what the page may load: its own files, in-memory data, the developer tools, and the
 * development server. Everything else (the network, other files) is refused.
 */
export function isAllowedRequestUrl(url: string, origin: AppOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  switch (parsed.protocol) {
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true;
    case 'file:': {
      const path = filePath(parsed);
      return path !== null && isInside(dirname(origin.rendererIndex), path);
    }
    default:
      return isDevServer(parsed, origin);
  }
}

/**
 * Lock down a session: refuse every permission, refuse every request outside the app, and send the
 * Content Security Policy with every page.
 */
export function hardenSession(session: Session, origin: AppOrigin): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, origin) });
  });
  const policy = origin.devUrl ? developmentContentSecurityPolicy(origin.devUrl) : CONTENT_SECURITY_POLICY;
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}

const hardened = new WeakSet<WebContents>();

/**
 * No page can navigate the window, redirect it, open a window or embed a webview. Applied to the
 * main window when it is made and, as a net, to every web contents Electron creates; once each.
 */
export function hardenWebContents(contents: WebContents, origin: AppOrigin): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.on('will-navigate', (event, url) => {
    if (!isAppPageUrl(url, origin)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppPageUrl(event.url, origin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppPageUrl(url, origin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
