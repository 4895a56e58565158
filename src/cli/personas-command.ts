import type { Story } from '../story/types.js';
import { PERSONA_RUNS, personaRuns, type PersonasReport } from '../tools/personas.js';
import { groupThousands } from '../story/format-value.js';
import { stripControl } from '../text/strip-control.js';
import { EXIT_BAD_INPUT, EXIT_OK } from './exit-codes.js';
import type { ReportResult } from './report-result.js';

/** `pusher check --personas`: where each declared player intent ends up, over seeded runs. */
export function runPersonas(path: string, story: Story, options: { seed?: number }): ReportResult {
  if (!story.personas?.length) {
    const error = `${path}: the story declares no personas (add \`@persona loyal_tonny "Loyal to Tonny"\` and tag choices with \`persona loyal_tonny\`)`;
    return { code: EXIT_BAD_INPUT, json: { personas: [], error }, text: null, error };
  }
  const report = personaRuns(story, PERSONA_RUNS, options.seed ?? 1);
  const stuck = report.personas.some((persona) => persona.stuck > 0);
  return { code: stuck ? EXIT_BAD_INPUT : EXIT_OK, json: report, text: formatPersonas(path, report), error: null };
}

export function formatPersonas(path: string, report: PersonasReport): string {
  const percent = (share: number) => `${(share * 100).toFixed(1).padStart(5)}%`;
  const runs = report.personas[0]?.runs ?? 0;
  const lines = [`${path}: ${groupThousands(runs)} seeded runs per persona, seed ${report.seed}`];
  for (const persona of report.personas) {
    lines.push(
      `  ${stripControl(persona.title)} (${persona.id}): a tagged choice was open at ${percent(persona.steered).trim()} of decisions`,
    );
    for (const ending of [...persona.endings].sort((a, b) => b.share - a.share)) {
      if (ending.share > 0) lines.push(`    ${percent(ending.share)}  ${stripControl(ending.title)} (${ending.id})`);
    }
    const never = persona.endings.filter((ending) => ending.share === 0).map((ending) => ending.id);
    if (never.length) lines.push(`    never: ${never.join(', ')}`);
    if (persona.stuck)
      lines.push(`    ${percent(persona.stuck / persona.runs)}  stuck at a dead end (${persona.stuck} runs)`);
  }
  return lines.join('\n');
}
