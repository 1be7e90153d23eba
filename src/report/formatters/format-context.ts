// What a formatter may know besides the report: rule metadata, colour choice, where paths are relative to.
import type { FailOn } from '../../config/config.js';
import type { RuleMeta } from '../../model/rule-meta.js';
import type { Colors } from 'picocolors/types.js';
import type { Report } from '../report.js';
import type { FormatOutput } from './json-chunks.js';

export interface FormatContext {
  /** Metadata of every check that can appear in the report (built-ins, custom rules, input checks). */
  readonly rules: readonly RuleMeta[];
  readonly colors: Colors;
  /** Directory that relative artifact URIs (SARIF) are computed from. */
  readonly cwd: string;
  /** Reads an input file's text, for formats that show source lines (html); absent or undefined: lines are not shown. */
  readonly readSource?: (file: string) => string | undefined;
  /** text format: show errors only. */
  readonly quiet: boolean;
  /** The lowest severity that fails the run, which the text summary's mark follows (default error, as the CLI's). */
  readonly failOn?: FailOn;
}

/** Long outputs (json, sarif) come as chunks: `String(output)` joins them. */
export type Formatter = (report: Report, context: FormatContext) => FormatOutput;
/** A formatter whose output is always one string. */
export type TextFormatter = (report: Report, context: FormatContext) => string;
