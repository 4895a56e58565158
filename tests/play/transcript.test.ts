import { describe, expect, it } from 'vitest';
import { listChoices } from '../../src/engine/index.js';
import { chooseOpen, openSession, runOf, undoSession, type Session } from '../../src/play/session.js';
import { NEW_SITTING, recordRun, transcriptText } from '../../src/play/transcript.js';
import { storyFrom, TINY_SOURCE } from '../save/helpers.js';

const story = storyFrom(TINY_SOURCE);

function pick(session: Session, label: string): Session {
  const open = listChoices(story, session.step.state).filter((c) => c.available);
  const next = chooseOpen(
    session,
    open.findIndex((c) => c.label.startsWith(label)),
  );
  if (typeof next === 'string') throw new Error(next);
  return next;
}

describe('the transcript', () => {
  // Count the jar (5 m), call mother (30 m, +300 cash), undo that, then hide until dark (12 h): the timeout ending
  let session = openSession(story, { seed: 5 });
  session = pick(session, 'Count');
  session = pick(session, 'Call');
  const undone = undoSession(session);
  if (typeof undone === 'string') throw new Error(undone);
  session = pick(undone, 'Hide');
  const text = transcriptText(story, runOf(session), { file: 'tests/fixtures/tiny.pusher' });

  it('opens with the title and the seed', () => {
    expect(text.startsWith('A Tiny Debt\nSeed 5\n')).toBe(true);
  });

  it('has every scene, the meters at each step and each choice with its time, number, cost and what it moved', () => {
    expect(text).toContain('[Mon 08:00 · Debt 1,000 kr · 4 h left (deadline Mon 12:00) · Cash 200 kr]');
    expect(text).toContain('Two hundred, give or take.');
    expect(text).toContain('> Mon 08:00  1) Count the jar.  [5 m]  (Time −5 m)');
    expect(text).toContain('> Mon 08:05  4) Hide under the bed until it is dark.  [12 h]  (Time −11 h 55 m)');
    expect(text).toContain('[Mon 20:00 · Debt 1,000 kr · overdue 8 h (deadline Mon 12:00) · Cash 200 kr]');
    // in order: the first choice's line comes before the second scene's meters
    expect(text.indexOf('1) Count the jar.')).toBeLessThan(text.indexOf('[Mon 08:05'));
  });

  it('is the run that happened: the undone call to mother is not in it', () => {
    expect(text).not.toContain('Call your mother');
    expect(text).not.toContain('She listens');
  });

  it('ends with the ending, the week and the command that replays it', () => {
    expect(text).toContain('THE END — Night Falls\nDays survived: 1 · Final debt: 1,000 kr · Seed: 5');
    expect(text).toMatch(/The week:\nDebt {2}[▁-█]+\n {6}1,000 kr throughout\nTime {2}[▁-█]+\n/);
    expect(text).toContain('End, Mon 20:00: debt 1,000 kr, overdue 8 h.');
    expect(text.endsWith('Play this run again: pusher play tests/fixtures/tiny.pusher --seed 5 --choices 1,4\n')).toBe(
      true,
    );
  });

  it('says where an unfinished run stops', () => {
    const early = transcriptText(story, { start: { seed: 5 }, taken: [] });
    expect(early).toContain('The run stops here, unfinished, at Mon 08:00.');
    expect(early).toContain('Play this run again: pusher play --seed 5\n');
    expect(early).not.toContain('THE END');
  });
});

describe('the transcript of a sitting', () => {
  const ended = (seed: number) => {
    let session = openSession(story, { seed });
    session = pick(session, 'Hide');
    return runOf(session);
  };

  it('keeps every run that ended when the player plays again, the run in play last', () => {
    const first = ended(1);
    let { sitting, text } = recordRun(NEW_SITTING, story, { start: first.start, taken: [] });
    ({ sitting, text } = recordRun(sitting, story, first));
    ({ sitting, text } = recordRun(sitting, story, { start: { seed: 2 }, taken: [] }));
    expect(text.split('\nSeed ')).toHaveLength(3);
    expect(text.indexOf('Seed 1\n')).toBeLessThan(text.indexOf('THE END'));
    expect(text.indexOf('THE END')).toBeLessThan(text.indexOf('Seed 2\n'));
    expect(text).toContain(`\n${'='.repeat(78)}\n`);
    expect(text.endsWith('Play this run again: pusher play --seed 2\n')).toBe(true);
    // an undo at the ending is the same run: nothing is kept twice
    ({ text } = recordRun(recordRun(sitting, story, ended(2)).sitting, story, { start: { seed: 2 }, taken: [] }));
    expect(text.match(/THE END/g)).toHaveLength(1);
  });

  it('drops a run left unfinished for another', () => {
    const { sitting } = recordRun(NEW_SITTING, story, { start: { seed: 1 }, taken: [] });
    const { text } = recordRun(sitting, story, ended(3));
    expect(text).not.toContain('Seed 1\n');
    expect(text.startsWith('A Tiny Debt\nSeed 3\n')).toBe(true);
  });
});
