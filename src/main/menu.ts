import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentComparison } from '../shared/contract/api.js';

/** How many recent comparisons the File menu lists. */
export const RECENT_IN_MENU = 10;

export interface MenuState {
  readonly isMac: boolean;
  readonly isDev: boolean;
  readonly recent: readonly RecentComparison[];
}

export interface MenuActions {
  /** Send a command to the page. */
  send(command: MenuCommand): void;
  /** Open a recent comparison's files again. */
  openRecent(paths: readonly string[]): void;
  showAbout(): void;
}

/** Menus take `&` as a keyboard hint on Windows and Linux: double it to show the character. */
function menuLabel(text: string): string {
  return text.replace(/&/g, '&&');
}

function recentItems(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = state.recent.slice(0, RECENT_IN_MENU).map((comparison) => ({
    label: menuLabel(`${comparison.title || 'Untitled'} (${comparison.sources.length} sources)`),
    click: () => actions.openRecent(comparison.sources.map((source) => source.path)),
  }));
  if (items.length === 0) items.push({ label: 'No Recent Comparisons', enabled: false });
  items.push({ type: 'separator' }, { label: 'Show All Recent…', click: () => actions.send('show-recent') });
  return items;
}

/**
 * The application menu. Commands that concern the page (open, zoom) are sent to it; the page
 * decides what they do. Reload and developer tools exist only in development.
 */
export function applicationMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: 'About Parallax', click: () => actions.showAbout() };
  const template: MenuItemConstructorOptions[] = [];
  if (state.isMac) {
    template.push({
      label: 'Parallax',
      submenu: [about, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.send('open-files') },
        { label: 'Open Sample', click: () => actions.send('open-sample') },
        { label: 'Open Recent', submenu: recentItems(state, actions) },
        { type: 'separator' },
        state.isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Zoom In', accelerator: 'CmdOrCtrl+=', click: () => actions.send('zoom-in') },
        { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', click: () => actions.send('zoom-out') },
        { label: 'Actual Size', accelerator: 'CmdOrCtrl+0', click: () => actions.send('zoom-reset') },
        { type: 'separator' },
        ...(state.isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { label: '&Help', role: 'help', submenu: state.isMac ? [{ label: 'Parallax Help', click: () => actions.showAbout() }] : [about] },
  );
  return template;
}
