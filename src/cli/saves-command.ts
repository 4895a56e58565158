import { loadStory } from './load-story.js';
import { EXIT_OK } from './exit-codes.js';
import { dataDir } from '../save/data-dir.js';
import { listSlots, savesFolder } from '../save/save-store.js';
import { slotLines } from './plain/format-lines.js';
import { jsonDocument } from './json-output.js';

/** `pusher saves [file] [--json]`: every save of the story, readable or not. */
export function runSaves(file: string | undefined, options: { json?: boolean }, out: (text: string) => void): number {
  const story = loadStory(file);
  const folder = savesFolder(dataDir(), story.id);
  const slots = listSlots(folder);
  if (options.json) {
    const list = slots.map((slot) =>
      slot.ok
        ? {
            name: slot.name,
            ok: true,
            seed: slot.save.seed,
            choices: slot.save.taken.length,
            scene: slot.save.scene,
            clock: slot.save.clock,
            ending: slot.save.ending,
            savedAt: slot.save.savedAt,
          }
        : { name: slot.name, ok: false, problem: slot.problem },
    );
    out(jsonDocument('saves', { story: story.id, folder, saves: list }));
    return EXIT_OK;
  }
  out(`Saves of ${story.id} (${folder}):`);
  for (const line of slotLines(slots)) out(`  ${line}`);
  return EXIT_OK;
}
