import { InvalidArgumentError } from 'commander';

/** Commander argument parsers: a bad value becomes commander's own usage error (exit 2). */
export function wholeNumber(min: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number.');
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min)
      throw new InvalidArgumentError(`expected a whole number of at least ${min}.`);
    return n;
  };
}

/** `--choices 2,1,3`, repeatable: each list adds to the ones before it. */
export function choiceList(value: string, previous: number[] = []): number[] {
  const parts = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.some((part) => !/^\d+$/.test(part) || Number(part) < 1)) {
    throw new InvalidArgumentError('expected choice numbers separated by commas, such as 2,1,3.');
  }
  return [...previous, ...parts.map(Number)];
}
