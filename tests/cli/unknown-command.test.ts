import { describe, expect, it } from 'vitest';
import { unknownCommand } from '../../src/cli/unknown-command.js';

const COMMANDS = ['play', 'saves', 'endings', 'check', 'map', 'help'];
const none = () => false;

describe('unknownCommand', () => {
  it('names the nearest command for a near miss', () => {
    expect(unknownCommand('chek', COMMANDS, none)).toBe("unknown command 'chek', did you mean 'check'?");
    expect(unknownCommand('ending', COMMANDS, none)).toBe("unknown command 'ending', did you mean 'endings'?");
  });

  it('lists the commands when nothing is near', () => {
    expect(unknownCommand('frobnicate', COMMANDS, none)).toBe(
      "unknown command 'frobnicate', and no story file of that name (commands: play, saves, endings, check, map, help; pusher --help)",
    );
  });

  it('leaves a file that exists, and anything that looks like a path, to the story loader', () => {
    expect(unknownCommand('chek', COMMANDS, (path) => path === 'chek')).toBeNull();
    for (const path of ['chek.pusher', './chek', 'stories/chek', 'C:\\chek'])
      expect(unknownCommand(path, COMMANDS, none)).toBeNull();
  });
});
