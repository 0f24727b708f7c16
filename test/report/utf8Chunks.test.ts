import fc from 'fast-check';
import { Utf8Chunks } from '../../src/report/utf8Chunks';

describe('text encoded into chunks', () => {
  test('the chunks joined are the text and bytes encoded whole, however they were given and whatever the chunk size', () => {
    const piece = fc.oneof(fc.string({ unit: 'binary' }), fc.uint8Array({ maxLength: 100 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.integer({ min: 4, max: 64 }), (pieces, size) => {
        const chunks = new Utf8Chunks(size);
        for (const p of pieces) {
          if (typeof p === 'string') chunks.add(p);
          else chunks.addBytes(p);
        }
        const out = chunks.done();
        expect(Buffer.concat(out)).toEqual(Buffer.concat(pieces.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p))));
        // No chunk passes its size, and none is empty.
        for (const c of out) expect(c.length > 0 && c.length <= size).toBe(true);
      }),
    );
  });
});
