// Text from the inputs (keys, names, file names) as a terminal or a browser may show it: the characters that would act
// on the terminal, or reorder what is shown, are written as Go's %q escapes them.
import { goEscape } from '../../model/field-path.js';

/** The bidirectional formatting characters, which reorder the text shown after them (a name that reads as another). */
const BIDI_FORMATTING = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

/**
 * C0 controls but the tab (ESC starts a terminal command: clear the screen, set the window title, hide the text after
 * it; a line break would start a line of its own), DEL, C1 controls (0x9b is a one-byte ESC [) and the bidirectional
 * formatting characters.
 */
const ACTING = new RegExp(`[\\0-\\x08\\x0a-\\x1f\\x7f-\\x9f${BIDI_FORMATTING}]`, 'g');
const REORDERING = new RegExp(`[${BIDI_FORMATTING}]`, 'g');

export function terminalText(text: string): string {
  return text.replace(ACTING, goEscape);
}

/**
 * For reports a browser shows (JUnit in a CI's test view, the HTML page), whose markup keeps line breaks and controls
 * apart: only the bidirectional formatting characters are escaped.
 */
export function inShownOrder(text: string): string {
  return text.replace(REORDERING, goEscape);
}
