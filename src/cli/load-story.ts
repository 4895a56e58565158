import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCompiledStory } from '../story/compiled-story.js';
import { parseStory, type ParseResult, type ReadSource } from '../story/parse-story.js';
import { compareProblems, formatProblem, type Problem } from '../story/problem.js';
import { decodeUtf8 } from '../text/decode-utf8.js';
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

/**
 * The shipped story as the build saved it, when `entry` is the shipped story and every one of
 * its files still reads back exactly as it was then; else null (and the story is parsed).
 */
export function compiledShippedStory(entry: string): Story | null {
  if (entry !== defaultStoryPath()) return null;
  // ASCII (compiled-story.ts), so read without UTF-8 decoding
  const compiled = readText(fileURLToPath(COMPILED_STORY_URL), 'latin1');
  return compiled === undefined ? null : loadCompiledStory(compiled, entry, readSource);
}

/**
 * Parses a story from its files. A file that exists but cannot be read says why (not a
 * regular file, too large); bytes that are not UTF-8 are problems at their line and column
 * (the parser still gets text, with U+FFFD in their place), and the story is refused.
 */
export function parseStoryFile(path: string): ParseResult {
  const why = new Map<string, string>();
  const encoding: Problem[] = [];
  const result = parseStory(path, utf8Reader(encoding, why));
  const problems =
    why.size === 0
      ? result.problems
      : result.problems.map((problem) => {
          const entry = problem.line === 0 && why.get(problem.file);
          if (entry) return { ...problem, message: `${problem.message}: ${entry}` };
          const include = [...why].find(([file]) => problem.message.endsWith(`(looked for ${file})`));
          return include ? { ...problem, message: `${problem.message}: ${include[1]}` } : problem;
        });
  if (encoding.length === 0) return { ...result, problems };
  return { ...result, story: null, problems: [...encoding, ...problems].sort(compareProblems) };
}

/** Reads each file once (regular files only, capped), noting where it is not UTF-8 and why it could not be read. */
function utf8Reader(problems: Problem[], why: Map<string, string>): ReadSource {
  const read = new Map<string, string | undefined>();
  return (path) => {
    if (read.has(path)) return read.get(path);
    // latin1 keeps every byte as one character, so the bytes can be decoded (and checked) as UTF-8
    const file = readRegularFile(path, MAX_STORY_FILE_BYTES, 'latin1');
    if (!file.ok && !file.missing) why.set(path, file.problem);
    const decoded = file.ok ? decodeUtf8(Buffer.from(file.text, 'latin1')) : undefined;
    for (const { line, col } of decoded?.invalid ?? []) {
      problems.push({
        file: path,
        line,
        col,
        message: 'this line is not valid UTF-8 (save the file as UTF-8)',
        code: 'encoding',
      });
    }
    read.set(path, decoded?.text);
    return decoded?.text;
  };
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
  const entry = path ?? defaultStoryPath();
  const saved = compiledShippedStory(entry);
  if (saved) return saved;
  const result = parseStoryFile(entry);
  if (!result.story) {
    const count = result.problems.length;
    throw new UserError(`${formatProblems(result)}\n\n${count} problem${count === 1 ? '' : 's'} in the story.`);
  }
  return result.story;
}
