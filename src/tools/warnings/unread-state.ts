import type { Statement, Story, Text } from '../../story/types.js';
import { jumpTargets, walkStatements } from '../../story/walk-statements.js';
import { namesRead } from '../../story/expression/names-read.js';
import { earliestClock, eventCanFireFrom } from '../earliest-clock.js';
import { warningAt, type Warning } from './warning.js';

/**
 * Variables the player always sees count as read everywhere: the story's two meters (and
 * the ending screen's final money line) and every `show` value.
 */
export function shownVariables(story: Story): Set<string> {
  const meters = [story.meters.money, story.meters.time].filter((name): name is string => name !== null);
  return new Set([...meters, ...story.varOrder.filter((name) => story.vars[name]!.show)]);
}

function textReads(text: Text, into: Set<string>): void {
  for (const part of text) {
    if (part.kind === 'expr') namesRead(part.expr, into);
    else if (part.kind === 'cond') {
      namesRead(part.cond, into);
      textReads(part.then, into);
      textReads(part.else, into);
    }
  }
}

/** Every name a body reads: conditions, values, waits and prose. A value feeding its own variable is no read. */
function bodyReads(body: Statement[], into: Set<string>): void {
  walkStatements(body, (statement) => {
    switch (statement.kind) {
      case 'para':
        textReads(statement.text, into);
        break;
      case 'effect': {
        const read = new Set<string>();
        namesRead(statement.value, read);
        read.delete(statement.name);
        for (const name of read) into.add(name);
        break;
      }
      case 'wait':
        namesRead(statement.duration, into);
        break;
      case 'wait-until':
        namesRead(statement.time, into);
        break;
      case 'if':
        for (const branch of statement.branches) if (branch.cond) namesRead(branch.cond, into);
        break;
      default:
        break;
    }
  });
}

/** True when an effect puts a variable back to its declared start (`~ errand_done = false`): a reset, not a debt. */
function isReset(story: Story, statement: Extract<Statement, { kind: 'effect' }>): boolean {
  const { value } = statement;
  return (
    statement.op === '=' &&
    (value.kind === 'int' || value.kind === 'bool' || value.kind === 'time') &&
    value.value === story.vars[statement.name]?.initial
  );
}

/**
 * `unread-state`, by reading the story: a variable set by a scene or a choice that nothing
 * can read afterwards, on any path from there. The scene graph over-approximates the paths
 * (every jump, choice and event that can still fire), so a warning here is never a guess.
 */
export function unreadStateWarnings(story: Story): Warning[] {
  const shown = shownVariables(story);
  const earliest = earliestClock(story);
  const eventReads = story.events.map((event) => {
    const read = new Set<string>();
    if (event.when) namesRead(event.when, read);
    bodyReads(event.body, read);
    return read;
  });
  const own = new Map<string, Set<string>>();
  const next = new Map<string, Set<string>>();
  for (const id of story.sceneOrder) {
    const scene = story.scenes[id]!;
    const read = new Set<string>();
    const successors = new Set<string>([story.timeout.target, ...jumpTargets(scene.body)]);
    bodyReads(scene.body, read);
    story.events.forEach((event, i) => {
      if (!eventCanFireFrom(event, earliest[id] ?? 0)) return;
      for (const name of eventReads[i]!) read.add(name);
      for (const target of jumpTargets(event.body)) successors.add(target);
    });
    for (const choice of scene.choices) {
      textReads(choice.label, read);
      for (const cond of choice.hiddenUnless) namesRead(cond, read);
      for (const lock of choice.lockedUnless) {
        namesRead(lock.cond, read);
        textReads(lock.reason, read);
      }
      bodyReads(choice.body, read);
      if (choice.target) successors.add(choice.target);
      for (const target of jumpTargets(choice.body)) successors.add(target);
    }
    own.set(id, read);
    next.set(id, successors);
  }

  // What can be read from each scene on: its own reads and those of every scene after it.
  const ahead = new Map([...own].map(([id, read]) => [id, new Set(read)]));
  // Scenes mostly lead to scenes written after them: walked from the last, a pass carries
  // most reads all the way back, and the loop settles in a few passes, not dozens.
  const backwards = [...story.sceneOrder].reverse();
  for (let grew = true; grew;) {
    grew = false;
    for (const id of backwards) {
      const mine = ahead.get(id)!;
      for (const target of next.get(id)!) {
        for (const name of ahead.get(target) ?? []) {
          if (!mine.has(name)) {
            mine.add(name);
            grew = true;
          }
        }
      }
    }
  }

  const warnings: Warning[] = [];
  for (const id of story.sceneOrder) {
    const scene = story.scenes[id]!;
    const check = (body: Statement[], where: string) =>
      walkStatements(body, (statement) => {
        if (statement.kind !== 'effect' || shown.has(statement.name) || isReset(story, statement)) return;
        if (ahead.get(id)!.has(statement.name)) return;
        warnings.push(
          warningAt(
            'unread-state',
            statement.pos,
            `'${statement.name}' is set ${where} and nothing reads it afterwards on any path (no condition, value, prose or meter): the player's choice never comes due`,
          ),
        );
      });
    check(scene.body, `in scene '${id}'`);
    for (const choice of scene.choices) check(choice.body, `by choice '${choice.id}'`);
  }
  return warnings;
}
