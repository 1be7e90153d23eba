// go-yaml v2's parser (its port of libyaml's): the state machine that turns tokens into events, failing where a token
// cannot follow. Only what an error or the composer needs is kept in an event (its type, start and anchor).
// upstream: go-yaml v2.4.2 parserc.go (function names below are its, without the yaml_parser_ prefix)
import { GoYamlError, type GoYamlMark } from './go-yaml-error.js';
import type { GoYamlScanner, GoYamlToken, GoYamlTokenType } from './go-yaml-scanner.js';

export type GoYamlEventType =
  | 'stream-start'
  | 'stream-end'
  | 'document-start'
  | 'document-end'
  | 'alias'
  | 'scalar'
  | 'sequence-start'
  | 'sequence-end'
  | 'mapping-start'
  | 'mapping-end';

export interface GoYamlEvent {
  readonly type: GoYamlEventType;
  readonly start: GoYamlMark;
  /** An alias's name, or a node's anchor. */
  readonly anchor?: string;
}

type State =
  | 'stream-start'
  | 'implicit-document-start'
  | 'document-start'
  | 'document-content'
  | 'document-end'
  | 'block-node'
  | 'block-node-or-indentless-sequence'
  | 'flow-node'
  | 'block-sequence-first-entry'
  | 'block-sequence-entry'
  | 'indentless-sequence-entry'
  | 'block-mapping-first-key'
  | 'block-mapping-key'
  | 'block-mapping-value'
  | 'flow-sequence-first-entry'
  | 'flow-sequence-entry'
  | 'flow-sequence-entry-mapping-key'
  | 'flow-sequence-entry-mapping-value'
  | 'flow-sequence-entry-mapping-end'
  | 'flow-mapping-first-key'
  | 'flow-mapping-key'
  | 'flow-mapping-value'
  | 'flow-mapping-empty-value'
  | 'end';

const DEFAULT_TAG_HANDLES = ['!', '!!'];

export class GoYamlParser {
  private state: State = 'stream-start';
  private readonly states: State[] = [];
  private readonly marks: GoYamlMark[] = [];
  /** The handles of the document's %TAG directives and the default ones. */
  private readonly tagHandles = new Set<string>();

  constructor(private readonly scanner: GoYamlScanner) {}

  /** upstream: yaml_parser_parse; undefined once the stream has ended */
  parse(): GoYamlEvent | undefined {
    if (this.state === 'end') return undefined;
    return this.next();
  }

  private next(): GoYamlEvent {
    switch (this.state) {
      case 'stream-start': return this.parseStreamStart();
      case 'implicit-document-start': return this.parseDocumentStart(true);
      case 'document-start': return this.parseDocumentStart(false);
      case 'document-content': return this.parseDocumentContent();
      case 'document-end': return this.parseDocumentEnd();
      case 'block-node': return this.parseNode(true, false);
      case 'block-node-or-indentless-sequence': return this.parseNode(true, true);
      case 'flow-node': return this.parseNode(false, false);
      case 'block-sequence-first-entry': return this.parseBlockSequenceEntry(true);
      case 'block-sequence-entry': return this.parseBlockSequenceEntry(false);
      case 'indentless-sequence-entry': return this.parseIndentlessSequenceEntry();
      case 'block-mapping-first-key': return this.parseBlockMappingKey(true);
      case 'block-mapping-key': return this.parseBlockMappingKey(false);
      case 'block-mapping-value': return this.parseBlockMappingValue();
      case 'flow-sequence-first-entry': return this.parseFlowSequenceEntry(true);
      case 'flow-sequence-entry': return this.parseFlowSequenceEntry(false);
      case 'flow-sequence-entry-mapping-key': return this.parseFlowSequenceEntryMappingKey();
      case 'flow-sequence-entry-mapping-value': return this.parseFlowSequenceEntryMappingValue();
      case 'flow-sequence-entry-mapping-end': return this.parseFlowSequenceEntryMappingEnd();
      case 'flow-mapping-first-key': return this.parseFlowMappingKey(true);
      case 'flow-mapping-key': return this.parseFlowMappingKey(false);
      case 'flow-mapping-value': return this.parseFlowMappingValue(false);
      case 'flow-mapping-empty-value': return this.parseFlowMappingValue(true);
      case 'end': throw new Error('the parser has ended');
    }
  }

  private peek(): GoYamlToken {
    return this.scanner.peekToken();
  }

  /** The token after the current one, which is skipped. */
  private skipAndPeek(): GoYamlToken {
    this.scanner.skipToken();
    return this.peek();
  }

  private popState(): void {
    this.state = this.states.pop() ?? 'end';
  }

  private fail(problem: string, problemMark: GoYamlMark, contextMark?: GoYamlMark): never {
    throw new GoYamlError('parser', problem, problemMark.offset, problemMark, contextMark);
  }

  private event(type: GoYamlEventType, start: GoYamlMark): GoYamlEvent {
    return { type, start };
  }

  private emptyScalar(mark: GoYamlMark): GoYamlEvent {
    return this.event('scalar', mark);
  }

  private parseStreamStart(): GoYamlEvent {
    const token = this.peek();
    if (token.type !== 'stream-start') this.fail('did not find expected <stream-start>', token.start);
    this.state = 'implicit-document-start';
    this.scanner.skipToken();
    return this.event('stream-start', token.start);
  }

  private parseDocumentStart(implicit: boolean): GoYamlEvent {
    let token = this.peek();
    if (!implicit) while (token.type === 'document-end') token = this.skipAndPeek();
    if (implicit && !isOneOf(token.type, 'version-directive', 'tag-directive', 'document-start', 'stream-end')) {
      this.processDirectives();
      this.states.push('document-end');
      this.state = 'block-node';
      return this.event('document-start', token.start);
    }
    if (token.type === 'stream-end') {
      this.state = 'end';
      this.scanner.skipToken();
      return this.event('stream-end', token.start);
    }
    const start = token.start;
    this.processDirectives();
    token = this.peek();
    if (token.type !== 'document-start') this.fail('did not find expected <document start>', token.start);
    this.states.push('document-end');
    this.state = 'document-content';
    this.scanner.skipToken();
    return this.event('document-start', start);
  }

  private parseDocumentContent(): GoYamlEvent {
    const token = this.peek();
    if (isOneOf(token.type, 'version-directive', 'tag-directive', 'document-start', 'document-end', 'stream-end')) {
      this.popState();
      return this.emptyScalar(token.start);
    }
    return this.parseNode(true, false);
  }

  private parseDocumentEnd(): GoYamlEvent {
    const token = this.peek();
    if (token.type === 'document-end') this.scanner.skipToken();
    this.tagHandles.clear();
    this.state = 'document-start';
    return this.event('document-end', token.start);
  }

  private parseNode(block: boolean, indentlessSequence: boolean): GoYamlEvent {
    const first = this.peek();
    if (first.type === 'alias') {
      this.popState();
      this.scanner.skipToken();
      return { type: 'alias', start: first.start, anchor: first.value };
    }
    const start = first.start;
    const { anchor, tag, token } = this.readProperties(first);
    if (tag?.value && !this.tagHandles.has(tag.value)) this.fail('found undefined tag handle', tag.start, start);
    const node = (type: GoYamlEventType, state: State): GoYamlEvent => {
      this.state = state;
      return { type, start, anchor };
    };
    if (indentlessSequence && token.type === 'block-entry') return node('sequence-start', 'indentless-sequence-entry');
    if (token.type === 'scalar') {
      this.popState();
      this.scanner.skipToken();
      return { type: 'scalar', start, anchor };
    }
    if (token.type === 'flow-sequence-start') return node('sequence-start', 'flow-sequence-first-entry');
    if (token.type === 'flow-mapping-start') return node('mapping-start', 'flow-mapping-first-key');
    if (block && token.type === 'block-sequence-start') return node('sequence-start', 'block-sequence-first-entry');
    if (block && token.type === 'block-mapping-start') return node('mapping-start', 'block-mapping-first-key');
    if (anchor !== undefined || tag !== undefined) {
      this.popState();
      return { type: 'scalar', start, anchor };
    }
    this.fail('did not find expected node content', token.start, start);
  }

  /** A node's anchor and tag, in either order, and the token after them. */
  private readProperties(first: GoYamlToken): { anchor?: string; tag?: GoYamlToken; token: GoYamlToken } {
    let token = first;
    let anchor: string | undefined;
    let tag: GoYamlToken | undefined;
    for (let count = 0; count < 2; count++) {
      if (token.type === 'anchor' && anchor === undefined) anchor = token.value;
      else if (token.type === 'tag' && tag === undefined) tag = token;
      else break;
      token = this.skipAndPeek();
    }
    return { anchor, tag, token };
  }

  /** The first entry's token opened the collection: its mark is the context of a later error. */
  private openCollection(): void {
    const token = this.peek();
    this.marks.push(token.start);
    this.scanner.skipToken();
  }

  private closeCollection(type: GoYamlEventType, token: GoYamlToken): GoYamlEvent {
    this.popState();
    this.marks.pop();
    this.scanner.skipToken();
    return this.event(type, token.start);
  }

  private failInCollection(problem: string, token: GoYamlToken): never {
    this.fail(problem, token.start, this.marks.pop());
  }

  private parseBlockSequenceEntry(first: boolean): GoYamlEvent {
    if (first) this.openCollection();
    let token = this.peek();
    if (token.type === 'block-entry') {
      const mark = token.end;
      token = this.skipAndPeek();
      if (token.type !== 'block-entry' && token.type !== 'block-end') {
        this.states.push('block-sequence-entry');
        return this.parseNode(true, false);
      }
      this.state = 'block-sequence-entry';
      return this.emptyScalar(mark);
    }
    if (token.type === 'block-end') return this.closeCollection('sequence-end', token);
    this.failInCollection("did not find expected '-' indicator", token);
  }

  private parseIndentlessSequenceEntry(): GoYamlEvent {
    let token = this.peek();
    if (token.type === 'block-entry') {
      const mark = token.end;
      token = this.skipAndPeek();
      if (!isOneOf(token.type, 'block-entry', 'key', 'value', 'block-end')) {
        this.states.push('indentless-sequence-entry');
        return this.parseNode(true, false);
      }
      this.state = 'indentless-sequence-entry';
      return this.emptyScalar(mark);
    }
    this.popState();
    return this.event('sequence-end', token.start);
  }

  private parseBlockMappingKey(first: boolean): GoYamlEvent {
    if (first) this.openCollection();
    let token = this.peek();
    if (token.type === 'key') {
      const mark = token.end;
      token = this.skipAndPeek();
      if (!isOneOf(token.type, 'key', 'value', 'block-end')) {
        this.states.push('block-mapping-value');
        return this.parseNode(true, true);
      }
      this.state = 'block-mapping-value';
      return this.emptyScalar(mark);
    }
    if (token.type === 'block-end') return this.closeCollection('mapping-end', token);
    this.failInCollection('did not find expected key', token);
  }

  private parseBlockMappingValue(): GoYamlEvent {
    let token = this.peek();
    if (token.type === 'value') {
      const mark = token.end;
      token = this.skipAndPeek();
      if (!isOneOf(token.type, 'key', 'value', 'block-end')) {
        this.states.push('block-mapping-key');
        return this.parseNode(true, true);
      }
      this.state = 'block-mapping-key';
      return this.emptyScalar(mark);
    }
    this.state = 'block-mapping-key';
    return this.emptyScalar(token.start);
  }

  private parseFlowSequenceEntry(first: boolean): GoYamlEvent {
    if (first) this.openCollection();
    let token = this.peek();
    if (token.type !== 'flow-sequence-end') {
      if (!first) {
        if (token.type !== 'flow-entry') this.failInCollection("did not find expected ',' or ']'", token);
        token = this.skipAndPeek();
      }
      if (token.type === 'key') {
        this.state = 'flow-sequence-entry-mapping-key';
        this.scanner.skipToken();
        return this.event('mapping-start', token.start);
      }
      if (token.type !== 'flow-sequence-end') {
        this.states.push('flow-sequence-entry');
        return this.parseNode(false, false);
      }
    }
    return this.closeCollection('sequence-end', token);
  }

  private parseFlowSequenceEntryMappingKey(): GoYamlEvent {
    const token = this.peek();
    if (!isOneOf(token.type, 'value', 'flow-entry', 'flow-sequence-end')) {
      this.states.push('flow-sequence-entry-mapping-value');
      return this.parseNode(false, false);
    }
    const mark = token.end;
    this.scanner.skipToken();
    this.state = 'flow-sequence-entry-mapping-value';
    return this.emptyScalar(mark);
  }

  private parseFlowSequenceEntryMappingValue(): GoYamlEvent {
    let token = this.peek();
    if (token.type === 'value') {
      token = this.skipAndPeek();
      if (token.type !== 'flow-entry' && token.type !== 'flow-sequence-end') {
        this.states.push('flow-sequence-entry-mapping-end');
        return this.parseNode(false, false);
      }
    }
    this.state = 'flow-sequence-entry-mapping-end';
    return this.emptyScalar(token.start);
  }

  private parseFlowSequenceEntryMappingEnd(): GoYamlEvent {
    const token = this.peek();
    this.state = 'flow-sequence-entry';
    return this.event('mapping-end', token.start);
  }

  private parseFlowMappingKey(first: boolean): GoYamlEvent {
    if (first) this.openCollection();
    let token = this.peek();
    if (token.type !== 'flow-mapping-end') {
      if (!first) {
        if (token.type !== 'flow-entry') this.failInCollection("did not find expected ',' or '}'", token);
        token = this.skipAndPeek();
      }
      if (token.type === 'key') {
        token = this.skipAndPeek();
        if (!isOneOf(token.type, 'value', 'flow-entry', 'flow-mapping-end')) {
          this.states.push('flow-mapping-value');
          return this.parseNode(false, false);
        }
        this.state = 'flow-mapping-value';
        return this.emptyScalar(token.start);
      }
      if (token.type !== 'flow-mapping-end') {
        this.states.push('flow-mapping-empty-value');
        return this.parseNode(false, false);
      }
    }
    return this.closeCollection('mapping-end', token);
  }

  private parseFlowMappingValue(empty: boolean): GoYamlEvent {
    let token = this.peek();
    if (empty) {
      this.state = 'flow-mapping-key';
      return this.emptyScalar(token.start);
    }
    if (token.type === 'value') {
      token = this.skipAndPeek();
      if (token.type !== 'flow-entry' && token.type !== 'flow-mapping-end') {
        this.states.push('flow-mapping-key');
        return this.parseNode(false, false);
      }
    }
    this.state = 'flow-mapping-key';
    return this.emptyScalar(token.start);
  }

  /** upstream: yaml_parser_process_directives, yaml_parser_append_tag_directive */
  private processDirectives(): void {
    let token = this.peek();
    let version = false;
    while (token.type === 'version-directive' || token.type === 'tag-directive') {
      if (token.type === 'version-directive') {
        if (version) this.fail('found duplicate %YAML directive', token.start);
        if (token.major !== 1 || token.minor !== 1) this.fail('found incompatible YAML document', token.start);
        version = true;
      } else {
        const handle = token.value ?? '';
        if (this.tagHandles.has(handle)) this.fail('found duplicate %TAG directive', token.start);
        this.tagHandles.add(handle);
      }
      token = this.skipAndPeek();
    }
    for (const handle of DEFAULT_TAG_HANDLES) this.tagHandles.add(handle);
  }
}

function isOneOf(type: GoYamlTokenType, ...types: GoYamlTokenType[]): boolean {
  return types.includes(type);
}
