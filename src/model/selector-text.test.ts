import { describe, expect, it } from 'vitest';
import { matchesSelector } from './labels.js';
import { parseSelectorText } from './selector-text.js';

// upstream: apimachinery pkg/labels/selector_test.go TestSelectorParse / TestSelectorMatches
describe('label selectors as text (labels.Parse)', () => {
  const labels = { app: 'web', tier: 'front', version: '3' };
  it.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app=web,tier=back', false],
    ['tier in (front, back)', true],
    ['tier notin (front)', false],
    ['app', true],
    ['!canary', true],
    ['!app', false],
    ['version>2', true],
    ['version<3', false],
    ['app=web, tier in (front,back), !canary', true],
  ])('%j selects %s', (text, expected) => {
    const selector = parseSelectorText(text);
    expect(selector).toBeDefined();
    expect(matchesSelector(selector ?? { requirements: null }, labels)).toBe(expected);
  });

  it.each(['app=we b', 'x in (a', 'version>two', '=web', 'app in'])('rejects %j', (text) => {
    expect(parseSelectorText(text)).toBeUndefined();
  });
});
