import type { Expr, SourcePos, Statement, Story, Text, ValueType } from './types.js';
import { READ_ONLY_NAMES, READ_ONLY_TYPES } from './types.js';
import type { ParseContext } from './parse-context.js';
import type { Directives } from './parse-directive.js';
import { describeType, typeOf, type TypeProblem } from './expression/check-expression.js';
import { alwaysLeaves, jumpTargets, mayReturn, walkStatements } from './walk-statements.js';
import { analyseTunnels, returnTargets } from './tunnels.js';
import { didYouMean } from './did-you-mean.js';
import { findEventWaits } from './find-event-waits.js';

/**
 * The checks that need the whole story: names, types, jump targets, ids, endings,
 * ways out, loops of jumps with no choice between, and scenes nothing leads to.
 */
export function validateStory(story: Story, directives: Directives, ctx: ParseContext): void {
  const nameType = (name: string): ValueType | undefined =>
    story.vars[name]?.type ??
    ((READ_ONLY_NAMES as readonly string[]).includes(name) ? READ_ONLY_TYPES[name as (typeof READ_ONLY_NAMES)[number]] : undefined);
  const knownNames = [...Object.keys(story.vars), ...READ_ONLY_NAMES];
  const choiceIdList = story.sceneOrder.flatMap((id) => story.scenes[id]!.choices.map((choice) => choice.id));
  const choiceIdSet = new Set(choiceIdList);
  // `visits(scene)` and `taken(choice)` must name what exists.
  const checkRefs = (expr: Expr): void => {
    switch (expr.kind) {
      case 'visits':
        if (!story.scenes[expr.scene]) ctx.report(expr.pos, `unknown scene '${expr.scene}'${didYouMean(expr.scene, story.sceneOrder)}`);
        break;
      case 'taken':
        if (!choiceIdSet.has(expr.choice)) ctx.report(expr.pos, `unknown choice id '${expr.choice}'${didYouMean(expr.choice, choiceIdList)}`);
        break;
      case 'unary':
        checkRefs(expr.arg);
        break;
      case 'binary':
        checkRefs(expr.left);
        checkRefs(expr.right);
        break;
      case 'call':
        expr.args.forEach(checkRefs);
        break;
      default:
        break;
    }
  };

  const check = (expr: Expr, expected: ValueType | null, what: string): void => {
    const problems: TypeProblem[] = [];
    checkRefs(expr);
    const type = typeOf(expr, nameType, problems);
    for (const problem of problems) {
      const unknown = /^unknown name '([^']+)'/.exec(problem.message);
      ctx.report(problem.pos, unknown ? problem.message.replace(/ \(declare.*$/, didYouMean(unknown[1]!, knownNames) || ' (declare it with @var, @flag or @time)') : problem.message);
    }
    if (type !== null && expected !== null && type !== expected) ctx.report(expr.pos, `${what} must be ${expected === 'bool' ? 'a condition' : describeType(expected)}, not ${describeType(type)}`);
  };
  const checkText = (text: Text): void => {
    for (const part of text) {
      if (part.kind === 'expr') check(part.expr, null, 'an interpolation');
      else if (part.kind === 'cond') {
        check(part.cond, 'bool', 'the condition');
        checkText(part.then);
        checkText(part.else);
      } else if (part.kind === 'vary') for (const item of part.items) checkText(item);
    }
  };
  const checkTarget = (target: string, pos: SourcePos): void => {
    if (target && !story.scenes[target]) ctx.report(pos, `unknown scene '${target}'${didYouMean(target, story.sceneOrder)}`);
  };
  const checkBody = (body: Statement[]): void => {
    walkStatements(body, (statement) => {
      switch (statement.kind) {
        case 'para':
          checkText(statement.text);
          break;
        case 'effect': {
          const decl = story.vars[statement.name];
          if (!decl) {
            const readOnly = (READ_ONLY_NAMES as readonly string[]).includes(statement.name);
            ctx.report(statement.pos, readOnly ? `'${statement.name}' is kept by the game and cannot be set (use ~ wait to pass time)` : `unknown name '${statement.name}'${didYouMean(statement.name, knownNames)}`);
            check(statement.value, null, 'a value');
            break;
          }
          if (statement.op === '=') check(statement.value, decl.type, `the value of '${decl.name}'`);
          else if (decl.type === 'bool') ctx.report(statement.pos, `'${decl.name}' is a flag: set it with = true or = false`);
          else check(statement.value, 'int', `what is added to '${decl.name}'`);
          break;
        }
        case 'wait':
          check(statement.duration, 'int', 'a wait');
          break;
        case 'wait-until':
          check(statement.time, 'time', "'wait until'");
          break;
        case 'jump':
          checkTarget(statement.target, statement.pos);
          break;
        case 'tunnel':
          checkTarget(statement.target, statement.pos);
          checkTarget(statement.next, statement.pos);
          if (story.scenes[statement.target]?.ending)
            ctx.report(statement.pos, `'${statement.target}' is an ending: jump to it with \`-> ${statement.target}\`, it cannot return`);
          break;
        case 'chance':
          for (const branch of statement.branches) checkTarget(branch.target, branch.pos);
          break;
        case 'if':
          for (const branch of statement.branches) if (branch.cond) check(branch.cond, 'bool', 'the condition');
          break;
      }
    });
  };

  // Directives.
  if (directives.start && !story.scenes[story.start]) ctx.report(directives.start.pos, `unknown scene '${story.start}'${didYouMean(story.start, story.sceneOrder)}`);
  if (directives.timeout) {
    const target = story.scenes[story.timeout.target];
    if (!target) ctx.report(directives.timeout.targetPos, `unknown scene '${story.timeout.target}'${didYouMean(story.timeout.target, story.sceneOrder)}`);
    else if (!target.ending) ctx.report(directives.timeout.targetPos, `'${story.timeout.target}' is not an ending`);
    if (story.timeout.at <= story.clockStart) ctx.report(directives.timeout.pos, 'the week ends before the clock starts');
  }
  for (const event of story.events) {
    if (event.when) check(event.when, 'bool', 'an event condition');
    checkBody(event.body);
    walkStatements(event.body, (statement) => {
      if (statement.kind === 'tunnel' || statement.kind === 'return')
        ctx.report(statement.pos, 'an event leaves any tunnel the run is in: it cannot call or return from one');
    });
  }

  // Scenes and choices.
  const choiceIds = new Map<string, SourcePos>();
  for (const id of story.sceneOrder) {
    const scene = story.scenes[id]!;
    checkBody(scene.body);
    if (scene.ending) {
      if (scene.choices.length) ctx.report(scene.choices[0]!.pos, `'${id}' is an ending: it cannot offer choices`);
      const leaving = jumpTargets(scene.body);
      if (leaving.length || mayReturn(scene.body)) ctx.report(scene.pos, `'${id}' is an ending: it cannot jump on`);
      continue;
    }
    if (scene.choices.length === 0 && !alwaysLeaves(scene.body)) {
      ctx.report(scene.pos, `scene '${id}' has no way out: give it a choice or a jump, or make it an ending`);
    }
    for (const choice of scene.choices) {
      const earlier = choiceIds.get(choice.id);
      if (earlier) ctx.reportSoft(choice.pos, `choice id '${choice.id}' is already used at ${earlier.file}:${earlier.line} (give one of them an #id)`);
      else choiceIds.set(choice.id, choice.pos);
      checkText(choice.label);
      if (choice.ledger) checkText(choice.ledger);
      for (const cond of choice.hiddenUnless) check(cond, 'bool', "'hidden unless'");
      for (const lock of choice.lockedUnless) {
        check(lock.cond, 'bool', "'locked unless'");
        checkText(lock.reason);
      }
      checkBody(choice.body);
      for (const persona of choice.personas ?? []) {
        if (!story.personas?.some((known) => known.id === persona))
          ctx.report(choice.pos, `unknown persona '${persona}'${didYouMean(persona, (story.personas ?? []).map((known) => known.id))} (declare it: \`@persona ${persona} "…"\`)`);
      }
      if (choice.target !== null) checkTarget(choice.target, choice.targetPos ?? choice.pos);
      else if (!alwaysLeaves(choice.body)) ctx.report(choice.pos, 'this choice leads nowhere: add `-> scene` to its line, or end its body with a jump');
    }
  }

  for (const problem of analyseTunnels(story).problems) ctx.report(problem.pos, problem.message);
  findJumpLoops(story, ctx);
  findUnreachableScenes(story, ctx);
  findEventWaits(story, ctx);
}

/** Where a scene's own body leaves to with no choice: jumps, chance, tunnel calls and returns. */
function bodySuccessors(story: Story, id: string): string[] {
  const body = story.scenes[id]!.body;
  const targets = jumpTargets(body);
  if (mayReturn(body)) for (const target of returnTargets(story, id)) targets.push(target);
  return targets;
}

/**
 * Jumps that pass through no choice must not loop: the game would spin forever at no cost of
 * time. A depth-first walk with its own stack, so a chain of any length cannot overflow it.
 */
function findJumpLoops(story: Story, ctx: ParseContext): void {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const pending: Array<{ id: string; targets: string[]; next: number }> = [];
  const enter = (id: string) => {
    state.set(id, 'open');
    path.push(id);
    pending.push({ id, targets: [...new Set(bodySuccessors(story, id))], next: 0 });
  };
  for (const root of story.sceneOrder) {
    if (state.has(root)) continue;
    enter(root);
    while (pending.length) {
      const top = pending[pending.length - 1]!;
      if (top.next === top.targets.length) {
        pending.pop();
        path.pop();
        state.set(top.id, 'done');
        continue;
      }
      const target = top.targets[top.next++]!;
      if (!story.scenes[target]) continue;
      if (state.get(target) === 'open') {
        const loop = [...path.slice(path.indexOf(target)), target];
        ctx.report(story.scenes[target]!.pos, `these scenes jump to each other with no choice between: ${describeLoop(loop)}`);
      } else if (!state.has(target)) {
        enter(target);
      }
    }
  }
}

/** A loop as a message shows it: a long one keeps its ends. */
function describeLoop(loop: string[]): string {
  const shown = loop.length > 12 ? [...loop.slice(0, 6), `… (${loop.length - 11} more)`, ...loop.slice(-5)] : loop;
  return shown.join(' -> ');
}

/** Where tunnels called from a body go on once they return. */
function nexts(body: Statement[]): string[] {
  const out: string[] = [];
  walkStatements(body, (statement) => {
    if (statement.kind === 'tunnel') out.push(statement.next);
  });
  return out;
}

function findUnreachableScenes(story: Story, ctx: ParseContext): void {
  const seen = new Set<string>();
  const queue = [story.start, story.timeout.target, ...story.events.flatMap((event) => jumpTargets(event.body))];
  while (queue.length) {
    const id = queue.pop()!;
    const scene = story.scenes[id];
    if (!scene || seen.has(id)) continue;
    seen.add(id);
    for (const target of jumpTargets(scene.body)) queue.push(target);
    for (const target of nexts(scene.body)) queue.push(target);
    for (const choice of scene.choices) {
      if (choice.target) queue.push(choice.target);
      for (const target of jumpTargets(choice.body)) queue.push(target);
      for (const target of nexts(choice.body)) queue.push(target);
    }
  }
  for (const id of story.sceneOrder) {
    if (!seen.has(id)) ctx.reportSoft(story.scenes[id]!.pos, `scene '${id}' is unreachable: nothing leads to it`);
  }
}
