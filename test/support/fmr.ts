import JSZip from 'jszip';
import { isoDate } from '../../src/model/calendarDates';
import { renderDocx } from '../../src/report/renderDocx';
import { livePlan } from './plans';
import { seedText } from './seed';

export const HEADING = 'MP207 report';
/** The seed's model as exported with a decision on 1 March 2027, and as it stands after the decision moved to 1 September 2027. */
export const march = livePlan(seedText());
export const september = livePlan(seedText(), (a) => ({ ...a, timeline: { ...a.timeline, decisionDate: isoDate('2027-09-01')! } }));

export const author = (text: string) => `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
export const foreignControl = `<w:sdt><w:sdtPr><w:alias w:val="Old table"/><w:tag w:val="secmod:retired-table"/><w:id w:val="42"/></w:sdtPr><w:sdtContent>${author('A table this model no longer makes.')}</w:sdtContent></w:sdt>`;
export const authorsControl = `<w:sdt><w:sdtPr><w:alias w:val="Author's date"/><w:tag w:val="author-date"/><w:id w:val="43"/></w:sdtPr><w:sdtContent>${author('30 November 2026')}</w:sdtContent></w:sdt>`;

/** The exported report's document.xml as an author edits it: paragraphs of their own around and between the tables, a retired table's control and a control of their own. */
export function authorsBody(xml: string): string {
  let k = 0;
  return xml
    .replace('<w:body>', `<w:body>${author('1 Summary. The Panel is asked to note the costs below.')}${authorsControl}`)
    .replace(/<\/w:sdt>/g, () => `</w:sdt>${author(`Author paragraph ${++k} after a table.`)}`)
    .replace(/<w:sectPr/, `${foreignControl}${author('Closing words of the report.')}<w:sectPr`);
}

/** An FMR as an author builds it from the exported report, with a part of its own (a comment). */
export async function authorsFmr(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await renderDocx(march.report, HEADING));
  zip.file('word/document.xml', authorsBody(await zip.file('word/document.xml')!.async('string')));
  zip.file('word/comments.xml', '<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
  return zip.generateAsync({ type: 'uint8array' });
}

/** Every part of a Word package as text, by name: what a refresh must leave as it was. */
export async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files).sort()) if (!entry.dir) out.set(name, await entry.async('string'));
  return out;
}
