// Load the built main bundle (PARALLAX_BUNDLE) with the stub `electron`, exercise what it
// registered, and print one JSON report line starting with REPORT: for tests/node/main-bundle.test.ts.
// Usage: node run-main.mjs [app arguments...]   (argv looks like `electron <app> args...`)
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { app } from './electron-stub.mjs';

register('./hooks.mjs', import.meta.url);
process.defaultApp = true; // as under `electron <app>`: this script stands for the app path

const bundle = process.env.PARALLAX_BUNDLE;
await import(pathToFileURL(bundle).href);

const stub = globalThis.__electronStub;
const deadline = Date.now() + 15_000;
while (stub.windows.length === 0 && stub.errors.length === 0 && Date.now() < deadline) {
  await new Promise((done) => setTimeout(done, 20));
}

const report = { errors: stub.errors, setPath: stub.setPath, singleInstanceLock: stub.singleInstanceLock, enableSandbox: stub.enableSandbox };
report.channels = Object.keys(stub.handlers).sort();
const window = stub.windows[0];
if (window) {
  const { webPreferences, ...rest } = window.options;
  report.window = { show: rest.show, webPreferences };
  report.preloadExists = existsSync(webPreferences.preload);
  report.loaded = window.loaded;
  report.loadedExists = window.loaded?.file ? existsSync(window.loaded.file) : null;
  const pageUrl = window.loaded?.file ? pathToFileURL(window.loaded.file).href : 'about:blank';
  const contents = window.webContents;

  const prevented = (name, url) => {
    let blocked = false;
    const event = { url, preventDefault: () => (blocked = true) };
    for (const listener of contents.listeners(name)) listener(event, url);
    return blocked;
  };
  report.navigation = {
    listeners: ['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview'].map((name) => [name, contents.listenerCount(name)]),
    blocksElsewhere: prevented('will-navigate', 'https://evil.example/'),
    blocksOtherFile: prevented('will-navigate', 'file:///etc/passwd'),
    allowsOwnPage: !prevented('will-navigate', pageUrl),
    blocksRedirect: prevented('will-redirect', 'https://evil.example/'),
    blocksWebview: prevented('will-attach-webview', undefined),
    windowOpen: contents.windowOpenHandler ? contents.windowOpenHandler({ url: 'https://evil.example/' }) : null,
  };

  const session = stub.session;
  const answer = (fn) => new Promise((done) => fn(done));
  report.session = {
    permissionRequest: session.permissionRequest ? await answer((done) => session.permissionRequest(contents, 'media', done, {})) : 'missing',
    permissionCheck: session.permissionCheck ? session.permissionCheck(contents, 'geolocation', 'file://', {}) : 'missing',
    network: session.beforeRequest ? await answer((done) => session.beforeRequest({ url: 'https://example.com/track.gif' }, done)) : 'missing',
    ownFile: session.beforeRequest ? await answer((done) => session.beforeRequest({ url: pageUrl }, done)) : 'missing',
    csp: session.headersReceived
      ? (await answer((done) => session.headersReceived({ url: pageUrl, responseHeaders: { 'content-security-policy': ['*'] } }, done))).responseHeaders
      : 'missing',
  };

  const status = stub.handlers['app:status'];
  report.ipc = status
    ? {
        fromPage: await status({ senderFrame: { url: pageUrl, parent: null } }, {}),
        fromElsewhere: await status({ senderFrame: { url: 'https://evil.example/', parent: null } }, {}),
        pending: await stub.handlers['comparison:pending']({ senderFrame: { url: pageUrl, parent: null } }, {}),
      }
    : null;

  report.menu = stub.menu ? stub.menu.template.map((item) => item.label ?? item.role) : null;
  report.webContentsCreatedListeners = app.listenerCount('web-contents-created');

  // A second launch hands its files to this one.
  app.emit('second-instance', {}, ['electron', 'app', 'x.txt'], '/tmp', { paths: ['/second/launch.txt'] });
  report.sentAfterSecondInstance = [...stub.sent];
  report.pendingAfterSecondInstance = await stub.handlers['comparison:pending']({ senderFrame: { url: pageUrl, parent: null } }, {});

  // Opening a comparison watches its files: an edit on disk reaches the page on source:changed.
  const watchedA = join(process.cwd(), 'watched-a.txt');
  const watchedB = join(process.cwd(), 'watched-b.txt');
  writeFileSync(watchedA, 'Storm hits Riverside\n\nThe mayor said the town was ready.\n');
  writeFileSync(watchedB, 'Storm batters Riverside\n\nThe mayor claimed the town was prepared.\n');
  // The page may open only files the person chose: refused until the two are dropped on the window
  // (the preload reports a drop on files:dropped; the page cannot call that channel).
  const page = { senderFrame: { url: pageUrl, parent: null } };
  const before = await stub.handlers['comparison:open'](page, { paths: [watchedA, watchedB] });
  const dropped = stub.listeners['files:dropped'];
  const elsewhere = { senderFrame: { url: 'https://evil.example/', parent: null } };
  const fromElsewhere = {};
  dropped?.({ ...elsewhere, set returnValue(value) { fromElsewhere.returned = value; } }, watchedA);
  const stillRefused = await stub.handlers['comparison:open'](page, { paths: [watchedA, watchedB] });
  for (const path of [watchedA, watchedB]) dropped?.({ ...page, returnValue: undefined }, path);
  report.guard = { before: before.ok ? 'opened' : before.error.message, afterDropFromElsewhere: stillRefused.ok ? 'opened' : 'refused', hasDropChannel: typeof dropped === 'function' };
  const sentBefore = stub.sent.length;
  const opened = await stub.handlers['comparison:open'](page, { paths: [watchedA, watchedB] });
  await new Promise((done) => setTimeout(done, 100));
  writeFileSync(watchedB, 'Storm batters Riverside\n\nThe mayor claimed, on Sunday, the town was prepared.\n');
  const watchDeadline = Date.now() + 5_000;
  const heardChange = () => stub.sent.slice(sentBefore).some(([channel]) => channel === 'source:changed');
  while (!heardChange() && Date.now() < watchDeadline) await new Promise((done) => setTimeout(done, 20));
  const sentSince = stub.sent.slice(sentBefore);
  report.watch = { opened: opened.ok, sent: sentSince.filter(([channel]) => channel !== 'comparison:progress'), watchedB };
  // The comparison ran in the built worker, told the page how far it got, and used the lexicon.
  report.compare = {
    progress: sentSince.filter(([channel]) => channel === 'comparison:progress').map(([, progress]) => progress),
    problems: opened.ok ? opened.value.problems : opened.error,
  };

  // Quitting waits for the store, then quits for real.
  let quitPrevented = false;
  app.emit('before-quit', { preventDefault: () => (quitPrevented = true) });
  await new Promise((done) => setTimeout(done, 200));
  report.quit = { prevented: quitPrevented, quitCalls: stub.quit };
}

process.stdout.write(`REPORT:${JSON.stringify(report)}\n`);
process.exit(0);
