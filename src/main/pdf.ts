import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';

/**
 * HTML report → PDF with Chromium's own printing (`webContents.printToPDF`), in a window nobody
 * sees: sandboxed, JavaScript off, in its own session that refuses every permission and every
 * request but the report file itself. The report is written to a private temporary folder first
 * (a data: URL has a size limit a long comparison can pass), and removed afterwards.
 *
 * This runs only inside Electron, which this machine cannot start: the service that calls it is
 * tested with a fake printer (tests/node/api-notes-transfer.test.ts).
 */

const PARTITION = 'parallax-pdf';
let sessionReady = false;

function pdfSession(reportUrl: () => string | null): Electron.Session {
  const pdf = session.fromPartition(PARTITION, { cache: false });
  if (!sessionReady) {
    pdf.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    pdf.setPermissionCheckHandler(() => false);
    pdf.webRequest.onBeforeRequest((details, callback) => {
      const allowed = details.url === reportUrl() || details.url.startsWith('data:');
      callback({ cancel: !allowed });
    });
    sessionReady = true;
  }
  return pdf;
}

let current: string | null = null;

export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'parallax-pdf-'));
  const file = join(folder, 'report.html');
  await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
  const url = pathToFileURL(file).href;
  current = url;
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      session: pdfSession(() => current),
      sandbox: true,
      javascript: false,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Nobody clicks in a hidden window, and a report's links must never open a window.
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    },
  });
  try {
    await window.loadURL(url);
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4', generateDocumentOutline: true });
  } finally {
    current = null;
    window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
