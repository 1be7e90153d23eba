// upstream: apimachinery pkg/util/validation/validation_test.go TestIsQualifiedName, TestIsValidLabelValue
import { describe, expect, it } from 'vitest';
import { isLabelValue, isQualifiedName } from './label-syntax.js';
import { toLabelSelector } from './labels.js';

describe('isQualifiedName', () => {
  it.each([
    'simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes', 'now.with.dots/simple', 'now-with.dashes-and.dots/simple', '1-num.2-num/3-num',
    '1234/5678', '1.2.3.4/5678', 'Uppercase_Is_OK_123', 'example.com/Uppercase_Is_OK_123', 'requests.storage-foo',
    'a'.repeat(63), `${'a'.repeat(253)}/${'b'.repeat(63)}`,
  ])('accepts %s', (key) => expect(isQualifiedName(key)).toBe(true));

  it.each([
    'nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash', 'Example.com/abc', 'example_com/abc',
    'example.com/', '/simple', 'a'.repeat(64), `${'a'.repeat(254)}/abc`,
  ])('rejects %s', (key) => expect(isQualifiedName(key)).toBe(false));
});

describe('isLabelValue', () => {
  it.each(['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), ''])('accepts %s', (value) =>
    expect(isLabelValue(value)).toBe(true));

  it.each(['nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '\\backslashes\\are\\bad', '-starts-with-dash', 'ends-with-dash-', '.starts.with.dot', 'ends.with.dot.', 'a'.repeat(64)])(
    'rejects %s',
    (value) => expect(isLabelValue(value)).toBe(false),
  );
});

describe('toLabelSelector', () => {
  it('selects nothing when a matchLabels or matchExpressions entry cannot be a label requirement', () => {
    expect(toLabelSelector({ matchLabels: { app: 'web' } }).requirements).toHaveLength(1);
    expect(toLabelSelector({ matchLabels: { app: 'not valid' } }).requirements).toBeNull();
    expect(toLabelSelector({ matchExpressions: [{ key: 'app', operator: 'In', values: ['-x'] }] }).requirements).toBeNull();
  });
});
