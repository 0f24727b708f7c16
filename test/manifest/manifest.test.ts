import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaredApiSets } from '../../scripts/manifestApiSets';
import { manifestProblems } from '../../scripts/manifestCheck';

const root = join(__dirname, '..', '..');
const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');
const context = { assetsDir: join(root, 'assets') };

describe('the offline manifest check', () => {
  test('manifest.xml passes', () => {
    expect(manifestProblems(xml, context)).toEqual([]);
  });

  test.each([
    ['a wider permission', xml.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteMailbox</Permissions>'), /Permissions must be ReadWriteDocument/],
    ['an http URL', xml.replace('https://localhost:3000/functions.json', 'http://localhost:3000/functions.json'), /is not HTTPS/],
    ['an undefined resid', xml.replace('resid="Group.Label"', 'resid="Group.Missing"'), /resid Group.Missing is used but not defined/],
    ['an icon at the wrong size', xml.replace('assets/icon-80.png', 'assets/icon-64.png'), /icon-64.png is 64×64, expected 80×80/],
    ['a missing icon', xml.replace('assets/icon-16.png', 'assets/nope.png'), /does not exist/],
    ['elements out of order', xml.replace(/(<DefaultSettings>[\s\S]*?<\/DefaultSettings>)(\s*)(<Permissions>[^<]*<\/Permissions>)/, '$3$2$1'), /out of schema order/],
    ['a wrong functions metadata file', xml.replace('localhost:3000/functions.json', 'localhost:3000/metadata.json'), /Metadata must be https:\/\/localhost:3000\/functions.json/],
    ['a lower-case namespace', xml.replace('DefaultValue="SECMOD"', 'DefaultValue="secmod"'), /namespace "secmod"/],
    ['a wildcard domain', xml.replace('<Hosts>', '<AppDomains><AppDomain>https://*.example.com</AppDomain></AppDomains>\n  <Hosts>'), /wildcard/],
    ['broken XML', xml.replace('</OfficeApp>', ''), /not well-formed/],
    ['Excel only', xml.replace('    <Host Name="Document"/>\n', ''), /must target Excel and Word/],
    ['Word opening the Excel page', xml.replace('<SourceLocation resid="Word.Url"/>', '<SourceLocation resid="Taskpane.Url"/>'), /Word ribbon button must open https:\/\/localhost:3000\/word.html/],
    ['ExcelApi required of every host', xml.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', '$&<Set Name="ExcelApi" MinVersion="1.8"/>'), /Requirements names ExcelApi, which gates every host/],
    ['no ExcelApi minimum on Excel', xml.replace(/(<Host xsi:type="Workbook">\s*<!--\s*)Requires/, '$1Needs'), /Workbook host must open with a comment declaring its ExcelApi minimum/],
    ['a WordApi minimum on Excel', xml.replace(/(<Host xsi:type="Workbook">\s*<!--\s*Requires )ExcelApi/, '$1WordApi'), /Workbook host must open with a comment declaring its ExcelApi minimum/],
    ['no WordApi minimum on Word', xml.replace(/(<Host xsi:type="Document">\s*<!--\s*)Requires/, '$1Needs'), /Document host must open with a comment declaring its WordApi minimum/],
    ['no Word ribbon', xml.replace(/<Host xsi:type="Document">[\s\S]*?<\/Host>\s*(?=<\/Hosts>)/, ''), /no Document \(Word\) host/],
  ])('refuses %s', (_, broken, message) => {
    expect(manifestProblems(broken, context).join('\n')).toMatch(message);
  });

  test('declares the sets both hosts need and each host’s own API minimum', () => {
    expect([...declaredApiSets(xml).keys()]).toEqual(['SharedRuntime', 'ExcelApi', 'WordApi']);
  });

  test('with a build folder, every URL must be a built file', () => {
    expect(manifestProblems(xml, { ...context, distDir: join(root, 'test', 'fixtures') }).join('\n')).toMatch(/taskpane.html is not in the build/);
  });
});
