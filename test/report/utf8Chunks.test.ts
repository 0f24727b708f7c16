import fc from 'fast-check';
import { Utf8Chunks } from '../../src/report/utf8Chunks';

describe('text encoded into chunks', () => {
  test('the chunks joined are the text encoded whole, however it was given and whatever the chunk size', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 20 }), fc.integer({ min: 4, max: 64 }), (pieces, size) => {
        const chunks = new Utf8Chunks(size);
        for (const p of pieces) chunks.add(p);
        const out = chunks.done();
        expect(Buffer.concat(out)).toEqual(Buffer.from(new TextEncoder().encode(pieces.join(''))));
        // No chunk passes its size, and none is empty.
        for (const c of out) expect(c.length > 0 && c.length <= size).toBe(true);
      }),
    );
  });
});
