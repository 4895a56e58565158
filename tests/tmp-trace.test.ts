import { it } from 'vitest';
import { loadStory } from '../src/cli/load-story.js';
import { startGame } from '../src/engine/start-game.js';
import { takeChoice } from '../src/engine/take-choice.js';
import { choiceStatus } from '../src/engine/list-choices.js';
import { indexDraw } from '../src/engine/seeded-draw.js';
import { gameSeed } from '../src/tools/random-runs.js';
it('trace', () => {
  const story = loadStory('story/main.pusher');
  const persona = 'run_with_vic';
  const tails = new Map<string, number>();
  for (let i = 0; i < 200; i++) {
    const game = gameSeed(1, i);
    let state = startGame(story, { seed: game, render: false }).state;
    const path: string[] = [];
    for (let step = 0; !state.ending; step++) {
      const open = story.scenes[state.scene]!.choices.filter((c) => choiceStatus(story, state, c) === 'open');
      const tagged = open.filter((c) => c.personas?.includes(persona));
      const pool = tagged.length ? tagged : open;
      const pick = pool[indexDraw(pool.length, game, `persona ${persona}`, step)]!;
      const r = takeChoice(story, state, pick.id, { render: false });
      if (!r.ok) break;
      if (r.state.vars['vic_trust'] !== state.vars['vic_trust']) path.push(`${pick.id}${tagged.length ? '' : '?'}:${state.vars['vic_trust']}->${r.state.vars['vic_trust']}`);
      state = r.state;
    }
    const key = path.slice(0, 8).join(' > ') + ' => ' + state.ending;
    tails.set(key, (tails.get(key) ?? 0) + 1);
  }
  console.log([...tails].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${v} ${k}`).join('\n'));
});
