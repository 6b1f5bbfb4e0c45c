import { useEffect } from 'react';

/** Whether a key press lands in something that takes typing itself (a note, a name, a search). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * Next and previous difference from anywhere in the window: F8 and Shift+F8 (as in code editors),
 * or j and k (as in mail and feed readers). Never while the person types in a field, nor with
 * Ctrl, Alt or Cmd held, so no shortcut of the app or the system is taken.
 */
export function useDifferenceKeys(enabled: boolean, step: (direction: 1 | -1) => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || isTypingTarget(event.target)) return;
      let direction: 1 | -1 | undefined;
      if (event.key === 'F8') direction = event.shiftKey ? -1 : 1;
      else if (!event.shiftKey && event.key === 'j') direction = 1;
      else if (!event.shiftKey && event.key === 'k') direction = -1;
      if (!direction) return;
      event.preventDefault();
      step(direction);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled, step]);
}
