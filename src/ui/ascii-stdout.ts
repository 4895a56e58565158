// The terminal as Ink sees it when the locale cannot show more than ASCII: everything drawn
// (borders, bars, symbols, the story's own text) goes through foldToAscii on its way out.
// Each character keeps its width, so Ink's layout, measured on the text, still fits.
import { EventEmitter } from 'node:events';
import { foldToAscii } from '../text/ascii-fold.js';

type Callback = (error?: Error | null) => void;

/** A stand-in for `target` with what Ink reads of a stdout: size, state, resize, write. */
export class AsciiStdout extends EventEmitter {
  constructor(private readonly target: NodeJS.WriteStream) {
    super();
    target.on('resize', () => this.emit('resize'));
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
    const text = typeof chunk === 'string' ? foldToAscii(chunk) : chunk;
    if (typeof encoding === 'function') return this.target.write(text, encoding);
    return this.target.write(text, encoding, callback);
  }

  /** As Ink's stdout it is typed as the stream it stands for. */
  asStream(): NodeJS.WriteStream {
    return this as unknown as NodeJS.WriteStream;
  }
}
