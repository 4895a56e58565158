import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { parseStory, type ParseResult } from '../story/parse-story.js';
import { formatProblem } from '../story/problem.js';
import type { Story } from '../story/types.js';
import { UserError } from './exit-codes.js';

/** The shipped story, found from the built bundle (dist/) or from the sources (src/cli/). */
export function defaultStoryPath(): string {
  for (const relative of ['../story/main.pusher', '../../story/main.pusher']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  return 'story/main.pusher';
}

export function readSource(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function parseStoryFile(path: string): ParseResult {
  return parseStory(path, readSource);
}

/** All of a parse's problems, each with its line and caret. */
export function formatProblems(result: Pick<ParseResult, 'problems' | 'sources'>): string {
  return result.problems.map((problem) => formatProblem(problem, result.sources)).join('\n\n');
}

/** Loads a story to play; a story with problems is bad input, reported in full. */
export function loadStory(path: string | undefined): Story {
  const result = parseStoryFile(path ?? defaultStoryPath());
  if (!result.story) {
    const count = result.problems.length;
    throw new UserError(`${formatProblems(result)}\n\n${count} problem${count === 1 ? '' : 's'} in the story.`);
  }
  return result.story;
}
