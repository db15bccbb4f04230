import { defineActivation } from './activation';

/**
 * Logistic sigmoid: 1/(1+e^−x), f' = f(1−f), stable for every x
 * (https://en.wikipedia.org/wiki/Logistic_function).
 */
export const sigmoid = defineActivation({
  name: 'sigmoid',
  description: 'Logistic sigmoid: 1/(1+e^-x)',
  reference: 'https://en.wikipedia.org/wiki/Logistic_function',
  forward(x) {
    // NOTE: e^-x overflows for x < -709; only ever exponentiate −|x| and branch on the sign
    // (for x < 0, σ(x) = e^x/(1+e^x)), which is also accurate for tiny outputs.
    const z = Math.exp(-Math.abs(x));
    return x >= 0 ? 1 / (1 + z) : z / (1 + z);
  },
  derivative(x) {
    // NOTE: y(1−y) loses every digit for x > 37 (y rounds to 1, 1−y to 0), while
    // σ'(x) = e^−|x|/(1+e^−|x|)² is the same function at full relative precision on both sides.
    const z = Math.exp(-Math.abs(x));
    return z / ((1 + z) * (1 + z));
  },
});
