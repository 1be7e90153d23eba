// What a formatter may know besides the report: rule metadata, colour choice, where paths are relative to.
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
  /** text format: show errors only. */
  readonly quiet: boolean;
}

/** Long outputs (json, sarif) come as chunks: `String(output)` joins them. */
export type Formatter = (report: Report, context: FormatContext) => FormatOutput;
/** A formatter whose output is always one string. */
export type TextFormatter = (report: Report, context: FormatContext) => string;
