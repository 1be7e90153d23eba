// User errors (bad flags, bad config): printed as one line plus a hint, never with a stack trace.

export class UsageError extends Error {
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}
