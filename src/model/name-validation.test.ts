import { describe, expect, it } from 'vitest';
import {
  configMapKeyErrors, dns1035LabelErrors, dns1123LabelErrors, labelValueErrors, percentErrors, portNameErrors, qualifiedNameErrors,
  relaxedEnvVarNameErrors, subdomainErrors,
} from './name-validation.js';

// Cases from apimachinery pkg/util/validation/validation_test.go (TestIsDNS1123Label, TestIsDNS1123Subdomain,
// TestIsDNS1035Label, TestIsQualifiedName, TestIsValidLabelValue, TestIsValidPortName, TestIsConfigMapKey)
describe('IsDNS1123Label', () => {
  it.each(['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a'.repeat(63)])('accepts %s', (value) => {
    expect(dns1123LabelErrors(value)).toEqual([]);
  });
  it.each(['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', 'a'.repeat(64)])('rejects %j', (value) => {
    expect(dns1123LabelErrors(value)).not.toEqual([]);
  });
  it('says "must not contain dots" for a valid subdomain', () => expect(dns1123LabelErrors('a.b')).toEqual(['must not contain dots']));
});

describe('IsDNS1123Subdomain', () => {
  it.each(['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a.a', 'ab.a', 'abc.a', 'a1.a', 'a-1.a', 'a--1--2--b.a', 'a.1', 'ab.1', 'abc.1', 'a1.1', 'a-1.1', 'a--1--2--b.1', '0.a', '01.a', '012.a', '1a.a', '1-a.a', '1--a--b--2', '0.1', '01.1', '012.1', '1a.1', '1-a.1', '1--a--b--2.1', 'a.b.c.d.e', 'aa.bb.cc.dd.ee', '1.2.3.4.5', '11.22.33.44.55', 'a'.repeat(253)])('accepts %s', (value) => {
    expect(subdomainErrors(value)).toEqual([]);
  });
  it.each(['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a..b', '1.', '.1', '1..2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', 'A.a', 'aB.a', 'ab.A', 'A1.a', 'a1.A', 'A.1', 'aB.1', 'A1.1', '1A.1', '0.A', '01.A', '012.A', '1A.a', '1a.A', 'A.B.C.D.E', 'AA.BB.CC.DD.EE', 'a.B.c.d.e', 'aa.bB.cc.dd.ee', 'a@b', 'a,b', 'a_b', 'a;b', 'a:b', 'a%b', 'a?b', 'a$b', 'a'.repeat(254)])('rejects %j', (value) => {
    expect(subdomainErrors(value)).not.toEqual([]);
  });
  it('prints the length and the regex as upstream does', () => {
    expect(subdomainErrors('a'.repeat(254))).toEqual(['must be no more than 253 characters']);
    expect(subdomainErrors('A')).toEqual(["a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]);
  });
});

describe('IsDNS1035Label', () => {
  it.each(['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', 'a'.repeat(63)])('accepts %s', (value) => expect(dns1035LabelErrors(value)).toEqual([]));
  it.each(['0', '01', '012', '1a', '1-a', '1--a--b--2', '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', 'a'.repeat(64)])('rejects %j', (value) => {
    expect(dns1035LabelErrors(value)).not.toEqual([]);
  });
});

describe('IsQualifiedName', () => {
  it.each(['simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple', 'now-with-dashes/now-with-dashes', 'now.with.dots/simple', 'now-with.dashes-and.dots/simple', '1-num.2-num/3-num', '1234/5678', '1.2.3.4/5678', 'Uppercase_Is_OK_123', 'example.com/Uppercase_Is_OK_123', 'requests.storage-foo', 'a'.repeat(63), `${'a'.repeat(253)}/${'b'.repeat(63)}`])('accepts %s', (value) => {
    expect(qualifiedNameErrors(value)).toEqual([]);
  });
  it.each(['nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash', 'Example.com/abc', 'example_com/abc', 'example.com/', '/simple', 'a'.repeat(64), `${'a'.repeat(254)}/abc`])('rejects %j', (value) => {
    expect(qualifiedNameErrors(value)).not.toEqual([]);
  });
  it('explains each part as upstream does', () => {
    expect(qualifiedNameErrors('/name')).toEqual(['prefix part must be non-empty']);
    expect(qualifiedNameErrors('example.com/')).toEqual(['name part must be non-empty', "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]);
    expect(qualifiedNameErrors('x'.repeat(64))).toEqual(['name part must be no more than 63 bytes']);
    expect(qualifiedNameErrors('Example.com/x')[0]).toMatch(/^prefix part a lowercase RFC 1123 subdomain/);
  });
});

describe('IsValidLabelValue', () => {
  it.each(['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), ''])('accepts %j', (value) => expect(labelValueErrors(value)).toEqual([]));
  it.each(['nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '\\backslashes\\are\\bad', '-starts-with-dash', 'ends-with-dash-', '.starts.with.dot', 'ends.with.dot.', 'a'.repeat(64)])('rejects %j', (value) => {
    expect(labelValueErrors(value)).not.toEqual([]);
  });
});

describe('IsValidPortName', () => {
  it.each(['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3'])('accepts %s', (value) => expect(portNameErrors(value)).toEqual([]));
  it.each(['longerthan15characters', '', 'A'.repeat(16), '12345', '1-2-3-4', '-begin', 'end-', 'two--hyphens', 'whois++'])('rejects %j', (value) => {
    expect(portNameErrors(value)).not.toEqual([]);
  });
  it('lists every problem', () => expect(portNameErrors('-1--')).toEqual([
    'must contain at least one letter (a-z)', 'must not contain consecutive hyphens', 'must not begin or end with a hyphen',
  ]));
});

describe('IsConfigMapKey, IsValidPercent, IsRelaxedEnvVarName', () => {
  it.each(['a', 'good', 'good_value', 'good.value', 'good-value', '.a', 'a.', '.a.b', 'a.b.', '..a'.slice(1)])('accepts the key %s', (value) => expect(configMapKeyErrors(value)).toEqual([]));
  it.each(['', '.', '..', '..a', 'b/c', 'b\\c', 'a'.repeat(254)])('rejects the key %j', (value) => expect(configMapKeyErrors(value)).not.toEqual([]));
  it('validates percentages', () => {
    expect(percentErrors('25%')).toEqual([]);
    expect(percentErrors('25')).toEqual(["a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"]);
  });
  it('accepts printable ASCII environment variable names except "="', () => {
    expect(relaxedEnvVarNameErrors('1-my.var name')).toEqual([]);
    expect(relaxedEnvVarNameErrors('A=B')).toEqual(["a valid environment variable name must consist only of printable ASCII characters other than '='"]);
  });
});
