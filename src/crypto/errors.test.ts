import { describe, it, expect } from 'vitest';
import { CryptoError } from './errors.ts';

describe('CryptoError', () => {
  it('is an Error named CryptoError that keeps its cause', () => {
    const cause = new Error('inner');
    const error = new CryptoError('bad', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CryptoError');
    expect(error.message).toBe('bad');
    expect(error.cause).toBe(cause);
  });
});
