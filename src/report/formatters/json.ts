// The JSON contract (version 2), pretty-printed: the same object the library API returns.
import type { Formatter } from './format-context.js';
import { jsonChunks } from './json-chunks.js';

/** Streamed down to each finding and scheduling result (report → findings → finding). */
export const formatJson: Formatter = (report) => jsonChunks(report, 2);
