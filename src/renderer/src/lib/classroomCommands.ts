import type { MenuCommand } from '../../../shared/contract/api';
import type { ThemeChoice } from '../state/classroomState';

/** Menu commands the page's main hook (useParallax) handles: opening things, and zoom. */
export const PARALLAX_MENU_COMMANDS = ['open-files', 'open-sample', 'open-pending', 'show-recent', 'zoom-in', 'zoom-out', 'zoom-reset'] as const satisfies readonly MenuCommand[];

/** The rest: views, classroom modes, themes and help, handled by the App through this table. */
export type ClassroomCommand = Exclude<MenuCommand, (typeof PARALLAX_MENU_COMMANDS)[number]>;

export interface ClassroomCommandTargets {
  showPaste(): void;
  showComparison(): void;
  showWordSets(): void;
  /** Whether presentation, blind mode and reveal are on now, to toggle them. */
  readonly presenting: boolean;
  readonly blind: boolean;
  readonly revealed: boolean;
  present(on: boolean): void;
  setBlind(on: boolean): void;
  reveal(revealed: boolean): void;
  setTheme(theme: ThemeChoice): void;
  showShortcuts(): void;
  findDifferences(): void;
  showLayout(layout: 'glance' | 'columns' | 'events' | 'claims' | 'coverage'): void;
  toggleDifferences(): void;
}

/** What each command does; a command missing here does not compile. */
export function classroomCommandHandlers(t: ClassroomCommandTargets): Record<ClassroomCommand, () => void> {
  return {
    'paste-source': () => t.showPaste(),
    'show-comparison': () => t.showComparison(),
    'show-word-sets': () => t.showWordSets(),
    'toggle-presentation': () => t.present(!t.presenting),
    'toggle-blind': () => t.setBlind(!t.blind),
    // Reveal in blind mode only; out of it, the command turns blind mode on (names hidden).
    'toggle-reveal': () => (t.blind ? t.reveal(!t.revealed) : t.setBlind(true)),
    'theme-system': () => t.setTheme('system'),
    'theme-light': () => t.setTheme('light'),
    'theme-dark': () => t.setTheme('dark'),
    'theme-contrast': () => t.setTheme('contrast'),
    'show-shortcuts': () => t.showShortcuts(),
    'find-differences': () => t.findDifferences(),
    'layout-glance': () => t.showLayout('glance'),
    'layout-columns': () => t.showLayout('columns'),
    'layout-event': () => t.showLayout('events'),
    'layout-claims': () => t.showLayout('claims'),
    'layout-coverage': () => t.showLayout('coverage'),
    'toggle-differences': () => t.toggleDifferences(),
  };
}

export const isClassroomCommand = (command: MenuCommand): command is ClassroomCommand => !(PARALLAX_MENU_COMMANDS as readonly string[]).includes(command);

/** One keyboard shortcut, as the shortcuts dialog lists it. */
export interface Shortcut {
  readonly keys: string;
  readonly what: string;
}

/** Every shortcut of the app, by where it works. `Ctrl` reads `Cmd` on a Mac. */
export const SHORTCUTS: readonly { readonly area: string; readonly shortcuts: readonly Shortcut[] }[] = [
  {
    area: 'Anywhere',
    shortcuts: [
      { keys: 'Ctrl+O', what: 'Open files' },
      { keys: 'Ctrl+V', what: 'Paste an article as a new source (outside a text field)' },
      { keys: 'Ctrl+Shift+V', what: 'Paste as source… (the paste box)' },
      { keys: 'Ctrl+1 / 2 / 3', what: 'Comparison, Recent, Word sets' },
      { keys: 'Ctrl+= and Ctrl+−', what: 'Larger and smaller text' },
      { keys: 'Ctrl+0', what: 'Text at its usual size' },
      { keys: 'F5', what: 'Presentation mode' },
      { keys: 'Ctrl+Shift+B', what: 'Blind mode on or off' },
      { keys: 'Ctrl+Shift+R', what: 'Reveal or hide the names in blind mode' },
      { keys: 'Ctrl+F', what: 'Search the differences list' },
      { keys: 'Ctrl+/', what: 'This list of shortcuts' },
      { keys: 'Tab and Shift+Tab', what: 'Move between controls' },
    ],
  },
  {
    area: 'In the columns',
    shortcuts: [
      { keys: '↑ and ↓', what: 'Previous and next paragraph' },
      { keys: '← and →', what: 'The same passage in the source to the left or right' },
      { keys: 'Home and End', what: 'First and last paragraph' },
      { keys: 'Enter or Space', what: 'Select the paragraph: line up the sources and open its notes' },
      { keys: 'Escape', what: 'Clear the selection' },
      { keys: 'F8 or j', what: 'Next difference' },
      { keys: 'Shift+F8 or k', what: 'Previous difference' },
    ],
  },
  {
    area: 'In a note',
    shortcuts: [{ keys: 'Ctrl+Enter', what: 'Save the note' }],
  },
  {
    area: 'In presentation mode',
    shortcuts: [
      { keys: '→, ↓, Page Down, Space', what: 'Next part of a long passage, then the next passage' },
      { keys: '←, ↑, Page Up, Shift+Space', what: 'Previous part, then the previous passage' },
      { keys: 'Home and End', what: 'First and last passage' },
      { keys: 'Escape', what: 'Leave presentation mode' },
    ],
  },
];
