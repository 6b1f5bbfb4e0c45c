import { useEffect, useState } from 'react';
import { selectedPassage } from '../lib/domText';

export interface SelectedPassage {
  readonly doc: number;
  readonly paragraph: number;
  /** Offsets from the start of the paragraph's text. */
  readonly from: number;
  readonly to: number;
}

export interface PassageNoteButtonProps {
  /** Write a note on the selected passage. */
  readonly onAdd: (passage: SelectedPassage) => void;
  /** The shortcut with no passage selected: write on the selected paragraph, if any. */
  readonly onShortcutWithoutSelection: () => void;
}

/** Ctrl/Cmd+Shift+N: a note on the selected text (or, with none, on the selected paragraph). */
export const ADD_NOTE_SHORTCUT = 'Ctrl+Shift+N';

/**
 * A small "Add note" button beside text selected in a column, and the same through the keyboard
 * shortcut (for people who select with Shift and the arrow keys, too).
 */
export function PassageNoteButton({ onAdd, onShortcutWithoutSelection }: PassageNoteButtonProps) {
  const [shown, setShown] = useState<{ passage: SelectedPassage; top: number; left: number } | null>(null);

  useEffect(() => {
    const onChange = () => {
      const selection = document.getSelection();
      const passage = selectedPassage(selection);
      if (!passage || !selection) return setShown(null);
      const box = selection.getRangeAt(0).getBoundingClientRect();
      // Below the selection's end, kept inside the window.
      const top = Math.min(window.innerHeight - 44, box.bottom + 6);
      const left = Math.min(window.innerWidth - 130, Math.max(8, box.right - 60));
      setShown({ passage, top, left });
    };
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.key.toLowerCase() !== 'n') return;
      event.preventDefault();
      const passage = selectedPassage(document.getSelection());
      if (passage) onAdd(passage);
      else onShortcutWithoutSelection();
    };
    document.addEventListener('selectionchange', onChange);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      document.removeEventListener('keydown', onKey);
    };
  }, [onAdd, onShortcutWithoutSelection]);

  if (!shown) return null;
  return (
    <button
      type="button"
      className="button button--primary button--small passage-note-button"
      style={{ top: shown.top, left: shown.left }}
      // Keep the selection: the press must not move focus or collapse it first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        onAdd(shown.passage);
        setShown(null);
      }}
      title={`Write a note on the selected words (${ADD_NOTE_SHORTCUT})`}
    >
      Add note<span className="visually-hidden"> on the selected words</span>
    </button>
  );
}
