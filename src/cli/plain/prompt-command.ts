// What the plain player's prompt understands besides a choice number. Pure: reading the
// line is the player's business, doing the command is too.
export type PromptCommand =
  | { type: 'choose'; n: number }
  | { type: 'undo' }
  | { type: 'save'; name: string }
  | { type: 'load'; name: string }
  | { type: 'saves' }
  | { type: 'branches' }
  | { type: 'branch'; decision: number; option: string }
  | { type: 'endings' }
  | { type: 'help' }
  | { type: 'quit' }
  | { type: 'unknown'; text: string };

export const PROMPT_HELP =
  'Type a choice number, or: undo · save NAME · load NAME · saves · branches · branch N L · endings · help · quit';

export function parsePromptCommand(line: string): PromptCommand {
  const text = line.trim();
  if (/^\d+$/.test(text)) return { type: 'choose', n: Number(text) };
  const [word = '', ...rest] = text.split(/\s+/);
  const arg = rest.join(' ');
  switch (word.toLowerCase()) {
    case 'u':
    case 'undo':
      return { type: 'undo' };
    case 'save':
      return { type: 'save', name: arg };
    case 'load':
      return { type: 'load', name: arg };
    case 'saves':
      return { type: 'saves' };
    case 'b':
    case 'branches':
      return { type: 'branches' };
    case 'branch': {
      const match = /^(\d+)\s*([a-z]\d*)$/i.exec(arg);
      return match
        ? { type: 'branch', decision: Number(match[1]), option: match[2]!.toLowerCase() }
        : { type: 'unknown', text };
    }
    case 'e':
    case 'endings':
      return { type: 'endings' };
    case '?':
    case 'help':
      return { type: 'help' };
    case 'q':
    case 'quit':
      return { type: 'quit' };
    default:
      return { type: 'unknown', text };
  }
}
