import { useEffect, useRef } from 'react';
import { SHORTCUTS } from '../lib/classroomCommands';

export interface ShortcutsDialogProps {
  readonly onClose: () => void;
}

/** Every keyboard shortcut, in a modal dialog (Help › Keyboard Shortcuts, or Ctrl+/). */
export function ShortcutsDialog({ onClose }: ShortcutsDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // Escape closes a modal dialog by itself; the page hears of it through `close`.
    return () => element?.close();
  }, []);
  const isMac = /Mac/i.test(navigator.platform);
  const keys = (text: string) => (isMac ? text.replace(/Ctrl\+/g, '⌘') : text);
  return (
    <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <div className="shortcuts__head">
        <h2 id="shortcuts-title" className="shortcuts__title">
          Keyboard shortcuts
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
      <div className="shortcuts__body">
        {SHORTCUTS.map((section) => (
          <section key={section.area} className="shortcuts__section" aria-labelledby={`shortcuts-${section.area}`}>
            <h3 id={`shortcuts-${section.area}`} className="shortcuts__area">
              {section.area}
            </h3>
            <dl className="shortcuts__list">
              {section.shortcuts.map((shortcut) => (
                <div key={shortcut.keys} className="shortcuts__row">
                  <dt>
                    <kbd>{keys(shortcut.keys)}</kbd>
                  </dt>
                  <dd>{shortcut.what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <p className="shortcuts__note">
          Blind mode hides the sources’ names, titles, bylines, dates and files. It does not change the articles’ text, so a name
          inside it stays.
        </p>
      </div>
    </dialog>
  );
}
