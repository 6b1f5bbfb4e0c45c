// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEXT_ENCODINGS } from '../../src/shared/contract/api';
import { MessageArea } from '../../src/renderer/src/components/MessageArea';
import { initialState, reducer, type Message } from '../../src/renderer/src/state/appState';

/**
 * "Open as…" (issue 14): a file refused as not being text may be text in an encoding Parallax did
 * not recognise. Its message offers the encodings a person can choose; choosing one dismisses the
 * message and asks for the file in that encoding.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
  host = null;
});

function render(messages: readonly Message[], onDismiss: (id: number) => void, onOpenAs?: (path: string, encoding: string) => void): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(createElement(MessageArea, { messages, onDismiss, ...(onOpenAs ? { onOpenAs } : {}) })));
  return host;
}

const refused: Message = {
  id: 7,
  tone: 'error',
  title: 'notes.bin could not be opened',
  detail: '"notes.bin" does not look like text. It does not look like text: it has bytes that plain text does not have. Save the article as plain text (.txt) and open that.',
  openAs: '/home/ana/notes.bin',
};

describe('Open as… in the message about a refused file', () => {
  it('lists every encoding a person can choose, under a label naming the file', () => {
    const page = render([refused], () => undefined, () => undefined);
    const select = page.querySelector('select')!;
    expect(page.querySelector(`label[for="${select.id}"]`)!.textContent).toBe('Open notes.bin as text in');
    expect([...select.options].map((option) => option.value).sort()).toEqual(['', ...TEXT_ENCODINGS].sort());
    expect(select.value).toBe('');
  });

  it('opens the file in the encoding chosen, and dismisses the message', () => {
    const dismissed = vi.fn();
    const opened = vi.fn();
    const page = render([refused], dismissed, opened);
    const select = page.querySelector('select')!;
    act(() => {
      select.value = 'utf-16le';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(dismissed).toHaveBeenCalledWith(7);
    expect(opened).toHaveBeenCalledWith('/home/ana/notes.bin', 'utf-16le');
  });

  it('offers nothing for other messages, or when the page cannot open files that way', () => {
    expect(render([{ ...refused, openAs: undefined } as Message], () => undefined, () => undefined).querySelector('select')).toBeNull();
    act(() => root?.unmount());
    expect(render([refused], () => undefined).querySelector('select')).toBeNull();
  });

  it('the message keeps the file to open as it passes through the state', () => {
    const { id: _id, ...message } = refused;
    const state = reducer(initialState, { type: 'message', message });
    expect(state.messages.at(-1)).toMatchObject({ openAs: '/home/ana/notes.bin' });
  });
});
