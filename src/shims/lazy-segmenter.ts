// Injected into the bundles (scripts/bundle-options.js) in place of Intl.Segmenter. Four of
// Ink's text packages build a grapheme segmenter as they load, and the first segmenter of a
// process loads ICU's break-iteration data: 15 to 20 ms of every start, though a frame of
// Latin text never needs one (string-width-fast.ts, ansi-tokenize-fast.ts). This one builds
// the real segmenter on first use; until then it holds only its arguments.
const { Segmenter } = Intl;

type SegmenterArgs = ConstructorParameters<typeof Intl.Segmenter>;

export class LazySegmenter {
  readonly #args: SegmenterArgs;
  #real: Intl.Segmenter | null = null;

  constructor(...args: SegmenterArgs) {
    this.#args = args;
  }

  #segmenter(): Intl.Segmenter {
    this.#real ??= new Segmenter(...this.#args);
    return this.#real;
  }

  segment(input: string): Intl.Segments {
    return this.#segmenter().segment(input);
  }

  resolvedOptions(): Intl.ResolvedSegmenterOptions {
    return this.#segmenter().resolvedOptions();
  }

  static supportedLocalesOf(...args: Parameters<typeof Intl.Segmenter.supportedLocalesOf>): string[] {
    return Segmenter.supportedLocalesOf(...args);
  }
}
