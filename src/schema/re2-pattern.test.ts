import { describe, expect, it } from 'vitest';
import { re2RegExpOf, re2ToJavaScript } from './re2-pattern.js';

// Each pattern with strings Go's regexp.MatchString takes and refuses (RE2 semantics, regexp/syntax doc.go).
const CASES: readonly (readonly [string, readonly string[], readonly string[]])[] = [
  // calico's FelixConfiguration enums, kube-prometheus' AlertmanagerConfig time intervals
  ['^(?i)(Drop|Accept|Return)?$', ['Drop', 'ACCEPT', 'return', ''], ['Reject', 'Drop ']],
  ['^((?i)sun|mon)day$', ['sunday', 'SUNday', 'MONday'], ['SUNDAY', 'monDAY', 'tuesday']],
  ['^((?i)january|february)(?:((:((?i)january|february))$)|$)', ['January', 'FEBRUARY:january'], ['March', 'January:']],
  ['^(?i)[a-z]([-a-z0-9]*[a-z0-9])?$', ['Queue-1', 'a'], ['-a', 'a-']],
  ['(?i:ab)c', ['ABc', 'aBc'], ['abC']],
  ['^(?-i)a(?i)b$', ['aB', 'ab'], ['Ab']],
  // \z, \A, $ and ^ without (?m) are the text's ends
  ['^[a-z]+\\z', ['abc'], ['abc\n', 'ab1']],
  ['\\Aab$', ['ab'], ['ab\n', 'xab']],
  // (?m) and (?s)
  ['(?m)^b$', ['a\nb\nc', 'b'], ['a\nbc']],
  ['a.b', ['a\rb', 'axb'], ['a\nb']],
  ['(?s)a.b', ['a\nb'], ['ab']],
  // \s is [\t\n\f\r ] (no \v, no Unicode spaces)
  ['^\\s$', [' ', '\t', '\n'], ['\v', '\u00a0']],
  ['^[^\\s()<>]+$', ['abc'], ['a b', 'a(']],
  // escaped punctuation, literal braces, a leading ] in a class
  ['^\\ *x\\-y$', ['  x-y', 'x-y'], ['xy']],
  ['^a{,3}$', ['a{,3}'], ['aaa']],
  ['^a{2,3}$', ['aa', 'aaa'], ['a', 'aaaa']],
  ['^[]a]+$', [']a]'], ['b']],
  ['^x}$', ['x}'], ['x']],
  // POSIX classes, properties, hex
  ['^[[:alpha:]][[:alnum:]_]*$', ['a1_', 'Z'], ['1a', 'é']],
  ['^[^[:punct:][:space:]]+$', ['abc1'], ['a.b', 'a b']],
  ['^\\pL+$', ['Ärger', 'abc'], ['abc1']],
  ['^\\p{Greek}+$', ['αβγ'], ['abc']],
  ['^\\PL$', ['1'], ['a']],
  ['^[\\x41-\\x43]+$', ['ABC'], ['D']],
  ['^\\x{1F600}$', ['\u{1F600}'], ['x']],
  ['^\\Q.*\\E$', ['.*'], ['ab']],
  // named groups
  ['^(?P<name>a+)b$', ['aab'], ['b']],
  // a case-insensitive class with a range
  ['^(?i)[b-d]+$', ['bCd', 'DDD'], ['a', 'E']],
  // a '-' after a class escape is itself (Go regexp/syntax parseClass: Perl syntax takes '-' anywhere, and a class
  // escape starts no range); emqx-operator's EMQX CRD
  ['^[a-zA-Z\\d-_]+$', ['a-b_1', '-'], ['a.b', 'a b']],
  ['^[\\pL-_]+$', ['ä-_'], ['1']],
];

describe('re2ToJavaScript', () => {
  it.each(CASES)('%s', (pattern, matches, refuses) => {
    const translated = re2ToJavaScript(pattern);
    expect(translated).toBeDefined();
    const regexp = new RegExp(translated ?? '', 'u');
    for (const text of matches) expect(regexp.test(text), JSON.stringify(text)).toBe(true);
    for (const text of refuses) expect(regexp.test(text), JSON.stringify(text)).toBe(false);
  });

  it.each([
    ['(?=a)b', 'lookahead (RE2 has none)'],
    ['(a)\\1', 'a backreference'],
    ['[a-\\d]', 'a range to a class escape (Go: invalid escape sequence)'],
    ['[[:^alpha:]]', 'a negated POSIX class'],
    ['(?i)é', 'a Unicode case fold'],
    ['a{1001}', 'a repeat count over 1000'],
    ['(a', 'an unclosed group'],
    ['\\Z', 'an escape RE2 does not know'],
  ])('gives undefined for %s (%s)', (pattern) => {
    expect(re2ToJavaScript(pattern)).toBeUndefined();
  });
});

describe('re2RegExpOf', () => {
  // Go's regexp runs every pattern in linear time: these would backtrack exponentially in JavaScript's engine (a
  // hostile CRD must not hang the run), so they run in V8's linear-time one, and are checked
  it.each([
    ['^(a+)+$', ['aaaa'], [`${'a'.repeat(5000)}!`]],
    // Gateway API HTTPRoute cors.allowOrigins (standard channel)
    ['(^\\*$)|(^(http(s)?):\\/\\/(((\\*\\.)?([a-zA-Z0-9\\-]+\\.)*[a-zA-Z0-9-]+|\\*)(:([0-9]{1,5}))?)$)', ['*', 'https://a.example.com:8443', 'http://*.example.com'], ['ftp://example.com', `https://${'a.'.repeat(3000)}!`]],
    // Gateway API header values
    ['^[!-~]+([\\t ]?[!-~]+)*$', ['a b\tc'], ['this\nis\rinvalid\r\nvalue', `${'a'.repeat(5000)}\n`]],
    // Envoy Gateway Backend spec.endpoints[*].ip.address: counts the engine refuses nested ({1,4} in {1,7}) run written
    // out; upstream egctl validate_test.go TestRunValidate expects "a.b.c.d" to fail it
    [
      '^((25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\\.){3}(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)$|^(([0-9a-fA-F]{1,4}:){1,7}[0-9a-fA-F]{1,4}|::|(([0-9a-fA-F]{1,4}:){0,5})?(:[0-9a-fA-F]{1,4}){1,2})$',
      ['10.0.0.1', '::', 'fe80::1', '2001:db8:0:0:0:0:0:1'],
      ['a.b.c.d', '256.1.1.1', '1:2:3:4:5:6:7:8:9'],
    ],
    // Envoy Gateway ClientTrafficPolicy / SecurityPolicy CIDRs (gateway.envoyproxy.io_clienttrafficpolicies.yaml)
    [
      String.raw`((25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\/([0-9]+))|((([0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:)|fe80:(:[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}|::(ffff(:0{1,4}){0,1}:){0,1}((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])|([0-9a-fA-F]{1,4}:){1,4}:((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9]))\/([0-9]+))`,
      ['10.0.0.0/8', '2001:db8::/32', 'fe80::/10'],
      ['a.b.c.d/8', '1.2.3.4'],
    ],
  ])('%s runs in linear time', (pattern, matches, refuses) => {
    const regexp = re2RegExpOf(pattern);
    expect(regexp?.flags).toBe('l');
    for (const text of matches) expect(regexp?.test(text), JSON.stringify(text)).toBe(true);
    for (const text of refuses) expect(regexp?.test(text), JSON.stringify(text)).toBe(false);
  });

  it('runs other patterns in the backtracking engine, with the u flag', () => {
    expect(re2RegExpOf('^[a-z]+$')?.flags).toBe('u');
    expect(re2RegExpOf('^[a-z]+$', true)?.flags).toBe('gu');
  });

  it('writes nested counts out only while the expression stays near the size the engine takes itself (a hostile CRD must not slow the run)', () => {
    expect(re2RegExpOf('((a|b){1,12}){1,12}c')).toBeUndefined();
    expect(re2RegExpOf('(a|b){1,400}c')).toBeUndefined();
  });

  it('gives undefined for a linear-time pattern that needs the u flag', () => {
    expect(re2RegExpOf('^(\\p{L}+)+$')).toBeUndefined();
  });
});
