// When go-yaml's reader rejects a character: it decodes its input 512 bytes at a time, and a control character fails
// the whole parse as soon as the block that holds it is decoded, before the scanner reaches it.
// upstream: go-yaml v2.4.2 readerc.go yaml_parser_update_buffer, yaml_parser_update_raw_buffer,
// yaml_parser_determine_encoding (input_raw_buffer_size = 512 in yamlprivateh.go)
import { GoYamlError } from './go-yaml-error.js';

const RAW_BUFFER_SIZE = 512;

export class GoYamlReader {
  /** Characters decoded and not yet consumed by the scanner (go-yaml's `unread`, which the scanner decrements). */
  unread = 0;
  /** Offset of the next character to decode. */
  private decoded: number;
  /** Bytes decoded, and bytes read into the raw buffer, from the input's start. */
  private rawPosition: number;
  private rawEnd: number;
  private eof = false;

  /** The scanner starts at `start`: go-yaml drops a byte order mark before it decodes anything. */
  constructor(
    private readonly text: string,
    readonly start: number,
  ) {
    this.decoded = start;
    this.windowStart = start;
    // determine_encoding reads the first block itself and steps over the mark in it
    this.rawPosition = start === 0 ? 0 : 3;
    this.rawEnd = start === 0 ? 0 : RAW_BUFFER_SIZE;
  }

  /**
   * Where the scanner's buffer starts: each refill moves the unread characters to its front. go-yaml's is_bom looks at
   * the buffer's first bytes, not at the scanner's position, so a byte order mark inside a document is skipped only
   * when a refill happened right before it (and then any character at a line start is skipped in its place).
   */
  windowStart: number;

  cache(length: number, position: number): void {
    if (this.unread >= length) return;
    this.windowStart = position;
    let first = true;
    while (this.unread < length) {
      if (!first || this.rawPosition === this.rawEnd) this.readRaw();
      first = false;
      this.decodeBlock();
      if (this.eof) {
        // the NUL go-yaml appends at the end of its input
        this.unread++;
        break;
      }
    }
  }

  private readRaw(): void {
    if (this.eof) return;
    if (this.decoded >= this.text.length) this.eof = true;
    else this.rawEnd = this.rawPosition + RAW_BUFFER_SIZE;
  }

  private decodeBlock(): void {
    const { text } = this;
    while (this.decoded < text.length) {
      const point = text.codePointAt(this.decoded) ?? 0;
      const width = utf8Width(point);
      if (this.rawPosition + width > this.rawEnd) return;
      if (!isPrintable(point)) throw new GoYamlError('reader', 'control characters are not allowed', this.decoded);
      this.rawPosition += width;
      this.decoded += point > 0xffff ? 2 : 1;
      this.unread++;
    }
  }
}

function utf8Width(point: number): number {
  return point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
}

/** A lone surrogate (never produced by decoding UTF-8) is refused as well. */
function isPrintable(point: number): boolean {
  return (
    point === 0x09 ||
    point === 0x0a ||
    point === 0x0d ||
    (point >= 0x20 && point <= 0x7e) ||
    point === 0x85 ||
    (point >= 0xa0 && point <= 0xd7ff) ||
    (point >= 0xe000 && point <= 0xfffd) ||
    (point >= 0x10000 && point <= 0x10ffff)
  );
}
