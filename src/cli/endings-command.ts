import { loadStory } from './load-story.js';
import { EXIT_OK } from './exit-codes.js';
import { dataDir } from '../save/data-dir.js';
import { readProfile } from '../save/profile-store.js';
import { recordOf } from '../save/profile.js';
import { gallery, gallerySummary } from '../save/gallery.js';
import { galleryLines } from './plain/format-lines.js';
import { jsonDocument } from './json-output.js';

/** `pusher endings [file] [--json]`: the endings found across every run, the rest as ???. */
export function runEndings(
  file: string | undefined,
  options: { json?: boolean },
  io: { out: (t: string) => void; err: (t: string) => void },
): number {
  const story = loadStory(file);
  const read = readProfile(dataDir());
  if (read.notice) io.err(read.notice);
  const g = gallery(story, recordOf(read.profile, story.id));
  if (options.json) {
    // Undiscovered endings stay secret here too: no id, no title.
    const endings = g.entries.map((entry) =>
      entry.found ? { id: entry.id, title: entry.title, found: entry.found } : { id: null, title: null, found: null },
    );
    io.out(
      jsonDocument('endings', {
        story: story.id,
        found: g.found,
        total: g.total,
        choicesTaken: g.choicesTaken,
        choicesTotal: g.choicesTotal,
        percent: g.percent,
        summary: gallerySummary(g),
        endings,
      }),
    );
    return EXIT_OK;
  }
  for (const line of galleryLines(g)) io.out(line);
  return EXIT_OK;
}
