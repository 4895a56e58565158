/**
 * Probabilities that share one denominator, for the fate computation. Every denominator
 * there is a product of choice counts (the player picks 1 of k) and powers of 100 (the
 * odds of chance branches), so it is kept as prime exponents: the common denominator of
 * a node's moves is then a maximum of exponents, and no gcd of huge numbers is needed
 * until the very end. Numerators are plain BigInts.
 */
export interface OddsVector {
  /** prime → exponent of the shared denominator */
  den: Map<number, number>;
  nums: bigint[];
}

const factorCache = new Map<number, Map<number, number>>();

/** The prime factors of a small whole number (a choice count, 100), with exponents. */
export function primeFactors(n: number): Map<number, number> {
  const known = factorCache.get(n);
  if (known) return known;
  const factors = new Map<number, number>();
  let rest = n;
  for (let p = 2; p * p <= rest; p++) {
    while (rest % p === 0) {
      factors.set(p, (factors.get(p) ?? 0) + 1);
      rest /= p;
    }
  }
  if (rest > 1) factors.set(rest, (factors.get(rest) ?? 0) + 1);
  factorCache.set(n, factors);
  return factors;
}

const powerCache = new Map<string, bigint>();

function power(prime: number, exponent: number): bigint {
  const key = `${prime}^${exponent}`;
  let value = powerCache.get(key);
  if (value === undefined) {
    value = BigInt(prime) ** BigInt(exponent);
    powerCache.set(key, value);
  }
  return value;
}

/** Exponents added: the denominator of a product. */
export function multiplyDenominators(...dens: Array<Map<number, number>>): Map<number, number> {
  const product = new Map<number, number>();
  for (const den of dens) for (const [prime, exponent] of den) product.set(prime, (product.get(prime) ?? 0) + exponent);
  return product;
}

/**
 * Σ weightᵢ · vectorᵢ, where each weight is `numerator / den`: the sum over a node's moves
 * of each move's odds times the values of where it leads.
 */
export function weightedSum(
  width: number,
  terms: Array<{ numerator: bigint; den: Map<number, number>; vector: OddsVector }>,
): OddsVector {
  const dens = terms.map((term) => multiplyDenominators(term.den, term.vector.den));
  const common = new Map<number, number>();
  for (const den of dens)
    for (const [prime, exponent] of den) if (exponent > (common.get(prime) ?? 0)) common.set(prime, exponent);
  const nums = new Array<bigint>(width).fill(0n);
  terms.forEach((term, i) => {
    let scale = term.numerator;
    for (const [prime, exponent] of common) {
      const missing = exponent - (dens[i]!.get(prime) ?? 0);
      if (missing > 0) scale *= power(prime, missing);
    }
    const child = term.vector.nums;
    for (let s = 0; s < width; s++) if (child[s] !== 0n) nums[s] = nums[s]! + scale * child[s]!;
  });
  return { den: common, nums };
}

/** The shared denominator as one number. */
export function denominatorOf(vector: OddsVector): bigint {
  let den = 1n;
  for (const [prime, exponent] of vector.den) den *= power(prime, exponent);
  return den;
}
