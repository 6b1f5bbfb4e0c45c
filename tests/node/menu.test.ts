import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, type MenuActions } from '../../src/main/menu.js';
import { MENU_COMMANDS, type MenuCommand } from '../../src/shared/contract/api.js';

/**
 * The native menu's template, as Electron would build it (no Electron binary runs here, so the menu
 * itself cannot be shown): its menus, labels, shortcuts and roles, and that every command it sends
 * is one the page's contract knows (tests/renderer/menuCommands.test.ts: and that the page handles).
 */

type Item = MenuItemConstructorOptions;

function build(isMac: boolean, isDev = false) {
  const sent: MenuCommand[] = [];
  const actions: MenuActions = { send: (command) => sent.push(command), openRecent: () => undefined, showAbout: () => undefined };
  const template = applicationMenuTemplate({ isMac, isDev, recent: [] }, actions);
  return { template, sent };
}

/** Every item, depth first, with the labels of the menus above it. */
function walk(items: readonly Item[], path: string[] = []): { item: Item; path: string[] }[] {
  return items.flatMap((item) => {
    const here = { item, path };
    const submenu = Array.isArray(item.submenu) ? (item.submenu as Item[]) : [];
    return [here, ...walk(submenu, [...path, String(item.label ?? item.role ?? '')])];
  });
}

const find = (template: readonly Item[], label: string) => walk(template).find(({ item }) => item.label === label)?.item;

describe('the application menu', () => {
  it('has File, Edit, View and Help, with the app menu first on a Mac', () => {
    expect(build(false).template.map((menu) => menu.label ?? menu.role)).toEqual(['&File', '&Edit', '&View', 'windowMenu', '&Help']);
    expect(build(true).template.map((menu) => menu.label ?? menu.role)).toEqual(['Parallax', '&File', '&Edit', '&View', 'windowMenu', '&Help']);
  });

  it('gives the usual shortcuts', () => {
    const { template } = build(false);
    const accelerators = Object.fromEntries(walk(template).filter(({ item }) => item.accelerator && item.visible !== false).map(({ item }) => [item.label, item.accelerator]));
    expect(accelerators).toMatchObject({
      'Open…': 'CmdOrCtrl+O',
      'Paste as Source…': 'CmdOrCtrl+Shift+V',
      Quit: 'Ctrl+Q',
      'Find in Differences': 'CmdOrCtrl+F',
      'Presentation Mode': 'F5',
      'Blind Mode': 'CmdOrCtrl+Shift+B',
      'Larger Text': 'CmdOrCtrl+=',
      'Smaller Text': 'CmdOrCtrl+-',
      'Actual Size': 'CmdOrCtrl+0',
      'Keyboard Shortcuts': 'CmdOrCtrl+/',
    });
    // Ctrl/Cmd and "+" works too, from a hidden item.
    const plus = walk(template).find(({ item }) => item.accelerator === 'CmdOrCtrl+Plus')?.item;
    expect(plus).toMatchObject({ visible: false, acceleratorWorksWhenHidden: true });
  });

  it('uses the standard roles for editing, full screen and quitting', () => {
    const roles = (menu: string, template = build(false).template) =>
      ((template.find((m) => m.label === menu)?.submenu ?? []) as Item[]).map((item) => item.role).filter(Boolean);
    expect(roles('&Edit')).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(roles('&View')).toContain('togglefullscreen');
    expect(roles('&File')).toEqual(['quit']);
    expect(roles('&File', build(true).template)).toEqual(['close']);
  });

  it('shows reload and the developer tools only in development', () => {
    const roles = (isDev: boolean) => walk(build(false, isDev).template).map(({ item }) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('has a Theme submenu and Help with Keyboard Shortcuts, Documentation and About', () => {
    const { template } = build(false);
    expect(((find(template, 'Theme')?.submenu ?? []) as Item[]).map((item) => item.label)).toEqual(['Same as the System', 'Light', 'Dark', 'High Contrast']);
    const help = (template.find((menu) => menu.label === '&Help')?.submenu ?? []) as Item[];
    expect(help.map((item) => item.label).filter(Boolean)).toEqual(['Keyboard Shortcuts', 'Documentation', 'About Parallax']);
  });

  it('sends only commands of the contract, and can send every one but open-pending (main sends that itself)', () => {
    const { template, sent } = build(false);
    for (const { item } of walk(template)) if (typeof item.click === 'function') (item.click as () => void)();
    expect(sent.every((command) => (MENU_COMMANDS as readonly string[]).includes(command))).toBe(true);
    expect(new Set(sent)).toEqual(new Set(MENU_COMMANDS.filter((command) => command !== 'open-pending')));
  });
});
