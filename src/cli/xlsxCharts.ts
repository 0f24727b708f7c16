import { columnLetters, sheetLayout, type ChartPlan, type WorkbookPlan } from '../workbook/plan';
import { addSheetRelationships, partText, relationships, sheetPaths, type Parts } from './xlsxPackage';
import { escapeXml } from '../report/xmlText';

/**
 * ExcelJS writes no charts, so the plan's charts are added to its package as DrawingML parts: a
 * chart part per chart, a drawing per sheet anchoring them, and the relationships and content
 * types that tie them in. Series refer to the tables' cells, so the charts follow the formulas.
 */
export function addCharts(parts: Parts, plan: WorkbookPlan): void {
  const withCharts = plan.sheets.filter((s) => s.charts?.length);
  if (withCharts.length === 0) return;
  const sheetFiles = sheetPaths(parts);
  let types = partText(parts, '[Content_Types].xml')!;
  let chartNumber = 0;
  for (const [drawingIndex, sheet] of withCharts.entries()) {
    const drawing = drawingIndex + 1;
    const sheetPath = sheetFiles.get(sheet.name);
    if (!sheetPath) throw new Error(`the workbook has no sheet ${sheet.name} to chart`);
    const layout = sheetLayout(sheet);
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    for (const [i, chart] of sheet.charts!.entries()) {
      chartNumber++;
      const placed = layout.tables.find((t) => t.table.name === chart.table);
      if (!placed) throw new Error(`chart "${chart.title}" refers to a table the sheet does not have`);
      parts.set(`xl/charts/chart${chartNumber}.xml`, chartXml(chart, sheet.name, placed.headerRow, placed.body.length));
      types = types.replace('</Types>', `<Override PartName="/xl/charts/chart${chartNumber}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`);
      drawingRels.push(`<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart${chartNumber}.xml"/>`);
      anchors.push(anchorXml(chart, i + 1));
    }
    parts.set(
      `xl/drawings/drawing${drawing}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors.join('')}</xdr:wsDr>`,
    );
    parts.set(`xl/drawings/_rels/drawing${drawing}.xml.rels`, relationships(drawingRels));
    types = types.replace('</Types>', `<Override PartName="/xl/drawings/drawing${drawing}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`);

    const drawingRelId = 'rIdSecmodDrawing';
    addSheetRelationships(parts, sheetPath, [`<Relationship Id="${drawingRelId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing${drawing}.xml"/>`]);
    let sheetXml = partText(parts, sheetPath)!;
    // <drawing> comes before <tableParts> (and after the page set-up) in the worksheet schema.
    const drawingElement = `<drawing r:id="${drawingRelId}"/>`;
    sheetXml = sheetXml.includes('<tableParts') ? sheetXml.replace('<tableParts', `${drawingElement}<tableParts`) : sheetXml.replace('</worksheet>', `${drawingElement}</worksheet>`);
    if (!/xmlns:r=/.test(sheetXml.slice(0, 600))) sheetXml = sheetXml.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
    parts.set(sheetPath, sheetXml);
  }
  parts.set('[Content_Types].xml', types);
}

function chartXml(chart: ChartPlan, sheet: string, headerRow: number, bodyRows: number): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const column = (c: number) => `${quoted}!$${columnLetters(c)}$${headerRow + 2}:$${columnLetters(c)}$${headerRow + 1 + bodyRows}`;
  const gantt = chart.kind === 'gantt';
  const series = chart.seriesColumns
    .map(
      (c, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${escapeXml(`${quoted}!$${columnLetters(c)}$${headerRow + 1}`)}</c:f></c:strRef></c:tx>` +
        (gantt && i === 0 ? '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>' : '') +
        `<c:invertIfNegative val="0"/><c:cat><c:strRef><c:f>${escapeXml(column(chart.categoryColumn))}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${escapeXml(column(c))}</c:f></c:numRef></c:val></c:ser>`,
    )
    .join('');
  // A Gantt chart measures months from the decision: its axis starts there, and its end follows the bars.
  const min = gantt ? '<c:min val="0"/>' : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="${gantt ? 'bar' : 'col'}"/><c:grouping val="${gantt ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="${gantt ? 50 : 150}"/>${gantt ? '<c:overlap val="100"/>' : ''}<c:axId val="500001"/><c:axId val="500002"/></c:barChart>` +
    `<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="${gantt ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${gantt ? 'l' : 'b'}"/>` +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/>${min}</c:scaling><c:delete val="0"/><c:axPos val="${gantt ? 'b' : 'l'}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${escapeXml(chart.numberFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500001"/><c:crosses val="${gantt ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>${chart.seriesColumns.length > 1 && !gantt ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : ''}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function anchorXml(chart: ChartPlan, id: number): string {
  const point = (row: number, col: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${point(chart.at.row, chart.at.col)}</xdr:from><xdr:to>${point(chart.at.row + chart.size.rows, chart.at.col + chart.size.cols)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId${id}"/>` +
    '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}
