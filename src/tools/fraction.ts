/**
 * Exact non-negative rationals over BigInt, always reduced. Fate probabilities multiply
 * 1/k per choice and p/100 per chance draw over paths hundreds of moves long, far past
 * what a double can hold exactly. (The sums on the way are done in odds-vector.ts.)
 */
export interface Fraction {
  num: bigint;
  den: bigint;
}

export const ZERO: Fraction = { num: 0n, den: 1n };

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

export function fraction(num: bigint, den: bigint): Fraction {
  if (den === 0n) throw new RangeError('fraction with a zero denominator');
  if (num === 0n) return ZERO;
  const divisor = gcd(num, den);
  return { num: num / divisor, den: den / divisor };
}

/** The fraction as a percentage, to `digits` decimals, rounded half up; exact up to the last digit. */
export function fractionToPercent(value: Fraction, digits = 4): number {
  const scale = 10n ** BigInt(digits);
  const scaled = (value.num * 100n * scale * 2n + value.den) / (value.den * 2n);
  return Number(scaled) / Number(scale);
}

/**
 * The fraction as the nearest double, keeping full relative precision even when it is
 * tiny (a fate of 1e-40 is not 0) and numerator and denominator are past 2^1024.
 */
export function fractionToNumber(value: Fraction): number {
  if (value.num === 0n) return 0;
  // Shift so the quotient carries 64 significant bits, then undo the shift in floating point.
  const shift = value.den.toString(2).length - value.num.toString(2).length + 64;
  const quotient = shift >= 0 ? (value.num << BigInt(shift)) / value.den : value.num / (value.den << BigInt(-shift));
  return Number(quotient) * 2 ** -shift;
}

/** `3/8` */
export function formatFraction(value: Fraction): string {
  return `${value.num}/${value.den}`;
}
