import { posix } from 'node:path';
import type { Scene, SourcePos, Story, VarDecl } from './types.js';
import type { Problem } from './problem.js';
import { compareProblems } from './problem.js';
import { ParseContext } from './parse-context.js';
import { indentedBody, isBlank, isComment, posIn, splitLines, type SourceLine } from './source-lines.js';
import { parseDirective, type Directives } from './parse-directive.js';
import { parseScene } from './parse-scene.js';
import { validateStory } from './validate-story.js';

/** Reads a story file by path; undefined when there is no such file. The only door to I/O. */
export type ReadSource = (path: string) => string | undefined;

export interface ParseResult {
  /** null when the story has problems */
  story: Story | null;
  problems: Problem[];
  /** every file read, for showing problems in context */
  sources: Record<string, string>;
  /**
   * the story even though it has problems, when every one of them leaves it playable, so
   * `check` can also walk it and report its dead ends in the same run
   */
  playable?: Story;
}

const MAX_INCLUDE_DEPTH = 32;

/**
 * Parses and validates a story from its main file. Pure apart from `read`: every file is
 * fetched through it, so tests pass a map and the CLI passes the file system.
 */
export function parseStory(entry: string, read: ReadSource): ParseResult {
  const ctx = new ParseContext();
  const sources: Record<string, string> = {};
  const directives: Directives = { vars: [], events: [], includes: [] };
  const scenes: Scene[] = [];
  const active: string[] = [];

  const parseFile = (path: string, depth: number): void => {
    const text = read(path);
    if (text === undefined) return;
    sources[path] = text;
    active.push(path);
    const lines = splitLines(path, text);
    let i = 0;
    while (i < lines.length) {
      const line = lines[i]!;
      if (isBlank(line) || isComment(line)) {
        i++;
      } else if (line.text.startsWith('@')) {
        const body = line.text.startsWith('@on') ? indentedBody(lines, i) : [];
        const includesBefore = directives.includes.length;
        parseDirective(line, body, directives, ctx);
        i += 1 + body.length;
        for (const include of directives.includes.slice(includesBefore)) {
          includeFile(include.path, include.pos, path, depth);
        }
      } else if (line.text.startsWith('===')) {
        const end = sceneEnd(lines, i);
        const scene = parseScene(lines.slice(i, end), ctx);
        if (scene) scenes.push(scene);
        i = end;
      } else {
        ctx.report(posIn(line), 'text outside a scene: start a scene with `=== scene_id` first');
        i = sceneEnd(lines, i);
      }
    }
    active.pop();
  };

  const includeFile = (relative: string, where: SourcePos, from: string, depth: number) => {
    const path = posix.normalize(posix.join(posix.dirname(from), relative));
    if (active.includes(path)) ctx.report(where, `'${relative}' includes itself (through ${active.join(' → ')})`);
    else if (depth >= MAX_INCLUDE_DEPTH) ctx.report(where, 'includes are nested too deeply');
    else if (sources[path] !== undefined) ctx.report(where, `'${relative}' is already included`);
    else if (read(path) === undefined) ctx.report(where, `cannot read '${relative}' (looked for ${path})`);
    else parseFile(path, depth + 1);
  };

  if (read(entry) === undefined) {
    return { story: null, problems: [{ file: entry, line: 0, col: 0, message: 'cannot read the story file' }], sources };
  }
  parseFile(entry, 0);

  const story = assemble(entry, directives, scenes, sources, ctx);
  if (story) validateStory(story, directives, ctx);
  const problems = [...ctx.problems].sort(compareProblems);
  const playable = story && problems.length > 0 && ctx.playable ? { playable: story } : {};
  return { story: problems.length === 0 ? story : null, problems, sources, ...playable };
}

/** A scene runs until the next scene header or top-level directive. */
function sceneEnd(lines: SourceLine[], start: number): number {
  let end = start + 1;
  while (end < lines.length && !lines[end]!.text.startsWith('===') && !(lines[end]!.text.startsWith('@') && lines[end]!.indent === 0)) end++;
  return end;
}

function assemble(entry: string, d: Directives, scenes: Scene[], sources: Record<string, string>, ctx: ParseContext): Story | null {
  const top = { file: entry, line: 1, col: 1 };
  const required: Array<[keyof Directives, string]> = [
    ['start', '@start names no first scene'],
    ['timeout', '@timeout is missing: the week must end (`@timeout Sun 23:00 -> ending`)'],
  ];
  for (const [key, message] of required) if (!d[key]) ctx.report(top, message);

  const vars: Record<string, VarDecl> = {};
  for (const decl of d.vars) {
    const existing = vars[decl.name];
    if (existing) ctx.report(decl.pos, `'${decl.name}' is already declared at ${existing.pos.file}:${existing.pos.line}`);
    else if (['clock', 'day', 'hour'].includes(decl.name)) ctx.report(decl.pos, `'${decl.name}' is kept by the game and cannot be declared`);
    else vars[decl.name] = decl;
  }
  // The story's own meters: whatever it marks, and nothing when it marks nothing.
  const meters: Story['meters'] = { money: null, time: null };
  for (const [kind, type, what] of [
    ['money', 'int', 'a whole-number @var'],
    ['time', 'time', 'a @time'],
  ] as const) {
    const meter = d.meters?.[kind];
    if (!meter) continue;
    const decl = vars[meter.name];
    if (!decl) ctx.report(meter.pos, `unknown name '${meter.name}': the ${kind} meter must be ${what}`);
    else if (decl.type !== type) ctx.report(meter.pos, `'${meter.name}' cannot be the ${kind} meter: it must be ${what}`);
    else meters[kind] = meter.name;
  }
  if (!meters.time && !d.meters?.time) {
    for (const event of d.events)
      if (event.trigger === 'deadline')
        ctx.report(event.pos, '`@on deadline` needs a time meter to watch: `@meter time NAME` names the @time it counts down to');
  }

  const sceneMap: Record<string, Scene> = {};
  for (const scene of scenes) {
    const existing = sceneMap[scene.id];
    if (existing) ctx.report(scene.pos, `scene '${scene.id}' is already defined at ${existing.pos.file}:${existing.pos.line}`);
    else sceneMap[scene.id] = scene;
  }
  if (!d.start || !d.timeout) return null;
  return {
    id: d.id?.value ?? posix.basename(entry).replace(/\.[^.]*$/, ''),
    title: d.title?.value ?? d.id?.value ?? 'Untitled',
    note: d.note?.value ?? null,
    start: d.start.value,
    clockStart: d.clock?.value ?? 0,
    timeout: { at: d.timeout.at, target: d.timeout.target },
    vars,
    varOrder: Object.keys(vars),
    events: d.events,
    scenes: sceneMap,
    sceneOrder: Object.keys(sceneMap),
    meters,
    sources,
    ...(d.personas?.length ? { personas: d.personas } : {}),
  };
}

