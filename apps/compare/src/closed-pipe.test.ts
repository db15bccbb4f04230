import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ignoreClosedPipe } from './closed-pipe';

/** A stream that records what is written to it and can fail like a pipe. */
function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = Object.assign(new EventEmitter(), {
    isTTY,
    write: (text: string) => written.push(text) > 0,
  });
  return { written, stream };
}

const errorWithCode = (code: string) => Object.assign(new Error(code), { code });

describe('ignoreClosedPipe', () => {
  it('writes through until the reader goes away, then drops writes quietly', () => {
    const { written, stream } = fakeStream(false);
    const guarded = ignoreClosedPipe(stream);
    expect(guarded.write('one\n')).toBe(true);
    stream.emit('error', errorWithCode('EPIPE'));
    expect(guarded.write('two\n')).toBe(false);
    expect(written).toEqual(['one\n']);
    expect(guarded.isTTY).toBe(false);
  });

  it('still throws any other stream error', () => {
    const { stream } = fakeStream(false);
    ignoreClosedPipe(stream);
    expect(() => stream.emit('error', errorWithCode('EIO'))).toThrow('EIO');
  });

  it('returns a terminal itself, for the progress bar to drive', () => {
    const { stream } = fakeStream(true);
    expect(ignoreClosedPipe(stream)).toBe(stream);
  });
});
