import { buildStoryMap, type StoryMap } from '../tools/map-graph.js';
import { formatMapOutline } from '../tools/map-outline.js';
import { formatMapMermaid } from '../tools/map-mermaid.js';
import { formatMapDot } from '../tools/map-dot.js';
import { loadStory } from './load-story.js';
import { writeOutputFile } from './write-output-file.js';
import { EXIT_OK } from './exit-codes.js';

export const MAP_FORMATS = ['outline', 'mermaid', 'dot'] as const;
export type MapFormat = (typeof MAP_FORMATS)[number];

export interface MapOptions {
  format: MapFormat;
  /** write here instead of standard output */
  output?: string;
}

const FORMATTERS: Record<MapFormat, (map: StoryMap) => string> = {
  outline: formatMapOutline,
  mermaid: formatMapMermaid,
  dot: formatMapDot,
};

/** `pusher map [file]`: the scene graph as an outline, a Mermaid flowchart or a Graphviz digraph. */
export function runMap(file: string | undefined, options: MapOptions, io: { out: (text: string) => void }): number {
  const text = FORMATTERS[options.format](buildStoryMap(loadStory(file)));
  if (options.output) writeOutputFile(options.output, text);
  else io.out(text);
  return EXIT_OK;
}
