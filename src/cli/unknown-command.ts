// `pusher chek`: play is the default command and takes a story file, so a mistyped command
// arrives as a file name. When no such file exists and the word is no path, it was a command.
import { nearestName } from '../story/did-you-mean.js';

/**
 * What to say about `word` given as play's story file, or null when it is a file (or looks
 * like a path, which the story loader reports better).
 */
export function unknownCommand(word: string, commands: string[], exists: (path: string) => boolean): string | null {
  if (exists(word) || /[./\\]/.test(word)) return null;
  const near = nearestName(word, commands);
  return near
    ? `unknown command '${word}', did you mean '${near}'?`
    : `unknown command '${word}', and no story file of that name (commands: ${commands.join(', ')}; pusher --help)`;
}
