import type { Story } from '../story/types.js';
import type { GameState } from '../engine/game-state.js';
import { formatValue } from '../story/format-value.js';
import { stripControl } from '../text/strip-control.js';

/** Every variable and flag of a state, in declaration order, for `--debug`: `debt=1,000`. */
export function debugValues(story: Story, state: GameState): Array<{ name: string; value: string }> {
  return [
    { name: 'scene', value: stripControl(state.scene) },
    ...story.varOrder.map((name) => ({ name, value: formatValue(state.vars[name]!, story.vars[name]!.type) })),
  ];
}
