import { writtenCost } from '../story/written-cost.js';
import type { Statement, Story, Text } from '../story/types.js';
import { formatWeekTime } from '../story/week-time.js';
import { returnTargets } from '../story/tunnels.js';
import { safeLine } from '../text/safe-text.js';

// Labels come from the story file: on the map they are one line, without control sequences, and cut.
const LABEL_LENGTH = 80;

/** A box on the story map: a scene, an ending, or a story-wide trigger (`@on`, `@timeout`). */
export interface MapNode {
  id: string;
  kind: 'scene' | 'ending' | 'trigger';
  /** what the box says: the scene id, the ending's title, or the trigger */
  label: string;
  start: boolean;
}

/** An arrow: a choice, a jump, a chance branch, or a trigger firing. */
export interface MapEdge {
  from: string;
  to: string;
  kind: 'choice' | 'jump' | 'trigger';
  /** the choice's label and cost, a chance branch's odds, or empty for a plain jump */
  label: string;
}

export interface StoryMap {
  title: string;
  nodes: MapNode[];
  edges: MapEdge[];
}

/** Prose as an author would recognise it on a map: `{…}` stands for what is filled in at play. */
export function plainLabel(text: Text): string {
  const label = text
    .map((part) =>
      part.kind === 'lit'
        ? part.text
        : part.kind === 'expr' && part.expr.kind === 'name'
          ? `{${part.expr.name}}`
          : part.kind === 'vary'
            ? `{${plainLabel(part.items[0] ?? [])}|…}`
            : '{…}',
    )
    .join('');
  return safeLine(label, LABEL_LENGTH);
}

type Exit = { to: string; percent: number | null; note?: string };

/**
 * Where a body can leave to: each jump, each chance branch with its odds, each tunnel call
 * (`tunnel, then next`), and each `->->` to where its tunnel's callers go on. `if` blocks included.
 */
function exitsOf(body: Statement[], returns: string[] = []): Exit[] {
  const exits: Exit[] = [];
  const walk = (statements: Statement[]) => {
    for (const statement of statements) {
      if (statement.kind === 'jump') exits.push({ to: statement.target, percent: null });
      else if (statement.kind === 'tunnel')
        exits.push({ to: statement.target, percent: null, note: `tunnel, then ${statement.next}` });
      else if (statement.kind === 'return') for (const to of returns) exits.push({ to, percent: null, note: 'return' });
      else if (statement.kind === 'chance')
        for (const branch of statement.branches) exits.push({ to: branch.target, percent: branch.percent });
      else if (statement.kind === 'if') for (const branch of statement.branches) walk(branch.body);
    }
  };
  walk(body);
  return exits;
}

const withOdds = (label: string, percent: number | null, note?: string) => {
  const odds = percent === null ? label : label ? `${label} ${percent}%` : `${percent}%`;
  return note ? (odds ? `${odds} (${note})` : `(${note})`) : odds;
};

/**
 * The story's scene graph as written, for `pusher map`: every scene and ending, every choice
 * (label and cost) to every scene it can lead to, jumps and chance branches with their odds,
 * and the story-wide triggers that can send the player anywhere. Scenes come in the order
 * a reader meets them from the start; scenes nothing leads to come last.
 */
export function buildStoryMap(story: Story): StoryMap {
  const edges: MapEdge[] = [];
  for (const id of story.sceneOrder) {
    const scene = story.scenes[id]!;
    const returns = returnTargets(story, id);
    for (const exit of exitsOf(scene.body, returns))
      edges.push({ from: id, to: exit.to, kind: 'jump', label: withOdds('', exit.percent, exit.note) });
    for (const choice of scene.choices) {
      const gated = choice.hiddenUnless.length + choice.lockedUnless.length > 0 ? ' (gated)' : '';
      const once = choice.once ? ' (once)' : '';
      const label = `${plainLabel(choice.label)} [${writtenCost(choice)}]${gated}${once}`;
      const exits = exitsOf(choice.body, returns);
      if (choice.target) exits.push({ to: choice.target, percent: null });
      for (const exit of exits)
        edges.push({ from: id, to: exit.to, kind: 'choice', label: withOdds(label, exit.percent, exit.note) });
    }
  }

  const triggers: MapNode[] = [];
  const addTrigger = (id: string, label: string, exits: Exit[]) => {
    if (exits.length === 0) return;
    triggers.push({ id, kind: 'trigger', label, start: false });
    for (const exit of exits) edges.push({ from: id, to: exit.to, kind: 'trigger', label: withOdds('', exit.percent) });
  };
  story.events.forEach((event, i) =>
    addTrigger(
      `@on_${event.trigger}_${i + 1}`,
      `@on ${event.trigger}${event.when ? ' when …' : ''}`,
      exitsOf(event.body),
    ),
  );
  addTrigger('@timeout', `@timeout ${formatWeekTime(story.timeout.at)}`, [{ to: story.timeout.target, percent: null }]);

  const order = readingOrder(
    story,
    edges,
    triggers.map((trigger) => trigger.id),
  );
  const scenes: MapNode[] = order.map((id) => {
    const ending = story.scenes[id]!.ending;
    return {
      id,
      kind: ending ? 'ending' : 'scene',
      label: ending ? safeLine(ending.title, LABEL_LENGTH) : id,
      start: id === story.start,
    };
  });
  return { title: safeLine(story.title, LABEL_LENGTH), nodes: [...scenes, ...triggers], edges };
}

/** Breadth first from the start, then from the triggers, then whatever nothing leads to, in file order. */
function readingOrder(story: Story, edges: MapEdge[], triggers: string[]): string[] {
  const out = new Map<string, string[]>();
  for (const edge of edges) {
    const list = out.get(edge.from);
    if (list) list.push(edge.to);
    else out.set(edge.from, [edge.to]);
  }
  const seen = new Set<string>();
  const order: string[] = [];
  const breadthFirst = (from: string[]) => {
    const queue = [...from];
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i]!;
      if (seen.has(id)) continue;
      seen.add(id);
      if (story.scenes[id]) order.push(id);
      for (const to of out.get(id) ?? []) if (!seen.has(to)) queue.push(to);
    }
  };
  breadthFirst([story.start]);
  breadthFirst(triggers);
  return [...order, ...story.sceneOrder.filter((id) => !seen.has(id))];
}
