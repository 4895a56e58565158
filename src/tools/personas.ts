import type { Story } from '../story/types.js';
import { startGame } from '../engine/start-game.js';
import { takeChoice } from '../engine/take-choice.js';
import { choiceStatus } from '../engine/list-choices.js';
import { indexDraw } from '../engine/seeded-draw.js';
import { gameSeed } from './random-runs.js';
import { endingIds } from './story-stats.js';

/** Runs per persona unless told. */
export const PERSONA_RUNS = 1_000;

export interface PersonaResult {
  id: string;
  title: string;
  runs: number;
  /** every ending, in story order, with the share of this persona's runs that end there, in [0, 1] */
  endings: Array<{ id: string; title: string; share: number }>;
  /** runs that met a state with no open choice */
  stuck: number;
  /** the share of decisions at which a choice tagged for this persona was open: how much the intent got to steer */
  steered: number;
}

export interface PersonasReport {
  seed: number;
  personas: PersonaResult[];
}

/**
 * Plays seeded runs for each declared persona: at each choice point it takes a choice tagged
 * for the persona when one is open (uniformly among them), else any open choice uniformly.
 * Chance is drawn as in play. Run i of every persona has the same game seed, so personas
 * differ by their intents, not by their luck.
 */
export function personaRuns(story: Story, runs: number, seed: number): PersonasReport {
  const endings = endingIds(story);
  const personas = (story.personas ?? []).map((persona): PersonaResult => {
    const counts = new Map<string, number>();
    let stuck = 0;
    let decisions = 0;
    let steered = 0;
    for (let i = 0; i < runs; i++) {
      const game = gameSeed(seed, i);
      let state = startGame(story, { seed: game, render: false }).state;
      for (let step = 0; !state.ending; step++) {
        const open = story.scenes[state.scene]!.choices.filter(
          (choice) => choiceStatus(story, state, choice) === 'open',
        );
        if (open.length === 0) break;
        const tagged = open.filter((choice) => choice.personas?.includes(persona.id));
        decisions++;
        if (tagged.length) steered++;
        const pool = tagged.length ? tagged : open;
        const pick = pool[indexDraw(pool.length, game, `persona ${persona.id}`, step)]!;
        const result = takeChoice(story, state, pick.id, { render: false });
        if (!result.ok) break;
        state = result.state;
      }
      if (state.ending) counts.set(state.ending, (counts.get(state.ending) ?? 0) + 1);
      else stuck++;
    }
    return {
      id: persona.id,
      title: persona.title,
      runs,
      endings: endings.map((id) => ({
        id,
        title: story.scenes[id]!.ending!.title,
        share: runs ? (counts.get(id) ?? 0) / runs : 0,
      })),
      stuck,
      steered: decisions ? steered / decisions : 0,
    };
  });
  return { seed, personas };
}
