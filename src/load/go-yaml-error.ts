// The first error go-yaml v2 meets in a document, with the marks it records.
// upstream: go-yaml v2.4.2 yamlh.go yaml_mark_t, yaml_error_type_t; scannerc.go yaml_parser_set_scanner_error;
// parserc.go yaml_parser_set_parser_error_context; decode.go parser.fail

/** A position as go-yaml counts it (`index` counts characters; line and column are 0-based), plus its offset. */
export interface GoYamlMark {
  readonly offset: number;
  readonly index: number;
  readonly line: number;
  readonly column: number;
}

/** Who failed: the reader (bad characters), scanner (tokens), parser (events) or the composer (unknown anchors). */
export type GoYamlStage = 'reader' | 'scanner' | 'parser' | 'composer';

export class GoYamlError extends Error {
  constructor(
    readonly stage: GoYamlStage,
    readonly problem: string,
    /** Offset of the problem: the problem mark's, or the reader's bad character, or the unknown alias. */
    readonly offset: number,
    readonly problemMark?: GoYamlMark,
    readonly contextMark?: GoYamlMark,
  ) {
    super(problem);
  }

  /**
   * The message go-yaml's Unmarshal returns: a scanner error prints its problem line 1-based, a parser error prints
   * it 0-based (one line early), a problem on the first line prints the context's line, or none.
   */
  get goMessage(): string {
    const line = this.printedLine();
    return `yaml: ${line === 0 ? '' : `line ${line}: `}${this.problem}`;
  }

  private printedLine(): number {
    const problem = this.problemMark?.line ?? 0;
    if (problem !== 0) return this.stage === 'scanner' ? problem + 1 : problem;
    return this.contextMark?.line ?? 0;
  }
}
