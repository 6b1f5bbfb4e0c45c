import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../src/shared/contract/api';
import { classroomCommandHandlers, PARALLAX_MENU_COMMANDS, type ClassroomCommandTargets } from '../../src/renderer/src/lib/classroomCommands';
import source from '../../src/renderer/src/hooks/useParallax.ts?raw';

/** Every command the native menu can send has a handler in the page (tests/node/menu.test.ts checks the menu). */
describe('the page handles every menu command', () => {
  it('in useParallax (opening and zoom) or in the classroom table (views, modes, themes, help)', () => {
    for (const command of PARALLAX_MENU_COMMANDS) expect(source, `useParallax handles ${command}`).toContain(`case '${command}':`);

    const calls: string[] = [];
    const record =
      (name: string) =>
      (...args: unknown[]) =>
        calls.push(`${name}(${args.join(',')})`);
    const targets: ClassroomCommandTargets = {
      showPaste: record('showPaste'),
      showComparison: record('showComparison'),
      showWordSets: record('showWordSets'),
      presenting: false,
      blind: true,
      revealed: false,
      present: record('present'),
      setBlind: record('setBlind'),
      reveal: record('reveal'),
      setTheme: record('setTheme'),
      showShortcuts: record('showShortcuts'),
      findDifferences: record('findDifferences'),
      showLayout: record('showLayout'),
      toggleDifferences: record('toggleDifferences'),
    };
    const handlers = classroomCommandHandlers(targets);
    const all = new Set<string>([...PARALLAX_MENU_COMMANDS, ...Object.keys(handlers)]);
    expect(all).toEqual(new Set(MENU_COMMANDS));
    for (const handler of Object.values(handlers)) handler();
    expect(calls).toEqual([
      'showPaste()',
      'showComparison()',
      'showWordSets()',
      'present(true)',
      'setBlind(false)',
      'reveal(true)',
      'setTheme(system)',
      'setTheme(light)',
      'setTheme(dark)',
      'setTheme(contrast)',
      'showShortcuts()',
      'findDifferences()',
      'showLayout(glance)',
      'showLayout(columns)',
      'showLayout(events)',
      'showLayout(claims)',
      'showLayout(coverage)',
      'toggleDifferences()',
    ]);
  });
});
