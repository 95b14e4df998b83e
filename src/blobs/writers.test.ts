import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentWriter, writerIsGone } from './writers.ts';

describe('writers of temporary files', () => {
  const [host, boot, pid, start] = currentWriter().split('-');

  it('names this process by host, boot, process id and start time', () => {
    expect([host, boot]).toEqual([expect.stringMatching(/^[0-9a-f]{8}$/), expect.stringMatching(/^[0-9a-f]{8}$/)]);
    expect([pid, start]).toEqual([String(process.pid), expect.stringMatching(/^\d+$/)]);
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    expect(start).toBe(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  });

  it('tells a running writer, a dead one, an earlier boot, and what it cannot judge', () => {
    expect(writerIsGone(currentWriter())).toBe(false);
    // The same process id with another start time: the id was reused, the writer is gone.
    expect(writerIsGone(`${host}-${boot}-${pid}-${Number(start) + 1}`)).toBe(true);
    expect(writerIsGone(`${host}-${boot}-4194305-1`)).toBe(true); // above Linux's largest process id
    expect(writerIsGone(`${host}-${boot === '00000000' ? '11111111' : '00000000'}-${pid}-${start}`)).toBe(true);
    expect(writerIsGone(`${host === '00000000' ? '11111111' : '00000000'}-${boot}-${pid}-${start}`)).toBeNull();
    expect(writerIsGone(`${host}-x-${pid}-x`)).toBeNull();
    expect(writerIsGone(String(process.pid))).toBeNull();
    expect(writerIsGone('')).toBeNull();
  });
});
