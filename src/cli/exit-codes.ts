/** 0 ok, 1 a failure of ours at run time, 2 bad input (flags, story files, saves). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** An error whose message is meant for the user as it is, with the exit code to leave with. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_BAD_INPUT,
  ) {
    super(message);
  }
}
