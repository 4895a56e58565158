import { useEffect, useMemo, useReducer } from 'react';
import { Box, Static, Text, useApp, useInput, useIsScreenReaderEnabled, useStdin } from 'ink';
import type { Story, Value } from '../../story/types.js';
import { meterDeltas, readMeters } from '../../engine/index.js';
import { stripControl } from '../../text/strip-control.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useTypewriter } from '../hooks/use-typewriter.js';
import { keyAction } from '../keys.js';
import { choicesHeight, DEBUG_PANEL_WIDTH, debugGrid, fitsLive, layoutFor, metersHeight, proseHeight } from '../layout.js';
import type { LeaveSignal } from '../leave-signal.js';
import { proseLength } from '../reveal.js';
import { choicesOf, openSession, playScripted, type Session } from '../session.js';
import { initialScreen, reduceScreen } from '../screen-state.js';
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

  const [screen, dispatch] = useReducer(reduceScreen, props, (p) =>
    initialScreen(firstSession(p), Boolean(p.story.note) && p.scripted.length === 0, p.anim),
  );
  const { session, noteOpen, overlay, selected, message, leaving } = screen;

  const { state, paragraphs } = session.step;
  const ending = state.ending !== null;
  const meters = readMeters(story, state);
  const deltas = session.before ? meterDeltas(story, session.before, state) : null;
  const choices = useMemo(() => choicesOf(session), [session]);

  // The prose stays live (it reflows on resize) only while the whole frame fits the terminal.
  const debugBelow = size.columns < layout.width + 1 + DEBUG_PANEL_WIDTH;
  const debugWidth = debugBelow ? layout.width : Math.min(size.columns - layout.width - 1, 120);
  const debugMax = debugBelow ? Math.max(6, Math.floor(size.rows / 3)) : size.rows - 1;
  const debugHeight = debug && debugBelow ? debugGrid(story.varOrder.map((n) => n), debugWidth, debugMax).height : 0;
  const fits = fitsLive(size.rows, {
    prose: proseHeight(paragraphs, layout.width),
    meters: metersHeight(layout, meters.status.length),
    choices: ending ? 1 : choicesHeight(choices.all, layout),
    extra: 1 + (message ? 1 : 0) + debugHeight,
  });
  const live = !session.committed && fits;
  const typer = useTypewriter(live ? proseLength(paragraphs) : 0, {
    enabled: anim && !sr && live && screen.skipped !== session.stepNo,
    paused: noteOpen,
    resetKey: session.stepNo,
  });

  useEffect(() => {
    if (!session.committed && !fits) dispatch({ type: 'commit' });
  }, [session.committed, fits]);
  useEffect(() => {
    if (ending && typer.done && !session.committed) dispatch({ type: 'close-run' });
  }, [ending, typer.done, session.committed]);
  useEffect(() => props.leaveSignal?.subscribe((code) => dispatch({ type: 'leave', code })), [props.leaveSignal]);
  useEffect(() => {
    if (leaving === null) return;
    props.onExit?.(leaving);
    exit();
  }, [leaving]);

  useInput(
    (input, key) => {
      const action = keyAction(input, key);
      // Only r or Enter can start another run (at an ending), so only they draw a fresh seed.
      const again = action.type === 'restart' || action.type === 'enter';
      const restart = { seed: again ? props.newSeed() : 0, from: props.from, set: props.set };
      dispatch({ type: 'key', action, typing: !typer.done, stepNo: session.stepNo, restart });
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
        <Box flexDirection={debugBelow ? 'column' : 'row'} columnGap={1}>
          {main}
          <DebugPanel story={story} state={state} width={debugWidth} maxHeight={debugMax} />
        </Box>
      ) : (
        main
      )}
    </>
  );
}
