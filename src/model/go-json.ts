// Go's encoding/json in its own words: the scanner's syntax errors (scanner.go), which kubectl's JSON decoder gives for
// input that starts with "{", and json.Unmarshal(data, &map[string]interface{}{}), which the API server runs on a
// kubernetes.io/dockerconfigjson or dockercfg Secret's credentials (core validation ValidateSecret).

type Step = (c: number) => string | undefined;

const SPACE = new Set([0x20, 0x09, 0x0d, 0x0a]);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

const GO_ESCAPES: Readonly<Record<number, string>> = { 0x07: 'a', 0x08: 'b', 0x0c: 'f', 0x0a: 'n', 0x0d: 'r', 0x09: 't', 0x0b: 'v', 0x5c: '\\' };

/** scanner.go quoteChar: the byte as Go's %q of its rune, in single quotes. */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  const named = GO_ESCAPES[c];
  if (named !== undefined) return `'\\${named}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  // strconv.Quote keeps printable runes; U+0080 to U+009F and U+00AD are not
  if ((c >= 0x80 && c <= 0x9f) || c === 0xad) return `'\\u00${c.toString(16)}'`;
  return `'${String.fromCharCode(c)}'`;
}

/** The error json.Unmarshal gives for `bytes` decoded into a map[string]interface{}, or undefined when there is none. */
export function goJsonMapError(bytes: Uint8Array): string | undefined {
  const syntax = goJsonSyntaxError(bytes);
  if (syntax) return syntax.atEnd ? 'unexpected end of JSON input' : syntax.message;
  const first = bytes.find((c) => !SPACE.has(c));
  const kind = first === 0x7b || first === 0x6e ? undefined : first === 0x5b ? 'array' : first === 0x22 ? 'string' : first === 0x74 || first === 0x66 ? 'bool' : 'number';
  return kind && `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
}

/** A syntax error of scanner.go: its message and the byte it is at; `atEnd`: the input ended inside a value. */
export interface GoJsonSyntaxError {
  readonly message: string;
  readonly offset: number;
  readonly atEnd: boolean;
}

/** scanner.go checkValid: the first syntax error of one JSON value, or undefined. */
export function goJsonSyntaxError(bytes: Uint8Array): GoJsonSyntaxError | undefined {
  // the parse stack: 'key' (parseObjectKey), 'value' (parseObjectValue), 'array' (parseArrayValue)
  const stack: ('key' | 'value' | 'array')[] = [];
  let endTop = false;
  let step: Step;
  const fail = (c: number, context: string): string => `invalid character ${quoteChar(c)} ${context}`;
  const endTopStep: Step = (c) => (SPACE.has(c) ? undefined : fail(c, 'after top-level value'));
  const pop = (): void => {
    stack.pop();
    if (stack.length === 0) {
      step = endTopStep;
      endTop = true;
    } else {
      step = endValue;
    }
  };
  const endValue: Step = (c) => {
    if (stack.length === 0) {
      step = endTopStep;
      endTop = true;
      return endTopStep(c);
    }
    if (SPACE.has(c)) {
      step = endValue;
      return undefined;
    }
    const top = stack[stack.length - 1];
    if (top === 'key') {
      if (c !== 0x3a) return fail(c, 'after object key');
      stack[stack.length - 1] = 'value';
      step = beginValue;
      return undefined;
    }
    if (top === 'value') {
      if (c === 0x2c) {
        stack[stack.length - 1] = 'key';
        step = beginString;
        return undefined;
      }
      if (c === 0x7d) return void pop();
      return fail(c, 'after object key:value pair');
    }
    if (c === 0x2c) {
      step = beginValue;
      return undefined;
    }
    if (c === 0x5d) return void pop();
    return fail(c, 'after array element');
  };
  const literal = (word: string, at: number): Step => (c) => {
    const expected = word.charCodeAt(at);
    if (c !== expected) return fail(c, `in literal ${word} (expecting ${quoteChar(expected)})`);
    step = at + 1 === word.length ? endValue : literal(word, at + 1);
    return undefined;
  };
  const inString: Step = (c) => {
    if (c === 0x22) step = endValue;
    else if (c === 0x5c) step = inStringEscape;
    else if (c < 0x20) return fail(c, 'in string literal');
    return undefined;
  };
  const inStringEscape: Step = (c) => {
    if ([0x62, 0x66, 0x6e, 0x72, 0x74, 0x5c, 0x2f, 0x22].includes(c)) step = inString;
    else if (c === 0x75) step = unicodeEscape(0);
    else return fail(c, 'in string escape code');
    return undefined;
  };
  const unicodeEscape = (digits: number): Step => (c) => {
    if (!isHex(c)) return fail(c, 'in \\u hexadecimal character escape');
    step = digits === 3 ? inString : unicodeEscape(digits + 1);
    return undefined;
  };
  const afterZero: Step = (c) => {
    if (c === 0x2e) step = afterDot;
    else if (c === 0x65 || c === 0x45) step = exponent;
    else return endValue(c);
    return undefined;
  };
  const digits: Step = (c) => (isDigit(c) ? undefined : afterZero(c));
  const negative: Step = (c) => {
    if (c === 0x30) step = afterZero;
    else if (c >= 0x31 && c <= 0x39) step = digits;
    else return fail(c, 'in numeric literal');
    return undefined;
  };
  const afterDot: Step = (c) => {
    if (!isDigit(c)) return fail(c, 'after decimal point in numeric literal');
    step = fraction;
    return undefined;
  };
  const fraction: Step = (c) => {
    if (isDigit(c)) return undefined;
    if (c === 0x65 || c === 0x45) {
      step = exponent;
      return undefined;
    }
    return endValue(c);
  };
  const exponentSign: Step = (c) => {
    if (!isDigit(c)) return fail(c, 'in exponent of numeric literal');
    step = exponentDigits;
    return undefined;
  };
  const exponent: Step = (c) => {
    if (c === 0x2b || c === 0x2d) {
      step = exponentSign;
      return undefined;
    }
    return exponentSign(c);
  };
  const exponentDigits: Step = (c) => (isDigit(c) ? undefined : endValue(c));
  const beginValue: Step = (c) => {
    if (SPACE.has(c)) return undefined;
    switch (c) {
      case 0x7b:
        step = beginStringOrEmpty;
        stack.push('key');
        return undefined;
      case 0x5b:
        step = beginValueOrEmpty;
        stack.push('array');
        return undefined;
      case 0x22:
        step = inString;
        return undefined;
      case 0x2d:
        step = negative;
        return undefined;
      case 0x30:
        step = afterZero;
        return undefined;
      case 0x74:
        step = literal('true', 1);
        return undefined;
      case 0x66:
        step = literal('false', 1);
        return undefined;
      case 0x6e:
        step = literal('null', 1);
        return undefined;
    }
    if (c >= 0x31 && c <= 0x39) {
      step = digits;
      return undefined;
    }
    return fail(c, 'looking for beginning of value');
  };
  const beginValueOrEmpty: Step = (c) => (SPACE.has(c) ? undefined : c === 0x5d ? endValue(c) : beginValue(c));
  const beginString: Step = (c) => {
    if (SPACE.has(c)) return undefined;
    if (c !== 0x22) return fail(c, 'looking for beginning of object key string');
    step = inString;
    return undefined;
  };
  const beginStringOrEmpty: Step = (c) => {
    if (SPACE.has(c)) return undefined;
    if (c === 0x7d) {
      stack[stack.length - 1] = 'value';
      return endValue(c);
    }
    return beginString(c);
  };
  step = beginValue;
  for (let offset = 0; offset < bytes.length; offset++) {
    const message = step(bytes[offset] ?? 0);
    if (message) return { message, offset, atEnd: false };
  }
  // scanner.eof: a space ends a number; anything still open is an unexpected end
  if (endTop) return undefined;
  const message = step(0x20);
  if (message) return { message, offset: bytes.length, atEnd: false };
  return endTop ? undefined : { message: 'unexpected end of JSON input', offset: bytes.length, atEnd: true };
}
