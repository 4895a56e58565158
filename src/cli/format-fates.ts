import type { FateReport } from '../tools/fates.js';
import { formatFraction, fraction, fractionToPercent } from '../tools/fraction.js';
import { groupThousands } from '../story/format-value.js';
import { safeLine } from '../text/safe-text.js';

/** Titles from a story file are cut to this, so the table stays a table. */
const TITLE_LENGTH = 60;

const MAX_EXACT_DIGITS = 40;
const MAX_FRACTION_CHARS = 24;

/** A big count in full with separators while it stays readable; past that, `1.33e+36 (37 digits)`. */
export function formatCount(n: bigint): string {
  const digits = n.toString();
  if (digits.length <= MAX_EXACT_DIGITS) return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${digits[0]}.${digits.slice(1, 3)}e+${digits.length - 1} (${digits.length} digits)`;
}

/** The fates as a table for the terminal; exact fractions too long to read are left to --json. */
export function formatFates(path: string, report: FateReport): string {
  const title = (ending: { title: string }) => safeLine(ending.title, TITLE_LENGTH);
  // A real chance never reads as 0.00% or 100.00%.
  const percent = (value: number) => {
    const text = value > 0 && value < 0.01 ? '<0.01' : value < 100 && value > 99.99 ? '>99.99' : value.toFixed(2);
    return `${text.padStart(6)}%`;
  };
  const width = report.endings.reduce((most, ending) => Math.max(most, title(ending).length), 'ending'.length);
  const lines = [
    `${safeLine(path, 200)}: the odds of each fate for a player choosing at random (${
      report.exact ? 'exact' : `route counts exact, odds within ±${report.errorBound.toPrecision(2)} points`
    }, over ${groupThousands(report.states)} states)`,
    `  ${formatCount(report.routes)} routes in all`,
    '',
    `  ${'odds'.padStart(7)}  ${'ending'.padEnd(width)}  routes (share of all routes)`,
  ];
  const fates = [...report.endings].sort(
    (a, b) => b.percent - a.percent || (b.routes > a.routes ? 1 : b.routes < a.routes ? -1 : 0),
  );
  for (const ending of fates) {
    const exact = ending.probability ? formatFraction(ending.probability) : '';
    const share = report.routes ? fractionToPercent(fraction(ending.routes, report.routes), 2) : 0;
    const odds = exact && exact.length <= MAX_FRACTION_CHARS && ending.probability?.den !== 1n ? `  = ${exact}` : '';
    lines.push(
      `  ${percent(ending.percent)}  ${title(ending).padEnd(width)}  ${formatCount(ending.routes)} (${share}%)  [${safeLine(ending.id, TITLE_LENGTH)}]${odds}`,
    );
  }
  if (report.stuck.routes > 0n) {
    lines.push(
      `  ${percent(report.stuck.percent)}  ${'stuck at a dead end'.padEnd(width)}  ${formatCount(report.stuck.routes)}`,
    );
  }
  return lines.join('\n');
}
