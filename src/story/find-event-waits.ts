import type { Story } from './types.js';
import type { ParseContext } from './parse-context.js';
import { walkStatements } from './walk-statements.js';

/**
 * An event's own body may not spend time. Events fire for the time that has passed; a wait in
 * a dawn event passes more midnights and fires it again (a day's wait does so without end),
 * and a wait in a deadline event runs the clock on behind every choice that crosses it.
 * Time spent after an event belongs in the scene it jumps to, which may wait as any scene
 * may: the clock still only moves forward, and that scene still offers its choices.
 */
export function findEventWaits(story: Story, ctx: ParseContext): void {
  for (const event of story.events) {
    walkStatements(event.body, (statement) => {
      if (statement.kind !== 'wait' && statement.kind !== 'wait-until') return;
      ctx.report(
        statement.pos,
        `an @on ${event.trigger} event cannot spend time itself (it would fire again as the clock passes): jump to a scene that waits instead`,
      );
    });
  }
}
