// How deep and how long a story's constructs may go. Past these a story is refused with a
// positioned problem, so every walk over a parsed story (all of them recursive over `if`
// blocks, conditional text and expressions) stays far inside the stack. Documented in
// docs/story-format.md ("Limits").

/** `if` blocks inside `if` blocks, in one scene, choice or event. */
export const MAX_IF_DEPTH = 100;
/** `{if …: …}` inside conditional text. */
export const MAX_TEXT_DEPTH = 32;
/** Tokens in one expression: numbers, names, operators and brackets. */
export const MAX_EXPRESSION_TOKENS = 2000;
