import type { Story } from '../story/types.js';
import { Unsupported, type CompiledStory } from './compiled-story.js';

/**
 * How a resting state is packed into whole 32-bit words: the scene, then the deadline that
 * fired, then the scene's live variables, each in as few bits as its declared range needs
 * (a flag in 1, `heat in 0..5` in 3, a number with no range in a word of its own). The week
 * packs into 6 words instead of 16. Assignments clamp to the range, so a value outside it
 * is an engine change the packing does not know: it throws Unsupported (the sweep then
 * walks with the engine) rather than store a wrong state.
 */
export interface StateLayout {
  words: number;
  /** per field, five numbers: variable (-1: the deadline fired), least value, bits, word, shift */
  fields: Int32Array;
}

const RAW = 32;

export function stateLayouts(story: Story, compiled: CompiledStory): StateLayout[] {
  const bitsOf = (index: number): { min: number; bits: number } => {
    const decl = story.vars[compiled.varNames[index]!]!;
    if (decl.type === 'bool') return { min: 0, bits: 1 };
    const initial = Number(decl.initial);
    if (decl.min === null || decl.max === null || initial < decl.min || initial > decl.max)
      return { min: 0, bits: RAW };
    const span = decl.max - decl.min;
    if (!Number.isInteger(span) || span >= 2 ** 30) return { min: 0, bits: RAW };
    return { min: decl.min, bits: Math.max(1, Math.ceil(Math.log2(span + 1))) };
  };
  return compiled.live.map((live) => {
    const fields: number[] = [];
    let word = 1;
    let shift = 0;
    const place = (variable: number, min: number, bits: number) => {
      if (bits === RAW || shift + bits > 32) {
        if (shift > 0) word++;
        shift = 0;
      }
      fields.push(variable, min, bits, word, shift);
      shift += bits;
      if (shift >= 32) {
        word++;
        shift = 0;
      }
    };
    place(-1, 0, RAW);
    // Wide fields first, so the narrow ones share the words left.
    const order = [...live].sort((a, b) => bitsOf(b).bits - bitsOf(a).bits);
    for (const index of order) {
      const { min, bits } = bitsOf(index);
      place(index, min, bits);
    }
    return { words: shift > 0 ? word + 1 : word, fields: Int32Array.from(fields) };
  });
}

/** Packs the machine's state at `scene` into `record`; its length in words. */
export function packState(
  layout: StateLayout,
  scene: number,
  vars: Float64Array,
  deadlineFired: number,
  record: Int32Array,
): number {
  const fields = layout.fields;
  const words = layout.words;
  record[0] = scene;
  for (let w = 1; w < words; w++) record[w] = 0;
  for (let f = 0; f < fields.length; f += 5) {
    const variable = fields[f]!;
    const value = variable < 0 ? deadlineFired : vars[variable]!;
    const bits = fields[f + 2]!;
    const word = fields[f + 3]!;
    if (bits === RAW) {
      if ((value | 0) !== value) throw new Unsupported('a value past 32 bits');
      record[word] = value;
      continue;
    }
    const v = value - fields[f + 1]!;
    // A whole number in [0, 2^bits): no bit at or past `bits` (bits is at most 30).
    if ((v | 0) !== v || v >>> bits !== 0) throw new Unsupported('a value outside its declared range');
    record[word] = record[word]! | (v << fields[f + 4]!);
  }
  return words;
}

/** Unpacks a record's variables into `vars` (the others keep what they hold); the deadline fired. */
export function unpackState(layout: StateLayout, words: Int32Array, start: number, vars: Float64Array): number {
  const fields = layout.fields;
  let deadlineFired = -1;
  for (let f = 0; f < fields.length; f += 5) {
    const variable = fields[f]!;
    const bits = fields[f + 2]!;
    const word = words[start + fields[f + 3]!]!;
    const value = bits === RAW ? word : ((word >>> fields[f + 4]!) & ((1 << bits) - 1)) + fields[f + 1]!;
    if (variable < 0) deadlineFired = value;
    else vars[variable] = value;
  }
  return deadlineFired;
}
