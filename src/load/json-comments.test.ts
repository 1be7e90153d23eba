import { describe, expect, it } from 'vitest';
import { blankComments, findJsonComments } from './json-comments.js';

describe('findJsonComments', () => {
  it('finds line and block comments outside strings only', () => {
    const text = '{"url": "http://x/*y*/", // note\n "a": /* b */ 1}';
    const comments = findJsonComments(text);
    expect(comments.map(({ start, end }) => text.slice(start, end))).toEqual(['// note', '/* b */']);
    expect(blankComments(text, comments)).toBe('{"url": "http://x/*y*/",        \n "a":         1}');
  });

  it('honours escaped quotes and finds nothing in plain JSON', () => {
    expect(findJsonComments('{"a": "say \\"//\\" twice"}')).toEqual([]);
    expect(findJsonComments('{"a": 1}')).toEqual([]);
  });

  it('keeps line breaks inside a blanked block comment', () => {
    const text = '{/* a\nb */"k": 1}';
    expect(blankComments(text, findJsonComments(text))).toBe('{    \n    "k": 1}');
  });
});
