// The parsed story: plain data, JSON-serialisable, with source positions for every construct
// an author may need to be pointed at.

export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

export type ValueType = 'int' | 'bool' | 'time';
export type Value = number | boolean;

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%'
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  | 'and' | 'or';

export type BuiltinFunction = 'min' | 'max' | 'abs';

export type Expr =
  | { kind: 'int'; value: number; pos: SourcePos }
  | { kind: 'bool'; value: boolean; pos: SourcePos }
  | { kind: 'time'; value: number; pos: SourcePos }
  | { kind: 'name'; name: string; pos: SourcePos }
  | { kind: 'unary'; op: '-' | 'not'; arg: Expr; pos: SourcePos }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; pos: SourcePos }
  | { kind: 'call'; fn: BuiltinFunction; args: Expr[]; pos: SourcePos }
  /** `visits(scene)`: how many times the run has entered the scene */
  | { kind: 'visits'; scene: string; pos: SourcePos }
  /** `taken(choice_id)`: whether the run has taken the choice */
  | { kind: 'taken'; choice: string; pos: SourcePos };

/** How a varied text picks among its items (ink's `{a|b}`, `{&a|b}`, `{!a|b}`, `{~a|b}`). */
export type VaryMode = 'sequence' | 'cycle' | 'once' | 'shuffle';

/** Prose with interpolations: literal runs, `{expr}` and `{if cond: a|b}`. */
export type TextPart =
  | { kind: 'lit'; text: string }
  | { kind: 'expr'; expr: Expr }
  | { kind: 'cond'; cond: Expr; then: TextPart[]; else: TextPart[] }
  /**
   * Varied text: which item shows follows the visit count of the scene it sits in (a shuffle
   * draws from the seed, keyed by `key`), so it is never state of its own.
   */
  | { kind: 'vary'; mode: VaryMode; items: TextPart[][]; key: string };

export type Text = TextPart[];

export interface ChanceBranch {
  percent: number;
  target: string;
  pos: SourcePos;
}

export type Statement =
  | { kind: 'para'; text: Text; pos: SourcePos }
  | { kind: 'effect'; name: string; op: '=' | '+=' | '-='; value: Expr; pos: SourcePos }
  | { kind: 'wait'; duration: Expr; pos: SourcePos }
  | { kind: 'wait-until'; time: Expr; pos: SourcePos }
  | { kind: 'jump'; target: string; pos: SourcePos }
  /** `-> tunnel -> next`: enter `target` as a tunnel; its `->->` goes on to `next` */
  | { kind: 'tunnel'; target: string; next: string; pos: SourcePos }
  /** `->->`: return from the tunnel the run is in */
  | { kind: 'return'; pos: SourcePos }
  /** `ordinal` numbers the chance draws within one scene or choice, for seeded draws. */
  | { kind: 'chance'; branches: ChanceBranch[]; ordinal: number; pos: SourcePos }
  | { kind: 'if'; branches: IfBranch[]; pos: SourcePos };

export interface IfBranch {
  /** null for `else` */
  cond: Expr | null;
  body: Statement[];
  pos: SourcePos;
}

export interface Choice {
  id: string;
  label: Text;
  /** minutes; 0 when the author forgot it (the validator reports that) */
  cost: number;
  target: string | null;
  /** all must hold for the choice to be shown */
  hiddenUnless: Expr[];
  /** all must hold for the choice to be open; the first that fails gives the reason */
  lockedUnless: Array<{ cond: Expr; reason: Text }>;
  body: Statement[];
  pos: SourcePos;
  targetPos: SourcePos | null;
  /** `once` under the choice: hidden once the run has taken it */
  once?: boolean;
  /** `ledger TEXT` in the body: the line this decision writes in the ending's ledger ("How you got here") */
  ledger?: Text;
  /**
   * the cost as written when it is not one duration: a range (`[30m-2h]`, of which the
   * choice itself spends the least, `cost`) or a time of day (`[until 21:00]`: the choice
   * lasts until the next 21:00). Absent for a plain duration.
   */
  declared?: DeclaredCost;
  /** `flavour` in the body: meant to lead where a sibling leads (check's same-result keeps quiet) */
  flavour?: boolean;
  /** `persona ID…` in the body: the player intents (`@persona`) this choice serves */
  personas?: string[];
}

export type DeclaredCost =
  | { kind: 'range'; min: number; max: number }
  /** minutes after midnight */
  | { kind: 'until'; at: number };

/** `@persona ID "Title"`: a named player intent that choices are tagged with. */
export interface Persona {
  id: string;
  title: string;
  pos: SourcePos;
}

export interface Scene {
  id: string;
  /** set for ending scenes */
  ending: { title: string } | null;
  body: Statement[];
  choices: Choice[];
  pos: SourcePos;
}

export interface VarDecl {
  name: string;
  type: ValueType;
  initial: Value;
  min: number | null;
  max: number | null;
  show: { label: string; unit: string | null } | null;
  pos: SourcePos;
}

export type EventTrigger = 'dawn' | 'deadline';

export interface EventDecl {
  trigger: EventTrigger;
  when: Expr | null;
  body: Statement[];
  /** a stable container id for chance draws inside the event */
  id: string;
  pos: SourcePos;
}

export interface Story {
  id: string;
  title: string;
  note: string | null;
  start: string;
  /** minutes since Monday 00:00 */
  clockStart: number;
  timeout: { at: number; target: string };
  vars: Record<string, VarDecl>;
  /** declaration order, for stable keys and displays */
  varOrder: string[];
  events: EventDecl[];
  scenes: Record<string, Scene>;
  sceneOrder: string[];
  /**
   * the story's own meters (`@meter money NAME`, `@meter time NAME`): the money meter is any
   * whole-number variable, the time meter the `@time` the clock counts down to (and the one
   * `@on deadline` watches); either may be absent
   */
  meters: { money: string | null; time: string | null };
  /** every source file read, by path, for fingerprints and error excerpts */
  sources: Record<string, string>;
  /** declared player intents, in order (absent when there are none) */
  personas?: Persona[];
}

/** Names the engine provides; stories read them but never assign them. */
export const READ_ONLY_NAMES = ['clock', 'day', 'hour'] as const;
export const READ_ONLY_TYPES: Record<(typeof READ_ONLY_NAMES)[number], ValueType> = {
  clock: 'time',
  day: 'int',
  hour: 'int',
};
