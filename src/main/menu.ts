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

/** A menu item that sends a command to the page. */
function command(label: string, send: MenuCommand, actions: MenuActions, accelerator?: string): MenuItemConstructorOptions {
  return { label, click: () => actions.send(send), ...(accelerator ? { accelerator } : {}) };
}

/**
 * The application menu: File, Edit, View, Help (and the app menu on macOS). Commands that concern
 * the page (open, views, themes, presentation, zoom) are sent to it, and the page decides what they
 * do; Edit uses the standard roles, so text fields get undo, cut, copy and paste. Reload and the
 * developer tools exist only in development.
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
        command('Open…', 'open-files', actions, 'CmdOrCtrl+O'),
        command('Open Sample', 'open-sample', actions),
        command('Paste as Source…', 'paste-source', actions, 'CmdOrCtrl+Shift+V'),
        { label: 'Open Recent', submenu: recentItems(state, actions) },
        { type: 'separator' },
        state.isMac ? { role: 'close', label: 'Close Window' } : { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        command('Find in Differences', 'find-differences', actions, 'CmdOrCtrl+F'),
      ],
    },
    {
      label: '&View',
      submenu: [
        command('Comparison', 'show-comparison', actions, 'CmdOrCtrl+1'),
        command('Recent', 'show-recent', actions, 'CmdOrCtrl+2'),
        command('Word Sets', 'show-word-sets', actions, 'CmdOrCtrl+3'),
        { type: 'separator' },
        command('At a Glance', 'layout-glance', actions),
        command('Columns', 'layout-columns', actions),
        command('Event', 'layout-event', actions),
        command('Claims', 'layout-claims', actions),
        command('Coverage', 'layout-coverage', actions),
        command('Differences List', 'toggle-differences', actions),
        { type: 'separator' },
        command('Presentation Mode', 'toggle-presentation', actions, 'F5'),
        command('Blind Mode', 'toggle-blind', actions, 'CmdOrCtrl+Shift+B'),
        command('Reveal or Hide Names', 'toggle-reveal', actions, 'CmdOrCtrl+Shift+R'),
        {
          label: 'Theme',
          submenu: [
            command('Same as the System', 'theme-system', actions),
            command('Light', 'theme-light', actions),
            command('Dark', 'theme-dark', actions),
            command('High Contrast', 'theme-contrast', actions),
          ],
        },
        { type: 'separator' },
        command('Larger Text', 'zoom-in', actions, 'CmdOrCtrl+='),
        // Ctrl/Cmd and "+" (Shift and =, or the keypad) too, without a second visible item.
        { ...command('Larger Text', 'zoom-in', actions, 'CmdOrCtrl+Plus'), visible: false, acceleratorWorksWhenHidden: true },
        command('Smaller Text', 'zoom-out', actions, 'CmdOrCtrl+-'),
        command('Actual Size', 'zoom-reset', actions, 'CmdOrCtrl+0'),
        { type: 'separator' },
        ...(state.isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      label: '&Help',
      role: 'help',
      submenu: [command('Keyboard Shortcuts', 'show-shortcuts', actions, 'CmdOrCtrl+/'), command('Documentation', 'show-shortcuts', actions), ...(state.isMac ? [] : [{ type: 'separator' } as MenuItemConstructorOptions, about])],
    },
  );
  return template;
}
