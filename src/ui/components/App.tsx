import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Box, Static, Text, useApp, useInput, useIsScreenReaderEnabled, useStdin, useStdout } from 'ink';
import type { Story, Value } from '../../story/types.js';
import { meterDeltas, readMeters } from '../../engine/index.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useTypewriter } from '../hooks/use-typewriter.js';
import { useBatchedCount } from '../hooks/use-batched-count.js';
import { keyPresses } from '../keys.js';
import {
  choicesHeight,
  DEBUG_PANEL_WIDTH,
  debugGrid,
  fitsLive,
  layoutFor,
  metersHeight,
  MIN_OVERLAY_ROWS,
  overlayRoom,
  proseHeight,
} from '../layout.js';
import { wrapText } from '../../text/wrap-text.js';
import type { LeaveSignal } from '../leave-signal.js';
import type { Run } from '../../engine/run.js';
import type { RedrawSignal } from '../redraw-signal.js';
import { CLEAR_SCREEN } from '../suspend.js';
import { proseLength } from '../reveal.js';
import {
  choicesOf,
  continueSession,
  openSession,
  playScripted,
  resumeLine,
  runOf,
  type Resume,
  type Session,
} from '../../play/session.js';
import { keepStep } from '../../play/keep-step.js';
import { initialScreen, reduceScreen } from '../screen-state.js';
import type { GameStore } from '../../save/game-store.js';
import { allSeen, newChoices } from '../../save/profile.js';
import { gallery } from '../../save/gallery.js';
import { branchMap } from '../../play/branch-map.js';
import { BranchMap } from './BranchMap.js';
import { ContinuePrompt } from './ContinuePrompt.js';
import { EndingsGallery } from './EndingsGallery.js';
import { SaveMenu } from './SaveMenu.js';
import { ChoiceList } from './ChoiceList.js';
import { ConfirmQuit } from './ConfirmQuit.js';
import { DebugPanel } from './DebugPanel.js';
import { Farewell } from './Farewell.js';
import { HelpOverlay, helpHeight } from './HelpOverlay.js';
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
  /** Ctrl+Z: stop the game as a shell job; returns once it runs again */
  onSuspend?: () => void;
  /** asks for the whole frame again, on a cleared screen (after `fg`) */
  redrawSignal?: RedrawSignal;
  /** autosave, slots and the profile; without it nothing is kept between sittings */
  store?: GameStore;
  /** a run to pick up at once (`--continue`, `--load`) */
  resume?: Resume;
  /** an unfinished run to offer: Continue / New game */
  offer?: Resume;
  /** keeps the transcript after every step (--transcript); returns what went wrong, or null */
  transcript?: (run: Run) => string | null;
}

function firstSession(props: AppProps): Session {
  const { story, seed, from, set, scripted, resume } = props;
  if (resume) {
    return playScripted(continueSession(story, resume), scripted);
  }
  // The content note heads the new game's title, above the first scene, as in the plain
  // player: it never holds back the first frame.
  const session = openSession(story, { seed, from, set }, undefined, true);
  return playScripted(session, scripted);
}

/** History items printed per frame when many are waiting (see useBatchedCount). */
const HISTORY_BATCH = 24;

/** The game on a terminal: history above, the live scene, meters and choices below. */
export function App(props: AppProps) {
  const { story, anim, debug } = props;
  const { exit } = useApp();
  const { write } = useStdout();
  const { isRawModeSupported } = useStdin();
  const sr = useIsScreenReaderEnabled();
  const size = useTerminalSize();
  const layout = layoutFor(size.columns);

  const [screen, dispatch] = useReducer(reduceScreen, props, (p) => {
    const first = initialScreen(firstSession(p), p.anim, p.offer ?? null);
    const notices = p.store?.notices ?? [];
    return notices.length ? { ...first, message: notices.join(' ') } : first;
  });
  const { session, overlay, selected, message, leaving } = screen;
  const { store, onExit, leaveSignal, onSuspend, redrawSignal } = props;
  // What the profile knows, read again after every step so "new" markers and the gallery redraw.
  const [record, setRecord] = useState(() => store?.record() ?? null);

  // Whether this step's prose was all seen in some run before: decided once per step,
  // before the step itself is recorded, so seen text appears at once and new text types.
  const seenRef = useRef<{ stepNo: number; seen: boolean }>({ stepNo: -1, seen: false });
  if (seenRef.current.stepNo !== session.stepNo) {
    seenRef.current = { stepNo: session.stepNo, seen: record ? allSeen(record, session.step.paragraphs) : false };
  }
  const stepSeen = seenRef.current.seen;

  // Autosave and the profile after every step (not while the Continue prompt is up).
  const savedAnything = useRef(false);
  const choosingRun = overlay === 'continue';
  useEffect(() => {
    if (!store || choosingRun) return;
    const kept = keepStep(store, session.start, session.step, savedAnything.current, new Date());
    savedAnything.current = kept.saved;
    if (kept.problems.length) dispatch({ type: 'notice', message: kept.problems.join(' ') });
    setRecord(store.record());
  }, [store, session.start, session.step, choosingRun]);

  // The transcript is rewritten after every step, like the autosave.
  const { transcript } = props;
  useEffect(() => {
    if (!transcript || choosingRun) return;
    const problem = transcript({ start: session.start, taken: session.step.state.taken });
    if (problem) dispatch({ type: 'notice', message: problem });
  }, [transcript, session.start, session.step, choosingRun]);

  // The save menu lists what is on disk each time it opens; saves and loads asked for by the reducer happen here.
  useEffect(() => {
    if (store && overlay === 'saves') dispatch({ type: 'slots', slots: store.slots() });
  }, [store, overlay]);
  useEffect(() => {
    const pending = screen.pending;
    if (!pending) return;
    if (!store) {
      dispatch({ type: 'saved', message: 'Saves are not available here.', slots: [] });
      return;
    }
    if (pending.kind === 'save') {
      const result = store.saveAs(pending.name, runOf(session), session.step.state);
      dispatch({ type: 'saved', message: result.message, slots: store.slots() });
    } else {
      const loaded = store.load(pending.name);
      dispatch({
        type: 'loaded',
        name: pending.name,
        result: loaded.ok ? { ok: true, run: loaded.run, notice: loaded.notice } : loaded,
      });
    }
  }, [store, screen.pending, session]);

  const { state, paragraphs } = session.step;
  const ending = state.ending !== null;
  const meters = readMeters(story, state);
  const deltas = session.before ? meterDeltas(story, session.before, state) : null;
  const choices = useMemo(() => {
    const found = choicesOf(session);
    if (!record) return found;
    const fresh = newChoices(
      record,
      found.all.map((choice) => choice.id),
    );
    const mark = (list: typeof found.all) =>
      list.map((choice) => (fresh.has(choice.id) ? { ...choice, label: `${choice.label} \u2726new` } : choice));
    return { all: mark(found.all), open: mark(found.open) };
  }, [session, record]);

  // The prose stays live (it reflows on resize) only while the whole frame fits the terminal.
  const debugBelow = size.columns < layout.width + 1 + DEBUG_PANEL_WIDTH;
  const debugWidth = debugBelow ? layout.width : Math.min(size.columns - layout.width - 1, 120);
  const debugMax = debugBelow ? Math.max(6, Math.floor(size.rows / 3)) : size.rows - 1;
  const debugHeight =
    debug && debugBelow
      ? debugGrid(
          story.varOrder.map((n) => n),
          debugWidth,
          debugMax,
        ).height
      : 0;
  // wrapped here, as Ink's wrapping starts lines with a space, and counted in the frame
  const messageLines = message ? wrapText(message, layout.width) : [];
  const fits = fitsLive(size.rows, {
    prose: proseHeight(paragraphs, layout.width),
    meters: metersHeight(layout, meters.status.length),
    choices: ending ? 1 : choicesHeight(choices.all, layout),
    extra: 1 + messageLines.length + debugHeight,
  });
  const live = !session.committed && fits;
  const typer = useTypewriter(live ? proseLength(paragraphs) : 0, {
    enabled: anim && !sr && live && screen.skipped !== session.stepNo && !stepSeen,
    paused: overlay === 'continue',
    resetKey: session.stepNo,
  });

  useEffect(() => {
    if (!session.committed && !fits) dispatch({ type: 'commit' });
  }, [session.committed, fits]);
  useEffect(() => {
    if (ending && typer.done && !session.committed) dispatch({ type: 'close-run' });
  }, [ending, typer.done, session.committed]);
  useEffect(() => leaveSignal?.subscribe((code) => dispatch({ type: 'leave', code })), [leaveSignal]);
  // Ink writes the whole frame again after anything written through it.
  useEffect(() => redrawSignal?.subscribe(() => write(CLEAR_SCREEN)), [redrawSignal, write]);
  useEffect(() => {
    if (leaving === null) return;
    onExit?.(leaving);
    exit();
  }, [leaving, onExit, exit]);

  useInput(
    (input, key) => {
      // every key of the read, in order, each on the screen the one before it made
      for (const press of keyPresses(input, key)) {
        const { action } = press;
        if (action.type === 'suspend') {
          onSuspend?.();
          continue;
        }
        // Only r or Enter can start another run (at an ending), so only they draw a fresh seed.
        const again = action.type === 'restart' || action.type === 'enter';
        const restart = { seed: again ? props.newSeed() : 0, from: props.from, set: props.set };
        dispatch({ type: 'key', action, typing: !typer.done, stepNo: session.stepNo, restart, input: press.input });
      }
    },
    { isActive: isRawModeSupported && leaving === null },
  );

  const printed = useBatchedCount(session.history.length, HISTORY_BATCH);
  const history = (
    <Static items={printed < session.history.length ? session.history.slice(0, printed) : session.history}>
      {(item) => <HistoryEntry key={item.id} item={item} story={story} width={layout.width} />}
    </Static>
  );

  if (leaving !== null) {
    // Left at the Continue prompt, this sitting's run never started: nothing of it is printed.
    if (overlay === 'continue')
      return <Farewell clock={state.clock} seed={state.seed} ended={false} atOffer width={layout.width} />;
    return (
      <>
        {history}
        <Farewell clock={state.clock} seed={state.seed} ended={ending} width={layout.width} />
      </>
    );
  }

  if (overlay === 'continue' && screen.offer) {
    return (
      <ContinuePrompt
        where={resumeLine(story, screen.offer)}
        notice={screen.offer.notice}
        selected={selected}
        width={layout.width}
      />
    );
  }

  // An overlay sits below the meters, above the message, and gets what the terminal has left;
  // the scene's prose steps aside while it is up (it is back when the overlay closes).
  const overlayUp =
    typer.done && (overlay === 'help' || overlay === 'branches' || overlay === 'endings' || overlay === 'saves');
  const room = overlayRoom(size.rows, {
    meters: metersHeight(layout, meters.status.length),
    message: messageLines.length,
    need: overlay === 'help' ? helpHeight(layout.width, layout.tiny) : MIN_OVERLAY_ROWS,
  });
  const overlayRows = room.rows;
  const main = (
    <Box flexDirection="column" width={layout.width}>
      {live && !overlayUp && <SceneText paragraphs={paragraphs} width={layout.width} shown={typer.shown} />}
      {(!overlayUp || room.meters) && (
        <MetersPanel meters={meters} deltas={deltas} window={session.window} layout={layout} sr={sr} />
      )}
      {!typer.done ? (
        <KeyHint mode="typing" short={layout.narrow} width={layout.width} />
      ) : overlay === 'help' ? (
        <HelpOverlay width={layout.width} tiny={layout.tiny} maxRows={overlayRows} />
      ) : overlay === 'branches' ? (
        <BranchMap
          decisions={branchMap(story, runOf(session))}
          cursor={screen.branch}
          width={layout.width}
          maxRows={overlayRows}
        />
      ) : overlay === 'endings' ? (
        <EndingsGallery
          gallery={gallery(story, record ?? { endings: {}, choices: [], seen: [] })}
          width={layout.width}
          maxRows={overlayRows}
        />
      ) : overlay === 'saves' ? (
        <SaveMenu
          slots={screen.saves.slots}
          selected={screen.saves.selected}
          naming={screen.saves.naming}
          width={layout.width}
          maxRows={overlayRows}
        />
      ) : ending ? (
        <KeyHint mode="ending" short={layout.narrow} width={layout.width} />
      ) : (
        <>
          <ChoiceList choices={choices.all} selected={selected} layout={layout} sr={sr} />
          {overlay === 'quit' ? (
            <ConfirmQuit width={layout.width} />
          ) : (
            <KeyHint mode="choosing" short={layout.narrow} width={layout.width} />
          )}
        </>
      )}
      {/* last, where the eye is and where a frame too tall for the terminal still shows it */}
      {message && <Text color="yellow">{messageLines.join('\n')}</Text>}
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
