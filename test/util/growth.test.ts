import { describe, expect, it } from 'vitest';
import { expectRoughlyLinear } from '../helpers/growth.js';

describe('expectRoughlyLinear', () => {
  const sum = (n: number) => () => {
    let total = 0;
    for (let i = 0; i < n * 1000; i += 1) total += i % 7;
    return total;
  };
  const pairs = (n: number) => () => {
    let total = 0;
    for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) total += (i ^ j) % 7;
    return total;
  };

  it('accepts work that grows like its input', () => {
    expectRoughlyLinear(sum, 200);
  });

  it('refuses work that grows like the square of its input', () => {
    // A small run well above the helper's 2 ms floor (2.25 M steps): at 1,000 it sat below it, the
    // floor halved the square's 100× growth, and a loaded machine could bring it under the bound (40×).
    expect(() => expectRoughlyLinear(pairs, 1_500)).toThrow(/cost grew/);
  });
});
