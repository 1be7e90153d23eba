import { describe, expect, it } from 'vitest';
import { canonicalQuantity } from './quantity-string.js';

// Cases from apimachinery pkg/api/resource/quantity_test.go TestQuantityString / TestQuantityParseEmit
describe('canonicalQuantity (resource.Quantity.String)', () => {
  it.each([
    ['1', '1'], ['1000m', '1'], ['0.5', '500m'], ['100m', '100m'], ['1500m', '1500m'], ['2000', '2k'], ['0.1', '100m'],
    ['1024Mi', '1Gi'], ['1.5Gi', '1536Mi'], ['1000Mi', '1000Mi'], ['512', '512'], ['1Ki', '1Ki'], ['0.5Ki', '512'],
    ['1e3', '1e3'], ['5e-3', '5e-3'], ['1E', '1E'], ['0', '0'], ['-1', '-1'], ['1n', '1n'], ['0.0000000001', '1n'],
  ])('%s prints as %s', (input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
  });

  it('prints a number as the API server decodes it', () => expect(canonicalQuantity(0.25)).toBe('250m'));
});
