import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCompiledStory } from '../story/compiled-story.js';
import { parseStory, type ParseResult } from '../story/parse-story.js';
import { formatProblem } from '../story/problem.js';
import type { Story } from '../story/types.js';
import { UserError } from './exit-codes.js';
import { MAX_STORY_FILE_BYTES, readRegularFile } from '../save/read-regular-file.js';

/** The shipped story, found from the built bundle (dist/) or from the sources (src/cli/). */
export function defaultStoryPath(): string {
  for (const relative of ['../story/main.pusher', '../../story/main.pusher']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  return 'story/main.pusher';
}

export function readSource(path: string): string | undefined {
  return readText(path, 'utf8');
}

/**
 * A file's text, or undefined when it cannot be read. Only regular files, and at most
 * MAX_STORY_FILE_BYTES: a FIFO or a device (`play /dev/zero`) must not hang or fill memory.
 */
function readText(path: string, encoding: 'utf8' | 'latin1'): string | undefined {
  const read = readRegularFile(path, MAX_STORY_FILE_BYTES, encoding);
  return read.ok ? read.text : undefined;
}

/** Parses a story; a file that exists but cannot be read says why (not a regular file, too large). */
export function parseStoryFile(path: string): ParseResult {
  const why = new Map<string, string>();
  const result = parseStory(path, (file) => {
    const read = readRegularFile(file, MAX_STORY_FILE_BYTES);
    if (read.ok) return read.text;
    if (!read.missing) why.set(file, read.problem);
    return undefined;
  });
  if (why.size === 0) return result;
  const problems = result.problems.map((problem) => {
    const entry = problem.line === 0 && why.get(problem.file);
    if (entry) return { ...problem, message: `${problem.message}: ${entry}` };
    const include = [...why].find(([file]) => problem.message.endsWith(`(looked for ${file})`));
    return include ? { ...problem, message: `${problem.message}: ${include[1]}` } : problem;
  });
  return { ...result, problems };
}

/** All of a parse's problems, each with its line and caret. */
export function formatProblems(result: Pick<ParseResult, 'problems' | 'sources'>): string {
  return result.problems.map((problem) => formatProblem(problem, result.sources)).join('\n\n');
}

/** The shipped story as scripts/build.js saved it beside the bundle (dist/); none in the sources. */
const COMPILED_STORY_URL = new URL('./compiled-story.json', import.meta.url);

/**
 * Loads a story to play; a story with problems is bad input, reported in full. The shipped
 * story comes from the build's saved copy while its files are unchanged, else it is parsed.
 */
export function loadStory(path: string | undefined): Story {
  const shipped = defaultStoryPath();
  const entry = path ?? shipped;
  // ASCII (compiled-story.ts), so read without UTF-8 decoding
  const compiled = entry === shipped ? readText(fileURLToPath(COMPILED_STORY_URL), 'latin1') : undefined;
  const saved = compiled === undefined ? null : loadCompiledStory(compiled, entry, readSource);
  if (saved) return saved;
  const result = parseStoryFile(entry);
  if (!result.story) {
    const count = result.problems.length;
    throw new UserError(`${formatProblems(result)}\n\n${count} problem${count === 1 ? '' : 's'} in the story.`);
  }
  return result.story;
}
