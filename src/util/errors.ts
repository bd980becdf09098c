import { printable } from './printable.js';

/**
 * A mistake in something the user gave us: a path, a flag, an answers file, a rule pack.
 * The CLI prints it as one line (`file:line:column: message`) and exits with code 2.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'InputError';
  }

  /** The one line a user sees: a file name or a value quoted in the message cannot break it. */
  describe(): string {
    const where = [this.file, this.line, this.column].filter((part) => part !== undefined).join(':');
    return printable(where ? `${where}: ${this.message}` : this.message);
  }
}
