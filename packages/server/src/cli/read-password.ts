import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export interface PasswordInput {
  stdin: Readable & { isTTY?: boolean };
  /** Where the prompts go (the terminal). */
  stderr: Writable;
}

/** Reads one line from a terminal without echoing what is typed. */
async function promptHidden(io: PasswordInput, question: string): Promise<string> {
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  io.stderr.write(question);
  // readline echoes each key through _writeToOutput: say nothing instead
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    io.stderr.write('\n');
  }
}

/** The first line of a stream (a pipe or a file on standard input), without its line ending. */
async function firstLine(stdin: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/**
 * A new password, never from the command line (ps and the shell's history would show it): asked
 * twice at a terminal, else the first line of standard input (`sabt users create … < file`).
 * Returns null when the two typed passwords differ.
 */
export async function readNewPassword(io: PasswordInput, prompts: { first: string; again: string }) {
  if (!io.stdin.isTTY) return firstLine(io.stdin);
  const first = await promptHidden(io, prompts.first);
  const again = await promptHidden(io, prompts.again);
  return first === again ? first : null;
}
