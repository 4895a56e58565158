import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStory } from '../../src/story/parse-story.js';
import type { Story } from '../../src/story/types.js';

export const TINY_SOURCE = readFileSync('tests/fixtures/tiny.pusher', 'utf8');

export function storyFrom(source: string): Story {
  const result = parseStory('story.pusher', (path) => (path === 'story.pusher' ? source : undefined));
  if (!result.story) throw new Error(`story did not parse: ${JSON.stringify(result.problems)}`);
  return result.story;
}

/** A fresh data folder for one test: never the real one. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'pusher-save-test-'));
}
