// The terminal as Ink sees it: a stand-in for stdout that passes everything on, and
// - remembers whether the last text written ended its line: Ink leaves a frame as tall as the
//   terminal without its final newline, and the shell's prompt must not land on the farewell;
// - when the locale shows ASCII only, folds everything drawn (borders, bars, symbols, the
//   story's own text) to ASCII of the same width, so Ink's layout, measured on the text,
//   still fits.
import { EventEmitter } from 'node:events';
import { foldToAscii } from '../text/ascii-fold.js';

type Callback = (error?: Error | null) => void;

// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;

/** A stand-in for `target` with what Ink reads of a stdout: size, state, resize, write. */
export class GameStdout extends EventEmitter {
  private lineEnded = true;

  constructor(
    private readonly target: NodeJS.WriteStream,
    private readonly ascii = false,
  ) {
    super();
    target.on('resize', () => this.emit('resize'));
  }

  /** False when text was written since the last newline (escape sequences aside). */
  get atLineStart(): boolean {
    return this.lineEnded;
  }

  get columns(): number {
    return this.target.columns;
  }
  get rows(): number {
    return this.target.rows;
  }
  get isTTY(): boolean {
    return this.target.isTTY;
  }
  get writable(): boolean {
    return this.target.writable;
  }
  get destroyed(): boolean {
    return this.target.destroyed;
  }
  get writableEnded(): boolean {
    return this.target.writableEnded;
  }
  get writableLength(): number {
    return this.target.writableLength;
  }

  write(chunk: string | Uint8Array, encoding?: BufferEncoding | Callback, callback?: Callback): boolean {
    let out = chunk;
    if (typeof chunk === 'string') {
      const visible = chunk.replace(ESCAPES, '');
      if (visible) this.lineEnded = visible.endsWith('\n');
      if (this.ascii) out = foldToAscii(chunk);
    }
    if (typeof encoding === 'function') return this.target.write(out, encoding);
    return this.target.write(out, encoding, callback);
  }

  /** As Ink's stdout it is typed as the stream it stands for. */
  asStream(): NodeJS.WriteStream {
    return this as unknown as NodeJS.WriteStream;
  }
}
