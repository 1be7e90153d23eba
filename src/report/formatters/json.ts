// The JSON contract (version 2), pretty-printed: the same object the library API returns.
import type { Formatter } from './format-context.js';

export const formatJson: Formatter = (report) => `${JSON.stringify(report, null, 2)}\n`;
