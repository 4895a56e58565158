import { useEffect, useMemo, useState } from 'react';
import { Box, Static, Text, useApp, useInput, useIsScreenReaderEnabled, useStdin } from 'ink';
import type { Story, Value } from '../../story/types.js';
import { meterDeltas, readMeters } from '../../engine/index.js';
import { stripControl } from '../../text/strip-control.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useTypewriter } from '../hooks/use-typewriter.js';
import { keyAction } from '../keys.js';
import { choicesHeight, DEBUG_PANEL_WIDTH, fitsLive, layoutFor, metersHeight, proseHeight } from '../layout.js';
import type { LeaveSignal } from '../leave-signal.js';
import { proseLength } from '../reveal.js';
import { choicesOf, chooseOpen, closeRun, commitScene, openSession, playScripted, type Session } from '../session.js';
import { ChoiceList } from './ChoiceList.js';
import { ConfirmQuit } from './ConfirmQuit.js';
import { ContentNote } from './ContentNote.js';
import { DebugPanel } from './DebugPanel.js';
import { Farewell } from './Farewell.js';
import { HelpOverlay } from './HelpOverlay.js';
import { HistoryEntry } from './HistoryEntry.js';
import { KeyHint } from './KeyHint.js';
import { MetersPanel } from './MetersPanel.js';
import { SceneText } from './SceneText.js';

export interface AppProps {
  story: Story;
  seed: number;
  /** choice numbers (from 1) to play before reading keys */
  scripted: number[];
  anim: boolean;
  debug: boolean;
  from?: string;
  set?: Record<string, Value>;
  /** the seed for "play again" */
  newSeed: () => number;
  /** called once, with the exit code, just before the App leaves */
  onExit?: (code: number) => void;
  leaveSignal?: LeaveSignal;
}

export const EXIT_INTERRUPTED = 130;

function firstSession(props: AppProps): Session {
  const { story, seed, from, set, scripted } = props;
  // With --choices there is no pause for the note, so it goes into history instead.
  const session = openSession(story, { seed, from, set }, undefined, scripted.length > 0);
  return playScripted(session, scripted);
}

/** The game on a terminal: history above, the live scene, meters and choices below. */
export function App(props: AppProps) {
  const { story, anim, debug } = props;
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const sr = useIsScreenReaderEnabled();
  const size = useTerminalSize();
  const layout = layoutFor(size.columns);

  const [session, setSession] = useState(() => firstSession(props));
  const [noteOpen, setNoteOpen] = useState(() => Boolean(story.note) && props.scripted.length === 0);
  const [overlay, setOverlay] = useState<'none' | 'help' | 'quit'>('none');
  const [selected, setSelected] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [leaving, setLeaving] = useState<number | null>(null);

  const { state, paragraphs } = session.step;
  const ending = state.ending !== null;
  const meters = readMeters(story, state);
  const deltas = session.before ? meterDeltas(story, session.before, state) : null;
  const choices = useMemo(() => choicesOf(session), [session]);

  // The prose stays live (it reflows on resize) only while the whole frame fits the terminal.
  const debugBelow = debug && size.columns < layout.width + DEBUG_PANEL_WIDTH;
  const fits = fitsLive(size.rows, {
    prose: proseHeight(paragraphs, layout.width),
    meters: metersHeight(layout, meters.status.length),
    choices: ending ? 1 : choicesHeight(choices.all, layout),
    extra: 1 + (message ? 1 : 0) + (debugBelow ? story.varOrder.length + 3 : 0),
  });
  const live = !session.committed && fits;
  const typer = useTypewriter(live ? proseLength(paragraphs) : 0, {
    enabled: anim && !sr && live,
    paused: noteOpen,
    resetKey: session.stepNo,
  });

  useEffect(() => {
    if (!session.committed && !fits) setSession(commitScene);
  }, [session.committed, fits]);
  useEffect(() => {
    if (ending && typer.done && !session.committed) setSession(closeRun);
  }, [ending, typer.done, session.committed]);
  useEffect(() => props.leaveSignal?.subscribe(setLeaving), [props.leaveSignal]);
  useEffect(() => {
    if (leaving === null) return;
    props.onExit?.(leaving);
    exit();
  }, [leaving]);

  const pick = (index: number) => {
    const next = chooseOpen(session, index);
    if (typeof next === 'string') {
      setMessage(next);
      return;
    }
    setSession(next);
    setSelected(0);
    setMessage(null);
  };

  useInput(
    (input, key) => {
      const action = keyAction(input, key);
      if (action.type === 'interrupt') return setLeaving(EXIT_INTERRUPTED);
      if (noteOpen) return setNoteOpen(false);
      if (overlay === 'quit') {
        if (action.type === 'yes' || action.type === 'quit') return setLeaving(0);
        return setOverlay('none');
      }
      if (overlay === 'help') return setOverlay('none');
      if (!typer.done) return typer.skip();
      if (action.type === 'help') return setOverlay('help');
      if (ending) {
        if (action.type === 'quit') return setLeaving(0);
        if (action.type === 'restart' || action.type === 'enter') {
          setSession((current) => openSession(story, { seed: props.newSeed(), from: props.from, set: props.set }, current));
          setSelected(0);
          setMessage(null);
        }
        return;
      }
      if (action.type === 'quit') return setOverlay('quit');
      const open = choices.open.length;
      if (action.type === 'digit') return pick(action.n - 1);
      if (action.type === 'up') return setSelected((s) => (s + open - 1) % Math.max(open, 1));
      if (action.type === 'down') return setSelected((s) => (s + 1) % Math.max(open, 1));
      if (action.type === 'enter') return pick(selected);
    },
    { isActive: isRawModeSupported && leaving === null },
  );

  const history = (
    <Static items={session.history}>
      {(item) => <HistoryEntry key={item.id} item={item} story={story} width={layout.width} />}
    </Static>
  );

  if (leaving !== null) {
    return (
      <>
        {history}
        <Farewell clock={state.clock} seed={state.seed} ended={ending} />
      </>
    );
  }

  if (noteOpen) {
    return (
      <>
        {history}
        <ContentNote note={stripControl(story.note ?? '')} width={layout.width} tiny={layout.tiny} />
      </>
    );
  }

  const main = (
    <Box flexDirection="column" width={layout.width}>
      {live && <SceneText paragraphs={paragraphs} width={layout.width} shown={typer.shown} />}
      {message && <Text color="yellow">{message}</Text>}
      <MetersPanel meters={meters} deltas={deltas} window={session.window} layout={layout} sr={sr} />
      {!typer.done ? (
        <KeyHint mode="typing" short={layout.narrow} />
      ) : overlay === 'help' ? (
        <HelpOverlay width={layout.width} tiny={layout.tiny} />
      ) : ending ? (
        <KeyHint mode="ending" short={layout.narrow} />
      ) : (
        <>
          <ChoiceList choices={choices.all} selected={selected} layout={layout} sr={sr} />
          {overlay === 'quit' ? <ConfirmQuit /> : <KeyHint mode="choosing" short={layout.narrow} />}
        </>
      )}
    </Box>
  );

  return (
    <>
      {history}
      {debug ? (
        <Box flexDirection={debugBelow ? 'column' : 'row'}>
          {main}
          <DebugPanel story={story} state={state} width={debugBelow ? layout.width : DEBUG_PANEL_WIDTH} />
        </Box>
      ) : (
        main
      )}
    </>
  );
}
