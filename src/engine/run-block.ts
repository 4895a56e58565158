import type { Statement, Text } from '../story/types.js';
import { READ_ONLY_TYPES } from '../story/types.js';
import { evaluate } from '../story/expression/evaluate-expression.js';
import { assign, passTimeTo, scopeOf, type RunContext } from './run-context.js';
import { renderText } from './render-text.js';

export function typeOfName(ctx: RunContext) {
  return (name: string) => ctx.story.vars[name]?.type ?? READ_ONLY_TYPES[name as keyof typeof READ_ONLY_TYPES];
}

export function textOf(ctx: RunContext, text: Text, site: DrawSite | null = null): string {
  return renderText(text, scopeOf(ctx), typeOfName(ctx), site && { seed: ctx.seed, ...site });
}

/** Where the draws of a block are keyed: its container and that scene's visit count. */
export interface DrawSite {
  container: string;
  visit: number;
}

/**
 * Runs statements in order. Returns the scene to go to when a jump or chance draw leaves
 * the block, or null when the block runs to its end.
 */
export function runBlock(ctx: RunContext, body: Statement[], site: DrawSite): string | null {
  for (const statement of body) {
    switch (statement.kind) {
      case 'para':
        if (ctx.paragraphs) {
          const text = textOf(ctx, statement.text, site);
          if (text) ctx.paragraphs.push(text);
        }
        break;
      case 'effect': {
        const value = evaluate(statement.value, scopeOf(ctx));
        if (statement.op === '=') assign(ctx, statement.name, value);
        else {
          const current = ctx.vars[statement.name] as number;
          const delta = value as number;
          assign(ctx, statement.name, statement.op === '+=' ? current + delta : current - delta);
        }
        break;
      }
      // A wait that reaches the week's end leaves the block for the @timeout ending at once.
      case 'wait':
        if (passTimeTo(ctx, ctx.clock + Math.max(0, evaluate(statement.duration, scopeOf(ctx)) as number)))
          return weekEnds(ctx);
        break;
      case 'wait-until': {
        const until = evaluate(statement.time, scopeOf(ctx)) as number;
        if (until > ctx.clock && ctx.transition) ctx.transition.pinned = true;
        if (passTimeTo(ctx, until)) return weekEnds(ctx);
        break;
      }
      case 'jump':
        return statement.target;
      case 'tunnel':
        ctx.returns = [...ctx.returns, statement.next];
        return statement.target;
      case 'return': {
        // The validator proves every `->->` has a caller; this only turns a bug into an error.
        const next = ctx.returns[ctx.returns.length - 1];
        if (next === undefined) throw new Error(`'->->' with no tunnel to return from (at ${site.container})`);
        ctx.returns = ctx.returns.slice(0, -1);
        return next;
      }
      case 'chance': {
        const percents = statement.branches.map((branch) => branch.percent);
        const index = ctx.choose(percents, {
          seed: ctx.seed,
          container: site.container,
          visit: site.visit,
          ordinal: statement.ordinal,
          targets: statement.branches.map((branch) => branch.target),
        });
        return statement.branches[index]!.target;
      }
      case 'if': {
        const scope = scopeOf(ctx);
        const branch = statement.branches.find(
          (candidate) => candidate.cond === null || evaluate(candidate.cond, scope),
        );
        if (branch) {
          const target = runBlock(ctx, branch.body, site);
          if (target !== null) return target;
        }
        break;
      }
    }
  }
  return null;
}

/** The week's end reached inside a block: the run leaves for the timeout's ending (tools hear the takeover). */
function weekEnds(ctx: RunContext): string {
  if (ctx.transition && !ctx.transition.takeover)
    ctx.transition.takeover = { clock: ctx.clock, event: '@timeout', spoke: false };
  return ctx.story.timeout.target;
}
