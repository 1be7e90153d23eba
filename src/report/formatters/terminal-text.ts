// Text from the inputs (keys, names, file names) as a terminal may show it: the characters that would act on the
// terminal instead of being shown are written as Go's %q escapes them.
import { goEscape } from '../../model/field-path.js';

/**
 * C0 controls but the tab (ESC starts a terminal command: clear the screen, set the window title, hide the text after
 * it; a line break would start a line of its own), DEL, C1 controls (0x9b is a one-byte ESC [) and the bidirectional
 * formatting characters, which reorder the text shown after them.
 */
const ACTING = /[\0-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalText(text: string): string {
  return text.replace(ACTING, goEscape);
}
