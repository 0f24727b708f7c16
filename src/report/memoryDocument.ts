import type { DocumentHost } from './documentHost';
import { TAG_PREFIX } from './renderDocx';
import { spliceTaggedContent, taggedControls } from './reportPieces';

/** A document body held as XML, for the Word pane outside Word (a browser preview) and its tests; the cursor is at the end. */
export function createMemoryDocument(xml = '<w:document><w:body><w:sectPr/></w:body></w:document>'): DocumentHost & { xml(): string } {
  let body = xml;
  const idOf = (tag: string) => tag.slice(TAG_PREFIX.length);
  return {
    kind: 'preview',
    xml: () => body,
    taggedTables: async () => taggedControls(body).map((c) => idOf(c.tag)),
    async refreshTables(pieces) {
      const splice = spliceTaggedContent(body, pieces.content);
      body = splice.xml;
      return { replaced: splice.replaced.map(idOf), unknown: splice.unknown.map(idOf), missing: splice.missing.map(idOf) };
    },
    async insertTable(pieces, id) {
      const block = pieces.block.get(`${TAG_PREFIX}${id}`);
      if (!block) throw new Error(`The report has no table “${id}”.`);
      const end = body.search(/<w:sectPr\b|<\/w:body>/);
      body = body.slice(0, end) + block + body.slice(end);
    },
  };
}
