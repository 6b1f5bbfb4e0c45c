/**
 * Text from files (names, titles, article text, messages that quote them) made safe to print on a
 * terminal. A control character in a file name or an article can retitle the terminal, clear it,
 * move the cursor, or start a line that looks like Parallax's own (`parallax: …`); the terminal
 * acts on it, the person never sees it. Here every such character is shown instead of obeyed.
 *
 * - C0 controls (U+0000–U+001F) become their Unicode control pictures ("␛" for ESC, "␊" for a
 *   line feed), DEL becomes "␡", and C1 controls (U+0080–U+009F, which some terminals obey as
 *   escapes too) become "�". One character for one, so offsets into a text still hold.
 * - In names (labels, titles, paths, messages), bidirectional controls (U+202A–U+202E,
 *   U+2066–U+2069, U+200E, U+200F, U+061C), which can make "txt.exe" read as "exe.txt", are shown
 *   by their code point: "⟨U+202E⟩". In article text they are left alone: right-to-left writing
 *   needs its marks.
 *
 * Pure: no Node, no DOM.
 */

// Control characters and bidirectional controls are what this module matches.
 
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/** Parallax's own progress line: a carriage return first, "erase to the end of the line" anywhere. */
const MESSAGE = /(\u001b\[K)|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
 

const visibleBidi = (character: string): string => `⟨U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`;

function picture(character: string): string {
  const code = character.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

/** A name, a title, a path or a one-line message, as a terminal should show it. */
export function printableName(text: string): string {
  return text.replace(CONTROLS, picture).replace(BIDI, visibleBidi);
}

/** Article text for a terminal: line breaks and tabs kept, every other control shown, one character for one. */
export function printableText(text: string): string {
  return text.replace(CONTROLS_BUT_LINES, picture);
}

/**
 * What the command line writes to stderr, as a terminal should show it: messages quote file names
 * and story ids. Line breaks and tabs are kept, as are the two controls of Parallax's own progress
 * line (a carriage return that opens the text, and "erase to the end of the line"); every other
 * control and every bidirectional control is shown.
 */
export function printableMessage(text: string): string {
  return text.replace(MESSAGE, (match: string, erase: string | undefined, offset: number) => (erase ? erase : match === '\r' && offset === 0 ? match : picture(match))).replace(BIDI, visibleBidi);
}
