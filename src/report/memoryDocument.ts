import type { DocumentHost } from './documentHost';
import { tableId, tableTag } from './renderDocx';
import { spliceTaggedContent, taggedControls } from './reportPieces';

/** A document body held as XML, for the Word pane outside Word (a browser preview) and its tests; the cursor is at the end. */
export function createMemoryDocument(xml = '<w:document><w:body><w:sectPr/></w:body></w:document>'): DocumentHost & { xml(): string } {
  let body = xml;
  return {
    kind: 'preview',
    xml: () => body,
    taggedTables: async () => taggedControls(body).map((c) => tableId(c.tag)),
    async refreshTables(pieces) {
      const { xml: refreshed, ...done } = spliceTaggedContent(body, pieces.content);
      body = refreshed;
      return done;
    },
    async insertTable(pieces, id) {
      const block = pieces.block.get(tableTag({ id }));
      if (!block) throw new Error(`The report has no table “${id}”.`);
      const end = body.search(/<w:sectPr\b|<\/w:body>/);
      body = body.slice(0, end) + block + body.slice(end);
    },
  };
}
